/**
 * The map's copy of a dense event dataset (src/data/parse-user.ts): only what its layers' filters,
 * sizes and labels read, with each event's index in the dataset as its id (cards read the whole
 * event from the page by it). Handing MapLibre every column of tens of thousands of events would
 * hold the page up for seconds. Shared by the page (a GeoJSON source) and the event worker (tiles).
 */
import type { Feature } from 'geojson';
import { FACET_COLUMNS } from './events.ts';

const MAP_PROPERTIES = ['date', 'date_end', 'uncertainty_km', 'area_px0', ...new Set(Object.values(FACET_COLUMNS).flatMap(({ type, actors }) => [type, ...actors]))];

/** The properties the map's copy keeps: MAP_PROPERTIES and the column the layer is labelled by, if any. */
export const mapCopyKeys = (label?: string): readonly string[] => (label ? [...MAP_PROPERTIES, label] : MAP_PROPERTIES);

/** The map's copy of the event at `index`. */
export function mapCopyOf<G extends Feature['geometry']>(feature: Feature<G>, index: number, keys: readonly string[]): Feature<G> {
  const properties: Record<string, unknown> = {};
  for (const key of keys) if (feature.properties && Object.hasOwn(feature.properties, key)) properties[key] = feature.properties[key];
  return { type: 'Feature', id: index, properties, geometry: feature.geometry };
}
