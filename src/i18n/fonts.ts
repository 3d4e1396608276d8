/**
 * The fonts strike-map ships for Urdu and Persian (WOFF2, OFL; see src/i18n/fonts/), found from this
 * module's own URL, so they load from wherever the library is served (no font host; a strict
 * `default-src 'self'` allows them, as FontFace downloads fall under `font-src`).
 *
 * CSS family names, for the element's styles (e.g. as `--strike-map-font-ur` / `--strike-map-font-fa`):
 * - `"strike-map Nastaliq Urdu"` (Noto Nastaliq Urdu 400; Urdu UI text. Nastaliq needs a tall line:
 *   `line-height` about 2);
 * - `"strike-map Vazirmatn"` (Vazirmatn 400 and 700; Persian UI text).
 * {@link FONT_FAMILY} gives each as a complete `font-family` value with fallbacks. The faces cover only
 * Arabic script ({@link ARABIC_RANGE}), so Latin text in the same element uses the next family in the list.
 */

/** The languages that have fonts to load; English uses the page's own fonts. */
export type FontLang = 'en' | 'ur' | 'fa';

/** The code points the shipped files cover: fontsource's "arabic" subset. */
export const ARABIC_RANGE =
  'U+0600-06FF, U+0750-077F, U+0870-088E, U+0890-0891, U+0897-08E1, U+08E3-08FF, U+200C-200E, U+2010-2011, U+204F, U+2E41, U+FB50-FDFF, U+FE70-FE74, U+FE76-FEFC';

/** The shipped files' URLs (each literal, so bundlers emit the file beside the library). */
export const FONT_URLS = {
  nastaliq: new URL('./fonts/noto-nastaliq-urdu-arabic-400-normal.woff2', import.meta.url).href,
  naskh: new URL('./fonts/noto-naskh-arabic-arabic-400-normal.woff2', import.meta.url).href,
  vazirmatn: new URL('./fonts/vazirmatn-arabic-400-normal.woff2', import.meta.url).href,
  vazirmatnBold: new URL('./fonts/vazirmatn-arabic-700-normal.woff2', import.meta.url).href,
} as const;

interface Face {
  family: string;
  url: string;
  weight: string;
}

const NASTALIQ = 'strike-map Nastaliq Urdu';
const VAZIRMATN = 'strike-map Vazirmatn';

/** The faces each language's UI text is set in. */
export const UI_FACES: Record<FontLang, readonly Face[]> = {
  en: [],
  ur: [{ family: NASTALIQ, url: FONT_URLS.nastaliq, weight: '400' }],
  fa: [
    { family: VAZIRMATN, url: FONT_URLS.vazirmatn, weight: '400' },
    { family: VAZIRMATN, url: FONT_URLS.vazirmatnBold, weight: '700' },
  ],
};

/** A `font-family` value per language: our face first, then the system's. */
export const FONT_FAMILY: Record<FontLang, string> = {
  en: 'system-ui, sans-serif',
  ur: `"${NASTALIQ}", "Noto Nastaliq Urdu", "Jameel Noori Nastaleeq", serif`,
  fa: `"${VAZIRMATN}", Vazirmatn, Tahoma, sans-serif`,
};

const loading = new Map<FontLang, Promise<void>>();

/**
 * Adds the language's faces to `document.fonts` and resolves once they are downloaded and ready to
 * draw. Idempotent: later calls share the first one's promise. For `en` it does nothing (no bytes).
 * Rejects if a file cannot be loaded (the text then falls back to the system's fonts); a later call
 * tries again.
 */
export function loadFonts(lang: FontLang): Promise<void> {
  const known = loading.get(lang);
  if (known) return known;
  const faces = UI_FACES[lang].map(({ family, url, weight }) => new FontFace(family, `url("${url}") format("woff2")`, { weight, unicodeRange: ARABIC_RANGE, display: 'swap' }));
  const done = Promise.all(
    faces.map(async (face) => {
      document.fonts.add(face);
      await face.load();
    }),
  ).then(
    () => undefined,
    (error: unknown) => {
      loading.delete(lang);
      faces.forEach((face) => document.fonts.delete(face));
      throw new Error(`strike-map: the ${lang} font could not be loaded (${(error as Error)?.message ?? error})`);
    },
  );
  loading.set(lang, done);
  return done;
}
