/**
 * Reads the reader's own files: CSV points or GeoJSON, chosen by the file name. Loaded on first
 * use (only pages with their own data need the validators), so keep it out of static imports.
 */
import { parseGeoJSONText, type ParsedLayer } from './validate.ts';
import { checkSize, type SizeLimit } from './limits.ts';
import { eventFormatOfHeader, parseCsvPoints } from './csv.ts';
import type { FileLabel } from './problems.ts';
import { geodesicCircle } from '../geo/shapes.ts';
import type { FeatureCollection, Point, Polygon } from 'geojson';

export { checkSize };

/** Whether a file is an event dataset CSV, judged by its name and the header in its first 64 KiB. */
export async function isEventFile(file: Blob & { name: string }): Promise<boolean> {
  return /\.csv$/i.test(file.name) && eventFormatOfHeader(await file.slice(0, 64 * 1024).text()) !== null;
}

/** @param limit - see parseCsvPoints (GeoJSON always has an ordinary layer's limit) */
export function parseUserText(name: FileLabel, text: string, limit?: SizeLimit): ParsedLayer {
  const parsed = typeof name === 'string' && /\.csv$/i.test(name.split(/[?#]/)[0]) ? parseCsvPoints(name, text, limit) : parseGeoJSONText(name, text);
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
