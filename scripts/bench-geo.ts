/**
 * Benchmark for src/geo: index build, BorderIndex.nearest vs brute-force Turf,
 * 100k-point throughput, and buffer time.
 *
 *   npx tsx scripts/bench-geo.ts
 */
import { pathToFileURL } from 'node:url';
import { pointToLineDistance } from '@turf/turf';
import type { Feature, LineString } from 'geojson';
import { bufferBands } from '../src/geo/bands.ts';
import { BorderIndex } from '../src/geo/index.ts';
import { SHIPPED_BORDER_PATH, borderLine } from './load-geodata.ts';

/** Deterministic PRNG (mulberry32) so runs are comparable. */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function loadLine(): { line: Feature<LineString>; path: string } {
  return { line: borderLine(SHIPPED_BORDER_PATH), path: SHIPPED_BORDER_PATH };
}

const ms = (t0: number) => performance.now() - t0;
const fmt = (x: number, d = 3) => x.toFixed(d);

/**
 * Run the benchmark.
 *
 * @param options - `bruteForcePoints`: how many of the 10,000 points to run through Turf (default 1,000: it takes ~60 ms per point on the full line)
 * @returns lines to print
 * @example
 * (await benchGeo()).forEach((l) => console.log(l));
 */
export async function benchGeo(options: { bruteForcePoints?: number; buffer?: boolean } = {}): Promise<string[]> {
  const out: string[] = [];
  const { line, path } = loadLine();
  const n = line.geometry.coordinates.length;
  out.push(`border: ${path} (${n.toLocaleString('en')} vertices)`);

  let t = performance.now();
  let index = new BorderIndex(line);
  for (let i = 0; i < 4; i++) index = new BorderIndex(line); // warm up, keep the last
  t = performance.now();
  index = new BorderIndex(line);
  out.push(`index build: ${fmt(ms(t), 1)} ms`);

  const rand = rng(20240116);
  const pts: [number, number][] = Array.from({ length: 10_000 }, () => [58 + rand() * 10, 23 + rand() * 9]);

  for (const p of pts.slice(0, 500)) index.nearest(p); // JIT warm-up
  t = performance.now();
  let sum = 0;
  for (const p of pts) sum += index.nearest(p).km;
  const perIndex = ms(t) / pts.length;

  const bf = Math.min(pts.length, options.bruteForcePoints ?? 1000);
  t = performance.now();
  let maxDiff = 0;
  for (let i = 0; i < bf; i++) {
    const d = pointToLineDistance(pts[i], line, { units: 'kilometers', method: 'geodesic' });
    maxDiff = Math.max(maxDiff, Math.abs(d - index.nearest(pts[i]).km));
  }
  const perTurf = ms(t) / bf;
  out.push(`random points: lon 58–68, lat 23–32 (seeded); mean distance ${fmt(sum / pts.length, 1)} km`);
  out.push(`BorderIndex.nearest:            ${fmt(perIndex * 1000, 2)} µs/point (10,000 points)`);
  out.push(`Turf pointToLineDistance (geodesic, brute force): ${fmt(perTurf, 2)} ms/point (${bf === pts.length ? 'all 10,000' : `first ${bf.toLocaleString('en')} of the same 10,000 — Turf is too slow for all`} points)`);
  out.push(`speed-up: ${Math.round(perTurf / perIndex).toLocaleString('en')}× per point; max |index − Turf| = ${(maxDiff * 1e6).toExponential(2)} mm`);

  const many: [number, number][] = Array.from({ length: 100_000 }, () => [58 + rand() * 10, 23 + rand() * 9]);
  t = performance.now();
  for (const p of many) index.nearest(p);
  out.push(`100,000 points with BorderIndex: ${fmt(ms(t), 0)} ms`);

  if (options.buffer !== false) {
    for (const km of [10, 25, 50]) {
      t = performance.now();
      bufferBands(line, [km]);
      out.push(`bufferBands ${km} km: ${fmt(ms(t), 0)} ms (presimplified to D/200)`);
    }
  }
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const l of await benchGeo()) console.log(l);
}
