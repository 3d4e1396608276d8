/**
 * Reads an event dataset (a UCDP GED, ACLED or other dated CSV of up to 250 MB) in a module worker: the file
 * (a dropped one, or a `<strike-map-layer src>` download) is streamed there, parsed and validated,
 * and each event measured to the border, while the page shows the progress and stays responsive. The events come back in batches, one at a
 * time, so no one task takes long to receive them. Cancel stops the worker at once. For a dense
 * dataset the worker then stays, cutting the map's vector tiles of it (event-tiles.ts) until closed.
 */
import type { Feature, Point, Polygon } from 'geojson';
import type { ProvinceCollection } from '../geo/sides.ts';
import type { BuiltinData } from '../data/types.ts';
import type { ColumnMapping, EventFormat } from '../data/events.ts';
import type { ParsedLayer } from '../data/validate.ts';
import { DataError, type Problem } from '../data/problems.ts';

/** What the worker needs: the file (or a URL to download it from), and the border and provinces to measure against. */
export interface EventFileJob {
  file: File | { url: string; name: string; timeoutMs?: number };
  border: BuiltinData['border'];
  provinces: ProvinceCollection;
  /** The columns of a CSV of events in no known convention (the reader's answer, or a layer's `columns`). */
  mapping?: ColumnMapping;
  /** The column the layer is labelled by, for its tiles to carry. */
  label?: string;
}

/** A dense dataset's vector tiles, cut in its worker; `close()` ends the worker, after which every tile is empty. */
export interface EventTileServer {
  /** The column the tiles carry as the layer's label. */
  readonly label?: string;
  /** The tile's Mapbox Vector Tile bytes, or null where it has no events. */
  tile(z: number, x: number, y: number): Promise<ArrayBuffer | null>;
  close(): void;
}

/** The parsed layer, with each event's distance to the border (km) and side (see SIDE_CODES in event-codes.ts). */
export interface EventFileResult extends ParsedLayer {
  km: Float64Array;
  side: Int8Array;
  /** For a dense dataset (src/data/map-copy.ts), its tiles. */
  tiles?: EventTileServer;
}

/** Events per message. */
export const BATCH = 1000;

/**
 * The page's word that it has taken a batch: the worker sends the next only then, since Chromium
 * hands a page messages that queued up together in one task, which would hold the page up.
 */
export const TAKEN = 'taken';

/** The page's request for a tile; the worker answers with a 'tile' message of the same number. */
export interface TileRequest {
  tile: number;
  z: number;
  x: number;
  y: number;
}

export type WorkerMessage =
  | { type: 'progress'; read: number; total: number }
  | { type: 'events'; features: Feature<Point>[]; areas: Feature<Polygon>[] }
  | { type: 'done'; format?: EventFormat; skipped: number; problems: Problem[]; km: Float64Array; side: Int8Array; tiles: boolean }
  | { type: 'tile'; tile: number; data: ArrayBuffer | null }
  | { type: 'failed'; file: string; why: Problem }
  | { type: 'crashed'; message: string };

export interface EventFileReading {
  result: Promise<EventFileResult>;
  cancel(): void;
}

/**
 * Starts reading. `onProgress` gets the bytes read so far and the file's size.
 *
 * @throws through `result`: a DataError naming the file (not an event file, too big, no usable rows), or an Error if the worker fails
 */
export function readEventFile(job: EventFileJob, onProgress: (read: number, total: number) => void): EventFileReading {
  const worker = new Worker(new URL('./events.worker.ts', import.meta.url), { type: 'module' });
  let cancel = () => {};
  const result = new Promise<EventFileResult>((resolve, reject) => {
    const features: Feature<Point>[] = [];
    const areas: Feature<Polygon>[] = [];
    cancel = () => {
      if (settled) return; // a dense dataset's worker now cuts its tiles: its owner closes them
      worker.terminate();
      reject(new DOMException('The reading was cancelled.', 'AbortError'));
    };
    let settled = false;
    worker.onmessage = ({ data }: MessageEvent<WorkerMessage>) => {
      if (data.type === 'progress') return onProgress(data.read, data.total);
      if (data.type === 'events') {
        for (const f of data.features) features.push(f);
        for (const a of data.areas) areas.push(a);
        return worker.postMessage(TAKEN);
      }
      if (data.type === 'tile') return;
      settled = true;
      if (data.type !== 'done' || !data.tiles) worker.terminate();
      if (data.type === 'failed') return reject(new DataError(data.file, data.why));
      if (data.type === 'crashed') return reject(new Error(data.message));
      resolve({
        collection: { type: 'FeatureCollection', features },
        areas: data.format && areas.length ? { type: 'FeatureCollection', features: areas } : undefined,
        format: data.format,
        skipped: data.skipped,
        problems: data.problems,
        km: data.km,
        side: data.side,
        tiles: data.tiles ? serveTiles(worker, job.label) : undefined,
      });
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'the event reader failed to start'));
    };
  });
  worker.postMessage(job);
  return { result, cancel };
}

/** Asks the worker, left running once it has read a dense dataset, for its tiles. */
function serveTiles(worker: Worker, label: string | undefined): EventTileServer {
  const waiting = new Map<number, (data: ArrayBuffer | null) => void>();
  let asked = 0;
  let closed = false;
  worker.onmessage = ({ data }: MessageEvent<WorkerMessage>) => {
    if (data.type !== 'tile') return;
    waiting.get(data.tile)?.(data.data);
    waiting.delete(data.tile);
  };
  return {
    label,
    tile(z, x, y) {
      if (closed) return Promise.resolve(null);
      const request: TileRequest = { tile: ++asked, z, x, y };
      worker.postMessage(request);
      return new Promise((resolve) => waiting.set(request.tile, resolve));
    },
    close() {
      closed = true;
      worker.terminate();
      for (const resolve of waiting.values()) resolve(null);
      waiting.clear();
    },
  };
}
