/**
 * MapLibre's way to a dense dataset's tiles cut in its event worker (src/workers/event-tiles.ts):
 * a `strike-events://` URL per tile server, registered with MapLibre once per page. MapLibre asks
 * for a tile on the page's main thread and the worker answers with its bytes, which are
 * transferred, not copied. No network request is made, so a strict Content-Security-Policy is no bar.
 */
import { addProtocol, type AddProtocolAction } from 'maplibre-gl';
import type { EventTileServer } from '../workers/events-client.ts';

const PROTOCOL = 'strike-events';

/** Servers by number; a server its owner has let go of may be collected (a tile of it is then empty). */
const servers = new Map<number, WeakRef<EventTileServer>>();
const templates = new WeakMap<EventTileServer, string>();

const load: AddProtocolAction = async ({ url }) => {
  const [, server, z, x, y] = /^strike-events:\/\/(\d+)\/(\d+)\/(\d+)\/(\d+)$/.exec(url) ?? [];
  const data = await servers.get(Number(server))?.deref()?.tile(Number(z), Number(x), Number(y));
  return { data: data ?? new ArrayBuffer(0) };
};

/** The tile URL template of a vector source drawing the server's tiles. */
export function tileTemplate(server: EventTileServer): string {
  let template = templates.get(server);
  if (template) return template;
  if (!servers.size) addProtocol(PROTOCOL, load);
  const number = servers.size + 1;
  servers.set(number, new WeakRef(server));
  template = `${PROTOCOL}://${number}/{z}/{x}/{y}`;
  templates.set(server, template);
  return template;
}
