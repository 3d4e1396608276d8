/**
 * Dates are plain local calendar dates: shown (formatDate, used by the card, table and timeline)
 * and exported (CSV, GeoJSON) the same in every time zone. Node applies a change of process.env.TZ
 * at once, so the two extreme zones are tested in-process; each case first proves the zone took
 * effect. This stands in for a browser run with its zone set to UTC−10 and UTC+14.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { FeatureCollection, Point } from 'geojson';
import type { StrikeProperties, TimelineEvent } from '../../src/data/types.ts';
import { formatDate } from '../../src/data/prepare.ts';
import { strikesCsv, strikesGeoJSON } from '../../src/components/downloads.ts';

const root = new URL('../../geodata/', import.meta.url);
const strikes = JSON.parse(readFileSync(new URL('strikes.geojson', root), 'utf8')) as FeatureCollection<Point, StrikeProperties>;
const timeline = (JSON.parse(readFileSync(new URL('timeline.json', root), 'utf8')) as { events: TimelineEvent[] }).events;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** The expected label, read straight off the ISO string's digits. */
const label = (iso: string) => `${Number(iso.slice(8, 10))} ${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
const original = process.env.TZ;
afterAll(() => {
  process.env.TZ = original;
});

describe.each([
  ['Pacific/Honolulu', 600], // UTC−10
  ['Pacific/Kiritimati', -840], // UTC+14
])('in %s', (zone, offsetMinutes) => {
  it('the zone is in effect', () => {
    process.env.TZ = zone;
    expect(new Date(2024, 0, 16).getTimezoneOffset()).toBe(offsetMinutes);
  });

  it('every strike and timeline date is shown as its own calendar day', () => {
    process.env.TZ = zone;
    for (const f of strikes.features) expect(formatDate(f.properties.date)).toBe(label(f.properties.date));
    for (const e of timeline) expect(formatDate(e.date)).toBe(label(e.date));
    expect(formatDate('2024-01-16')).toBe('16 Jan 2024');
    expect(formatDate('2023-12-15')).toBe('15 Dec 2023');
  });

  it('CSV and GeoJSON exports keep the dates as written', async () => {
    process.env.TZ = zone;
    const csv = await strikesCsv(strikes).text();
    const dates = csv.trim().split('\r\n').slice(1).map((line) => line.split(',')[1]);
    expect(dates).toEqual(strikes.features.map((f) => f.properties.date));
    const geojson = JSON.parse(await strikesGeoJSON(strikes).text()) as typeof strikes;
    expect(geojson.features.map((f) => f.properties.date)).toEqual(strikes.features.map((f) => f.properties.date));
  });
});
