/**
 * Runs bufferBands in a module worker so the page never freezes; where workers are unavailable
 * the same code is loaded lazily on the main thread instead.
 */
import type { Feature, FeatureCollection, LineString, MultiPolygon, Polygon } from 'geojson';

type Bands = FeatureCollection<Polygon | MultiPolygon, { distance_km: number }>;

export async function computeBands(border: Feature<LineString>, distancesKm: number[]): Promise<Bands> {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./bands.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    const { bufferBands } = await import('../geo/bands.ts');
    return bufferBands(border, distancesKm);
  }
  return new Promise<Bands>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<{ ok: true; bands: Bands } | { ok: false; message: string }>) => {
      worker.terminate();
      if (event.data.ok) resolve(event.data.bands);
      else reject(new Error(event.data.message));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'the band worker failed to start'));
    };
    worker.postMessage({ border, distancesKm });
  });
}
