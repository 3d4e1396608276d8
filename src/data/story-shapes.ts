/**
 * Shapes the map draws but the data files do not store: the strikes' uncertainty discs and a label
 * point inside each province, district and country. Computed once per page by code loaded with the first map
 * (src/data/story.ts), so Turf stays out of the start-up JavaScript. Pure: no DOM.
 */
import { area, centroid } from '@turf/turf';
import type { Feature, FeatureCollection, GeoJsonProperties, MultiPolygon, Point, Polygon } from 'geojson';
import { geodesicCircle } from '../geo/shapes.ts';
import type { BuiltinData, StrikeProperties } from './types.ts';

/** What {@link storyShapes} computes for the built-in story. */
export interface StoryShapes {
  uncertainty: FeatureCollection<Polygon>;
  provinceLabels: FeatureCollection<Point>;
  districtLabels: FeatureCollection<Point>;
  countryLabels: FeatureCollection<Point>;
}

export function storyShapes(data: BuiltinData): StoryShapes {
  return { uncertainty: uncertaintyDiscs(data.strikes), provinceLabels: labelPoints(data.provinces), districtLabels: labelPoints(data.districts), countryLabels: labelPoints(data.basemapCountries) };
}

/** One geodesic disc per strike, radius = its location uncertainty. */
export function uncertaintyDiscs(strikes: FeatureCollection<Point, StrikeProperties>): FeatureCollection<Polygon> {
  return {
    type: 'FeatureCollection',
    features: strikes.features.map((f) => {
      const { id, attacker, category, date, uncertainty_km } = f.properties;
      const disc = geodesicCircle(f.geometry.coordinates as [number, number], uncertainty_km);
      return { ...disc, properties: { id, attacker, category, date, uncertainty_km } };
    }),
  };
}

/** A label point inside each polygon feature: the centroid of its largest part. */
export function labelPoints<P extends GeoJsonProperties>(polygons: FeatureCollection<Polygon | MultiPolygon, P>): FeatureCollection<Point, P> {
  return {
    type: 'FeatureCollection',
    features: polygons.features.map((f): Feature<Point, P> => {
      const parts = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      const largest = parts
        .map((coordinates) => ({ type: 'Polygon' as const, coordinates }))
        .reduce((a, b) => (area(b) > area(a) ? b : a));
      return { type: 'Feature', properties: f.properties, geometry: centroid(largest).geometry };
    }),
  };
}
