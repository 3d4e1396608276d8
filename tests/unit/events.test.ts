import { readFileSync } from 'node:fs';
import { area } from '@turf/turf';
import type { FeatureCollection } from 'geojson';
import { describe, expect, test } from 'vitest';
import { parseCsvPoints } from '../../src/data/csv.ts';
import { LOCATION_PRECISION, columnMappingOf, detectEventFormat, readEvent } from '../../src/data/events.ts';
import { parseUserText } from '../../src/data/parse-user.ts';
import { ACLED_COLUMNS, UCDP_COLUMNS, acledSample, ucdpSample } from '../fixtures/events/samples.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/events/${name}`, import.meta.url), 'utf8');

describe('event datasets: detected by their columns', () => {
  test('the committed samples are what the generator writes', () => {
    expect(fixture('ucdp-ged-sample.csv')).toBe(ucdpSample(35));
    expect(fixture('acled-sample.csv')).toBe(acledSample(30));
  });

  test('UCDP GED and ACLED headers are recognised; an ordinary table of points is not', () => {
    expect(detectEventFormat(UCDP_COLUMNS)).toBe('UCDP GED');
    expect(detectEventFormat(ACLED_COLUMNS)).toBe('ACLED');
    expect(detectEventFormat(['name', 'lon', 'lat', 'date'])).toBeNull();
    // One of the columns a format is known by missing: not that format.
    expect(detectEventFormat(UCDP_COLUMNS.filter((c) => c !== 'where_prec'))).toBeNull();
    expect(detectEventFormat(ACLED_COLUMNS.filter((c) => c !== 'geo_precision'))).toBeNull();
  });
});

describe('a UCDP GED file', () => {
  const parsed = parseCsvPoints('ged.csv', fixture('ucdp-ged-sample.csv'));
  // The generator gives row i where_prec (i % 7) + 1 and date_prec (i % 5) + 1; the file's row is i + 2.
  const rows = Array.from({ length: 35 }, (_, i) => ({ row: i + 2, where: (i % 7) + 1, when: (i % 5) + 1 }));

  test('says which format it was read as', () => {
    expect(parsed.format).toBe('UCDP GED');
  });

  test('events located to a place, near one or to a district are pins with 1, 25 and 60 km of uncertainty', () => {
    const pinned = rows.filter((r) => r.where <= 3);
    expect(parsed.collection.features.map((f) => f.properties?.id)).toEqual(pinned.map((r) => String(900000 + r.row - 2)));
    expect(parsed.collection.features.map((f) => f.properties?.uncertainty_km)).toEqual(pinned.map((r) => ({ 1: 1, 2: 25, 3: 60 })[r.where]));
  });

  test('events located only to a province, part of the country, the country or international waters are skipped, each row named with why', () => {
    const skipped = rows.filter((r) => r.where >= 4);
    expect(parsed.skipped).toBe(skipped.length);
    const why = { 4: 'provinceOnly', 5: 'regionOnly', 6: 'countryOnly', 7: 'watersOnly' } as Record<number, string>;
    // One problem per level, naming its rows (up to ten), in the order the levels first appear.
    expect(parsed.problems.map((p) => [(p.values.problem as { key: string }).key, p.values.count, p.values.rows])).toEqual(
      [4, 5, 6, 7].map((level) => {
        const at = skipped.filter((r) => r.where === level).map((r) => r.row);
        return [why[level], at.length, at];
      }),
    );
    expect(parsed.problems[0].text).toBe('ged.csv, 5 rows (5, 12, 19, 26, 33): located only to a province (first-order unit), too wide for a pin.');
  });

  test('dates lose their time of day and carry how precisely they are known', () => {
    const names = { 1: 'day', 2: 'days', 3: 'week', 4: 'month', 5: 'year' } as Record<number, string>;
    const text = fixture('ucdp-ged-sample.csv').split('\n');
    for (const f of parsed.collection.features) {
      const p = f.properties!;
      const i = Number(p.id) - 900000;
      expect(p.date_precision, `row ${i + 2}`).toBe(names[(i % 5) + 1]);
      // Read straight from the file's line: "…,date_start 00:00:00.000,date_end 00:00:00.000,…"
      const [start, end] = [...text[i + 1].matchAll(/(\d{4}-\d{2}-\d{2}) 00:00:00\.000/g)].map((m) => m[1]);
      expect([p.date, p.date_end]).toEqual([start, end]);
    }
  });

  test('the row’s own columns stay as text beside the added fields', () => {
    const first = parsed.collection.features[0].properties!;
    expect(first.source_article).toBe('"Sample article 0", written for strike-map tests');
    expect(first.event_format).toBe('UCDP GED');
    expect(first.where_prec).toBe('1');
  });
});

describe('an ACLED export', () => {
  const parsed = parseCsvPoints('acled.csv', fixture('acled-sample.csv'));

  test('towns and areas near them are pins (2 and 25 km); regions are skipped', () => {
    expect(parsed.format).toBe('ACLED');
    expect(parsed.collection.features.map((f) => f.properties?.uncertainty_km)).toEqual(Array.from({ length: 20 }, (_, k) => [2, 25][k % 2]));
    expect(parsed.skipped).toBe(10);
    // Rows i = 2, 5, 8, …, 29 (geo_precision 3) are file rows 4, 7, …, 31: ten named, no more.
    expect(parsed.problems.map((p) => p.text)).toEqual(['acled.csv, 10 rows (4, 7, 10, 13, 16, 19, 22, 25, 28, 31): located only to a province (first-order unit), too wide for a pin.']);
  });

  test('time precision: a day, a week, a month', () => {
    const precisions = parsed.collection.features.map((f) => f.properties?.date_precision);
    // Kept rows are i % 3 = 0 or 1, with time_precision (i % 3) + 1.
    expect(precisions).toEqual(Array.from({ length: 20 }, (_, k) => ['day', 'week'][k % 2]));
    // A day stays that day; a date known to the week stands for the seven days around it.
    for (const f of parsed.collection.features) {
      const p = f.properties!;
      const at = Date.parse(`${p.event_date}T00:00:00Z`);
      const days = (d: string) => (Date.parse(`${d}T00:00:00Z`) - at) / 86_400_000;
      expect([days(p.date), days(p.date_end)], p.event_date).toEqual(p.date_precision === 'day' ? [0, 0] : [-3, 3]);
    }
  });
});

describe('readEvent: one row', () => {
  test('older ACLED exports write the date in words', () => {
    expect(readEvent('ACLED', { geo_precision: '1', time_precision: '1', event_date: '16 January 2024' })).toMatchObject({ date: '2024-01-16', date_end: '2024-01-16', uncertainty_km: 2 });
  });

  test('a day that does not exist, or no date, is refused with the value it had', () => {
    for (const value of ['2024-02-30', '2024-01-00', '2023-13-01', '2023-00-10', '31 June 2024', '16 Juneish 2024', '0 January 2024', '16 January 2024 12:00', 'on 16 January 2024', 'x2024-01-16', '2024/01/16', '2024-01-16x', 'Sometime 2024', '0050-01-01', '']) {
      const why = readEvent('UCDP GED', { where_prec: '1', date_prec: '1', date_start: value, date_end: '' });
      expect(why, value).toMatchObject({ key: 'badDate', values: { value } });
    }
  });

  test('beyond ten rows of one level, the list ends with an ellipsis; other problems stay one per row', () => {
    const csv = ['where_prec,date_start,side_a,lon,lat', ...Array.from({ length: 12 }, () => '4,2024-01-16,A,63,27'), '1,2024-01-16,A,63,NaN', '1,2024-01-16,A,63,27'].join('\n');
    const parsed = parseCsvPoints('wide.csv', csv);
    expect(parsed.skipped).toBe(13);
    expect(parsed.problems.map((p) => p.text)).toEqual([
      'wide.csv, row 14: coordinates must be numbers (found NaN or text).',
      'wide.csv, 12 rows (2, 3, 4, 5, 6, 7, 8, 9, 10, 11, …): located only to a province (first-order unit), too wide for a pin.',
    ]);
    // Ten rows are all named: no ellipsis.
    const ten = parseCsvPoints('ten.csv', ['where_prec,date_start,side_a,lon,lat', ...Array.from({ length: 10 }, () => '4,2024-01-16,A,63,27'), '1,2024-01-16,A,63,27'].join('\n'));
    expect(ten.problems.map((p) => p.text)).toEqual(['ten.csv, 10 rows (2, 3, 4, 5, 6, 7, 8, 9, 10, 11): located only to a province (first-order unit), too wide for a pin.']);
  });

  test('a precision code outside the codebook is refused, listing the codes', () => {
    expect(readEvent('UCDP GED', { where_prec: '9', date_start: '2024-01-16' })).toMatchObject({ key: 'badPrecision', text: 'the location precision "9" is not one of 1, 2, 3, 4, 5, 6, 7.' });
    expect(readEvent('ACLED', { geo_precision: 'constructor', event_date: '2024-01-16' })).toMatchObject({ key: 'badPrecision', values: { value: 'constructor', codes: '1, 2, 3' } });
  });

  test('without a date precision, a one-day span is a day and a longer one is "days"; an end before the start is the start', () => {
    expect(readEvent('UCDP GED', { where_prec: '1', date_start: '2024-01-16', date_end: '2024-01-16' })).toMatchObject({ date_precision: 'day' });
    expect(readEvent('UCDP GED', { where_prec: '1', date_start: '2024-01-16', date_end: '2024-01-19' })).toMatchObject({ date_precision: 'days', date_end: '2024-01-19' });
    expect(readEvent('UCDP GED', { where_prec: '1', date_start: '2024-01-16', date_end: '2024-01-10' })).toMatchObject({ date_end: '2024-01-16' });
  });

  test('one date known only to the month or year stands for the whole calendar month or year', () => {
    const acled = (time_precision: string, event_date: string) => readEvent('ACLED', { geo_precision: '1', time_precision, event_date });
    expect(acled('3', '2024-02-10')).toMatchObject({ date: '2024-02-01', date_end: '2024-02-29', date_precision: 'month' });
    expect(acled('3', '2023-12-31')).toMatchObject({ date: '2023-12-01', date_end: '2023-12-31' });
    expect(acled('2', '2024-01-01')).toMatchObject({ date: '2023-12-29', date_end: '2024-01-04', date_precision: 'week' });
    expect(readEvent('UCDP GED', { where_prec: '1', date_prec: '5', date_start: '2019-06-01', date_end: '2019-06-01' })).toMatchObject({ date: '2019-01-01', date_end: '2019-12-31', date_precision: 'year' });
    // A span the file gives is kept as it is.
    expect(readEvent('UCDP GED', { where_prec: '1', date_prec: '4', date_start: '2019-06-10', date_end: '2019-07-09' })).toMatchObject({ date: '2019-06-10', date_end: '2019-07-09' });
  });

  test('the district radius is the median radius of circles as large as the border districts the map draws', () => {
    const districts = JSON.parse(readFileSync(new URL('../../geodata/districts.geojson', import.meta.url), 'utf8')) as FeatureCollection;
    const radii = districts.features.map((f) => Math.sqrt(area(f) / 1e6 / Math.PI)).sort((a, b) => a - b);
    const median = (radii[(radii.length - 1) >> 1] + radii[radii.length >> 1]) / 2;
    expect(Math.abs((LOCATION_PRECISION['UCDP GED'][3] as number) - median)).toBeLessThan(2.5);
  });
});

describe('columnMappingOf: a page author\'s `columns` attribute', () => {
  test('reads each pair, in lower case as the readers match names, the actors as a list', () => {
    expect(columnMappingOf(' date: Seen ; date_end: Until; uncertainty_km: R_km; type: Kind; actors: Who, whom ; place: Town;')).toEqual({
      date: 'seen',
      date_end: 'until',
      uncertainty_km: 'r_km',
      type: 'kind',
      actors: ['who', 'whom'],
      place: 'town',
    });
    expect(columnMappingOf('date: when: exactly')).toEqual({ date: 'when: exactly' }); // a name may hold a colon
    expect(columnMappingOf('date: seen;  ; ')).toEqual({ date: 'seen' }); // nothing between two ";" is no pair
  });

  test.each([
    ['date seen', 'columns: "date seen" is not a pair such as "date: start_date" (pairs apart by ";", actors by ",").'],
    ['date:', 'columns: "date:" is not a pair such as "date: start_date" (pairs apart by ";", actors by ",").'],
    ['date: seen; when: reported', 'columns: "when" is not one of date, date_end, uncertainty_km, type, actors, place.'],
    ['type: kind', 'columns: name the column of dates, as in "date: start_date".'],
  ])('refuses %j, saying why', (text, why) => {
    expect(columnMappingOf(text)).toMatchObject({ text: why });
  });

  test('a column the file lacks is refused by name, the file\'s columns listed, in a CSV and in GeoJSON points alike', () => {
    const csv = 'lon,lat,Seen\n62,27,2020-01-01\n';
    expect(() => parseCsvPoints('a.csv', csv, 'events', { date: 'seen', actors: ['who'] })).toThrow('a.csv: there is no column "who" (the columns are lon, lat, Seen).');
    const points = JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { seen: '2020-01-01' }, geometry: { type: 'Point', coordinates: [62, 27] } }] });
    expect(() => parseUserText('b.geojson', points, undefined, { date: 'first_seen' })).toThrow('b.geojson: there is no column "first_seen" (the columns are seen).');
    expect(parseUserText('b.geojson', points, undefined, { date: 'seen' }).format).toBe('CSV');
  });
});
