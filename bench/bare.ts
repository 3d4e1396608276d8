/**
 * Bare MapLibre baseline for `npm run bench`: the same four data files, style, icons, derived
 * layers, bounds and canvas options as <strike-map>, but no Lit, no UI and no controls.
 * `window.__bench` gets performance.now() marks; `ready` = map `load` then first `idle`,
 * exactly like strike-map's `ready`.
 */
import { Map as MlMap, setWorkerUrl } from 'maplibre-gl';
import maplibreCss from 'maplibre-gl/dist/maplibre-gl.css?inline';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { FeatureCollection } from 'geojson';
import { builtinSources } from '../src/map/layers.ts';
import { buildStyle } from '../src/map/style.ts';
import { addIcons } from '../src/map/icons.ts';
import { palettes } from '../src/map/palette.ts';
import { withStrikeLabels } from '../src/data/prepare.ts';
import { storyShapes } from '../src/data/story-shapes.ts';
import type { BuiltinData } from '../src/data/types.ts';

interface Marks { data?: number; map?: number; load?: number; ready?: number; error?: string }
const marks: Marks = ((window as unknown as { __bench: Marks }).__bench = {});

const urls = {
  topology: new URL('../geodata/strike-map.topo.json', import.meta.url).href,
  strikes: new URL('../geodata/strikes.geojson', import.meta.url).href,
  places: new URL('../geodata/places.geojson', import.meta.url).href,
  settlements: new URL('../geodata/settlements.geojson', import.meta.url).href,
  timeline: new URL('../geodata/timeline.json', import.meta.url).href,
};
const HOME_BOUNDS: [[number, number], [number, number]] = [[58.8, 24.6], [70.3, 32.2]];

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return (await response.json()) as T;
}

async function main(): Promise<void> {
  const style = document.createElement('style');
  style.textContent = maplibreCss;
  document.head.append(style);
  const params = new URLSearchParams(location.search);
  const container = document.getElementById('map')!;
  if (params.get('w') && params.get('h')) {
    Object.assign(container.style, { inset: 'auto', left: '0', top: '0', width: `${params.get('w')}px`, height: `${params.get('h')}px` });
  }

  setWorkerUrl(new URL(workerUrl, import.meta.url).href);
  const [topology, strikes, places, settlements, timeline] = await Promise.all([
    getJson<Topology>(urls.topology),
    getJson<BuiltinData['strikes']>(urls.strikes),
    getJson<BuiltinData['places']>(urls.places),
    getJson<BuiltinData['settlements']>(urls.settlements),
    getJson<{ events: BuiltinData['timeline'] }>(urls.timeline),
  ]);
  const layer = <T extends FeatureCollection>(name: string) => feature(topology, topology.objects[name] as GeometryCollection) as unknown as T;
  const data: BuiltinData = {
    border: layer('border'),
    provinces: layer('provinces'),
    districts: layer('districts'),
    basemapCountries: layer('basemap_countries'),
    basemapBoundaries: layer('basemap_boundaries'),
    strikes: withStrikeLabels(strikes),
    places,
    settlements,
    timeline: timeline.events,
  };
  marks.data = performance.now();

  const palette = palettes.light;
  const map = new MlMap({
    container,
    // Same call as StrikeMap.composeStyle (src/components/strike-map.ts): keep the two in step.
    style: buildStyle(builtinSources(data, storyShapes(data)), palette),
    bounds: HOME_BOUNDS,
    fitBoundsOptions: { padding: 16 },
    attributionControl: false,
    canvasContextAttributes: { preserveDrawingBuffer: true },
  });
  addIcons(map, palette);
  marks.map = performance.now();
  (window as unknown as { __benchMap: MlMap }).__benchMap = map; // for scripts/bench-draw.ts
  map.on('error', (event) => (marks.error = event.error?.message ?? String(event)));
  await new Promise<void>((resolve) => map.once('load', () => resolve()));
  marks.load = performance.now();
  await new Promise<void>((resolve) => map.once('idle', () => resolve()));
  marks.ready = performance.now();
}

main().catch((error: unknown) => (marks.error = error instanceof Error ? error.message : String(error)));
