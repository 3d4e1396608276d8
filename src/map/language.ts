/**
 * Map labels in the reader's language and script: which property each label layer shows, and the
 * font file MapLibre draws Arabic script with (style `font-faces`). Pure apart from
 * {@link applyMapLanguage}, which pushes the same setup into a live map.
 *
 * MapLibre shapes Arabic itself: it turns each letter into its Unicode presentation form (initial,
 * medial, final, isolated) and draws those one by one. A canvas font must therefore have those
 * forms in its cmap. Noto Nastaliq Urdu has almost none (its joining lives in OpenType rules
 * MapLibre does not run), so Urdu labels use Noto Naskh Arabic; Persian ones use Vazirmatn, as the
 * Persian UI does (with Naskh for the one form it lacks). English keeps the system's fonts and
 * downloads nothing.
 */
import type { ExpressionSpecification, FontFacesSpecification, StyleSpecification } from 'maplibre-gl';
import { ARABIC_RANGE, FONT_URLS, type FontLang } from '../i18n/fonts.ts';
import { labelFields } from './label-fields.ts';

export { labelFields };

/** One font file on the canvas, and the code points it is asked for (MapLibre takes the first that claims one). */
export interface CanvasFace {
  url: string;
  range: string;
}

/**
 * Vazirmatn lacks the isolated form of Urdu's heh goal (U+FBA6, as in کوہ), which a Persian map
 * draws where a place has only an Urdu name; Naskh draws that one.
 */
const VAZIRMATN_CANVAS_RANGE = ARABIC_RANGE.replace('U+FB50-FDFF', 'U+FB50-FBA5, U+FBA7-FDFF');

/** The canvas font of each language: the `text-font` name MapLibre knows it by, and its files in order. */
export const CANVAS_FONT: Record<Exclude<FontLang, 'en'>, { name: string; faces: readonly CanvasFace[] }> = {
  ur: { name: 'Noto Naskh Arabic Regular', faces: [{ url: FONT_URLS.naskh, range: ARABIC_RANGE }] },
  fa: {
    name: 'Vazirmatn Regular',
    faces: [
      { url: FONT_URLS.vazirmatn, range: VAZIRMATN_CANVAS_RANGE },
      { url: FONT_URLS.naskh, range: ARABIC_RANGE },
    ],
  },
};

/** Our symbol layers that draw text; the fields of those that show names follow the language. */
export const TEXT_LAYERS = ['basemap-labels', 'province-labels', 'district-labels', 'towns-label', 'settlements-label', 'crossings-label', 'strikes-label', 'bands-label', 'measure-label'] as const;

export interface MapLanguage {
  /** The style's `font-faces`: null for English (nothing to download). */
  fontFaces: FontFacesSpecification | null;
  /** Layout properties per layer id; `undefined` puts a property back to MapLibre's default. */
  layout: Record<string, { 'text-font': string[] | undefined; 'text-field'?: ExpressionSpecification }>;
}

/** Everything the map needs to draw its labels in `lang`. */
export function mapLanguage(lang: FontLang): MapLanguage {
  const font = lang === 'en' ? undefined : CANVAS_FONT[lang];
  const fields: Record<string, ExpressionSpecification> = labelFields(lang);
  const layout: MapLanguage['layout'] = {};
  for (const id of TEXT_LAYERS) layout[id] = { 'text-font': font ? [font.name] : undefined, ...(fields[id] ? { 'text-field': fields[id] } : {}) };
  return {
    fontFaces: font ? { [font.name]: font.faces.map(({ url, range }) => ({ url, 'unicode-range': range.split(', ') })) } : null,
    layout,
  };
}

/** A style whose labels are in `lang` from the start (for creating a map in a language). */
export function styleInLanguage(style: StyleSpecification, lang: FontLang): StyleSpecification {
  const { fontFaces, layout } = mapLanguage(lang);
  const layers = style.layers.map((layer) => {
    const changes = layout[layer.id];
    if (!changes || layer.type !== 'symbol') return layer;
    const merged: Record<string, unknown> = { ...layer.layout, ...changes };
    for (const key of Object.keys(merged)) if (merged[key] === undefined) delete merged[key];
    return { ...layer, layout: merged };
  });
  const { 'font-faces': _previous, ...rest } = style;
  return fontFaces ? { ...rest, 'font-faces': fontFaces, layers } : { ...rest, layers };
}

/** The map methods {@link applyMapLanguage} uses (a MapLibre `Map` has them all). */
export interface LanguageMap {
  getLayer(id: string): unknown;
  setLayoutProperty(layer: string, name: string, value: unknown): unknown;
  setFontFaces(fontFaces: FontFacesSpecification | null | undefined): unknown;
}

/**
 * Redraws a live map's labels in `lang` (the same map: no reload). Call it once the map's style has
 * loaded (MapLibre refuses `setFontFaces` before), e.g. when `<strike-map lang>` changes:
 * `applyMapLanguage(this.map, lang)`. Layers that are not on the map (left out by `builtin`) are skipped.
 */
export function applyMapLanguage(map: LanguageMap, lang: FontLang): void {
  const { fontFaces, layout } = mapLanguage(lang);
  map.setFontFaces(fontFaces);
  for (const [id, properties] of Object.entries(layout)) {
    if (!map.getLayer(id)) continue;
    for (const [name, value] of Object.entries(properties)) map.setLayoutProperty(id, name, value);
  }
}
