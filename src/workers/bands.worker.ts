/** Computes border distance bands off the main thread (Turf's buffer is large and slow). */
import { bufferBands } from '../geo/bands.ts';

self.onmessage = (event: MessageEvent<{ border: Parameters<typeof bufferBands>[0]; distancesKm: number[] }>) => {
  try {
    self.postMessage({ ok: true, bands: bufferBands(event.data.border, event.data.distancesKm) });
  } catch (error) {
    self.postMessage({ ok: false, message: (error as Error).message });
  }
};
