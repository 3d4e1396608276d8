/** The map and the lists (table, keyboard stepping) must agree on which strikes are shown. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
// MapLibre's own filter evaluator, as the map runs it (maplibre-gl depends on this exact package).
import { featureFilter } from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection, Point } from 'geojson';
import { strikeFilter, strikeShown } from '../../src/map/filters.ts';
import type { StrikeProperties } from '../../src/data/types.ts';

const strikes = JSON.parse(readFileSync(new URL('../../geodata/strikes.geojson', import.meta.url), 'utf8')) as FeatureCollection<Point, StrikeProperties>;
const days = ['2024-01-14', '2024-01-15', '2024-01-16', '2024-01-17', '2024-01-18', '2024-01-29'];

describe('strike filters', () => {
  it('the MapLibre filter and the list predicate agree for every feature and state', () => {
    fc.assert(
      fc.property(fc.option(fc.constantFrom(...days), { nil: null }), fc.boolean(), fc.subarray(['IR', 'PK']), (day, showContext, hiddenAttackers) => {
        const state = { day, showContext, hiddenAttackers };
        const onMap = featureFilter(strikeFilter(state), 'filter');
        for (const f of strikes.features) {
          const mapShows = onMap.filter({ zoom: 5 }, { type: 1, properties: f.properties as never, geometry: [] } as never);
          expect(mapShows, `${f.properties.id} with ${JSON.stringify(state)}`).toBe(strikeShown(f.properties, state));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('shows by default the cross-border strikes only, and hides days not yet reached', () => {
    const shown = (state: Parameters<typeof strikeShown>[1]) => strikes.features.filter((f) => strikeShown(f.properties, state)).map((f) => f.properties.id);
    expect(shown({ day: null, showContext: false })).toEqual(strikes.features.filter((f) => f.properties.category === 'cross-border').map((f) => f.properties.id));
    expect(shown({ day: '2024-01-16', showContext: false })).toEqual(['strike_ir_kohisabz_20240116']);
    expect(shown({ day: null, showContext: true, hiddenAttackers: ['IR'] }).every((id) => !id.startsWith('strike_ir'))).toBe(true);
  });
});
