import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Point } from 'geojson';
import { DataError, parseGeoJSONText, validateGeoJSON } from '../../src/data/validate.ts';
import { MAX_DATA_BYTES } from '../../src/data/limits.ts';
import { parseCsvPoints, parseCsv } from '../../src/data/csv.ts';
import { runs as fuzzRuns } from './runs.ts';

const point = (lon: unknown, lat: unknown) => ({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [lon, lat] } });
const collection = (...features: unknown[]) => ({ type: 'FeatureCollection', features });
const errorOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
};

describe('GeoJSON validation', () => {
  it.each([
    ['not JSON', '{"type": "FeatureCollection",', /not valid JSON/],
    ['not GeoJSON', '{"hello": 1}', /not GeoJSON/],
    ['an unknown type', '{"type": "Topology"}', /not a GeoJSON type/],
    ['an empty collection', '{"type":"FeatureCollection","features":[]}', /empty/],
  ])('refuses %s with a message naming the file', (_, text, message) => {
    const error = errorOf(() => parseGeoJSONText('mine.geojson', text));
    expect(error).toBeInstanceOf(DataError);
    expect(error.message).toMatch(/^mine\.geojson: /);
    expect(error.message).toMatch(message);
  });

  it('keeps valid features of a partly broken file and names each bad one by index', () => {
    const parsed = validateGeoJSON(
      'mixed.geojson',
      collection(
        point(63, 27),
        point(NaN, 27),
        point(200, 27),
        { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1]]] } },
        { type: 'Feature', properties: {}, geometry: { type: 'GeometryCollection', geometries: [] } },
        point(61, 95),
      ),
    );
    expect(parsed.collection.features).toHaveLength(1);
    expect(parsed.skipped).toBe(5);
    expect(parsed.problems.map((p) => p.text)).toEqual([
      expect.stringMatching(/^mixed\.geojson, feature 1: .*NaN/),
      expect.stringMatching(/feature 2: longitude 200/),
      expect.stringMatching(/feature 3: .*not closed/),
      expect.stringMatching(/feature 4: unsupported geometry type "GeometryCollection"/),
      expect.stringMatching(/feature 5: latitude 95.*swapped/),
    ]);
  });

  it('refuses files over the size limit before parsing them', () => {
    const big = ' '.repeat(MAX_DATA_BYTES + 1);
    expect(errorOf(() => parseGeoJSONText('big.json', big)).message).toMatch(/limit is 10 MB/);
  });

  it('accepts a bare geometry and a single feature', () => {
    expect(validateGeoJSON('g', { type: 'Point', coordinates: [1, 2] }).collection.features).toHaveLength(1);
    expect(validateGeoJSON('f', point(1, 2)).collection.features).toHaveLength(1);
  });
});

describe('CSV points', () => {
  it('finds lon/lat columns by common names and keeps the other columns', () => {
    const parsed = parseCsvPoints('p.csv', 'Name,Latitude,Longitude\n"Saravan, town",27.37,62.33\nbad,,62\n');
    expect(parsed.collection.features).toHaveLength(1);
    expect(parsed.collection.features[0].geometry).toEqual({ type: 'Point', coordinates: [62.33, 27.37] });
    expect(parsed.collection.features[0].properties).toEqual({ Name: 'Saravan, town' });
    expect(parsed.problems.map((p) => p.text)).toEqual([expect.stringMatching(/^p\.csv, row 3: /)]);
  });

  it('says which columns it needs when it cannot find them', () => {
    expect(errorOf(() => parseCsvPoints('q.csv', 'a,b\n1,2\n')).message).toMatch(/q\.csv: no longitude\/latitude columns.*"lon" and "lat".*found: a, b/);
  });

  it('reads quoted fields with commas, quotes and line breaks', () => {
    expect(parseCsv('a,b\r\n"x, ""y""","line\nbreak"\n')).toEqual([['a', 'b'], ['x, "y"', 'line\nbreak']]);
  });

  it('opens quotes only at the start of a cell; a quote later in it, or after a closing one, is a plain character', () => {
    expect(parseCsv('x"y,z\n"a"b,"c""d"\n')).toEqual([['x"y', 'z'], ['ab', 'c"d']]);
    expect(parseCsv('"never closed,a\nb')).toEqual([['never closed,a\nb']]);
    expect(parseCsv('a\rb\rc')).toEqual([['a'], ['b'], ['c']]);
    expect(parseCsv('a\r\nb\n\nc')).toEqual([['a'], ['b'], [''], ['c']]);
  });

  it('finds the columns in any order, latitude first included', () => {
    const [f] = parseCsvPoints('x.csv', 'lat,lon,name\n27.5,62.5,A\n').collection.features;
    expect([(f.geometry as Point).coordinates, f.properties]).toEqual([[62.5, 27.5], { name: 'A' }]);
  });

  it("a column named __proto__ is the row's own value, not its prototype", () => {
    const [f] = parseCsvPoints('x.csv', 'lon,lat,__proto__\n62,27,polluted\n').collection.features;
    expect(Object.getOwnPropertyDescriptor(f.properties, '__proto__')).toEqual({ value: 'polluted', enumerable: true, writable: true, configurable: true });
    expect(Object.getPrototypeOf(f.properties)).toBe(Object.prototype);
  });

  it('needs both coordinate columns: one of them is not enough', () => {
    for (const text of ['name,lon\nA,63\n', 'name,lat\nA,27\n', 'lat,name\n27,A\n']) {
      expect(errorOf(() => parseCsvPoints('one.csv', text)).message, text).toMatch(/^one\.csv: no longitude\/latitude columns found/);
    }
  });

  it('reads a spreadsheet export: a byte-order mark, Windows and old Mac line ends, blank lines, no final line end', () => {
    const points = (text: string) => parseCsvPoints('x.csv', text).collection.features.map((f) => [(f.geometry as Point).coordinates, f.properties]);
    expect(points('\uFEFFlon,lat,name\r\n63,27,A\r\n\r\n62,26,B')).toEqual([[[63, 27], { name: 'A' }], [[62, 26], { name: 'B' }]]);
    expect(points('lon,lat\r63,27\r')).toEqual([[[63, 27], {}]]);
    // A mark before a quoted name (trim() would drop a bare one, not one in front of a quote).
    expect(points('\uFEFF"lon","lat"\n63,27\n')).toEqual([[[63, 27], {}]]);
    expect(parseCsvPoints('x.csv', 'lon,lat\n\n63,27\n , \n').problems, 'blank and all-space lines are not rows').toEqual([]);
    expect(parseCsv('a,b\n1,')).toEqual([['a', 'b'], ['1', '']]);
    expect(parseCsv('a\n"x"')).toEqual([['a'], ['x']]);
  });

  it('quotes long column names shortened to 40 characters in its message', () => {
    const long = 'c'.repeat(41);
    expect(errorOf(() => parseCsvPoints('w.csv', `${long},${'d'.repeat(40)}\n1,2\n`)).message).toContain(`found: ${'c'.repeat(40)}…, ${'d'.repeat(40)})`);
  });
});

describe('fuzzing user data', () => {
  const runs = fuzzRuns(2000, 200);
  it(`never throws anything but a DataError and never returns an empty layer (${runs} GeoJSON cases)`, () => {
    const coordinate = fc.oneof(fc.double(), fc.integer({ min: -400, max: 400 }), fc.constant(NaN), fc.string(), fc.constant(null));
    const position = fc.array(coordinate, { maxLength: 3 });
    const geometry = fc.record({
      type: fc.constantFrom('Point', 'LineString', 'Polygon', 'MultiPoint', 'MultiPolygon', 'GeometryCollection', 'Circle', ''),
      coordinates: fc.oneof(position, fc.array(position), fc.array(fc.array(position)), fc.anything()),
    });
    const feature = fc.oneof(fc.record({ type: fc.constant('Feature'), properties: fc.oneof(fc.object(), fc.constant(null), fc.string()), geometry }), fc.anything());
    const input = fc.oneof(fc.record({ type: fc.constant('FeatureCollection'), features: fc.array(feature, { maxLength: 8 }) }), feature, fc.anything());
    fc.assert(
      fc.property(input, (value) => {
        try {
          const parsed = validateGeoJSON('fuzz.json', value);
          expect(parsed.collection.features.length).toBeGreaterThan(0);
        } catch (error) {
          expect(error).toBeInstanceOf(DataError);
        }
      }),
      { numRuns: runs },
    );
    console.log(`fuzz: ${runs} random GeoJSON inputs checked`);
  });

  it(`handles random text as CSV and as JSON (${runs} cases each)`, () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii', maxLength: 300 }), (text) => {
        for (const parse of [parseCsvPoints, parseGeoJSONText]) {
          try {
            parse('fuzz.txt', text);
          } catch (error) {
            expect(error).toBeInstanceOf(DataError);
          }
        }
      }),
      { numRuns: runs },
    );
  });
});
