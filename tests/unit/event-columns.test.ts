/** A CSV of events in no known convention: the columns guessed from its start, and rows read by a mapping. */
import { describe, expect, test } from 'vitest';
import { guessColumns } from '../../src/data/event-columns.ts';
import { parseCsvPoints } from '../../src/data/csv.ts';
import { UNSTATED_UNCERTAINTY_KM, readMappedEvent } from '../../src/data/events.ts';
import { eventFacts } from '../../src/data/event-stats.ts';
import { parseUserText, pointColumns } from '../../src/data/parse-user.ts';
import { generalProblem } from '../../src/data/problems.ts';
import { discPixelsAtZoom0 } from '../../src/geo/shapes.ts';
import { distance } from '@turf/turf';
import type { Feature, Point } from 'geojson';

const csv = (...lines: string[]) => lines.join('\n') + '\n';

describe('guessColumns', () => {
  test('one date column under a date name: sure, with the other columns found by their names', () => {
    const guess = guessColumns(csv('Site,LON,lat,Date,Radius_km,Category,Actor1,Actor2,notes', 'Koh,63.1,26.8,2024-01-16,3,missile,IRGC,,x', 'Saravan,62.3,27.4,2024-01-18,9,drone,PAF,BLF,y'));
    expect(guess).toEqual({
      header: ['site', 'lon', 'lat', 'date', 'radius_km', 'category', 'actor1', 'actor2', 'notes'],
      dateColumns: ['date'],
      numberColumns: ['radius_km'],
      mapping: { date: 'date', uncertainty_km: 'radius_km', type: 'category', actors: ['actor1', 'actor2'], place: 'site' },
      sure: true,
    });
  });

  test('a start and an end column are still sure; the end is mapped', () => {
    const guess = guessColumns(csv('lon,lat,start_date,end_date', '62,27,2024-01-16,2024-01-19'))!;
    expect(guess.mapping).toEqual({ date: 'start_date', date_end: 'end_date' });
    expect(guess.sure).toBe(true);
  });

  test('unsure when two columns hold dates, or the only one has another name; the best guess is preselected', () => {
    const two = guessColumns(csv('lon,lat,reported,happened', '62,27,2024-02-01,2024-01-16'))!;
    expect([two.sure, two.dateColumns, two.mapping.date]).toEqual([false, ['reported', 'happened'], 'reported']);
    const named = guessColumns(csv('lon,lat,reported,date', '62,27,2024-02-01,2024-01-16'))!;
    expect([named.sure, named.mapping.date]).toEqual([false, 'date']);
    const odd = guessColumns(csv('lon,lat,when_seen', '62,27,16 January 2024'))!;
    expect([odd.sure, odd.mapping.date]).toEqual([false, 'when_seen']);
  });

  test('a column is dates when at least 8 of 10 filled cells are; blanks do not count', () => {
    const rows = (dates: string[]) => csv('lon,lat,d', ...dates.map((d) => `62,27,${d}`));
    const eight = ['2024-01-01', '2024-01-02', '2024-01-03', '2024-01-04', '2024-01-05', '2024-01-06', '2024-01-07', '2024-01-08', 'soon', 'later'];
    expect(guessColumns(rows(eight))?.dateColumns).toEqual(['d']);
    expect(guessColumns(rows([...eight.slice(1), 'never']))).toBeNull();
    expect(guessColumns(rows(['2024-01-01', '', '', '']))?.dateColumns).toEqual(['d']);
  });

  test('reads the header as a spreadsheet writes it: a byte-order mark, blank lines first, spaces and capitals in names, an unnamed column', () => {
    const guess = guessColumns('\uFEFF\n\n LON ,Lat, Date ,,Actor,Side_A,Side_B,Type\n62,27,2024-01-16,2024-01-17,a,b,c,t\n');
    expect(guess?.header).toEqual(['lon', 'lat', 'date', '', 'actor', 'side_a', 'side_b', 'type']);
    expect(guess?.mapping).toStrictEqual({ date: 'date', type: 'type', actors: ['actor', 'side_a'] });
    expect(guess?.dateColumns).toEqual(['date']);
    expect(guess?.sure).toBe(true);
  });

  test('only positive numbers make an uncertainty column; the mapping names nothing it did not find', () => {
    const guess = guessColumns(csv('lon,lat,date,radius_km', '62,27,2024-01-16,0', '62,27,2024-01-17,0'))!;
    expect(guess.numberColumns).toEqual([]);
    expect(guess.mapping).toStrictEqual({ date: 'date' });
  });

  test('judges a column by its first 50 rows', () => {
    const rows = [...Array.from({ length: 50 }, (_, i) => `62,27,2024-01-${String((i % 28) + 1).padStart(2, '0')}`), ...Array.from({ length: 30 }, () => '62,27,later')];
    expect(guessColumns(csv('lon,lat,date', ...rows))?.dateColumns).toEqual(['date']);
  });

  test('a one-row start with no line end is judged whole; of a longer one, the cut-off last row is left out', () => {
    expect(guessColumns('lon,lat,date\n62,27,2024-01-16')?.dateColumns).toEqual(['date']);
    expect(guessColumns('lon,lat,d\n1,2,2024-01-01\n1,2,2024-01-02\n1,2,x\n1,2,2024-0')).toBeNull();
  });

  test('no date anywhere (or only in longitude/latitude): a table of points, null', () => {
    expect(guessColumns(csv('name,lon,lat', 'A,62,27'))).toBeNull();
    expect(guessColumns(csv('name,lon,lat'))).toBeNull();
  });

  test('the last row of a cut-off start is not judged; a whole file\'s last row is', () => {
    const start = 'lon,lat,date\n62,27,2024-01-16\n62,27,2024-01-17\n62,27,20';
    expect(guessColumns(start)?.dateColumns).toEqual(['date']);
    expect(guessColumns('lon,lat,date\n62,27,2024-01-16\n62,27,x\n')).toBeNull();
  });
});

describe('readMappedEvent', () => {
  const mapping = { date: 'start', date_end: 'end', uncertainty_km: 'r', type: 'kind', actors: ['a', 'b'], place: 'where' };

  test('dates, span, uncertainty, and the type, actors and place under the panel\'s names', () => {
    expect(readMappedEvent(mapping, { start: '2024-01-16', end: '2024-01-19', r: '12.5', kind: 'strike', a: 'PK', b: 'BLF', where: 'Saravan' })).toEqual({
      event_format: 'CSV', date: '2024-01-16', date_end: '2024-01-19', date_precision: 'days', uncertainty_km: 12.5,
      event_type: 'strike', event_actor1: 'PK', event_actor2: 'BLF', event_place: 'Saravan',
    });
  });

  test('one day when there is no end, or the end is blank; an end before the start is put first', () => {
    expect(readMappedEvent({ date: 'd' }, { d: '2024-01-16' })).toMatchObject({ date: '2024-01-16', date_end: '2024-01-16', date_precision: 'day' });
    expect(readMappedEvent(mapping, { start: '2024-01-16', end: '', r: '1' })).toMatchObject({ date_end: '2024-01-16', date_precision: 'day' });
    expect(readMappedEvent(mapping, { start: '2024-01-19', end: '2024-01-16', r: '1' })).toMatchObject({ date: '2024-01-16', date_end: '2024-01-19' });
  });

  test(`no uncertainty column, or a blank cell: ${UNSTATED_UNCERTAINTY_KM} km`, () => {
    expect(readMappedEvent({ date: 'd' }, { d: '2024-01-16' })).toMatchObject({ uncertainty_km: 1 });
    expect(readMappedEvent(mapping, { start: '2024-01-16', r: ' ' })).toMatchObject({ uncertainty_km: 1 });
  });

  test('a column named like an Object.prototype member is only ever the row\'s own cell', () => {
    const read = readMappedEvent({ date: 'd', type: 'constructor', place: 'tostring' }, { d: '2024-01-16' });
    expect(read).not.toHaveProperty('event_type');
    expect(readMappedEvent({ date: 'constructor' }, {})).toMatchObject({ key: 'badDate', text: 'the date "" is not a date (YYYY-MM-DD).' });
    // GeoJSON: one feature has the odd property, the other inherits nothing from it.
    const parsed = parseUserText('odd.geojson', JSON.stringify({ type: 'FeatureCollection', features: [{ date: '2024-01-16', constructor: 'x' }, { date: '2024-01-17' }].map((properties, i) => ({ type: 'Feature', properties, geometry: { type: 'Point', coordinates: [62 + i, 27] } })) }));
    expect(parsed.collection.features.map((f) => f.properties!.date)).toEqual(['2024-01-16', '2024-01-17']);
  });

  test('a bad date or uncertainty is the row\'s problem, naming the cell', () => {
    expect(readMappedEvent(mapping, { start: '2024-02-30', r: '1' })).toMatchObject({ key: 'badDate', text: 'the date "2024-02-30" is not a date (YYYY-MM-DD).' });
    for (const r of ['0', '-3', 'wide', 'Infinity']) expect(readMappedEvent(mapping, { start: '2024-01-16', r }), r).toMatchObject({ key: 'badUncertainty', text: `the uncertainty "${r}" is not a positive number of km.` });
  });
});

describe('parseCsvPoints with a mapping', () => {
  const file = csv('name,lon,lat,seen,km,who', 'A,62.3,27.4,2024-01-18,9,PAF', 'B,63.1,26.8,bad,3,IRGC', 'C,63.0,26.9,2024-01-16,x,IRGC', 'D,,,2024-01-16,1,X');

  test('reads the rows as CSV events and names the rows it skips and why', () => {
    const parsed = parseCsvPoints('mine.csv', file, 'events', { date: 'seen', uncertainty_km: 'km', actors: ['who'] });
    expect(parsed.format).toBe('CSV');
    expect(parsed.collection.features.map((f) => [f.properties!.name, f.properties!.date, f.properties!.uncertainty_km, f.properties!.event_actor1])).toEqual([['A', '2024-01-18', 9, 'PAF']]);
    expect(parsed.skipped).toBe(3);
    expect(parsed.problems.map((p) => p.text)).toEqual([
      'mine.csv, row 3: the date "bad" is not a date (YYYY-MM-DD).',
      'mine.csv, row 4: the uncertainty "x" is not a positive number of km.',
      expect.stringMatching(/^mine\.csv, row 5: /),
    ]);
  });

  test('the analyst panel reads their type and actors like any dataset\'s', () => {
    const parsed = parseCsvPoints('mine.csv', csv('lon,lat,d,t,a1,a2', '62,27,2024-01-16,strike,IR,', '62,27,2024-01-18,strike,PK,BLF'), 'events', { date: 'd', type: 't', actors: ['a1', 'a2'] });
    const facts = eventFacts('CSV', parsed.collection.features, [{ km: 5, side: 'PK' }, { km: 7, side: 'IR' }]);
    expect(facts.map((f) => [f.type, f.actors, f.r])).toEqual([['strike', ['IR'], 1], ['strike', ['PK', 'BLF'], 1]]);
  });
});

describe('GeoJSON points with dates', () => {
  const point = (lon: number, properties: Record<string, unknown>) => ({ type: 'Feature', properties, geometry: { type: 'Point', coordinates: [lon, 27] } });
  const geojson = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });

  test('are events when a property is plainly the date; the others are found by their names', () => {
    const parsed = parseUserText('sites.geojson', geojson(point(62, { Date: '2024-01-18', radius_km: 9, Place: 'Saravan' }), point(63, { Date: '2024-01-16', radius_km: null, Place: 'Koh' })));
    expect(parsed.format).toBe('CSV');
    expect(parsed.collection.features.map((f) => [f.properties!.date, f.properties!.uncertainty_km, f.properties!.event_place, f.properties!.Place])).toEqual([
      ['2024-01-18', 9, 'Saravan', 'Saravan'],
      ['2024-01-16', UNSTATED_UNCERTAINTY_KM, 'Koh', 'Koh'],
    ]);
    expect(parsed.areas!.features).toHaveLength(2);
  });

  test('a point whose date cannot be read is skipped, naming the feature', () => {
    const parsed = parseUserText('sites.geojson', geojson(point(62, { date: '2024-01-18' }), point(63, { date: '2024-01-17' }), point(64, { date: '2024-01-16' }), point(65, { date: '2024-01-15' }), point(66, { date: 'soon' })));
    expect(parsed.collection.features).toHaveLength(4);
    expect(parsed.skipped).toBe(1);
    expect(parsed.problems.map((p) => p.text)).toEqual(['sites.geojson, feature 4: the date "soon" is not a date (YYYY-MM-DD).']);
  });

  test('blank and missing dates do not count against a date property; the file\'s own problems are kept', () => {
    const parsed = parseUserText('gaps.geojson', geojson(point(62, { date: '2024-01-18' }), point(63, { date: null }), point(64, {}), point(65, { date: '2024-01-16' }), point(66, { date: '2024-01-15' }), { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: ['x', 27] } }));
    expect(parsed.format).toBe('CSV');
    expect(parsed.collection.features.map((f) => f.properties!.date)).toEqual(['2024-01-18', '2024-01-16', '2024-01-15']);
    expect(parsed.skipped).toBe(3);
    expect(parsed.problems.map((p) => p.text)).toEqual([
      expect.stringMatching(/^gaps\.geojson, feature 5: /),
      'gaps.geojson, feature 1: the date "" is not a date (YYYY-MM-DD).',
      'gaps.geojson, feature 2: the date "" is not a date (YYYY-MM-DD).',
    ]);
  });

  test('stay a plain layer without a date, with two dates to choose from, or with any shape other than a point', () => {
    expect(parseUserText('a.geojson', geojson(point(62, { name: 'A' }))).format).toBeUndefined();
    expect(parseUserText('b.geojson', geojson(point(62, { seen: '2024-01-18', filed: '2024-01-19' }))).format).toBeUndefined();
    const line = { type: 'Feature', properties: { date: '2024-01-18' }, geometry: { type: 'LineString', coordinates: [[62, 27], [63, 27]] } };
    expect(parseUserText('c.geojson', geojson(point(62, { date: '2024-01-18' }), line)).format).toBeUndefined();
  });

  test('with two dates, pointColumns offers both (unsure) and the reader\'s choice makes them events', () => {
    const text = geojson(point(62, { Seen: '2024-01-18', filed: '2024-01-19', km: 4 }), point(63, { Seen: '2024-01-16', filed: '2024-01-20', km: 2 }));
    const guess = pointColumns(parseUserText('b.geojson', text).collection)!;
    expect([guess.sure, guess.dateColumns, guess.numberColumns]).toEqual([false, ['seen', 'filed'], ['km']]);
    const parsed = parseUserText('b.geojson', text, undefined, { date: 'filed', uncertainty_km: 'km' });
    expect(parsed.format).toBe('CSV');
    expect(parsed.collection.features.map((f) => [f.properties!.date, f.properties!.uncertainty_km, f.properties!.Seen])).toEqual([
      ['2024-01-19', 4, '2024-01-18'],
      ['2024-01-20', 2, '2024-01-16'],
    ]);
    expect(pointColumns(parseUserText('a.geojson', geojson(point(62, { name: 'A' }))).collection)).toBeNull();
    expect(pointColumns({ type: 'FeatureCollection', features: [] })).toBeNull();
  });

  test('a property that first appears late in the file is a column too, to offer and to read', () => {
    const points = Array.from({ length: 80 }, (_, i) => point(62, i === 70 ? { date: '2024-01-18', Actor: 'Late side' } : { date: '2024-01-18' }));
    const text = geojson(...points);
    expect(pointColumns(JSON.parse(text))!.header).toEqual(['date', 'actor']);
    const parsed = parseUserText('late.geojson', text, undefined, { date: 'date', actors: ['actor'] });
    expect(parsed.collection.features[70].properties!.Actor).toBe('Late side');
    expect(parsed.collection.features).toHaveLength(80);
  });
});

describe('parseUserText: areas of uncertainty, and dense datasets', () => {
  const ucdpLike = (n: number) => csv('lon,lat,date,radius_km', ...Array.from({ length: n }, (_, i) => `${62 + (i % 100) / 100},${26 + Math.floor(i / 100) / 100},2024-01-16,${1 + (i % 5)}`));

  test('under 2,000 events: a geodesic disc of each event\'s radius, sharing the event\'s properties', () => {
    const parsed = parseUserText('few.csv', ucdpLike(1999), 'events', { date: 'date', uncertainty_km: 'radius_km' });
    const areas = parsed.areas!.features;
    expect(areas).toHaveLength(1999);
    for (const i of [0, 777, 1998]) {
      const event = parsed.collection.features[i] as Feature<Point>;
      expect(areas[i].properties).toBe(event.properties);
      for (const vertex of areas[i].geometry.coordinates[0]) expect(distance(event.geometry.coordinates, vertex)).toBeCloseTo(event.properties!.uncertainty_km, 6);
    }
    expect(parsed.collection.features[0].properties).not.toHaveProperty('area_px0');
  });

  test('from 2,000 events: no polygons; each event carries its circle\'s size at zoom 0', () => {
    const parsed = parseUserText('many.csv', ucdpLike(2000), 'events', { date: 'date', uncertainty_km: 'radius_km' });
    expect(parsed.areas).toBeUndefined();
    const event = parsed.collection.features[1234] as Feature<Point>;
    expect(event.properties!.area_px0).toBe(discPixelsAtZoom0(event.properties!.uncertainty_km, event.geometry.coordinates[1]));
  });

  test('a name that only contains ".csv" is not a CSV; an inline layer (a label, not a name) is GeoJSON', () => {
    const point = JSON.stringify({ type: 'Point', coordinates: [62, 27] });
    expect(parseUserText('a.csv.json', point).collection.features).toHaveLength(1);
    expect(parseUserText(generalProblem('inlineLayer'), point).collection.features).toHaveLength(1);
  });
});
