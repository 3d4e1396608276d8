/**
 * `npm run mutate` runs the covering tests once per mutant on instrumented (several times slower)
 * code, so vitest.mutate.config.ts sets STRIKE_MAP_MUTATE=1 and the slowest property tests draw
 * fewer random cases there. `npm test` always runs the full numbers.
 */
export const MUTATE = process.env.STRIKE_MAP_MUTATE === '1';

/** `full` random cases normally, `mutate` under `npm run mutate`. */
export const runs = (full: number, mutate: number): number => (MUTATE ? mutate : full);
