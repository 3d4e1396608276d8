/**
 * The embed page in other sites' frames: host pages on one origin, the built embed page on another
 * (the e2e preview server, or servers started here). Heights reach each kind of host (embed.js,
 * AMP, wp-embed with its secret and sandbox, a host under a strict CSP) and follow the page as its
 * parts open; the map draws; hostile parameters are refused with a notice and run nothing.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Frame, Page } from 'playwright-core';
import { createServer, type Server } from 'node:http';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { canvasColours, launch, mapFrame } from './browser.ts';
import { buildLibrary } from '../build-library.ts';

const root = resolve(import.meta.dirname, '../..');
const noise = /GPU stall due to ReadPixels|Failed to connect to the bus|favicon\.ico|Lit is in dev mode/;
const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; worker-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'";
const SITE = 'strike_ir_kohisabz_20240116';
const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };

/** A static file server over `dir`; `headers` adds response headers per file. */
async function serve(dir: string, headers: (file: string) => Record<string, string> = () => ({})): Promise<{ origin: string; server: Server }> {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url!, 'http://x').pathname));
    const file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) return void response.writeHead(404).end('not found');
    response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', ...headers(file) });
    response.end(readFileSync(file));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { origin: `http://127.0.0.1:${(server.address() as { port: number }).port}`, server };
}

let browser: Browser;
let hostDir: string;
let host: { origin: string; server: Server };
/** dist/ again, sending `Access-Control-Allow-Origin: *`, as a sandboxed (opaque-origin) frame needs. */
let corsEmbed: { origin: string; server: Server };
let embedBase: string;

/** Host page files: each page, and its scripts as files (no inline code anywhere). */
function hostPages(embed: string, cors: string): Record<string, string> {
  const page = (body: string, script = '') =>
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host</title><link rel="icon" href="data:,">${script}</head>` +
    `<body><h1>A host page</h1><p>Text before the map.</p>${body}<p>Text after the map.</p></body></html>`;
  const frame = (src: string, extra = '') => `<iframe ${extra} src="${src}" width="100%" height="540" title="Map"></iframe>`;
  return {
    'plain.html': page(
      frame(`${embed}/embed/?site=${SITE}&day=2024-01-16`, 'data-strike-map') + '<iframe id="rogue" src="/rogue.html" width="300" height="60" title="other"></iframe>',
      `<script src="${embed}/embed/embed.js" async></script>`,
    ),
    'rogue.html': page('', '<script src="/rogue.js" defer></script>'),
    // Another frame on the host keeps trying to resize the map's frame.
    'rogue.js': `setInterval(() => parent.postMessage({ type: 'strike-map:resize', height: 3333 }, '*'), 100);`,
    'amp.html': page(frame(`${embed}/embed/`, 'id="amp"'), '<script src="/amp-host.js" defer></script>'),
    // What amp-iframe does with `resizable`: takes the frame's embed-size requests.
    'amp-host.js': `window.__amp = [];
addEventListener('message', (e) => {
  const frame = document.getElementById('amp');
  if (e.source !== frame.contentWindow || !e.data || e.data.sentinel !== 'amp' || e.data.type !== 'embed-size') return;
  window.__amp.push(e.data.height);
  frame.style.height = e.data.height + 'px';
});`,
    'wp.html': page(frame(`${cors}/embed/#?secret=abc123`, 'class="wp-embedded-content" sandbox="allow-scripts" security="restricted" data-secret="abc123"'), '<script src="/wp-host.js" defer></script>'),
    'wp-nocors.html': page(frame(`${embed}/embed/#?secret=abc123`, 'class="wp-embedded-content" sandbox="allow-scripts" security="restricted" data-secret="abc123"'), '<script src="/wp-host.js" defer></script>'),
    // wp-embed.js: checks the secret, clamps to 200–1000 px, and says "ready" to the frame.
    'wp-host.js': `window.__wp = [];
addEventListener('message', (e) => {
  const d = e.data;
  if (!d || !d.secret || /[^a-zA-Z0-9]/.test(d.secret) || d.message !== 'height') return;
  const frame = document.querySelector('iframe[data-secret="' + d.secret + '"]');
  if (!frame || frame.contentWindow !== e.source) return;
  window.__wp.push(d.value);
  frame.height = Math.min(1000, Math.max(200, parseInt(d.value, 10)));
});
const frame = document.querySelector('iframe.wp-embedded-content');
frame.addEventListener('load', () => frame.contentWindow.postMessage({ message: 'ready', secret: frame.dataset.secret }, '*'));`,
    // embed.js from the host's own origin, as script-src 'self' allows (copied in beforeAll).
    'csp.html': page(frame(`${embed}/embed/?day=2024-01-18&theme=dark`, 'data-strike-map'), '<script src="/embed.js" async></script>'),
  };
}

beforeAll(async () => {
  browser = await launch();
  embedBase = inject('baseUrl');
  const dist = join(root, 'dist');
  corsEmbed = await serve(dist, () => ({ 'access-control-allow-origin': '*' }));
  hostDir = mkdtempSync(join(tmpdir(), 'strike-map-hosts-'));
  for (const [name, text] of Object.entries(hostPages(embedBase, corsEmbed.origin))) writeFileSync(join(hostDir, name), text);
  cpSync(join(dist, 'embed/embed.js'), join(hostDir, 'embed.js'));
  host = await serve(hostDir, (file): Record<string, string> => (file.endsWith('csp.html') ? { 'content-security-policy': `${STRICT_CSP}; frame-src ${embedBase}` } : {}));
});

afterAll(async () => {
  await browser?.close();
  for (const s of [host, corsEmbed]) await new Promise((done) => s?.server.close(done));
  if (hostDir) rmSync(hostDir, { recursive: true, force: true });
});

interface Opened {
  page: Page;
  requests: string[];
  errors: string[];
  dialogs: string[];
}

/** A host page with every request, console error and dialog recorded, and CSP violations counted in every frame. */
async function open(url: string, viewport = { width: 1280, height: 900 }): Promise<Opened> {
  const page = await browser.newPage({ viewport });
  const requests: string[] = [];
  const errors: string[] = [];
  const dialogs: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => message.type() === 'error' && !noise.test(message.text()) && errors.push(message.text()));
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('dialog', (dialog) => (dialogs.push(dialog.message()), void dialog.dismiss()));
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(url);
  return { page, requests, errors, dialogs };
}

const contentHeight = (frame: Frame) => frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
const frameHeight = (page: Page, selector: string) => page.evaluate((sel) => document.querySelector(sel)!.clientHeight, selector);

/** Waits until the host's frame is as tall as its content, and returns that height. */
async function settled(page: Page, frame: Frame, selector = 'iframe[data-strike-map]'): Promise<number> {
  await expect.poll(async () => (await frameHeight(page, selector)) - (await contentHeight(frame)), { timeout: 15_000 }).toBe(0);
  return frameHeight(page, selector);
}

describe('a plain host page with embed.js from the embed origin', () => {
  it('draws the map with the site and day from the URL, and the frame follows the table opening and closing', async () => {
    const { page, errors } = await open(`${host.origin}/plain.html`);
    const frame = await mapFrame(page, `${embedBase}/embed/`);
    expect(await canvasColours(frame), 'colours across the map canvas').toBeGreaterThan(3);
    await frame.locator('strike-map strike-card').waitFor({ timeout: 10_000 });
    expect(await frame.evaluate(() => (document.querySelector('strike-map')!.shadowRoot!.querySelector('strike-map-timeline') as unknown as { day: string }).day)).toBe('2024-01-16');

    const closed = await settled(page, frame);
    expect(closed).not.toBe(540); // the snippet's height was replaced by the page's own
    await frame.getByRole('button', { name: 'Table of sites' }).click();
    await frame.locator('strike-map strike-map-table table').waitFor();
    const opened = await settled(page, frame);
    expect(opened - closed, 'the table adds its rows to the frame').toBeGreaterThan(150);
    await frame.getByRole('button', { name: 'Table of sites' }).click();
    expect(await settled(page, frame)).toBe(closed);

    // The other frame's message and the host's own were ignored: the map frame kept its height.
    await page.evaluate(() => window.postMessage({ type: 'strike-map:resize', height: 4000 }, '*'));
    await page.waitForTimeout(300);
    expect(await frameHeight(page, 'iframe[data-strike-map]')).toBe(closed);
    expect(await frameHeight(page, '#rogue')).toBe(60);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('clamps heights posted by the frame and ignores malformed ones', async () => {
    const { page } = await open(`${host.origin}/plain.html`);
    const frame = await mapFrame(page, `${embedBase}/embed/`);
    const natural = await settled(page, frame);
    const post = async (data: unknown) => {
      await frame.evaluate((d) => parent.postMessage(d, '*'), data as never);
      await page.waitForTimeout(150);
      return frameHeight(page, 'iframe[data-strike-map]');
    };
    expect(await post({ type: 'strike-map:resize', height: -40 })).toBe(150);
    expect(await post({ type: 'strike-map:resize', height: 1e9 })).toBe(5000);
    expect(await post({ type: 'strike-map:resize', height: 'NaN' })).toBe(5000);
    expect(await post({ type: 'strike-map:resize' })).toBe(5000);
    expect(await post('strike-map:resize 300')).toBe(5000);
    expect(await post(null)).toBe(5000);
    // …and embed.js's ping brings the frame's true height back.
    await page.evaluate(() => document.querySelector<HTMLIFrameElement>('iframe[data-strike-map]')!.contentWindow!.postMessage({ type: 'strike-map:ping' }, '*'));
    expect(await settled(page, frame)).toBe(natural);
    await page.close();
  });

  it('on a phone: the legend and the table open below the map, and the height settles at each step', async () => {
    const { page, errors } = await open(`${host.origin}/plain.html`, { width: 375, height: 740 });
    const frame = await mapFrame(page, `${embedBase}/embed/`);
    const closed = await settled(page, frame);
    const mapArea = () => frame.evaluate(() => Math.round(document.querySelector('strike-map')!.shadowRoot!.querySelector('.map-area')!.getBoundingClientRect().height));
    expect(await mapArea(), 'the map keeps its height in a frame as tall as its content').toBe(400);
    await page.waitForTimeout(500);
    expect(await frameHeight(page, 'iframe[data-strike-map]'), 'no more resizing once settled').toBe(closed);

    await frame.getByRole('button', { name: 'Legend and timeline' }).click();
    const withPanel = await settled(page, frame);
    expect(withPanel - closed, 'legend and timeline below the map').toBeGreaterThan(200);
    await frame.getByRole('button', { name: 'Table of sites' }).click();
    await frame.locator('strike-map strike-map-table table').waitFor();
    expect(await settled(page, frame)).toBeGreaterThan(withPanel + 150);
    await frame.getByRole('button', { name: 'Legend and timeline' }).click();
    await frame.getByRole('button', { name: 'Table of sites' }).click();
    expect(await settled(page, frame)).toBe(closed);
    expect(await mapArea()).toBe(400);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('an AMP-style host', () => {
  it('gets embed-size messages from the frame and follows them, without embed.js', async () => {
    const { page, errors } = await open(`${host.origin}/amp.html`);
    const frame = await mapFrame(page, `${embedBase}/embed/`);
    const height = await settled(page, frame, '#amp');
    expect(await page.evaluate(() => (window as unknown as { __amp: number[] }).__amp.at(-1))).toBe(height);
    await frame.getByRole('button', { name: 'Table of sites' }).click();
    await frame.locator('strike-map strike-map-table table').waitFor();
    expect(await settled(page, frame, '#amp')).toBeGreaterThan(height + 150);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('a wp-embed-style host (sandboxed frame, #?secret=)', () => {
  it('gets wp-embed height messages with the secret, again on "ready", and the map works in the sandbox when the embed server sends CORS', async () => {
    const { page, errors } = await open(`${host.origin}/wp.html`);
    const frame = await mapFrame(page, `${corsEmbed.origin}/embed/`);
    expect(await frame.evaluate(() => self.origin), 'the sandbox gives the frame an opaque origin').toBe('null');
    expect(await canvasColours(frame)).toBeGreaterThan(3);
    const height = await settled(page, frame, 'iframe.wp-embedded-content');
    expect(await page.evaluate(() => (window as unknown as { __wp: number[] }).__wp.at(-1))).toBe(height);
    // wp-embed says "ready" (with the secret) and gets the height again; with another secret, nothing.
    const resent = (secret: string) =>
      page.evaluate(async (s) => {
        const w = window as unknown as { __wp: number[] };
        w.__wp = [];
        document.querySelector<HTMLIFrameElement>('iframe.wp-embedded-content')!.contentWindow!.postMessage({ message: 'ready', secret: s }, '*');
        await new Promise((done) => setTimeout(done, 300));
        return w.__wp;
      }, secret);
    expect(await resent('abc123')).toEqual([height]);
    expect(await resent('other')).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('stays blank in the sandbox when the embed server sends no CORS header (so WordPress needs the plugin or the header)', async () => {
    const { page } = await open(`${host.origin}/wp-nocors.html`);
    await page.waitForTimeout(4000);
    const frame = page.frames().find((f) => f.url().startsWith(`${embedBase}/embed/`))!;
    expect(await frame.evaluate(() => Boolean(customElements.get('strike-map')))).toBe(false);
    expect(await page.evaluate(() => (window as unknown as { __wp: number[] }).__wp)).toEqual([]);
    await page.close();
  });
});

describe('a host under a strict CSP (script-src \'self\', embed.js served by the host)', () => {
  it('follows the frame with no CSP violation on the host', async () => {
    const { page, errors } = await open(`${host.origin}/csp.html`);
    const frame = await mapFrame(page, `${embedBase}/embed/`);
    expect(await canvasColours(frame)).toBeGreaterThan(3);
    expect(await frame.evaluate(() => document.querySelector('strike-map')!.dataset.theme)).toBe('dark');
    const height = await settled(page, frame);
    await frame.getByRole('button', { name: 'Table of sites' }).click();
    await frame.locator('strike-map strike-map-table table').waitFor();
    expect(await settled(page, frame)).toBeGreaterThan(height + 150);
    expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('hostile parameters', () => {
  it('are refused with notices shown as text; nothing runs and nothing is fetched elsewhere', async () => {
    const query = new URLSearchParams([
      ['site', '<img src=x onerror="window.__pwned=1">'],
      ['layer', 'javascript:window.__pwned=2'],
      ['layer', 'https://evil.example/x.geojson'],
      ['zoom', '1e308'],
      ['center', 'NaN,NaN'],
      ['theme', '"><script>window.__pwned=3</script>'],
      ['<svg onload=alert(1)>', '1'],
    ]);
    const { page, requests, errors, dialogs } = await open(`${embedBase}/embed/?${query}`);
    const frame = page.mainFrame();
    await mapFrame(page, `${embedBase}/embed/`);
    const notices = await frame.locator('#embed-notice-list li').allTextContents();
    expect(notices).toHaveLength(7);
    for (const name of ['site', 'layer', 'zoom', 'center', 'theme']) expect(notices.some((n) => n.startsWith(`${name}=`)), name).toBe(true);
    expect(notices.filter((n) => n.startsWith('layer=')), 'javascript: and cross-origin layers').toHaveLength(2);
    expect(notices.some((n) => n.includes('<svg onload=alert(1)>')), 'the unknown name, quoted as text').toBe(true);
    const state = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: number }).__pwned,
      markup: document.querySelectorAll('#embed-notices img, #embed-notices svg, #embed-notices script').length,
      layers: document.querySelectorAll('strike-map-layer').length,
      attributes: document.querySelector('strike-map')!.getAttributeNames().filter((a) => !a.startsWith('data-')),
      zoom: (document.querySelector('strike-map') as unknown as { map: import('maplibre-gl').Map }).map.getZoom(),
    }));
    expect(state).toMatchObject({ pwned: undefined, markup: 0, layers: 0 });
    expect(state.attributes.filter((a) => a !== 'theme')).toEqual([]); // the element reflects its default theme
    expect(state.zoom).toBeLessThan(10);
    expect(await canvasColours(frame), 'the map still draws').toBeGreaterThan(3);
    expect(requests.filter((url) => !url.startsWith(embedBase) && !url.startsWith('data:'))).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);

    await frame.getByRole('button', { name: 'Dismiss' }).click();
    expect(await frame.locator('#embed-notices').isHidden()).toBe(true);
    await page.close();
  });

  it('a well-formed site id that is no strike gets a notice', async () => {
    const { page } = await open(`${embedBase}/embed/?site=no_such_site`);
    const frame = await mapFrame(page, `${embedBase}/embed/`);
    // The element itself says so, inside the map (the page's own list is for what the URL's rules refused).
    await expect.poll(() => frame.evaluate(() => [...document.querySelector('strike-map')!.shadowRoot!.querySelectorAll('.notices [role="alert"]')].map((n) => n.textContent!.trim()))).toEqual([expect.stringContaining('site="no_such_site": no strike site has that id.')]);
    expect(await frame.locator('#embed-notice-list li').count()).toBe(0);
    await page.close();
  });
});

describe('an event file with its columns in the URL', () => {
  it('is read by them: the page gives its layer the columns, and the file loads as events', async () => {
    // Two columns of dates, neither called "date": without `columns` this would be plain points.
    const csv = 'lon,lat,Seen,reported,who\n62.1,27.0,2020-03-01,2020-03-04,Group A\n61.5,27.3,2021-06-10,2021-06-12,Group B\n';
    const file = join(root, 'dist', 'e2e-columns.csv');
    writeFileSync(file, csv);
    try {
      const query = new URLSearchParams([['layer', '/e2e-columns.csv'], ['columns', 'date: Seen; actors: who']]);
      const { page, errors } = await open(`${embedBase}/embed/?${query}`);
      const frame = await mapFrame(page, `${embedBase}/embed/`);
      const layer = () => frame.evaluate(() => {
        const el = document.querySelector('strike-map-layer') as (HTMLElement & { format?: string; collection?: { features: { properties: Record<string, unknown> }[] } }) | null;
        return el && { columns: el.getAttribute('columns'), format: el.format, dates: el.collection?.features.map((f) => f.properties.date) };
      });
      await expect.poll(layer, { timeout: 15_000 }).toEqual({ columns: 'date: Seen; actors: who', format: 'CSV', dates: ['2020-03-01', '2021-06-10'] });
      expect(await frame.locator('#embed-notice-list li').count()).toBe(0);
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      rmSync(file, { force: true });
    }
  });
});

describe('oEmbed', () => {
  it('the embed page links its oEmbed JSON, a rich answer with the iframe and embed.js', async () => {
    const html = await (await fetch(`${embedBase}/embed/`)).text();
    const link = /<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/.exec(html);
    expect(link, 'discovery link').not.toBeNull();
    const answer = (await (await fetch(new URL(link![1], `${embedBase}/embed/`))).json()) as Record<string, unknown>;
    expect(answer).toMatchObject({ version: '1.0', type: 'rich', width: 640, height: 540, provider_name: 'strike-map' });
    expect(answer.html).toMatch(/^<iframe data-strike-map src="[^"]*" [^>]*><\/iframe><script async src="[^"]*embed\.js"><\/script>$/);
  });
});

describe('the library build: dist/lib/embed/ on another server, under /vendor/strike-map/', () => {
  let dir: string;
  let lib: { origin: string; server: Server };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'strike-map-lib-embed-'));
    await buildLibrary(join(dir, 'vendor/strike-map'));
    writeFileSync(
      join(dir, 'index.html'),
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host</title><link rel="icon" href="data:,">' +
        '<script src="/vendor/strike-map/embed/embed.js" async></script></head><body>' +
        '<iframe data-strike-map src="/vendor/strike-map/embed/?day=2024-01-18&units=mi" width="100%" height="540" title="Map"></iframe></body></html>',
    );
    // The embed page itself under the strict policy, as a real header.
    lib = await serve(dir, (file): Record<string, string> => (file.endsWith('.html') ? { 'content-security-policy': STRICT_CSP } : {}));
  }, 120_000);

  afterAll(async () => {
    await new Promise((done) => lib?.server.close(done));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('loads strike-map.js and everything else from the library folder, draws under a strict CSP, and sizes its frame', async () => {
    const { page, requests, errors } = await open(`${lib.origin}/`);
    const frame = await mapFrame(page, `${lib.origin}/vendor/strike-map/embed/`);
    expect(await canvasColours(frame)).toBeGreaterThan(3);
    await settled(page, frame);
    const fetched = requests.filter((url) => !url.startsWith('data:')).map((url) => new URL(url));
    expect(fetched.filter((url) => url.origin !== lib.origin).map(String)).toEqual([]);
    expect(fetched.filter((url) => url.pathname !== '/' && !url.pathname.startsWith('/vendor/strike-map/')).map(String)).toEqual([]);
    expect(fetched.some((url) => url.pathname === '/vendor/strike-map/strike-map.js'), 'the library entry itself').toBe(true);
    expect(await frame.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
    expect(await frame.evaluate(() => document.querySelector('strike-map')!.getAttribute('units'))).toBe('mi');
    expect(existsSync(join(dir, 'vendor/strike-map/embed/oembed.json'))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
