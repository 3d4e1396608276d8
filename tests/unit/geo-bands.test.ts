/**
 * bufferBands: inside/outside agrees with exact distance up to a measured tolerance.
 */
import fc from 'fast-check';
import { booleanPointInPolygon, nearestPointOnLine } from '@turf/turf';
import type { Feature, LineString, MultiPolygon, Polygon } from 'geojson';
import { beforeAll, describe, expect, test } from 'vitest';
import { bufferBands } from '../../src/geo/bands.ts';
import { borderLine } from '../../scripts/load-geodata.ts';
import { BorderIndex } from '../../src/geo/index.ts';

const line = borderLine();
const coords = line.geometry.coordinates;
const index = new BorderIndex(line);

/**
 * Measured (see the "measure" test output): bands never extend beyond D by more
 * than ~10 m and fall short of D by at most 0.54 km at 50 km (≈ 1.1 % of D).
 */
const inner = (d: number) => 0.012 * d + 0.05; // points nearer than D − inner(D) must be inside
const OUTER = 0.05; // points farther than D + 50 m must be outside

let bands: ReturnType<typeof bufferBands>;
beforeAll(() => {
  const t = performance.now();
  bands = bufferBands(line, [25, 10, 50]);
  console.log(`[geo-bands] shipped border (${coords.length} vertices): bufferBands 10/25/50 km in ${(performance.now() - t).toFixed(0)} ms`);
}, 120_000);

const rings = (g: Polygon | MultiPolygon) => (g.type === 'Polygon' ? g.coordinates : g.coordinates.flat());

describe('bufferBands', () => {
  test('largest first, with distance_km', () => {
    expect(bands.features.map((f) => f.properties.distance_km)).toEqual([50, 25, 10]);
  });

  test('measure: distance of every band vertex to the border', () => {
    for (const f of bands.features) {
      const D = f.properties.distance_km;
      let lo = Infinity;
      let hi = -Infinity;
      for (const ring of rings(f.geometry)) for (const p of ring) {
        const dev = index.nearest(p).km - D;
        lo = Math.min(lo, dev);
        hi = Math.max(hi, dev);
      }
      const m = (x: number) => `${x < 0 ? '−' : '+'}${Math.abs(x * 1000).toFixed(0)} m`;
      console.log(`[geo-bands] ${D} km band: vertices between ${m(lo)} and ${m(hi)} of D`);
      expect(lo).toBeGreaterThan(-inner(D));
      expect(hi).toBeLessThan(OUTER);
    }
  });

  test('points clearly inside / outside are classified right (brute-force Turf distance)', () => {
    const [minX, minY, maxX, maxY] = index.bbox;
    const near = fc.tuple(fc.double({ min: minX - 0.7, max: maxX + 0.7, noNaN: true }), fc.double({ min: minY - 0.7, max: maxY + 0.7, noNaN: true }));
    fc.assert(
      fc.property(near, (p) => {
        const d = nearestPointOnLine(line, p, { units: 'kilometers' }).properties.pointDistance;
        for (const f of bands.features) {
          const D = f.properties.distance_km;
          if (d < D - inner(D)) expect(booleanPointInPolygon(p, f)).toBe(true);
          if (d > D + OUTER) expect(booleanPointInPolygon(p, f)).toBe(false);
        }
      }),
      { numRuns: coords.length > 5000 ? 40 : 150 },
    );
  });

  test('helpful errors', () => {
    expect(() => bufferBands(line, [0])).toThrow(/positive/);
    expect(() => bufferBands(line.geometry as unknown as Feature<LineString>, [10])).toThrow(/Feature<LineString>/);
  });
});
