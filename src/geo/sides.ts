/**
 * Which side of the border a point is on, from province polygons.
 */
import { bbox as turfBbox, booleanPointInPolygon } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';

/** The two countries either side of the border. */
export type Country = 'PK' | 'IR';

/** Province (or country) polygons tagged with the country they belong to. */
export type ProvinceCollection = FeatureCollection<Polygon | MultiPolygon, { country: string }>;
// `country` is typed loosely so app types (e.g. ProvinceProperties) fit; it is checked at runtime.

/**
 * Point-in-polygon lookup over a handful of province polygons, with a bbox
 * prefilter so most misses cost four comparisons.
 *
 * Points exactly on the shared border (or in a sliver where the two datasets
 * overlap) get the country of the first matching feature in input order.
 *
 * @example
 * const sides = new CountrySides(provinces);
 * sides.side([64.0, 26.0]); // 'PK'
 */
export class CountrySides {
  private readonly features: Feature<Polygon | MultiPolygon, { country: Country }>[];
  private readonly boxes: Float64Array;

  /**
   * @param provinces - FeatureCollection of (Multi)Polygons whose `properties.country` is `'PK'` or `'IR'`
   */
  constructor(provinces: ProvinceCollection) {
    if (!provinces || provinces.type !== 'FeatureCollection') {
      throw new TypeError('CountrySides: expected a FeatureCollection of province polygons (geodata/provinces.geojson).');
    }
    this.features = [];
    for (const [i, f] of provinces.features.entries()) {
      const country = (f.properties as { country?: unknown } | null)?.country;
      if (country !== 'PK' && country !== 'IR') {
        throw new Error(`CountrySides: feature ${i} has country ${JSON.stringify(country)}; set properties.country to 'PK' or 'IR'.`);
      }
      const type = f.geometry?.type;
      if (type !== 'Polygon' && type !== 'MultiPolygon') {
        throw new Error(`CountrySides: feature ${i} is a ${type}; only Polygon and MultiPolygon are supported.`);
      }
      this.features.push(f as Feature<Polygon | MultiPolygon, { country: Country }>);
    }
    this.boxes = new Float64Array(this.features.length * 4);
    this.features.forEach((f, i) => this.boxes.set(turfBbox(f), 4 * i)); // Turf 7: always 2D
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
    for (let i = 0; i < this.features.length; i++) {
      // Stryker disable next-line all: speed only; the polygon test below gives the same answer
      if (x < b[4 * i] || y < b[4 * i + 1] || x > b[4 * i + 2] || y > b[4 * i + 3]) continue;
      if (booleanPointInPolygon([x, y], this.features[i])) return this.features[i].properties.country;
    }
    return null;
  }
}
