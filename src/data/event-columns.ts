/**
 * Which columns of a CSV in no known convention hold an event's date, end date, uncertainty, type,
 * actors and place: guessed from the header and the first rows. A guess is sure only when exactly one
 * column holds dates and its name says so ("date", "event_date", …); otherwise the reader is asked
 * (src/components/strike-event-columns.ts). Pure: no DOM.
 */
import { parseCsv } from './csv.ts';
import { isoDay, type ColumnMapping } from './events.ts';

/** What the first rows of a CSV say about its columns. */
export interface ColumnGuess {
  /** Column names, lower case, as the file has them. */
  header: string[];
  /** Columns whose sampled cells are dates (most of those that are not empty). */
  dateColumns: string[];
  /** Columns whose sampled cells are positive numbers. */
  numberColumns: string[];
  /** The best mapping the names suggest. */
  mapping: ColumnMapping;
  /** Whether to read the file by `mapping` without asking. */
  sure: boolean;
}

const DATE_NAMES = ['date', 'event_date', 'date_start', 'start_date', 'day', 'datetime', 'timestamp', 'when'];
const END_NAMES = ['date_end', 'end_date', 'until', 'to_date'];
const UNCERTAINTY_NAMES = ['uncertainty_km', 'radius_km', 'uncertainty', 'precision_km', 'accuracy_km', 'error_km'];
const TYPE_NAMES = ['event_type', 'type', 'category', 'kind', 'type_of_violence'];
const ACTOR_NAMES = ['actor1', 'actor2', 'actor', 'side_a', 'side_b', 'attacker', 'perpetrator', 'party'];
const PLACE_NAMES = ['place', 'location', 'site', 'town', 'name'];
const LON_LAT = ['lon', 'lng', 'long', 'longitude', 'x', 'lat', 'latitude', 'y'];
/** Rows sampled to judge a column. */
export const SAMPLE = 50;

/**
 * @param start - the start of the file as text: its header and some rows (a last, cut-off row is ignored)
 * @returns the guess, or null when no column holds dates (the file is a table of points, not events)
 * @example
 * guessColumns('lon,lat,day,radius_km\n62.2,27.4,2024-01-18,5\n').mapping; // { date: 'day', uncertainty_km: 'radius_km' }
 */
export function guessColumns(start: string): ColumnGuess | null {
  const rows = parseCsv(start.replace(/^\uFEFF/, '')).filter((row) => row.some((cell) => cell.trim() !== ''));
  const [first = [], ...body] = rows;
  return guessTable(first, body.length > 1 && !/\n$/.test(start) ? body.slice(0, -1) : body);
}

/**
 * {@link guessColumns} for a table already in rows: a header and some rows of cells.
 *
 * @param names - column names (any case; the guess uses them in lower case)
 */
export function guessTable(names: readonly string[], rows: readonly (readonly string[])[]): ColumnGuess | null {
  const header = names.map((name) => name.trim().toLowerCase());
  const sample = rows.slice(0, SAMPLE);
  const cells = (j: number) => sample.map((row) => (row[j] ?? '').trim()).filter((cell) => cell !== '');
  const most = (j: number, test: (cell: string) => boolean) => {
    const filled = cells(j);
    return filled.length > 0 && filled.filter(test).length >= 0.8 * filled.length;
  };
  const dateColumns = header.filter((name, j) => name && !LON_LAT.includes(name) && most(j, (cell) => isoDay(cell) !== null));
  if (!dateColumns.length) return null;
  const numberColumns = header.filter((name, j) => name && !LON_LAT.includes(name) && most(j, (cell) => Number(cell) > 0));
  const named = (names: readonly string[], among: readonly string[] = header) => names.find((name) => among.includes(name));
  const date = named(DATE_NAMES, dateColumns) ?? dateColumns[0];
  const mapping: ColumnMapping = { date };
  const end = named(END_NAMES, dateColumns.filter((name) => name !== date));
  if (end) mapping.date_end = end;
  const uncertainty = named(UNCERTAINTY_NAMES, numberColumns);
  if (uncertainty) mapping.uncertainty_km = uncertainty;
  const type = named(TYPE_NAMES);
  if (type) mapping.type = type;
  const actors = ACTOR_NAMES.filter((name) => header.includes(name)).slice(0, 2);
  if (actors.length) mapping.actors = actors;
  const place = named(PLACE_NAMES);
  if (place) mapping.place = place;
  const sure = dateColumns.length - (end ? 1 : 0) === 1 && DATE_NAMES.includes(date);
  return { header, dateColumns, numberColumns, mapping, sure };
}
