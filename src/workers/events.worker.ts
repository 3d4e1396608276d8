/** Reads an event dataset off the main thread (see events-client.ts). */
import { parseUserText } from '../data/parse-user.ts';
import { DataError } from '../data/problems.ts';
import { MAX_DATA_BYTES, MAX_EVENT_BYTES, checkSize } from '../data/limits.ts';
import { fetchText } from '../data/fetch-json.ts';
import { eventFormatOfHeader } from '../data/csv.ts';
import { guessColumns } from '../data/event-columns.ts';
import type { ColumnMapping } from '../data/events.ts';
import { BorderIndex } from '../geo/border-index.ts';
import { isDense } from '../data/dense.ts';
import { eventTiles, type TileCutter } from './event-tiles.ts';
import { BATCH, TAKEN, type EventFileJob, type TileRequest, type WorkerMessage } from './events-client.ts';
import { SIDE_CODES } from './event-codes.ts';

const post = (message: WorkerMessage, transfer: Transferable[] = []) => self.postMessage(message, { transfer });

let taken = () => {};
/** Resolves when the page has taken the batch just sent (see TAKEN). */
const pageTook = () => new Promise<void>((resolve) => (taken = resolve));

/** The file's text, read in chunks with the progress reported as it goes. */
async function readText(file: File): Promise<string> {
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let read = 0;
  const reader = file.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(decoder.decode(value, { stream: true }));
    read += value.byteLength;
    post({ type: 'progress', read, total: file.size });
  }
  parts.push(decoder.decode());
  return parts.join('');
}

/**
 * A download's text: up to 250 MiB when its columns are given, or its start names an event dataset
 * (or makes a sure guess at a dated CSV's columns), else an ordinary layer's 10 MiB.
 */
function download(url: string, timeoutMs: number | undefined, mapping: ColumnMapping | undefined): Promise<string> {
  const limitFor = (start: string) => (mapping || eventFormatOfHeader(start) || guessColumns(start)?.sure ? MAX_EVENT_BYTES : MAX_DATA_BYTES);
  return fetchText(url, { maxBytes: MAX_EVENT_BYTES, limitFor, timeoutMs, onProgress: (read, total) => post({ type: 'progress', read, total }) });
}

/** For a download without its columns given (no one to ask), the columns of a dated CSV in no known convention, when the guess is sure. */
function sureColumns(text: string): ColumnMapping | undefined {
  const start = text.slice(0, 64 * 1024);
  const guess = eventFormatOfHeader(start) ? null : guessColumns(start);
  return guess?.sure ? guess.mapping : undefined;
}

/** A dense dataset's tiles, once it has been read. */
let cut: TileCutter | undefined;

function sendTile({ tile, z, x, y }: TileRequest): void {
  const bytes = cut?.(z, x, y);
  // A tile's bytes may be a view of a bigger buffer: send exactly its own.
  const data = bytes ? (bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer) : null;
  post({ type: 'tile', tile, data }, data ? [data] : []);
}

self.onmessage = async ({ data }: MessageEvent<EventFileJob | TileRequest | typeof TAKEN>) => {
  if (data === TAKEN) return taken();
  if ('tile' in data) return sendTile(data);
  const { file, border, provinces, mapping, label } = data;
  const name = file.name;
  try {
    const text = file instanceof File ? await readText(file) : await download(file.url, file.timeoutMs, mapping);
    const parsed = parseUserText(name, text, 'events', mapping ?? (file instanceof File ? undefined : sureColumns(text)));
    if (!parsed.format && file instanceof File) checkSize(name, file.size); // not an event dataset after all: an ordinary layer's limit
    const index = BorderIndex.fromGeoJSON(border, provinces);
    const features = parsed.collection.features;
    const km = new Float64Array(features.length);
    const side = new Int8Array(features.length);
    const measure = (from: number) => {
      for (let i = from; i < Math.min(from + BATCH, features.length); i++) {
        const at = (features[i].geometry as { coordinates: number[] }).coordinates;
        km[i] = index.nearest(at).km;
        side[i] = SIDE_CODES.indexOf(index.side(at));
      }
    };
    // Each batch is measured while the page takes the one before it.
    measure(0);
    for (let i = 0; i < features.length; i += BATCH) {
      const took = pageTook();
      post({ type: 'events', features: features.slice(i, i + BATCH) as never, areas: parsed.areas?.features.slice(i, i + BATCH) ?? [] });
      measure(i + BATCH);
      await took;
    }
    const tiles = isDense(features);
    post({ type: 'done', format: parsed.format, skipped: parsed.skipped, problems: parsed.problems, km, side, tiles }, [km.buffer, side.buffer]);
    // Cut while the page sets the dataset up; its first requests wait in the queue meanwhile.
    if (tiles) cut = eventTiles(features as never, label);
  } catch (error) {
    post(error instanceof DataError ? { type: 'failed', file: name, why: error.why } : { type: 'crashed', message: error instanceof Error ? error.message : String(error) });
  }
};
