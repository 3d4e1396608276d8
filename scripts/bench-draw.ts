/**
 * Analyst mode in the browser (issue 15): a 100,000-row UCDP-format file dropped on the built
 * explorer, from the file to the first drawn frame with its events (read, validated and measured in
 * the worker, areas of uncertainty, the analyst panel), against bench/bare.html drawing the same
 * points (with the same properties) from a plain MapLibre GeoJSON source. Both start from the data
 * in memory; alternating runs, medians. Also the longest main-thread task while the explorer loads,
 * the memory the dataset adds to each page, its workers included, and a brush step on the map. Part of `npm run bench`
 * (scripts/bench.ts serves the two builds cross-origin isolated and starts Chromium with
 * ForceEagerMeasureMemory, which performance.measureUserAgentSpecificMemory needs).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { parseUserText } from '../src/data/parse-user.ts';
import { ucdpSample } from '../tests/fixtures/events/samples.ts';

const ROWS = 100_000;
const RUNS = 3;
const LONG_TASK_GOAL_MS = 100;
const BRUSH_GOAL_MS = 50;

/* In-page code as strings: tsx's keepNames would wrap functions in a helper the page lacks. */
const EXPLORER_DRAW = `(async () => {
  const el = document.querySelector('strike-map');
  await el.ready;
  const blob = window.__blob ?? await (await fetch('/events.csv')).blob();
  window.__blob = undefined;
  const tasks = [];
  const observer = new PerformanceObserver((list) => { for (const e of list.getEntries()) tasks.push(e); });
  observer.observe({ type: 'longtask' });
  // For scale: the task of a map frame with nothing new (a long task only if over 50 ms).
  const frames = [];
  for (let i = 0; i < 3; i++) {
    const from = performance.now();
    await new Promise((resolve) => { el.map.once('render', resolve); el.map.triggerRepaint(); });
    await new Promise((resolve) => setTimeout(resolve, 200));
    tasks.push(...observer.takeRecords());
    frames.push(Math.max(0, ...tasks.filter((e) => e.startTime >= from).map((e) => e.duration)));
  }
  tasks.length = 0;
  let drawn = 0;
  const countFrame = () => drawn++;
  el.map.on('render', countFrame);
  const t0 = performance.now();
  await el.userData.addFiles([new File([blob], 'ged.csv')]);
  const loaded = performance.now();
  el.map.off('render', countFrame);
  await new Promise((resolve) => { el.map.once('idle', resolve); el.map.triggerRepaint(); });
  const ms = performance.now() - t0;
  tasks.push(...observer.takeRecords());
  observer.disconnect();
  const longest = (keep) => Math.max(0, ...tasks.filter(keep).map((e) => e.duration));
  frames.sort((a, b) => a - b);
  return { ms, longest: longest((e) => e.startTime < loaded), drawing: longest((e) => e.startTime >= loaded), frame: frames[1], drawn, pins: el.userData.controller.dropped[0]?.collection.features.length ?? 0 };
})()`;

const BARE_DRAW = `(async () => {
  const map = window.__benchMap;
  const text = window.__text ?? await (await fetch('./events.geojson')).text();
  window.__text = undefined;
  let longest = 0;
  const observer = new PerformanceObserver((list) => { for (const e of list.getEntries()) longest = Math.max(longest, e.duration); });
  observer.observe({ type: 'longtask' });
  const t0 = performance.now();
  const data = JSON.parse(text);
  map.addSource('events', { type: 'geojson', data });
  map.addLayer({ id: 'events', type: 'circle', source: 'events', paint: { 'circle-radius': 3, 'circle-color': '#c2255c' } });
  await new Promise((resolve) => map.once('idle', resolve));
  const ms = performance.now() - t0;
  observer.takeRecords().forEach((e) => (longest = Math.max(longest, e.duration)));
  observer.disconnect();
  return { ms, longest, pins: data.features.length };
})()`;

/* The JS memory of the page and its workers (MapLibre's, and the explorer's event worker), in bytes. */
const MEASURE_MEMORY = `(async () => {
  const { breakdown } = await performance.measureUserAgentSpecificMemory();
  const sum = (keep) => breakdown.filter(keep).reduce((total, b) => total + b.bytes, 0);
  const inWorkers = (b) => b.attribution.some((a) => a.scope === 'DedicatedWorkerGlobalScope');
  return { all: sum(() => true), workers: sum(inWorkers) };
})()`;
// Fetched before the first measure, so the data's file or text is not counted as added.
const EXPLORER_FETCH = `(async () => { await document.querySelector('strike-map').ready; window.__blob = await (await fetch('/events.csv')).blob(); })()`;
const BARE_FETCH = `(async () => { window.__text = await (await fetch('./events.geojson')).text(); })()`;
const MEMORY_GOAL_MB = 300;

/*
 * Brushing on the map: the analyst panel's period, a year wide, moved on by two months at a time;
 * each step from select() until the browser has shown a frame with the new period in the panel and
 * the density (drawn by then: it is drawn within select()). Then the brush rests, and the map's pins
 * and areas take the last period: from the last step until the map is idle with it drawn.
 */
const BRUSH_STEPS = 10;
const BRUSH_DROP = `(async () => {
  const el = document.querySelector('strike-map');
  await el.ready;
  await el.userData.addFiles([new File([await (await fetch('/events.csv')).blob()], 'ged.csv')]);
  await new Promise((resolve) => { el.map.once('idle', resolve); el.map.triggerRepaint(); });
})()`;

const BRUSH_STEPS_ON_MAP = `(async () => {
  const el = document.querySelector('strike-map');
  const analysis = el.userData.controller.analysis;
  const start = analysis.selection;
  const steps = [];
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
  for (let k = 0; k < ${BRUSH_STEPS}; k++) {
    const t0 = performance.now();
    analysis.select({ ...start, from: start.from + k * 61, to: start.from + k * 61 + 365 });
    await el.updateComplete;
    await frame();
    steps.push(performance.now() - t0);
  }
  if (!el.map.getCanvasContainer().querySelector('canvas.strike-map-density')) throw new Error('brush: no density drawn');
  const pins = el.userData.controller.dropped[0].layerId + '-circle';
  const last = new Date((start.from + (${BRUSH_STEPS} - 1) * 61) * 86400000).toISOString().slice(0, 10);
  const lastStep = performance.now();
  while (!JSON.stringify(el.map.getFilter(pins) ?? null).includes(last)) await frame();
  await new Promise((resolve) => { el.map.once('idle', resolve); el.map.triggerRepaint(); });
  return { steps, rest: performance.now() - lastStep };
})()`;

// The same map drawn again with nothing changed: what one frame of the dataset costs this renderer.
const REPAINTS = `(async () => {
  const el = document.querySelector('strike-map');
  const repaints = [];
  for (let k = 0; k < ${BRUSH_STEPS}; k++) {
    const t0 = performance.now();
    await new Promise((resolve) => { el.map.once('idle', resolve); el.map.triggerRepaint(); });
    repaints.push(performance.now() - t0);
  }
  return repaints;
})()`;

interface Memory { all: number; workers: number }

interface Measured { ms: number; pins: number; longest?: number; drawing?: number; frame?: number; drawn?: number }

const IS_READY = `!!window.__bench && (window.__bench.ready !== undefined || window.__bench.error !== undefined)`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

/** Writes the two pages' data into their build folders; returns the report's lines. */
export async function benchFirstDraw(browser: Browser, explorer: { dir: string; url: string }, bare: { dir: string; url: string }): Promise<string[]> {
  const text = ucdpSample(ROWS);
  const points = parseUserText('ged.csv', text, 'events').collection;
  await writeFile(join(explorer.dir, 'events.csv'), text);
  await writeFile(join(bare.dir, 'events.geojson'), JSON.stringify(points));
  const runs: { ours: number; plain: number; longest: number; drawing: number; plainLongest: number; frame: number; drawn: number }[] = [];
  for (let k = 0; k < RUNS; k++) {
    const once = async (url: string, code: string) => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      try {
        const page = await context.newPage();
        await page.goto(url);
        if (url.includes('bare')) await page.waitForFunction(IS_READY, undefined, { timeout: 90_000 });
        return (await page.evaluate(code)) as Measured;
      } finally {
        await context.close();
      }
    };
    // Alternate which goes first, so drift in machine load hits both alike.
    const order = k % 2 ? ['bare', 'ours'] : ['ours', 'bare'];
    const result: Record<string, Measured> = {};
    for (const which of order) result[which] = which === 'ours' ? await once(`${explorer.url}/`, EXPLORER_DRAW) : await once(`${bare.url}/bare.html`, BARE_DRAW);
    if (result.ours.pins !== points.features.length || result.bare.pins !== points.features.length) throw new Error(`first draw: ${result.ours.pins} and ${result.bare.pins} pins drawn, expected ${points.features.length}`);
    runs.push({ ours: result.ours.ms, plain: result.bare.ms, longest: result.ours.longest ?? 0, drawing: result.ours.drawing ?? 0, plainLongest: result.bare.longest ?? 0, frame: result.ours.frame ?? 0, drawn: result.ours.drawn ?? 0 });
  }
  const memory = await memoryAdded(browser, `${explorer.url}/`, `${bare.url}/bare.html`);
  const brush = await brushOnMap(browser, `${explorer.url}/`);
  const ours = median(runs.map((r) => r.ours));
  const plain = median(runs.map((r) => r.plain));
  const longest = Math.max(...runs.map((r) => r.longest));
  const plainLongest = Math.max(...runs.map((r) => r.plainLongest));
  const drawing = Math.max(...runs.map((r) => r.drawing));
  const frame = median(runs.map((r) => r.frame));
  const drawn = median(runs.map((r) => r.drawn));
  return [
    `${ROWS.toLocaleString('en')} UCDP-format rows dropped on the built explorer (${points.features.length.toLocaleString('en')} pins), from the file to the first frame with them drawn: **${Math.round(ours)} ms**; the same points (and properties) as a plain MapLibre GeoJSON source on bench/bare.html, from the JSON text to its first frame: **${Math.round(plain)} ms** → **${(ours / plain).toFixed(1)}×** the plain source's time (ours also reads, validates and measures every row and draws areas of uncertainty). Medians of ${RUNS} alternating runs`,
    `longest main-thread task while the explorer read them and handed them to the map (until addFiles settled): **${Math.round(longest)} ms** → ${longest <= LONG_TASK_GOAL_MS ? 'PASS' : 'OVER'} (goal ${LONG_TASK_GOAL_MS} ms); then while MapLibre drew the first frame of them (compiling its shaders for the new layers): **${Math.round(drawing)} ms**; the plain source's longest task (its data handed to MapLibre, then its first frame): **${Math.round(plainLongest)} ms**. The longest of ${RUNS} runs. For scale, one frame of the explorer's map with nothing new takes a task of ${frame ? `**${Math.round(frame)} ms**` : 'under 50 ms'} here (median of 3 × ${RUNS}), and the map drew **${drawn}** frames while the file loaded (median)`,
    `**memory added** by the 100,000 rows once drawn, page and workers (performance.measureUserAgentSpecificMemory, before the drop and after the map is idle): **${mb(memory.ours.all)} MB**, of it ${mb(memory.ours.workers)} MB in workers (the event worker keeps the tiles' index) → ${mb(memory.ours.all) <= MEMORY_GOAL_MB ? 'PASS' : 'OVER'} (goal ${MEMORY_GOAL_MB} MB); the plain MapLibre source: **${mb(memory.bare.all)} MB**, of it ${mb(memory.bare.workers)} MB in MapLibre's worker`,
    `**brush step** (a year-wide period moved by two months, from the panel's select() until the browser shows a frame with the new period in the panel, its statistics and the density over the map; the statistics alone are the Node figure above): **${Math.round(median(brush.steps))} ms**, median of ${brush.steps.length} (slowest ${Math.round(Math.max(...brush.steps))} ms) → ${median(brush.steps) <= BRUSH_GOAL_MS ? 'PASS' : 'OVER'} (goal ${BRUSH_GOAL_MS} ms). A step asks the map for no frame: one frame of the map with the dataset takes **${Math.round(median(brush.repaints))} ms** in this software WebGL (median of ${brush.repaints.length} repaints with nothing changed; ${frame ? `${Math.round(frame)} ms` : 'under 50 ms'} without it). Once the brush rests (300 ms without a step), the pins and areas take the last period: the map is idle with them drawn **${Math.round(brush.rest)} ms** after the last step`,
  ];
}

interface Brush { steps: number[]; rest: number; repaints: number[] }

/** Each step of a brush across 100,000 dropped rows until it is on screen, the map's catching up once it rests, and as many plain repaints as steps (ms). */
async function brushOnMap(browser: Browser, explorerUrl: string): Promise<Brush> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.goto(explorerUrl);
    await page.evaluate(BRUSH_DROP);
    const { steps, rest } = (await page.evaluate(BRUSH_STEPS_ON_MAP)) as { steps: number[]; rest: number };
    return { steps, rest, repaints: (await page.evaluate(REPAINTS)) as number[] };
  } finally {
    await context.close();
  }
}

const mb = (bytes: number) => Math.round(bytes / 2 ** 20);

/** Memory each page gains from the dataset: one run each, the data fetched first and measured from there. */
async function memoryAdded(browser: Browser, explorerUrl: string, bareUrl: string): Promise<{ ours: Memory; bare: Memory }> {
  const once = async (url: string, fetchData: string, draw: string): Promise<Memory> => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const page = await context.newPage();
      await page.goto(url);
      if (url.includes('bare')) await page.waitForFunction(IS_READY, undefined, { timeout: 90_000 });
      if (!(await page.evaluate('crossOriginIsolated'))) throw new Error(`memory: ${url} is not cross-origin isolated, so it cannot measure its memory`);
      await page.evaluate(fetchData);
      const before = (await page.evaluate(MEASURE_MEMORY)) as Memory;
      await page.evaluate(draw);
      const after = (await page.evaluate(MEASURE_MEMORY)) as Memory;
      return { all: after.all - before.all, workers: after.workers - before.workers };
    } finally {
      await context.close();
    }
  };
  return { ours: await once(explorerUrl, EXPLORER_FETCH, EXPLORER_DRAW), bare: await once(bareUrl, BARE_FETCH, BARE_DRAW) };
}
