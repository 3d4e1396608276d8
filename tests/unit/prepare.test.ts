/** Derived layers: date labels, uncertainty discs, label points. Expected values from Intl, Turf and plain arithmetic. */
import fc from 'fast-check';
import { area, distance } from '@turf/turf';
import geodesic from 'geographiclib-geodesic';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { formatDate, strikeLabel, withStrikeLabels } from '../../src/data/prepare.ts';
import { labelPoints, uncertaintyDiscs } from '../../src/data/story-shapes.ts';
import type { StrikeProperties } from '../../src/data/types.ts';
import { readFileSync } from 'node:fs';
import { runs } from './runs.ts';

const strikes = JSON.parse(readFileSync(new URL('../../geodata/strikes.geojson', import.meta.url), 'utf8')) as FeatureCollection<Point, StrikeProperties>;

/** The same date as Intl writes it, in parts (en-US short months are Jan … Dec). */
function intlDate(iso: string): { day: string; month: string; year: string } {
  const [y, m, d] = iso.split('-').map(Number);
  const parts = new Intl.DateTimeFormat('en-US', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).formatToParts(new Date(Date.UTC(y, m - 1, d)));
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return { day: part('day'), month: part('month'), year: part('year') };
}

describe('formatDate', () => {
  it('writes every month of the calendar as Intl does', () => {
    for (let month = 1; month <= 12; month++) {
      const iso = `2024-${String(month).padStart(2, '0')}-16`;
      const { day, month: name, year } = intlDate(iso);
      expect(formatDate(iso)).toBe(`${day} ${name} ${year}`);
      expect(formatDate(iso, false)).toBe(`${day} ${name}`);
    }
  });

  it('agrees with Intl for any date (day without a leading zero)', () => {
    const date = fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2100, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(date, (iso) => {
        const { day, month, year } = intlDate(iso);
        expect(formatDate(iso)).toBe(`${day} ${month} ${year}`);
      }),
      { numRuns: runs(500, 100) },
    );
  });

  it('known dates', () => {
    expect(formatDate('2024-01-16')).toBe('16 Jan 2024');
    expect(formatDate('2024-01-05', false)).toBe('5 Jan');
    expect(formatDate('2023-12-31')).toBe('31 Dec 2023');
  });
});

describe('strike labels', () => {
  const props = (place: string, date = '2024-01-18') => ({ ...strikes.features[0].properties, place, date });
  it.each([
    ['Saravan, Sistan and Baluchestan', 'Saravan'],
    ['Koh-i-Sabz (also written Sabz Koh), a village', 'Koh-i-Sabz'],
    ['Panjgur — a town', 'Panjgur'],
    ['Idlib area – Syria', 'Idlib area'],
    ['  Mirjaveh  ', 'Mirjaveh'],
  ])('%j → date and %j', (place, short) => {
    expect(strikeLabel(props(place))).toBe(`18 Jan · ${short}`);
  });

  it('in Urdu and Persian: the date as the language writes it, and the name in its script', () => {
    const kohiSabz = { ...props('Koh-i-Sabz (also written Sabz Koh), a village', '2024-01-16'), name_ur: 'کوہ سبز', name_fa: 'کوه سبز' };
    expect(strikeLabel(kohiSabz, 'en')).toBe('16 Jan · Koh-i-Sabz');
    expect(strikeLabel(kohiSabz, 'ur')).toBe('16 جنوری · کوہ سبز');
    expect(strikeLabel(kohiSabz, 'fa')).toBe('۲۶ دی · کوه سبز'); // 16 January 2024 is 26 Dey 1402
    const saravan = { ...props('Saravan, Sistan and Baluchestan', '2024-01-18'), name_ur: 'سراوان', name_fa: 'سراوان' };
    expect(strikeLabel(saravan, 'ur')).toBe('18 جنوری · سراوان');
    expect(strikeLabel(saravan, 'fa')).toBe('۲۸ دی · سراوان');
    // Across a Persian month: 21 January 2024 is 1 Bahman, 20 March 2024 is 1 Farvardin 1403.
    expect(strikeLabel({ ...saravan, date: '2024-01-21' }, 'fa')).toBe('۱ بهمن · سراوان');
    expect(strikeLabel({ ...saravan, date: '2024-03-20' }, 'fa')).toBe('۱ فروردین · سراوان');
    expect(strikeLabel({ ...saravan, date: '2023-12-05' }, 'ur')).toBe('5 دسمبر · سراوان');
  });

  it("falls back to the English place where the data has no name in the reader's language", () => {
    const own = { ...props('Gwadar port, Balochistan', '2024-01-16'), name_ur: undefined, name_fa: '  ' };
    expect(strikeLabel(own, 'ur')).toBe('16 جنوری · Gwadar port');
    expect(strikeLabel(own, 'fa')).toBe('۲۶ دی · Gwadar port');
  });

  it('the shipped strikes, in all three languages', () => {
    const byId = new Map(withStrikeLabels(strikes).features.map((f) => [f.properties.id, f.properties]));
    expect(byId.get('strike_ir_kohisabz_20240116')).toMatchObject({ label: '16 Jan · Koh-i-Sabz', label_ur: '16 جنوری · کوہ سبز', label_fa: '۲۶ دی · کوه سبز' });
    expect(byId.get('strike_pk_haqabad_shamsar_20240118')).toMatchObject({ label_ur: '18 جنوری · حق آباد، شامسر', label_fa: '۲۸ دی · حق\u200cآباد، شامسر' });
    expect(byId.get('context_strike_erbil_20240115')).toMatchObject({ label: '15 Jan · Erbil', label_ur: '15 جنوری · اربیل', label_fa: '۲۵ دی · اربیل' });
  });

  it('withStrikeLabels adds the three labels to every strike and changes nothing else', () => {
    const labelled = withStrikeLabels(strikes);
    expect(labelled.type).toBe('FeatureCollection');
    expect(labelled.features).toHaveLength(strikes.features.length);
    labelled.features.forEach((f, i) => {
      const { label, label_ur, label_fa, ...rest } = f.properties;
      expect(rest).toEqual(strikes.features[i].properties);
      expect(label).toBe(strikeLabel(strikes.features[i].properties));
      expect(label_ur).toBe(strikeLabel(strikes.features[i].properties, 'ur'));
      expect(label_fa).toBe(strikeLabel(strikes.features[i].properties, 'fa'));
      expect(f.geometry).toEqual(strikes.features[i].geometry);
      expect(f.id).toBe(strikes.features[i].id);
    });
    expect(strikes.features[0].properties).not.toHaveProperty('label'); // the input is not modified
  });
});

describe('uncertaintyDiscs', () => {
  it('one disc per strike, of its radius, carrying the filter properties', () => {
    const discs = uncertaintyDiscs(strikes);
    expect(discs.features).toHaveLength(strikes.features.length);
    discs.features.forEach((disc, i) => {
      const { id, attacker, category, date, uncertainty_km, coordinates } = { ...strikes.features[i].properties, coordinates: strikes.features[i].geometry.coordinates };
      expect(disc.properties).toEqual({ id, attacker, category, date, uncertainty_km });
      expect(disc.geometry.type).toBe('Polygon');
      const ring = disc.geometry.coordinates[0];
      expect(ring.length).toBe(65);
      // Every vertex is uncertainty_km from the strike on Turf's sphere, and within 0.5 % on WGS84.
      for (const p of ring) {
        expect(distance(coordinates, p, { units: 'kilometers' })).toBeCloseTo(uncertainty_km, 6);
        const wgs84 = geodesic.Geodesic.WGS84.Inverse(coordinates[1], coordinates[0], p[1], p[0]).s12! / 1000;
        expect(Math.abs(wgs84 - uncertainty_km) / uncertainty_km).toBeLessThan(0.005);
      }
    });
  });
});

describe('labelPoints', () => {
  const square = (x: number, y: number, s: number): number[][] => [[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]];
  it('a Polygon gets the centroid of its vertices; a MultiPolygon the centroid of its largest part', () => {
    const polygons: FeatureCollection<Polygon | MultiPolygon, { name: string }> = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { name: 'one' }, geometry: { type: 'Polygon', coordinates: [square(60, 25, 2)] } },
        // The large square is in the middle, so neither the first nor the last part is the answer.
        { type: 'Feature', properties: { name: 'three' }, geometry: { type: 'MultiPolygon', coordinates: [[square(70, 30, 0.5)], [square(62, 26, 1)], [square(64, 28, 0.2)]] } },
        { type: 'Feature', properties: { name: 'last' }, geometry: { type: 'MultiPolygon', coordinates: [[square(70, 30, 0.1)], [square(62, 26, 1)]] } },
      ],
    };
    const points = labelPoints(polygons);
    expect(points.features.map((f) => f.properties.name)).toEqual(['one', 'three', 'last']);
    expect(points.features.map((f) => f.geometry.type)).toEqual(['Point', 'Point', 'Point']);
    expect(points.features[0].geometry.coordinates).toEqual([61, 26]);
    expect(points.features[1].geometry.coordinates).toEqual([62.5, 26.5]);
    expect(points.features[2].geometry.coordinates).toEqual([62.5, 26.5]);
  });

  it('on the shipped provinces, each point is inside the largest part of its province', () => {
    const provinces = JSON.parse(readFileSync(new URL('../../geodata/provinces.geojson', import.meta.url), 'utf8')) as FeatureCollection<Polygon | MultiPolygon>;
    const points = labelPoints(provinces);
    points.features.forEach((point: Feature<Point>, i) => {
      const g = provinces.features[i].geometry;
      const parts = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
      const largest = parts.reduce((a, b) => (area({ type: 'Polygon', coordinates: b }) > area({ type: 'Polygon', coordinates: a }) ? b : a));
      const ring = largest[0];
      const [minX, maxX] = [Math.min(...ring.map((p) => p[0])), Math.max(...ring.map((p) => p[0]))];
      expect(point.geometry.coordinates[0]).toBeGreaterThan(minX);
      expect(point.geometry.coordinates[0]).toBeLessThan(maxX);
    });
  });
});
