/**
 * The Urdu and Persian texts of the built-in strikes and timeline (geodata/content.ur.json and
 * content.fa.json), fetched only when a reader picks the language. Every text in them is a
 * translation made for this project from the English in strikes.geojson and timeline.json; a text
 * is found by the item's id and a field path such as `weapons.0.text` (see geodata/README.md).
 */
import type { Lang } from '../i18n/lang.ts';
import { DataError, problemsIn } from './problems.ts';

export const CONTENT_PROBLEMS = { wrongFile: 'not the {lang} content file (expected "lang": "{lang}" and "items")' } as const;
const problem = problemsIn(CONTENT_PROBLEMS);
import { fetchJson, untilAborted } from './fetch-json.ts';

export type ContentLang = Exclude<Lang, 'en'>;

// One literal URL per language, so that the library build emits both files beside the others.
const urls: Record<ContentLang, string> = {
  ur: new URL('../../geodata/content.ur.json', import.meta.url).href,
  fa: new URL('../../geodata/content.fa.json', import.meta.url).href,
};

/** The translated texts of one language. */
export interface ContentTexts {
  lang: ContentLang;
  /**
   * The translation of one field, or undefined where there is none (show the English then).
   * Whatever it returns is a translation made for this project, to be marked as such.
   */
  text(id: string, field: string): string | undefined;
}

interface ContentFile {
  lang: string;
  items: Record<string, Record<string, string>>;
}

const pending = new Map<string, Promise<ContentTexts>>();

/**
 * Fetches the texts of `lang`, from beside the library or from the folder `baseUrl` (ending in
 * `/`), with the same size limit, time limit and errors as the built-in data. One download per
 * URL and page, retried after a failure.
 *
 * @example
 * const fa = await loadContent('fa');
 * const title = fa.text('t20240118_strike', 'title') ?? event.title;
 * const account = fa.text(strike.id, 'weapons.0.text') ?? strike.weapons[0].text;
 */
export function loadContent(lang: ContentLang, baseUrl?: string | URL, signal?: AbortSignal): Promise<ContentTexts> {
  const url = baseUrl === undefined ? urls[lang] : new URL(`content.${lang}.json`, baseUrl).href;
  let texts = pending.get(url);
  if (!texts) {
    texts = fetchContent(lang, url);
    pending.set(url, texts);
    texts.catch(() => pending.delete(url));
  }
  return signal ? untilAborted(texts, signal) : texts;
}

async function fetchContent(lang: ContentLang, url: string): Promise<ContentTexts> {
  const file = await fetchJson<ContentFile>(url);
  if (file?.lang !== lang || typeof file.items !== 'object' || file.items === null) {
    throw new DataError(url, problem('wrongFile', { lang }));
  }
  const items = file.items;
  return {
    lang,
    text: (id, field) => {
      const value = Object.hasOwn(items, id) && Object.hasOwn(items[id], field) ? items[id][field] : undefined;
      return typeof value === 'string' && value !== '' ? value : undefined;
    },
  };
}

/**
 * The English original of a field, read from the item by the same path the translations use:
 * `englishText(strike.properties, 'weapons.0.text')`. Undefined when the path leads to no text.
 */
export function englishText(item: object, field: string): string | undefined {
  let value: unknown = item;
  for (const key of field.split('.')) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return typeof value === 'string' ? value : undefined;
}
