/**
 * Event datasets read by their column conventions: UCDP GED and ACLED exports. Each row's location
 * precision becomes an uncertainty radius (as for the strike sites) and its date precision a named
 * span; rows located only to a province or wider are not pins, and are reported instead. Pure: no DOM.
 */
import { problemsIn, type Problem } from './problems.ts';

/**
 * The dataset conventions: UCDP GED and ACLED, recognised from a CSV header, and `CSV`, any CSV of
 * dated points whose columns the reader (or src/data/event-columns.ts) named in a {@link ColumnMapping}.
 */
export type EventFormat = 'UCDP GED' | 'ACLED' | 'CSV';

/** The conventions a header alone can name. */
export type KnownFormat = Exclude<EventFormat, 'CSV'>;

/** Which columns of a CSV in no known convention hold what (lower-case column names). */
export interface ColumnMapping {
  date: string;
  date_end?: string;
  /** Radius of each event's area of uncertainty, km; without it every event gets {@link UNSTATED_UNCERTAINTY_KM}. */
  uncertainty_km?: string;
  type?: string;
  actors?: readonly string[];
  place?: string;
}

/**
 * From this many events a dataset is dense: the map shows a density layer at low zoom, and draws
 * the areas of uncertainty as circles sized by each event's `area_px0` rather than as polygons.
 */
export const DENSE_EVENTS = 2000;

/** An event whose file states no uncertainty is taken as located to a place, as UCDP's precision 1 is. */
export const UNSTATED_UNCERTAINTY_KM = 1;

/** How precisely an event's date is known. */
export type DatePrecision = 'day' | 'days' | 'week' | 'month' | 'year';

export const EVENT_PROBLEMS = {
  provinceOnly: 'located only to a province (first-order unit), too wide for a pin.',
  regionOnly: 'located only to part of a country or a line (a road, a river), too wide for a pin.',
  countryOnly: 'located only to the country, too wide for a pin.',
  watersOnly: 'located in international waters or airspace, too wide for a pin.',
  badPrecision: 'the location precision "{value}" is not one of {codes}.',
  badDate: 'the date "{value}" is not a date (YYYY-MM-DD).',
  badUncertainty: 'the uncertainty "{value}" is not a positive number of km.',
  columnsPair: 'columns: "{pair}" is not a pair such as "date: start_date" (pairs apart by ";", actors by ",").',
  columnsKey: 'columns: "{key}" is not one of {keys}.',
  columnsNoDate: 'columns: name the column of dates, as in "date: start_date".',
  noSuchColumn: 'there is no column "{name}" (the columns are {columns}).',
} as const;
const problem = problemsIn(EVENT_PROBLEMS);

type Level = 'provinceOnly' | 'regionOnly' | 'countryOnly' | 'watersOnly';

/** The problems that only say an event is located too widely for a pin (reported per level, not per row). */
export const TOO_WIDE: ReadonlySet<string> = new Set<Level>(['provinceOnly', 'regionOnly', 'countryOnly', 'watersOnly']);

/** What each field of a column mapping is called in a `columns` attribute (src/components/strike-map-layer.ts). */
const MAPPING_KEYS = ['date', 'date_end', 'uncertainty_km', 'type', 'actors', 'place'] as const satisfies readonly (keyof ColumnMapping)[];

/**
 * A page author's column mapping, as written in a `columns` attribute: pairs apart by ";", the
 * actors' columns apart by ",". Names are matched as the readers match them, in lower case.
 *
 * @example
 * columnMappingOf('date: Start; actors: side_a, side_b'); // { date: 'start', actors: ['side_a', 'side_b'] }
 * @returns the mapping, or the problem with the text
 */
export function columnMappingOf(text: string): ColumnMapping | Problem {
  const mapping: Record<string, string | string[]> = {};
  for (const pair of text.split(';').map((p) => p.trim()).filter(Boolean)) {
    const [key, value = ''] = pair.split(/:(.*)/s).map((part) => part.trim().toLowerCase());
    const names = value.split(',').map((name) => name.trim()).filter(Boolean);
    if (!key || !names.length) return problem('columnsPair', { pair });
    if (!(MAPPING_KEYS as readonly string[]).includes(key)) return problem('columnsKey', { key, keys: MAPPING_KEYS.join(', ') });
    mapping[key] = key === 'actors' ? names : value;
  }
  return typeof mapping.date === 'string' ? (mapping as unknown as ColumnMapping) : problem('columnsNoDate');
}

/** The first column a mapping names that the header lacks (in any case), as a problem; undefined if it has them all. */
export function missingColumn(mapping: ColumnMapping, header: readonly string[]): Problem | undefined {
  const lower = header.map((name) => name.toLowerCase());
  const named = [mapping.date, mapping.date_end, mapping.uncertainty_km, mapping.type, ...(mapping.actors ?? []), mapping.place];
  const name = named.find((n) => n !== undefined && !lower.includes(n));
  return name === undefined ? undefined : problem('noSuchColumn', { name, columns: header.join(', ') });
}

/**
 * Location precision codes and what they become: a radius in km, or the reason the event is not a
 * pin. UCDP GED codebook (`where_prec`): 1 exact place, 2 within about 25 km of a named place,
 * 3 a second-order unit (district; its centre is given), 4 a first-order unit (province), 5 part of
 * a country or a linear feature, 6 the country, 7 international waters or airspace. ACLED
 * (`geo_precision`): 1 a named town, 2 part of a region or near a town, 3 a larger region (often
 * its capital's coordinates). A district becomes 60 km: the median radius of circles as large as
 * the 14 border districts the map draws (geodata/districts.geojson, 37–118 km).
 */
export const LOCATION_PRECISION: Readonly<Record<KnownFormat, Readonly<Record<string, number | Level>>>> = {
  'UCDP GED': { 1: 1, 2: 25, 3: 60, 4: 'provinceOnly', 5: 'regionOnly', 6: 'countryOnly', 7: 'watersOnly' },
  ACLED: { 1: 2, 2: 25, 3: 'provinceOnly' },
};

/** Date precision codes: UCDP `date_prec` 1–5, ACLED `time_precision` 1–3. */
const DATE_PRECISION: Readonly<Record<KnownFormat, Readonly<Record<string, DatePrecision>>>> = {
  'UCDP GED': { 1: 'day', 2: 'days', 3: 'week', 4: 'month', 5: 'year' },
  ACLED: { 1: 'day', 2: 'week', 3: 'month' },
};

/** The columns each format is known by, and where it keeps precision and dates. */
const COLUMNS = {
  'UCDP GED': { required: ['where_prec', 'date_start', 'side_a'], where: 'where_prec', when: 'date_prec', start: 'date_start', end: 'date_end' },
  ACLED: { required: ['event_date', 'geo_precision', 'event_type'], where: 'geo_precision', when: 'time_precision', start: 'event_date', end: 'event_date' },
} as const;

/** The columns {@link readEvent} reads (lower case), so a caller can hand it just those. */
export function eventColumns(format: KnownFormat): string[] {
  const { where, when, start, end } = COLUMNS[format];
  return [...new Set([where, when, start, end])];
}

/** The columns an event dataset is filtered by (what kind of event it was, and who took part) and the one naming its place. */
export const FACET_COLUMNS: Readonly<Record<EventFormat, { type: string; actors: readonly string[]; place: string }>> = {
  'UCDP GED': { type: 'type_of_violence', actors: ['side_a', 'side_b'], place: 'where_coordinates' },
  ACLED: { type: 'event_type', actors: ['actor1', 'actor2'], place: 'location' },
  // readMappedEvent copies the mapped columns here, so the panel treats every format alike.
  CSV: { type: 'event_type', actors: ['event_actor1', 'event_actor2'], place: 'event_place' },
};

/**
 * Which event dataset a CSV header belongs to, if any.
 *
 * @param header - column names, lower case
 * @returns the format, or null for an ordinary table of points
 * @example
 * detectEventFormat(['id', 'where_prec', 'date_start', 'side_a', 'latitude', 'longitude']); // 'UCDP GED'
 */
export function detectEventFormat(header: readonly string[]): KnownFormat | null {
  for (const format of Object.keys(COLUMNS) as KnownFormat[]) {
    if (COLUMNS[format].required.every((name) => header.includes(name))) return format;
  }
  return null;
}

/** What {@link readEvent} adds to a row's own columns. */
export interface EventFields {
  event_format: EventFormat;
  /** First day, YYYY-MM-DD. */
  date: string;
  /** Last day, YYYY-MM-DD (the first when the row gives no end). */
  date_end: string;
  date_precision: DatePrecision;
  /** Radius of the area the event is somewhere in, km. */
  uncertainty_km: number;
}

/**
 * Reads one row of an event dataset.
 *
 * @param format - from {@link detectEventFormat}
 * @param row - the row's cells by lower-case column name
 * @returns the fields to add, or the problem that keeps the row off the map
 * @example
 * readEvent('UCDP GED', { where_prec: '2', date_prec: '1', date_start: '2024-01-16 00:00:00.000', date_end: '2024-01-16' });
 * // { event_format: 'UCDP GED', date: '2024-01-16', date_end: '2024-01-16', date_precision: 'day', uncertainty_km: 25 }
 */
export function readEvent(format: KnownFormat, row: Readonly<Record<string, string | undefined>>): EventFields | Problem {
  const columns = COLUMNS[format];
  const codes = LOCATION_PRECISION[format];
  const where = (row[columns.where] ?? '').trim();
  const located = Object.hasOwn(codes, where) ? codes[where] : undefined;
  if (located === undefined) return problem('badPrecision', { value: where, codes: Object.keys(codes).join(', ') });
  if (typeof located === 'string') return problem(located);
  const date = isoDay(row[columns.start]);
  if (!date) return problem('badDate', { value: (row[columns.start] ?? '').trim() });
  const end = isoDay(row[columns.end]) ?? date;
  const when = (row[columns.when] ?? '').trim();
  const date_precision = (Object.hasOwn(DATE_PRECISION[format], when) ? DATE_PRECISION[format][when] : undefined) ?? (end === date ? 'day' : 'days');
  const [first, last] = end > date ? [date, end] : spanOf(date, date_precision);
  return { event_format: format, date: first, date_end: last, date_precision, uncertainty_km: located };
}

/**
 * Reads one row of a CSV in no known convention, by the columns `mapping` names. The date precision
 * is a day, or the days from `date` to `date_end`.
 *
 * @param row - the row's cells by lower-case column name
 * @returns the fields to add (with the mapped type, actors and place under the names
 *   FACET_COLUMNS.CSV gives), or the problem that keeps the row off the map
 * @example
 * readMappedEvent({ date: 'day', uncertainty_km: 'radius' }, { day: '2024-01-18', radius: '5' });
 * // { event_format: 'CSV', date: '2024-01-18', date_end: '2024-01-18', date_precision: 'day', uncertainty_km: 5 }
 */
export function readMappedEvent(mapping: ColumnMapping, row: Readonly<Record<string, string | undefined>>): (EventFields & Record<string, string | number>) | Problem {
  // Own cells only: a column named like an Object.prototype member must not find that member.
  const cell = (name: string | undefined) => (name !== undefined && Object.hasOwn(row, name) ? row[name] : undefined);
  const date = isoDay(cell(mapping.date));
  if (!date) return problem('badDate', { value: (cell(mapping.date) ?? '').trim() });
  const end = isoDay(cell(mapping.date_end)) ?? date;
  const stated = (cell(mapping.uncertainty_km) ?? '').trim();
  const uncertainty_km = stated === '' ? UNSTATED_UNCERTAINTY_KM : Number(stated);
  if (!(uncertainty_km > 0) || !Number.isFinite(uncertainty_km)) return problem('badUncertainty', { value: stated });
  // Stryker disable next-line EqualityOperator: equal days give the same pair either way
  const [first, last] = end < date ? [end, date] : [date, end];
  const fields: EventFields & Record<string, string | number> = { event_format: 'CSV', date: first, date_end: last, date_precision: first === last ? 'day' : 'days', uncertainty_km };
  const facets = FACET_COLUMNS.CSV;
  const copy = (from: string | undefined, to: string) => {
    const value = cell(from);
    if (value !== undefined) fields[to] = value;
  };
  copy(mapping.type, facets.type);
  mapping.actors?.slice(0, facets.actors.length).forEach((column, i) => copy(column, facets.actors[i]));
  copy(mapping.place, facets.place);
  return fields;
}

const DAY_MS = 86_400_000;

/**
 * The days a single given date stands for when it is known only to the week, month or year (as in
 * ACLED, which gives one date): the week around it, or the whole calendar month or year.
 */
function spanOf(date: string, precision: DatePrecision): [string, string] {
  const at = new Date(`${date}T00:00:00Z`);
  const [year, month] = [at.getUTCFullYear(), at.getUTCMonth()];
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  if (precision === 'week') return [day(at.getTime() - 3 * DAY_MS), day(at.getTime() + 3 * DAY_MS)];
  if (precision === 'month') return [day(Date.UTC(year, month, 1)), day(Date.UTC(year, month + 1, 0))];
  if (precision === 'year') return [day(Date.UTC(year, 0, 1)), day(Date.UTC(year, 11, 31))];
  return [date, date];
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/**
 * Cells already read as days: a dataset's dates repeat, and reading one takes two patterns and a
 * Date. Only short cells, each copied, since a cell is a slice of its whole file and as a key would
 * keep the file alive.
 */
const isoDays = new Map<string, string | null>();

/** A cell as YYYY-MM-DD: ISO dates (a time after them is dropped) or ACLED's older "16 January 2024"; null if it is neither. */
export function isoDay(cell: string | undefined): string | null {
  const text = cell ?? '';
  // Stryker disable all: the cache only saves time; a day read with or without it is the same
  const known = isoDays.get(text);
  if (known !== undefined) return known;
  const day = readDay(text.trim());
  if (text.length <= 32) {
    if (isoDays.size >= 50_000) isoDays.clear();
    isoDays.set([...text].join(''), day);
  }
  // Stryker restore all
  return day;
}

function readDay(text: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[ T].*)?$/.exec(text);
  const written = /^(\d{1,2}) ([A-Za-z]+) (\d{4})$/.exec(text);
  const [year, month, day] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : written
      ? [Number(written[3]), MONTHS.indexOf(written[2].toLowerCase()) + 1, Number(written[1])]
      : [NaN, NaN, NaN];
  const at = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 30 February over into March (and day 0 back a month): a real day keeps its month.
  if (!(month >= 1) || at.getUTCFullYear() !== year || at.getUTCMonth() !== month - 1) return null;
  return at.toISOString().slice(0, 10);
}
