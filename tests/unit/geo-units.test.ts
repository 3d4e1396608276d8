import { describe, expect, test } from 'vitest';
import { EARTH_RADIUS_KM, convertKm, densifyGreatCircle, formatDistance, geodesicCircle, measurePath } from '../../src/geo/index.ts';
import { distance } from '@turf/turf';

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
