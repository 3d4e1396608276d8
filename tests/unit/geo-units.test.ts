import { describe, expect, test } from 'vitest';
import { EARTH_RADIUS_KM, convertKm, densifyGreatCircle, discPixelsAtZoom0, formatDistance, geodesicCircle, measurePath } from '../../src/geo/index.ts';
import { destination, distance } from '@turf/turf';

describe('units', () => {
  test('EARTH_RADIUS_KM is Turf’s', () => {
    expect(EARTH_RADIUS_KM).toBe(6371.0088);
    expect(distance([0, 0], [1, 0], { units: 'kilometers' })).toBeCloseTo((EARTH_RADIUS_KM * Math.PI) / 180, 9);
  });

  test('convertKm', () => {
    expect(convertKm(1.609344, 'mi')).toBeCloseTo(1, 12);
    expect(convertKm(1.852, 'nmi')).toBeCloseTo(1, 12);
    expect(convertKm(7, 'km')).toBe(7);
    expect(() => convertKm(1, 'ft' as 'km')).toThrow(/'km', 'mi' or 'nmi'/);
  });

  test('formatDistance: up to one decimal below 100, integers with separators above', () => {
    expect(formatDistance(12.4, 'km')).toBe('12.4 km');
    expect(formatDistance(38.04, 'km')).toBe('38 km'); // no trailing ".0"
    expect(formatDistance(99.96, 'km')).toBe('100 km');
    expect(formatDistance(123.4, 'km')).toBe('123 km');
    expect(formatDistance(12.4, 'mi')).toBe('7.7 mi');
    expect(formatDistance(12.4, 'nmi')).toBe('6.7 nmi');
    expect(formatDistance(0, 'km')).toBe('0 km');
    expect(formatDistance(1024.3, 'km')).toBe('1,024 km');
    expect(formatDistance(12345.6, 'km', { locale: 'de' })).toBe('12.346 km');
    expect(() => formatDistance(NaN, 'km')).toThrow(/finite/);
  });
});

describe('shapes and paths', () => {
  test('measurePath', () => {
    const m = measurePath([[61, 25], [62, 25], [62, 26]]);
    expect(m.legsKm).toHaveLength(2);
    expect(m.legsKm[0]).toBeCloseTo(distance([61, 25], [62, 25]), 12);
    expect(m.totalKm).toBeCloseTo(m.legsKm[0] + m.legsKm[1], 12);
    expect(measurePath([[61, 25]])).toEqual({ totalKm: 0, legsKm: [] });
  });

  test('densifyGreatCircle stays on the great circle with bounded spacing', () => {
    const pts = densifyGreatCircle([61, 25], [66, 30], 10);
    expect(pts[0]).toEqual([61, 25]);
    expect(pts[pts.length - 1]).toEqual([66, 30]);
    const total = distance([61, 25], [66, 30]);
    expect(measurePath(pts).totalKm).toBeCloseTo(total, 6); // no detour: points are on the geodesic
    for (const leg of measurePath(pts).legsKm) expect(leg).toBeLessThanOrEqual(10 + 1e-9);
    expect(densifyGreatCircle([61, 25], [61, 25])).toEqual([[61, 25], [61, 25]]);
  });

  test('geodesicCircle vertices are at the radius', () => {
    const c = geodesicCircle([62, 27], 25, 32);
    const ring = c.geometry.coordinates[0];
    expect(ring).toHaveLength(33);
    for (const p of ring) expect(distance([62, 27], p)).toBeCloseTo(25, 6);
    expect(() => geodesicCircle([62, 27], 0)).toThrow(/positive/);
  });
});

/** Haversine on Turf's sphere, written out here so the expected values do not come from Turf. */
function haversineKm(a: readonly number[], b: readonly number[]): number {
  const RAD = Math.PI / 180;
  const h = Math.sin(((b[1] - a[1]) * RAD) / 2) ** 2 + Math.cos(a[1] * RAD) * Math.cos(b[1] * RAD) * Math.sin(((b[0] - a[0]) * RAD) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
}

describe('shapes: inputs are checked, outputs measured independently', () => {
  test('geodesicCircle: steps must be an integer of at least 3; radius positive and finite', () => {
    for (const steps of [2, 0, -4, 2.5, 3.0001, NaN, Infinity]) {
      expect(() => geodesicCircle([62, 27], 10, steps), String(steps)).toThrow(`geodesicCircle: steps ${steps} must be an integer >= 3.`);
    }
    for (const radius of [0, -1, NaN, Infinity]) {
      expect(() => geodesicCircle([62, 27], radius), String(radius)).toThrow(`geodesicCircle: radius ${radius} km must be a positive number.`);
    }
    const triangle = geodesicCircle([62, 27], 10, 3).geometry.coordinates[0];
    expect(triangle).toHaveLength(4);
    expect(triangle[3]).toEqual(triangle[0]);
    expect(geodesicCircle([62, 27], 10).geometry.coordinates[0]).toHaveLength(65); // 64 steps by default
    for (const p of geodesicCircle([62, 27], 0.001, 8).geometry.coordinates[0]) expect(haversineKm([62, 27], p)).toBeCloseTo(0.001, 9);
    for (const p of triangle) expect(haversineKm([62, 27], p)).toBeCloseTo(10, 9);
  });

  test('densifyGreatCircle: ceil(length / max) equal legs, each point on the great circle', () => {
    const RAD = Math.PI / 180;
    const vec = (p: readonly number[]) => [Math.cos(p[1] * RAD) * Math.cos(p[0] * RAD), Math.cos(p[1] * RAD) * Math.sin(p[0] * RAD), Math.sin(p[1] * RAD)];
    for (const [a, b, max] of [[[61, 25], [66, 30], 10], [[61, 25], [61, 25.05], 10], [[60, 24], [68, 32], 37.5], [[62, 27], [62.5, 27], 1]] as [[number, number], [number, number], number][]) {
      const pts = densifyGreatCircle(a, b, max);
      const total = haversineKm(a, b);
      expect(pts).toHaveLength(Math.ceil(total / max) + 1);
      expect(pts[0]).toEqual(a);
      expect(pts.at(-1)).toEqual(b);
      const legs = pts.slice(1).map((p, i) => haversineKm(pts[i], p));
      for (const leg of legs) {
        expect(leg).toBeLessThanOrEqual(max + 1e-9);
        expect(leg).toBeCloseTo(total / legs.length, 6);
      }
      // on the great circle through a and b: perpendicular to its normal
      const [va, vb] = [vec(a), vec(b)];
      const n = [va[1] * vb[2] - va[2] * vb[1], va[2] * vb[0] - va[0] * vb[2], va[0] * vb[1] - va[1] * vb[0]];
      for (const p of pts) {
        const v = vec(p);
        expect(Math.abs(v[0] * n[0] + v[1] * n[1] + v[2] * n[2])).toBeLessThan(1e-12);
      }
    }
    expect(densifyGreatCircle([61, 25], [61, 25], 10)).toEqual([[61, 25], [61, 25]]);
    expect(densifyGreatCircle([61, 25], [66, 30])).toHaveLength(Math.ceil(haversineKm([61, 25], [66, 30]) / 10) + 1); // 10 km by default
    for (const bad of [0, -1, NaN]) expect(() => densifyGreatCircle([61, 25], [66, 30], bad)).toThrow(`densifyGreatCircle: maxSegmentKm ${bad} must be > 0.`);
  });

  test('measurePath: each leg is the haversine distance', () => {
    const pts: [number, number][] = [[61, 25], [62, 25], [62, 26], [64.5, 27.25]];
    const m = measurePath(pts);
    const legs = pts.slice(1).map((p, i) => haversineKm(pts[i], p));
    m.legsKm.forEach((leg, i) => expect(leg).toBeCloseTo(legs[i], 9));
    expect(m.totalKm).toBeCloseTo(legs[0] + legs[1] + legs[2], 9);
    expect(measurePath([])).toEqual({ totalKm: 0, legsKm: [] });
  });
});

describe('units: edges', () => {
  test('unknown units, including names every object has', () => {
    for (const bad of ['ft', 'toString', 'constructor', '__proto__', 'KM', '']) {
      expect(() => convertKm(1, bad as 'km'), bad).toThrow(`Unknown units "${bad}"; use 'km', 'mi' or 'nmi'.`);
      expect(() => formatDistance(1, bad as 'km'), bad).toThrow(/Unknown units/);
    }
  });

  test('one decimal below 99.95 in the display unit, whole numbers from there, and on request', () => {
    expect(formatDistance(99.94, 'km')).toBe('99.9 km');
    expect(formatDistance(99.95, 'km')).toBe('100 km');
    expect(formatDistance(-99.94, 'km')).toBe('-99.9 km');
    expect(formatDistance(-150.4, 'km')).toBe('-150 km');
    expect(formatDistance(160, 'mi')).toBe('99.4 mi'); // 160 km = 99.42 mi: the test is on miles, not km
    expect(formatDistance(12.4, 'km', { whole: true })).toBe('12 km');
    expect(formatDistance(12.6, 'km', { whole: false })).toBe('12.6 km');
    expect(formatDistance(-0.01, 'km')).toBe('0 km'); // no "-0"
    expect(formatDistance(-0, 'km')).toBe('0 km');
    expect(formatDistance(-0.4, 'km', { whole: true })).toBe('0 km');
    expect(formatDistance(-0.5, 'km', { whole: true })).toBe('-1 km');
    expect(formatDistance(-0.05, 'km')).toBe('-0.1 km');
    expect(formatDistance(1234.5, 'km', { locale: 'en' })).toBe('1,235 km');
    expect(() => formatDistance(Infinity, 'km')).toThrow('formatDistance: Infinity is not a finite number of km.');
  });
});

describe('discPixelsAtZoom0: a disc\'s radius on a Web Mercator map', () => {
  // Web Mercator at zoom 0 with 512 px tiles: y = 256 − 512/(2π) · ln(tan(π/4 + φ/2)).
  const mercatorY = (lat: number) => 256 - (512 / (2 * Math.PI)) * Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
  test.each([[1, 0], [25, 27], [60, 27], [60, 31.5], [10, 60]])('%d km at %d°: the pixels between the centre and the points r north and south, on average', (km, lat) => {
    const [north, south] = [0, 180].map((bearing) => destination([62, lat], km, bearing).geometry.coordinates[1]);
    const mean = (mercatorY(south) - mercatorY(north)) / 2;
    expect(discPixelsAtZoom0(km, lat) / mean).toBeCloseTo(1, 3);
  });
});
