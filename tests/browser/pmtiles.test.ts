/**
 * A self-hosted PMTiles basemap (`basemap="….pmtiles"` or `pmtiles://…`), with an archive the test
 * writes itself (tests/fixtures/make-pmtiles.ts) in the Protomaps layer names, served as a blob.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { afterEach, describe, expect, it } from 'vitest';
import { isPmtilesUrl } from '../../src/map/base-style.ts';
import { palettes } from '../../src/map/palette.ts';
import type { ErrorDetail } from '../../src/components/events.ts';
import { makePmtiles } from '../fixtures/make-pmtiles.ts';
import { idle, mountMap, renderedValues, shadow, unmountAll, until } from './helpers.ts';

afterEach(unmountAll);

const fc = (...features: [Geometry, Record<string, unknown>][]): FeatureCollection => ({
  type: 'FeatureCollection',
  features: features.map(([geometry, properties]): Feature => ({ type: 'Feature', properties, geometry })),
});
const box = (w: number, s: number, e: number, n: number): Geometry => ({ type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] });
// Land over the whole region, a strip of sea, one highway past Saravan and a town no other layer has.
const archive = makePmtiles(
  {
    earth: fc([box(55, 20, 70, 35), {}]),
    water: fc([box(57, 22, 61.5, 26), { kind: 'ocean' }]),
    roads: fc([{ type: 'LineString', coordinates: [[60.9, 29.5], [62.3, 27.2], [63.0, 26.9]] }, { kind: 'highway' }]),
    places: fc([{ type: 'Point', coordinates: [62.6, 26.6] }, { name: 'Testabad', kind: 'locality' }]),
  },
  6,
  [55, 20, 70, 35],
);
const archiveUrl = () => `pmtiles://${URL.createObjectURL(new Blob([archive as BlobPart]))}`;

describe('PMTiles basemap', () => {
  it('draws the archive under the story: its land, water, roads and names instead of the offline basemap', async () => {
    const el = await mountMap({ basemap: archiveUrl(), center: '62.4,26.8', zoom: '7' });
    await idle(el);
    expect(el.map!.getSource('pmtiles-basemap')?.type).toBe('vector');
    expect(el.map!.getLayer('basemap-countries')).toBeUndefined();
    expect(renderedValues(el, 'pmtiles-places', 'name')).toEqual(new Set(['Testabad']));
    expect(el.map!.queryRenderedFeatures({ layers: ['pmtiles-roads'] }).length).toBeGreaterThan(0);
    expect(el.map!.queryRenderedFeatures({ layers: ['pmtiles-water'] }).length).toBeGreaterThan(0);
    expect(el.map!.queryRenderedFeatures({ layers: ['border-line'] }).length).toBeGreaterThan(0);
    await until(() => shadow(el, '.maplibregl-ctrl-attrib')?.textContent?.includes('test archive'));
    // Our layers stay on top of the archive's.
    const order = el.map!.getStyle().layers.map((layer) => layer.id);
    expect(order.indexOf('pmtiles-places')).toBeLessThan(order.indexOf('provinces-fill'));
  });

  it('follows the theme: land and water repaint in the dark palette', async () => {
    const el = await mountMap({ basemap: archiveUrl(), center: '62.4,26.8', zoom: '7' });
    expect(el.map!.getPaintProperty('pmtiles-earth', 'fill-color')).toBe(palettes.light.land);
    el.setAttribute('theme', 'dark');
    await el.updateComplete;
    expect(el.map!.getPaintProperty('pmtiles-earth', 'fill-color')).toBe(palettes.dark.land);
    expect(el.map!.getPaintProperty('pmtiles-water', 'fill-color')).toBe(palettes.dark.sea);
  });

  it('a file that is not a PMTiles archive: a notice naming the problem, and the offline basemap', async () => {
    const errors: ErrorDetail[] = [];
    const listen = (e: Event) => errors.push((e as CustomEvent<ErrorDetail>).detail);
    document.addEventListener('strike-map-error', listen);
    const url = `pmtiles://${URL.createObjectURL(new Blob(['{"type":"FeatureCollection","features":[]}']))}`;
    const el = await mountMap({ basemap: url });
    document.removeEventListener('strike-map-error', listen);
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toMatch(/basemap could not be loaded, so the offline basemap is shown instead.*PMTiles/);
    expect(el.map!.queryRenderedFeatures({ layers: ['basemap-countries'] }).length).toBeGreaterThan(0);
  });
});

describe('isPmtilesUrl', () => {
  it('takes .pmtiles files and pmtiles:// URLs, and leaves styles alone', () => {
    for (const url of ['region.pmtiles', 'https://example.org/tiles/iran-pakistan.PMTILES?v=2', 'pmtiles://https://example.org/a', '/x.pmtiles#map']) expect(isPmtilesUrl(url), url).toBe(true);
    for (const url of ['https://example.org/style.json', 'https://example.org/pmtiles/style.json', 'offline', 'region.pmtiles.json']) expect(isPmtilesUrl(url), url).toBe(false);
  });
});
