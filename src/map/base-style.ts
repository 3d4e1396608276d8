/** An online MapLibre style to draw under the story's layers, or the offline basemap if it cannot be had. */
import type { StyleSpecification } from 'maplibre-gl';
import { fetchJson } from '../data/fetch-json.ts';

/** The style at `url`; on failure (other than being aborted) `onFallback` hears the error's message and the result is undefined. */
export async function loadBaseStyle(url: string, signal: AbortSignal, onFallback: (message: string) => void): Promise<StyleSpecification | undefined> {
  try {
    return await fetchJson<StyleSpecification>(url, { signal, timeoutMs: 10_000 });
  } catch (error) {
    if (signal.aborted) throw error;
    onFallback((error as Error).message);
    return undefined;
  }
}
