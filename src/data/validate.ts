/**
 * Checks user data before it reaches the map. Valid features of a partly broken file are kept;
 * every problem is reported with the file name, the feature index and what is wrong.
 * Pure: no DOM, no MapLibre.
 */
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { DataError } from './errors.ts';
import { checkTextSize } from './limits.ts';

export { DataError };
/** Problems listed one by one; past this many, the rest are only counted. */
const MAX_LISTED = 20;

const SUPPORTED = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon']);

export interface ParsedLayer {
  collection: FeatureCollection;
  /** Human-readable problems, each naming the file (and feature, where there is one). */
  problems: string[];
  skipped: number;
}

/** Parses JSON text and validates it as GeoJSON; text over the byte limit is refused before parsing. */
export function parseGeoJSONText(file: string, text: string): ParsedLayer {
  checkTextSize(file, text);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new DataError(file, `this is not valid JSON (${(error as Error).message}).`);
  }
  return validateGeoJSON(file, value);
}

/** Validates any parsed value as GeoJSON: a FeatureCollection, a Feature, or a bare geometry. */
export function validateGeoJSON(file: string, value: unknown): ParsedLayer {
  const items = topLevelFeatures(file, value);
  const problems: string[] = [];
  const features: Feature[] = [];
  items.forEach((item, index) => {
    const problem = featureProblem(item);
    if (problem) problems.push(`${file}, feature ${index}: ${problem}`);
    else features.push(cleanFeature(item as Feature));
  });
  if (!features.length) {
    const why = items.length ? `none of its ${items.length} features can be shown. ${problems.slice(0, 3).join(' ')}` : 'the collection is empty.';
    throw new DataError(file, why);
  }
  return { collection: { type: 'FeatureCollection', features }, problems: summarise(problems), skipped: problems.length };
}

function topLevelFeatures(file: string, value: unknown): unknown[] {
  if (!isObject(value) || typeof value.type !== 'string') throw new DataError(file, 'this is JSON but not GeoJSON (no "type" member).');
  if (value.type === 'FeatureCollection') {
    if (!Array.isArray(value.features)) throw new DataError(file, 'the FeatureCollection has no "features" array.');
    return value.features;
  }
  if (value.type === 'Feature') return [value];
  if (SUPPORTED.has(value.type) || value.type === 'GeometryCollection') return [{ type: 'Feature', properties: {}, geometry: value }];
  throw new DataError(file, `"${String(value.type).slice(0, 40)}" is not a GeoJSON type.`);
}

/** Returns what is wrong with one feature, or null if it can be drawn. */
export function featureProblem(item: unknown): string | null {
  if (!isObject(item) || item.type !== 'Feature') return 'not a GeoJSON Feature.';
  if (item.properties !== null && item.properties !== undefined && !isObject(item.properties)) return '"properties" must be an object.';
  const geometry = item.geometry;
  if (!isObject(geometry)) return 'it has no geometry.';
  return geometryProblem(geometry as unknown as Geometry);
}

function geometryProblem(g: Geometry): string | null {
  if (!SUPPORTED.has(g.type)) return `unsupported geometry type "${String(g.type).slice(0, 40)}" (use Point, LineString, Polygon or their Multi- forms).`;
  const c = (g as { coordinates?: unknown }).coordinates;
  switch (g.type) {
    case 'Point':
      return positionProblem(c);
    case 'MultiPoint':
      return listProblem(c, positionProblem, 1);
    case 'LineString':
      return lineProblem(c);
    case 'MultiLineString':
      return listProblem(c, lineProblem, 1);
    case 'Polygon':
      return polygonProblem(c);
    case 'MultiPolygon':
      return listProblem(c, polygonProblem, 1);
    default:
      return null;
  }
}

function positionProblem(p: unknown): string | null {
  if (!Array.isArray(p) || p.length < 2) return 'a position must be [longitude, latitude].';
  const [lon, lat] = p as Position;
  if (typeof lon !== 'number' || typeof lat !== 'number' || !Number.isFinite(lon) || !Number.isFinite(lat)) return 'coordinates must be numbers (found NaN or text).';
  if (lon < -180 || lon > 180) return `longitude ${lon} is outside -180…180.`;
  if (lat < -90 || lat > 90) return `latitude ${lat} is outside -90…90 (are longitude and latitude swapped?).`;
  return null;
}

function lineProblem(c: unknown): string | null {
  return listProblem(c, positionProblem, 2);
}

function ringProblem(c: unknown): string | null {
  const problem = listProblem(c, positionProblem, 4);
  if (problem) return problem.replace('needs at least 4', 'a polygon ring needs at least 4');
  const ring = c as Position[];
  const [first, last] = [ring[0], ring[ring.length - 1]];
  if (first[0] !== last[0] || first[1] !== last[1]) return 'a polygon ring is not closed (its first and last positions differ).';
  return null;
}

function polygonProblem(c: unknown): string | null {
  return listProblem(c, ringProblem, 1);
}

function listProblem(c: unknown, each: (item: unknown) => string | null, min: number): string | null {
  if (!Array.isArray(c)) return 'coordinates are missing or not an array.';
  if (c.length < min) return `needs at least ${min} positions, found ${c.length}.`;
  for (const item of c) {
    const problem = each(item);
    if (problem) return problem;
  }
  return null;
}

/**
 * Key names MapLibre cannot send to its worker: its serializer reads `constructor` and `$name` of
 * every object, so a property called that made the whole layer silently fail to draw.
 */
const RESERVED_KEYS = new Set(['constructor', '$name']);

/**
 * A copy of a valid feature holding only what the map needs, in a form MapLibre can transfer:
 * plain Feature and geometry objects, positions of numbers, an id only if it is a string or number,
 * nested property values as JSON text (as the map shows them anyway), and the reserved key names
 * above given a trailing underscore.
 */
export function cleanFeature(feature: Feature): Feature {
  const out: Feature = { type: 'Feature', properties: cleanProperties(feature.properties), geometry: cleanGeometry(feature.geometry) };
  if (typeof feature.id === 'string' || (typeof feature.id === 'number' && Number.isFinite(feature.id))) out.id = feature.id;
  return out;
}

function cleanProperties(properties: Feature['properties']): Record<string, unknown> {
  const entries = Object.entries(properties ?? {}).map(([key, value]) => [
    RESERVED_KEYS.has(key) ? `${key}_` : key,
    value !== null && typeof value === 'object' ? JSON.stringify(value) : value,
  ]);
  return Object.fromEntries(entries);
}

function cleanGeometry(g: Geometry): Geometry {
  const pos = (p: Position): Position => (typeof p[2] === 'number' && Number.isFinite(p[2]) ? [p[0], p[1], p[2]] : [p[0], p[1]]);
  const line = (l: Position[]) => l.map(pos);
  switch (g.type) {
    case 'Point':
      return { type: g.type, coordinates: pos(g.coordinates) };
    case 'MultiPoint':
    case 'LineString':
      return { type: g.type, coordinates: line(g.coordinates) };
    case 'MultiLineString':
    case 'Polygon':
      return { type: g.type, coordinates: g.coordinates.map(line) };
    case 'MultiPolygon':
      return { type: g.type, coordinates: g.coordinates.map((polygon) => polygon.map(line)) };
    default:
      return g;
  }
}

export function summarise(problems: string[]): string[] {
  if (problems.length <= MAX_LISTED) return problems;
  return [...problems.slice(0, MAX_LISTED), `… and ${problems.length - MAX_LISTED} more problems.`];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
