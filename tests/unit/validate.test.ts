/**
 * validateGeoJSON rule by rule: every kind of invalid input gets its own message (property tests
 * generate the invalid inputs), valid features are never refused, and the problem list is capped.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DataError, cleanFeature, featureProblem, parseGeoJSONText, summarise, validateGeoJSON } from '../../src/data/validate.ts';
import { generalProblem } from '../../src/data/problems.ts';
import { parseUserText } from '../../src/data/parse-user.ts';
import { runs } from './runs.ts';

type Json = Record<string, unknown>;
const feature = (geometry: unknown, properties: unknown = {}): Json => ({ type: 'Feature', properties, geometry });
const fcOf = (...features: unknown[]) => ({ type: 'FeatureCollection', features });
const good = feature({ type: 'Point', coordinates: [63, 27] }, { name: 'ok' });
const errorOf = (fn: () => unknown): Error => {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
};

// --- valid geometry generators -------------------------------------------------
const lon = fc.double({ min: -180, max: 180, noNaN: true });
const lat = fc.double({ min: -90, max: 90, noNaN: true });
const position = fc.tuple(lon, lat);
const line = fc.array(position, { minLength: 2, maxLength: 6 });
const ring = fc.array(position, { minLength: 3, maxLength: 6 }).map((ps) => [...ps, ps[0]]);
const polygon = fc.array(ring, { minLength: 1, maxLength: 3 });
const validGeometry = fc.oneof(
  position.map((c) => ({ type: 'Point', coordinates: c })),
  fc.array(position, { minLength: 1, maxLength: 5 }).map((c) => ({ type: 'MultiPoint', coordinates: c })),
  line.map((c) => ({ type: 'LineString', coordinates: c })),
  fc.array(line, { minLength: 1, maxLength: 3 }).map((c) => ({ type: 'MultiLineString', coordinates: c })),
  polygon.map((c) => ({ type: 'Polygon', coordinates: c })),
  fc.array(polygon, { minLength: 1, maxLength: 3 }).map((c) => ({ type: 'MultiPolygon', coordinates: c })),
);

describe('valid input is never refused', () => {
  it('every valid feature is kept, with the same coordinates', () => {
    fc.assert(
      fc.property(fc.array(validGeometry, { minLength: 1, maxLength: 5 }), (geometries) => {
        const parsed = validateGeoJSON('ok.geojson', fcOf(...geometries.map((g) => feature(g))));
        expect(parsed.problems).toEqual([]);
        expect(parsed.skipped).toBe(0);
        expect(parsed.collection.features.map((f) => f.geometry)).toEqual(geometries);
      }),
      { numRuns: runs(300, 60) },
    );
  });

  it('properties may be null or missing; a bare geometry or one Feature is a layer of one', () => {
    expect(featureProblem({ type: 'Feature', properties: null, geometry: { type: 'Point', coordinates: [1, 2] } })).toBeNull();
    expect(featureProblem({ type: 'Feature', geometry: { type: 'Point', coordinates: [1, 2] } })).toBeNull();
    expect(validateGeoJSON('g', { type: 'LineString', coordinates: [[1, 2], [3, 4]] }).collection.features).toEqual([
      { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [[1, 2], [3, 4]] } },
    ]);
    expect(validateGeoJSON('f', good).collection.features).toHaveLength(1);
    expect(featureProblem(feature({ type: 'Point', coordinates: [-180, -90] }))).toBeNull();
    expect(featureProblem(feature({ type: 'Point', coordinates: [180, 90] }))).toBeNull();
  });
});

/** Each rule: a way to break a valid geometry, and the exact message it must give. */
interface Breakage {
  name: string;
  bad: fc.Arbitrary<unknown>; // a whole Feature-or-not value
  message: (value: never) => string;
}

const outside = (min: number, max: number) => fc.oneof(fc.double({ min: max, max: 1e6, noNaN: true, minExcluded: true }), fc.double({ min: -1e6, max: min, noNaN: true, maxExcluded: true }));
const notNumber = fc.oneof(fc.constant(NaN), fc.constant(Infinity), fc.constant(-Infinity), fc.string(), fc.constant(null), fc.boolean(), fc.constant(undefined));
const notArray = fc.oneof(fc.constant(undefined), fc.constant(null), fc.integer(), fc.string(), fc.object());

const breakages: Breakage[] = [
  {
    name: 'not a Feature',
    bad: fc.oneof(fc.constant(null), fc.integer(), fc.string(), fc.array(fc.integer()), fc.record({ type: fc.constantFrom('feature', 'Point', 'FeatureCollection', '') })),
    message: () => 'not a GeoJSON Feature.',
  },
  {
    name: '"properties" not an object',
    bad: fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.array(fc.integer()), fc.constant('abc')).map((p) => feature({ type: 'Point', coordinates: [1, 2] }, p)),
    message: () => '"properties" must be an object.',
  },
  {
    name: 'no geometry',
    bad: fc.oneof(fc.constant(null), fc.constant(undefined), fc.string(), fc.integer(), fc.array(fc.integer())).map((g) => feature(g)),
    message: () => 'it has no geometry.',
  },
  {
    name: 'an unsupported geometry type',
    bad: fc.oneof(fc.constantFrom('GeometryCollection', 'Circle', 'point', '', 'Topology'), fc.string({ maxLength: 80 })).filter((t) => !['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon'].includes(t)).map((type) => feature({ type, coordinates: [1, 2] })),
    message: (f: Json) => `unsupported geometry type "${String((f.geometry as Json).type).slice(0, 40)}" (use Point, LineString, Polygon or their Multi- forms).`,
  },
  {
    name: 'a position that is not [lon, lat]',
    bad: fc.oneof(fc.constant([]), fc.tuple(lon), fc.constant('1,2'), fc.constant(null), fc.constant({ lon: 1, lat: 2 })).map((c) => feature({ type: 'Point', coordinates: c })),
    message: () => 'a position must be [longitude, latitude].',
  },
  {
    name: 'a coordinate that is not a finite number',
    bad: fc.tuple(notNumber, lat, fc.boolean()).map(([x, y, swap]) => feature({ type: 'LineString', coordinates: [[1, 2], swap ? [y, x] : [x, y]] })),
    message: () => 'coordinates must be numbers (found NaN or text).',
  },
  {
    name: 'a longitude outside -180…180',
    bad: fc.tuple(outside(-180, 180), lat).map(([x, y]) => feature({ type: 'MultiPoint', coordinates: [[1, 2], [x, y]] })),
    message: (f: Json) => `longitude ${((f.geometry as Json).coordinates as number[][])[1][0]} is outside -180…180.`,
  },
  {
    name: 'a latitude outside -90…90',
    bad: fc.tuple(lon, outside(-90, 90)).map(([x, y]) => feature({ type: 'Point', coordinates: [x, y] })),
    message: (f: Json) => `latitude ${((f.geometry as Json).coordinates as number[])[1]} is outside -90…90 (are longitude and latitude swapped?).`,
  },
  {
    name: 'a LineString of fewer than two positions',
    bad: fc.array(position, { maxLength: 1 }).map((c) => feature({ type: 'LineString', coordinates: c })),
    message: (f: Json) => `needs at least 2 positions, found ${((f.geometry as Json).coordinates as unknown[]).length}.`,
  },
  {
    name: 'a ring of fewer than four positions',
    bad: fc.array(position, { minLength: 0, maxLength: 3 }).map((c) => feature({ type: 'Polygon', coordinates: [c.length ? [...c.slice(0, -1), c[0]] : c] })),
    message: (f: Json) => `a polygon ring needs at least 4 positions, found ${((f.geometry as Json).coordinates as unknown[][])[0].length}.`,
  },
  {
    name: 'a ring that is not closed',
    bad: fc.tuple(fc.array(position, { minLength: 4, maxLength: 6 }), fc.boolean()).filter(([c]) => c[0][0] !== c[c.length - 1][0] || c[0][1] !== c[c.length - 1][1]).map(([c, multi]) =>
      multi ? feature({ type: 'MultiPolygon', coordinates: [[[[0, 0], [1, 0], [1, 1], [0, 0]]], [c]] }) : feature({ type: 'Polygon', coordinates: [c] }),
    ),
    message: () => 'a polygon ring is not closed (its first and last positions differ).',
  },
  {
    name: 'coordinates missing or not an array',
    bad: fc.tuple(fc.constantFrom('MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon'), notArray).map(([type, c]) => feature({ type, coordinates: c })),
    message: () => 'coordinates are missing or not an array.',
  },
  {
    name: 'an empty Multi- geometry or a Polygon with no ring',
    bad: fc.constantFrom('MultiPoint', 'MultiLineString', 'Polygon', 'MultiPolygon').map((type) => feature({ type, coordinates: [] })),
    message: () => 'needs at least 1 positions, found 0.',
  },
];

describe('each kind of invalid feature gets its own message', () => {
  for (const { name, bad, message } of breakages) {
    it(name, () => {
      fc.assert(
        fc.property(bad, fc.nat(3), (value, at) => {
          expect(featureProblem(value)?.text).toBe(message(value as never));
          // In a collection, the bad feature is named by its index and the good ones are kept.
          const features = [good, good, good];
          features.splice(at, 0, value as Json);
          const parsed = validateGeoJSON('mine.geojson', fcOf(...features));
          expect(parsed.problems.map((p) => p.text)).toEqual([`mine.geojson, feature ${at}: ${message(value as never)}`]);
          expect(parsed.skipped).toBe(1);
          expect(parsed.collection.features).toHaveLength(3);
        }),
        { numRuns: runs(100, 25) },
      );
    });
  }

  it.each([
    ['a LineString with one position', feature({ type: 'LineString', coordinates: [[63, 27]] }), 'needs at least 2 positions, found 1.'],
    ['"properties": "abc"', feature({ type: 'Point', coordinates: [63, 27] }, 'abc'), '"properties" must be an object.'],
    ['a ring of three positions', feature({ type: 'Polygon', coordinates: [[[62, 27], [63, 27], [62, 27]]] }), 'a polygon ring needs at least 4 positions, found 3.'],
    ['a MultiLineString with a one-position part', feature({ type: 'MultiLineString', coordinates: [[[1, 2], [3, 4]], [[5, 6]]] }), 'needs at least 2 positions, found 1.'],
    ['a hole that is not closed', feature({ type: 'Polygon', coordinates: [[[0, 0], [4, 0], [4, 4], [0, 0]], [[1, 1], [2, 1], [2, 2], [1, 2]]] }), 'a polygon ring is not closed (its first and last positions differ).'],
    ['a ring closed in longitude only', feature({ type: 'Polygon', coordinates: [[[0, 0], [4, 0], [4, 4], [0, 1]]] }), 'a polygon ring is not closed (its first and last positions differ).'],
    ['a ring closed in latitude only', feature({ type: 'Polygon', coordinates: [[[0, 0], [4, 0], [4, 4], [1, 0]]] }), 'a polygon ring is not closed (its first and last positions differ).'],
    ['latitude 90.0001', feature({ type: 'Point', coordinates: [0, 90.0001] }), 'latitude 90.0001 is outside -90…90 (are longitude and latitude swapped?).'],
    ['longitude -180.5', feature({ type: 'Point', coordinates: [-180.5, 0] }), 'longitude -180.5 is outside -180…180.'],
    ['a long type name, cut to 40 characters', feature({ type: 'x'.repeat(100), coordinates: [] }), `unsupported geometry type "${'x'.repeat(40)}" (use Point, LineString, Polygon or their Multi- forms).`],
  ])('%s', (_, value, message) => {
    expect(featureProblem(value)?.text).toBe(message);
  });
});

describe('whole files', () => {
  it.each([
    ['not JSON', '{"type": "FeatureCollection",', /^mine\.geojson: this is not valid JSON \(.+\)\.$/],
    ['JSON but no type', '{"hello": 1}', /^mine\.geojson: this is JSON but not GeoJSON \(no "type" member\)\.$/],
    ['an array', '[1, 2]', /^mine\.geojson: this is JSON but not GeoJSON/],
    ['null', 'null', /^mine\.geojson: this is JSON but not GeoJSON/],
    ['a numeric type', '{"type": 7}', /^mine\.geojson: this is JSON but not GeoJSON/],
    ['an unknown type', '{"type": "Topology"}', /^mine\.geojson: "Topology" is not a GeoJSON type\.$/],
    ['a FeatureCollection without features', '{"type": "FeatureCollection"}', /^mine\.geojson: the FeatureCollection has no "features" array\.$/],
    ['features not an array', '{"type": "FeatureCollection", "features": {}}', /^mine\.geojson: the FeatureCollection has no "features" array\.$/],
    ['an empty collection', '{"type":"FeatureCollection","features":[]}', /^mine\.geojson: the collection is empty\.$/],
    ['a GeometryCollection', '{"type":"GeometryCollection","geometries":[]}', /^mine\.geojson: none of its 1 features can be shown\. mine\.geojson, feature 0: unsupported geometry type "GeometryCollection"/],
  ])('refuses %s, naming the file', (_, text, message) => {
    const error = errorOf(() => parseGeoJSONText('mine.geojson', text));
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).file).toBe('mine.geojson');
    expect(error.message).toMatch(message);
  });

  it('a long unknown type is cut to 40 characters', () => {
    expect(errorOf(() => validateGeoJSON('t', { type: 'y'.repeat(60) })).message).toBe(`t: "${'y'.repeat(40)}" is not a GeoJSON type.`);
  });

  it('when nothing can be shown, says how many features there were and the first three problems', () => {
    const bad = [1, 2, 3, 4].map((i) => feature({ type: 'Point', coordinates: [i, 100 + i] }));
    const message = errorOf(() => validateGeoJSON('all-bad.geojson', fcOf(...bad))).message;
    expect(message).toBe(
      'all-bad.geojson: none of its 4 features can be shown. ' +
        [1, 2, 3].map((i) => `all-bad.geojson, feature ${i - 1}: latitude ${100 + i} is outside -90…90 (are longitude and latitude swapped?).`).join(' '),
    );
  });
});

describe('the problem list is capped at 20', () => {
  const withBad = (n: number) => fcOf(good, ...Array.from({ length: n }, (_, i) => feature({ type: 'Point', coordinates: [200 + i, 0] })));
  it.each([
    [19, 19, null],
    [20, 20, null],
    [21, 21, '… and 1 more problems.'],
    [45, 21, '… and 25 more problems.'],
  ])('%i problems: %i lines', (n, lines, last) => {
    const parsed = validateGeoJSON('many.geojson', withBad(n));
    expect(parsed.skipped).toBe(n);
    expect(parsed.problems).toHaveLength(lines);
    expect(parsed.problems[0].text).toBe('many.geojson, feature 1: longitude 200 is outside -180…180.');
    expect(parsed.problems[Math.min(n, 20) - 1].text).toBe(`many.geojson, feature ${Math.min(n, 20)}: longitude ${199 + Math.min(n, 20)} is outside -180…180.`);
    if (last) expect(parsed.problems.at(-1)?.text).toBe(last);
  });

  it('summarise keeps short lists as they are', () => {
    const list = [generalProblem('unexpected', { message: 'a' }), generalProblem('unexpected', { message: 'b' })];
    expect(summarise(list)).toEqual(list);
    expect(summarise([])).toEqual([]);
  });
});

describe('cleanFeature: what reaches the map', () => {
  it('renames the keys MapLibre cannot transfer and keeps everything else', () => {
    const clean = cleanFeature(feature({ type: 'Point', coordinates: [1, 2] }, { constructor: 'a', $name: 'b', name: 'c', constructor_: 'd', __proto__x: 1 }) as never);
    expect(clean.properties).toEqual({ constructor_: 'd', $name_: 'b', name: 'c', __proto__x: 1 });
    const again = cleanFeature(feature({ type: 'Point', coordinates: [1, 2] }, { constructor: 'a', $name: 'b' }) as never);
    expect(Object.keys(again.properties!)).toEqual(['constructor_', '$name_']);
    expect(again.properties).toEqual({ constructor_: 'a', $name_: 'b' });
    expect(Object.getPrototypeOf(again.properties)).toBe(Object.prototype);
  });

  it('writes nested values as JSON text and keeps scalars and null', () => {
    const clean = cleanFeature(feature({ type: 'Point', coordinates: [1, 2] }, { list: [1, 'a'], obj: { b: { c: 1 } }, n: 3, s: 's', t: true, z: null }) as never);
    expect(clean.properties).toEqual({ list: '[1,"a"]', obj: '{"b":{"c":1}}', n: 3, s: 's', t: true, z: null });
    expect(cleanFeature({ type: 'Feature', properties: null, geometry: { type: 'Point', coordinates: [1, 2] } }).properties).toEqual({});
  });

  it('keeps an id only if it is a string or a finite number', () => {
    const withId = (id: unknown) => cleanFeature({ ...feature({ type: 'Point', coordinates: [1, 2] }), id } as never);
    expect(withId('a').id).toBe('a');
    expect(withId(7).id).toBe(7);
    expect(withId(0).id).toBe(0);
    for (const id of [NaN, Infinity, {}, [1], null, true, undefined]) expect(withId(id)).not.toHaveProperty('id');
  });

  it('copies positions as [lon, lat] or [lon, lat, z] numbers, dropping extra members', () => {
    const g = (type: string, coordinates: unknown) => cleanFeature(feature({ type, coordinates, bbox: [0, 0, 1, 1], crs: 'x' }) as never).geometry;
    expect(g('Point', [1, 2, 3, 4])).toEqual({ type: 'Point', coordinates: [1, 2, 3] });
    expect(g('Point', [1, 2, 'high'])).toEqual({ type: 'Point', coordinates: [1, 2] });
    expect(g('Point', [1, 2, NaN])).toEqual({ type: 'Point', coordinates: [1, 2] });
    expect(g('MultiPoint', [[1, 2, 5], [3, 4]])).toEqual({ type: 'MultiPoint', coordinates: [[1, 2, 5], [3, 4]] });
    expect(g('LineString', [[1, 2, 9, 9], [3, 4]])).toEqual({ type: 'LineString', coordinates: [[1, 2, 9], [3, 4]] });
    expect(g('MultiLineString', [[[1, 2, 7], [3, 4]]])).toEqual({ type: 'MultiLineString', coordinates: [[[1, 2, 7], [3, 4]]] });
    const ringZ = [[0, 0, 1], [1, 0, 'x'], [1, 1], [0, 0, 1]];
    expect(g('Polygon', [ringZ])).toEqual({ type: 'Polygon', coordinates: [[[0, 0, 1], [1, 0], [1, 1], [0, 0, 1]]] });
    expect(g('MultiPolygon', [[ringZ]])).toEqual({ type: 'MultiPolygon', coordinates: [[[[0, 0, 1], [1, 0], [1, 1], [0, 0, 1]]]] });
    const cleaned = cleanFeature({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [1, 2] }, extra: 1 } as never);
    expect(Object.keys(cleaned)).toEqual(['type', 'properties', 'geometry']);
  });

  it('a validated layer holds only cleaned features', () => {
    const parsed = validateGeoJSON('x', fcOf(feature({ type: 'Point', coordinates: [1, 2, 3, 4] }, { constructor: 1, nested: { a: 1 } })));
    expect(parsed.collection.features[0]).toEqual({ type: 'Feature', properties: { constructor_: 1, nested: '{"a":1}' }, geometry: { type: 'Point', coordinates: [1, 2, 3] } });
  });
});

describe('parseUserText chooses the reader by the file name', () => {
  it.each([
    ['points.csv', 'lon,lat\n1,2\n'],
    ['POINTS.CSV', 'lon,lat\n1,2\n'],
    ['https://x.org/p.csv?v=2', 'lon,lat\n1,2\n'],
    ['https://x.org/p.csv#top', 'lon,lat\n1,2\n'],
  ])('%s is read as CSV', (name, text) => {
    expect(parseUserText(name, text).collection.features[0].geometry).toEqual({ type: 'Point', coordinates: [1, 2] });
  });

  it.each(['p.geojson', 'p.json', 'p.csv.json', 'https://x.org/data?format=.csv', 'p'])('%s is read as GeoJSON', (name) => {
    expect(parseUserText(name, '{"type":"Point","coordinates":[1,2]}').collection.features).toHaveLength(1);
    expect(() => parseUserText(name, 'lon,lat\n1,2\n')).toThrow(/not valid JSON/);
  });
});
