/** loadBuiltinData in Node: the shipped files, decoded, fetched once per page, retried after a failure. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FeatureCollection } from 'geojson';

const geodata = (name: string) => JSON.parse(readFileSync(new URL(`../../geodata/${name}`, import.meta.url), 'utf8'));
const FILES = ['strike-map.topo.json', 'strikes.geojson', 'places.geojson', 'settlements.geojson', 'timeline.json'];

/** A fetch that serves file: URLs from disk and records what was asked for. */
function diskFetch() {
  return vi.fn(async (url: string | URL) => {
    const path = fileURLToPath(String(url));
    return new Response(readFileSync(path), { headers: { 'content-type': 'application/json' } });
  });
}

// builtin.ts keeps one shared download per page: load a fresh copy for each test.
const freshModule = async () => {
  vi.resetModules();
  return import('../../src/data/builtin.ts');
};

beforeEach(() => vi.stubGlobal('fetch', diskFetch()));
afterEach(() => vi.unstubAllGlobals());

describe('loadBuiltinData', () => {
  it('fetches the five shipped files beside the library, resolved from its own URL', async () => {
    const { loadBuiltinData } = await freshModule();
    await loadBuiltinData();
    const asked = vi.mocked(fetch).mock.calls.map(([url]) => String(url)).sort();
    expect(asked).toEqual(FILES.map((f) => new URL(`../../geodata/${f}`, import.meta.url).href).sort());
  });

  it('decodes every topology layer into the features of the matching GeoJSON file', async () => {
    const { loadBuiltinData } = await freshModule();
    const data = await loadBuiltinData();
    const ids = (fc: FeatureCollection) => fc.features.map((f) => f.properties?.id ?? f.properties?.name ?? f.id);
    const layers: [FeatureCollection, string][] = [
      [data.border, 'border.geojson'],
      [data.provinces, 'provinces.geojson'],
      [data.districts, 'districts.geojson'],
    ];
    for (const [decoded, file] of layers) {
      const expected = geodata(file) as FeatureCollection;
      expect(decoded.type).toBe('FeatureCollection');
      expect(ids(decoded), file).toEqual(ids(expected));
      expect(decoded.features.map((f) => f.geometry.type), file).toEqual(expected.features.map((f) => f.geometry.type));
      expect(decoded.features.map((f) => f.properties), file).toEqual(expected.features.map((f) => f.properties));
    }
    // The border keeps every vertex, within the topology's quantisation (5e-5° by 2.5e-5°).
    const line = data.border.features[0].geometry;
    const original = geodata('border.geojson').features[0].geometry;
    expect(line.type).toBe('LineString');
    expect(line.coordinates).toHaveLength(original.coordinates.length);
    (line.coordinates as number[][]).forEach((p, i) => {
      expect(Math.abs(p[0] - original.coordinates[i][0])).toBeLessThanOrEqual(2.6e-5);
      expect(Math.abs(p[1] - original.coordinates[i][1])).toBeLessThanOrEqual(1.3e-5);
    });
    const basemap = geodata('basemap.geojson') as FeatureCollection;
    expect(data.basemapCountries.features.length + data.basemapBoundaries.features.length).toBe(basemap.features.length);
    expect(data.basemapCountries.features.every((f) => /Polygon$/.test(f.geometry.type))).toBe(true);
    expect(data.basemapBoundaries.features.every((f) => /LineString$/.test(f.geometry.type))).toBe(true);
    expect(data.strikes).toEqual(geodata('strikes.geojson'));
    expect(data.places).toEqual(geodata('places.geojson'));
    expect(data.settlements).toEqual(geodata('settlements.geojson'));
    expect(data.timeline).toEqual(geodata('timeline.json').events);
  });

  it('downloads once for every map on the page', async () => {
    const { loadBuiltinData } = await freshModule();
    const [a, b] = await Promise.all([loadBuiltinData(), loadBuiltinData()]);
    const c = await loadBuiltinData(new AbortController().signal);
    expect(b).toBe(a);
    expect(c).toBe(a);
    expect(fetch).toHaveBeenCalledTimes(FILES.length);
  });

  it('lets one caller give up without cancelling the download for the others', async () => {
    const { loadBuiltinData } = await freshModule();
    const abort = new AbortController();
    const mine = loadBuiltinData(abort.signal);
    const theirs = loadBuiltinData();
    abort.abort(new Error('this map was removed'));
    await expect(mine).rejects.toThrow('this map was removed');
    expect((await theirs).strikes.features.length).toBeGreaterThan(0);
  });

  it('retries after a failed download instead of keeping the failure', async () => {
    const { loadBuiltinData } = await freshModule();
    const disk = diskFetch();
    let failures = 1;
    vi.stubGlobal('fetch', vi.fn(async (url: string) => (failures-- > 0 ? new Response('gone', { status: 503, statusText: 'Service Unavailable' }) : disk(url))));
    await expect(loadBuiltinData()).rejects.toThrow(/the server answered 503 Service Unavailable/);
    const data = await loadBuiltinData();
    expect(data.strikes.features.length).toBeGreaterThan(0);
  });
});
