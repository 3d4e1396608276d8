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

/** A strike site's id: letters, digits, "_" and "-" (the rule for the hash, the embed URL and the `site` attribute). */
export const SITE_ID = /^[\w-]{1,80}$/;

/** A real calendar day written as YYYY-MM-DD. */
export function isDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export function readHash(hash: string): HashState | undefined {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  if (!params.has('map') && !params.has('site') && !params.has('day') && !params.has('lang')) return undefined;
  const state: HashState = {};
  const [zoom, lat, lon] = (params.get('map') ?? '').split('/').map(Number);
  if ([zoom, lat, lon].every(Number.isFinite) && Math.abs(lat) <= 90 && zoom >= 0 && zoom <= 22) {
    state.view = { center: [lon, lat], zoom };
  }
  const site = params.get('site');
  if (site !== null) state.site = SITE_ID.test(site) ? site : null;
  const day = params.get('day');
  if (day !== null) state.day = isDay(day) ? day : null;
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
