/**
 * Computes distance bands (src/geo/offset-bands.ts) in a module worker, so the page never freezes
 * on a small band of a wiggly border; where workers are unavailable the same code is loaded lazily
 * on the main thread instead. Nothing here is loaded until a band is drawn.
 */
import type { Feature, LineString } from 'geojson';
import type { ProvinceCollection } from '../geo/sides.ts';
import type { BandRequest } from '../geo/band-spec.ts';
import type { BandFeature } from '../geo/offset-bands.ts';

/** What the worker needs: the border line, the provinces (for one-sided bands) and the bands. */
export interface BandsJob {
  border: Feature<LineString>;
  provinces?: ProvinceCollection;
  bands: BandRequest[];
}

/** The bands of a job, in the order asked for (run by the worker, or here as a fallback). */
export async function runBandsJob(job: BandsJob): Promise<BandFeature[]> {
  const [{ BandMaker }, { BorderIndex }] = await Promise.all([import('../geo/offset-bands.ts'), import('../geo/border-index.ts')]);
  const maker = new BandMaker({ index: new BorderIndex(job.border), line: job.border, provinces: job.provinces });
  return job.bands.map((b) => maker.band(b.km, b.side));
}

export async function computeBands(job: BandsJob): Promise<BandFeature[]> {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./bands.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return runBandsJob(job);
  }
  return new Promise<BandFeature[]>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<{ ok: true; bands: BandFeature[] } | { ok: false; message: string }>) => {
      worker.terminate();
      if (event.data.ok) resolve(event.data.bands);
      else reject(new Error(event.data.message));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'the band worker failed to start'));
    };
    worker.postMessage(job);
  });
}
