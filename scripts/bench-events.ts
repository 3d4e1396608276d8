/**
 * Analyst mode at 100,000 events (issue 15), in Node: what the worker does with a dropped UCDP GED
 * file (parse and validate, areas of uncertainty, distance to the border and side), what the page
 * does once (the events' facts and the histogram) and at each brush step (selection, band counts by
 * side and by year, facet counts, the list's rows), and the memory the dataset holds. Distances are
 * set against Turf brute force over the same line, run on a sample and scaled. Part of `npm run
 * bench`; alone: `npx tsx scripts/bench-events.ts [rows]`.
 */
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { pointToLineDistance } from '@turf/turf';
import type { Point } from 'geojson';
import { BorderIndex } from '../src/geo/border-index.ts';
import { parseUserText } from '../src/data/parse-user.ts';
import { bandCounts, binUnitFor, eventFacts, facetCounts, periodStarts, selects, timeHistogram, yearOf, type EventSelection } from '../src/data/event-stats.ts';
import { borderLine, provinces } from './load-geodata.ts';
import { ucdpSample } from '../tests/fixtures/events/samples.ts';

const BRUSH_GOAL_MS = 50;
const LOAD_GOAL_MS = 3000;
const MEMORY_GOAL_MB = 300;
const TURF_SAMPLE = 300;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapMb = () => (gc(), gc(), process.memoryUsage().heapUsed / 2 ** 20);
const time = <T>(run: () => T): [T, number] => {
  const t0 = performance.now();
  return [run(), performance.now() - t0];
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const ms = (x: number) => `${Math.round(x)} ms`;

export async function benchEvents(rows = 100_000): Promise<string[]> {
  const line = borderLine();
  const index = BorderIndex.fromGeoJSON({ type: 'FeatureCollection', features: [line] }, provinces());
  const text = ucdpSample(rows);
  const baseline = heapMb();

  const [parsed, parseMs] = time(() => parseUserText('ged.csv', text, 'events'));
  const features = parsed.collection.features;
  const n = features.length;
  const [distances, distanceMs] = time(() =>
    features.map((f) => {
      const at = (f.geometry as Point).coordinates;
      return { km: index.nearest(at).km, side: index.side(at) };
    }),
  );
  const sample = features.filter((_, i) => i % Math.ceil(n / TURF_SAMPLE) === 0);
  const [, turfSampleMs] = time(() => sample.forEach((f) => pointToLineDistance(f.geometry as Point, line, { units: 'kilometers', method: 'geodesic' })));
  const turfMs = (turfSampleMs / sample.length) * n;

  const [facts, factsMs] = time(() => eventFacts('UCDP GED', features, distances));
  const [first, last] = facts.reduce(([a, b], e) => [Math.min(a, e.start), Math.max(b, e.end)], [Infinity, -Infinity]);
  const [, histogramMs] = time(() => timeHistogram(facts, periodStarts(first, last, binUnitFor(first, last))));
  const heldMb = heapMb() - baseline; // the parsed layer, its areas, distances and facts (the text is the file's, kept by the caller)

  // A brush step: a one-year window moved by a month, as a drag does; everything the panel recomputes.
  const byDate = [...facts].sort((a, b) => a.start - b.start);
  const steps: number[] = [];
  for (let k = 0; k < 60; k++) {
    const from = first + k * 30;
    const selection: EventSelection = { from, to: from + 365, types: new Set(), actors: new Set() };
    const [, stepMs] = time(() => {
      const chosen = facts.filter((e) => selects(e, selection));
      bandCounts(chosen, (e) => e.side ?? '');
      bandCounts(chosen, yearOf);
      facetCounts(facts, selection, 'types');
      facetCounts(facts, selection, 'actors');
      byDate.filter((e) => selects(e, selection)); // the list's rows, in date order
    });
    steps.push(stepMs);
  }
  const brushMs = median(steps);
  const loadMs = parseMs + distanceMs + factsMs + histogramMs;
  const verdict = (value: number, goal: number, unit: string) => (value <= goal ? `PASS (goal ${goal} ${unit})` : `OVER (goal ${goal} ${unit})`);
  return [
    `${rows.toLocaleString('en')} UCDP-format rows (${(text.length / 2 ** 20).toFixed(1)} MiB, tests/fixtures/events/samples.ts), ${n.toLocaleString('en')} of them pins (where_prec 1–3)`,
    `parse + validate + areas of uncertainty (worker): ${ms(parseMs)}`,
    `distance to the border and side, BorderIndex (worker): ${ms(distanceMs)}; Turf pointToLineDistance (geodesic) brute force, ${sample.length} events scaled to ${n.toLocaleString('en')}: ${ms(turfMs)} → **${Math.round(turfMs / distanceMs)}× faster**`,
    `facts + histogram (page, once): ${ms(factsMs + histogramMs)}`,
    `**load without drawing: ${ms(loadMs)}** → ${verdict(loadMs, LOAD_GOAL_MS, 'ms, with the first draw; the draw is not measured here')}`,
    `**brush step** (selection, band counts by side and year, both facets, the list's rows), median of ${steps.length}: **${brushMs.toFixed(1)} ms** → ${verdict(brushMs, BRUSH_GOAL_MS, 'ms')}`,
    `**memory held** by the dataset (layer, areas, distances, facts; JS heap after GC): **${Math.round(heldMb)} MB** → ${verdict(heldMb, MEMORY_GOAL_MB, 'MB')}`,
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const line of await benchEvents(Number(process.argv[2]) || undefined)) console.log(`- ${line}`);
}
