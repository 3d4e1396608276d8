/**
 * The explorer's "Share / embed" snippets (src/explorer/share-dialog.ts): from the view a reader
 * sees, the link to the embed page, the `<iframe data-strike-map>` snippet with embed.js, and the
 * `<script type="module">` + `<strike-map>` snippet. Pure: no DOM. Every value is URL-encoded in
 * links and escaped in attributes; the snippets read back through src/embed/params.ts to the same
 * view (tests/unit/embed-snippets.test.ts).
 */
import type { EmbedAttribute, EmbedLayer } from './params.ts';

export interface ViewState {
  /** [longitude, latitude] in degrees. */
  center: [number, number];
  zoom: number;
  /** The selected strike's id, or null. */
  site: string | null;
  /** The timeline day (YYYY-MM-DD), or null for every day. */
  day: string | null;
  lang: 'en' | 'ur' | 'fa';
  theme: 'light' | 'dark' | 'auto';
  units: 'km' | 'mi' | 'nmi';
  /** `all`, `none` or a space-separated list of legend groups. */
  builtin: string;
  /** The `bands` attribute, or null for the shipped set ("" draws none). */
  bands: string | null;
  /** The reader's own layers (files on the embed page's host). */
  layers?: EmbedLayer[];
}

export interface Snippets {
  link: string;
  iframe: string;
  script: string;
}

export interface SnippetOptions {
  /** The iframe's accessible name. */
  title?: string;
  /** The iframe's height in px before embed.js sizes it. */
  height?: number;
}

/** The element's own defaults: a parameter with this value is left out. */
export const DEFAULTS = { lang: 'en', theme: 'auto', units: 'km', builtin: 'all' } as const;
const TITLE = 'Map of the January 2024 Iran–Pakistan strikes';

/** `value` safe inside a double-quoted HTML attribute (and as text). */
export function escapeAttr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const round = (value: number, places: number) => {
  const n = Number(value.toFixed(places));
  return Object.is(n, -0) ? 0 : n;
};

/** The view as it is written: longitude wrapped into −180…180, latitude and zoom clamped, centre to 4 decimals, zoom to 2. */
export function normalView(state: ViewState): { center: [number, number]; zoom: number } {
  let lon = ((((state.center[0] + 180) % 360) + 360) % 360) - 180;
  if (lon === -180 && state.center[0] > 0) lon = 180;
  const lat = Math.max(-90, Math.min(90, state.center[1]));
  return { center: [round(lon, 4), round(lat, 4)], zoom: round(Math.max(0, Math.min(22, state.zoom)), 2) };
}

/** The element's attributes for the view, in a fixed order, leaving out defaults. */
export function viewAttributes(state: ViewState): [EmbedAttribute, string][] {
  const { center, zoom } = normalView(state);
  const out: [EmbedAttribute, string][] = [
    ['center', `${center[0]},${center[1]}`],
    ['zoom', String(zoom)],
  ];
  for (const name of ['theme', 'units', 'builtin', 'lang'] as const) if (state[name] !== DEFAULTS[name]) out.push([name, state[name]]);
  if (state.bands !== null) out.push(['bands', state.bands]);
  if (state.site) out.push(['site', state.site]);
  if (state.day) out.push(['day', state.day]);
  return out;
}

/** The embed page's query for the view. */
export function embedQuery(state: ViewState): URLSearchParams {
  const params = new URLSearchParams(viewAttributes(state));
  const layers = state.layers ?? [];
  for (const { src } of layers) params.append('layer', src);
  // Paired by order, so once one layer has columns each gets a `columns`, empty if it needs none.
  if (layers.some((layer) => layer.columns)) for (const { columns = '' } of layers) params.append('columns', columns);
  return params;
}

/** The link to the embed page (`base` is the site's root, where embed/ and lib/ are). */
export function embedLink(state: ViewState, base: string): string {
  const url = new URL('embed/', base);
  url.search = embedQuery(state).toString().replace(/%2C/g, ','); // "center=61.5,27.1" reads better, and parses the same
  return url.href;
}

export function buildSnippets(state: ViewState, base: string, { title = TITLE, height = 540 }: SnippetOptions = {}): Snippets {
  const link = embedLink(state, base);
  const embedJs = new URL('embed/embed.js', base).href;
  const iframe =
    `<iframe data-strike-map src="${escapeAttr(link)}" title="${escapeAttr(title)}" width="100%" height="${Math.round(height)}" loading="lazy" allowfullscreen></iframe>\n` +
    `<script src="${escapeAttr(embedJs)}" async></script>`;

  const lib = new URL('lib/strike-map.js', base).href;
  const attributes = viewAttributes(state).map(([name, value]) => ` ${name}="${escapeAttr(value)}"`);
  let script = `<script type="module" src="${escapeAttr(lib)}"></script>\n<strike-map${attributes.join('')}></strike-map>`;
  for (const { src, columns } of state.layers ?? []) {
    const mapping = columns ? ` columns="${escapeAttr(columns)}"` : '';
    script = script.replace('</strike-map>', `\n  <strike-map-layer src="${escapeAttr(src)}"${mapping}></strike-map-layer>\n</strike-map>`);
  }
  return { link, iframe, script };
}
