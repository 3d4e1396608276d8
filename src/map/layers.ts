/**
 * The MapLibre sources and layers of the built-in story. Layers are grouped so the legend can
 * toggle a whole group (e.g. "towns" = dots + labels) by id.
 */
import type { FilterSpecification, LayerSpecification, SourceSpecification, ExpressionSpecification } from 'maplibre-gl';
import type { Feature, FeatureCollection, MultiPolygon } from 'geojson';
import type { BuiltinData } from '../data/types.ts';
import type { StoryShapes } from '../data/story-shapes.ts';
import type { Palette } from './palette.ts';
import { strikeFilter } from './filters.ts';
import { convertKm, type Units } from '../geo/units.ts';
import { labelFields } from './label-fields.ts';

/** GeoNames settlements (geodata/settlements.geojson) fill the closer zooms; further out our own towns suffice. */
export const SETTLEMENTS_MINZOOM = 8;

export const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** Legend groups → MapLibre layer ids. */
export const layerGroups = {
  basemap: ['basemap-countries', 'basemap-boundaries', 'basemap-labels'],
  provinces: ['provinces-fill', 'provinces-outline', 'province-labels'],
  districts: ['districts-line', 'district-labels'],
  border: ['border-casing', 'border-line'],
  bands: ['bands-fill', 'bands-line', 'bands-label'],
  uncertainty: ['uncertainty-fill', 'uncertainty-across', 'uncertainty-outline'],
  strikes: ['strikes-halo', 'strikes-symbol', 'strikes-label'],
  towns: ['towns-dot', 'towns-label', 'settlements-dot', 'settlements-label'],
  crossings: ['crossings-symbol', 'crossings-label'],
} as const;
export type LayerGroup = keyof typeof layerGroups;

/** The label of a distance band in the reader's units and digits, e.g. "16 mi" for the 25 km band, "۴۰ کیلومتر" in Persian. */
export function bandLabel(units: Units, locale = 'en', unitName: string = units): ExpressionSpecification {
  return ['concat', ['number-format', ['/', ['round', ['*', ['get', 'distance_km'], convertKm(10, units)]], 10], { locale, 'max-fraction-digits': 1 }], ` ${unitName}`];
}

/**
 * The part of each strike's area of uncertainty that lies outside the target country (shipped by
 * the geodata build in `across_border.geometry`), with the properties the strike filter reads.
 */
export function acrossBorderAreas(data: BuiltinData): FeatureCollection<MultiPolygon> {
  const features: Feature<MultiPolygon>[] = [];
  for (const { properties: p } of data.strikes.features) {
    const geometry = p.across_border?.geometry;
    if (!geometry) continue;
    features.push({ type: 'Feature', properties: { id: p.id, attacker: p.attacker, category: p.category, date: p.date, share: p.across_border!.share }, geometry });
  }
  return { type: 'FeatureCollection', features };
}

/** Groups hidden until the user asks for them. */
export const hiddenByDefault: readonly LayerGroup[] = ['bands'];

export function builtinSources(data: BuiltinData, shapes: StoryShapes): Record<string, SourceSpecification> {
  const geojson = (d: FeatureCollection, extra: object = {}): SourceSpecification => ({ type: 'geojson', data: d, ...extra });
  return {
    'basemap-countries': geojson(data.basemapCountries),
    'basemap-boundaries': geojson(data.basemapBoundaries),
    'country-labels': geojson(shapes.countryLabels),
    provinces: geojson(data.provinces),
    'province-labels': geojson(shapes.provinceLabels),
    districts: geojson(data.districts),
    // One label point per district: labelling the polygons repeats a name in every tile they cross.
    'district-labels': geojson(shapes.districtLabels),
    border: geojson(data.border),
    bands: geojson(EMPTY),
    uncertainty: geojson(shapes.uncertainty, { promoteId: 'id' }),
    'uncertainty-across': geojson(acrossBorderAreas(data)),
    strikes: geojson(data.strikes, { promoteId: 'id' }),
    places: geojson(data.places, { promoteId: 'id' }),
    settlements: geojson(data.settlements),
    measure: geojson(EMPTY),
  };
}

/** English names, as the map starts; src/map/language.ts switches them to Urdu or Persian. */
const names = labelFields('en');

const isCrossing: FilterSpecification = ['==', ['get', 'kind'], 'crossing'];
const notCrossing: FilterSpecification = ['!=', ['get', 'kind'], 'crossing'];

/** Our layers, bottom to top. `withBasemap` is false when an online style supplies land and sea. */
export function builtinLayers(p: Palette, withBasemap: boolean): LayerSpecification[] {
  const halo = { 'text-color': p.text, 'text-halo-color': p.textHalo, 'text-halo-width': 1.6 };
  // Start with the default story filter, so nothing changes (and nothing re-renders) once loaded.
  const strikes = strikeFilter({ day: null, showContext: false });
  const basemap: LayerSpecification[] = [
    { id: 'background', type: 'background', paint: { 'background-color': p.sea } },
    { id: 'basemap-countries', type: 'fill', source: 'basemap-countries', paint: { 'fill-color': p.neighbour } },
    { id: 'basemap-boundaries', type: 'line', source: 'basemap-boundaries', paint: { 'line-color': p.neighbourLine, 'line-width': 0.8, 'line-dasharray': [3, 2] } },
  ];
  const story: LayerSpecification[] = [
    { id: 'provinces-fill', type: 'fill', source: 'provinces', paint: { 'fill-color': ['match', ['get', 'country'], 'IR', p.provinceIR, p.provincePK], 'fill-opacity': withBasemap ? 1 : 0.55 } },
    { id: 'districts-line', type: 'line', source: 'districts', minzoom: 5, paint: { 'line-color': p.districtLine, 'line-width': 0.8, 'line-dasharray': [1, 2] } },
    { id: 'provinces-outline', type: 'line', source: 'provinces', paint: { 'line-color': p.provinceLine, 'line-width': 1.2 } },
    { id: 'bands-fill', type: 'fill', source: 'bands', layout: { visibility: 'none' }, paint: { 'fill-color': p.band, 'fill-opacity': 0.07 } },
    { id: 'bands-line', type: 'line', source: 'bands', layout: { visibility: 'none' }, paint: { 'line-color': p.band, 'line-width': 1, 'line-dasharray': [4, 2] } },
    { id: 'border-casing', type: 'line', source: 'border', layout: { 'line-join': 'round' }, paint: { 'line-color': p.borderCasing, 'line-width': 5 } },
    { id: 'border-line', type: 'line', source: 'border', layout: { 'line-join': 'round' }, paint: { 'line-color': p.border, 'line-width': 2.2 } },
    { id: 'uncertainty-fill', type: 'fill', source: 'uncertainty', filter: strikes, paint: { 'fill-color': ['match', ['get', 'attacker'], 'IR', p.attackerIR, 'PK', p.attackerPK, p.context], 'fill-opacity': ['case', ['boolean', ['feature-state', 'selected'], false], 0.32, 0.16] } },
    // Across the border the disc is washed out towards the land colour: it is not ground of the target country.
    { id: 'uncertainty-across', type: 'fill', source: 'uncertainty-across', filter: strikes, paint: { 'fill-color': p.land, 'fill-opacity': 0.75 } },
    { id: 'uncertainty-outline', type: 'line', source: 'uncertainty', filter: strikes, paint: { 'line-color': ['match', ['get', 'attacker'], 'IR', p.attackerIR, 'PK', p.attackerPK, p.context], 'line-width': ['case', ['boolean', ['feature-state', 'selected'], false], 2.5, 1], 'line-dasharray': [2, 1.5] } },
    { id: 'settlements-dot', type: 'circle', source: 'settlements', minzoom: SETTLEMENTS_MINZOOM, paint: { 'circle-radius': 2.2, 'circle-color': p.land, 'circle-stroke-color': p.place, 'circle-stroke-width': 1.2 } },
    { id: 'towns-dot', type: 'circle', source: 'places', filter: notCrossing, paint: { 'circle-radius': ['match', ['get', 'kind'], 'town', 3, 4.5], 'circle-color': p.land, 'circle-stroke-color': p.place, 'circle-stroke-width': ['match', ['get', 'kind'], 'town', 1.5, 2.5] } },
    { id: 'crossings-symbol', type: 'symbol', source: 'places', filter: isCrossing, layout: { 'icon-image': 'crossing', 'icon-size': 0.55, 'icon-allow-overlap': true } },
    { id: 'strikes-halo', type: 'circle', source: 'strikes', filter: strikes, paint: { 'circle-radius': 16, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-width': 3, 'circle-stroke-color': p.text, 'circle-stroke-opacity': ['case', ['boolean', ['feature-state', 'selected'], false], 1, ['boolean', ['feature-state', 'today'], false], 0.55, 0] } },
    { id: 'strikes-symbol', type: 'symbol', source: 'strikes', filter: strikes, layout: { 'icon-image': ['case', ['==', ['get', 'category'], 'context'], 'strike-context', ['concat', 'strike-', ['get', 'attacker']]], 'icon-allow-overlap': true, 'icon-ignore-placement': true } },
    { id: 'bands-label', type: 'symbol', source: 'bands', layout: { visibility: 'none', 'symbol-placement': 'line', 'text-field': bandLabel('km'), 'text-size': 11 }, paint: { ...halo, 'text-color': p.band } },
    { id: 'basemap-labels', type: 'symbol', source: 'country-labels', filter: ['!', ['in', ['get', 'iso_a3'], ['literal', ['IRN', 'PAK']]]], layout: { 'text-field': names['basemap-labels'], 'text-size': 12, 'text-letter-spacing': 0.12, 'text-max-width': 8 }, paint: { ...halo, 'text-color': p.neighbourLine } },
    { id: 'province-labels', type: 'symbol', source: 'province-labels', layout: { 'text-field': names['province-labels'], 'text-size': 15, 'text-letter-spacing': 0.04, 'text-max-width': 12 }, paint: { ...halo, 'text-color': p.provinceLine } },
    { id: 'district-labels', type: 'symbol', source: 'district-labels', minzoom: 6.5, layout: { 'text-field': names['district-labels'], 'text-size': 11 }, paint: { ...halo, 'text-color': p.districtLine } },
    { id: 'towns-label', type: 'symbol', source: 'places', filter: notCrossing, layout: { 'text-field': names['towns-label'], 'text-size': ['match', ['get', 'kind'], 'town', 11.5, 13], 'text-variable-anchor': ['top', 'bottom', 'right', 'left'], 'text-radial-offset': 0.6, 'text-justify': 'auto', 'symbol-sort-key': ['match', ['get', 'kind'], 'town', 1, 0], 'text-optional': true }, paint: halo },
    { id: 'settlements-label', type: 'symbol', source: 'settlements', minzoom: SETTLEMENTS_MINZOOM, layout: { 'text-field': names['settlements-label'], 'text-size': 10.5, 'text-variable-anchor': ['top', 'bottom', 'right', 'left'], 'text-radial-offset': 0.5, 'text-justify': 'auto', 'text-optional': true }, paint: { ...halo, 'text-color': p.place } },
    { id: 'crossings-label', type: 'symbol', source: 'places', filter: isCrossing, minzoom: 5.5, layout: { 'text-field': names['crossings-label'], 'text-size': 11, 'text-anchor': 'left', 'text-offset': [0.9, 0], 'text-optional': true }, paint: { ...halo, 'text-color': p.place } },
    { id: 'measure-line', type: 'line', source: 'measure', filter: ['==', ['geometry-type'], 'LineString'], layout: { 'line-cap': 'round' }, paint: { 'line-color': p.measure, 'line-width': 2.5 } },
    { id: 'measure-point', type: 'circle', source: 'measure', filter: ['==', ['geometry-type'], 'Point'], paint: { 'circle-radius': 5, 'circle-color': p.measure, 'circle-stroke-color': p.textHalo, 'circle-stroke-width': 2 } },
    { id: 'measure-label', type: 'symbol', source: 'measure', filter: ['has', 'label'], layout: { 'text-field': ['get', 'label'], 'text-size': 13, 'text-anchor': 'bottom-left', 'text-offset': [0.6, -0.4], 'text-allow-overlap': true }, paint: { ...halo, 'text-color': p.measure, 'text-halo-width': 2.2 } },
    { id: 'strikes-label', type: 'symbol', source: 'strikes', filter: strikes, layout: { 'text-field': ['get', 'label'], 'text-size': 12.5, 'text-variable-anchor': ['left', 'right', 'bottom', 'top'], 'text-radial-offset': 1.1, 'text-justify': 'auto', 'text-max-width': 14, 'text-optional': true }, paint: { ...halo, 'text-halo-width': 2 } },
  ];
  return withBasemap ? [...basemap, ...story] : story.filter((layer) => layer.id !== 'basemap-labels');
}
