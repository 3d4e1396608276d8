/**
 * A seeded pseudo-random generator (mulberry32): the same numbers on every machine, so benchmarks
 * and generated test files are comparable from run to run.
 *
 * @param seed - any 32-bit integer
 * @returns a function giving numbers in [0, 1)
 * @example
 * const rand = seededRandom(20240116); rand(); // the same first number everywhere
 */
export function seededRandom(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
