/**
 * The shareable part of the map's state in the URL hash, as `#map=zoom/lat/lon&site=id&day=YYYY-MM-DD&lang=fa`,
 * and the analyst panel's selection as `&events=YYYY-MM-DD..YYYY-MM-DD&events-type=…&events-actor=…` (facet values repeated).
 * Other hash parameters the host page uses are kept as they are.
 */
export interface HashState {
  view?: { center: [number, number]; zoom: number };
  site?: string | null;
  day?: string | null;
  /** The language chosen for the map (en, ur, fa); shared links open in it. */
  lang?: Lang | null;
  /** The event dataset's selected period and facet values. */
  events?: SavedEvents | null;
}

/** The analyst panel's selection as the URL keeps it. */
export interface SavedEvents {
  from: string;
  to: string;
  types: string[];
  actors: string[];
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
  if (!['map', 'site', 'day', 'lang', 'events'].some((key) => params.has(key))) return undefined;
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
  const events = params.get('events');
  if (events !== null) {
    const [from, to] = events.split('..');
    state.events = isDay(from) && to !== undefined && isDay(to) && from <= to ? { from, to, types: params.getAll('events-type'), actors: params.getAll('events-actor') } : null;
  }
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
  if (state.events !== undefined) {
    for (const key of ['events', 'events-type', 'events-actor']) params.delete(key);
    const { from, to, types, actors } = state.events ?? { types: [], actors: [] };
    if (from && to) params.set('events', `${from}..${to}`);
    for (const type of types) params.append('events-type', type);
    for (const actor of actors) params.append('events-actor', actor);
  }
  // URLSearchParams encodes '/' as %2F; the map parameter reads better with plain slashes.
  return `#${params.toString().replace(/%2F/g, '/')}`;
}

function setOrDelete(params: URLSearchParams, key: string, value: string | null | undefined): void {
  if (value) params.set(key, value);
  else params.delete(key);
}
