/**
 * Adds, restyles and removes the page's own GeoJSON layers on a map. Each layer gets one source and
 * a layer per geometry kind, so points, lines and polygons each get a sensible default style; an
 * event dataset also gets a second source of its events' areas of uncertainty, drawn beneath.
 */
import type { FilterSpecification, GeoJSONSource, Map as MlMap, LayerSpecification } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import type { Palette } from './palette.ts';

export interface UserLayer {
  layerId: string;
  collection: FeatureCollection;
  /** Areas of uncertainty of an event dataset's points. */
  areas?: FeatureCollection;
  color: string;
  label?: string;
}

const kinds = ['area-fill', 'area-line', 'fill', 'line', 'circle', 'label'] as const;
const areasOf = (id: string) => `${id}-areas`;
const layerIds = (id: string) => kinds.map((kind) => `${id}-${kind}`);
const geometryIs = (...types: string[]) => ['match', ['geometry-type'], types, true, false] as FilterSpecification;
/** Which features each kind of layer draws (the others draw all of their source). */
const GEOMETRY: Partial<Record<(typeof kinds)[number], FilterSpecification>> = {
  fill: geometryIs('Polygon', 'MultiPolygon'),
  line: geometryIs('LineString', 'MultiLineString', 'Polygon', 'MultiPolygon'),
  circle: geometryIs('Point', 'MultiPoint'),
};

/** The areas of uncertainty, as the strike sites' are drawn: a light fill and a dashed edge. */
function areaSpecs({ layerId: id, color }: UserLayer): LayerSpecification[] {
  return [
    { id: `${id}-area-fill`, type: 'fill', source: areasOf(id), paint: { 'fill-color': color, 'fill-opacity': 0.1 } },
    { id: `${id}-area-line`, type: 'line', source: areasOf(id), paint: { 'line-color': color, 'line-width': 1, 'line-dasharray': [2, 2] } },
  ];
}

function specs({ layerId: id, color, label }: UserLayer, p: Palette): LayerSpecification[] {
  return [
    { id: `${id}-fill`, type: 'fill', source: id, filter: GEOMETRY.fill, paint: { 'fill-color': color, 'fill-opacity': 0.25 } },
    { id: `${id}-line`, type: 'line', source: id, filter: GEOMETRY.line, paint: { 'line-color': color, 'line-width': 2 } },
    { id: `${id}-circle`, type: 'circle', source: id, filter: GEOMETRY.circle, paint: { 'circle-radius': 5, 'circle-color': color, 'circle-stroke-color': p.textHalo, 'circle-stroke-width': 1.5 } },
    {
      id: `${id}-label`,
      type: 'symbol',
      source: id,
      layout: { 'text-field': label ? ['to-string', ['get', label]] : '', 'text-size': 12, 'text-anchor': 'top', 'text-offset': [0, 0.7], 'text-optional': true },
      paint: { 'text-color': p.text, 'text-halo-color': p.textHalo, 'text-halo-width': 1.6 },
    },
  ];
}

/** Adds the layer, or updates its data and style if it is already on the map. Drawn under the strike symbols. */
export function syncUserLayer(map: MlMap, layer: UserLayer, palette: Palette): void {
  setSource(map, layer.layerId, layer.collection);
  if (layer.areas) setSource(map, areasOf(layer.layerId), layer.areas);
  else removeAreas(map, layer.layerId); // the layer's new data is not an event dataset
  const before = map.getLayer('uncertainty-fill') ? 'uncertainty-fill' : undefined;
  for (const spec of [...(layer.areas ? areaSpecs(layer) : []), ...specs(layer, palette)]) {
    if (!map.getLayer(spec.id)) map.addLayer(spec, before);
    else for (const [key, value] of Object.entries(spec.paint ?? {})) map.setPaintProperty(spec.id, key as never, value as never);
  }
  map.setLayoutProperty(`${layer.layerId}-label`, 'text-field', layer.label ? ['to-string', ['get', layer.label]] : '');
}

function setSource(map: MlMap, id: string, data: FeatureCollection): void {
  const source = map.getSource<GeoJSONSource>(id);
  if (source) source.setData(data);
  else map.addSource(id, { type: 'geojson', data });
}

export function setUserLayerVisible(map: MlMap, layerId: string, visible: boolean): void {
  for (const id of layerIds(layerId)) if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none');
}

export function removeUserLayer(map: MlMap, layerId: string): void {
  removeAreas(map, layerId);
  for (const id of layerIds(layerId)) if (map.getLayer(id)) map.removeLayer(id);
  if (map.getSource(layerId)) map.removeSource(layerId);
}

/**
 * Shows only the features that pass `filter` (null: all), points, labels and areas alike; the
 * layers' own geometry filters stay.
 */
export function setUserLayerFilter(map: MlMap, layerId: string, filter: FilterSpecification | null): void {
  for (const kind of kinds) {
    const own = GEOMETRY[kind];
    if (map.getLayer(`${layerId}-${kind}`)) map.setFilter(`${layerId}-${kind}`, filter && own ? (['all', own, filter] as FilterSpecification) : (filter ?? own ?? null));
  }
}

function removeAreas(map: MlMap, layerId: string): void {
  for (const id of [`${layerId}-area-fill`, `${layerId}-area-line`]) if (map.getLayer(id)) map.removeLayer(id);
  if (map.getSource(areasOf(layerId))) map.removeSource(areasOf(layerId));
}
