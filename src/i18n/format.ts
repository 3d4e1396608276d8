/**
 * Dates, numbers and distances as each language writes them, all through `Intl`: Persian in the
 * Solar Hijri calendar with Persian digits (and the Gregorian date beside it where a date stands
 * alone), Urdu in the Gregorian calendar with the Latin digits of Pakistani newspapers. Pure: no DOM.
 */
import { formatDistance, type Units } from '../geo/units.ts';
import { LOCALES, dirOf, type Lang } from './lang.ts';
import { isolate, type ProblemWriting } from '../data/problems.ts';

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function dates(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d ${locale} ${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) cache.set(key, (format = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', ...options })));
  return format;
}

function numbers(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n ${locale} ${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.NumberFormat | undefined;
  if (!format) cache.set(key, (format = new Intl.NumberFormat(locale, options)));
  return format;
}

/** A calendar date "YYYY-MM-DD" as midnight UTC (dates in the data are days at the place, not instants). */
const utcDay = (isoDate: string) => new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);

/** "2024-01-16" → "16 Jan 2024" · "16 جنوری، 2024" · "۲۶ دی ۱۴۰۲"; without the year when `year` is false. */
export function formatDay(isoDate: string, lang: Lang, { year = true } = {}): string {
  const month = lang === 'en' ? 'short' : 'long';
  return dates(LOCALES[lang], { day: 'numeric', month, ...(year ? { year: 'numeric' } : {}) }).format(utcDay(isoDate));
}

/** A date standing alone: in Persian the Solar Hijri date with the Gregorian one beside it, "۲۶ دی ۱۴۰۲ (۱۶ ژانویهٔ ۲۰۲۴)". */
export function formatDayBoth(isoDate: string, lang: Lang): string {
  const day = formatDay(isoDate, lang);
  if (lang !== 'fa') return day;
  const gregorian = dates('fa-IR-u-ca-gregory', { day: 'numeric', month: 'long', year: 'numeric' }).format(utcDay(isoDate));
  return `${day} (${gregorian})`;
}

/** The months two dates fall in, "December 2023 – January 2024"; one month once when they share it. */
export function formatMonthSpan(firstIso: string, lastIso: string, lang: Lang): string {
  const month = (iso: string) => dates(LOCALES[lang], { month: 'long', year: 'numeric' }).format(utcDay(iso));
  const [first, last] = [month(firstIso), month(lastIso)];
  return first === last ? first : `${first} – ${last}`;
}

/** The UTC clock time of an ISO instant, "05:30" or "۰۵:۳۰". */
export function formatClock(isoInstant: string, lang: Lang): string {
  return dates(LOCALES[lang], { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(isoInstant));
}

/** A number in the language's digits, with exactly `digits` decimals when given. */
export function formatNumber(value: number, lang: Lang, digits?: number): string {
  const options = digits === undefined ? {} : { minimumFractionDigits: digits, maximumFractionDigits: digits };
  return numbers(LOCALES[lang], options).format(value);
}

/**
 * How `lang` writes a data problem's values (src/data/problems.ts): numbers in its digits, text
 * from a file set apart from the sentence around it, and lists with its comma.
 */
export function problemWriting(lang: Lang): ProblemWriting {
  return { number: (n) => formatNumber(n, lang), text: isolate, comma: dirOf(lang) === 'rtl' ? '، ' : ', ' };
}

/** A year in the language's digits, without a thousands separator: "2024", "۲۰۲۴". */
export function formatYear(year: number, lang: Lang): string {
  return numbers(LOCALES[lang], { useGrouping: false }).format(year);
}

/** A share 0–1 as a whole percentage: "40%", "۴۰٪". */
export function formatPercent(share: number, lang: Lang): string {
  return numbers(LOCALES[lang], { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/**
 * A distance rounded as `formatDistance` rounds it (src/geo/units.ts), in the language's digits
 * and with the unit's name in that language, e.g. "۱۲٫۴ کیلومتر".
 */
export function formatDistanceIn(km: number, units: Units, lang: Lang, unitName: string, whole = false): string {
  const text = formatDistance(km, units, { locale: LOCALES[lang], whole });
  return `${text.slice(0, -units.length - 1)} ${unitName}`;
}
