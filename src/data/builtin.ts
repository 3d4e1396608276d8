/**
 * Loads the built-in geodata shipped beside the library. URLs are resolved from this module's
 * own location (import.meta.url), so a copied dist/ folder finds its data on any static host.
 * One fetch per page: every <strike-map> on the page shares the same promise.
 */
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { FeatureCollection } from 'geojson';
import type { BuiltinData, PlaceProperties, SettlementProperties, StrikeProperties, TimelineEvent } from './types.ts';
import { fetchJson, untilAborted } from './fetch-json.ts';

const urls = {
  topology: new URL('../../geodata/strike-map.topo.json', import.meta.url).href,
  strikes: new URL('../../geodata/strikes.geojson', import.meta.url).href,
  places: new URL('../../geodata/places.geojson', import.meta.url).href,
  settlements: new URL('../../geodata/settlements.geojson', import.meta.url).href,
  timeline: new URL('../../geodata/timeline.json', import.meta.url).href,
};

let pending: Promise<BuiltinData> | undefined;

export function loadBuiltinData(signal?: AbortSignal): Promise<BuiltinData> {
  pending ??= fetchAll().catch((error) => {
    pending = undefined; // let a later map retry after a network failure
    throw error;
  });
  // One download shared by every map, while each caller can still give up on its own.
  return signal ? untilAborted(pending, signal) : pending;
}

async function fetchAll(): Promise<BuiltinData> {
  const [topology, strikes, places, settlements, timeline] = await Promise.all([
    fetchJson<Topology>(urls.topology),
    fetchJson<FeatureCollection<GeoJSON.Point, StrikeProperties>>(urls.strikes),
    fetchJson<FeatureCollection<GeoJSON.Point, PlaceProperties>>(urls.places),
    fetchJson<FeatureCollection<GeoJSON.Point, SettlementProperties>>(urls.settlements),
    fetchJson<{ events: TimelineEvent[] }>(urls.timeline),
  ]);
  const layer = <T extends FeatureCollection>(name: string) =>
    feature(topology, topology.objects[name] as GeometryCollection) as unknown as T;
  return {
    border: layer('border'),
    provinces: layer('provinces'),
    districts: layer('districts'),
    basemapCountries: layer('basemap_countries'),
    basemapBoundaries: layer('basemap_boundaries'),
    strikes,
    places,
    settlements,
    timeline: timeline.events,
  };
}
