/**
 * Reads a CSV of points (a longitude and a latitude column, any others kept as properties) into
 * GeoJSON, with the same kind of problem reports as validate.ts. An event dataset (UCDP GED, ACLED;
 * see events.ts) gains each row's date, date precision and uncertainty radius. Pure: no DOM.
 */
import type { Feature, Point } from 'geojson';
import { cleanKey, featureProblem, summarise, type ParsedLayer } from './validate.ts';
import { DataError, generalProblem, problemsIn, type FileLabel, type Problem } from './problems.ts';
import { checkTextSize, type SizeLimit } from './limits.ts';
import { TOO_WIDE, detectEventFormat, eventColumns, missingColumn, readEvent, readMappedEvent, type ColumnMapping, type EventFormat, type KnownFormat } from './events.ts';

export const CSV_PROBLEMS = {
  tooShort: 'the CSV needs a header row and at least one data row.',
  noColumns: 'no longitude/latitude columns found. Name them "lon" and "lat" (found: {found}).',
  noColumnsFound: 'nothing',
  noRows: 'no row has usable coordinates. {examples}',
} as const;
const problem = problemsIn(CSV_PROBLEMS);

const LON_NAMES = ['lon', 'lng', 'long', 'longitude', 'x'];
const LAT_NAMES = ['lat', 'latitude', 'y'];

/**
 * @param limit - the size limit: an ordinary layer's, or an event dataset's (read in a worker)
 * @param mapping - for a CSV of events in no known convention: which columns hold what
 */
export function parseCsvPoints(file: FileLabel, text: string, limit: SizeLimit = 'layer', mapping?: ColumnMapping): ParsedLayer {
  checkTextSize(file, text, limit);
  const rows = nonEmpty(csvRows(text.replace(/^\uFEFF/, '')));
  const head = rows.next();
  let next = rows.next();
  if (next.done) throw new DataError(file, problem('tooShort'));
  const header = (head.value as string[]).map((name) => name.trim());
  const lower = header.map((name) => name.toLowerCase());
  const lonAt = lower.findIndex((name) => LON_NAMES.includes(name));
  const latAt = lower.findIndex((name) => LAT_NAMES.includes(name));
  if (lonAt < 0 || latAt < 0) {
    const found = header.slice(0, 8).map(clip).join(', ');
    throw new DataError(file, problem('noColumns', { found: found || problem('noColumnsFound') }));
  }
  const missing = mapping && missingColumn(mapping, header);
  if (missing) throw new DataError(file, missing);
  const known = mapping ? null : detectEventFormat(lower);
  const format: EventFormat | null = mapping ? 'CSV' : known;
  const features: Feature<Point>[] = [];
  const problems: Problem[] = [];
  // Events located too widely for a pin are expected in event datasets: one problem per level.
  const tooWide = new Map<string, { why: Problem; rows: number[] }>();
  // Worked out once, not per row (a dataset has 100,000 of them): the columns kept as properties,
  // under names MapLibre can carry, and where the event columns are.
  const kept = header.flatMap((name, j) => (j !== lonAt && j !== latAt && name ? [[j, cleanKey(name)] as const] : []));
  const columns = mapping ? [mapping.date, mapping.date_end, mapping.uncertainty_km, mapping.type, ...(mapping.actors ?? []), mapping.place] : known ? eventColumns(known) : [];
  const eventAt = [...new Set(columns)].flatMap((name) => (name === undefined ? [] : [[lower.indexOf(name), name] as const]));
  let i = 0; // rows read after the header
  for (; !next.done; next = rows.next(), i++) {
    const row = next.value;
    const cells = cellsOf(row, eventAt);
    const event = mapping ? readMappedEvent(mapping, cells) : known ? readEvent(known, cells) : null;
    // A row an event dataset keeps off the map (most often: located too widely) is not built at all.
    const feature: Feature<Point> | null = event && 'key' in event ? null : { type: 'Feature', properties: { ...cellsOf(row, kept, ''), ...event }, geometry: { type: 'Point', coordinates: [toNumber(row[lonAt]), toNumber(row[latAt])] } };
    const why = feature ? featureProblem(feature) : (event as Problem);
    // Rows are counted as in a spreadsheet: the header is row 1.
    if (why && TOO_WIDE.has(why.key)) {
      const level = tooWide.get(why.key) ?? { why, rows: [] };
      level.rows.push(i + 2);
      tooWide.set(why.key, level);
    } else if (why) problems.push(generalProblem('atRow', { file, index: i + 2, problem: why }));
    else features.push(feature!); // already clean: text cells under clean names, and a 2D point
  }
  const skipped = i - features.length;
  for (const { why, rows: at } of tooWide.values()) {
    problems.push(generalProblem(at.length > 10 ? 'atRowsAndMore' : 'atRows', { file, count: at.length, rows: at.slice(0, 10), problem: why }));
  }
  if (!features.length) throw new DataError(file, problem('noRows', { examples: problems.slice(0, 3) }));
  return { collection: { type: 'FeatureCollection', features }, problems: summarise(problems), skipped, ...(format && { format }) };
}

/**
 * The event dataset a CSV's header names, if any, from the start of the file alone (so a large
 * file can be sent to the worker before it is read).
 *
 * @param start - the first bytes of the file as text, at least its whole first line
 */
export function eventFormatOfHeader(start: string): KnownFormat | null {
  const [header = []] = parseCsv(start.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0]);
  return detectEventFormat(header.map((name) => name.trim().toLowerCase()));
}

/**
 * The cells of a row by name. Plain assignment, as this runs for every row of a large file; a column
 * named "__proto__" is defined as an own property, so it stays a plain value.
 */
function cellsOf<T extends string | undefined>(row: readonly string[], columns: readonly (readonly [number, string])[], blank?: T): Record<string, string | T> {
  const cells: Record<string, string | T> = {};
  for (const [j, name] of columns) {
    const value = row[j] ?? (blank as T);
    if (name === '__proto__') Object.defineProperty(cells, name, { value, enumerable: true, writable: true, configurable: true });
    else cells[name] = value;
  }
  return cells;
}

/** The rows that have some text in them. */
function* nonEmpty(rows: Iterable<string[]>): Generator<string[], void> {
  for (const row of rows) if (row.some((cell) => cell.trim() !== '')) yield row;
}

/** A column name short enough for a message. */
function clip(name: string): string {
  return name.length > 40 ? `${name.slice(0, 40)}…` : name;
}

function toNumber(cell: string | undefined): number {
  const trimmed = (cell ?? '').trim();
  return trimmed === '' ? NaN : Number(trimmed);
}

const [QUOTE, COMMA, LF, CR] = ['"', ',', '\n', '\r'].map((ch) => ch.charCodeAt(0));

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): string[][] {
  return [...csvRows(text)];
}

/**
 * The rows of {@link parseCsv} one at a time: a large file's rows can then be let go as they are
 * read, which the garbage collector finds far cheaper than 100,000 rows held to the end.
 */
export function* csvRows(text: string): Generator<string[], void> {
  let row: string[] = [];
  let cell = '';
  const end = text.length;
  let i = 0;
  // Runs of plain text are sliced out whole, not added a character at a time: a 40 MB event file
  // is read several times faster so.
  // Stryker disable next-line EqualityOperator: at `end`, charCodeAt gives NaN and adds an empty slice
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === QUOTE && cell === '') {
      // A quoted field (only at the start of a cell; elsewhere a quote is a plain character).
      for (i++; ; ) {
        const q = text.indexOf('"', i);
        // Stryker disable next-line EqualityOperator: q is never 0 here, as i is past the opening quote
        if (q < 0) {
          cell += text.slice(i); // never closed: the rest of the text is in it
          i = end;
          break;
        }
        cell += text.slice(i, q);
        i = q + 1;
        if (text.charCodeAt(i) !== QUOTE) break;
        cell += '"'; // "" inside quotes is one quote
        i++;
      }
    } else if (c === COMMA) {
      row.push(cell);
      cell = '';
      i++;
    } else if (c === LF || c === CR) {
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      row.push(cell);
      yield row;
      row = [];
      cell = '';
    } else {
      let j = i + 1;
      // Stryker disable next-line ConditionalExpression,EqualityOperator: a shorter run only takes more turns of the outer loop (speed); past `end` the slice is the same
      for (let d = text.charCodeAt(j); j < end && d !== COMMA && d !== LF && d !== CR; d = text.charCodeAt(++j));
      cell += text.slice(i, j);
      i = j;
    }
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    yield row;
  }
}
