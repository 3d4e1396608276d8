/**
 * Which side of the border a point is on, from province polygons.
 */
import Flatbush from 'flatbush';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';

/** The two countries either side of the border. */
export type Country = 'PK' | 'IR';

/** Province (or country) polygons tagged with the country they belong to. */
export type ProvinceCollection = FeatureCollection<Polygon | MultiPolygon, { country: string }>;
// `country` is typed loosely so app types (e.g. ProvinceProperties) fit; it is checked at runtime.

/**
 * Point-in-polygon lookup over a handful of province polygons, as Turf's booleanPointInPolygon
 * decides it (a point on an edge is inside), with a bbox prefilter so most misses cost four
 * comparisons. Each polygon's edges are in a Flatbush tree, so a point costs the edges that cross
 * its latitude to its east, not every vertex (a province has tens of thousands).
 *
 * Points exactly on the shared border (or in a sliver where the two datasets
 * overlap) get the country of the first matching feature in input order.
 *
 * @example
 * const sides = new CountrySides(provinces);
 * sides.side([64.0, 26.0]); // 'PK'
 */
export class CountrySides {
  private readonly areas: { country: Country; edges: PolygonEdges }[];
  private readonly boxes: Float64Array;

  /**
   * @param provinces - FeatureCollection of (Multi)Polygons whose `properties.country` is `'PK'` or `'IR'`
   */
  constructor(provinces: ProvinceCollection) {
    if (!provinces || provinces.type !== 'FeatureCollection') {
      throw new TypeError('CountrySides: expected a FeatureCollection of province polygons (geodata/provinces.geojson).');
    }
    this.areas = [];
    for (const [i, f] of provinces.features.entries()) {
      const country = (f.properties as { country?: unknown } | null)?.country;
      if (country !== 'PK' && country !== 'IR') {
        throw new Error(`CountrySides: feature ${i} has country ${JSON.stringify(country)}; set properties.country to 'PK' or 'IR'.`);
      }
      const type = f.geometry?.type;
      if (type !== 'Polygon' && type !== 'MultiPolygon') {
        throw new Error(`CountrySides: feature ${i} is a ${type}; only Polygon and MultiPolygon are supported.`);
      }
      this.areas.push({ country, edges: new PolygonEdges(f.geometry) });
    }
    this.boxes = new Float64Array(this.areas.length * 4);
    this.areas.forEach(({ edges }, i) => this.boxes.set(edges.box, 4 * i));
  }

  /**
   * @param position - `[lon, lat]`
   * @returns the country containing the point, or `null` if it is in none of the polygons
   * @example
   * sides.side([60.9, 27.2]); // 'IR'
   */
  side(position: readonly number[]): Country | null {
    const [x, y] = position;
    const b = this.boxes;
    for (let i = 0; i < this.areas.length; i++) {
      // Stryker disable next-line all: speed only; the polygon test below gives the same answer
      if (x < b[4 * i] || y < b[4 * i + 1] || x > b[4 * i + 2] || y > b[4 * i + 3]) continue;
      if (this.areas[i].edges.contains(x, y)) return this.areas[i].country;
    }
    return null;
  }
}

/** The edges of a (Multi)Polygon's rings, indexed, for even-odd ray casting. */
class PolygonEdges {
  /** `[minX, minY, maxX, maxY]` of every edge. */
  readonly box: [number, number, number, number];
  /** `ax, ay, bx, by` per edge. */
  private readonly ends: Float64Array;
  private readonly tree: Flatbush;

  constructor(geometry: Polygon | MultiPolygon) {
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    const ends: number[] = [];
    for (const ring of polygons.flat()) {
      for (let i = 0; i < ring.length; i++) {
        // GeoJSON rings repeat their first position; one that does not is closed here.
        const [a, b] = [ring[i], ring[(i + 1) % ring.length]];
        if (i + 1 < ring.length || a[0] !== b[0] || a[1] !== b[1]) ends.push(a[0], a[1], b[0], b[1]);
      }
    }
    this.ends = Float64Array.from(ends);
    this.tree = new Flatbush(Math.max(1, ends.length / 4));
    // The rays run east from the point to the polygon's east edge, so an edge's west end never decides a
    // search (mutants of it survive, rightly).
    for (let e = 0; e < ends.length; e += 4) this.tree.add(Math.min(ends[e], ends[e + 2]), Math.min(ends[e + 1], ends[e + 3]), Math.max(ends[e], ends[e + 2]), Math.max(ends[e + 1], ends[e + 3]));
    if (!ends.length) this.tree.add(Infinity, Infinity, Infinity, Infinity); // no rings: nothing is inside
    this.tree.finish();
    this.box = [this.tree.minX, this.tree.minY, this.tree.maxX, this.tree.maxY];
  }

  /** Whether `(x, y)` is inside (odd crossings of the ray east) or on an edge. */
  contains(x: number, y: number): boolean {
    const e = this.ends;
    let inside = false;
    for (const i of this.tree.search(x, y, this.box[2], y)) {
      const [ax, ay, bx, by] = [e[4 * i], e[4 * i + 1], e[4 * i + 2], e[4 * i + 3]];
      const cross = (bx - ax) * (y - ay) - (by - ay) * (x - ax);
      if (cross === 0 && x >= Math.min(ax, bx) && x <= Math.max(ax, bx) && y >= Math.min(ay, by) && y <= Math.max(ay, by)) return true;
      if (ay > y !== by > y && x < ax + ((y - ay) * (bx - ax)) / (by - ay)) inside = !inside;
    }
    return inside;
  }
}
