/**
 * Embedding: the examples/ pages of the built site (two maps, strict CSP, declarative layers, twelve
 * maps under the WebGL budget), the library build (dist/lib) copied to another path prefix of
 * another server, and the Custom Elements Manifest checked against the elements' real properties.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createServer, type Server } from 'node:http';
import { execFileSync } from 'node:child_process';
import { readdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, relative, resolve } from 'node:path';
import { launch, mapReady } from './browser.ts';
import { buildLibrary } from '../build-library.ts';
import { buildSnippets, type ViewState } from '../../src/embed/snippets.ts';
import { ucdpSample } from '../fixtures/events/samples.ts';

type MapElement = HTMLElement & { map?: import('maplibre-gl').Map; ready: Promise<void> };

const root = resolve(import.meta.dirname, '../..');
const noise = /GPU stall due to ReadPixels|Failed to connect to the bus|favicon\.ico|Lit is in dev mode/;
const webglTrouble = /webglcontextlost|Too many active WebGL contexts|CONTEXT_LOST_WEBGL/i;
const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; worker-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'";

let browser: Browser;
beforeAll(async () => (browser = await launch()));
afterAll(() => browser?.close());

interface Opened {
  page: Page;
  requests: string[];
  errors: string[];
  warnings: string[];
}

/**
 * Like browser.ts's openPage, but every listener (console warnings too) and an init script that
 * records CSP violations and involuntary WebGL context losses are in place before navigation.
 */
async function open(url: string, viewport = { width: 1280, height: 900 }): Promise<Opened> {
  const page = await browser.newPage({ viewport });
  const requests: string[] = [];
  const errors: string[] = [];
  const warnings: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    const text = message.text();
    if (noise.test(text)) return;
    if (message.type() === 'error') errors.push(text);
    if (message.type() === 'warning' || message.type() === 'error') warnings.push(text);
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: string[]; __lost: string[] };
    w.__violations = [];
    w.__lost = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
    // webglcontextlost neither bubbles nor leaves the shadow root: listen on every canvas that gets a context.
    const getContext = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, ...args: unknown[]) {
      if (!this.dataset.lostWatch) {
        this.dataset.lostWatch = '1';
        // map.remove() loses its context on purpose after taking the canvas out of the page; only a
        // loss while the canvas is still shown is the browser killing it.
        this.addEventListener('webglcontextlost', () => this.isConnected && w.__lost.push(`context lost on a shown canvas`));
      }
      return (getContext as (...a: unknown[]) => RenderingContext | null).apply(this, args);
    } as typeof getContext;
  });
  await page.goto(url);
  return { page, requests, errors, warnings };
}

/** Rendered feature count of `layer` on the map of the element matching `selector`. */
function rendered(page: Page, selector: string, layer: string): Promise<number> {
  return page.evaluate(
    ([sel, id]) => {
      const map = (document.querySelector(sel) as MapElement).map;
      return map?.getLayer(id) ? map.queryRenderedFeatures({ layers: [id] }).length : -1;
    },
    [selector, layer] as const,
  );
}

/** Adds a distance band through the measuring bar: runs the band worker (Turf buffer off the main thread). */
async function addBand(page: Page, km: number): Promise<void> {
  await page.locator('strike-map-measure').getByRole('button', { name: 'Bands', exact: true }).click();
  await page.locator('strike-map-measure input[name="km"]').fill(String(km));
  await page.locator('strike-map-measure').getByRole('button', { name: 'Add', exact: true }).click();
  await page.locator('strike-map-measure .result').getByText(`${km} km band added.`).waitFor({ timeout: 30_000 });
}

function offOrigin(requests: string[], origin: string): string[] {
  return requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:'));
}

describe('examples/two-maps.html', () => {
  it('starts two independent maps, each drawing the border', async () => {
    const base = inject('baseUrl');
    const { page, requests, errors } = await open(`${base}/examples/two-maps.html`);
    for (const id of ['#saravan', '#overview']) {
      await page.locator(id).scrollIntoViewIfNeeded();
      await mapReady(page, id);
      expect(await rendered(page, id, 'border-line'), id).toBeGreaterThan(0);
    }
    const views = await page.evaluate(() =>
      [...document.querySelectorAll<MapElement>('strike-map')].map((el) => ({ zoom: el.map!.getZoom(), theme: el.dataset.theme, canvas: el.map!.getCanvas() })),
    );
    expect(views[0].zoom).toBeCloseTo(7, 5);
    expect(views[0].theme).toBe('dark');
    expect(views[1].zoom).toBeLessThan(7);
    expect(await page.evaluate(() => new Set([...document.querySelectorAll<MapElement>('strike-map')].map((el) => el.map)).size)).toBe(2);
    expect(offOrigin(requests, new URL(base).origin)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('examples/strict-csp.html', () => {
  it('renders under a strict CSP with no violation and no console error', async () => {
    const base = inject('baseUrl');
    const { page, requests, errors } = await open(`${base}/examples/strict-csp.html`);
    await mapReady(page);
    expect(await rendered(page, 'strike-map', 'border-line')).toBeGreaterThan(0);
    expect(await rendered(page, 'strike-map', 'strikes-symbol')).toBeGreaterThan(0);
    await addBand(page, 30); // starts the band worker, so worker-src is exercised by both workers
    expect(requests.some((url) => /maplibre-gl-worker/.test(url)), 'MapLibre worker loaded').toBe(true);
    expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
    expect(requests.some((url) => /bands\.worker/.test(url)), 'band worker loaded').toBe(true);
    expect(errors).toEqual([]);
    expect(offOrigin(requests, new URL(base).origin)).toEqual([]);
    await page.close();
  });

  it('shows a dropped event dataset, its panel and its list, with no violation', async () => {
    const { page, errors } = await open(`${inject('baseUrl')}/examples/strict-csp.html`);
    await mapReady(page);
    await page.evaluate(async (csv) => {
      const el = document.querySelector('strike-map') as unknown as { userData: { addFiles(files: File[]): Promise<void> } };
      await el.userData.addFiles([new File([csv], 'ged.csv')]);
    }, ucdpSample(700));
    const list = () =>
      page.evaluate(() => {
        const root = document.querySelector('strike-map')!.shadowRoot!.querySelector('strike-map-events')?.shadowRoot?.querySelector('strike-event-list')?.shadowRoot;
        const scroller = root?.querySelector<HTMLElement>('.scroller');
        if (!scroller) return null;
        scroller.scrollTop = scroller.scrollHeight / 2; // a spacer above the rows in view, and one below
        const spacers = [...root!.querySelectorAll<HTMLElement>('tr.spacer td')].map((td) => td.getBoundingClientRect().height);
        return { spacers: spacers.length, tall: spacers.every((h) => h > 100) };
      });
    await expect.poll(list, { timeout: 15_000 }).toMatchObject({ spacers: 2, tall: true });
    expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('examples/declarative.html', () => {
  it('draws the declared layers and adds, changes and removes one live', async () => {
    const base = inject('baseUrl');
    const { page, errors } = await open(`${base}/examples/declarative.html`);
    await mapReady(page);
    const ids = await page.evaluate(() =>
      Object.fromEntries([...document.querySelectorAll('strike-map-layer')].map((layer) => [layer.id, (layer as unknown as { layerId: string }).layerId])),
    );
    expect(Object.keys(ids)).toEqual(['crossings', 'route']);
    const drawn = (layer: string, min: number) =>
      page.waitForFunction(
        ([id, n]) => {
          const map = (document.querySelector('strike-map') as MapElement).map!;
          if (!map.getLayer(id)) return false;
          return new Set(map.queryRenderedFeatures({ layers: [id] }).map((f) => JSON.stringify(f.properties))).size >= n;
        },
        [layer, min] as const,
        { timeout: 15_000 },
      );
    await drawn(`${ids.crossings}-circle`, 3); // three crossings from data/crossings.geojson
    await drawn(`${ids.route}-line`, 1); // the inline LineString
    expect(await rendered(page, 'strike-map', 'border-line')).toBeGreaterThan(0);
    expect(await rendered(page, 'strike-map', 'provinces-fill')).toBeGreaterThan(0);

    // Add.
    await page.click('#add-layer');
    const added = await page.waitForFunction(() => (document.getElementById('capitals') as unknown as { layerId?: string } | null)?.layerId);
    const capitals = (await added.jsonValue()) as string;
    await drawn(`${capitals}-circle`, 2);
    const paint = () =>
      page.evaluate((id) => {
        const map = (document.querySelector('strike-map') as MapElement).map!;
        return { color: map.getPaintProperty(`${id}-circle`, 'circle-color'), label: JSON.stringify(map.getLayoutProperty(`${id}-label`, 'text-field')) };
      }, capitals);
    expect((await paint()).color).toBe('#2b8a3e');

    // Change colour and label.
    await page.click('#change-layer');
    await page.waitForFunction(
      (id) => (document.querySelector('strike-map') as MapElement).map!.getPaintProperty(`${id}-circle`, 'circle-color') === '#e03131',
      capitals,
      { timeout: 10_000 },
    );
    await page.waitForFunction((id) => /name/.test(JSON.stringify((document.querySelector('strike-map') as MapElement).map!.getLayoutProperty(`${id}-label`, 'text-field'))), capitals, {
      timeout: 10_000,
    });
    await drawn(`${capitals}-label`, 2); // "Zahedan" and "Quetta" drawn as labels

    // Remove.
    await page.click('#remove-layer');
    await page.waitForFunction(
      (id) => {
        const map = (document.querySelector('strike-map') as MapElement).map!;
        return !map.getLayer(`${id}-circle`) && !map.getSource(id);
      },
      capitals,
      { timeout: 10_000 },
    );
    // The declared layers stay.
    expect(await rendered(page, 'strike-map', `${ids.crossings}-circle`)).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('examples/many-maps.html', () => {
  it('starts each map as it scrolls into view, keeps at most 6 live, and loses no WebGL context', async () => {
    const base = inject('baseUrl');
    const { page, errors, warnings } = await open(`${base}/examples/many-maps.html`);
    await page.evaluate(() => customElements.whenDefined('strike-map'));
    const count = await page.locator('strike-map').count();
    expect(count).toBe(12);
    // Lazy: maps far below the fold have not been created.
    expect(await page.evaluate(() => (document.querySelectorAll('strike-map')[11] as MapElement).map)).toBeUndefined();

    const liveCounts: number[] = [];
    for (let i = 0; i < count; i++) {
      const selector = `#map-${i + 1}`;
      await page.locator(selector).scrollIntoViewIfNeeded();
      await mapReady(page, selector);
      expect(await rendered(page, selector, 'border-line'), selector).toBeGreaterThan(0);
      liveCounts.push(await page.evaluate(() => [...document.querySelectorAll<MapElement>('strike-map')].filter((el) => el.map !== undefined).length));
    }
    expect(Math.max(...liveCounts), `live maps after each step: ${liveCounts}`).toBeLessThanOrEqual(6);

    // The first maps were released: each shows a snapshot until it returns.
    const released = await page.evaluate(() =>
      [...document.querySelectorAll<MapElement>('strike-map')].filter((el) => !el.map).map((el) => Boolean(el.shadowRoot?.querySelector('img[part="snapshot"]'))),
    );
    expect(released.length).toBeGreaterThanOrEqual(6);
    expect(released.every(Boolean), `snapshot shown by each released map: ${released}`).toBe(true);
    // …and the snapshot is a picture of the map, not a blank canvas.
    const colours = await page.evaluate(async () => {
      const img = [...document.querySelectorAll<MapElement>('strike-map')].find((el) => !el.map)!.shadowRoot!.querySelector<HTMLImageElement>('img[part="snapshot"]')!;
      const bitmap = await createImageBitmap(await (await fetch(img.src)).blob());
      const ctx = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0);
      const row = ctx.getImageData(0, Math.floor(bitmap.height / 2), bitmap.width, 1).data;
      const seen = new Set<number>();
      for (let i = 0; i < row.length; i += 4) seen.add((row[i] << 16) | (row[i + 1] << 8) | row[i + 2]);
      return seen.size;
    });
    expect(colours, 'colours across the middle of a snapshot').toBeGreaterThan(3);

    // Scrolling back brings the first map back.
    await page.locator('#map-1').scrollIntoViewIfNeeded();
    await mapReady(page, '#map-1');
    expect(await rendered(page, '#map-1', 'border-line')).toBeGreaterThan(0);
    expect(await page.evaluate(() => [...document.querySelectorAll<MapElement>('strike-map')].filter((el) => el.map !== undefined).length)).toBeLessThanOrEqual(6);

    expect(warnings.filter((text) => webglTrouble.test(text))).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __lost: string[] }).__lost)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000); // twelve maps created one by one: slow on a busy 2-core machine
});

describe('the library build (dist/lib) on another server under /vendor/strike-map/', () => {
  let dir: string;
  let server: Server;
  let origin: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'strike-map-embed-'));
    const lib = join(dir, 'vendor/strike-map');
    await buildLibrary(lib); // as `npm run build:lib`, into a temp folder instead of dist/lib
    writeFileSync(
      join(dir, 'index.html'),
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>embed</title><link rel="icon" href="data:,">' +
        '<script type="module" src="/vendor/strike-map/strike-map.js"></script></head>' +
        '<body><strike-map></strike-map></body></html>',
    );
    const types: Record<string, string> = {
      '.html': 'text/html; charset=utf-8',
      '.js': 'text/javascript',
      '.mjs': 'text/javascript',
      '.json': 'application/json',
      '.geojson': 'application/geo+json',
    };
    server = createServer((request, response) => {
      const path = normalize(decodeURIComponent(new URL(request.url!, 'http://x').pathname));
      const file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
      if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
        response.writeHead(404).end('not found');
        return;
      }
      const type = types[extname(file)] ?? 'application/octet-stream';
      // The page is served with the strict policy as a real header, so the library is checked under it too.
      response.writeHead(200, { 'content-type': type, ...(type.startsWith('text/html') ? { 'content-security-policy': STRICT_CSP } : {}) });
      response.end(readFileSync(file));
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const address = server.address() as { port: number };
    origin = `http://127.0.0.1:${address.port}`;
  }, 120_000);

  afterAll(async () => {
    await new Promise((done) => server?.close(done));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('starts from strike-map.js with its workers and data found beside it, and nothing fetched elsewhere', async () => {
    const { page, requests, errors } = await open(`${origin}/`);
    await mapReady(page);
    expect(await rendered(page, 'strike-map', 'border-line')).toBeGreaterThan(0);
    expect(await rendered(page, 'strike-map', 'strikes-symbol')).toBeGreaterThan(0);
    const fetched = requests.filter((url) => !url.startsWith('data:')).map((url) => new URL(url));
    expect(fetched.filter((url) => url.origin !== origin)).toEqual([]);
    // Everything but the page itself comes from the library's folder.
    expect(fetched.filter((url) => url.pathname !== '/' && !url.pathname.startsWith('/vendor/strike-map/')).map(String)).toEqual([]);
    expect(fetched.some((url) => /\/vendor\/strike-map\/assets\/maplibre-gl-worker-[\w-]+\.mjs$/.test(url.pathname))).toBe(true);
    expect(fetched.some((url) => /\/vendor\/strike-map\/assets\/strike-map\.topo-[\w-]+\.json$/.test(url.pathname))).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
    expect(errors).toEqual([]);

    // The band worker too resolves beside the library.
    await addBand(page, 40);
    expect(fetched.length).toBeGreaterThan(0);
    const later = requests.filter((url) => !url.startsWith('data:')).map((url) => new URL(url));
    expect(later.some((url) => /^\/vendor\/strike-map\/workers\/bands\.worker-[\w-]+\.js$/.test(url.pathname))).toBe(true);
    expect(later.filter((url) => url.origin !== origin)).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("the share dialog's script-tag snippet, pasted as it is, opens the chosen site and day under the strict CSP", async () => {
    const view: ViewState = { center: [62.7, 27.2], zoom: 7, site: 'strike_pk_haqabad_shamsar_20240118', day: '2024-01-18', lang: 'ur', theme: 'dark', units: 'mi', builtin: 'all', bands: '30:PK' };
    // The snippet points at <site>/lib/strike-map.js; this server keeps the library under /vendor/strike-map/.
    const { script } = buildSnippets(view, `${origin}/`);
    writeFileSync(join(dir, 'snippet.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>snippet</title><link rel="icon" href="data:,"></head><body>${script.replace('/lib/', '/vendor/strike-map/')}</body></html>`);
    const { page, errors } = await open(`${origin}/snippet.html`);
    await mapReady(page);
    const shown = await page.waitForFunction(() => {
      const el = document.querySelector('strike-map')!;
      const card = el.shadowRoot!.querySelector('strike-card') as unknown as { feature?: { properties: { id: string } } } | null;
      const timeline = el.shadowRoot!.querySelector('strike-map-timeline') as unknown as { day: string | null };
      return card?.feature && { site: card.feature.properties.id, day: timeline.day, dir: el.shadowRoot!.querySelector('.frame')!.getAttribute('dir'), theme: el.shadowRoot!.querySelector('.frame')!.getAttribute('data-theme') };
    });
    expect(await shown.jsonValue()).toEqual({ site: view.site, day: view.day, dir: 'rtl', theme: 'dark' });
    expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('geo.js loads on its own in Node and measures a distance', async () => {
    const lib = join(dir, 'vendor/strike-map');
    const geo = (await import(join(lib, 'geo.js'))) as typeof import('../../src/geo/index.ts');
    expect(geo.formatDistance(12.345, 'km')).toMatch(/12/);
    expect(typeof geo.BorderIndex.fromGeoJSON).toBe('function');
  });

  it('custom-elements.json is current and lists every attribute and event of the elements', async () => {
    const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8')) as Manifest;
    // Current: the analyzer run now gives the committed file.
    const fresh = join(dir, 'manifest');
    mkdirSync(fresh, { recursive: true });
    execFileSync(process.execPath, [join(root, 'node_modules/@custom-elements-manifest/analyzer/cem.js'), 'analyze', '--config', 'custom-elements-manifest.config.mjs', '--outdir', relative(root, fresh)], {
      cwd: root,
      stdio: 'pipe',
    });
    expect(JSON.parse(readFileSync(join(fresh, 'custom-elements.json'), 'utf8')), 'custom-elements.json is stale: run `npm run manifest`').toEqual(manifest);

    const elements = new Map<string, { attributes: string[]; events: string[] }>();
    for (const mod of manifest.modules) {
      for (const d of mod.declarations ?? []) {
        if (d.customElement && d.tagName) elements.set(d.tagName, { attributes: (d.attributes ?? []).map((a) => a.name).sort(), events: (d.events ?? []).map((e) => e.name).sort() });
      }
    }
    expect(elements.get('strike-map')?.attributes).toEqual(expect.arrayContaining(['basemap', 'builtin', 'center', 'hash', 'theme', 'units', 'zoom']));
    expect(elements.get('strike-map')?.events).toEqual(expect.arrayContaining(['strike-map-error', 'strike-map-measure', 'strike-map-ready', 'strike-map-select']));
    expect(elements.get('strike-map-layer')?.attributes).toEqual(expect.arrayContaining(['color', 'label', 'name', 'src']));

    // Against the real elements: every property Lit observes as an attribute. The cards, the
    // table, the locator inset, the analyst panel, the column dialog and <strike-map-layer> (with the page's-own-data
    // controller) are defined by chunks loaded later, so load those chunks first.
    const { page } = await open(`${origin}/`);
    const lazy = readdirSync(join(dir, 'vendor/strike-map/chunks'))
      .filter((name) => /^(strike-card|feature-card|strike-map-table|strike-map-inset|strike-map-events|strike-event-columns|user-data-controller)-[\w-]+\.js$/.test(name))
      .map((name) => `/vendor/strike-map/chunks/${name}`);
    expect(lazy).toHaveLength(7);
    // A string, so the test runner does not rewrite import() for Node.
    await page.evaluate(`Promise.all(${JSON.stringify(lazy)}.map((url) => import(url)))`);
    const real = await page.evaluate(async (tags) => {
      await customElements.whenDefined('strike-map');
      const out: Record<string, string[] | null> = {};
      for (const tag of tags) {
        const ctor = customElements.get(tag) as unknown as { elementProperties?: Map<string, { attribute?: boolean | string; state?: boolean }> } | undefined;
        if (!ctor?.elementProperties) {
          out[tag] = null;
          continue;
        }
        out[tag] = [...ctor.elementProperties]
          .filter(([, options]) => options.attribute !== false && !options.state)
          .map(([key, options]) => (typeof options.attribute === 'string' ? options.attribute : String(key).toLowerCase()))
          .sort();
      }
      return out;
    }, [...elements.keys()]);
    for (const [tag, { attributes }] of elements) expect(attributes, `attributes of <${tag}>`).toEqual(real[tag]);
    // …and every defined strike-map element is in the manifest.
    const defined = await page.evaluate(() =>
      ['strike-map', 'strike-map-layer', 'strike-map-legend', 'strike-map-timeline', 'strike-map-table', 'strike-map-measure', 'strike-card', 'strike-feature-card', 'strike-map-inset', 'strike-map-events', 'strike-event-list', 'strike-event-columns'].filter((tag) => customElements.get(tag)),
    );
    expect([...elements.keys()].sort()).toEqual(expect.arrayContaining(defined.sort()));
    await page.close();
  });
});

interface Manifest {
  modules: {
    path: string;
    declarations?: { customElement?: boolean; tagName?: string; attributes?: { name: string }[]; events?: { name: string }[] }[];
  }[];
}
