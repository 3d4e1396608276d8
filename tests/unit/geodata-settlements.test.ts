/** scripts/geodata/settlements.ts: which GeoNames rows become map settlements. */
import type { FeatureCollection, Point, Polygon } from 'geojson';
import { describe, expect, test } from 'vitest';
import { buildSettlements, type GeoNamesCity } from '../../scripts/geodata/settlements.ts';

const box = (country: string, w: number, e: number): FeatureCollection<Polygon>['features'][number] => ({
  type: 'Feature',
  properties: { country },
  geometry: { type: 'Polygon', coordinates: [[[w, 26], [e, 26], [e, 28], [w, 28], [w, 26]]] },
});
const provinces: FeatureCollection<Polygon> = { type: 'FeatureCollection', features: [box('IR', 60, 62), box('PK', 62, 64)] };
const towns: FeatureCollection<Point> = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { id: 'town_a' }, geometry: { type: 'Point', coordinates: [63, 27] } }] };
const city = (name: string, lng: number, lat: number, country = lng < 62 ? 'IR' : 'PK'): GeoNamesCity => ({ name, lat: String(lat), lng: String(lng), country });

describe('buildSettlements', () => {
  test('keeps a place inside its own province, as a point with its GeoNames name', () => {
    expect(buildSettlements([city('Kūh', 61.123456789, 27.5)], provinces, towns).features).toEqual([
      { type: 'Feature', properties: { name: 'Kūh', country: 'IR', source: 'GeoNames' }, geometry: { type: 'Point', coordinates: [61.123457, 27.5] } },
    ]);
  });

  test('drops places outside the provinces, in the other country\'s province, or of a third country', () => {
    const rows = [city('North', 61, 28.5), city('Misfiled', 61, 27, 'PK'), city('Afghan', 63.5, 27.5, 'AF'), city('Kept', 63.5, 27.5)];
    expect(buildSettlements(rows, provinces, towns).features.map((f) => f.properties.name)).toEqual(['Kept']);
  });

  test('drops a place within 5 km of one of our towns, and keeps one just beyond', () => {
    // 0.01° of latitude ≈ 1.11 km: 4.4 km and 5.6 km north of the town.
    const rows = [city('Near', 63, 27.04), city('Beyond', 63, 27.05)];
    expect(buildSettlements(rows, provinces, towns).features.map((f) => f.properties.name)).toEqual(['Beyond']);
  });

  test('one row per name within 10 km; the same name further away is another place', () => {
    const rows = [city('Twin', 61, 27), city('Twin', 61, 27.08), city('Twin', 61, 27.2), city('Other', 61, 27.01)];
    const kept = buildSettlements(rows, provinces, towns).features;
    expect(kept.map((f) => [f.properties.name, f.geometry.coordinates[1]])).toEqual([['Other', 27.01], ['Twin', 27], ['Twin', 27.2]]);
  });

  test('sorted by country, then name, whatever the input order', () => {
    const rows = [city('Zed', 63.5, 27.5), city('Bee', 61, 27.5), city('Ant', 63.5, 26.5), city('Ay', 61, 26.5)];
    expect(buildSettlements(rows, provinces, towns).features.map((f) => f.properties.name)).toEqual(['Ay', 'Bee', 'Ant', 'Zed']);
  });
});
