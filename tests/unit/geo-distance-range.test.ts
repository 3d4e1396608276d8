/**
 * distanceRange: the bounds contain the distance of every point in the disc, and are tight.
 * Expected values come from elsewhere: Turf brute force (nearestPointOnLine, pointToLineDistance)
 * and dense sampling of the disc, never from the formulas distanceRange uses.
 */
import fc from 'fast-check';
import { bearing, destination, distance, nearestPointOnLine, pointToLineDistance } from '@turf/turf';
import type { Feature, LineString } from 'geojson';
import { describe, expect, test } from 'vitest';
import { borderLine } from '../../scripts/load-geodata.ts';
import { BorderIndex, describeRange, distanceRange, formatRange } from '../../src/geo/index.ts';
import { lazy } from './lazy.ts';
import { MUTATE, runs } from './runs.ts';

const line = borderLine();
const coords = line.geometry.coordinates;
const index = lazy(() => new BorderIndex(line));

/** A V-shaped border: centres inside the V have their greatest distance well short of km + r. */
const vLine: Feature<LineString> = { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [[61, 28], [62, 26], [63, 28]] } };
const vIndex = lazy(() => new BorderIndex(vLine));
/** A straight (great-circle) border: moving straight away from it gains exactly r, so max = km + r. */
const straight: Feature<LineString> = { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [[60, 20], [60, 32]] } };
const straightIndex = lazy(() => new BorderIndex(straight));

/** 600 vertices of the shipped border, for brute-force Turf checks that stay cheap. */
const piece: Feature<LineString> = { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: coords.slice(2000, 2600) } };
const pieceIndex = lazy(() => new BorderIndex(piece));

const turfKm = (target: Feature<LineString>, p: number[]) => pointToLineDistance(p, target, { units: 'kilometers', method: 'geodesic' });
const at = (c: readonly number[], km: number, deg: number) => destination([...c], km, deg, { units: 'kilometers' }).geometry.coordinates;

/**
 * The greatest border distance over the disc, found by brute force: a polar grid (nr radii × nt
 * bearings, centre included), then a pattern search from the best grid points with shrinking steps.
 * Every point it tries is in the disc, so the result is a lower bound of the true max (and in
 * practice within metres of it); `grid` is the grid alone, `h` its covering radius: every disc point
 * is within h of a grid point, and distance to the border is 1-Lipschitz.
 */
function discMax(f: (p: number[]) => number, c: readonly number[], r: number, nr = 24, nt = 180): { best: number; grid: number; h: number } {
  const polar = (rho: number, deg: number) => (rho === 0 ? [...c] : at(c, rho, deg));
  const samples: { rho: number; deg: number; d: number }[] = [{ rho: 0, deg: 0, d: f([...c]) }];
  for (let i = 1; i <= nr; i++) for (let j = 0; j < nt; j++) samples.push({ rho: (r * i) / nr, deg: (360 * j) / nt, d: f(polar((r * i) / nr, (360 * j) / nt)) });
  samples.sort((a, b) => b.d - a.d);
  const grid = samples[0].d;
  let best = grid;
  for (const start of samples.slice(0, 5)) {
    let { rho, deg, d } = start;
    let [dr, dt] = [r / nr, 360 / nt];
    while (dr > 1e-5) {
      let moved = false;
      for (const [sr, st] of [[dr, 0], [-dr, 0], [0, dt], [0, -dt], [dr, dt], [dr, -dt], [-dr, dt], [-dr, -dt]]) {
        const rho2 = Math.min(r, Math.max(0, rho + sr));
        const v = f(polar(rho2, deg + st));
        if (v > d) [rho, deg, d, moved] = [rho2, deg + st, v, true];
      }
      if (!moved) [dr, dt] = [dr / 2, dt / 2];
    }
    best = Math.max(best, d);
  }
  return { best, grid, h: r / nr / 2 + (r * Math.PI) / nt };
}

const centre = fc.tuple(fc.double({ min: 58, max: 68, noNaN: true }), fc.double({ min: 23, max: 32, noNaN: true }));
const radius = fc.double({ min: 0.5, max: 100, noNaN: true });

/** Vertices where the shipped border turns by more than 60°: the places where the disc bounds are hardest. */
const bends = coords
  .map((_, i) => i)
  .filter((i) => {
    if (i === 0 || i === coords.length - 1) return false;
    const turn = Math.abs(((bearing(coords[i], coords[i + 1]) - bearing(coords[i - 1], coords[i]) + 540) % 360) - 180);
    return turn > 60 && distance(coords[i - 1], coords[i]) > 0.2 && distance(coords[i], coords[i + 1]) > 0.2;
  });
/** The border 60 vertices either side of a bend: a cheap index holding that bend. */
const bendPieces = new Map<number, BorderIndex>();
const pieceAround = (i: number) => {
  if (!bendPieces.has(i)) bendPieces.set(i, new BorderIndex(coords.slice(Math.max(0, i - 60), i + 61)));
  return bendPieces.get(i)!;
};
const nearBend = fc.tuple(fc.constantFrom(...bends), fc.double({ min: 0, max: 360, noNaN: true }), fc.double({ min: 0, max: 20, noNaN: true }), fc.double({ min: 0.5, max: 40, noNaN: true }))
  .map(([i, deg, off, r]) => ({ idx: pieceAround(i), c: at(coords[i], off, deg) as [number, number], r }));

describe('distanceRange', () => {
  test('there are bends to test near', () => {
    expect(bends.length).toBeGreaterThan(10);
  });

  test('km is the distance from the centre (brute-force Turf)', () => {
    fc.assert(
      fc.property(centre, radius, (c, r) => {
        expect(distanceRange(pieceIndex, c, r).km).toBeCloseTo(turfKm(piece, c), 3);
      }),
      { numRuns: runs(20, 5) },
    );
  });

  test('minKm is what the disc point nearest the border has (Turf: r along the geodesic to Turf’s nearest point)', () => {
    const [minX, minY, maxX, maxY] = pieceIndex.bbox as number[];
    const near = fc.tuple(fc.double({ min: minX - 0.5, max: maxX + 0.5, noNaN: true }), fc.double({ min: minY - 0.5, max: maxY + 0.5, noNaN: true }));
    fc.assert(
      fc.property(near, fc.double({ min: 0.5, max: 60, noNaN: true }), (c, r) => {
        const range = distanceRange(pieceIndex, c, r);
        const nearest = nearestPointOnLine(piece, c, { units: 'kilometers' });
        const d = nearest.properties.pointDistance;
        if (d <= r) {
          expect(range.minKm).toBe(0); // the disc holds a border point
        } else {
          const towards = at(c, r, bearing(c, nearest.geometry.coordinates));
          expect(range.minKm).toBeCloseTo(turfKm(piece, towards), 3);
        }
        // and no disc point is nearer (boundary samples)
        for (let j = 0; j < 32; j++) expect(pieceIndex.nearest(at(c, r, j * 11.25)).km).toBeGreaterThanOrEqual(range.minKm - 1e-6);
      }),
      { numRuns: runs(40, 8) },
    );
  });

  test('maxKm is never above km + r, also right beside bends of the border', () => {
    const anywhere = fc.tuple(centre, radius).map(([c, r]) => ({ idx: MUTATE ? pieceIndex : index, c, r }));
    fc.assert(
      fc.property(fc.oneof(nearBend, anywhere), ({ idx, c, r }) => {
        const range = distanceRange(idx, c, r);
        expect(range.maxKm).toBeLessThanOrEqual(range.km + r);
        expect(range.minKm).toBeLessThanOrEqual(range.km);
        expect(range.maxKm).toBeGreaterThanOrEqual(range.km);
      }),
      { numRuns: runs(150, 25) },
    );
  });

  test('beside a straight border the farthest point gains exactly r, and maxKm says exactly km + r', () => {
    for (const [c, r] of [[[61, 26], 20], [[60.5, 27], 45], [[59.2, 25], 30], [[60.01, 24], 5]] as [[number, number], number][]) {
      const range = distanceRange(straightIndex, c, r);
      const away = at(c, r, c[0] > 60 ? 90 : 270); // straight away from the meridian
      expect(turfKm(straight, away)).toBeCloseTo(turfKm(straight, c) + r, 2);
      expect(range.maxKm).toBe(range.km + r);
    }
  });

  test('maxKm bounds every disc point from above and is within the default tolerance (1 % of r) of the max (brute-force Turf)', () => {
    const cases: [[number, number], number][] = [[[62, 26.6], 50], [[62, 26.2], 12], [[62, 27.2], 60], [[62, 26.3], 30], [[61.5, 27.5], 25]];
    for (const [c, r] of cases.slice(0, runs(cases.length, 2))) {
      const range = distanceRange(vIndex, c, r);
      const { best, grid } = discMax((p) => turfKm(vLine, p), c, r);
      expect(range.maxKm).toBeGreaterThanOrEqual(best - 1e-6); // an upper bound: no disc point is farther
      expect(range.maxKm).toBeGreaterThanOrEqual(grid - 1e-6);
      expect(range.maxKm - best, `centre ${c}, r ${r}`).toBeLessThanOrEqual(0.01 * r + 0.002); // default tolerance, 2 m of search slack
    }
  });

  test('a tighter toleranceKm gives a tighter maxKm', () => {
    const cases: [[number, number], number, number][] = [[[62, 26.6], 50, 0.05], [[62, 27.2], 60, 0.1], [[61.5, 27.5], 25, 0.01]];
    for (const [c, r, tol] of cases.slice(0, runs(cases.length, 1))) {
      const range = distanceRange(vIndex, c, r, { toleranceKm: tol });
      const { best } = discMax((p) => turfKm(vLine, p), c, r);
      expect(range.maxKm).toBeGreaterThanOrEqual(best - 1e-6);
      expect(range.maxKm - best, `centre ${c}, r ${r}, tolerance ${tol}`).toBeLessThanOrEqual(tol + 0.002);
    }
  });

  test('the default tolerance is 1 % of r, at least 10 m', () => {
    for (const r of [0.2, 0.5, 0.999, 1, 1.5, 10, 35, 80]) {
      const c: [number, number] = [62, 26.4];
      expect(distanceRange(vIndex, c, r), `r = ${r}`).toEqual(distanceRange(vIndex, c, r, { toleranceKm: Math.max(r / 100, 0.01) }));
    }
    expect(distanceRange(vIndex, [62, 26.4], 30)).not.toEqual(distanceRange(vIndex, [62, 26.4], 30, { toleranceKm: 1.5 }));
  });

  test('crossesBorder: the disc touches (km = r) or crosses (km < r) the border', () => {
    for (const c of [[62.4, 26.3], [62.9, 26.8], [62.6, 26.5]] as [number, number][]) {
      const { km } = distanceRange(pieceIndex, c, 1);
      expect(km).toBeGreaterThan(1);
      const touching = distanceRange(pieceIndex, c, km);
      expect(touching.crossesBorder).toBe(true);
      expect(touching.minKm).toBe(0);
      expect(distanceRange(pieceIndex, c, km * (1 + 1e-9)).crossesBorder).toBe(true);
      const short = distanceRange(pieceIndex, c, km * (1 - 1e-9));
      expect(short.crossesBorder).toBe(false);
      expect(short.minKm).toBeGreaterThan(0);
    }
  });

  test('zero radius: one distance; crossesBorder only on the border itself', () => {
    const r = distanceRange(index, [62, 27], 0);
    expect(r.km).toBeCloseTo(turfKm(line, [62, 27]), 3);
    expect(r).toEqual({ km: r.km, minKm: r.km, maxKm: r.km, crossesBorder: false });
    const on = distanceRange(new BorderIndex([[0, 0], [1, 0]]), [0.5, 0], 0); // on the equator: exactly 0 km
    expect(on).toEqual({ km: 0, minKm: 0, maxKm: 0, crossesBorder: true });
    // Exactly on a vertex the distance is rounding noise (here ~1e-8 km), so r = 0 need not "cross"; 1 mm does.
    expect(distanceRange(index, coords[1234], 0).km).toBeLessThan(1e-6);
    expect(distanceRange(index, coords[1234], 1e-6).crossesBorder).toBe(true);
  });

  test('refuses a radius or tolerance that is not a number it can use', () => {
    for (const bad of [-1, -1e-9, NaN, Infinity, -Infinity]) expect(() => distanceRange(index, [62, 27], bad), String(bad)).toThrow(`distanceRange: uncertainty ${bad} km must be a finite number >= 0.`);
    for (const bad of [0, -1, NaN]) expect(() => distanceRange(index, [62, 27], 5, { toleranceKm: bad }), String(bad)).toThrow(`distanceRange: toleranceKm ${bad} must be > 0.`);
  });
});

describe('describeRange and formatRange', () => {
  test('sentences', () => {
    expect(describeRange({ km: 38.2, minKm: 3.2, maxKm: 73.4, crossesBorder: false }, 'km')).toBe('38 km, somewhere between 3 and 73 km');
    expect(describeRange({ km: 20, minKm: 0, maxKm: 55, crossesBorder: true }, 'mi')).toBe('12 mi, somewhere between 0 and 34 mi; the area of uncertainty reaches the border');
    expect(describeRange({ km: 6.25, minKm: 4.5, maxKm: 8.5, crossesBorder: false }, 'km')).toBe('6.3 km, somewhere between 4.5 and 8.5 km');
    expect(describeRange({ km: 5, minKm: 5, maxKm: 5, crossesBorder: false }, 'nmi')).toBe('2.7 nmi');
    expect(describeRange({ km: 0, minKm: 0, maxKm: 0, crossesBorder: true }, 'km')).toBe('0 km');
    expect(describeRange({ km: 5, minKm: 5, maxKm: 5 + 1e-10, crossesBorder: false }, 'km')).toBe('5 km'); // no range worth a sentence
    expect(describeRange({ km: 5, minKm: 5, maxKm: 5.01, crossesBorder: false }, 'km')).toBe('5 km, somewhere between 5 and 5 km');
  });

  test('whole units from a 10 km wide range', () => {
    expect(formatRange({ km: 38.2, minKm: 3.2, maxKm: 73.4, crossesBorder: false }, 'km')).toEqual({ km: '38 km', min: '3 km', max: '73 km' });
    expect(formatRange({ km: 5.44, minKm: 0.44, maxKm: 10.44, crossesBorder: false }, 'km')).toEqual({ km: '5 km', min: '0 km', max: '10 km' });
    expect(formatRange({ km: 5.44, minKm: 0.45, maxKm: 10.44, crossesBorder: false }, 'km')).toEqual({ km: '5.4 km', min: '0.5 km', max: '10.4 km' });
    expect(formatRange({ km: 1500.4, minKm: 1490.2, maxKm: 1510.6, crossesBorder: false }, 'km')).toEqual({ km: '1,500 km', min: '1,490 km', max: '1,511 km' });
  });
});
