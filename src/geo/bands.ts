/**
 * Distance bands around the border ("within 10 / 25 / 50 km").
 *
 * Kept in its own module on purpose: Turf's `buffer` pulls in JSTS and is by far
 * the heaviest part of the geometry code. The browser should load this file with
 * `await import('strike-map/geo/bands')` only when bands are actually needed; the
 * rest of `strike-map/geo` never imports it.
 */
import { buffer, simplify } from '@turf/turf';
import type { Feature, FeatureCollection, LineString, MultiPolygon, Polygon } from 'geojson';

/** Properties carried by every band polygon. */
export interface BandProperties {
  /** Buffer distance in kilometres. */
  distance_km: number;
}

/** Options for {@link bufferBands}. */
export interface BufferBandsOptions {
  /**
   * Douglas–Peucker the line to D/200 before buffering at distance D (default
   * true). JSTS buffer time grows steeply with vertex count (the 16,866-vertex OSM
   * line takes ~47 s for 10/25/50 km; ~14 s pre-simplified), and it already
   * simplifies its input by D/100 internally, so this costs ≤ D/200 of accuracy
   * (measured: bands grow by ≤ 7 m).
   */
  presimplify?: boolean;
}

/** Largest km per degree of latitude (at the poles), so a tolerance in degrees never exceeds its km value. */
const KM_PER_DEG_MAX = 111.7;

/**
 * Buffer a border line at several distances.
 *
 * Turf's buffer works in a local azimuthal-equidistant projection, simplifies
 * its input by D/100 and approximates round caps with 8 segments per quadrant,
 * so the band edges are conservative: they never reach beyond D (within metres)
 * and fall short of D by up to ~1.1 % of D (measured 0.53 km at 50 km, 0.25 km
 * at 25 km, 0.10 km at 10 km; see tests/unit/geo-bands.test.ts).
 *
 * @param border - the border line (WGS84 lon/lat)
 * @param distancesKm - positive buffer distances in km, in any order
 * @param options - see {@link BufferBandsOptions}
 * @returns one feature per distance, sorted largest first so that smaller bands
 *   draw on top when rendered in order
 * @example
 * const bands = bufferBands(border, [10, 25, 50]);
 * bands.features.map((f) => f.properties.distance_km); // [50, 25, 10]
 */
export function bufferBands(
  border: Feature<LineString>,
  distancesKm: number[],
  options: BufferBandsOptions = {},
): FeatureCollection<Polygon | MultiPolygon, BandProperties> {
  if (!border || border.type !== 'Feature' || border.geometry?.type !== 'LineString') {
    throw new TypeError('bufferBands: expected a Feature<LineString>; wrap a bare geometry with turf.feature(line).');
  }
  const sorted = [...distancesKm].sort((a, b) => b - a);
  const features = sorted.map((km) => {
    if (!Number.isFinite(km) || km <= 0) {
      throw new RangeError(`bufferBands: distance ${km} is not a positive number of km; pass e.g. [10, 25, 50].`);
    }
    const line = options.presimplify === false ? border : simplify(border, { tolerance: km / 200 / KM_PER_DEG_MAX });
    const buffered = buffer(line, km, { units: 'kilometers' });
    if (!buffered) throw new Error(`bufferBands: Turf buffer returned nothing for ${km} km; check the line is valid.`);
    return {
      type: 'Feature' as const,
      properties: { distance_km: km },
      geometry: buffered.geometry as Polygon | MultiPolygon,
    };
  });
  return { type: 'FeatureCollection', features };
}
