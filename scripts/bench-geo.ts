/**
 * Benchmark for src/geo: index build, BorderIndex.nearest vs brute-force Turf,
 * 100k-point throughput, and buffer time.
 *
 *   npx tsx scripts/bench-geo.ts
 */
import { pathToFileURL } from 'node:url';
import { buffer, pointToLineDistance, simplify } from '@turf/turf';
import type { Feature, LineString } from 'geojson';
import { BandMaker, bandTolerance, type BandFeature } from '../src/geo/offset-bands.ts';
import { BorderIndex } from '../src/geo/index.ts';
import { SHIPPED_BORDER_PATH, borderLine } from './load-geodata.ts';
import { seededRandom as rng } from './seeded-random.ts';

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

  if (options.buffer !== false) out.push('', ...benchBands(line, index));
  return out;
}

/** Worst |distance − D| (km) over 16 points on every edge of a band, by BorderIndex. */
function worstEdgeError(band: { geometry: BandFeature['geometry'] }, D: number, index: BorderIndex): number {
  const rings = band.geometry.type === 'Polygon' ? band.geometry.coordinates : band.geometry.coordinates.flat();
  let worst = 0;
  for (const ring of rings) {
    for (let i = 0; i + 1 < ring.length; i++) {
      for (let k = 0; k < 16; k++) {
        const t = k / 16;
        const p = [ring[i][0] + (ring[i + 1][0] - ring[i][0]) * t, ring[i][1] + (ring[i + 1][1] - ring[i][1]) * t];
        worst = Math.max(worst, Math.abs(index.nearest(p).km - D));
      }
    }
  }
  return worst;
}

/**
 * The old way, kept only as the baseline: Turf's buffer (JSTS) of the border Douglas–Peucker'd to
 * D/200 first (in degrees, at the most km a degree can be), as the map did before BandMaker.
 */
function turfBand(line: Feature<LineString>, D: number): { geometry: BandFeature['geometry'] } {
  const band = buffer(simplify(line, { tolerance: D / 200 / 111.7 }), D, { units: 'kilometers' });
  if (!band) throw new Error(`Turf buffer returned nothing for ${D} km`);
  return band as { geometry: BandFeature['geometry'] };
}

/**
 * Bands side by side: Turf buffer (JSTS, presimplified to D/200, the old path, kept here only as
 * the baseline) and BandMaker (src/geo/offset-bands.ts), with the worst edge error of each.
 * BENCH_BANDS="1 10 25" picks the distances; Turf at 1 km takes minutes.
 */
function benchBands(line: Feature<LineString>, index: BorderIndex): string[] {
  const distances = (process.env.BENCH_BANDS ?? '10 25 50 100 300').split(/\s+/).map(Number);
  const maker = new BandMaker({ index, line });
  maker.band(20); // warm up
  const m = (km: number) => `${(km * 1000).toFixed(0)} m`;
  const rows = distances.map((D) => {
    let t = performance.now();
    const turf = turfBand(line, D);
    const turfMs = ms(t);
    const runs: number[] = [];
    let band = maker.band(D);
    for (let i = 0; i < 5; i++) {
      t = performance.now();
      band = maker.band(D);
      runs.push(ms(t));
    }
    const newMs = runs.sort((a, b) => a - b)[2];
    return `| ${D} km | ${fmt(turfMs, 0)} ms | ${fmt(newMs, 0)} ms | ${Math.round(turfMs / newMs)}× | ${m(worstEdgeError(turf, D, index))} | ${m(worstEdgeError(band, D, index))} | ${m(bandTolerance(D))} |`;
  });
  return ['Distance bands (shipped border; new time = median of 5):', '', '| D | Turf buffer | BandMaker | ratio | worst edge error, Turf | worst edge error, new | tolerance |', '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |', ...rows];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const l of await benchGeo()) console.log(l);
}
