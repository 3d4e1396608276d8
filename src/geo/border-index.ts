/**
 * Exact nearest-point-on-border queries on the sphere, accelerated by a Flatbush
 * R-tree over segment bounding boxes.
 *
 * Distances use the same model as Turf 7 (`nearestPointOnLine`,
 * `pointToLineDistance(..., { method: 'geodesic' })`): a sphere of radius
 * 6371.0088 km, segments are great-circle arcs, and the distance to a segment is
 * the great-circle distance to the closest point of that arc. Results agree with
 * brute-force Turf to floating-point precision; only the *search* is faster.
 */
import Flatbush from 'flatbush';
import type { Feature, FeatureCollection, LineString, MultiLineString, Position } from 'geojson';
import { MinQueue } from './queue.ts';
import { CountrySides, type Country, type ProvinceCollection } from './sides.ts';
import { EARTH_RADIUS_KM } from './units.ts';

const RAD = Math.PI / 180;
const DEG = 180 / Math.PI;

/**
 * Boxes are padded by this many degrees (~0.1 mm) so that rounding in the box
 * computation can never shrink a box below the arc it must contain.
 */
const BOX_PAD_DEG = 1e-9;
/** Most segments {@link BorderIndex.nearby} checks one by one (most are skipped by their caps); with more, the tree's pruning is faster (measured on the shipped border). */
const MAX_NEARBY = 256;

/** Result of {@link BorderIndex.nearest}. */
export interface NearestResult {
  /** Great-circle distance to the border in km (sphere, R = 6371.0088 km). */
  km: number;
  /** The closest point of the border, `[lon, lat]`. */
  point: [number, number];
  /**
   * Index of the segment holding `point`: segment `i` joins vertices `i` and
   * `i + 1` of a single LineString. For multi-part input, segments are numbered
   * consecutively across parts in input order (no segment joins two parts).
   */
  segment: number;
}

/** Anything {@link BorderIndex} can be built from. */
export type BorderInput =
  | LineString
  | MultiLineString
  | Feature<LineString | MultiLineString>
  | FeatureCollection<LineString | MultiLineString>
  | Position[]
  | Position[][];

/** Options for {@link BorderIndex}. */
export interface BorderIndexOptions {
  /**
   * Provinces (or countries) with a `country: 'PK' | 'IR'` property; enables
   * {@link BorderIndex.side}. Pass a prebuilt {@link CountrySides} to share one.
   */
  provinces?: ProvinceCollection | CountrySides;
  /** Flatbush node size (default 16). */
  nodeSize?: number;
}

/**
 * Spatial index answering "how far is this point from the border, and where is
 * the closest border point?" exactly, in well under a millisecond.
 *
 * Why this is exact and not approximate: the R-tree is searched best-first by a
 * *proven lower bound* of the great-circle distance from the query to anything
 * inside a lon/lat box (see {@link BorderIndex} `boxLowerBound` in the source).
 * A box is discarded only when that bound is no better than the best exact
 * segment distance already found, so no segment that could be closer is skipped.
 *
 * @example
 * const index = new BorderIndex(borderFeature, { provinces });
 * const { km, point } = index.nearest([62.3, 27.1]);
 * index.side([62.3, 27.1]); // 'IR' | 'PK' | null
 */
export class BorderIndex {
  /** Number of segments (great-circle arcs) in the index. */
  readonly numSegments: number;
  /** Number of vertices across all parts. */
  readonly numVertices: number;
  /** `[minLon, minLat, maxLon, maxLat]` of the indexed border (arcs included). */
  readonly bbox: [number, number, number, number];

  private readonly tree: Flatbush;
  /** Vertex lon/lat in degrees, interleaved. */
  private readonly coords: Float64Array;
  /** Vertex unit vectors, interleaved x, y, z. */
  private readonly xyz: Float64Array;
  /** Per segment: index of its first vertex (the second is `+ 1`). */
  private readonly segStart: Uint32Array;
  /**
   * Per segment, 9 numbers: unit normal n of the arc's great circle, then
   * e1 = n × A and e2 = B × n. For a query C, `C·e1 >= 0 && C·e2 >= 0` says the
   * foot of the perpendicular from C lies on the arc (same test as Turf's
   * `(A × I)·n >= 0 && (I × B)·n >= 0`, since (A × (C − t n))·n = (A × C)·n).
   * A zero normal marks a zero-length segment.
   */
  private readonly segFrames: Float64Array;
  /**
   * Per segment, 5 numbers: the arc's midpoint M (unit vector), then cos h and sin h of its
   * half-length h. Every arc point is within h of M, so a query C is at least angle(C, M) − h
   * from the arc: `nearby` skips a segment with C·M ≤ cos(best + h) without measuring it.
   */
  private readonly segCaps: Float64Array;
  /** cos of the largest |lat| of each tree box (all levels), for the lower bound. */
  private readonly boxCosMin: Float64Array;
  private readonly queue = new MinQueue();
  private readonly sides: CountrySides | null;

  /**
   * Build the index. Cost is linear-ish in the number of vertices (~10 ms for 17k).
   *
   * @param line - the border: a (Multi)LineString geometry or Feature, a
   *   coordinate array, or an array of coordinate arrays (one per part)
   * @param options - optional provinces for {@link BorderIndex.side}
   * @example
   * const index = new BorderIndex(border.features[0]);
   */
  constructor(line: BorderInput, options: BorderIndexOptions = {}) {
    const parts = toParts(line);
    let numVertices = 0;
    let numSegments = 0;
    for (const part of parts) {
      numVertices += part.length;
      numSegments += part.length - 1;
    }
    if (numSegments < 1) {
      throw new Error('BorderIndex: the line needs at least one segment (two vertices).');
    }
    this.numVertices = numVertices;
    this.numSegments = numSegments;
    this.coords = new Float64Array(numVertices * 2);
    this.xyz = new Float64Array(numVertices * 3);
    this.segStart = new Uint32Array(numSegments);
    this.segFrames = new Float64Array(numSegments * 9);
    this.segCaps = new Float64Array(numSegments * 5);
    this.tree = new Flatbush(numSegments, options.nodeSize ?? 16);

    let v = 0;
    let s = 0;
    for (const part of parts) {
      for (let j = 0; j < part.length; j++, v++) {
        const [lon, lat] = part[j];
        if (!Number.isFinite(lon) || !Number.isFinite(lat) || lat < -90 || lat > 90) {
          throw new RangeError(`BorderIndex: vertex ${v} [${lon}, ${lat}] is not a valid [lon, lat] position.`);
        }
        this.coords[2 * v] = lon;
        this.coords[2 * v + 1] = lat;
        toVector(lon, lat, this.xyz, 3 * v);
        if (j > 0) this.addSegment(s++, v - 1);
      }
    }
    this.tree.finish();

    const boxes = this.tree._boxes;
    const numBoxes = boxes.length / 4;
    this.boxCosMin = new Float64Array(numBoxes);
    for (let k = 0; k < numBoxes; k++) {
      // cos is concave on [-90°, 90°], so its minimum over [minLat, maxLat] is at an end.
      const c = Math.min(Math.cos(boxes[4 * k + 1] * RAD), Math.cos(boxes[4 * k + 3] * RAD));
      this.boxCosMin[k] = Math.max(0, c);
    }
    this.bbox = [this.tree.minX, this.tree.minY, this.tree.maxX, this.tree.maxY];

    const p = options.provinces;
    this.sides = p === undefined ? null : p instanceof CountrySides ? p : new CountrySides(p);
  }

  /**
   * Build from GeoJSON as shipped in `geodata/`: the border (all line features
   * are indexed as parts) and, optionally, the provinces for {@link BorderIndex.side}.
   *
   * @param border - border FeatureCollection, Feature or geometry
   * @param provinces - provinces with `properties.country` of `'PK'` / `'IR'`
   * @returns a ready index
   * @example
   * const index = BorderIndex.fromGeoJSON(borderFc, provincesFc);
   */
  static fromGeoJSON(border: BorderInput, provinces?: ProvinceCollection | CountrySides): BorderIndex {
    return new BorderIndex(border, { provinces });
  }

  /**
   * Distance from a point to the border and the closest border point.
   *
   * @param position - `[lon, lat]` in degrees (any longitude; it wraps)
   * @returns `{ km, point, segment }`
   * @example
   * index.nearest([61.2, 25.3]); // shipped border: { km: 44.2…, point: [61.618…, 25.177…], segment: 1 }
   */
  nearest(position: readonly number[]): NearestResult {
    const lon = position[0];
    const lat = position[1];
    checkPosition(position, 'nearest');
    const cosLat = Math.cos(lat * RAD);
    const cx = cosLat * Math.cos(lon * RAD);
    const cy = cosLat * Math.sin(lon * RAD);
    const cz = Math.sin(lat * RAD);
    // Query longitude in [-180, 180) for the box bound; the vectors above don't care.
    const lon0 = lon - 360 * Math.floor((lon + 180) / 360);

    const tree = this.tree;
    const boxes = tree._boxes;
    const indices = tree._indices;
    const levelBounds = tree._levelBounds;
    const nodeSize4 = tree.nodeSize * 4;
    const numItems4 = tree.numItems * 4;
    const q = this.queue;

    let bestAngle = Infinity;
    let bestHav = Infinity; // hav(bestAngle): pruning compares in haversine space
    let bestSeg = -1;

    // Best-first branch and bound, mirroring Flatbush#neighbors but ordered by a
    // spherical lower bound instead of the planar lon/lat distance.
    q.clear();
    q.push(boxes.length - 4, 0);
    while (q.length > 0 && q.peekValue() < bestHav) {
      const nodeIndex = q.pop();
      const isLeafLevel = nodeIndex < numItems4;
      const end = Math.min(nodeIndex + nodeSize4, upperBound(nodeIndex, levelBounds));
      for (let pos = nodeIndex; pos < end; pos += 4) {
        const lb = this.boxLowerBound(pos, lon0, lat, cosLat);
        if (lb >= bestHav) continue;
        const child = indices[pos >> 2];
        if (isLeafLevel) {
          const angle = this.segmentAngle(child, cx, cy, cz);
          if (angle < bestAngle) {
            bestAngle = angle;
            const h = Math.sin(angle / 2);
            bestHav = h * h;
            bestSeg = child;
          }
        } else {
          q.push(child, lb);
        }
      }
    }
    q.clear();

    return {
      km: bestAngle * EARTH_RADIUS_KM,
      point: this.closestPointOnSegment(bestSeg, cx, cy, cz),
      segment: bestSeg,
    };
  }

  /**
   * Exact {@link BorderIndex.nearest} for many points in one small area, several times faster: the
   * segments that can be nearest to a point of the area are looked up once. A point outside the
   * area, or farther than `km` from every segment found, falls back to `nearest`, so answers are
   * always exact.
   *
   * @param area - `[minLon, minLat, maxLon, maxLat]` where most queries will fall
   * @param km - the largest distance to the border expected for those queries
   * @returns a function with the same results as `nearest`
   * @example
   * const near = index.nearby([62.0, 27.0, 62.1, 27.1], 15);
   * near([62.05, 27.05]).km; // the same as index.nearest([62.05, 27.05]).km
   */
  nearby(area: readonly number[], km: number): (position: readonly number[]) => NearestResult {
    const [minX, minY, maxX, maxY] = area;
    // Any border point within km of the area lies in the area grown by km: in latitude by
    // km / (km per degree), in longitude by that over cos of the largest latitude reached.
    const padLat = (km / EARTH_RADIUS_KM) * DEG;
    const cosMax = Math.cos(Math.min(90, Math.max(Math.abs(minY), Math.abs(maxY)) + padLat) * RAD);
    const padLon = cosMax > 0 ? Math.min(180, padLat / cosMax) : 180;
    const candidates = this.tree.search(minX - padLon, minY - padLat, maxX + padLon, maxY + padLat);
    // Checking every candidate only pays while there are few; beyond that the tree's pruning wins.
    // Stryker disable next-line all: speed only, both ways give the same exact answers
    if (candidates.length > MAX_NEARBY) return (position) => this.nearest(position);
    const maxAngle = km / EARTH_RADIUS_KM;
    const caps = this.segCaps;
    // Queries come in order along a line, so the last answer is a good first guess.
    let hint = candidates[0];
    return (position) => {
      checkPosition(position, 'nearby');
      const lon = position[0];
      const lat = position[1];
      if (hint === undefined || lon < minX || lon > maxX || lat < minY || lat > maxY) return this.nearest(position);
      const cosLat = Math.cos(lat * RAD);
      const cx = cosLat * Math.cos(lon * RAD);
      const cy = cosLat * Math.sin(lon * RAD);
      const cz = Math.sin(lat * RAD);
      let bestSeg = hint;
      let bestAngle = this.segmentAngle(hint, cx, cy, cz);
      let cosBest = Math.cos(bestAngle);
      let sinBest = Math.sin(bestAngle);
      for (const s of candidates) {
        const o = 5 * s;
        // Skip when angle(C, M) ≥ best + h (cos falls on [0, π]; the margin covers rounding). Skipping
        // less is only slower, so mutants that do that are not counted; skipping more is tested.
        const cosH = caps[o + 3];
        // Stryker disable next-line ConditionalExpression,EqualityOperator,UnaryOperator: see above
        if (cosH > -cosBest && cx * caps[o] + cy * caps[o + 1] + cz * caps[o + 2] < cosBest * cosH - sinBest * caps[o + 4] - 1e-12) continue;
        const angle = this.segmentAngle(s, cx, cy, cz);
        if (angle < bestAngle) {
          bestAngle = angle;
          bestSeg = s;
          cosBest = Math.cos(angle);
          sinBest = Math.sin(angle);
        }
      }
      hint = bestSeg;
      if (!(bestAngle <= maxAngle)) return this.nearest(position);
      return { km: bestAngle * EARTH_RADIUS_KM, point: this.closestPointOnSegment(bestSeg, cx, cy, cz), segment: bestSeg };
    };
  }

  /**
   * Which country a point is in, from the provinces passed to the constructor.
   *
   * @param position - `[lon, lat]`
   * @returns `'PK'`, `'IR'`, or `null` outside both
   * @example
   * index.side([64.0, 26.0]); // 'PK'
   */
  side(position: readonly number[]): Country | null {
    if (!this.sides) {
      throw new Error('BorderIndex.side: no provinces were given; construct with new BorderIndex(line, { provinces }).');
    }
    return this.sides.side(position);
  }

  /** Store segment `s` from vertex `a` to `a + 1` and add its box to the tree. */
  private addSegment(s: number, a: number): void {
    const { xyz, coords, segFrames: f } = this;
    const b = a + 1;
    const ax = xyz[3 * a], ay = xyz[3 * a + 1], az = xyz[3 * a + 2];
    const bx = xyz[3 * b], by = xyz[3 * b + 1], bz = xyz[3 * b + 2];
    const lonA = coords[2 * a], latA = coords[2 * a + 1];
    const lonB = coords[2 * b], latB = coords[2 * b + 1];

    if (Math.abs(lonB - lonA) >= 180) {
      throw new Error(`BorderIndex: segment ${s} spans ${Math.abs(lonB - lonA).toFixed(1)}° of longitude; split the line at the antimeridian.`);
    }
    if (ax * bx + ay * by + az * bz < 0) {
      throw new Error(`BorderIndex: segment ${s} is longer than 90° of arc; densify the line (e.g. densifyGreatCircle) first.`);
    }
    this.segStart[s] = a;
    this.addCap(s, ax + bx, ay + by, az + bz, ax * bx + ay * by + az * bz);

    let nx = ay * bz - az * by;
    let ny = az * bx - ax * bz;
    let nz = ax * by - ay * bx;
    const len = Math.hypot(nx, ny, nz);
    let minLat = Math.min(latA, latB);
    let maxLat = Math.max(latA, latB);
    const o = 9 * s;
    if (len > 0) {
      nx /= len; ny /= len; nz /= len;
      f[o] = nx; f[o + 1] = ny; f[o + 2] = nz;
      f[o + 3] = ny * az - nz * ay; f[o + 4] = nz * ax - nx * az; f[o + 5] = nx * ay - ny * ax; // n × A
      f[o + 6] = by * nz - bz * ny; f[o + 7] = bz * nx - bx * nz; f[o + 8] = bx * ny - by * nx; // B × n
      // A great-circle arc bulges poleward of its endpoints. Its latitude extremes
      // are the endpoints or the circle's northernmost/southernmost point V = ẑ − (ẑ·n)n
      // when V lies on the arc. Longitude needs no such care: a point αA + βB
      // (α, β ≥ 0) has horizontal part αA_h + βB_h, which stays in the cone between
      // A_h and B_h (< 180° apart), so the arc's longitudes stay between lonA and lonB.
      const vx = -nz * nx, vy = -nz * ny, vz = 1 - nz * nz;
      const onArcNorth = vx * f[o + 3] + vy * f[o + 4] + vz * f[o + 5] >= 0 && vx * f[o + 6] + vy * f[o + 7] + vz * f[o + 8] >= 0;
      const onArcSouth = -vx * f[o + 3] - vy * f[o + 4] - vz * f[o + 5] >= 0 && -vx * f[o + 6] - vy * f[o + 7] - vz * f[o + 8] >= 0;
      const vertexLat = Math.asin(Math.min(1, Math.hypot(nx, ny))) * DEG;
      if (onArcNorth) maxLat = Math.max(maxLat, vertexLat);
      if (onArcSouth) minLat = Math.min(minLat, -vertexLat);
    }
    // else: zero-length segment (duplicate vertex). Frame stays all-zero; see segmentAngle.

    // A vertex at a pole has an arbitrary longitude, so the arc may leave [lonA, lonB].
    const atPole = Math.abs(latA) === 90 || Math.abs(latB) === 90;
    this.tree.add(
      atPole ? -180 : Math.min(lonA, lonB) - BOX_PAD_DEG,
      Math.max(-90, minLat - BOX_PAD_DEG),
      atPole ? 180 : Math.max(lonA, lonB) + BOX_PAD_DEG,
      Math.min(90, maxLat + BOX_PAD_DEG),
    );
  }

  /** Segment `s`'s cap: M = (A + B) / |A + B| (given A + B), and cos h, sin h from cos 2h = A·B. */
  private addCap(s: number, sx: number, sy: number, sz: number, cos2h: number): void {
    const len = Math.sqrt(sx * sx + sy * sy + sz * sz); // > 0: A·B ≥ 0 was checked
    const o = 5 * s;
    const c = this.segCaps;
    c[o] = sx / len; c[o + 1] = sy / len; c[o + 2] = sz / len;
    // Half-angle formulas, clamped: A·B may round a hair above 1 for a zero-length segment.
    c[o + 3] = Math.sqrt(Math.min(1, (1 + cos2h) / 2));
    c[o + 4] = Math.sqrt(Math.max(0, (1 - cos2h) / 2));
  }

  /**
   * Lower bound, in haversine space (hav θ = sin²(θ/2)), of the great-circle
   * distance from the query to any point of tree box `pos`.
   *
   * Derivation. For query C = (λ0, φ0) and any P = (λ, φ) in the box, the
   * haversine formula is exact on the sphere:
   *     hav δ = hav(φ − φ0) + cos φ0 · cos φ · hav(λ − λ0).
   * Each term is bounded below independently:
   *   - |φ − φ0| ≥ dy, the latitude gap to the box, and hav is increasing on [0, π];
   *   - cos φ ≥ min(cos minLat, cos maxLat) (cos is concave on [−π/2, π/2]);
   *   - the wrapped longitude gap |λ − λ0| (taken in [0, π]) ≥ dx, the gap from λ0
   *     to the box's longitude range after trying λ0, λ0 ± 360°; hav is increasing.
   * So hav δ ≥ hav(dy) + cos φ0 · cosMin · hav(dx). Summing minima can only
   * under-estimate, which keeps the pruning safe (never skips a closer segment).
   */
  private boxLowerBound(pos: number, lon0: number, lat0: number, cosLat0: number): number {
    const boxes = this.tree._boxes;
    const minX = boxes[pos], minY = boxes[pos + 1], maxX = boxes[pos + 2], maxY = boxes[pos + 3];
    const dyDeg = Math.max(minY - lat0, lat0 - maxY, 0);
    let dxDeg = Math.max(minX - lon0, lon0 - maxX, 0);
    if (dxDeg > 0) {
      dxDeg = Math.min(
        dxDeg,
        Math.max(minX - lon0 - 360, lon0 + 360 - maxX, 0),
        Math.max(minX - lon0 + 360, lon0 - 360 - maxX, 0),
        180,
      );
    }
    let h = 0;
    if (dyDeg > 0) {
      const s = Math.sin(dyDeg * RAD / 2);
      h += s * s;
    }
    if (dxDeg > 0) {
      const s = Math.sin(dxDeg * RAD / 2);
      h += cosLat0 * this.boxCosMin[pos >> 2] * s * s;
    }
    return h;
  }

  /**
   * Exact great-circle angle (radians) from unit vector C to segment `s`,
   * following Turf 7's nearestPointOnSegment: the perpendicular foot if it lies
   * on the arc, else the endpoint with the larger dot product (the closer one).
   * Small angles are computed with asin / atan2 of small quantities, which keeps
   * sub-millimetre accuracy where acos(dot) would lose it.
   */
  private segmentAngle(s: number, cx: number, cy: number, cz: number): number {
    const f = this.segFrames;
    const o = 9 * s;
    const nx = f[o], ny = f[o + 1], nz = f[o + 2];
    if (nx !== 0 || ny !== 0 || nz !== 0) {
      const inArc = cx * f[o + 3] + cy * f[o + 4] + cz * f[o + 5] >= 0 && cx * f[o + 6] + cy * f[o + 7] + cz * f[o + 8] >= 0;
      if (inArc) return Math.asin(Math.min(1, Math.abs(cx * nx + cy * ny + cz * nz)));
    }
    return this.vertexAngle(this.closerEnd(s, cx, cy, cz), cx, cy, cz);
  }

  /** Vertex index of the segment end closer to C (Turf: dot(A,C) > dot(B,C) ? A : B). */
  private closerEnd(s: number, cx: number, cy: number, cz: number): number {
    const xyz = this.xyz;
    const a = this.segStart[s];
    const f = this.segFrames;
    const o = 9 * s;
    if (f[o] === 0 && f[o + 1] === 0 && f[o + 2] === 0) return a + 1; // Turf returns B for A == B
    const dotA = cx * xyz[3 * a] + cy * xyz[3 * a + 1] + cz * xyz[3 * a + 2];
    const dotB = cx * xyz[3 * a + 3] + cy * xyz[3 * a + 4] + cz * xyz[3 * a + 5];
    return dotA > dotB ? a : a + 1;
  }

  private vertexAngle(v: number, cx: number, cy: number, cz: number): number {
    const xyz = this.xyz;
    const vx = xyz[3 * v], vy = xyz[3 * v + 1], vz = xyz[3 * v + 2];
    const ux = cy * vz - cz * vy, uy = cz * vx - cx * vz, uz = cx * vy - cy * vx;
    const crossLen = Math.sqrt(ux * ux + uy * uy + uz * uz); // unit vectors: no overflow, and far faster than Math.hypot
    return Math.atan2(crossLen, cx * vx + cy * vy + cz * vz);
  }

  private closestPointOnSegment(s: number, cx: number, cy: number, cz: number): [number, number] {
    const f = this.segFrames;
    const o = 9 * s;
    const nx = f[o], ny = f[o + 1], nz = f[o + 2];
    if (nx !== 0 || ny !== 0 || nz !== 0) {
      const inArc = cx * f[o + 3] + cy * f[o + 4] + cz * f[o + 5] >= 0 && cx * f[o + 6] + cy * f[o + 7] + cz * f[o + 8] >= 0;
      if (inArc) {
        // Foot of the perpendicular: C minus its component along the normal.
        const t = cx * nx + cy * ny + cz * nz;
        const px = cx - t * nx, py = cy - t * ny, pz = cz - t * nz;
        return [Math.atan2(py, px) * DEG, Math.atan2(pz, Math.sqrt(px * px + py * py)) * DEG];
      }
    }
    const v = this.closerEnd(s, cx, cy, cz);
    return [this.coords[2 * v], this.coords[2 * v + 1]];
  }
}

/** Throws a RangeError naming the method unless `position` is a finite [lon, lat] with |lat| ≤ 90. */
function checkPosition(position: readonly number[], method: string): void {
  const lon = position[0];
  const lat = position[1];
  if (!Number.isFinite(lon) || !Number.isFinite(lat) || lat < -90 || lat > 90) {
    throw new RangeError(`BorderIndex.${method}: [${lon}, ${lat}] is not a valid [lon, lat] position (lat must be within ±90).`);
  }
}

/** Unit vector of [lon, lat] written into `out` at `o`. */
function toVector(lon: number, lat: number, out: Float64Array, o: number): void {
  const cosLat = Math.cos(lat * RAD);
  out[o] = cosLat * Math.cos(lon * RAD);
  out[o + 1] = cosLat * Math.sin(lon * RAD);
  out[o + 2] = Math.sin(lat * RAD);
}

/** Same as Flatbush's internal helper: first level bound greater than `value`. */
function upperBound(value: number, arr: number[]): number {
  let i = 0;
  let j = arr.length - 1;
  while (i < j) {
    const m = (i + j) >> 1;
    if (arr[m] > value) j = m;
    else i = m + 1;
  }
  return arr[i];
}

/** Normalise every accepted input shape to a list of coordinate arrays. */
function toParts(line: BorderInput): Position[][] {
  if (Array.isArray(line)) {
    if (line.length === 0) return [];
    return typeof (line as Position[])[0][0] === 'number' ? [line as Position[]] : (line as Position[][]);
  }
  if (line && line.type === 'FeatureCollection') return line.features.flatMap((f) => toParts(f));
  const geom = line && line.type === 'Feature' ? line.geometry : line;
  if (geom?.type === 'LineString') return [geom.coordinates];
  if (geom?.type === 'MultiLineString') return geom.coordinates;
  throw new TypeError(
    `BorderIndex: expected a LineString or MultiLineString (geometry, Feature or coordinates), got ${geom ? (geom as { type: string }).type : String(geom)}; for a FeatureCollection pass fc.features[0].`,
  );
}
