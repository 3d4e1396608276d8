/**
 * Distance bands around the border ("everything within 30 km"), fast and exact to a stated
 * tolerance, optionally on one side only ("within 30 km on the Pakistani side").
 *
 * How (see README, "Bands and measuring", for the figures):
 * 1. project the border into an azimuthal-equidistant plane centred on it (km);
 * 2. Douglas–Peucker it to D/20 (the offset only needs to be close: step 4 makes it exact);
 * 3. offset it by D with Clipper2 (round joins and ends, arc tolerance tied to D);
 * 4. unproject, then move every vertex along the great circle from its nearest border point
 *    (BorderIndex, exact on the sphere) to exactly D, and split every edge whose midpoint is off
 *    by more than half the tolerance, recursively, so edges stay within the tolerance too;
 * 5. for one side, intersect with that country's province (in lon/lat, as MapLibre draws it).
 *
 * Loaded on demand only (`await import(...)`, in a worker): it brings Clipper2 with it.
 */
import { Clipper, ClipperOffset, ClipType, EndType, FillRule, JoinType, PolyTree64, type PolyPath64, type Path64, type Paths64 } from '@countertype/clipper2-ts';
import type { Feature, LineString, MultiPolygon, Polygon, Position } from 'geojson';
import type { BorderIndex, NearestResult } from './border-index.ts';
import type { Country, ProvinceCollection } from './sides.ts';
import { EARTH_RADIUS_KM } from './units.ts';

const RAD = Math.PI / 180;
const DEG = 180 / Math.PI;
/** Projected plane units per km (Clipper works on integers): 1 m. */
const PLANE = 1000;
/** Lon/lat units per degree for clipping to a side: 1e-7° ≈ 1 cm. */
const LONLAT = 1e7;
/** Most times an edge is halved while refining (2^-12 of its length). */
const MAX_DEPTH = 12;
/** The border is simplified to this fraction of D before offsetting (the snapping makes up for it). */
const SIMPLIFY = 1 / 20;
/** Most great-circle moves while snapping a point to D. */
const MAX_MOVES = 8;
/** Ring vertices snapped with one `BorderIndex.nearby` look-up. */
const RUN = 32;

/** Properties carried by every band polygon. */
export interface BandProperties {
  /** Distance from the border in km. */
  distance_km: number;
  /** The side the band is clipped to, or null for both sides. */
  side: Country | null;
}

/** A band polygon. */
export type BandFeature = Feature<Polygon | MultiPolygon, BandProperties>;

/**
 * The largest distance error allowed on a band edge for a band at `km`: 0.2 % of D or 50 m,
 * whichever is larger.
 *
 * @param km - band distance in km
 * @returns the tolerance in km
 * @example
 * bandTolerance(10); // 0.05
 * bandTolerance(300); // 0.6
 */
export function bandTolerance(km: number): number {
  return Math.max(0.002 * km, 0.05);
}

type Vec = [number, number, number];

function toVec(p: Position): Vec {
  const lat = p[1] * RAD;
  const lon = p[0] * RAD;
  const c = Math.cos(lat);
  return [c * Math.cos(lon), c * Math.sin(lon), Math.sin(lat)];
}

function toLonLat(v: Vec): [number, number] {
  return [Math.atan2(v[1], v[0]) * DEG, Math.atan2(v[2], Math.sqrt(v[0] * v[0] + v[1] * v[1])) * DEG];
}

const dot = (a: Vec, b: Vec) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];

/**
 * The point `km` from `from` on the great circle through `toward` (on the side of `toward`).
 *
 * @param from - start `[lon, lat]`
 * @param toward - a point giving the direction `[lon, lat]`, not `from` itself
 * @param km - distance along the great circle
 * @returns `[lon, lat]`
 * @example
 * alongGreatCircle([0, 0], [1, 0], 111.19508); // ≈ [1, 0]
 */
export function alongGreatCircle(from: Position, toward: Position, km: number): [number, number] {
  const q = toVec(from);
  const p = toVec(toward);
  const k = dot(p, q);
  const t: Vec = [p[0] - k * q[0], p[1] - k * q[1], p[2] - k * q[2]];
  const n = Math.sqrt(dot(t, t));
  const a = km / EARTH_RADIUS_KM;
  const c = Math.cos(a);
  const s = Math.sin(a) / n;
  return toLonLat([q[0] * c + t[0] * s, q[1] * c + t[1] * s, q[2] * c + t[2] * s]);
}

/** Azimuthal-equidistant projection (sphere) centred on a point: distances from the centre are exact. */
export class Equidistant {
  private readonly c: Vec;
  private readonly east: Vec;
  private readonly north: Vec;

  /**
   * @param center - `[lon, lat]` of the centre
   */
  constructor(center: Position) {
    const lon = center[0] * RAD;
    const lat = center[1] * RAD;
    this.c = toVec(center);
    this.east = [-Math.sin(lon), Math.cos(lon), 0];
    this.north = [-Math.sin(lat) * Math.cos(lon), -Math.sin(lat) * Math.sin(lon), Math.cos(lat)];
  }

  /**
   * @param p - `[lon, lat]`
   * @returns `[x, y]` in km east and north of the centre
   */
  forward(p: Position): [number, number] {
    const v = toVec(p);
    const k = dot(v, this.c);
    const x = dot(v, this.east);
    const y = dot(v, this.north);
    const sin = Math.hypot(x, y);
    if (sin === 0) return [0, 0];
    const scale = (Math.atan2(sin, k) * EARTH_RADIUS_KM) / sin;
    return [x * scale, y * scale];
  }

  /**
   * @param xy - `[x, y]` in km east and north of the centre
   * @returns `[lon, lat]`
   */
  inverse(xy: readonly number[]): [number, number] {
    const rho = Math.hypot(xy[0], xy[1]);
    if (rho === 0) return toLonLat(this.c);
    const a = rho / EARTH_RADIUS_KM;
    const c = Math.cos(a);
    const s = Math.sin(a) / rho;
    const { c: o, east: e, north: n } = this;
    return toLonLat([0, 1, 2].map((i) => o[i] * c + (e[i] * xy[0] + n[i] * xy[1]) * s) as Vec);
  }
}

/**
 * GeoJSON polygons from a Clipper PolyTree: each outer ring with the holes directly in it; the
 * pieces inside a hole (islands) become polygons of their own.
 */
function toPolygons(tree: PolyPath64, toLonLat: (p: { x: number; y: number }) => [number, number]): Position[][][] {
  const polygons: Position[][][] = [];
  const ring = (path: Path64) => close(path.map(toLonLat));
  const visit = (outer: PolyPath64) => {
    const holes = Array.from({ length: outer.count }, (_, i) => outer.child(i));
    polygons.push([ring(outer.poly!), ...holes.map((hole) => ring(hole.poly!))]);
    for (const hole of holes) for (let i = 0; i < hole.count; i++) visit(hole.child(i));
  };
  for (let i = 0; i < tree.count; i++) visit(tree.child(i));
  return polygons;
}

/** A closed ring: first position repeated at the end. */
function close(ring: Position[]): Position[] {
  return [...ring, ring[0]];
}

/** What {@link BandMaker} needs: the border's index, the border line and (for sides) the provinces. */
export interface BandMakerInput {
  /** Exact distances to the border. */
  index: BorderIndex;
  /** The border as one line (WGS84 lon/lat). */
  line: Feature<LineString> | LineString | Position[];
  /** Province polygons with `properties.country` `'PK'` / `'IR'`, for bands on one side. */
  provinces?: ProvinceCollection;
}

/**
 * Makes distance bands around one border line; build it once and ask for any distances.
 *
 * @example
 * const maker = new BandMaker({ index, line, provinces });
 * maker.band(30);         // within 30 km of the border
 * maker.band(30, 'PK');   // within 30 km, Pakistani side only
 */
export class BandMaker {
  private readonly index: BorderIndex;
  private readonly plane: Equidistant;
  private readonly projected: Path64;
  private readonly provinces?: ProvinceCollection;
  private readonly sides = new Map<Country, Paths64>();

  constructor(input: BandMakerInput) {
    const coords = Array.isArray(input.line) ? input.line : 'geometry' in input.line ? input.line.geometry.coordinates : input.line.coordinates;
    if (!Array.isArray(coords) || coords.length < 2) {
      throw new TypeError('BandMaker: expected the border as a LineString (Feature, geometry or positions) of at least 2 positions.');
    }
    const [minX, minY, maxX, maxY] = input.index.bbox;
    this.index = input.index;
    this.plane = new Equidistant([(minX + maxX) / 2, (minY + maxY) / 2]);
    this.projected = coords.map((p) => {
      const [x, y] = this.plane.forward(p);
      return { x: Math.round(x * PLANE), y: Math.round(y * PLANE) };
    });
    this.provinces = input.provinces;
  }

  /**
   * The area within `km` of the border, on both sides or on one.
   *
   * @param km - band distance in km (> 0; accuracy is tested from 1 to 300 km)
   * @param side - `'PK'` or `'IR'` to keep only that country's side (needs `provinces`)
   * @returns a (Multi)Polygon whose edges are within {@link bandTolerance} of `km` from the border
   *   (apart from edges on the side's province outline)
   * @example
   * maker.band(10).properties; // { distance_km: 10, side: null }
   */
  band(km: number, side: Country | null = null): BandFeature {
    if (!Number.isFinite(km) || km <= 0) throw new RangeError(`BandMaker.band: distance ${km} is not a positive number of km.`);
    const tol = bandTolerance(km);
    // Stryker disable next-line ArithmeticOperator: a finer simplification only keeps more vertices; refine() makes the band exact either way
    const simplified = Clipper.ramerDouglasPeucker(this.projected, km * SIMPLIFY * PLANE);
    const offset = new ClipperOffset(2, (tol / 2) * PLANE);
    offset.addPath(simplified, JoinType.Round, EndType.Round);
    const out = new PolyTree64();
    offset.execute(km * PLANE, out);
    const maxStep = Math.sqrt(4 * km * tol); // a chord this long on a circle of radius D sags tol / 2
    let polygons = toPolygons(out, (p) => this.plane.inverse([p.x / PLANE, p.y / PLANE])).map((polygon) =>
      polygon.map((ring) => this.refine(ring, km, tol, maxStep)),
    );
    if (side) polygons = this.clip(polygons, side);
    const geometry: Polygon | MultiPolygon = polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0] } : { type: 'MultiPolygon', coordinates: polygons };
    return { type: 'Feature', properties: { distance_km: km, side }, geometry };
  }

  /**
   * Moves a point along the great circle from its nearest border point to `km` from it, again
   * from the new nearest point while another part of the border is nearer, a few times.
   */
  private snap(p: Position, km: number, tol: number, nearest: Nearest, near = nearest(p)): [number, number] {
    let at: [number, number] = [p[0], p[1]];
    // How soon the moves stop changes how close to D a vertex lands, well inside the tolerance the
    // tests hold every edge to; a point on the border itself (km 0) has no direction to move in.
    // Stryker disable next-line all: see above
    for (let i = 0; i < MAX_MOVES && near.km > 0 && Math.abs(near.km - km) > tol / 50; i++) {
      at = alongGreatCircle(near.point, at, km);
      near = nearest(at);
    }
    return at;
  }

  /**
   * Snaps a closed ring's vertices to D, splits edges longer than `maxStep`, and splits any edge
   * whose midpoint or quarter points are off by more than tol / 2, recursively. Distances come
   * from `BorderIndex.nearby` for one stretch of ring at a time (exact, and much faster).
   */
  private refine(ring: Position[], km: number, tol: number, maxStep: number): Position[] {
    const vertices = ring.slice(0, -1);
    // Snapping moves a vertex by about the simplification error; splitting stays near the chord.
    // The boxes and margins given to BorderIndex.nearby only make it faster: its answers are exact
    // whatever the box (a point outside falls back to nearest), so mutants there change speed only.
    // Stryker disable next-line all: see above
    const margin = km * SIMPLIFY * 2 + 2 * tol;
    const snapped: Position[] = [];
    // Stryker disable next-line EqualityOperator: `<=` adds one empty run
    for (let i = 0; i < vertices.length; i += RUN) {
      const run = vertices.slice(i, i + RUN);
      // Stryker disable next-line all: speed only (see margin)
      const nearest = this.index.nearby(around(run, margin), km + margin);
      for (const p of run) snapped.push(this.snap(p, km, tol, nearest));
    }
    const out: Position[] = [];
    const at = (a: Position, b: Position, t: number): [number, number] => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
    const split = (a: Position, b: Position, depth: number, nearest: Nearest) => {
      // Stryker disable next-line EqualityOperator: an edge of exactly maxStep is fine either way
      const long = greatCircleKm(a, b) > maxStep;
      const m = at(a, b, 0.5);
      const near = nearest(m);
      // The depth cap and the quarter points are guards for odd input (an edge that bends twice
      // between checks): no ring in the tests needs them, so their mutants are not counted.
      // Stryker disable next-line all: see above
      const off = (p: Position) => Math.abs(nearest(p).km - km) > tol / 2;
      // Stryker disable next-line all: see above
      if (depth >= MAX_DEPTH || !(long || Math.abs(near.km - km) > tol / 2 || off(at(a, b, 0.25)) || off(at(a, b, 0.75)))) return;
      const s = this.snap(m, km, tol, nearest, near);
      // Stryker disable next-line ArithmeticOperator: see above
      split(a, s, depth + 1, nearest);
      out.push(s);
      // Stryker disable next-line ArithmeticOperator: see above
      split(s, b, depth + 1, nearest);
    };
    snapped.forEach((a, i) => {
      const b = snapped[(i + 1) % snapped.length];
      out.push(a);
      // A point of the chord is at most half its length farther from the border than its ends.
      // Stryker disable next-line all: speed only (see margin)
      split(a, b, 0, this.index.nearby(around([a, b], margin), km + margin + greatCircleKm(a, b) / 2));
    });
    return close(out);
  }

  /** Intersects band polygons with one country's provinces, in lon/lat. */
  private clip(polygons: Position[][][], side: Country): Position[][][] {
    const subject: Paths64 = polygons.flatMap((polygon) => polygon.map(toPath));
    const result = new PolyTree64();
    Clipper.booleanOpWithPolyTree(ClipType.Intersection, subject, this.side(side), result, FillRule.NonZero);
    return toPolygons(result, (p) => [p.x / LONLAT, p.y / LONLAT]);
  }

  private side(side: Country): Paths64 {
    const cached = this.sides.get(side);
    // Stryker disable next-line ConditionalExpression: a cache; without it the same paths are made again
    if (cached) return cached;
    if (!this.provinces) throw new Error(`BandMaker.band: a band on the ${side} side needs the provinces; pass them to new BandMaker({ index, line, provinces }).`);
    const paths = this.provinces.features
      .filter((f) => f.properties?.country === side)
      .flatMap((f) => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates))
      .flatMap((polygon) => polygon.map(toPath));
    this.sides.set(side, paths);
    return paths;
  }
}

/** Exact distance to the border (BorderIndex.nearest or .nearby). */
type Nearest = (p: Position) => NearestResult;

/** `[minLon, minLat, maxLon, maxLat]` of some points, grown by `km` on every side. */
// Stryker disable all: a box for BorderIndex.nearby, which is exact whatever the box (speed only; see refine)
function around(points: Position[], km: number): [number, number, number, number] {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const [x, y] of points) {
    minX = Math.min(minX, x); minY = Math.min(minY, y);
    maxX = Math.max(maxX, x); maxY = Math.max(maxY, y);
  }
  const padLat = (km / EARTH_RADIUS_KM) * DEG;
  const padLon = padLat / Math.cos(Math.min(89, Math.max(Math.abs(minY), Math.abs(maxY)) + padLat) * RAD);
  return [minX - padLon, minY - padLat, maxX + padLon, maxY + padLat];
}
// Stryker restore all

const toInt = (p: Position) => ({ x: Math.round(p[0] * LONLAT), y: Math.round(p[1] * LONLAT) });
/** A GeoJSON ring as a Clipper path (which does not repeat its first point). */
// Stryker disable next-line MethodExpression: Clipper takes a ring closed or open alike
const toPath = (ring: Position[]): Path64 => ring.slice(0, -1).map(toInt);

/** Great-circle distance in km between two lon/lat points. */
function greatCircleKm(a: Position, b: Position): number {
  const u = toVec(a);
  const v = toVec(b);
  const w: Vec = [u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]];
  const cross = Math.sqrt(dot(w, w)); // unit vectors: Math.hypot's overflow care is not needed, and it is slow
  return Math.atan2(cross, dot(u, v)) * EARTH_RADIUS_KM;
}
