/**
 * Length of a measured multi-leg path. Turf measures in km unless told otherwise.
 */
import { distance } from '@turf/turf';

/** Result of {@link measurePath}. */
export interface PathMeasure {
  /** Sum of the legs in km. */
  totalKm: number;
  /** Great-circle length of each leg in km; `points.length - 1` entries. */
  legsKm: number[];
}

/**
 * Great-circle length of a path (Turf `distance`, sphere R = 6371.0088 km).
 *
 * @param points - `[lon, lat]` vertices in order
 * @returns total and per-leg lengths in km (zero legs for fewer than two points)
 * @example
 * measurePath([[61, 25], [62, 25], [62, 26]]).legsKm; // [100.8…, 111.2…]
 */
export function measurePath(points: readonly (readonly [number, number])[]): PathMeasure {
  const legsKm: number[] = [];
  let totalKm = 0;
  for (let i = 1; i < points.length; i++) {
    const km = distance([...points[i - 1]], [...points[i]]);
    legsKm.push(km);
    totalKm += km;
  }
  return { totalKm, legsKm };
}
