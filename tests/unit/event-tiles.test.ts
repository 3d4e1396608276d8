import { describe, expect, it } from 'vitest';
import type { Feature, Point } from 'geojson';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { eventTiles } from '../../src/workers/event-tiles.ts';
import { mapCopyOf } from '../../src/data/map-copy.ts';
import { isDense } from '../../src/data/dense.ts';
import { EVENT_TILE_LAYER, EVENT_TILE_MAXZOOM } from '../../src/workers/event-codes.ts';

/** The slippy-map tile holding a point at zoom z (the OSM wiki's formula). */
function tileOf([lon, lat]: [number, number], z: number): [number, number] {
  const n = 2 ** z;
  const φ = (lat * Math.PI) / 180;
  return [Math.floor(((lon + 180) / 360) * n), Math.floor(((1 - Math.log(Math.tan(φ) + 1 / Math.cos(φ)) / Math.PI) / 2) * n)];
}

const event = (at: [number, number], properties: Record<string, unknown>): Feature<Point> => ({ type: 'Feature', properties, geometry: { type: 'Point', coordinates: at } });

const events = [
  event([64.1, 26.96], { date: '2024-01-16', date_end: '2024-01-16', uncertainty_km: 5, area_px0: 0.0123, side_a: 'Iran', side_b: 'Jaish ul-Adl', source_article: 'a long text', town: 'Panjgur' }),
  event([62.32, 27.4], { date: '2024-01-18', date_end: '2024-01-18', uncertainty_km: 25, area_px0: 0.06, side_a: 'Pakistan', town: 'Saravan', type_of_violence: 1 }),
  event([-70, -30], { date: '2001-05-01', date_end: '2001-05-31', uncertainty_km: 1, area_px0: 0.002 }),
];

function decode(bytes: Uint8Array | null) {
  expect(bytes).not.toBeNull();
  const layer = new VectorTile(new PbfReader(bytes!)).layers[EVENT_TILE_LAYER];
  return Array.from({ length: layer.length }, (_, i) => layer.feature(i));
}

describe('eventTiles', () => {
  it("puts each event in its tile with its index as id, where it is, with only the map copy's properties", () => {
    const cut = eventTiles(events);
    for (const z of [0, 6, 11, EVENT_TILE_MAXZOOM]) {
      events.forEach((e, i) => {
        const at = e.geometry.coordinates as [number, number];
        const [x, y] = tileOf(at, z);
        const found = decode(cut(z, x, y)).find((f) => f.id === i);
        expect(found, `event ${i} at zoom ${z}`).toBeDefined();
        const [lon, lat] = (found!.toGeoJSON(x, y, z).geometry as Point).coordinates;
        // A tile of 4096 units a side places a point to within a unit (a 4096th of the tile).
        const unitDeg = 360 / 2 ** z / 4096;
        expect(Math.abs(lon - at[0])).toBeLessThanOrEqual(unitDeg);
        expect(Math.abs(lat - at[1])).toBeLessThanOrEqual(unitDeg);
        const kept = Object.fromEntries(Object.entries(e.properties!).filter(([key]) => !['source_article', 'town'].includes(key)));
        expect(found!.properties).toEqual(kept);
      });
    }
  });

  it('carries the column a layer is labelled by, and nothing where there are no events', () => {
    const cut = eventTiles(events, 'town');
    const [x, y] = tileOf([64.1, 26.96], 8);
    expect(decode(cut(8, x, y)).map((f) => f.properties.town)).toEqual(['Panjgur']);
    const [ex, ey] = tileOf([0, 0], 8); // the Gulf of Guinea: no events
    expect(cut(8, ex, ey)).toBeNull();
  });

  it('a tile of a small area holds its events only', () => {
    const cut = eventTiles(events);
    const [x, y] = tileOf([62.32, 27.4], 10);
    expect(decode(cut(10, x, y)).map((f) => f.id)).toEqual([1]);
  });
});

describe('map copy', () => {
  it('tells a dense dataset by the circle sizes its events carry', () => {
    expect(isDense(events)).toBe(true);
    expect(isDense([event([64, 27], { date: '2024-01-16' })])).toBe(false);
    expect(isDense([])).toBe(false);
  });

  it('copies a feature without properties as one with none', () => {
    const bare: Feature<Point> = { type: 'Feature', properties: null, geometry: { type: 'Point', coordinates: [64, 27] } };
    expect(mapCopyOf(bare, 7, ['date'])).toEqual({ type: 'Feature', id: 7, properties: {}, geometry: bare.geometry });
    expect(isDense([bare])).toBe(false);
  });
});
