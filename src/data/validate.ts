/**
 * Checks user data before it reaches the map. Valid features of a partly broken file are kept;
 * every problem is reported with the file name, the feature index and what is wrong.
 * Pure: no DOM, no MapLibre.
 */
import type { Feature, FeatureCollection, Geometry, Polygon, Position } from 'geojson';
import { DataError, generalProblem, problemsIn, type FileLabel, type Problem } from './problems.ts';
import { checkTextSize } from './limits.ts';
import type { EventFormat } from './events.ts';

export { DataError };

export const GEOJSON_PROBLEMS = {
  notJson: 'this is not valid JSON ({detail}).',
  notGeoJson: 'this is JSON but not GeoJSON (no "type" member).',
  noFeatures: 'the FeatureCollection has no "features" array.',
  notAType: '"{type}" is not a GeoJSON type.',
  emptyCollection: 'the collection is empty.',
  noneShown: 'none of its {count} features can be shown. {examples}',
  notFeature: 'not a GeoJSON Feature.',
  badProperties: '"properties" must be an object.',
  noGeometry: 'it has no geometry.',
  unsupportedGeometry: 'unsupported geometry type "{type}" (use Point, LineString, Polygon or their Multi- forms).',
  notPosition: 'a position must be [longitude, latitude].',
  notNumbers: 'coordinates must be numbers (found NaN or text).',
  longitude: 'longitude {value} is outside -180…180.',
  latitude: 'latitude {value} is outside -90…90 (are longitude and latitude swapped?).',
  notArray: 'coordinates are missing or not an array.',
  tooFew: 'needs at least {min} positions, found {found}.',
  ringTooFew: 'a polygon ring needs at least {min} positions, found {found}.',
  ringOpen: 'a polygon ring is not closed (its first and last positions differ).',
} as const;
const problem = problemsIn(GEOJSON_PROBLEMS);
/** Problems listed one by one; past this many, the rest are only counted. */
const MAX_LISTED = 20;

const SUPPORTED = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon']);

export interface ParsedLayer {
  collection: FeatureCollection;
  /** The problems, each naming the file (and feature, where there is one). */
  problems: Problem[];
  skipped: number;
  /** The event dataset a CSV was read as (its rows carry dates and uncertainty), if any. */
  format?: EventFormat;
  /**
   * For an event dataset of fewer than DENSE_EVENTS events: the area each event is somewhere in (a
   * geodesic disc of its `uncertainty_km`). A denser one's events carry `area_px0` instead.
   */
  areas?: FeatureCollection<Polygon>;
}

/** Parses JSON text and validates it as GeoJSON; text over the byte limit is refused before parsing. */
export function parseGeoJSONText(file: FileLabel, text: string): ParsedLayer {
  checkTextSize(file, text);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new DataError(file, problem('notJson', { detail: (error as Error).message }));
  }
  return validateGeoJSON(file, value);
}

/** Validates any parsed value as GeoJSON: a FeatureCollection, a Feature, or a bare geometry. */
export function validateGeoJSON(file: FileLabel, value: unknown): ParsedLayer {
  const items = topLevelFeatures(file, value);
  const problems: Problem[] = [];
  const features: Feature[] = [];
  items.forEach((item, index) => {
    const why = featureProblem(item);
    if (why) problems.push(generalProblem('atFeature', { file, index, problem: why }));
    else features.push(cleanFeature(item as Feature));
  });
  if (!features.length) {
    throw new DataError(file, items.length ? problem('noneShown', { count: items.length, examples: problems.slice(0, 3) }) : problem('emptyCollection'));
  }
  return { collection: { type: 'FeatureCollection', features }, problems: summarise(problems), skipped: problems.length };
}

function topLevelFeatures(file: FileLabel, value: unknown): unknown[] {
  if (!isObject(value) || typeof value.type !== 'string') throw new DataError(file, problem('notGeoJson'));
  if (value.type === 'FeatureCollection') {
    if (!Array.isArray(value.features)) throw new DataError(file, problem('noFeatures'));
    return value.features;
  }
  if (value.type === 'Feature') return [value];
  if (SUPPORTED.has(value.type) || value.type === 'GeometryCollection') return [{ type: 'Feature', properties: {}, geometry: value }];
  throw new DataError(file, problem('notAType', { type: String(value.type).slice(0, 40) }));
}

/** Returns what is wrong with one feature, or null if it can be drawn. */
export function featureProblem(item: unknown): Problem | null {
  if (!isObject(item) || item.type !== 'Feature') return problem('notFeature');
  if (item.properties !== null && item.properties !== undefined && !isObject(item.properties)) return problem('badProperties');
  const geometry = item.geometry;
  if (!isObject(geometry)) return problem('noGeometry');
  return geometryProblem(geometry as unknown as Geometry);
}

function geometryProblem(g: Geometry): Problem | null {
  if (!SUPPORTED.has(g.type)) return problem('unsupportedGeometry', { type: String(g.type).slice(0, 40) });
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

function positionProblem(p: unknown): Problem | null {
  if (!Array.isArray(p) || p.length < 2) return problem('notPosition');
  const [lon, lat] = p as Position;
  if (typeof lon !== 'number' || typeof lat !== 'number' || !Number.isFinite(lon) || !Number.isFinite(lat)) return problem('notNumbers');
  if (lon < -180 || lon > 180) return problem('longitude', { value: String(lon) });
  if (lat < -90 || lat > 90) return problem('latitude', { value: String(lat) });
  return null;
}

function lineProblem(c: unknown): Problem | null {
  return listProblem(c, positionProblem, 2);
}

function ringProblem(c: unknown): Problem | null {
  const why = listProblem(c, positionProblem, 4);
  if (why) return why.key === 'tooFew' ? problem('ringTooFew', why.values) : why;
  const ring = c as Position[];
  const [first, last] = [ring[0], ring[ring.length - 1]];
  if (first[0] !== last[0] || first[1] !== last[1]) return problem('ringOpen');
  return null;
}

function polygonProblem(c: unknown): Problem | null {
  return listProblem(c, ringProblem, 1);
}

function listProblem(c: unknown, each: (item: unknown) => Problem | null, min: number): Problem | null {
  if (!Array.isArray(c)) return problem('notArray');
  if (c.length < min) return problem('tooFew', { min, found: c.length });
  for (const item of c) {
    const why = each(item);
    if (why) return why;
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

/** A property name MapLibre can carry: a reserved one gains a trailing "_". */
export const cleanKey = (key: string): string => (RESERVED_KEYS.has(key) ? `${key}_` : key);

function cleanProperties(properties: Feature['properties']): Record<string, unknown> {
  const entries = Object.entries(properties ?? {}).map(([key, value]) => [
    cleanKey(key),
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

export function summarise(problems: Problem[]): Problem[] {
  if (problems.length <= MAX_LISTED) return problems;
  return [...problems.slice(0, MAX_LISTED), generalProblem('andMore', { count: problems.length - MAX_LISTED })];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
