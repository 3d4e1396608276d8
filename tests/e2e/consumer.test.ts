/**
 * The package as a consumer gets it: `npm pack` of the library build, installed into a fresh app
 * that builds with Vite, and imported in Node as server rendering does.
 *
 * The packed folder is a copy (package.json, README.md, custom-elements.json and a fresh library
 * build with its types), so the shared tree's dist/ is neither needed nor touched. The consumer
 * installs the tarball with npm (from the local cache where it can) and is built by this repo's
 * Vite CLI, so no second Vite is downloaded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createServer, type Server } from 'node:http';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { canvasColours, launch, mapReady } from './browser.ts';
import { buildLibrary } from '../build-library.ts';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
const vite = join(root, 'node_modules/vite/bin/vite.js');
const tsc = join(root, 'node_modules/typescript/bin/tsc');
const noise = /GPU stall due to ReadPixels|Failed to connect to the bus|favicon\.ico|Lit is in dev mode/;

/** A child's environment without Vitest's NODE_ENV=test (which would give development builds). */
const env = { ...process.env, NODE_ENV: 'production' };

interface PackResult {
  filename: string;
  files: { path: string }[];
}

let dir: string;
let consumer: string;
let packed: PackResult;
let server: Server;
let origin: string;
let browser: Browser;
const notFound: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'strike-map-consumer-'));
  const pkg = join(dir, 'package');
  mkdirSync(pkg);
  for (const file of ['package.json', 'README.md', 'custom-elements.json']) cpSync(join(root, file), join(pkg, file));

  // `npm run build:lib`, `build:types` and `manifest`, into the copy.
  const lib = join(pkg, 'dist/lib');
  await buildLibrary(lib);
  // Declarations are emitted even if some unrelated file fails to type-check (`npm run typecheck` reports that).
  await run(process.execPath, [tsc, '-p', 'tsconfig.lib.json', '--outDir', join(lib, 'types')], { cwd: root }).catch(() => undefined);
  cpSync(join(root, 'custom-elements.json'), join(lib, 'custom-elements.json'));

  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', dir], { cwd: pkg, env });
  packed = (JSON.parse(stdout) as PackResult[])[0];

  // The consumer app.
  consumer = join(dir, 'app');
  mkdirSync(join(consumer, 'src'), { recursive: true });
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module', dependencies: { 'strike-map': `file:${join(dir, packed.filename)}` } }, null, 2));
  writeFileSync(
    join(consumer, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'bundler', lib: ['ES2022', 'DOM', 'DOM.Iterable'], strict: true, noEmit: true, skipLibCheck: true, types: [] },
      include: ['src'],
    }),
  );
  writeFileSync(
    join(consumer, 'index.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>consumer</title><link rel="icon" href="data:,">' +
      '<script type="module" src="/src/main.ts"></script></head>' +
      '<body><strike-map style="display:block;width:900px;--strike-map-height:600px"></strike-map></body></html>',
  );
  writeFileSync(
    join(consumer, 'src/main.ts'),
    [
      "import 'strike-map';",
      "import type { StrikeMap } from 'strike-map';",
      "import { formatDistance } from 'strike-map/geo';",
      "const el = document.querySelector('strike-map') as StrikeMap;",
      "(window as unknown as { consumer: unknown }).consumer = { ready: el.ready.then(() => 'ready'), text: formatDistance(25, 'km') };",
      '',
    ].join('\n'),
  );
  // What a server-rendering build sees: everything bundled (`ssr.noExternal`), then run by node.
  writeFileSync(
    join(consumer, 'src/server.ts'),
    [
      "import { StrikeMap } from 'strike-map';",
      "import { formatDistance } from 'strike-map/geo';",
      "export const render = () => JSON.stringify({ element: typeof StrikeMap, text: formatDistance(12.345, 'km'), customElements: 'customElements' in globalThis });",
      '',
    ].join('\n'),
  );
  writeFileSync(join(consumer, 'vite.ssr.config.js'), "export default { ssr: { noExternal: true }, build: { ssr: 'src/server.ts', outDir: 'dist-ssr' } };\n");

  await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: consumer, env });
  await run(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: consumer, env });

  const out = join(consumer, 'dist');
  const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.json': 'application/json', '.geojson': 'application/geo+json' };
  server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url!, 'http://x').pathname));
    const file = join(out, path.endsWith('/') ? `${path}index.html` : path);
    if (!file.startsWith(out) || !existsSync(file) || !statSync(file).isFile()) {
      notFound.push(path);
      response.writeHead(404).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  browser = await launch();
}, 600_000); // a library build, declarations, npm pack, npm install and a Vite build on a busy 2-core machine

afterAll(async () => {
  await browser?.close();
  await new Promise((done) => (server ? server.close(done) : done(undefined)));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('npm pack', () => {
  it('holds every file the exports point at, the types and the manifest, and no install scripts', () => {
    const files = new Set(packed.files.map((f) => f.path));
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      exports: Record<string, string | Record<string, string>>;
      customElements: string;
      types: string;
      scripts?: Record<string, string>;
    };
    const targets = Object.values(manifest.exports).flatMap((target) => (typeof target === 'string' ? [target] : Object.values(target)));
    for (const target of [...targets, manifest.customElements, manifest.types]) expect(files, target).toContain(target.replace(/^\.\//, ''));
    expect(files).toContain('dist/lib/types/geo/index.d.ts');
    expect([...files].some((f) => /^dist\/lib\/assets\/maplibre-gl-worker-[\w-]+\.mjs$/.test(f))).toBe(true);
    expect([...files].some((f) => /^dist\/lib\/workers\/bands\.worker-[\w-]+\.js$/.test(f))).toBe(true);
    for (const hook of ['preinstall', 'install', 'postinstall', 'prepare', 'prepack', 'postpack']) expect(manifest.scripts?.[hook], hook).toBeUndefined();
  });
});

describe('a Vite app that installs the packed package', () => {
  it('type-checks against the package’s types', async () => {
    await expect(run(process.execPath, [tsc, '-p', '.'], { cwd: consumer })).resolves.toBeDefined();
  });

  it('finds the workers and the data in its own build output: the map draws, bands="25" is drawn by the band worker, nothing fetched elsewhere', async () => {
    const assets = readdirSync(join(consumer, 'dist/assets'));
    expect(assets.some((f) => /^maplibre-gl-worker-[\w-]+\.mjs$/.test(f)), 'MapLibre worker emitted').toBe(true);
    expect(assets.some((f) => /^bands\.worker-[\w-]+\.js$/.test(f)), 'band worker emitted').toBe(true);
    expect(assets.some((f) => /^strike-map\.topo-[\w-]+\.json$/.test(f)), 'geodata emitted').toBe(true);

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const requests: string[] = [];
    const failed: string[] = [];
    const errors: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('response', (response) => response.status() >= 400 && failed.push(`${response.status()} ${response.url()}`));
    page.on('requestfailed', (request) => failed.push(`${request.failure()?.errorText} ${request.url()}`));
    page.on('console', (message) => message.type() === 'error' && !noise.test(message.text()) && errors.push(message.text()));
    page.on('pageerror', (error) => errors.push(error.message));
    await page.addInitScript(() => {
      const w = window as unknown as { __mapErrors: string[] };
      w.__mapErrors = [];
      addEventListener('strike-map-error', (e) => w.__mapErrors.push((e as CustomEvent<{ message: string }>).detail.message));
    });
    await page.goto(`${origin}/`);
    await mapReady(page);
    expect(await page.evaluate(() => (window as unknown as { consumer: { ready: Promise<string> } }).consumer.ready)).toBe('ready');
    expect(await page.evaluate(() => (window as unknown as { consumer: { text: string } }).consumer.text)).toMatch(/25/);

    // The canvas shows a map: many colours along its middle row, read while the frame is drawn.
    const colours = await canvasColours(page);
    expect(colours, 'colours across the middle of the map canvas').toBeGreaterThan(3);

    // Distance bands from the attribute, computed by the band worker from the consumer's build.
    await page.evaluate(() => document.querySelector('strike-map')!.setAttribute('bands', '25'));
    await page.waitForFunction(
      () => {
        const map = (document.querySelector('strike-map') as unknown as { map: import('maplibre-gl').Map }).map;
        return map.querySourceFeatures('bands').some((f) => Number(f.properties.distance_km) === 25) && map.getLayoutProperty('bands-line', 'visibility') === 'visible';
      },
      undefined,
      { timeout: 60_000 },
    );
    const fetched = requests.filter((url) => !url.startsWith('data:')).map((url) => new URL(url));
    expect(fetched.some((url) => /^\/assets\/bands\.worker-[\w-]+\.js$/.test(url.pathname)), 'band worker started').toBe(true);
    expect(fetched.some((url) => /^\/assets\/maplibre-gl-worker-[\w-]+\.mjs$/.test(url.pathname)), 'MapLibre worker started').toBe(true);
    expect(fetched.filter((url) => url.origin !== origin).map(String), 'requests off the consumer’s origin').toEqual([]);
    expect(failed).toEqual([]);
    expect(notFound).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __mapErrors: string[] }).__mapErrors)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});

describe('the installed package in Node (server rendering)', () => {
  it('`import("strike-map")` and `import("strike-map/geo")` resolve and do not throw, and define nothing', async () => {
    const script = `
      const lib = await import('strike-map');
      const geo = await import('strike-map/geo');
      console.log(JSON.stringify({ element: typeof lib.StrikeMap, text: geo.formatDistance(12.345, 'km'), dom: ['customElements', 'HTMLElement', 'document', 'window'].filter((g) => g in globalThis) }));
    `;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: consumer, env });
    expect(JSON.parse(stdout.trim().split('\n').at(-1)!)).toEqual({ element: 'function', text: expect.stringMatching(/12/), dom: [] });
  });

  it('bundled into a server build (`vite build --ssr`, ssr.noExternal) and run by node', async () => {
    await run(process.execPath, [vite, 'build', '-c', 'vite.ssr.config.js', '--logLevel', 'warn'], { cwd: consumer, env });
    const script = "const { render } = await import('./dist-ssr/server.js'); console.log(render());";
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: consumer, env });
    expect(JSON.parse(stdout.trim().split('\n').at(-1)!)).toEqual({ element: 'function', text: expect.stringMatching(/12/), customElements: false });
  }, 120_000);
});
