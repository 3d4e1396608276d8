/**
 * Distance to the border when the location itself is uncertain. Turf measures in km unless told
 * otherwise.
 */
import { destination } from '@turf/turf';
import type { BorderIndex } from './border-index.ts';
import { formatDistance, type Units } from './units.ts';

/** Result of {@link distanceRange}. */
export interface DistanceRange {
  /** Distance from the plotted point, km. */
  km: number;
  /** Least distance from any point of the uncertainty disc, km (exact). */
  minKm: number;
  /** Greatest distance from any point of the disc, km (guaranteed upper bound, at most `toleranceKm` above exact). */
  maxKm: number;
  /** True when the disc touches or crosses the border (`km <= uncertaintyKm`). */
  crossesBorder: boolean;
}

/** Options for {@link distanceRange}. */
export interface DistanceRangeOptions {
  /** How far `maxKm` may exceed the true max, km (default 1 % of the radius, at least 10 m). */
  toleranceKm?: number;
}

/**
 * Least and greatest distance to the border over the geodesic disc of radius
 * `uncertaintyKm` around `position`.
 *
 * minKm = max(0, d − r) exactly: every disc point is within r of the centre, so
 * by the triangle inequality its border distance is ≥ d − r; the point r along
 * the geodesic from the centre towards its nearest border point attains it
 * (or the disc reaches the border, giving 0).
 *
 * maxKm: the border distance f is 1-Lipschitz. Its max over a disc is usually
 * on the boundary circle, but NOT always (a point deep in a bend of the border
 * can be an interior local maximum), so we branch and bound over polar cells
 * [ρ0, ρ1] × [θ0, θ1]: every point of a cell is within
 *   ε = (ρ1 − ρ0)/2 + ρm·(θ1 − θ0)/2
 * of the cell's centre sample (radially, then along the circle of radius ρm,
 * whose length on the sphere is ≤ the planar 2πρm), so f ≤ f(centre) + ε on it.
 * Cells are split until f(centre) + ε ≤ best sample + tolerance. The result is
 * a guaranteed upper bound, at most `toleranceKm` above the true max, and
 * never above d + r.
 *
 * @param index - the border index
 * @param position - centre `[lon, lat]`
 * @param uncertaintyKm - disc radius r in km (0 gives min = max = d)
 * @param options - `toleranceKm` for maxKm
 * @returns `{ km, minKm, maxKm, crossesBorder }`
 * @example
 * distanceRange(index, [62.3, 27.1], 35); // shipped border: { km: 50.0…, minKm: 15.0…, maxKm: 81.4…, crossesBorder: false }
 */
export function distanceRange(
  index: BorderIndex,
  position: readonly [number, number] | readonly number[],
  uncertaintyKm: number,
  options: DistanceRangeOptions = {},
): DistanceRange {
  if (!(uncertaintyKm >= 0) || !Number.isFinite(uncertaintyKm)) {
    throw new RangeError(`distanceRange: uncertainty ${uncertaintyKm} km must be a finite number >= 0.`);
  }
  const r = uncertaintyKm;
  const tol = options.toleranceKm ?? Math.max(0.01 * r, 0.01);
  if (!(tol > 0)) throw new RangeError(`distanceRange: toleranceKm ${tol} must be > 0.`);
  const km = index.nearest(position).km;
  const minKm = Math.max(0, km - r);
  // Stryker disable next-line ConditionalExpression: a shortcut; the search below gives the same for r = 0
  if (r === 0) return { km, minKm: km, maxKm: km, crossesBorder: km === 0 };

  const center = [position[0], position[1]];
  const f = (rho: number, theta: number) =>
    index.nearest(destination(center, rho, (theta * 180) / Math.PI).geometry.coordinates).km;
  // Seed the lower estimate with the boundary circle, where the max usually is.
  let lower = km;
  // Stryker disable next-line EqualityOperator: a 65th sample would repeat the first
  for (let i = 0; i < 64; i++) lower = Math.max(lower, f(r, (2 * Math.PI * i) / 64));
  // Cells as flat [ρ0, ρ1, θ0, θ1] quadruples; start with 16 sectors.
  const stack: number[] = [];
  // Stryker disable next-line EqualityOperator: a 17th sector would repeat the first
  for (let i = 0; i < 16; i++) stack.push(0, r, (2 * Math.PI * i) / 16, (2 * Math.PI * (i + 1)) / 16);
  let upper = lower;
  while (stack.length > 0) {
    const t1 = stack.pop()!, t0 = stack.pop()!, r1 = stack.pop()!, r0 = stack.pop()!;
    const rm = (r0 + r1) / 2, tm = (t0 + t1) / 2;
    const v = f(rm, tm);
    lower = Math.max(lower, v);
    const eps = (r1 - r0) / 2 + (rm * (t1 - t0)) / 2;
    // Stryker disable next-line EqualityOperator: at equality, splitting once more changes nothing
    if (v + eps <= lower + tol) {
      upper = Math.max(upper, v + eps);
    } else {
      stack.push(r0, rm, t0, tm, r0, rm, tm, t1, rm, r1, t0, tm, rm, r1, tm, t1);
    }
  }
  const maxKm = Math.min(km + r, upper);
  return { km, minKm, maxKm, crossesBorder: km <= r };
}

/**
 * One human sentence describing a {@link DistanceRange}.
 *
 * @param range - from {@link distanceRange}
 * @param units - display units
 * @returns e.g. `"38 km, somewhere between 3 and 73 km"` (the low end drops its unit; whole
 *   numbers once the range is 10 km or wider), with
 *   `"; the area of uncertainty reaches the border"` appended when it does
 * @example
 * describeRange(distanceRange(index, [62.3, 27.1], 35), 'km'); // "50 km, somewhere between 15 and 81 km"
 */
export function describeRange(range: DistanceRange, units: Units): string {
  if (range.maxKm - range.minKm <= 1e-9) return formatDistance(range.km, units);
  const { km, min, max } = formatRange(range, units);
  const tail = range.crossesBorder ? '; the area of uncertainty reaches the border' : '';
  return `${km}, somewhere between ${min.replace(/ \S+$/, '')} and ${max}${tail}`;
}

/**
 * The three distances of a range as text. A range 10 km or more wide is given in whole units:
 * its decimals would be noise.
 *
 * @example
 * formatRange({ km: 38.2, minKm: 3.2, maxKm: 73.4, crossesBorder: false }, 'km'); // { km: '38 km', min: '3 km', max: '73 km' }
 */
export function formatRange(range: DistanceRange, units: Units): { km: string; min: string; max: string } {
  const whole = range.maxKm - range.minKm >= 10;
  return {
    km: formatDistance(range.km, units, { whole }),
    min: formatDistance(range.minKm, units, { whole }),
    max: formatDistance(range.maxKm, units, { whole }),
  };
}
