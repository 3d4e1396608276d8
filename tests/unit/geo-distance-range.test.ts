/**
 * distanceRange: the bounds contain the distance of every point in the disc.
 */
import fc from 'fast-check';
import { destination, nearestPointOnLine } from '@turf/turf';
import { describe, expect, test } from 'vitest';
import { borderLine } from '../../scripts/load-geodata.ts';
import { BorderIndex, describeRange, distanceRange } from '../../src/geo/index.ts';

const line = borderLine();
const coords = line.geometry.coordinates;
const index = new BorderIndex(line);

const EPS = 1e-6; // km
const centre = fc.tuple(fc.double({ min: 58, max: 68, noNaN: true }), fc.double({ min: 23, max: 32, noNaN: true }));
const radius = fc.double({ min: 0.5, max: 100, noNaN: true });
const inDisc = fc.tuple(fc.double({ min: 0, max: 360, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }));

describe('distanceRange', () => {
  test('every point of the disc lies within [minKm, maxKm] (index distance)', () => {
    fc.assert(
      fc.property(centre, radius, fc.array(inDisc, { minLength: 1, maxLength: 30 }), (c, r, samples) => {
        const range = distanceRange(index, c, r);
        expect(range.minKm).toBe(Math.max(0, range.km - r));
        expect(range.crossesBorder).toBe(range.km <= r);
        for (const [bearing, t] of samples) {
          const p = destination(c, r * t, bearing, { units: 'kilometers' }).geometry.coordinates;
          const d = index.nearest(p).km;
          expect(d).toBeGreaterThanOrEqual(range.minKm - EPS);
          expect(d).toBeLessThanOrEqual(range.maxKm + EPS);
        }
      }),
      { numRuns: 200 },
    );
  });

  test('same with brute-force Turf distances', () => {
    fc.assert(
      fc.property(centre, radius, inDisc, (c, r, [bearing, t]) => {
        const range = distanceRange(index, c, r);
        const p = destination(c, r * t, bearing, { units: 'kilometers' }).geometry.coordinates;
        const d = nearestPointOnLine(line, p, { units: 'kilometers' }).properties.pointDistance;
        expect(d).toBeGreaterThanOrEqual(range.minKm - 0.001);
        expect(d).toBeLessThanOrEqual(range.maxKm + 0.001);
      }),
      { numRuns: coords.length > 5000 ? 25 : 80 },
    );
  });

  test('minKm is attained (exact) and maxKm is within the stated tolerance', () => {
    fc.assert(
      fc.property(centre, radius, (c, r) => {
        const range = distanceRange(index, c, r);
        const near = index.nearest(c);
        if (range.km > r) {
          // r along the geodesic towards the nearest border point
          const towards = destination(c, r, bearingTo(c, near.point), { units: 'kilometers' }).geometry.coordinates;
          expect(index.nearest(towards).km).toBeCloseTo(range.minKm, 5);
        }
        // dense reference: 2,048 boundary samples
        let dense = 0;
        for (let i = 0; i < 2048; i++) dense = Math.max(dense, index.nearest(destination(c, r, (360 * i) / 2048, { units: 'kilometers' }).geometry.coordinates).km);
        const margin = Math.max(0.01 * r, 0.01) + 1e-6; // default tolerance
        expect(range.maxKm).toBeGreaterThanOrEqual(dense - 1e-6);
        expect(range.maxKm - dense).toBeLessThanOrEqual(margin);
      }),
      { numRuns: 30 },
    );
  });

  test('zero radius', () => {
    const r = distanceRange(index, [62, 27], 0);
    expect(r.minKm).toBe(r.km);
    expect(r.maxKm).toBe(r.km);
  });

  test('describeRange', () => {
    expect(describeRange({ km: 38.2, minKm: 3.2, maxKm: 73.4, crossesBorder: false }, 'km')).toBe('38 km, somewhere between 3 and 73 km');
    expect(describeRange({ km: 20, minKm: 0, maxKm: 55, crossesBorder: true }, 'mi')).toBe(
      '12 mi, somewhere between 0 and 34 mi; the area of uncertainty reaches the border',
    );
    expect(describeRange({ km: 6.25, minKm: 4.5, maxKm: 8.5, crossesBorder: false }, 'km')).toBe('6.3 km, somewhere between 4.5 and 8.5 km');
    expect(describeRange({ km: 5, minKm: 5, maxKm: 5, crossesBorder: false }, 'nmi')).toBe('2.7 nmi');
    expect(() => distanceRange(index, [62, 27], -1)).toThrow(/>= 0/);
  });
});

function bearingTo(a: readonly number[], b: readonly number[]): number {
  const RAD = Math.PI / 180;
  const [l1, p1, l2, p2] = [a[0] * RAD, a[1] * RAD, b[0] * RAD, b[1] * RAD];
  const y = Math.sin(l2 - l1) * Math.cos(p2);
  const x = Math.cos(p1) * Math.sin(p2) - Math.sin(p1) * Math.cos(p2) * Math.cos(l2 - l1);
  return Math.atan2(y, x) / RAD;
}
