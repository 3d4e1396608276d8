/**
 * Reads an event dataset (a UCDP GED, ACLED or other dated CSV of up to 250 MB) in a module worker: the file
 * (a dropped one, or a `<strike-map-layer src>` download) is streamed there, parsed and validated,
 * and each event measured to the border, while the page shows the progress and stays responsive. The events come back in batches, one at a
 * time, so no one task takes long to receive them. Cancel stops the worker at once.
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
}

/** The parsed layer, with each event's distance to the border (km) and side (see SIDE_CODES). */
export interface EventFileResult extends ParsedLayer {
  km: Float64Array;
  side: Int8Array;
}

/** Sides as the worker sends them, one byte an event. */
export const SIDE_CODES = [null, 'PK', 'IR'] as const;

/** Events per message. */
export const BATCH = 1000;

/**
 * The page's word that it has taken a batch: the worker sends the next only then, since Chromium
 * hands a page messages that queued up together in one task, which would hold the page up.
 */
export const TAKEN = 'taken';

export type WorkerMessage =
  | { type: 'progress'; read: number; total: number }
  | { type: 'events'; features: Feature<Point>[]; areas: Feature<Polygon>[] }
  | { type: 'done'; format?: EventFormat; skipped: number; problems: Problem[]; km: Float64Array; side: Int8Array }
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
      worker.terminate();
      reject(new DOMException('The reading was cancelled.', 'AbortError'));
    };
    worker.onmessage = ({ data }: MessageEvent<WorkerMessage>) => {
      if (data.type === 'progress') return onProgress(data.read, data.total);
      if (data.type === 'events') {
        for (const f of data.features) features.push(f);
        for (const a of data.areas) areas.push(a);
        return worker.postMessage(TAKEN);
      }
      worker.terminate();
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
