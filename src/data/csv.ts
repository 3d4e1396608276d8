/**
 * Reads a CSV of points (a longitude and a latitude column, any others kept as properties) into
 * GeoJSON, with the same kind of problem reports as validate.ts. An event dataset (UCDP GED, ACLED;
 * see events.ts) gains each row's date, date precision and uncertainty radius. Pure: no DOM.
 */
import type { Feature, Point } from 'geojson';
import { cleanKey, featureProblem, summarise, type ParsedLayer } from './validate.ts';
import { DataError, generalProblem, problemsIn, type FileLabel, type Problem } from './problems.ts';
import { checkTextSize, type SizeLimit } from './limits.ts';
import { TOO_WIDE, detectEventFormat, eventColumns, readEvent, readMappedEvent, type ColumnMapping, type EventFormat, type KnownFormat } from './events.ts';

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
  const rows = parseCsv(text.replace(/^\uFEFF/, '')).filter((row) => row.some((cell) => cell.trim() !== ''));
  if (rows.length < 2) throw new DataError(file, problem('tooShort'));
  const header = rows[0].map((name) => name.trim());
  const lower = header.map((name) => name.toLowerCase());
  const lonAt = lower.findIndex((name) => LON_NAMES.includes(name));
  const latAt = lower.findIndex((name) => LAT_NAMES.includes(name));
  if (lonAt < 0 || latAt < 0) {
    const found = header.slice(0, 8).map(clip).join(', ');
    throw new DataError(file, problem('noColumns', { found: found || problem('noColumnsFound') }));
  }
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
  const eventAt = [...new Set(columns)].flatMap((name) => (name === undefined ? [] : [[name, lower.indexOf(name)] as const]));
  for (let r = 1; r < rows.length; r++) {
    const [row, i] = [rows[r], r - 1];
    // fromEntries defines own properties, so a column named "__proto__" stays a plain value.
    const properties: Record<string, string | number> = Object.fromEntries(kept.map(([j, name]) => [name, row[j] ?? '']));
    const cells = Object.fromEntries(eventAt.map(([name, j]) => [name, row[j]]));
    const event = mapping ? readMappedEvent(mapping, cells) : known ? readEvent(known, cells) : null;
    if (event && !('key' in event)) Object.assign(properties, event);
    const feature: Feature<Point> = { type: 'Feature', properties, geometry: { type: 'Point', coordinates: [toNumber(row[lonAt]), toNumber(row[latAt])] } };
    const why = event && 'key' in event ? event : featureProblem(feature);
    // Rows are counted as in a spreadsheet: the header is row 1.
    if (why && TOO_WIDE.has(why.key)) {
      const level = tooWide.get(why.key) ?? { why, rows: [] };
      level.rows.push(i + 2);
      tooWide.set(why.key, level);
    } else if (why) problems.push(generalProblem('atRow', { file, index: i + 2, problem: why }));
    else features.push(feature); // already clean: text cells under clean names, and a 2D point
  }
  const skipped = rows.length - 1 - features.length;
  for (const { why, rows: at } of tooWide.values()) {
    const listed = at.slice(0, 10).join(', ') + (at.length > 10 ? ', …' : '');
    problems.push(generalProblem('atRows', { file, count: at.length, rows: listed, problem: why }));
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

/** A column name short enough for a message. */
function clip(name: string): string {
  return name.length > 40 ? `${name.slice(0, 40)}…` : name;
}

function toNumber(cell: string | undefined): number {
  const trimmed = (cell ?? '').trim();
  return trimmed === '' ? NaN : Number(trimmed);
}

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
