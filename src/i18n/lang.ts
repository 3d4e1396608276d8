/** The languages strike-map speaks, and how a page's setting picks one. Pure: no DOM. */

export const LANGS = ['en', 'ur', 'fa'] as const;
export type Lang = (typeof LANGS)[number];

/** Each language's name in itself, for the language switch. */
export const LANG_NAMES: Record<Lang, string> = { en: 'English', ur: 'اردو', fa: 'فارسی' };

/** The locale `Intl` formats with: Persian in the Solar Hijri calendar; Urdu as written in Pakistan (Latin digits). */
export const LOCALES: Record<Lang, string> = { en: 'en-GB', ur: 'ur-PK', fa: 'fa-IR-u-ca-persian' };

export function dirOf(lang: Lang): 'ltr' | 'rtl' {
  return lang === 'en' ? 'ltr' : 'rtl';
}

/** The supported language of a BCP 47 tag ("fa-IR" → fa, "ur" → ur), or undefined. */
export function langOf(tag: string | null | undefined): Lang | undefined {
  const primary = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return (LANGS as readonly string[]).includes(primary) ? (primary as Lang) : undefined;
}

/**
 * The language to show: the first supported one among the element's own `lang`, the nearest
 * `lang` up the tree, and the browser's languages, in that order; English if none is supported.
 */
export function chooseLang(candidates: Iterable<string | null | undefined>): Lang {
  for (const tag of candidates) {
    const lang = langOf(tag);
    if (lang) return lang;
  }
  return 'en';
}
