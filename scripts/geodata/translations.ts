/**
 * The Urdu and Persian texts of the strikes and the timeline: which English fields need a
 * translation, the rules a translation must meet, and the content.<lang>.json file made from it.
 *
 * A field is named by the item's id and a path into the item, the array index included:
 * `{ "strike_ir_kohisabz_20240116": { "claimed_target": "…", "weapons.0.text": "…" } }`.
 * The same id and path find the English original in strikes.geojson or timeline.json.
 */
import type { StrikeProperties, TimelineEvent } from '../../src/data/types.ts';
import { GeodataError } from './validate.ts';

export type ContentLang = 'ur' | 'fa';
/** Item id → field path → text. */
export type FieldTexts = Record<string, Record<string, string>>;

/** The shipped content file: every text in it is a translation made for this project. */
export interface ContentFile {
  lang: ContentLang;
  translated_from: 'en';
  made_for_this_project: true;
  items: FieldTexts;
}

const STRIKE_FIELDS = ['place', 'time_local', 'time_note', 'claimed_target', 'location_basis'] as const;
const STRIKE_LISTS = {
  weapons: ['by', 'text'],
  casualties: ['by', 'text'],
  distance_claims: ['by', 'text'],
  constraints: ['by', 'text', 'why'],
  alternatives: ['name', 'by', 'note'],
} as const;
const TIMELINE_FIELDS = ['time_note', 'title', 'summary'] as const;

/** Every reader-facing English text of the built strikes and timeline, by id and field path. */
export function englishFields(strikes: StrikeProperties[], timeline: TimelineEvent[]): FieldTexts {
  const out: FieldTexts = {};
  for (const s of strikes) {
    const fields: Record<string, string> = {};
    const put = (path: string, text: string | null | undefined) => {
      if (text) fields[path] = text;
    };
    for (const k of STRIKE_FIELDS) put(k, s[k]);
    for (const [list, keys] of Object.entries(STRIKE_LISTS)) {
      const items = (s[list as keyof typeof STRIKE_LISTS] ?? []) as unknown as Record<string, string>[];
      items.forEach((item, i) => keys.forEach((k) => put(`${list}.${i}.${k}`, item[k])));
    }
    put('district.note', s.district?.note);
    put('across_border.country', s.across_border?.country);
    put('across_border.basis', s.across_border?.basis);
    out[s.id] = fields;
  }
  for (const e of timeline) {
    const fields: Record<string, string> = {};
    for (const k of TIMELINE_FIELDS) if (e[k]) fields[k] = e[k]!;
    out[e.id] = fields;
  }
  return out;
}

/** Quotation marks each language's prose uses: Persian guillemets; Urdu ” … “ (how Pakistani media set them). */
export const QUOTES: Record<ContentLang, [open: string, close: string]> = { fa: ['«', '»'], ur: ['\u201D', '\u201C'] };

/** Letters from the other script tradition, which the shipped fonts' Urdu or Persian forms do not expect. */
const FOREIGN_LETTERS: Record<ContentLang, [letter: string, use: string][]> = {
  fa: [['\u064A', 'ی (U+06CC)'], ['\u0643', 'ک (U+06A9)'], ['\u06C1', 'ه (U+0647)'], ['\u06D2', 'ی (U+06CC)'], ['\u06BE', 'ه (U+0647)']],
  ur: [['\u064A', 'ی (U+06CC)'], ['\u0643', 'ک (U+06A9)'], ['\u0647', 'ہ (U+06C1) or ھ (U+06BE)']],
};
const hex = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** Persian prose writes Persian digits; Urdu prose here writes Latin digits, as Pakistani online media do. */
const WRONG_DIGITS: Record<ContentLang, { re: RegExp; why: string }> = {
  fa: { re: /[0-9\u0660-\u0669]/, why: 'Persian text uses Persian digits (۰–۹)' },
  ur: { re: /[\u06F0-\u06F9\u0660-\u0669]/, why: 'Urdu text uses Latin digits (0–9)' },
};

/** How many quoted passages a text has: pairs of straight double quotes, plus curly “…” ones. */
function englishQuotes(text: string): number {
  return Math.floor((text.match(/"/g) ?? []).length / 2) + (text.match(/\u201C/g) ?? []).length;
}

function quotesIn(text: string, [open, close]: [string, string]): number {
  let n = 0;
  for (let at = text.indexOf(open); at >= 0; at = text.indexOf(open, at + 1)) if (text.indexOf(close, at + 1) > at) n++;
  return n;
}

/** Digit runs (any script, read as Latin), e.g. "04:05" → ["04", "05"]. */
function figures(text: string): string[] {
  const latin = text.replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0)).replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660));
  return latin.match(/\d+/g) ?? [];
}

/** What is wrong with one translated text, or null. Also used for the place names (`name_ur`, `name_fa`). */
export function textProblem(lang: ContentLang, text: unknown, english?: string): string | null {
  if (typeof text !== 'string' || text.trim() === '') return 'is empty';
  for (const [letter, use] of FOREIGN_LETTERS[lang]) {
    if (text.includes(letter)) return `uses ${letter} (${hex(letter)}); write ${use}`;
  }
  const digit = WRONG_DIGITS[lang].re.exec(text);
  if (digit) return `has the digit ${digit[0]}; ${WRONG_DIGITS[lang].why}`;
  if (english === undefined) return null;
  const want = englishQuotes(english), have = quotesIn(text, QUOTES[lang]);
  if (have < want) return `loses a quotation: the English quotes ${want}, the translation ${have} (write ${QUOTES[lang].join(' … ')})`;
  const missing = [...new Set(figures(english))].find((n) => !figures(text).some((m) => Number(m) === Number(n)));
  if (missing !== undefined) return `loses the figure ${missing} that the English gives`;
  return null;
}

/**
 * Checks a translation file against the English fields; throws one error listing every problem,
 * each as `translations/<lang>.json: <id> <field>: <problem>`.
 */
export function checkTranslations(lang: ContentLang, english: FieldTexts, translated: FieldTexts): void {
  const file = `translations/${lang}.json`;
  const problems: string[] = [];
  for (const [id, fields] of Object.entries(english)) {
    for (const field of Object.keys(fields)) {
      if (!(field in (translated[id] ?? {}))) problems.push(`${file}: ${id} ${field}: has no translation`);
    }
  }
  for (const [id, fields] of Object.entries(translated)) {
    if (!english[id]) {
      problems.push(`${file}: ${id}: matches no strike or timeline item`);
      continue;
    }
    for (const [field, text] of Object.entries(fields)) {
      const source = english[id][field];
      const problem = source === undefined ? 'matches no translatable field' : textProblem(lang, text, source);
      if (problem) problems.push(`${file}: ${id} ${field}: ${problem}`);
    }
  }
  if (problems.length) throw new GeodataError(problems.join('\n'));
}

/** The shipped content file, in the English order of items and fields whatever the order of the translation file. */
export function contentFile(lang: ContentLang, english: FieldTexts, translated: FieldTexts): ContentFile {
  checkTranslations(lang, english, translated);
  const items: FieldTexts = {};
  for (const [id, fields] of Object.entries(english)) {
    items[id] = Object.fromEntries(Object.keys(fields).map((field) => [field, translated[id][field]]));
  }
  return { lang, translated_from: 'en', made_for_this_project: true, items };
}
