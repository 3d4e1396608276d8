/**
 * MapLibre 6 finds its worker next to its own module, which a bundler moves; point it at the
 * worker file Vite emits verbatim beside our code instead (same origin, a module worker, no blob:).
 */
import { setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

let done = false;
export function configureWorker(): void {
  if (done) return;
  setWorkerUrl(new URL(workerUrl, import.meta.url).href);
  done = true;
}
