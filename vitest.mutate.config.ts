/**
 * The Vitest set StrykerJS runs against each mutant (`npm run mutate`): the unit tests of src/geo
 * and src/data, in Node. Left out, and why:
 *   - unit tests of other parts (src/map, the components' structure): they do not run this code;
 *   - browser and e2e projects: a Chromium per mutant is far too slow on two cores;
 *   - tests/unit/geodata*.test.ts: they check the data build (scripts/, geodata/), not these modules;
 *   - tests/unit/geo-ellipsoid.test.ts: compares Turf with GeographicLib, runs no src code.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    // Listed by name, so tests of other parts (src/map, components, scripts) never gate this run.
    include: ['tests/unit/{geo-border-index,geo-distance-range,geo-units,geo-band-spec,geo-offset-bands,limits,fetch-json,builtin,prepare,events,event-columns,event-stats,story,csv-export,validate,user-data,fixtures,content-i18n,problems,event-tiles,density-grid}.test.ts'],
    setupFiles: ['tests/unit/mutate-setup.ts'],
    env: { STRIKE_MAP_MUTATE: '1' }, // fewer random cases in the slowest property tests
    testTimeout: 300_000, // instrumented code on a busy machine: a hang detector, not a speed limit
  },
});
