/**
 * Distance units and human-readable formatting.
 */

/** Display units: kilometres, statute miles, nautical miles. */
export type Units = 'km' | 'mi' | 'nmi';

/**
 * Mean Earth radius in km, identical to Turf's `earthRadius` (6371008.8 m), so
 * every distance in this package agrees with `@turf/distance`.
 */
export const EARTH_RADIUS_KM = 6371.0088;

// Exact by definition: 1 mi = 1.609344 km, 1 nmi = 1.852 km.
const KM_PER_UNIT: Record<Units, number> = { km: 1, mi: 1.609344, nmi: 1.852 };

function checkUnits(units: Units): void {
  if (!Object.hasOwn(KM_PER_UNIT, units)) {
    throw new RangeError(`Unknown units "${String(units)}"; use 'km', 'mi' or 'nmi'.`);
  }
}

/**
 * Convert kilometres to the given units.
 *
 * @param km - a distance in kilometres
 * @param units - target units
 * @returns the distance in `units`
 * @example
 * convertKm(1.852, 'nmi'); // 1
 */
export function convertKm(km: number, units: Units): number {
  checkUnits(units);
  return km / KM_PER_UNIT[units];
}

// Making an Intl.NumberFormat costs far more than using one, and a list of events writes thousands of distances.
const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, fractionDigits: number): Intl.NumberFormat {
  const key = `${locale} ${fractionDigits}`;
  let format = numberFormats.get(key);
  // Stryker disable next-line ConditionalExpression: speed only; a new formatter writes the same text
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(locale, { maximumFractionDigits: fractionDigits })));
  return format;
}

/** Options for {@link formatDistance}. */
export interface FormatOptions {
  /** BCP 47 locale for the number, default `'en'` (so output is stable across machines). */
  locale?: string;
  /** Round to whole units (for estimates whose uncertainty makes decimals meaningless). */
  whole?: boolean;
}

/**
 * Format a distance for people: up to one decimal below 100, whole numbers with thousands
 * separators above (a tenth of a km is meaningful at 12 km, noise at 300).
 *
 * @param km - a distance in kilometres
 * @param units - display units
 * @param opts - locale and rounding options
 * @returns e.g. `"12.4 km"`, `"7.7 mi"`, `"38 km"`, `"1,024 km"`
 * @example
 * formatDistance(12.4, 'km');  // "12.4 km"
 * formatDistance(12.4, 'mi');  // "7.7 mi"
 * formatDistance(1024.3, 'km'); // "1,024 km"
 */
export function formatDistance(km: number, units: Units, opts: FormatOptions = {}): string {
  if (!Number.isFinite(km)) {
    throw new RangeError(`formatDistance: ${km} is not a finite number of km.`);
  }
  const value = convertKm(km, units);
  const digits = !opts.whole && Math.abs(value) < 99.95 ? 1 : 0;
  // A value that rounds to zero is written as 0, never "-0".
  const shown = Math.abs(value) < (digits ? 0.05 : 0.5) ? 0 : value;
  const text = numberFormat(opts.locale ?? 'en', digits).format(shown);
  return `${text} ${units}`;
}
