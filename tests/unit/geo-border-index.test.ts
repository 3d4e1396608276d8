/**
 * BorderIndex must agree with brute-force Turf 7 (nearestPointOnLine /
 * pointToLineDistance, geodesic) to < 1 m for every input.
 */
import fc from 'fast-check';
import { booleanPointInPolygon, distance, nearestPointOnLine, pointToLineDistance } from '@turf/turf';
import type { Feature, FeatureCollection, LineString, MultiLineString } from 'geojson';
import { describe, expect, test } from 'vitest';
import { BorderIndex, CountrySides } from '../../src/geo/index.ts';
import { MinQueue } from '../../src/geo/queue.ts';
import { lazy } from './lazy.ts';
import { MUTATE, runs } from './runs.ts';
import { FULL_BORDER_PATH, SHIPPED_BORDER_PATH, borderLine, provinces as loadProvinces } from '../../scripts/load-geodata.ts';

const BORDER_PATH = SHIPPED_BORDER_PATH;
const line = borderLine();
const coords = line.geometry.coordinates;
const provinces = loadProvinces();
const index = lazy(() => new BorderIndex(line, { provinces }));
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
const RUNS = runs(coords.length > 10_000 ? 25 : 60, 5);

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

describe.skipIf(MUTATE)('BorderIndex on the full-detail OSM line', () => {
  const full = borderLine(FULL_BORDER_PATH);
  const fullIndex = lazy(() => new BorderIndex(full));
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
    fc.assert(fc.property(lonLat(20, 120, 0, 80), (p) => agreeWithTurf(p, longLine, idx)), { numRuns: runs(200, 40) });
  });

  test('random lines anywhere up to 85° of latitude, with a deep tree (4 per node), agree with Turf, and so does nearby', () => {
    // Far north or south a degree of longitude is short, so the tree's box bounds and nearby's
    // longitude padding matter; four segments per node give the search many levels to prune.
    const randomLine = fc
      .tuple(fc.double({ min: -170, max: 150, noNaN: true }), fc.double({ min: -85, max: 80, noNaN: true }), fc.array(fc.tuple(fc.double({ min: 0.05, max: 3, noNaN: true }), fc.double({ min: -2, max: 2, noNaN: true })), { minLength: 12, maxLength: 40 }))
      .map(([lon, lat, steps]) => {
        const coordinates: [number, number][] = [[lon, lat]];
        for (const [dx, dy] of steps) {
          const [x, y] = coordinates[coordinates.length - 1];
          coordinates.push([x + dx, Math.max(-88, Math.min(88, y + dy))]);
        }
        return { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates } } as Feature<LineString>;
      });
    fc.assert(
      fc.property(randomLine, fc.array(fc.tuple(fc.double({ min: -1, max: 1, noNaN: true }), fc.double({ min: -1, max: 1, noNaN: true })), { minLength: 5, maxLength: 5 }), (target, offsets) => {
        const idx = new BorderIndex(target, { nodeSize: 4 });
        const [minX, minY, maxX, maxY] = idx.bbox;
        const near = idx.nearby([minX, minY, maxX, maxY], 500);
        for (const [u, w] of offsets) {
          const p: [number, number] = [(minX + maxX) / 2 + ((maxX - minX) / 2 + 3) * u, Math.max(-89, Math.min(89, (minY + maxY) / 2 + ((maxY - minY) / 2 + 2) * w))];
          agreeWithTurf(p, target, idx);
          expect(Math.abs(near(p).km - idx.nearest(p).km)).toBeLessThan(M);
        }
      }),
      { numRuns: runs(150, 40) },
    );
  });

  test('far north and south, a segment due east or west is found ahead of a slightly farther one due north or south', () => {
    // A degree of longitude shrinks with cos(latitude): the tree's lower bound must shrink with it,
    // or the nearer segment (east–west offset) is pruned behind the farther one (north–south),
    // which comes first in the tree (two segments, one node: insertion order).
    for (let lat = -85; lat <= 85; lat += 2.5) {
      const b = 1.1 * 2 * Math.cos((lat * Math.PI) / 180); // strand B is 1.1× as far as strand A
      for (const side of [1, -1]) {
        const target: Feature<MultiLineString> = { type: 'Feature', properties: {}, geometry: { type: 'MultiLineString', coordinates: [[[-3, lat + side * b], [-1, lat + side * b]], [[0, Math.max(-89, lat - 10)], [0, Math.min(89, lat + 10)]]] } };
        const idx = new BorderIndex(target, { nodeSize: 4 });
        const p = [-2, lat];
        expect(idx.nearest(p).segment, `lat ${lat}`).toBe(1);
        expect(Math.abs(idx.nearest(p).km - pointToLineDistance(p, { type: 'LineString', coordinates: target.geometry.coordinates[1] }, { units: 'kilometers', method: 'geodesic' }))).toBeLessThan(M);
        // nearby for a small area round p, reaching past both strands, must see strand A too.
        // The area is 10° tall, so its poleward edge (where a degree of longitude is shortest) sets the padding.
        const area = [p[0] - 0.01, Math.max(-89, p[1] - 5), p[0] + 0.01, Math.min(89, p[1] + 5)];
        expect(idx.nearby(area, 1.5 * idx.nearest(p).km + 1)(p).segment, `nearby, lat ${lat}`).toBe(1);
      }
    }
  });

  test('a vertex at a pole is a valid position', () => {
    const polar: Feature<LineString> = { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [[0, -90], [0, -80], [30, -70]] } };
    const idx = new BorderIndex(polar);
    for (const p of [[10, -85], [100, -88], [25, -75]] as [number, number][]) agreeWithTurf(p, polar, idx);
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

describe('BorderIndex.nearby: the same exact answers for points in a small area', () => {
  /** An area of `sizeKm` around border vertex `v`, and points in, around and far beyond it. */
  const areaAt = (v: number, sizeKm: number) => {
    const [lon, lat] = coords[v];
    const d = sizeKm / 111;
    return [lon - d, lat - d, lon + d, lat + d];
  };

  test('inside the area, near and far from the border, and outside it, agrees with Turf', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: coords.length - 1 }), fc.constantFrom(0.5, 2, 20), fc.double({ min: 0.5, max: 60, noNaN: true }), fc.tuple(fc.double({ min: -1.5, max: 1.5, noNaN: true }), fc.double({ min: -1.5, max: 1.5, noNaN: true })), (v, sizeKm, km, [u, w]) => {
        const area = areaAt(v, sizeKm);
        const near = index.nearby(area, km);
        // u, w in [-1, 1] fall inside the area; beyond that, outside it.
        const p: [number, number] = [(area[0] + area[2]) / 2 + ((area[2] - area[0]) / 2) * u, (area[1] + area[3]) / 2 + ((area[3] - area[1]) / 2) * w];
        const turf = pointToLineDistance(p, line, { units: 'kilometers', method: 'geodesic' });
        const got = near(p);
        expect(Math.abs(got.km - turf)).toBeLessThan(M);
        expect(Math.abs(distance(p, got.point, { units: 'kilometers' }) - got.km)).toBeLessThan(M);
        expect(got.km).toBeCloseTo(index.nearest(p).km, 9);
      }),
      { numRuns: runs(120, 20) },
    );
  });

  test('many queries in a row, as a band edge makes them, each agree with Turf (the previous answer is only a first guess)', () => {
    // A zigzag walk across a wiggly stretch of the border, so the nearest segment keeps changing.
    const [lon, lat] = coords[2000];
    const near = index.nearby([lon - 0.03, lat - 0.03, lon + 0.03, lat + 0.03], 4);
    const nearestSegments = new Set<number>();
    for (let i = 0; i <= 200; i++) {
      const p = [lon - 0.03 + (0.06 * i) / 200, lat + 0.03 * Math.sin(i / 7)];
      const got = near(p);
      nearestSegments.add(got.segment);
      expect(Math.abs(got.km - pointToLineDistance(p, line, { units: 'kilometers', method: 'geodesic' })), String(p)).toBeLessThan(M);
    }
    expect(nearestSegments.size).toBeGreaterThan(10);
  });

  test('an area with no segment within reach answers from the whole line', () => {
    const near = index.nearby([50, 10, 50.1, 10.1], 1);
    const p = [50.05, 10.05];
    expect(Math.abs(near(p).km - pointToLineDistance(p, line, { units: 'kilometers', method: 'geodesic' }))).toBeLessThan(M);
  });

  test('a point farther than km from every segment it checked is still answered exactly', () => {
    const [lon, lat] = coords[1000];
    const near = index.nearby([lon - 0.01, lat - 0.01, lon + 0.01, lat + 0.01], 0.001);
    const p = [lon + 0.009, lat + 0.009];
    expect(Math.abs(near(p).km - pointToLineDistance(p, line, { units: 'kilometers', method: 'geodesic' }))).toBeLessThan(M);
    expect(near(p).km).toBeGreaterThan(0.001);
  });

  test('a point outside the area, on any side, is answered from the whole line, not from the segments near the area', () => {
    // Two parallel lines 1.1 km apart; the area hugs the first, and its 0.8 km reach stops short of
    // the second. Turned four ways, so the second line lies north, south, east and west of the area.
    const turns: ((x: number, y: number) => [number, number])[] = [(x, y) => [x, y], (x, y) => [x, -y], (x, y) => [y, x], (x, y) => [-y, x]];
    for (const turn of turns) {
      const two = new BorderIndex({ type: 'MultiLineString', coordinates: [[turn(0, 0), turn(0.5, 0), turn(1, 0)], [turn(0, 0.01), turn(0.5, 0.01), turn(1, 0.01)]] });
      const [a, b] = [turn(0.499, -0.001), turn(0.501, 0.001)];
      const near = two.nearby([Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1])], 0.8);
      const p = turn(0.5, 0.006); // outside the area: 0.67 km from the first line, 0.44 km from the second
      expect(near(p).km, String(turn(1, 2))).toBeCloseTo(distance(p, turn(0.5, 0.01), { units: 'kilometers' }), 6);
      expect(near(p).segment).toBeGreaterThanOrEqual(2);
      const inside = turn(0.5, 0.0005);
      expect(near(inside).km).toBeCloseTo(distance(inside, turn(0.5, 0), { units: 'kilometers' }), 6);
    }
  });

  test('a point inside the area but farther than km from every segment it checked is answered from the whole line', () => {
    // The area reaches from the southern line (lat 0) to 0.005° short of the northern one (lat 0.02);
    // with a reach of 0.3 km only the southern line is a candidate, yet p is nearer the northern.
    const two = new BorderIndex({ type: 'MultiLineString', coordinates: [[[0, 0], [1, 0]], [[0, 0.02], [1, 0.02]]] });
    const near = two.nearby([0.49, -0.001, 0.51, 0.015], 0.3);
    const p = [0.5, 0.014];
    expect(near(p).segment).toBe(1);
    expect(Math.abs(near(p).km - pointToLineDistance(p, { type: 'LineString', coordinates: [[0, 0.02], [1, 0.02]] }, { units: 'kilometers', method: 'geodesic' }))).toBeLessThan(M);
  });

  test('checks positions as nearest does', () => {
    const near = index.nearby(areaAt(10, 1), 5);
    expect(() => near([0, 91])).toThrow('BorderIndex.nearby: [0, 91] is not a valid [lon, lat] position (lat must be within ±90).');
    expect(() => near([NaN, 25])).toThrow(/BorderIndex.nearby: \[NaN, 25\]/);
  });
});

describe('side()', () => {
  test('known towns', () => {
    const idx = BorderIndex.fromGeoJSON(line, provinces);
    expect(idx.side([64.09, 26.97])).toBe('PK'); // Panjgur
    expect(idx.side([62.33, 27.37])).toBe('IR'); // Saravan
    expect(idx.side([0, 0])).toBeNull();
  });
});

describe('BorderIndex: every input is checked, every part is indexed', () => {
  test('latitude must be within ±90 (query and vertices), longitude any finite number', () => {
    const small = new BorderIndex([[61, 25], [62, 26]]);
    for (const bad of [[0, 90.000001], [0, -90.000001], [0, 180], [NaN, 0], [0, NaN], [Infinity, 0], [0, -Infinity]]) {
      expect(() => small.nearest(bad), String(bad)).toThrow(`BorderIndex.nearest: [${bad[0]}, ${bad[1]}] is not a valid [lon, lat] position (lat must be within ±90).`);
    }
    for (const ok of [[0, 90], [0, -90], [400, 25], [-400, 25]]) {
      const km = small.nearest(ok).km;
      expect(Math.abs(km - pointToLineDistance(ok, { type: 'LineString', coordinates: [[61, 25], [62, 26]] }, { units: 'kilometers', method: 'geodesic' }))).toBeLessThan(M);
    }
    for (const bad of [[0, 91], [0, -90.5], [NaN, 1], [1, Infinity]]) {
      expect(() => new BorderIndex([[1, 1], bad]), String(bad)).toThrow(`BorderIndex: vertex 1 [${bad[0]}, ${bad[1]}] is not a valid [lon, lat] position.`);
    }
  });

  test('a FeatureCollection indexes all its features, in order, as parts', () => {
    const a: Feature<LineString> = { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [[60, 25], [61, 25], [61.5, 25.5]] } };
    const b: Feature<LineString> = { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [[65, 30], [66, 31]] } };
    const c = { type: 'Feature', properties: {}, geometry: { type: 'MultiLineString', coordinates: [[[70, 20], [70, 21]], [[72, 20], [73, 20]]] } } as unknown as Feature<LineString>;
    const idx = new BorderIndex({ type: 'FeatureCollection', features: [a, b, c] });
    expect(idx.numSegments).toBe(2 + 1 + 1 + 1);
    expect(idx.numVertices).toBe(3 + 2 + 2 + 2);
    expect(idx.bbox[0]).toBeCloseTo(60, 6);
    expect(idx.bbox[2]).toBeCloseTo(73, 6);
    const part = (coordinates: number[][]) => ({ type: 'LineString' as const, coordinates });
    const cParts = (c.geometry as unknown as { coordinates: number[][][] }).coordinates;
    for (const [p, target, segment] of [[[65.6, 30.4], b.geometry, 2], [[72.5, 20.2], part(cParts[1]), 4], [[60.2, 24.8], a.geometry, 0], [[70.1, 20.5], part(cParts[0]), 3]] as const) {
      const r = idx.nearest(p as unknown as number[]);
      expect(r.segment).toBe(segment);
      expect(Math.abs(r.km - pointToLineDistance([...p], target, { units: 'kilometers', method: 'geodesic' }))).toBeLessThan(M);
    }
  });

  test('rejects what it cannot index, saying what it got', () => {
    expect(() => new BorderIndex([])).toThrow('BorderIndex: the line needs at least one segment (two vertices).');
    expect(() => new BorderIndex({ type: 'FeatureCollection', features: [] })).toThrow(/at least one segment/);
    expect(() => new BorderIndex([[[0, 0]], [[1, 1]]])).toThrow(/at least one segment/);
    expect(() => new BorderIndex({ type: 'Point', coordinates: [0, 0] } as never)).toThrow(/expected a LineString or MultiLineString .*got Point/);
    expect(() => new BorderIndex({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [] } } as never)).toThrow(/got Polygon/);
    expect(() => new BorderIndex(null as never)).toThrow(/got null/);
    expect(() => new BorderIndex([[170, 0], [-170, 0]])).toThrow('BorderIndex: segment 0 spans 340.0° of longitude; split the line at the antimeridian.');
    expect(() => new BorderIndex([[0, 0], [1, 0], [1, 0], [1, 10], [-179.5, 10]])).toThrow(/^BorderIndex: segment 3 spans 180\.5° of longitude/);
    expect(() => new BorderIndex([[0, 0], [1, 0], [-179, 0]])).toThrow(/segment 1 spans 180\.0° of longitude/);
    expect(() => new BorderIndex([[0, 0], [1, 1], [100, 1]])).toThrow('BorderIndex: segment 1 is longer than 90° of arc; densify the line (e.g. densifyGreatCircle) first.');
    expect(() => new BorderIndex([[0, 0], [89, 0]])).not.toThrow();
  });

  test('segments reaching a pole, any node size, and queries from everywhere agree with Turf', () => {
    const polar: Feature<LineString> = { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [[10, 60], [10, 90], [150, 80], [170, 60]] } };
    for (const nodeSize of [2, 4, 16]) {
      const idx = new BorderIndex(polar, { nodeSize });
      expect(idx.bbox[1]).toBeCloseTo(60, 6);
      expect(idx.bbox[3]).toBe(90);
      fc.assert(fc.property(lonLat(-180, 180, 40, 90), (p) => agreeWithTurf(p, polar, idx)), { numRuns: runs(60, 15) });
    }
    // A southern arc bulges towards the south pole.
    const south: Feature<LineString> = { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [[40, -50], [100, -50]] } };
    const idxS = new BorderIndex(south);
    expect(idxS.bbox[1]).toBeCloseTo(-Math.atan(Math.tan(50 * Math.PI / 180) / Math.cos(Math.PI / 6)) * 180 / Math.PI, 6);
    expect(idxS.bbox[3]).toBeCloseTo(-50, 6);
    fc.assert(fc.property(lonLat(0, 140, -80, 0), (p) => agreeWithTurf(p, south, idxS)), { numRuns: runs(100, 25) });
  });

  test('many segments with a small node size (deep tree) still give the exact nearest', () => {
    const zig: Feature<LineString> = { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: Array.from({ length: 300 }, (_, i) => [60 + i * 0.03, 26 + (i % 2) * 0.02 + Math.sin(i / 7) * 0.5]) } };
    const idx = new BorderIndex(zig, { nodeSize: 4 });
    fc.assert(fc.property(lonLat(58, 72, 24, 29), (p) => agreeWithTurf(p, zig, idx)), { numRuns: runs(150, 30) });
    fc.assert(fc.property(lonLat(-180, 180, -90, 90), (p) => agreeWithTurf(p, zig, idx)), { numRuns: runs(60, 15) });
  });

  test('a query right across the antimeridian from the line', () => {
    const east: Feature<LineString> = { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [[178, -10], [179.9, 0], [179, 10]] } };
    const idx = new BorderIndex(east);
    for (const p of [[-179.9, 0], [-179, 5], [-178, -9], [-170, 0], [181, 2], [-539, 1]] as [number, number][]) {
      const mine = idx.nearest(p);
      expect(Math.abs(mine.km - pointToLineDistance(p, east, { units: 'kilometers', method: 'geodesic' }))).toBeLessThan(M);
    }
  });
});

describe('CountrySides', () => {
  const square = (x: number, y: number, s: number) => [[[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]]];
  test('first match wins, bboxes only prefilter, MultiPolygons work', () => {
    const sides = new CountrySides({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { country: 'PK' }, geometry: { type: 'Polygon', coordinates: square(0, 0, 2) } },
        { type: 'Feature', properties: { country: 'IR' }, geometry: { type: 'MultiPolygon', coordinates: [square(1, 1, 2), square(10, 10, 1)] } },
        // An L-shape: its bbox holds (5.5, 5.5), the polygon does not.
        { type: 'Feature', properties: { country: 'PK' }, geometry: { type: 'Polygon', coordinates: [[[4, 4], [6, 4], [6, 5], [5, 5], [5, 6], [4, 6], [4, 4]]] } },
      ],
    });
    expect(sides.side([0.5, 0.5])).toBe('PK');
    expect(sides.side([1.5, 1.5])).toBe('PK'); // in both: the first feature wins
    expect(sides.side([2.5, 2.5])).toBe('IR');
    expect(sides.side([10.5, 10.5])).toBe('IR');
    expect(sides.side([4.5, 5.5])).toBe('PK');
    expect(sides.side([5.5, 5.5])).toBeNull();
    for (const p of [[-0.5, 1], [1, -0.5], [3.5, 1], [1, 3.5], [7, 7]]) expect(sides.side(p), String(p)).toBeNull();
  });

  test('agrees with Turf at the shipped provinces\' own vertices (on the edge: inside) and a hair either side of them', () => {
    const sides = new CountrySides(provinces);
    const turfSide = (p: number[]) => provinces.features.find((f) => booleanPointInPolygon(p, f))?.properties.country ?? null;
    let checked = 0;
    for (const f of provinces.features) {
      const rings = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      for (const ring of rings.flat()) {
        for (let i = 0; i < ring.length; i += 97) {
          const [x, y] = ring[i];
          for (const p of [[x, y], [x + 1e-6, y], [x - 1e-6, y], [x, y + 1e-6], [x, y - 1e-6]]) {
            expect(sides.side(p), String(p)).toBe(turfSide(p));
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  test('a hole is outside (its edge inside, as Turf has it); an unclosed ring is closed', () => {
    const holed = [[[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]], [[1, 1], [1, 3], [3, 3], [3, 1], [1, 1]]];
    const sides = new CountrySides({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { country: 'PK' }, geometry: { type: 'Polygon', coordinates: holed } },
        { type: 'Feature', properties: { country: 'IR' }, geometry: { type: 'Polygon', coordinates: [[[10, 0], [12, 0], [12, 2], [10, 2]]] } },
      ],
    });
    // (9.5, 1) is west of the unclosed ring: only its closing edge tells the ray it never entered.
    expect([[0.5, 0.5], [2, 2], [1, 2], [3.5, 2], [11, 1], [11.99, 1.99], [12.5, 1], [9.5, 1]].map((p) => sides.side(p))).toEqual(['PK', null, 'PK', 'PK', 'IR', 'IR', null, null]);
  });

  test('a point exactly on a slanted edge is inside, as Turf has it; a polygon without rings holds nothing', () => {
    const triangle = [[[0, 0], [4, 0], [0, 4], [0, 0]]];
    const sides = new CountrySides({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { country: 'IR' }, geometry: { type: 'Polygon', coordinates: [] } },
        { type: 'Feature', properties: { country: 'PK' }, geometry: { type: 'Polygon', coordinates: triangle } },
        // A ring whose first edge is its east side: the only edge a ray from inside it crosses.
        { type: 'Feature', properties: { country: 'IR' }, geometry: { type: 'Polygon', coordinates: [[[22, 0], [22, 2], [20, 2], [20, 0], [22, 0]]] } },
      ],
    });
    expect(sides.side([21, 1])).toBe('IR');
    for (const p of [[2, 2], [1, 3], [3, 1], [0, 2], [2, 0]]) {
      expect(booleanPointInPolygon(p, { type: 'Polygon', coordinates: triangle }), String(p)).toBe(true);
      expect(sides.side(p), String(p)).toBe('PK');
    }
    expect(sides.side([2.01, 2])).toBeNull();
  });

  test('refuses what it cannot use', () => {
    expect(() => new CountrySides(null as never)).toThrow(/expected a FeatureCollection/);
    expect(() => new CountrySides({ type: 'Feature' } as never)).toThrow(/expected a FeatureCollection/);
    const one = (properties: unknown, geometry: unknown) => ({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { country: 'PK' }, geometry: { type: 'Polygon', coordinates: square(0, 0, 1) } }, { type: 'Feature', properties, geometry }] }) as never;
    expect(() => new CountrySides(one({ country: 'AF' }, { type: 'Polygon', coordinates: square(0, 0, 1) }))).toThrow(`CountrySides: feature 1 has country "AF"; set properties.country to 'PK' or 'IR'.`);
    expect(() => new CountrySides(one(null, { type: 'Polygon', coordinates: square(0, 0, 1) }))).toThrow(/feature 1 has country undefined/);
    expect(() => new CountrySides(one({ country: 'IR' }, { type: 'LineString', coordinates: [[0, 0], [1, 1]] }))).toThrow('CountrySides: feature 1 is a LineString; only Polygon and MultiPolygon are supported.');
    expect(() => new CountrySides(one({ country: 'IR' }, null))).toThrow(/feature 1 is a undefined/);
  });
});

describe('MinQueue', () => {
  test('pops ids in order of priority, whatever the pushes', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.double({ noNaN: true, min: -1e6, max: 1e6 }).map((v) => v + 0), fc.integer({ min: 0, max: 5 })), { maxLength: 80 }), fc.integer({ min: 0, max: 80 }), (values, popEarly) => {
        const q = new MinQueue();
        const model: number[] = [];
        values.forEach((v, i) => {
          q.push(i, v);
          model.push(v);
          if (i === popEarly && q.length > 0) {
            model.sort((a, b) => a - b);
            expect(q.peekValue()).toBe(model[0]);
            expect(values[q.pop()]).toBe(model.shift());
          }
        });
        model.sort((a, b) => a - b);
        expect(q.length).toBe(model.length);
        const out: number[] = [];
        while (q.length > 0) {
          expect(q.peekValue()).toBe(model[out.length]);
          out.push(values[q.pop()]);
        }
        expect(out).toEqual(model);
        q.clear();
        expect(q.length).toBe(0);
      }),
      { numRuns: runs(500, 100) },
    );
  });

  test('clear empties a queue that still holds items', () => {
    const q = new MinQueue();
    for (const [id, v] of [[0, 3], [1, 1], [2, 2]]) q.push(id, v);
    q.clear();
    expect(q.length).toBe(0);
    q.push(7, 5);
    expect([q.length, q.peekValue(), q.pop(), q.length]).toEqual([1, 5, 7, 0]);
  });
});
