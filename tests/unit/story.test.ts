/** Story: the built-in data as the element reads it (labelled strikes in time order, the border as index and line, the drawn shapes). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { booleanPointInPolygon, distance, pointToLineDistance } from '@turf/turf';
import type { Feature, LineString } from 'geojson';
import { Story } from '../../src/data/story.ts';
import type { BuiltinData } from '../../src/data/types.ts';

afterEach(() => vi.unstubAllGlobals());

async function shippedData(): Promise<BuiltinData> {
  vi.stubGlobal('fetch', async (url: string | URL) => new Response(readFileSync(fileURLToPath(String(url)))));
  vi.resetModules();
  const { loadBuiltinData } = await import('../../src/data/builtin.ts');
  return loadBuiltinData();
}

describe('Story', () => {
  it('lists every shipped strike once, each with a map label, in order of time', async () => {
    const data = await shippedData();
    const story = new Story(data);
    expect(story.strikes.map((f) => f.properties.id).sort()).toEqual(data.strikes.features.map((f) => f.properties.id).sort());
    const times = story.strikes.map((f) => Date.parse(f.properties.time_utc));
    expect(times.every((t, i) => i === 0 || times[i - 1] <= t)).toBe(true);
    for (const f of story.strikes) expect((f.properties as { label?: string }).label, f.properties.id).toMatch(/\S/);
  });

  it('sorts by time even when the file lists strikes out of order, without changing the input', async () => {
    const data = await shippedData();
    const reversed = { ...data, strikes: { ...data.strikes, features: [...data.strikes.features].reverse() } };
    const before = reversed.strikes.features.map((f) => f.properties.id);
    expect(new Story(reversed).strikes.map((f) => f.properties.id)).toEqual(new Story(data).strikes.map((f) => f.properties.id));
    expect(reversed.strikes.features.map((f) => f.properties.id)).toEqual(before);
  });

  it('measures against the shipped border (checked with Turf) and builds its index once, on first use', async () => {
    const data = await shippedData();
    const story = new Story(data);
    const line = story.borderLine as Feature<LineString>;
    expect(line.geometry.coordinates.length).toBeGreaterThan(1000);
    const at: [number, number] = [62.0, 27.0];
    expect(story.borderIndex).toBeUndefined(); // its code loads on first use
    const index = await story.loadBorderIndex();
    expect(index.nearest(at).km).toBeCloseTo(pointToLineDistance(at, line, { units: 'kilometers' }), 3);
    expect(index.side([64.09, 26.97])).toBe('PK'); // Panjgur: built with the provinces
    expect(story.borderIndex).toBe(index);
    expect(await story.loadBorderIndex()).toBe(index);
    const notALine = { ...data, border: { type: 'FeatureCollection' as const, features: [{ type: 'Feature' as const, properties: {}, geometry: { type: 'MultiLineString' as const, coordinates: [line.geometry.coordinates] } }] } };
    expect(new Story(notALine).borderLine).toBeUndefined();
  });

  it('computes the shapes the map draws once, on first use: a disc of each strike’s radius, a label point for each province and country', async () => {
    const data = await shippedData();
    const story = new Story(data);
    expect(story.shapes).toBeUndefined();
    const shapes = await story.loadShapes();
    expect(story.shapes).toBe(shapes);
    expect(await story.loadShapes()).toBe(shapes);
    expect(shapes.uncertainty.features.map((f) => f.properties!.id)).toEqual(story.strikes.map((f) => f.properties.id));
    shapes.uncertainty.features.forEach((disc, i) => {
      const { geometry, properties } = story.strikes[i];
      for (const vertex of disc.geometry.coordinates[0]) expect(distance(geometry.coordinates, vertex, { units: 'kilometers' })).toBeCloseTo(properties.uncertainty_km, 6);
    });
    expect(shapes.countryLabels.features.map((f) => f.properties)).toEqual(data.basemapCountries.features.map((f) => f.properties));
    // The two provinces are compact enough for the centroid of their largest part to fall inside them.
    expect(shapes.provinceLabels.features.map((f) => f.properties)).toEqual(data.provinces.features.map((f) => f.properties));
    shapes.provinceLabels.features.forEach((label, i) => expect(booleanPointInPolygon(label.geometry.coordinates, data.provinces.features[i])).toBe(true));
  });
});
