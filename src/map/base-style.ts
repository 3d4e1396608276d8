/**
 * The basemap under the story's layers when it is not the offline one: an online MapLibre style,
 * or a self-hosted PMTiles archive (src/map/pmtiles-base.ts, loaded only then).
 */
import type { StyleSpecification } from 'maplibre-gl';
import { fetchJson } from '../data/fetch-json.ts';
import type { Palette } from './palette.ts';

/** The basemap style in a palette; an online style is the same in every palette. */
export type BaseStyle = (palette: Palette) => StyleSpecification;

/** Whether a `basemap` value names a PMTiles archive: a `.pmtiles` file or a `pmtiles://` URL. */
export function isPmtilesUrl(url: string): boolean {
  return /^pmtiles:\/\//i.test(url) || /\.pmtiles(?:[?#]|$)/i.test(url);
}

/** The basemap at `url`; on failure (other than being aborted) `onFallback` hears the error's message and the result is undefined. */
export async function loadBaseStyle(url: string, signal: AbortSignal, onFallback: (message: string) => void): Promise<BaseStyle | undefined> {
  try {
    if (isPmtilesUrl(url)) {
      const { pmtilesBase } = await import('./pmtiles-base.ts');
      const base = await pmtilesBase(url);
      signal.throwIfAborted();
      return base;
    }
    const style = await fetchJson<StyleSpecification>(url, { signal, timeoutMs: 10_000 });
    return () => style;
  } catch (error) {
    if (signal.aborted) throw error;
    onFallback((error as Error).message);
    return undefined;
  }
}
