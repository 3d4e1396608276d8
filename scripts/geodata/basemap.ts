/**
 * Regional context from Natural Earth (world-atlas countries-50m, public domain):
 * country polygons clipped to the map region, plus international boundary lines.
 * The Iran–Pakistan arc is left out on purpose: Natural Earth's line is kilometres
 * off, and the OSM border replaces it on the map.
 */
import { createRequire } from 'node:module';
import { feature, mesh } from 'topojson-client';
import { area, bbox as turfBbox, bboxClip } from '@turf/turf';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';

const require = createRequire(import.meta.url);

export const REGION_BBOX: [number, number, number, number] = [30, 18, 80, 43];

/** ISO 3166-1 numeric (world-atlas ids) → alpha-3, for the countries that reach the region. */
const ISO3: Record<string, string> = {
  '004': 'AFG', '031': 'AZE', '048': 'BHR', '051': 'ARM', '156': 'CHN', '196': 'CYP', '232': 'ERI',
  '268': 'GEO', '275': 'PSE', '356': 'IND', '364': 'IRN', '368': 'IRQ', '376': 'ISR', '398': 'KAZ',
  '400': 'JOR', '414': 'KWT', '417': 'KGZ', '422': 'LBN', '512': 'OMN', '524': 'NPL', '586': 'PAK',
  '634': 'QAT', '643': 'RUS', '682': 'SAU', '729': 'SDN', '760': 'SYR', '762': 'TJK', '784': 'ARE',
  '792': 'TUR', '795': 'TKM', '818': 'EGY', '860': 'UZB', '887': 'YEM',
};

export interface CountryProps { kind: 'country'; name: string; iso_a3: string | null }

/** Drop slivers left by clipping (rings with < 4 positions or ~zero area). */
function cleanPolygons(polys: Position[][][]): Position[][][] {
  return polys
    .map((rings) => rings.filter((r) => r.length >= 4))
    .filter((rings) => rings.length > 0 && area({ type: 'Polygon', coordinates: rings }) > 1e6);
}

export function loadWorldAtlas(): Topology {
  return require('world-atlas/countries-50m.json') as Topology;
}

export function basemapCountries(wa: Topology): Feature<MultiPolygon, CountryProps>[] {
  const fc = feature(wa, wa.objects.countries as GeometryCollection<{ name: string }>);
  const [w, s, e, n] = REGION_BBOX;
  const out: Feature<MultiPolygon, CountryProps>[] = [];
  for (const f of fc.features) {
    const b = turfBbox(f);
    if (b[0] > e || b[2] < w || b[1] > n || b[3] < s) continue;
    const clipped = bboxClip(f as Feature<Polygon | MultiPolygon>, REGION_BBOX).geometry;
    const polys = cleanPolygons(clipped.type === 'Polygon' ? [clipped.coordinates] : (clipped.coordinates as Position[][][]));
    if (!polys.length) continue;
    const id = f.id == null ? null : String(f.id);
    if (id !== null && !ISO3[id]) throw new Error(`basemap: world-atlas id ${id} (${f.properties?.name}) missing from the ISO3 map`);
    out.push({
      type: 'Feature',
      properties: { kind: 'country', name: f.properties!.name, iso_a3: id === null ? null : ISO3[id] },
      geometry: { type: 'MultiPolygon', coordinates: polys },
    });
  }
  // Stable order independent of the atlas's own ordering.
  return out.sort((a, b) => a.properties.name.localeCompare(b.properties.name, 'en'));
}

export function basemapBoundaries(wa: Topology): Feature<MultiLineString, { kind: 'boundary' }> {
  const obj = wa.objects.countries as GeometryCollection;
  type Geom = { id?: string | number };
  const isIrPk = (a: Geom, b: Geom) => (a.id === '364' && b.id === '586') || (a.id === '586' && b.id === '364');
  const m = mesh(wa, obj, (a: Geom, b: Geom) => a !== b && !isIrPk(a, b));
  const clipped = bboxClip({ type: 'Feature', properties: {}, geometry: m }, REGION_BBOX).geometry;
  const lines = (clipped.type === 'LineString' ? [clipped.coordinates] : (clipped.coordinates as Position[][]))
    .filter((l) => l.length >= 2);
  return { type: 'Feature', properties: { kind: 'boundary' }, geometry: { type: 'MultiLineString', coordinates: lines } };
}
