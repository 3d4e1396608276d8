/**
 * How wrong is the sphere? Turf's spherical distance vs the WGS84 geodesic
 * (geographiclib) for pairs in the region.
 */
import fc from 'fast-check';
import { destination, distance } from '@turf/turf';
import geodesic from 'geographiclib-geodesic';
import { expect, test } from 'vitest';

const WGS84 = geodesic.Geodesic.WGS84;

test('sphere vs WGS84 in the region: worst relative difference < 0.5 %', () => {
  let worst = 0;
  let worstCase = '';
  const pair = fc
    .tuple(
      fc.double({ min: 58, max: 68, noNaN: true }),
      fc.double({ min: 24, max: 31, noNaN: true }),
      fc.double({ min: 0, max: 360, noNaN: true }),
      fc.double({ min: 1, max: 1000, noNaN: true }),
    )
    .map(([lon, lat, bearing, km]) => [[lon, lat], destination([lon, lat], km, bearing, { units: 'kilometers' }).geometry.coordinates] as const)
    .filter(([, b]) => b[0] >= 58 && b[0] <= 68 && b[1] >= 24 && b[1] <= 31);
  // plus exact N–S and E–W pairs, where the sphere is most and least wrong
  const cardinal = fc
    .tuple(fc.double({ min: 58, max: 60, noNaN: true }), fc.double({ min: 24, max: 26, noNaN: true }), fc.boolean(), fc.double({ min: 0.01, max: 5, noNaN: true }))
    .map(([lon, lat, ns, deg]) => [[lon, lat], ns ? [lon, Math.min(31, lat + deg)] : [Math.min(68, lon + deg * 1.6), lat]] as const);
  fc.assert(
    fc.property(fc.oneof(pair, cardinal), ([a, b]) => {
      const sphere = distance([...a], [...b], { units: 'kilometers' });
      if (sphere < 1 || sphere > 1000) return;
      const ellipsoid = WGS84.Inverse(a[1], a[0], b[1], b[0]).s12! / 1000;
      const rel = Math.abs(sphere - ellipsoid) / ellipsoid;
      if (rel > worst) {
        worst = rel;
        worstCase = `[${a.map((v) => v.toFixed(3))}] → [${b.map((v) => v.toFixed(3))}]: sphere ${sphere.toFixed(3)} km, WGS84 ${ellipsoid.toFixed(3)} km`;
      }
    }),
    { numRuns: 20_000 },
  );
  console.log(`[geo-ellipsoid] worst |sphere − WGS84| / WGS84 = ${(worst * 100).toFixed(3)} % (${worstCase})`);
  expect(worst).toBeLessThan(0.005);
});
