/**
 * Reads the reader's own files: CSV points or GeoJSON, chosen by the file name. Loaded on first
 * use (only pages with their own data need the validators), so keep it out of static imports.
 */
import { parseGeoJSONText, summarise, type ParsedLayer } from './validate.ts';
import { checkSize, type SizeLimit } from './limits.ts';
import { isCsvName } from './file-names.ts';
import { eventFormatOfHeader, parseCsvPoints } from './csv.ts';
import { discPixelsAtZoom0, geodesicCircle } from '../geo/shapes.ts';
import { SAMPLE, guessColumns, guessTable, type ColumnGuess } from './event-columns.ts';
import { DENSE_EVENTS, missingColumn, readMappedEvent, type ColumnMapping, type KnownFormat } from './events.ts';
import { DataError, generalProblem, type FileLabel, type Problem } from './problems.ts';
import type { Feature, FeatureCollection, Point, Polygon } from 'geojson';

export { checkSize };

/** What a file's start says it is: an event dataset in a known convention, a CSV of dated points (with a guess at its columns), or neither (null). */
export type EventSniff = { format: KnownFormat } | { format: 'CSV'; guess: ColumnGuess } | null;

/** What a file is, judged by its name and its first 64 KiB. */
export async function sniffEventFile(file: Blob & { name: string }): Promise<EventSniff> {
  if (!isCsvName(file.name)) return null;
  const start = await file.slice(0, 64 * 1024).text();
  const format = eventFormatOfHeader(start);
  if (format) return { format };
  const guess = guessColumns(start);
  return guess && { format: 'CSV', guess };
}

/**
 * @param limit - see parseCsvPoints (GeoJSON always has an ordinary layer's limit)
 * @param mapping - the event columns of a CSV in no known convention, or the event properties of GeoJSON points
 */
export function parseUserText(name: FileLabel, text: string, limit?: SizeLimit, mapping?: ColumnMapping): ParsedLayer {
  return isCsvName(name) ? withAreas(parseCsvPoints(name, text, limit, mapping)) : pointsAsEvents(name, parseGeoJSONText(name, text), mapping);
}

/** A parsed GeoJSON layer of dated points read as events, by the properties the reader chose or, without them, when the guess is sure (else as it is). */
export function pointsAsEvents(name: FileLabel, parsed: ParsedLayer, mapping?: ColumnMapping): ParsedLayer {
  return withAreas(datedPoints(name, parsed, mapping));
}

/** An event dataset with its areas of uncertainty (or, when dense, each event's circle size); any other layer as it is. */
function withAreas(parsed: ParsedLayer): ParsedLayer {
  if (!parsed.format) return parsed;
  const events = parsed.collection as FeatureCollection<Point>;
  if (events.features.length < DENSE_EVENTS) return { ...parsed, areas: uncertaintyAreas(events) };
  // Thousands of discs would cost the map seconds to take in: each event carries its disc's size
  // instead, and the map draws it as a circle (src/map/user-layers.ts).
  for (const f of events.features) f.properties!.area_px0 = discPixelsAtZoom0(f.properties!.uncertainty_km, f.geometry.coordinates[1]);
  return parsed;
}

/** A point's properties as a row of text cells under lower-case names. */
const cells = (f: Feature) => Object.fromEntries(Object.entries(f.properties ?? {}).map(([key, value]) => [key.toLowerCase(), value === null || value === undefined ? '' : String(value)]));

/** Which properties of a layer of points seem to hold their dates and the rest (see event-columns.ts); null if it is not points with dates. */
export function pointColumns(collection: FeatureCollection): ColumnGuess | null {
  const features = collection.features;
  if (!features.length || features.some((f) => f.geometry?.type !== 'Point')) return null;
  // Every point's property names (one may first appear late in the file); the values judged on a sample.
  const names = new Set<string>();
  for (const f of features) for (const key of Object.keys(f.properties ?? {})) names.add(key.toLowerCase());
  const sample = features.slice(0, SAMPLE).map(cells);
  const header = [...names];
  // Own cells only: a name such as "constructor" must not find Object.prototype's.
  return guessTable(header, sample.map((row) => header.map((name) => (Object.hasOwn(row, name) ? row[name] : ''))));
}

/**
 * GeoJSON points that carry dates are events too (format `CSV`, as a table of dated points), by the
 * properties the reader chose (`mapping`) or, without it, when their names make the columns sure (a
 * `date`, `event_date`, … property): each point's date, span and `uncertainty_km` are read from its
 * properties, and a point whose date or uncertainty cannot be read is skipped with the reason.
 * Anything else is returned as it is.
 */
function datedPoints(file: FileLabel, parsed: ParsedLayer, mapping?: ColumnMapping): ParsedLayer {
  const guess = pointColumns(parsed.collection);
  const missing = guess && mapping && missingColumn(mapping, guess.header);
  if (missing) throw new DataError(file, missing);
  const chosen = guess && (mapping ?? (guess.sure ? guess.mapping : undefined));
  if (!chosen) return parsed;
  const features = parsed.collection.features;
  const kept: Feature[] = [];
  const problems = [...parsed.problems];
  features.forEach((f, index) => {
    const event = readMappedEvent(chosen, cells(f));
    if ('key' in event) problems.push(generalProblem('atFeature', { file, index, problem: event as Problem }));
    else kept.push({ ...f, properties: { ...f.properties, ...event } });
  });
  return { collection: { type: 'FeatureCollection', features: kept }, problems: summarise(problems), skipped: parsed.skipped + features.length - kept.length, format: 'CSV' };
}

/** Each event's area of uncertainty, drawn as the strike sites' are: a geodesic disc. */
function uncertaintyAreas(events: FeatureCollection<Point>): FeatureCollection<Polygon> {
  const features = events.features.map((f) => {
    const km = f.properties!.uncertainty_km as number; // readEvent gives every event one, > 0
    // The event's own properties (the same object, not a copy), so the map's filters apply to its area too.
    return { ...geodesicCircle(f.geometry.coordinates as [number, number], km, 48), properties: f.properties };
  });
  return { type: 'FeatureCollection', features };
}
