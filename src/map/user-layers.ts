/**
 * Adds, restyles and removes the page's own GeoJSON layers on a map. Each layer gets one source and
 * a layer per geometry kind, so points, lines and polygons each get a sensible default style; an
 * event dataset also gets its events' areas of uncertainty, drawn beneath: a second source of
 * polygons, or for a dense dataset circles drawn from its own points, and a density over the map at
 * low zoom (src/map/density-overlay.ts).
 */
import type { ExpressionSpecification, FilterSpecification, GeoJSONSource, Map as MlMap, LayerSpecification, VectorTileSource } from 'maplibre-gl';
import { EVENT_TILE_LAYER, EVENT_TILE_MAXZOOM } from '../workers/event-codes.ts';
import type { EventTileServer } from '../workers/events-client.ts';
import { tileTemplate } from './event-tile-protocol.ts';
import { DENSE_EVENTS } from '../data/events.ts';
import { mapCopyKeys, mapCopyOf } from '../data/map-copy.ts';
import { isDense as isDenseEvents } from '../data/dense.ts';
import type { FeatureCollection, Point } from 'geojson';
import type { Palette } from './palette.ts';
import { DENSITY_FADE, DensityOverlay } from './density-overlay.ts';

export interface UserLayer {
  layerId: string;
  collection: FeatureCollection;
  /** Areas of uncertainty of an event dataset's points. */
  areas?: FeatureCollection;
  color: string;
  label?: string;
  /** A dense dataset's tiles, cut in the worker that read it: drawn from them when they carry the layer's label. */
  tiles?: EventTileServer;
}

const kinds = ['area-fill', 'area-line', 'area-circle', 'fill', 'line', 'circle', 'label'] as const;
const areasOf = (id: string) => `${id}-areas`;
const layerIds = (id: string) => kinds.map((kind) => `${id}-${kind}`);
const geometryIs = (...types: string[]) => ['match', ['geometry-type'], types, true, false] as FilterSpecification;
/** Which features each kind of layer draws (the others draw all of their source). */
const GEOMETRY: Partial<Record<(typeof kinds)[number], FilterSpecification>> = {
  fill: geometryIs('Polygon', 'MultiPolygon'),
  line: geometryIs('LineString', 'MultiLineString', 'Polygon', 'MultiPolygon'),
  circle: geometryIs('Point', 'MultiPoint'),
};

const isDense = (layer: UserLayer) => isDenseEvents(layer.collection.features);
const isEvents = (layer: UserLayer) => Boolean(layer.areas) || isDense(layer);
const tilesOf = (layer: UserLayer) => (layer.tiles && isDense(layer) && layer.tiles.label === layer.label ? layer.tiles : undefined);
/** Where a layer's own features come from: its GeoJSON source, or its tiles' one layer. */
const from = (layer: UserLayer) => (tilesOf(layer) ? { source: layer.layerId, 'source-layer': EVENT_TILE_LAYER } : { source: layer.layerId });

/**
 * An event dataset's areas of uncertainty, as the strike sites' are drawn (a light fill and a
 * dashed edge); for a dense one, circles of the same size (from each event's `area_px0`, doubled per
 * zoom level). Both follow the layer's filter (the analyst panel's period and facets).
 */
function areaSpecs(layer: UserLayer): LayerSpecification[] {
  const { layerId: id, color } = layer;
  if (!isDense(layer)) {
    return [
      { id: `${id}-area-fill`, type: 'fill', source: areasOf(id), paint: { 'fill-color': color, 'fill-opacity': 0.1 } },
      { id: `${id}-area-line`, type: 'line', source: areasOf(id), paint: { 'line-color': color, 'line-width': 1, 'line-dasharray': [2, 2] } },
    ];
  }
  const radius: ExpressionSpecification = ['interpolate', ['exponential', 2], ['zoom'], 0, ['get', 'area_px0'], 24, ['*', ['get', 'area_px0'], 2 ** 24]];
  // Areas overlapping by the thousand wait until the pins can be told apart.
  return [{ id: `${id}-area-circle`, type: 'circle', ...from(layer), minzoom: 8, paint: { 'circle-radius': radius, 'circle-color': color, 'circle-opacity': 0.1, 'circle-stroke-color': color, 'circle-stroke-width': 1, 'circle-stroke-opacity': 0.6, 'circle-pitch-alignment': 'map' } }];
}

/** Each map's density overlays, by layer id, with the data each was made from. */
const overlays = new WeakMap<MlMap, Map<string, { overlay: DensityOverlay; of: FeatureCollection }>>();

/** The layer's density overlay, made anew for new data (a dense dataset's only). */
function overlayOf(map: MlMap, layer: UserLayer): DensityOverlay {
  const byLayer = overlays.get(map) ?? new Map();
  overlays.set(map, byLayer);
  const known = byLayer.get(layer.layerId);
  if (known?.of === layer.collection) return known.overlay;
  known?.overlay.remove();
  const { features } = layer.collection;
  // Each event weighs less the more there are, so the colours show where events gather, not that there are many.
  const weight = Math.min(1, DENSE_EVENTS / 4 / features.length);
  const overlay = new DensityOverlay(map, features.map((f) => (f.geometry as Point).coordinates), weight);
  byLayer.set(layer.layerId, { overlay, of: layer.collection });
  return overlay;
}

const overlayIn = (map: MlMap, layerId: string) => overlays.get(map)?.get(layerId)?.overlay;

function removeOverlay(map: MlMap, layerId: string): void {
  overlayIn(map, layerId)?.remove();
  overlays.get(map)?.delete(layerId);
}

function specs(layer: UserLayer, p: Palette): LayerSpecification[] {
  const { layerId: id, color, label } = layer;
  // Under the density, pins fade in as it fades out.
  const opacity = isDense(layer) ? (['interpolate', ['linear'], ['zoom'], DENSITY_FADE.from, 0.1, DENSITY_FADE.to, 1] as never) : 1;
  const shapes: LayerSpecification[] = [
    { id: `${id}-fill`, type: 'fill', ...from(layer), filter: GEOMETRY.fill, paint: { 'fill-color': color, 'fill-opacity': 0.25 } },
    { id: `${id}-line`, type: 'line', ...from(layer), filter: GEOMETRY.line, paint: { 'line-color': color, 'line-width': 2 } },
    { id: `${id}-circle`, type: 'circle', ...from(layer), filter: GEOMETRY.circle, paint: { 'circle-radius': 5, 'circle-color': color, 'circle-stroke-color': p.textHalo, 'circle-stroke-width': 1.5, 'circle-opacity': opacity, 'circle-stroke-opacity': opacity } },
  ];
  // Only with a label: a symbol layer of empty text still costs MapLibre every feature's placement.
  const text: LayerSpecification = {
    id: `${id}-label`,
    type: 'symbol',
    ...from(layer),
    layout: { 'text-field': ['to-string', ['get', label ?? '']], 'text-size': 12, 'text-anchor': 'top', 'text-offset': [0, 0.7], 'text-optional': true },
    paint: { 'text-color': p.text, 'text-halo-color': p.textHalo, 'text-halo-width': 1.6 },
  };
  return label ? [...shapes, text] : shapes;
}

/** The data the map is given: for a dense dataset, its slim copy (src/data/map-copy.ts). */
function mapData(layer: UserLayer): FeatureCollection {
  if (!isDense(layer)) return layer.collection;
  const keys = mapCopyKeys(layer.label);
  return { type: 'FeatureCollection', features: layer.collection.features.map((f, i) => mapCopyOf(f, i, keys)) };
}

/** The index in its layer of a feature the map returned, for a dense dataset's slim copy (src/data/map-copy.ts); else undefined. */
export function denseFeatureIndex(feature: { id?: string | number; properties: Record<string, unknown> }): number | undefined {
  return typeof feature.properties.area_px0 === 'number' && typeof feature.id === 'number' ? feature.id : undefined;
}

/** How the page wants a layer shown: asked when its layers are added, which for a dense dataset is once its data has arrived. */
export interface LayerState {
  visible: boolean;
  filter: FilterSpecification | null;
  /** The events the density shows, by feature index (null: all): ahead of the filter while a brush moves. */
  selected?: Uint8Array | null;
}

/**
 * Adds the layer, or updates its data and style if it is already on the map. Drawn under the strike
 * symbols. A dense dataset read in the event worker is drawn from the tiles it cuts there; any other
 * dense dataset's data goes to the map in parts, and its layers are added once all have arrived:
 * each part would otherwise lay out every tile again.
 *
 * @returns a promise that settles when the map has all of the layer's data (or its tiles) and its layers
 */
export async function syncUserLayer(map: MlMap, layer: UserLayer, palette: Palette, state: () => LayerState): Promise<void> {
  const id = layer.layerId;
  if (!layer.areas) removeAreas(map, id); // the layer's new data has no polygons of areas
  const tiles = tilesOf(layer);
  const template = tiles && tileTemplate(tiles);
  const source = map.getSource(id);
  // From GeoJSON to tiles, from tiles to GeoJSON, or to other tiles: a source's type cannot change.
  if (source && (source.type === 'vector' ? (source as VectorTileSource).tiles?.[0] !== template : Boolean(template))) removeUserLayer(map, id);
  if (template) {
    if (!map.getSource(id)) map.addSource(id, { type: 'vector', tiles: [template], maxzoom: EVENT_TILE_MAXZOOM });
    return addLayers(map, layer, palette, state());
  }
  const points = setSource(map, id, { collection: layer.collection, label: layer.label }, () => mapData(layer), isDense(layer));
  const areas = layer.areas && setSource(map, areasOf(id), { collection: layer.areas }, () => layer.areas!, false);
  const later = points.inParts && points.pending;
  if (later) removeLayers(map, layerIds(id));
  else addLayers(map, layer, palette, state());
  const [arrived] = await Promise.all([points.done, areas?.done]);
  if (later && arrived) addLayers(map, layer, palette, state());
}

function addLayers(map: MlMap, layer: UserLayer, palette: Palette, { visible, filter, selected }: LayerState): void {
  const id = layer.layerId;
  if (isDense(layer)) overlayOf(map, layer).show(selected ?? null);
  else {
    removeLayers(map, [`${id}-area-circle`]);
    removeOverlay(map, id);
  }
  if (!layer.label) removeLayers(map, [`${id}-label`]);
  const before = map.getLayer('uncertainty-fill') ? 'uncertainty-fill' : undefined;
  for (const spec of [...(isEvents(layer) ? areaSpecs(layer) : []), ...specs(layer, palette)]) {
    if (!map.getLayer(spec.id)) map.addLayer(spec, before);
    else {
      for (const [key, value] of Object.entries(spec.paint ?? {})) map.setPaintProperty(spec.id, key as never, value as never);
      map.setLayerZoomRange(spec.id, spec.minzoom ?? 0, spec.maxzoom ?? 24); // new data may be denser or sparser
    }
  }
  if (layer.label) map.setLayoutProperty(`${id}-label`, 'text-field', ['to-string', ['get', layer.label]]);
  setUserLayerVisible(map, id, visible);
  setUserLayerFilter(map, id, filter);
}

/**
 * The first part of a dense dataset handed to MapLibre; MAP_PART_MAX is the largest. MapLibre
 * copies a source's data for its worker on the page's main thread, so tens of thousands at once
 * would hold the page up; but its worker indexes all of the source's data again for each part, and
 * each part costs the page a map frame (about 100 ms on this machine, which draws WebGL in
 * software). So the parts grow: each as big as what the map already has, up to MAP_PART_MAX.
 */
export const MAP_PART = 4000;
export const MAP_PART_MAX = 16_000;

/** The [start, end) of each part after the first of `length` features (see MAP_PART). */
export function* laterParts(length: number): Generator<[number, number]> {
  for (let from = MAP_PART; from < length; ) {
    const to = Math.min(length, from + Math.min(MAP_PART_MAX, from));
    yield [from, to];
    from = to;
  }
}

/** Data on its way to a source: `done` settles true once all of it has arrived, false if newer data or the source's removal stopped it. */
interface Arrival {
  /** What the map's copy was made from (a dense dataset's copy carries its label's column). */
  of: { collection: FeatureCollection; label?: string };
  inParts: boolean;
  pending: boolean;
  done: Promise<boolean>;
}

/** The newest data given to each source. */
const arrivals = new WeakMap<GeoJSONSource, Arrival>();
const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/**
 * Gives the map a source's data, unless it already has (or is getting) a copy of the same.
 * `inParts`: the map's copy (`data()`) has ids, as updateData needs, and goes over a part at a time.
 */
function setSource(map: MlMap, id: string, of: Arrival['of'], data: () => FeatureCollection, inParts: boolean): Arrival {
  if (!map.getSource(id)) map.addSource(id, { type: 'geojson', data: EMPTY });
  const source = map.getSource<GeoJSONSource>(id)!;
  const known = arrivals.get(source);
  if (known?.of.collection === of.collection && known.of.label === of.label) return known;
  const copy = data();
  const arrival: Arrival = { of, inParts: inParts && copy.features.length > MAP_PART, pending: true, done: Promise.resolve(false) };
  arrivals.set(source, arrival);
  arrival.done = send(map, source, copy, arrival.inParts, () => arrivals.get(source) === arrival).finally(() => (arrival.pending = false));
  return arrival;
}

async function send(map: MlMap, source: GeoJSONSource, data: FeatureCollection, inParts: boolean, isNewest: () => boolean): Promise<boolean> {
  // A map removed meanwhile never answers.
  let onRemove = () => {};
  const removed = new Promise<'removed'>((resolve) => map.once('remove', (onRemove = () => resolve('removed'))));
  const arrived = async (sending: Promise<void>) => (await Promise.race([sending, removed])) !== 'removed' && isNewest() && map.getSource(source.id) === source;
  try {
    if (!(await arrived(source.setData(inParts ? { ...data, features: data.features.slice(0, MAP_PART) } : data)))) return false;
    for (const [from, to] of inParts ? laterParts(data.features.length) : []) {
      if (!(await arrived(source.updateData({ add: data.features.slice(from, to) })))) return false;
    }
    return true;
  } finally {
    map.off('remove', onRemove);
  }
}

// Each change of a layer's filter or layout makes MapLibre lay out all its tiles again (seconds at
// 100,000 events), and MapLibre tells `undefined` from `null` or 'visible': so only real changes are made.

export function setUserLayerVisible(map: MlMap, layerId: string, visible: boolean): void {
  overlayIn(map, layerId)?.setVisible(visible);
  for (const id of layerIds(layerId)) {
    if (map.getLayer(id) && (map.getLayoutProperty(id, 'visibility') ?? 'visible') !== (visible ? 'visible' : 'none')) map.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none');
  }
}

export function removeUserLayer(map: MlMap, layerId: string): void {
  removeOverlay(map, layerId);
  removeAreas(map, layerId);
  removeLayers(map, layerIds(layerId));
  if (map.getSource(layerId)) map.removeSource(layerId);
}

/**
 * Shows only the features that pass `filter` (null: all), points, labels and areas alike; the
 * layers' own geometry filters stay.
 */
export function setUserLayerFilter(map: MlMap, layerId: string, filter: FilterSpecification | null): void {
  for (const kind of kinds) {
    const own = GEOMETRY[kind];
    const id = `${layerId}-${kind}`;
    const next = filter && own ? (['all', own, filter] as FilterSpecification) : (filter ?? own ?? null);
    if (map.getLayer(id) && JSON.stringify(map.getFilter(id) ?? null) !== JSON.stringify(next)) map.setFilter(id, next);
  }
}

/** Shows only the `selected` events (by feature index; null: all) in a dense layer's density: at once, with no new map frame. */
export function setUserLayerSelection(map: MlMap, layerId: string, selected: Uint8Array | null): void {
  overlayIn(map, layerId)?.show(selected);
}

function removeLayers(map: MlMap, ids: string[]): void {
  for (const id of ids) if (map.getLayer(id)) map.removeLayer(id);
}

function removeAreas(map: MlMap, layerId: string): void {
  removeLayers(map, [`${layerId}-area-fill`, `${layerId}-area-line`]);
  if (map.getSource(areasOf(layerId))) map.removeSource(areasOf(layerId));
}
