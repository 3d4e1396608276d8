/**
 * The embed page's URL, read into attributes for <strike-map> and the view to open. Pure: no DOM.
 * Anything unknown, malformed or unsafe is dropped and explained in `notices` (plain text, to be
 * shown as text); nothing from the URL is ever treated as markup or code.
 */
import { problemsIn, type Problem } from '../data/problems.ts';
import { SITE_ID, isDay } from '../components/hash-state.ts';

/** Attributes of <strike-map> that the page passes through under the same names. */
export type EmbedAttribute = 'center' | 'zoom' | 'theme' | 'units' | 'builtin' | 'lang' | 'bands' | 'site' | 'day';

/** One of the reader's own layers: its file, and the columns to read it by (see <strike-map-layer columns>). */
export interface EmbedLayer {
  /** An absolute URL on the page's own origin. */
  src: string;
  columns?: string;
}

export interface EmbedOptions {
  attributes: Partial<Record<EmbedAttribute, string>>;
  layers: EmbedLayer[];
  /** wp-embed's secret from `#?secret=…`, when the page was embedded by WordPress. */
  secret?: string;
  /** What was dropped and why, in the page's language through src/embed/embed-text.ts (`text` is the English). */
  notices: Problem[];
}

/** The notices' English sentences; src/embed/embed-text.ts has the Urdu and Persian ones. */
export const EMBED_PROBLEMS = {
  unknown: 'Unknown parameter {name} ignored.',
  repeated: '{name} was given {count} times; the first is used.',
  ignored: '{name}={value} ignored: {why}.',
  badCenter: 'expected "longitude,latitude" in degrees',
  badZoom: 'expected a number from 0 to {max}',
  badChoice: 'expected one of {choices}',
  badLayers: 'builtin: {words} ignored: the layers are all, none or {groups}.',
  badBands: 'not a list of distances',
  badSite: 'a site id has only letters, digits, "_" and "-"',
  badDay: 'expected a date as YYYY-MM-DD',
  notUrl: 'not a URL',
  notHttp: 'only http(s) files can be loaded',
  otherOrigin: 'only files from {origin} can be loaded',
  withPassword: 'a URL with a user name or password',
  tooManyLayers: 'at most {max} layers',
  noLayerForColumns: 'the first columns= is for the first layer=, the second for the second, and this one has none',
  tooLong: 'longer than {max} characters',
} as const;
export type EmbedProblemKey = keyof typeof EMBED_PROBLEMS;
export const embedProblem = problemsIn(EMBED_PROBLEMS);

export const MAX_LAYERS = 5;
const MAX_COLUMNS_TEXT = 500;
const MAX_ZOOM = 22;
const SECRET = /^[A-Za-z0-9]{1,64}$/; // wp-embed drops any secret with other characters
/** The legend groups of src/map/layers.ts (a unit test keeps them equal), not imported so the page's own script stays apart from the library's. */
export const GROUPS = ['basemap', 'provinces', 'districts', 'border', 'bands', 'uncertainty', 'strikes', 'towns', 'crossings'];
const CHOICES: Partial<Record<EmbedAttribute, readonly string[]>> = {
  theme: ['light', 'dark', 'auto'],
  units: ['km', 'mi', 'nmi'],
  lang: ['en', 'ur', 'fa'],
};
const SINGLE = ['center', 'zoom', 'theme', 'units', 'builtin', 'lang', 'bands', 'site', 'day'];

/** A value as it may be quoted in a notice: short, on one line. */
export function quote(value: string): string {
  const line = value.replace(/[\u0000-\u001f\u007f]/g, ' ');
  return `"${line.length > 60 ? `${line.slice(0, 57)}…` : line}"`;
}

export function parseEmbedUrl(href: string): EmbedOptions {
  const url = new URL(href);
  const params = url.searchParams;
  const out: EmbedOptions = { attributes: {}, layers: [], notices: [] };
  const refuse = (name: string, value: string, why: Problem) => out.notices.push(embedProblem('ignored', { name, value: quote(value), why }));

  for (const name of new Set(params.keys())) {
    if (SINGLE.includes(name) || name === 'layer' || name === 'columns') continue;
    if (/^utm_/.test(name)) continue; // campaign tags that sharing tools add: not ours to complain about
    out.notices.push(embedProblem('unknown', { name: quote(name) }));
  }

  const one = (name: string): string | undefined => {
    const all = params.getAll(name);
    if (all.length > 1) out.notices.push(embedProblem('repeated', { name, count: all.length }));
    return all[0];
  };

  const center = one('center');
  if (center !== undefined) {
    const parts = center.split(',');
    const [lon, lat] = parts.map((p) => (p.trim() === '' ? NaN : Number(p)));
    if (parts.length === 2 && Number.isFinite(lon) && Number.isFinite(lat) && Math.abs(lon) <= 180 && Math.abs(lat) <= 90) out.attributes.center = `${lon},${lat}`;
    else refuse('center', center, embedProblem('badCenter'));
  }

  const zoom = one('zoom');
  if (zoom !== undefined) {
    const z = zoom.trim() === '' ? NaN : Number(zoom);
    if (Number.isFinite(z) && z >= 0 && z <= MAX_ZOOM) out.attributes.zoom = String(z);
    else refuse('zoom', zoom, embedProblem('badZoom', { max: MAX_ZOOM }));
  }

  for (const name of ['theme', 'units', 'lang'] as const) {
    const value = one(name);
    if (value === undefined) continue;
    if (CHOICES[name]!.includes(value)) out.attributes[name] = value;
    else refuse(name, value, embedProblem('badChoice', { choices: CHOICES[name]!.join(', ') }));
  }

  const builtin = one('builtin');
  if (builtin !== undefined) {
    const words = builtin.trim().split(/\s+/).filter(Boolean);
    if (words.length === 1 && (words[0] === 'all' || words[0] === 'none')) out.attributes.builtin = words[0];
    else {
      const known = words.filter((w) => GROUPS.includes(w));
      const unknown = words.filter((w) => !GROUPS.includes(w));
      if (unknown.length) out.notices.push(embedProblem('badLayers', { words: unknown.map(quote).join(', '), groups: GROUPS.join(' ') }));
      if (known.length) out.attributes.builtin = known.join(' ');
    }
  }

  // The element checks band values itself and shows its own notice; only keep out what is no band list.
  const bands = one('bands');
  if (bands !== undefined) {
    if (bands.length <= 200 && !/[\u0000-\u001f<>"'`]/.test(bands)) out.attributes.bands = bands;
    else refuse('bands', bands, embedProblem('badBands'));
  }

  const site = one('site');
  if (site !== undefined) {
    if (SITE_ID.test(site)) out.attributes.site = site;
    else refuse('site', site, embedProblem('badSite'));
  }

  const day = one('day');
  if (day !== undefined) {
    if (isDay(day)) out.attributes.day = day;
    else refuse('day', day, embedProblem('badDay'));
  }

  // The n-th `columns` goes with the n-th `layer` (an empty one for a layer that needs none).
  const [layers, columns] = [params.getAll('layer'), params.getAll('columns')];
  layers.forEach((value, i) => {
    const src = sameOriginUrl(value, url);
    const text = columns[i]?.trim();
    if (typeof src !== 'string') refuse('layer', value, src);
    else if (out.layers.length >= MAX_LAYERS) refuse('layer', value, embedProblem('tooManyLayers', { max: MAX_LAYERS }));
    else if (text && text.length > MAX_COLUMNS_TEXT) {
      refuse('columns', text, embedProblem('tooLong', { max: MAX_COLUMNS_TEXT }));
      out.layers.push({ src }); // read as its names allow
    } else out.layers.push(text ? { src, columns: text } : { src });
  });
  for (const extra of columns.slice(layers.length)) refuse('columns', extra, embedProblem('noLayerForColumns'));

  const secret = new URLSearchParams(url.hash.replace(/^#\??/, '')).get('secret');
  if (secret !== null && SECRET.test(secret)) out.secret = secret;
  return out;
}

/** The layer URL resolved against the page, if it is http(s) on the page's own origin. */
function sameOriginUrl(value: string, page: URL): string | Problem {
  let url: URL;
  try {
    url = new URL(value, page);
  } catch {
    return embedProblem('notUrl');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return embedProblem('notHttp');
  if (url.origin !== page.origin) return embedProblem('otherOrigin', { origin: page.origin });
  if (url.username || url.password) return embedProblem('withPassword');
  return url.href;
}
