/**
 * Reads the reader's own files: CSV points or GeoJSON, chosen by the file name. Loaded on first
 * use (only pages with their own data need the validators), so keep it out of static imports.
 */
import { parseGeoJSONText, type ParsedLayer } from './validate.ts';
import { checkSize, type SizeLimit } from './limits.ts';
import { eventFormatOfHeader, parseCsvPoints } from './csv.ts';
import type { FileLabel } from './problems.ts';
import { geodesicCircle } from '../geo/shapes.ts';
import { guessColumns, type ColumnGuess } from './event-columns.ts';
import type { ColumnMapping, KnownFormat } from './events.ts';
import type { FeatureCollection, Point, Polygon } from 'geojson';

export { checkSize };

/** What a file's start says it is: an event dataset in a known convention, a CSV of dated points (with a guess at its columns), or neither (null). */
export type EventSniff = { format: KnownFormat } | { format: 'CSV'; guess: ColumnGuess } | null;

/** What a file is, judged by its name and its first 64 KiB. */
export async function sniffEventFile(file: Blob & { name: string }): Promise<EventSniff> {
  if (!/\.csv$/i.test(file.name)) return null;
  const start = await file.slice(0, 64 * 1024).text();
  const format = eventFormatOfHeader(start);
  if (format) return { format };
  const guess = guessColumns(start);
  return guess && { format: 'CSV', guess };
}

/**
 * @param limit - see parseCsvPoints (GeoJSON always has an ordinary layer's limit)
 * @param mapping - a CSV's event columns, when it is in no known convention
 */
export function parseUserText(name: FileLabel, text: string, limit?: SizeLimit, mapping?: ColumnMapping): ParsedLayer {
  const parsed = typeof name === 'string' && /\.csv$/i.test(name.split(/[?#]/)[0]) ? parseCsvPoints(name, text, limit, mapping) : parseGeoJSONText(name, text);
  return parsed.format ? { ...parsed, areas: uncertaintyAreas(parsed.collection as FeatureCollection<Point>) } : parsed;
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
