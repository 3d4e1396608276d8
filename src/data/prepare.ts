/** Derived layers the map draws but the data files do not store: uncertainty discs, label points. */
import { area, centroid } from '@turf/turf';
import type { Feature, FeatureCollection, GeoJsonProperties, MultiPolygon, Point, Polygon } from 'geojson';
import { geodesicCircle } from '../geo/shapes.ts';
import type { StrikeProperties } from './types.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2024-01-16" → "16 Jan 2024" (dates are calendar dates at the place, not instants). */
export function formatDate(isoDate: string, withYear = true): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return `${d} ${MONTHS[m - 1]}${withYear ? ` ${y}` : ''}`;
}

/** The short map label of a strike: its date and the first part of its place name. */
export function strikeLabel(p: StrikeProperties): string {
  return `${formatDate(p.date, false)} · ${p.place.split(/[,(—–]/)[0].trim()}`;
}

export function withStrikeLabels(strikes: FeatureCollection<Point, StrikeProperties>): FeatureCollection<Point, StrikeProperties & { label: string }> {
  return {
    type: 'FeatureCollection',
    features: strikes.features.map((f) => ({ ...f, properties: { ...f.properties, label: strikeLabel(f.properties) } })),
  };
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
