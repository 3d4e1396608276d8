/**
 * The geodata build refuses bad input loudly, naming the file and the feature.
 * Each case starts from the shipped data and breaks one thing.
 */
import { readFileSync } from 'node:fs';
import { failure } from './build-failure.ts';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { TimelineEvent } from '../../src/data/types.ts';
import {
  validateFeatureCollection,
  validateNoNewKinks,
  validateStrikes,
  validateTimeline,
  type BBox,
} from '../../scripts/geodata/validate.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const read = <T>(path: string): T => JSON.parse(readFileSync(ROOT + path, 'utf8')) as T;
const provinces = read<FeatureCollection<Polygon | MultiPolygon>>('geodata/provinces.geojson');
const strikes = () => read<FeatureCollection<Point>>('geodata/strikes.geojson');
const REGION: BBox = [30, 18, 80, 43];


const crossBorder = (fc: FeatureCollection<Point>) => fc.features.find((f) => f.properties!.category === 'cross-border')!;

describe('the geodata build refuses', () => {
  it('accepts the shipped strikes (so the cases below fail for their own reason)', () => {
    expect(() => validateStrikes('strikes.geojson', strikes(), provinces)).not.toThrow();
  });

  it('a strike with fewer than two sources', () => {
    const fc = strikes();
    crossBorder(fc).properties!.sources = ['https://www.dawn.com/news/1806685/panic-grips-koh-i-sabz'];
    expect(failure(() => validateStrikes('strikes.geojson', fc, provinces))).toMatch(/^strikes\.geojson: feature strike_\w+: needs >= 2 source/);
  });

  it('a strike without an uncertainty radius', () => {
    const fc = strikes();
    delete crossBorder(fc).properties!.uncertainty_km;
    expect(failure(() => validateStrikes('strikes.geojson', fc, provinces))).toMatch(/feature strike_\w+: uncertainty_km must be > 0/);
  });

  it('a strike point outside the province its attacker targeted', () => {
    const fc = strikes();
    const strike = crossBorder(fc);
    // Claim the other province as the target: the point is not inside it.
    strike.properties!.target_province = strike.properties!.target_province === 'PK-BA' ? 'IR-11' : 'PK-BA';
    expect(failure(() => validateStrikes('strikes.geojson', fc, provinces))).toMatch(/outside its target province/);
  });

  it('a source link that is not http(s)', () => {
    const fc = strikes();
    crossBorder(fc).properties!.sources = ['javascript:alert(1)', 'https://example.org/page'];
    expect(failure(() => validateStrikes('strikes.geojson', fc, provinces))).toMatch(/^strikes\.geojson: feature strike_\w+: source javascript:alert\(1\) uses javascript: instead of http\(s\)/);
  });

  it('invalid GeoJSON and coordinates outside the layer bounding box', () => {
    expect(failure(() => validateFeatureCollection('x.geojson', { type: 'Topology' } as unknown as FeatureCollection, REGION))).toMatch(/^x\.geojson: root: not a FeatureCollection/);
    const fc = strikes();
    fc.features[1].geometry.coordinates = [120, 10];
    expect(failure(() => validateFeatureCollection('strikes.geojson', fc, REGION))).toMatch(/^strikes\.geojson: feature \w+: position 120,10 outside layer bbox/);
  });

  it('an unclosed ring', () => {
    const fc = structuredClone(provinces);
    const polygon = fc.features[0].geometry as MultiPolygon;
    polygon.coordinates[0][0] = polygon.coordinates[0][0].slice(0, -1);
    expect(failure(() => validateFeatureCollection('provinces.geojson', fc, REGION))).toMatch(/^provinces\.geojson: feature PK-BA: a polygon ring is not closed/);
  });

  it('a self-intersection that simplification added', () => {
    const square: Feature<Polygon> = { type: 'Feature', id: 'sq', properties: { id: 'sq' }, geometry: { type: 'Polygon', coordinates: [[[60, 25], [61, 25], [61, 26], [60, 26], [60, 25]]] } };
    const bowtie: Feature<Polygon> = { ...square, geometry: { type: 'Polygon', coordinates: [[[60, 25], [61, 26], [61, 25], [60, 26], [60, 25]]] } };
    expect(failure(() => validateNoNewKinks('districts.geojson', { type: 'FeatureCollection', features: [bowtie] }, new Map([['sq', square]])))).toMatch(
      /^districts\.geojson: feature sq: \d+ self-intersections after simplification vs 0 in the source/,
    );
  });

  it('timeline events out of range, unsorted, or with a clock time far from their date', () => {
    const events = read<{ events: TimelineEvent[] }>('geodata/timeline.json').events;
    const ids = new Set<string>([...events.flatMap((e) => ('place_id' in e ? [String(e.place_id)] : []))]);
    expect(() => validateTimeline('timeline.json', events, ids, '2023-12-01', '2024-02-29')).not.toThrow();
    const late = structuredClone(events);
    late[1].date = '2024-03-10';
    expect(failure(() => validateTimeline('timeline.json', late, ids, '2023-12-01', '2024-02-29'))).toMatch(/^timeline\.json: event \w+: date 2024-03-10 outside/);
    const lastFirst = [events.at(-1)!, ...events.slice(0, -1)];
    expect(failure(() => validateTimeline('timeline.json', lastFirst, ids, '2023-12-01', '2024-02-29'))).toMatch(/not sorted by date/);
    const far = structuredClone(events);
    const timed = far.find((e) => e.time_utc)!;
    timed.time_utc = '2024-01-25T10:00:00Z';
    expect(failure(() => validateTimeline('timeline.json', far, ids, '2023-12-01', '2024-02-29'))).toMatch(/more than a day away from date/);
  });
});
