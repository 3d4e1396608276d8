/**
 * Light geodesic shapes for drawing: uncertainty circles and measured paths.
 * No `@turf/buffer` here, so this stays cheap to load. Turf measures in km unless told otherwise.
 */
import { circle, destination, distance, bearing } from '@turf/turf';
import type { Feature, Polygon } from 'geojson';
import { EARTH_RADIUS_KM } from './units.ts';

/**
 * A circle of constant great-circle radius around a point (Turf `circle`).
 *
 * @param center - `[lon, lat]`
 * @param radiusKm - radius in km (> 0)
 * @param steps - vertices on the ring (default 64)
 * @returns a Polygon feature whose vertices are exactly `radiusKm` from `center`
 * @example
 * geodesicCircle([62.3, 27.1], 25); // 25 km uncertainty disc
 */
export function geodesicCircle(center: [number, number], radiusKm: number, steps = 64): Feature<Polygon> {
  if (!(radiusKm > 0) || !Number.isFinite(radiusKm)) {
    throw new RangeError(`geodesicCircle: radius ${radiusKm} km must be a positive number.`);
  }
  if (!Number.isInteger(steps) || steps < 3) {
    throw new RangeError(`geodesicCircle: steps ${steps} must be an integer >= 3.`);
  }
  return circle(center, radiusKm, { steps });
}

/**
 * Points along the great circle from `a` to `b`, no two consecutive ones more
 * than `maxSegmentKm` apart — so a measured path renders as the geodesic it
 * measures, not a straight line in Web Mercator.
 *
 * Interpolates along the initial bearing with Turf `destination` (exact on the
 * sphere), which avoids `greatCircle`'s antimeridian splitting for our region.
 *
 * @param a - start `[lon, lat]`
 * @param b - end `[lon, lat]`
 * @param maxSegmentKm - maximum spacing in km (default 10)
 * @returns positions from `a` to `b` inclusive
 * @example
 * densifyGreatCircle([61, 25], [66, 30], 10).length; // 76 (≈ 749 km in 75 legs)
 */
export function densifyGreatCircle(a: [number, number], b: [number, number], maxSegmentKm = 10): [number, number][] {
  if (!(maxSegmentKm > 0)) {
    throw new RangeError(`densifyGreatCircle: maxSegmentKm ${maxSegmentKm} must be > 0.`);
  }
  const total = distance(a, b);
  const n = Math.max(1, Math.ceil(total / maxSegmentKm)); // 1 when a = b: no points between
  const out: [number, number][] = [[a[0], a[1]]];
  const heading = bearing(a, b);
  for (let i = 1; i < n; i++) {
    const p = destination(a, (total * i) / n, heading).geometry.coordinates;
    out.push([p[0], p[1]]);
  }
  out.push([b[0], b[1]]);
  return out;
}

/**
 * The radius in pixels, at zoom 0 of a Web Mercator map with 512 px tiles (MapLibre's), of a
 * geodesic circle of `radiusKm` centred at latitude `lat`: the circle's angular radius times the
 * world's width in pixels over 2π, stretched by 1 / cos(lat) as Mercator stretches everything there.
 * Mercator's scale at the centre: the true disc's north and south edges sit off the circle by about
 * tan(lat) × radius / R of the radius (0.5 % for 60 km at 27° N). Double it per zoom level.
 *
 * @example
 * discPixelsAtZoom0(25, 27); // ≈ 0.359 px (≈ 92 px at zoom 8)
 */
export function discPixelsAtZoom0(radiusKm: number, lat: number): number {
  return ((radiusKm / EARTH_RADIUS_KM) * 512) / (2 * Math.PI * Math.cos((lat * Math.PI) / 180));
}
