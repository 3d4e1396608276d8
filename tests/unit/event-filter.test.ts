import { featureFilter } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, test } from 'vitest';
import { eventFilter } from '../../src/map/event-filter.ts';
import { dayNumber, isoDay, selects, type EventFacts, type EventSelection } from '../../src/data/event-stats.ts';
import { seededRandom } from '../../scripts/seeded-random.ts';

describe('the map shows what the statistics count', () => {
  test('MapLibre’s own filter evaluation agrees with selects() on random events and selections, in both formats', () => {
    const random = seededRandom(20240118);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
    const names = ['A', 'B', 'C', ' D ', 'Side A (sample)'];
    const types = ['1', '2', '3', 'Battles', 'Riots'];
    const first = dayNumber('2008-01-01');
    for (const [format, typeColumn, [a, b]] of [
      ['UCDP GED', 'type_of_violence', ['side_a', 'side_b']],
      ['ACLED', 'event_type', ['actor1', 'actor2']],
    ] as const) {
      for (let trial = 0; trial < 300; trial++) {
        const start = first + Math.floor(random() * 6000);
        const end = start + pick([0, 0, 3, 30, 365]);
        const actors = [pick(names), pick([...names, ''])];
        const facts: EventFacts = { index: 0, start, end, km: 1, r: 1, side: 'PK', type: pick(types), actors: actors.filter((x) => x.trim()) };
        const from = first + Math.floor(random() * 6000);
        const selection: EventSelection = {
          from,
          to: from + Math.floor(random() * 3000),
          types: new Set(types.filter(() => random() < 0.3)),
          actors: new Set(names.filter(() => random() < 0.3)),
        };
        const feature = { type: 1 as const, properties: { date: isoDay(start), date_end: isoDay(end), [typeColumn]: facts.type, [a]: actors[0], [b]: actors[1] } };
        const onMap = featureFilter(eventFilter(format, selection), 'layers[0].filter').filter({ zoom: 6 }, feature as never);
        expect(onMap, JSON.stringify({ feature, selection: { ...selection, types: [...selection.types], actors: [...selection.actors] } })).toBe(selects(facts, selection));
      }
    }
  });

  test('a UCDP type code read as a number still matches its text', () => {
    const selection: EventSelection = { from: 0, to: 1e6, types: new Set(['1']), actors: new Set() };
    const filter = featureFilter(eventFilter('UCDP GED', selection), 'layers[0].filter');
    expect(filter.filter({ zoom: 6 }, { type: 1, properties: { date: '2024-01-16', date_end: '2024-01-16', type_of_violence: 1 } } as never)).toBe(true);
    expect(filter.filter({ zoom: 6 }, { type: 1, properties: { date: '2024-01-16', date_end: '2024-01-16', type_of_violence: 2 } } as never)).toBe(false);
  });
});
