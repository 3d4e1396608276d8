/**
 * `npm run bench`: geometry speed, bundle budget and start-up time, measured side by side in one
 * run and printed as Markdown tables (paste into README). A report, not a test: nothing fails.
 *
 * 1. Geometry: the lines of scripts/bench-geo.ts.
 * 2. Bundle: a production build of the explorer (the repo's vite.config.ts, with MapLibre split
 *    into its own chunk for measuring only) into bench/dist/explorer; raw and gzip -9 sizes of the
 *    JS loaded at start (static imports followed from the entry chunk) vs lazy chunks, against the
 *    40 KB budget for our own JS; the built-in data downloaded before `ready` against 150 KB.
 * 3. Start-up: navigation → `ready` in headless Chromium, the explorer vs bench/bare.html (bare
 *    MapLibre with the same data, style, icons and bounds), alternating runs, medians, vs 1.2×.
 *    Bytes per language: what an Urdu or Persian reader downloads on top of the English start
 *    (UI fonts, the map's canvas font, the message catalogue chunk and the translated content).
 *    Then the poster: on Slow 4G, the embed page's poster painted and its `ready`, vs bare.html's
 *    first map frame.
 * 4. Analyst mode: scripts/bench-events.ts (a 100,000-row UCDP-format file, in Node) and
 *    scripts/bench-draw.ts (its first draw on the explorer vs a plain MapLibre GeoJSON source).
 * 5. The machine.
 *
 * Progress goes to stderr; the report to stdout.
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { extname, join, normalize, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import os from 'node:os';
import { build, type Rolldown } from 'vite';
import { chromium, type Browser } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './chromium.ts';
import { benchGeo } from './bench-geo.ts';
import { benchEvents } from './bench-events.ts';
import { benchFirstDraw } from './bench-draw.ts';
import { UI_FACES } from '../src/i18n/fonts.ts';
import { CANVAS_FONT } from '../src/map/language.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const EXPLORER_OUT = join(ROOT, 'bench', 'dist', 'explorer');
const BARE_OUT = join(ROOT, 'bench', 'dist', 'bare');

const OWN_JS_BUDGET = 40_000; // bytes gzipped (kB = 1000 B, as in toolchain.md)
const DATA_BUDGET = 150_000;
const STARTUP_GOAL = 1.2;
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const VIEWPORT = { width: 1280, height: 800 };
const DATA_FILES = ['strike-map.topo', 'strikes', 'places', 'settlements', 'timeline'];

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);
const gz = (bytes: Uint8Array | string) => gzipSync(bytes, { level: 9 }).length;
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const msFmt = (x: number) => `${Math.round(x)} ms`;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
/** A Markdown table; `align` has one letter per column, l or r (default: first column l, the rest r). */
const table = (head: string[], rows: (string | number)[][], align = `l${'r'.repeat(head.length - 1)}`) =>
  [`| ${head.join(' | ')} |`, `| ${head.map((_, i) => (align[i] === 'r' ? '---:' : '---')).join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

// ───────────────────────────── 2. bundle ─────────────────────────────

interface Sized {
  file: string;
  raw: number;
  gzip: number;
}

interface BundleReport {
  lines: string[];
  ownStartGzip: number;
}

/** Which package (or "src/…" folder) a module id belongs to, for the breakdown of our own chunk. */
function owner(id: string): string {
  if (id.startsWith('\0vite/modulepreload-polyfill')) return 'vite modulepreload polyfill (page entry only)';
  if (id.startsWith('\0vite/preload-helper')) return 'vite preload helper (for import())';
  if (id.startsWith('\0@oxc-project')) return 'oxc runtime helpers (decorators)';
  const clean = id.replace(/^\0/, '').split('?')[0].split(sep).join('/');
  const nm = clean.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = clean.slice(nm + 'node_modules/'.length).split('/');
    const pkg = rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
    if (pkg === 'maplibre-gl' && id.includes('.css')) return 'maplibre-gl CSS (?inline)';
    if (/^@turf\//.test(pkg)) return '@turf/*';
    if (/^(lit|lit-html|lit-element|@lit\/reactive-element)$/.test(pkg)) return 'lit';
    return pkg;
  }
  const rel = relative(ROOT, clean);
  if (rel.startsWith('..') || !rel) return clean.slice(0, 40) || '(runtime)';
  const parts = rel.split(sep);
  return parts[0] === 'src' ? `src/${parts[1]}/` : parts[0];
}

async function bundle(): Promise<BundleReport> {
  log('building the explorer (repo vite.config.ts + MapLibre split into its own chunk) …');
  const t0 = performance.now();
  const result = await build({
    root: ROOT,
    logLevel: 'warn',
    build: {
      outDir: EXPLORER_OUT,
      emptyOutDir: true,
      manifest: true,
      rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'maplibre', test: /node_modules[\\/]maplibre-gl/ }] } } },
    },
  });
  const buildMs = performance.now() - t0;
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const items = outputs.flatMap((o) => o.output);
  const chunks = items.filter((i): i is Rolldown.OutputChunk => i.type === 'chunk');
  const assets = items.filter((i): i is Rolldown.OutputAsset => i.type === 'asset');
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));

  // Everything the explorer page loads at start: the module scripts and modulepreloads of the
  // built index.html (Vite may hoist the entry into a chunk shared with the example pages, so
  // there need not be an "index" chunk) and their static imports, transitively.
  const html = await readFile(join(EXPLORER_OUT, 'index.html'), 'utf8');
  const tags = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="([^"]+\.js)"/g)].map((m) => m[1].replace(/^\.?\//, ''));
  const start = new Set<string>();
  const queue = tags.filter((f) => byFile.has(f));
  if (!queue.length) throw new Error(`no JS chunk found in ${EXPLORER_OUT}/index.html`);
  while (queue.length) {
    const file = queue.shift()!;
    if (start.has(file)) continue;
    start.add(file);
    queue.push(...(byFile.get(file)?.imports ?? []).filter((f) => byFile.has(f)));
  }
  const size = (file: string, content: string | Uint8Array): Sized => ({ file, raw: Buffer.byteLength(content), gzip: gz(content) });
  const isMaplibreCore = (c: Rolldown.OutputChunk) => c.name === 'maplibre'; // the codeSplitting group above
  const core = chunks.filter(isMaplibreCore).map((c) => size(c.fileName, c.code));
  const workerAsset = assets.filter((a) => /maplibre-gl-worker.*\.m?js$/.test(a.fileName)).map((a) => size(a.fileName, a.source));
  const ownStart = chunks.filter((c) => start.has(c.fileName) && !isMaplibreCore(c));
  const ownStartSized = ownStart.map((c) => size(c.fileName, c.code));
  // Chunks the explorer does not load at start: dynamic import() targets, and entries of the
  // example pages (not part of the explorer at all).
  const lazyChunks = chunks
    .filter((c) => !start.has(c.fileName) && c.isDynamicEntry)
    .map((c) => size(`${c.fileName} (dynamic import)`, c.code));
  const otherPages = chunks.filter((c) => !start.has(c.fileName) && !c.isDynamicEntry).map((c) => size(c.fileName, c.code));
  const lazyAssets = assets
    .filter((a) => /\.m?js$/.test(a.fileName) && !/maplibre-gl-worker/.test(a.fileName))
    .map((a) => size(`${a.fileName} (worker)`, a.source));
  const cssLinks = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*\bhref="([^"]+\.css)"/g)].map((m) => m[1].replace(/^\.?\//, ''));
  const css = assets.filter((a) => cssLinks.includes(a.fileName)).map((a) => size(a.fileName, a.source));

  const sum = (xs: Sized[], k: 'raw' | 'gzip') => xs.reduce((s, x) => s + x[k], 0);
  const ownRaw = sum(ownStartSized, 'raw');
  const ownGzip = sum(ownStartSized, 'gzip');
  const rows: (string | number)[][] = [];
  const group = (label: string, xs: Sized[]) => xs.forEach((x) => rows.push([label, `\`${x.file}\``, kB(x.raw), kB(x.gzip)]));
  group('MapLibre core (start)', core);
  group('MapLibre worker (start)', workerAsset);
  group('own JS at start', ownStartSized);
  group('lazy (not loaded at start)', [...lazyChunks, ...lazyAssets]);
  group('page CSS (start)', css);
  group('other pages (examples/*.html; not the explorer)', otherPages);
  rows.push(['**own JS at start, total**', '', `**${kB(ownRaw)}**`, `**${kB(ownGzip)}**`]);

  // What the own JS at start is made of (per-module rendered code; gzip of each group on its own,
  // so the parts add up to a bit more than the chunk's gzip).
  const parts = new Map<string, string[]>();
  for (const chunk of ownStart) {
    for (const [id, mod] of Object.entries(chunk.modules)) {
      if (!mod.code) continue;
      const key = owner(id);
      parts.set(key, [...(parts.get(key) ?? []), mod.code]);
    }
  }
  const partRows = [...parts]
    .map(([name, codes]) => ({ name, raw: Buffer.byteLength(codes.join('\n')), gzip: gz(codes.join('\n')) }))
    .sort((a, b) => b.gzip - a.gzip)
    .map((p) => [p.name, kB(p.raw), kB(p.gzip), `${Math.round((100 * p.gzip) / ownGzip)} %`]);

  // The built-in data fetched before `ready` (the emitted, hashed copies).
  const dataRows: (string | number)[][] = [];
  let dataGzip = 0;
  let dataRaw = 0;
  for (const name of DATA_FILES) {
    const asset = assets.find((a) => a.fileName.startsWith(`assets/${name}-`));
    const bytes = asset ? asset.source : await readFile(join(ROOT, 'geodata', name === 'timeline' ? 'timeline.json' : `${name}.${name.endsWith('topo') ? 'json' : 'geojson'}`));
    const s = size(asset?.fileName ?? name, bytes);
    dataRaw += s.raw;
    dataGzip += s.gzip;
    dataRows.push([`\`${s.file}\``, kB(s.raw), kB(s.gzip)]);
  }
  dataRows.push(['**total**', `**${kB(dataRaw)}**`, `**${kB(dataGzip)}**`]);

  const languageRows = bytesPerLanguage(chunks, assets, ownGzip);

  const verdict = (value: number, budget: number) =>
    value <= budget ? `PASS (${kB(budget - value)} under)` : `OVER by ${kB(value - budget)} (${Math.round((100 * (value - budget)) / budget)} %)`;
  const lines = [
    `### Bundle (issue 6): production build of the explorer, ${msFmt(buildMs)} build; kB = 1000 B, gzip = zlib level 9`,
    '',
    table(['part', 'file', 'raw', 'gzip'], rows, 'llrr'),
    '',
    `**Own JS at start: ${kB(ownGzip)} gzip vs 40 kB budget → ${verdict(ownGzip, OWN_JS_BUDGET)}**`,
    '',
    'What the own JS at start is made of (each part gzipped on its own):',
    '',
    table(['part', 'raw', 'gzip', 'share'], partRows),
    '',
    'Built-in data downloaded before `ready`:',
    '',
    table(['file', 'raw', 'gzip'], dataRows),
    '',
    `**Data before ready: ${kB(dataGzip)} gzip vs 150 kB budget → ${verdict(dataGzip, DATA_BUDGET)}**`,
    '',
    'Bytes per language: what a reader downloads on top of the English start (WOFF2 is compressed already, so it is served as is; gzip shown for comparison). Urdu and Persian load only when the language is chosen; the canvas font only when the map draws a label:',
    '',
    table(['language', 'what', 'file', 'raw', 'gzip'], languageRows, 'lllrr'),
  ];
  return { lines, ownStartGzip: ownGzip };
}

/**
 * The extra bytes of each language (English: none beyond the start): its UI faces, the map's canvas
 * faces (a file already counted for the UI is not counted twice), its catalogue chunk and its content.
 */
function bytesPerLanguage(chunks: Rolldown.OutputChunk[], assets: Rolldown.OutputAsset[], ownStartGzip: number): (string | number)[][] {
  const rows: (string | number)[][] = [['en', 'own JS at start (every language)', '', '', kB(ownStartGzip)]];
  const emitted = (url: string) => {
    const stem = url.split('/').pop()!.replace(/\.woff2$/, '');
    return assets.find((a) => a.fileName.startsWith(`assets/${stem}-`) && a.fileName.endsWith('.woff2'));
  };
  for (const lang of ['ur', 'fa'] as const) {
    const parts: { what: string; file: string; bytes: string | Uint8Array }[] = [];
    const seen = new Set<string>();
    const font = (what: string, url: string) => {
      const asset = emitted(url);
      if (!asset) return;
      const again = seen.has(asset.fileName);
      seen.add(asset.fileName);
      parts.push(again ? { what: `${what}: the UI's file, not downloaded again`, file: asset.fileName, bytes: '' } : { what, file: asset.fileName, bytes: asset.source });
    };
    UI_FACES[lang].forEach((face) => font(`UI font (${face.family}, ${face.weight})`, face.url));
    CANVAS_FONT[lang].faces.forEach((face, i) => font(i ? 'map font, only for forms the first lacks' : 'map font', face.url));
    for (const c of chunks.filter((c) => c.facadeModuleId?.split(sep).join('/').endsWith(`/src/i18n/${lang}.ts`))) parts.push({ what: 'message catalogue (import())', file: c.fileName, bytes: c.code });
    for (const a of assets.filter((a) => a.fileName.startsWith(`assets/content.${lang}-`))) parts.push({ what: 'translated content (fetched on demand)', file: a.fileName, bytes: a.source });
    const sized = parts.map((p) => ({ ...p, raw: Buffer.byteLength(p.bytes), gzip: p.bytes.length ? gz(p.bytes) : 0 }));
    for (const part of sized) rows.push([lang, part.what, `\`${part.file}\``, kB(part.raw), kB(part.gzip)]);
    const raw = sized.reduce((sum, p) => sum + p.raw, 0);
    const gzip = sized.reduce((sum, p) => sum + p.gzip, 0);
    rows.push([`**${lang}**`, '**extra, total**', '', `**${kB(raw)}**`, `**${kB(gzip)}**`]);
  }
  return rows;
}

async function buildBare(): Promise<void> {
  log('building bench/bare.html …');
  await build({ configFile: join(ROOT, 'bench', 'vite.config.ts'), logLevel: 'warn', build: { outDir: BARE_OUT } });
}

// ───────────────────────────── 3. start-up ─────────────────────────────

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

const ISOLATED = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' };

/**
 * A static file server for bench/dist (no compression, no cache headers: like `vite preview`).
 * Cross-origin isolated, so scripts/bench-draw.ts can measure the pages' memory.
 */
function serve(dir: string): Promise<{ server: Server; url: string }> {
  const server = createServer(async (req, res) => {
    try {
      let path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      if (path.endsWith('/')) path += 'index.html';
      const file = normalize(join(dir, path));
      if (!file.startsWith(dir) || !(await stat(file)).isFile()) throw new Error('not found');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream', 'content-length': body.length, ...ISOLATED });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}` })));
}

interface Run {
  ready: number;
  dcl: number;
  data: number;
  map: number;
  load: number;
  mapSize?: { w: number; h: number };
  gl?: string;
}

type Milestone = 'dcl' | 'data' | 'map' | 'load' | 'ready';
let webglRenderer = '';

/*
 * In-page code is kept as plain JavaScript strings: tsx compiles this file with esbuild's keepNames,
 * which wraps functions in a `__name` helper that does not exist in the page.
 */

/** Set up in every explorer page before its scripts run: marks for map creation, `load` and `ready`. */
const EXPLORER_INIT = `
  const marks = (window.__bench = {});
  document.addEventListener('DOMContentLoaded', () => {
    customElements.whenDefined('strike-map').then(() => {
      const el = document.querySelector('strike-map');
      if (!el) { marks.error = 'no <strike-map> on the page'; return; }
      const root = el.shadowRoot;
      // the map's canvas appears right after \`new Map\` returns; el.map is set in the same task
      const observer = new MutationObserver(() => {
        if (!el.map || marks.map) return;
        marks.map = performance.now();
        el.map.once('load', () => { marks.load = performance.now(); });
        observer.disconnect();
      });
      observer.observe(root, { childList: true, subtree: true });
      el.ready.then(
        () => {
          marks.ready = performance.now();
          const box = root.querySelector('#map').getBoundingClientRect();
          marks.mapSize = { w: Math.round(box.width), h: Math.round(box.height) };
        },
        (error) => { marks.error = error.message; },
      );
    });
  });
`;

const IS_DONE = `!!window.__bench && (window.__bench.ready !== undefined || window.__bench.error !== undefined)`;

/** Reads the marks and the resource timings after \`ready\`. */
const COLLECT = (dataFiles: string[]) => `(() => {
  const m = window.__bench;
  if (m.error) return { error: m.error };
  const dataFiles = ${JSON.stringify(dataFiles)};
  const nav = performance.getEntriesByType('navigation')[0];
  const resources = performance.getEntriesByType('resource');
  const file = (r) => new URL(r.name).pathname.split('/').pop() || '';
  const end = (pick) => Math.max(0, ...resources.filter(pick).map((r) => r.responseEnd));
  return {
    ready: m.ready,
    map: m.map ?? NaN,
    load: m.load ?? NaN,
    mapSize: m.mapSize,
    dcl: nav.domContentLoadedEventEnd,
    gl: (() => {
      const gl = document.createElement('canvas').getContext('webgl2');
      const info = gl && gl.getExtension('WEBGL_debug_renderer_info');
      return info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl ? 'WebGL2' : 'no WebGL2';
    })(),
    data: end((r) => dataFiles.some((d) => file(r).startsWith(d + '-'))),
  };
})()`;

async function measure(browser: Browser, url: string, explorer: boolean): Promise<Run> {
  const context = await browser.newContext({ viewport: VIEWPORT, colorScheme: 'light' });
  try {
    const page = await context.newPage();
    if (explorer) await page.addInitScript({ content: EXPLORER_INIT });
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(IS_DONE, undefined, { timeout: 90_000, polling: 50 });
    const run = (await page.evaluate(COLLECT(DATA_FILES))) as Run & { error?: string };
    if (run.error) throw new Error(`${url}: ${run.error}`);
    return run;
  } finally {
    await context.close();
  }
}

async function startup(browser: Browser, explorerBase: string, bareBase: string): Promise<string[]> {
  const explorerUrl = `${explorerBase}/`;
  log(`warm-up: explorer ${explorerUrl}`);
  const warm = await measure(browser, explorerUrl, true);
  const size = warm.mapSize ?? { w: VIEWPORT.width, h: VIEWPORT.height };
  webglRenderer = warm.gl ?? '';
  const bareUrl = `${bareBase}/bare.html?w=${size.w}&h=${size.h}`;
  log(`warm-up: bare ${bareUrl}`);
  await measure(browser, bareUrl, false);
  const runs: { explorer: Run[]; bare: Run[] } = { explorer: [], bare: [] };
  for (let i = 0; i < RUNS; i++) {
    // Alternate which page goes first, so drift in machine load hits both alike.
    const order: ('explorer' | 'bare')[] = i % 2 ? ['bare', 'explorer'] : ['explorer', 'bare'];
    for (const which of order) {
      const run = await measure(browser, which === 'explorer' ? explorerUrl : bareUrl, which === 'explorer');
      runs[which].push(run);
      log(`run ${i + 1}/${RUNS} ${which.padEnd(8)} ready ${msFmt(run.ready)}`);
    }
  }
  const med = (xs: Run[], k: Milestone) => median(xs.map((r) => r[k]).filter(Number.isFinite));
  const e = runs.explorer;
  const b = runs.bare;
  const ratio = med(e, 'ready') / med(b, 'ready');
  const phaseRows: Milestone[] = ['dcl', 'data', 'map', 'load', 'ready'];
  const names: Record<string, string> = {
    dcl: 'DOMContentLoaded end (start JS downloaded and run)',
    data: 'all 4 data files downloaded (responseEnd)',
    map: 'map created (new Map returned)',
    load: 'map `load`',
    ready: '**`ready`** (load + first idle)',
  };
  const rows = phaseRows.map((k) => {
    const x = med(e, k);
    const y = med(b, k);
    return [names[k], msFmt(x), msFmt(y), `${x - y >= 0 ? '+' : ''}${msFmt(x - y)}`];
  });
  const spread = (xs: Run[]) => `${msFmt(Math.min(...xs.map((r) => r.ready)))}–${msFmt(Math.max(...xs.map((r) => r.ready)))}`;
  // Where the extra time goes: the phase (between two milestones) that grew the most vs bare.
  const steps = phaseRows.map((k, i) => {
    const prev = i ? phaseRows[i - 1] : undefined;
    const d = (xs: Run[]) => med(xs, k) - (prev ? med(xs, prev) : 0);
    return { phase: `${prev ? names[prev].split(' (')[0] : 'navigation'} → ${names[k].split(' (')[0]}`, extra: d(e) - d(b) };
  });
  const worst = steps.reduce((a, c) => (c.extra > a.extra ? c : a));
  const phaseTable = table(['phase', 'explorer − bare (medians)'], steps.map((x) => [x.phase.replace(/\*\*/g, ''), `${x.extra >= 0 ? '+' : ''}${msFmt(x.extra)}`]));
  return [
    `### Start-up (issue 6): navigation → ready, headless Chromium, ${VIEWPORT.width}×${VIEWPORT.height} viewport, map canvas ${size.w}×${size.h} CSS px in both, fresh browser context (cold HTTP cache) per run, 1 warm-up + ${RUNS} alternating runs each, medians`,
    '',
    table(['milestone (ms after navigation start)', 'explorer', 'bare MapLibre', 'difference'], rows),
    '',
    `ready, min–max: explorer ${spread(e)}, bare ${spread(b)}`,
    '',
    `**explorer / bare = ${ratio.toFixed(2)}× vs 1.2× goal → ${ratio <= STARTUP_GOAL ? 'PASS' : `MISSED by ${(ratio - STARTUP_GOAL).toFixed(2)}× (${msFmt(med(e, 'ready') - STARTUP_GOAL * med(b, 'ready'))} over)`}**`,
    '',
    phaseTable,
    '',
    `Phase adding the most time vs bare: ${worst.phase.replace(/\*\*/g, '')} (${worst.extra >= 0 ? '+' : ''}${msFmt(worst.extra)}).`,
  ];
}

// ─────────────────────── 3b. poster on Slow 4G ───────────────────────

const SLOW_RUNS = Number(process.env.BENCH_SLOW_RUNS ?? 3);
/** Chromium DevTools' "Slow 4G": 1.6 Mb/s down, 750 kb/s up, 150 ms latency. */
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: 200_000, uploadThroughput: 93_750 };

/**
 * Marks on the embed page: the poster first painted (Element Timing) and the element's `ready`. The
 * first entry only: Element Timing reports the poster again when page.ts moves it into <strike-map>.
 */
const EMBED_INIT = `
  const marks = (window.__bench = {});
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.identifier === 'poster') marks.poster ??= entry.renderTime || entry.loadTime;
  }).observe({ type: 'element', buffered: true });
  customElements.whenDefined('strike-map').then(() =>
    document.querySelector('strike-map').ready.then(() => { marks.ready = performance.now(); }, (error) => { marks.error = error.message; }),
  );
`;

/** One cold, throttled load; `done` says when the page's marks are complete. */
async function throttled(browser: Browser, url: string, init: string | undefined, done: string): Promise<Record<string, number>> {
  const context = await browser.newContext({ viewport: VIEWPORT, colorScheme: 'light' });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
    if (init) await page.addInitScript({ content: init });
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(done, undefined, { timeout: 300_000, polling: 50 });
    const marks = (await page.evaluate('window.__bench')) as Record<string, number> & { error?: string };
    if (marks.error) throw new Error(`${url}: ${marks.error}`);
    return marks;
  } finally {
    await context.close();
  }
}

async function posterStartup(browser: Browser, explorerBase: string, bareBase: string): Promise<string[]> {
  const embed = { poster: [] as number[], ready: [] as number[] };
  const bare: number[] = [];
  for (let i = 0; i < SLOW_RUNS; i++) {
    const e = await throttled(browser, `${explorerBase}/embed/`, EMBED_INIT, `!!window.__bench && (window.__bench.ready !== undefined || window.__bench.error !== undefined) && window.__bench.poster !== undefined`);
    embed.poster.push(e.poster);
    embed.ready.push(e.ready);
    // bare.html's own marks; its map \`load\` is its first drawn frame
    const b = await throttled(browser, `${bareBase}/bare.html`, undefined, `!!window.__bench && (window.__bench.load !== undefined || window.__bench.error !== undefined)`);
    bare.push(b.load);
    log(`slow 4G run ${i + 1}/${SLOW_RUNS}: embed poster ${msFmt(e.poster)}, ready ${msFmt(e.ready)}; bare first map frame ${msFmt(b.load)}`);
  }
  return [
    `### Poster on Slow 4G (issue 12): Chromium's "Slow 4G" (1.6 Mb/s down, 750 kb/s up, 150 ms), cache disabled, ${VIEWPORT.width}×${VIEWPORT.height}, ${SLOW_RUNS} runs each, medians`,
    '',
    table(['ms after navigation start', 'embed page', 'bare MapLibre'], [
      ['poster painted (Element Timing)', msFmt(median(embed.poster)), '—'],
      ['first map frame (`load`)', '—', msFmt(median(bare))],
      ['`ready`', msFmt(median(embed.ready)), '—'],
    ]),
  ];
}

// ───────────────────────────── main ─────────────────────────────

const started = new Date();
log('geometry (scripts/bench-geo.ts) …');
const geo = process.env.BENCH_GEO === '0' ? ['(skipped: BENCH_GEO=0)'] : await benchGeo();
log('analyst mode at 100,000 events (scripts/bench-events.ts) …');
const events = process.env.BENCH_EVENTS === '0' ? ['(skipped: BENCH_EVENTS=0)'] : await benchEvents();
const { lines: bundleLines } = await bundle();
await buildBare();

const executablePath = chromiumPath();
if (!executablePath || !existsSync(executablePath)) throw new Error('No Chromium found: set CHROMIUM_PATH or apt-get install chromium');
// One server per folder, each at its own root (the explorer is built with base '/').
const explorerServer = await serve(EXPLORER_OUT);
const bareServer = await serve(BARE_OUT);
// Eager, so measureUserAgentSpecificMemory answers at once instead of at the next GC (up to 20 s).
const browser = await chromium.launch({ executablePath, args: [...chromiumArgs, '--enable-blink-features=ForceEagerMeasureMemory'], headless: true });
let startupLines: string[];
let drawLines: string[];
let browserVersion: string;
try {
  browserVersion = browser.version();
  startupLines = await startup(browser, explorerServer.url, bareServer.url);
  startupLines.push('', ...(await posterStartup(browser, explorerServer.url, bareServer.url)));
  log('analyst mode in the browser: first draw of 100,000 events (scripts/bench-draw.ts) …');
  drawLines = process.env.BENCH_EVENTS === '0' ? ['(skipped: BENCH_EVENTS=0)'] : await benchFirstDraw(browser, { dir: EXPLORER_OUT, url: explorerServer.url }, { dir: BARE_OUT, url: bareServer.url });
} finally {
  await browser.close();
  explorerServer.server.close();
  bareServer.server.close();
}

const cpus = os.cpus();
const report = [
  `## Benchmarks (\`npm run bench\`, ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC)`,
  '',
  '### Machine',
  '',
  table(['', ''], [
    ['CPU', `${cpus[0]?.model ?? '?'} × ${cpus.length} cores`],
    ['RAM', `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`],
    ['OS', `${os.type()} ${os.release()} (${os.arch()})`],
    ['Node', process.version],
    ['Chromium', `${browserVersion} (${executablePath}, headless; WebGL: ${webglRenderer})`],
    ['load average at end (1 min)', os.loadavg()[0].toFixed(2)],
    ['date', started.toISOString()],
  ], 'll'),
  '',
  '### Geometry (issue 5): BorderIndex vs brute-force Turf',
  '',
  ...geo.map((l) => `- ${l}`),
  '',
  '### Analyst mode (issue 15): a 100,000-row event dataset, in Node',
  '',
  ...events.map((l) => `- ${l}`),
  '',
  '### Analyst mode (issue 15): the first draw, in Chromium',
  '',
  ...drawLines.map((l) => `- ${l}`),
  '',
  ...bundleLines,
  '',
  ...startupLines,
];
console.log(report.join('\n'));
