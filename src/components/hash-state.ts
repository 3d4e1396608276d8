/**
 * The shareable part of the map's state in the URL hash, as `#map=zoom/lat/lon&site=id&day=YYYY-MM-DD&lang=fa`.
 * Other hash parameters the host page uses are kept as they are.
 */
export interface HashState {
  view?: { center: [number, number]; zoom: number };
  site?: string | null;
  day?: string | null;
  /** The language chosen for the map (en, ur, fa); shared links open in it. */
  lang?: Lang | null;
}

import { langOf, type Lang } from '../i18n/lang.ts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const SITE = /^[\w-]{1,80}$/;

export function readHash(hash: string): HashState | undefined {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  if (!params.has('map') && !params.has('site') && !params.has('day') && !params.has('lang')) return undefined;
  const state: HashState = {};
  const [zoom, lat, lon] = (params.get('map') ?? '').split('/').map(Number);
  if ([zoom, lat, lon].every(Number.isFinite) && Math.abs(lat) <= 90 && zoom >= 0 && zoom <= 22) {
    state.view = { center: [lon, lat], zoom };
  }
  const site = params.get('site');
  if (site !== null) state.site = SITE.test(site) ? site : null;
  const day = params.get('day');
  if (day !== null) state.day = DAY.test(day) ? day : null;
  const lang = params.get('lang');
  if (lang !== null) state.lang = langOf(lang) ?? null;
  return state;
}

export function writeHash(current: string, state: HashState): string {
  const params = new URLSearchParams(current.replace(/^#/, ''));
  if (state.view) {
    const { center: [lon, lat], zoom } = state.view;
    params.set('map', `${zoom.toFixed(2)}/${lat.toFixed(4)}/${lon.toFixed(4)}`);
  }
  setOrDelete(params, 'site', state.site);
  setOrDelete(params, 'day', state.day);
  if (state.lang !== undefined) setOrDelete(params, 'lang', state.lang);
  // URLSearchParams encodes '/' as %2F; the map parameter reads better with plain slashes.
  return `#${params.toString().replace(/%2F/g, '/')}`;
}

function setOrDelete(params: URLSearchParams, key: string, value: string | null | undefined): void {
  if (value) params.set(key, value);
  else params.delete(key);
}
