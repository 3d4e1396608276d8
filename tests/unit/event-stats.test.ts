import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseCsvPoints } from '../../src/data/csv.ts';
import {
  bandCountRows,
  bandCounts,
  binUnitFor,
  dayNumber,
  eventFacts,
  facetCounts,
  isoDay,
  periodStart,
  periodStarts,
  selects,
  timeHistogram,
  yearOf,
  type EventFacts,
  type EventSelection,
} from '../../src/data/event-stats.ts';
import { seededRandom } from '../../scripts/seeded-random.ts';

const event = (over: Partial<EventFacts>): EventFacts => ({ index: 0, start: dayNumber('2024-01-16'), end: dayNumber('2024-01-16'), km: 5, r: 1, side: 'PK', type: 'a', actors: [], ...over });
const all = (over: Partial<EventSelection> = {}): EventSelection => ({ from: -1e6, to: 1e6, types: new Set(), actors: new Set(), ...over });

describe('days', () => {
  test('day numbers count whole days from 1 January 1970 and read back as the same date', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('1970-02-01')).toBe(31);
    expect(dayNumber('2000-03-01') - dayNumber('2000-02-28')).toBe(2); // 2000 was a leap year
    expect(dayNumber('1969-12-31')).toBe(-1);
    for (const iso of ['1989-01-01', '2008-02-29', '2024-01-16', '2024-12-31']) expect(isoDay(dayNumber(iso))).toBe(iso);
  });

  test('periods start on a Monday, the 1st of the month, or 1 January', () => {
    for (let day = dayNumber('2023-12-20'); day <= dayNumber('2024-03-10'); day++) {
      const monday = periodStart(day, 'week');
      expect(new Date(`${isoDay(monday)}T00:00:00Z`).getUTCDay(), isoDay(day)).toBe(1);
      expect(day - monday).toBeGreaterThanOrEqual(0);
      expect(day - monday).toBeLessThan(7);
      expect(isoDay(periodStart(day, 'month'))).toBe(`${isoDay(day).slice(0, 7)}-01`);
      expect(isoDay(periodStart(day, 'year'))).toBe(`${isoDay(day).slice(0, 4)}-01-01`);
      expect(periodStart(day, 'day')).toBe(day);
    }
  });

  test('the periods of a range run without gaps from the one holding its first day to the one holding its last', () => {
    expect(periodStarts(dayNumber('2023-11-15'), dayNumber('2024-02-01'), 'month').map(isoDay)).toEqual(['2023-11-01', '2023-12-01', '2024-01-01', '2024-02-01']);
    expect(periodStarts(dayNumber('2008-06-01'), dayNumber('2010-01-01'), 'year').map(isoDay)).toEqual(['2008-01-01', '2009-01-01', '2010-01-01']);
    expect(periodStarts(dayNumber('2024-01-16'), dayNumber('2024-01-29'), 'week').map(isoDay)).toEqual(['2024-01-15', '2024-01-22', '2024-01-29']);
    expect(periodStarts(dayNumber('2024-01-16'), dayNumber('2024-01-18'), 'day').map(isoDay)).toEqual(['2024-01-16', '2024-01-17', '2024-01-18']);
  });

  test('the histogram counts by day up to 200 days, by week up to 200 weeks, by month up to about 200 months, then by year', () => {
    const from = dayNumber('2000-01-01');
    expect([200, 201, 1400, 1401, 6000, 6001, 20000].map((days) => binUnitFor(from, from + days - 1))).toEqual(['day', 'week', 'week', 'month', 'month', 'year', 'year']);
  });
});

describe('time histogram', () => {
  const starts = periodStarts(dayNumber('2024-01-01'), dayNumber('2024-03-31'), 'month');

  test('an event within one period counts whole there; one spanning periods is spread evenly over them', () => {
    const h = timeHistogram(
      [
        event({ start: dayNumber('2024-01-16'), end: dayNumber('2024-01-16') }),
        event({ start: dayNumber('2024-01-31'), end: dayNumber('2024-01-31') }),
        event({ start: dayNumber('2024-02-01'), end: dayNumber('2024-02-29') }), // known to the month
        event({ start: dayNumber('2024-01-20'), end: dayNumber('2024-03-05') }), // three months
        event({ start: dayNumber('2024-02-25'), end: dayNumber('2024-03-02') }), // a week across two
      ],
      starts,
    );
    expect(h.exact).toEqual([2, 1, 0]);
    expect(h.spread.map((x) => Math.round(x * 1000) / 1000)).toEqual([0.333, 0.833, 0.833]);
    // Nothing lost: every event adds up to one.
    expect(h.exact.concat(h.spread).reduce((a, b) => a + b)).toBeCloseTo(5, 12);
  });
});

describe('selection', () => {
  test('an event is in a period when its dates overlap it, both ends included', () => {
    const e = event({ start: 100, end: 110 });
    expect([
      [90, 99],
      [90, 100],
      [105, 106],
      [110, 120],
      [111, 120],
      [50, 200],
    ].map(([from, to]) => selects(e, all({ from, to })))).toEqual([false, true, true, true, false, true]);
  });

  test('facets: the type must be chosen, and any one actor; no choice means all', () => {
    const e = event({ type: 'Battles', actors: ['A', 'B'] });
    expect(selects(e, all({ types: new Set(['Battles']) }))).toBe(true);
    expect(selects(e, all({ types: new Set(['Riots']) }))).toBe(false);
    expect(selects(e, all({ actors: new Set(['B', 'C']) }))).toBe(true);
    expect(selects(e, all({ actors: new Set(['C']) }))).toBe(false);
    expect(selects(e, all({ types: new Set(['Riots']), actors: new Set(['A']) }), 'types')).toBe(true);
    expect(selects(e, all({ types: new Set(['Battles']), actors: new Set(['C']) }), 'actors')).toBe(true);
    expect(selects(e, all({ from: 0, to: 1, actors: new Set(['C']) }), 'actors')).toBe(false); // the period still counts
  });

  test('facet counts: each value once per event, within the other choices, most frequent first, ties by name', () => {
    const events = [
      event({ type: 't1', actors: ['A', 'B'] }),
      event({ type: 't1', actors: ['B', 'B'] }), // one event with the same actor twice counts once
      event({ type: 't2', actors: ['C'] }),
      event({ type: 't2', actors: ['A'], start: 0, end: 0 }), // outside the period
    ];
    const selection = all({ from: 1000, to: 1e6, types: new Set(['t1']) });
    expect(facetCounts(events, selection, 'actors')).toEqual([
      ['B', 2],
      ['A', 1],
    ]);
    // The type facet's own choice is left out of its counts, so the other types stay choosable.
    expect(facetCounts(events, selection, 'types')).toEqual([
      ['t1', 2],
      ['t2', 1],
    ]);
    expect(facetCounts([event({ actors: ['b'] }), event({ actors: ['a'] })], all(), 'actors')).toEqual([
      ['a', 1],
      ['b', 1],
    ]);
  });
});

describe('distance bands', () => {
  const counts = (events: EventFacts[]) => bandCounts(events, () => 'all').get('all')!;

  test('an event wholly in a band is sure there; one whose distances cross an edge straddles both bands', () => {
    expect(counts([event({ km: 5, r: 1 })])).toEqual({ total: 1, sure: [1, 0, 0, 0], straddling: [0, 0, 0, 0] });
    expect(counts([event({ km: 9, r: 2 })])).toEqual({ total: 1, sure: [0, 0, 0, 0], straddling: [1, 1, 0, 0] });
    // An area reaching across the border (km < r) starts at 0 km.
    expect(counts([event({ km: 30, r: 60 })])).toEqual({ total: 1, sure: [0, 0, 0, 0], straddling: [1, 1, 1, 1] });
    expect(counts([event({ km: 120, r: 60 })])).toEqual({ total: 1, sure: [0, 0, 0, 1], straddling: [0, 0, 0, 0] });
    // Edges belong to the band above them.
    expect(counts([event({ km: 10, r: 0 })]).sure).toEqual([0, 1, 0, 0]);
    expect(counts([event({ km: 5, r: 5 })]).straddling).toEqual([1, 1, 0, 0]);
    expect(counts([event({ km: 5, r: 4.999 })]).sure).toEqual([1, 0, 0, 0]);
  });

  test('random events against interval overlap worked out band by band', () => {
    const random = seededRandom(15);
    const edges = [10, 25, 50];
    const bands = [
      [0, 10],
      [10, 25],
      [25, 50],
      [50, Infinity],
    ];
    const events = Array.from({ length: 2000 }, (_, index) => event({ index, km: random() * 150, r: [1, 2, 25, 60][Math.floor(random() * 4)], side: random() < 0.5 ? 'IR' : 'PK' }));
    const groups = bandCounts(events, (e) => e.side ?? 'none', edges);
    for (const side of ['IR', 'PK']) {
      const mine = events.filter((e) => e.side === side);
      const expected = { total: mine.length, sure: [0, 0, 0, 0], straddling: [0, 0, 0, 0] };
      for (const e of mine) {
        const [lo, hi] = [Math.max(0, e.km - e.r), e.km + e.r];
        const touched = bands.map(([a, b]) => lo < b && hi >= a);
        const n = touched.filter(Boolean).length;
        touched.forEach((t, band) => t && (n === 1 ? expected.sure[band]++ : expected.straddling[band]++));
      }
      expect(groups.get(side)).toEqual(expected);
    }
    expect([...groups.keys()].sort()).toEqual(['IR', 'PK']);
  });

  test('groups by year of the first day, in the order they first appear', () => {
    const events = [event({ start: dayNumber('2019-12-30'), end: dayNumber('2020-01-02') }), event({ start: dayNumber('2018-05-01') }), event({ start: dayNumber('2019-01-01'), km: 40 })];
    const years = bandCounts(events, yearOf);
    expect([...years.keys()]).toEqual(['2019', '2018']);
    expect(years.get('2019')).toEqual({ total: 2, sure: [1, 0, 1, 0], straddling: [0, 0, 0, 0] });
  });
});

describe('an event dataset read as facts', () => {
  test('dates, distances and facets come from the UCDP sample’s own columns', () => {
    const text = readFileSync(new URL('../fixtures/events/ucdp-ged-sample.csv', import.meta.url), 'utf8');
    const { collection } = parseCsvPoints('ged.csv', text);
    const distances = collection.features.map((_, i) => ({ km: i * 3, side: i % 2 ? ('IR' as const) : ('PK' as const) }));
    const facts = eventFacts('UCDP GED', collection.features, distances);
    expect(facts).toHaveLength(collection.features.length);
    collection.features.forEach((f, i) => {
      const p = f.properties!;
      expect(facts[i]).toEqual({ index: i, start: dayNumber(p.date), end: dayNumber(p.date_end), km: i * 3, r: p.uncertainty_km, side: distances[i].side, type: p.type_of_violence, actors: [p.side_a, p.side_b] });
    });
    // A slice: the facts of the features from `from` up to `to`, numbered as in the whole.
    expect(eventFacts('UCDP GED', collection.features, distances, 3, 7)).toEqual(facts.slice(3, 7));
    // Cells stay as the file has them (the map's filter compares them so); blank ones are not actors.
    expect(eventFacts('ACLED', [{ type: 'Feature', geometry: { type: 'Point', coordinates: [63, 27] }, properties: { date: '2024-01-16', date_end: '2024-01-16', uncertainty_km: 2, event_type: ' Battles ', actor1: 'X', actor2: ' ' } }], [{ km: 1, side: null }])[0]).toMatchObject({ type: ' Battles ', actors: ['X'] });
  });
});

describe('the counts as a CSV', () => {
  test('one row per year, side and band, sorted, with the band’s edges and both counts', () => {
    const events = [
      event({ start: dayNumber('2020-03-01'), km: 9, r: 2, side: 'IR' }),
      event({ start: dayNumber('2019-03-01'), km: 60, r: 1, side: null }),
      event({ start: dayNumber('2020-04-01'), km: 5, r: 1, side: 'IR' }),
    ];
    expect(bandCountRows(events)).toEqual([
      ['2019', '', 0, 10, 0, 0],
      ['2019', '', 10, 25, 0, 0],
      ['2019', '', 25, 50, 0, 0],
      ['2019', '', 50, '', 1, 0],
      ['2020', 'IR', 0, 10, 1, 1],
      ['2020', 'IR', 10, 25, 0, 1],
      ['2020', 'IR', 25, 50, 0, 0],
      ['2020', 'IR', 50, '', 0, 0],
    ]);
  });
});
