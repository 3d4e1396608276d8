/**
 * BorderIndex must agree with brute-force Turf 7 (nearestPointOnLine /
 * pointToLineDistance, geodesic) to < 1 m for every input.
 */
import fc from 'fast-check';
import { booleanPointInPolygon, distance, nearestPointOnLine, pointToLineDistance } from '@turf/turf';
import type { Feature, FeatureCollection, LineString } from 'geojson';
import { describe, expect, test } from 'vitest';
import { BorderIndex } from '../../src/geo/index.ts';
import { FULL_BORDER_PATH, SHIPPED_BORDER_PATH, borderLine, provinces as loadProvinces } from '../../scripts/load-geodata.ts';

const BORDER_PATH = SHIPPED_BORDER_PATH;
const line = borderLine();
const coords = line.geometry.coordinates;
const provinces = loadProvinces();
const index = new BorderIndex(line, { provinces });
console.log(`[geo-border-index] border: ${BORDER_PATH} (${coords.length} vertices)`);

// --- oracle ------------------------------------------------------------------
const M = 0.001; // 1 m in km

/** Check one point against Turf's nearestPointOnLine (the same per-segment algorithm pointToLineDistance uses). */
function agreeWithTurf(p: [number, number], target: Feature<LineString> = line, idx: BorderIndex = index): void {
  const mine = idx.nearest(p);
  const turf = nearestPointOnLine(target, p, { units: 'kilometers' });
  const turfKm = turf.properties.pointDistance;
  expect(Math.abs(mine.km - turfKm)).toBeLessThan(M);
  // The returned point must really be at that distance and on the line…
  expect(Math.abs(distance(p, mine.point, { units: 'kilometers' }) - mine.km)).toBeLessThan(M);
  // …and be Turf's point, unless two border points are (near-)equidistant.
  const gap = distance(mine.point, turf.geometry.coordinates, { units: 'kilometers' });
  if (gap >= M) {
    expect(pointToLineDistance(mine.point, target, { units: 'kilometers', method: 'geodesic' })).toBeLessThan(M);
  }
  // The segment index must hold the point.
  const seg = target.geometry.coordinates.slice(mine.segment, mine.segment + 2);
  expect(pointToLineDistance(mine.point, { type: 'LineString', coordinates: seg }, { units: 'kilometers', method: 'geodesic' })).toBeLessThan(M);
}

const lonLat = (lon0: number, lon1: number, lat0: number, lat1: number) =>
  fc.tuple(fc.double({ min: lon0, max: lon1, noNaN: true }), fc.double({ min: lat0, max: lat1, noNaN: true }));

// Turf brute force costs ~1–25 ms per point depending on the line, so keep runs modest.
const RUNS = coords.length > 10_000 ? 25 : 60;

describe('BorderIndex.nearest vs brute-force Turf', () => {
  test('random points in the region (lon 58–68, lat 23–32)', () => {
    fc.assert(fc.property(lonLat(58, 68, 23, 32), (p) => agreeWithTurf(p)), { numRuns: RUNS * 2 });
  });

  test('points exactly on vertices of the border', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: coords.length - 1 }), (i) => {
        const p = coords[i] as [number, number];
        agreeWithTurf(p);
        expect(index.nearest(p).km).toBeLessThan(M);
      }),
      { numRuns: RUNS },
    );
  });

  test('points along segments (lon/lat interpolation, so slightly off the great-circle arc)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: coords.length - 2 }), fc.double({ min: 0, max: 1, noNaN: true }), (i, t) => {
        const [a, b] = [coords[i], coords[i + 1]];
        const p: [number, number] = [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
        agreeWithTurf(p);
        expect(index.nearest(p).km).toBeLessThan(0.05); // lon/lat chord vs arc: metres at most
      }),
      { numRuns: RUNS },
    );
  });

  test('the two ends, and points just beyond them', () => {
    const ends = [coords[0], coords[coords.length - 1]] as [number, number][];
    for (const e of ends) {
      agreeWithTurf(e);
      expect(index.nearest(e).km).toBeLessThan(1e-6); // exactly on a vertex: micrometres of rounding
    }
    fc.assert(
      fc.property(fc.constantFrom(...ends), fc.double({ min: -0.3, max: 0.3, noNaN: true }), fc.double({ min: -0.3, max: 0.3, noNaN: true }), (e, dx, dy) =>
        agreeWithTurf([e[0] + dx, e[1] + dy]),
      ),
      { numRuns: RUNS },
    );
  });

  test('far away (lon 40–80, lat 10–45)', () => {
    fc.assert(fc.property(lonLat(40, 80, 10, 45), (p) => agreeWithTurf(p)), { numRuns: RUNS });
  });

  test('anywhere on Earth, including poles and across the antimeridian', () => {
    for (const p of [[-170, 20], [179.9, 27], [-179.9, -27], [61, 90], [61, -90], [0, 0], [-118.9, -27.5]] as [number, number][]) agreeWithTurf(p);
    fc.assert(fc.property(lonLat(-180, 180, -90, 90), (p) => agreeWithTurf(p)), { numRuns: Math.ceil(RUNS / 2) });
  });

  for (const country of ['PK', 'IR'] as const) {
    test(`random points on the ${country} side`, () => {
      const polys = provinces.features.filter((f) => f.properties.country === country);
      const inside = lonLat(58, 68, 23, 32).filter((p) => polys.some((f) => booleanPointInPolygon(p, f)));
      fc.assert(
        fc.property(inside, (p) => {
          agreeWithTurf(p);
          expect(index.side(p)).toBe(country);
        }),
        { numRuns: RUNS },
      );
    });
  }

  test('Turf pointToLineDistance (geodesic) gives the same km', () => {
    fc.assert(
      fc.property(lonLat(58, 68, 23, 32), (p) => {
        const turfKm = pointToLineDistance(p, line, { units: 'kilometers', method: 'geodesic' });
        expect(Math.abs(index.nearest(p).km - turfKm)).toBeLessThan(M);
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  });
});

describe('BorderIndex on the full-detail OSM line', () => {
  const full = borderLine(FULL_BORDER_PATH);
  const fullIndex = new BorderIndex(full);
  test('has 16,866 vertices and agrees with Turf', () => {
    expect(full.geometry.coordinates.length).toBe(16866);
    expect(fullIndex.numSegments).toBe(16865);
    fc.assert(fc.property(lonLat(58, 68, 23, 32), (p) => agreeWithTurf(p, full, fullIndex)), { numRuns: 15 });
  });
});

describe('BorderIndex inputs and errors', () => {
  test('accepts Feature, geometry, FeatureCollection, coordinates and parts alike', () => {
    const p: [number, number] = [62.1, 27.4];
    const expected = index.nearest(p);
    for (const input of [line.geometry, { type: 'FeatureCollection', features: [line] } as FeatureCollection<LineString>, coords, [coords]]) {
      expect(new BorderIndex(input).nearest(p)).toEqual(expected);
    }
  });

  test('multi-part lines number segments across parts', () => {
    const mid = Math.floor(coords.length / 2);
    const parts = [coords.slice(0, mid + 1), coords.slice(mid + 1)];
    const multi = new BorderIndex({ type: 'MultiLineString', coordinates: parts });
    expect(multi.numSegments).toBe(coords.length - 2); // the segment joining the parts is gone
    const r = multi.nearest(coords[coords.length - 1]);
    expect(r.segment).toBe(coords.length - 3);
  });

  test('long segments bulge poleward and are still exact', () => {
    const longLine: Feature<LineString> = { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [[40, 50], [100, 50], [100, 10]] } };
    const idx = new BorderIndex(longLine);
    // the 40°E–100°E arc at 50°N peaks at atan(tan 50° / cos 30°) = 53.995°N
    expect(idx.bbox[3]).toBeCloseTo(Math.atan(Math.tan(50 * Math.PI / 180) / Math.cos(Math.PI / 6)) * 180 / Math.PI, 6);
    fc.assert(fc.property(lonLat(20, 120, 0, 80), (p) => agreeWithTurf(p, longLine, idx)), { numRuns: 200 });
  });

  test('duplicate vertices are fine', () => {
    const dup: Feature<LineString> = { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [[61, 25], [61, 25], [62, 26], [62, 26]] } };
    const idx = new BorderIndex(dup);
    for (const p of [[61, 25], [61.5, 25.2], [63, 27], [60, 24]] as [number, number][]) agreeWithTurf(p, dup, idx);
  });

  test('helpful errors', () => {
    expect(() => new BorderIndex([[0, 0]])).toThrow(/at least one segment/);
    expect(() => new BorderIndex([[170, 0], [-170, 0]])).toThrow(/antimeridian/);
    expect(() => new BorderIndex([[0, 0], [120, 0]])).toThrow(/densify/);
    expect(() => index.nearest([NaN, 0])).toThrow(/valid \[lon, lat\]/);
    expect(() => new BorderIndex(line).side([62, 27])).toThrow(/provinces/);
  });
});

describe('side()', () => {
  const idx = BorderIndex.fromGeoJSON(line, provinces);
  test('known towns', () => {
    expect(idx.side([64.09, 26.97])).toBe('PK'); // Panjgur
    expect(idx.side([62.33, 27.37])).toBe('IR'); // Saravan
    expect(idx.side([0, 0])).toBeNull();
  });
});
