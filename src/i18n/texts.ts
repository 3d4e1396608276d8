/**
 * Everything a component needs to speak one language: its messages (with `{placeholders}` filled
 * in) and its way of writing dates, numbers and distances. English is bundled; Urdu and Persian
 * are fetched on first use. Pure: no DOM.
 */
import type { Units } from '../geo/units.ts';
import type { DistanceRange } from '../geo/distance-range.ts';
import { en, type MessageKey, type Messages } from './en.ts';
import { fillProblem, type FileLabel, type Problem } from '../data/problems.ts';
import type { ProblemKey, ProblemTable } from './problem-table.ts';
import { dirOf, LOCALES, type Lang } from './lang.ts';
import { formatClock, formatDay, formatDayBoth, formatDistanceIn, formatMonthSpan, formatNumber, formatPercent, formatYear, problemWriting } from './format.ts';

export type { MessageKey } from './en.ts';

const PLACEHOLDER = /\{(\w+)\}/g;
const UNIT_KEYS: Record<Units, MessageKey> = { km: 'unitKm', mi: 'unitMi', nmi: 'unitNmi' };

export class Texts {
  constructor(
    readonly lang: Lang,
    private readonly messages: Messages,
    /** The sentences for data problems; without them (English) a problem's own English is used. */
    private readonly problems?: ProblemTable,
  ) {}

  get dir(): 'ltr' | 'rtl' {
    return dirOf(this.lang);
  }

  /** The message for `key` with its placeholders filled in (numbers in the language's digits). */
  t(key: MessageKey, values: Record<string, string | number> = {}): string {
    return this.messages[key].replace(PLACEHOLDER, (whole, name: string) => {
      const value = values[name];
      return value === undefined ? whole : typeof value === 'number' ? formatNumber(value, this.lang) : value;
    });
  }

  /** The message split around its placeholders, each filled with any value (a Lit template, say), for rendering. */
  parts(key: MessageKey, values: Record<string, unknown>): unknown[] {
    return this.messages[key].split(PLACEHOLDER).map((piece, i) => (i % 2 ? (values[piece] ?? `{${piece}}`) : piece));
  }

  /** A data problem in this language (its English where the table lacks its key). */
  problem(problem: Problem): string {
    const sentence = this.problems && Object.hasOwn(this.problems, problem.key) ? this.problems[problem.key as ProblemKey] : undefined;
    return sentence === undefined ? problem.text : fillProblem(sentence, problem.values, (p) => this.problem(p), problemWriting(this.lang));
  }

  /** A file's name as it is, or a label such as "Inline layer" in this language. */
  fileLabel(label: FileLabel): string {
    return typeof label === 'string' ? label : this.problem(label);
  }

  /** A country's name by its code, or the code itself when it is not one the data uses. */
  country(code: string): string {
    const key = `country${code}` as MessageKey;
    return Object.hasOwn(this.messages, key) ? this.messages[key] : code;
  }

  unit(units: Units): string {
    return this.messages[UNIT_KEYS[units]];
  }

  day(isoDate: string, options?: { year?: boolean }): string {
    return formatDay(isoDate, this.lang, options);
  }

  /** A span of days, "3 Mar 2012" or "3 Mar 2012 to 31 Mar 2012". */
  days(first: string, last: string): string {
    return first === last ? this.day(first) : this.t('rangeTo', { min: this.day(first), max: this.day(last) });
  }

  dayBoth(isoDate: string): string {
    return formatDayBoth(isoDate, this.lang);
  }

  monthSpan(firstIso: string, lastIso: string): string {
    return formatMonthSpan(firstIso, lastIso, this.lang);
  }

  clock(isoInstant: string): string {
    return formatClock(isoInstant, this.lang);
  }

  number(value: number, digits?: number): string {
    return formatNumber(value, this.lang, digits);
  }

  /** Short items side by side, "2 killed, 3 injured" / "۲ کشته، ۳ زخمی". */
  list(items: string[]): string {
    return new Intl.ListFormat(LOCALES[this.lang], { type: 'unit', style: 'short' }).format(items);
  }

  year(year: number): string {
    return formatYear(year, this.lang);
  }

  percent(share: number): string {
    return formatPercent(share, this.lang);
  }

  distance(km: number, units: Units, whole = false): string {
    return formatDistanceIn(km, units, this.lang, this.unit(units), whole);
  }

  /** A range's three distances; a range 10 km or more wide in whole units, its decimals being noise. */
  range(range: DistanceRange, units: Units): { km: string; min: string; max: string } {
    const whole = range.maxKm - range.minKm >= 10;
    return { km: this.distance(range.km, units, whole), min: this.distance(range.minKm, units, whole), max: this.distance(range.maxKm, units, whole) };
  }

  /** One sentence for a range: "38 km, somewhere between 3 km and 73 km", and whether it reaches the border. */
  describeRange(range: DistanceRange, units: Units): string {
    if (range.maxKm - range.minKm <= 1e-9) return this.distance(range.km, units);
    const sentence = this.t('rangeSentence', this.range(range, units));
    return range.crossesBorder ? this.t('reachesBorder', { range: sentence }) : sentence;
  }
}

export const english = new Texts('en', en);

const loaded = new Map<Lang, Promise<Texts>>([['en', Promise.resolve(english)]]);

/** The texts of a language; Urdu and Persian are loaded the first time they are asked for. */
export function loadTexts(lang: Lang): Promise<Texts> {
  let texts = loaded.get(lang);
  if (!texts) {
    const catalogue = lang === 'ur' ? import('./ur.ts') : import('./fa.ts');
    texts = catalogue.then((module) => new Texts(lang, module.default, module.problems));
    texts.catch(() => loaded.delete(lang)); // a failed download may succeed later
    loaded.set(lang, texts);
  }
  return texts;
}
