/**
 * The explorer's "Share / embed" dialog, on the built site: opened with the keyboard, it offers the
 * view as a link, an iframe snippet and a script-tag snippet; the iframe snippet pasted into a host
 * page on another origin shows the same site card and day, and the link opens the embed page in the
 * chosen language with the page's own layer. Escape closes the dialog and focus returns to the button.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { createServer, type Server } from 'node:http';
import { launch, mapFrame, mapReady } from './browser.ts';

const SITE = 'strike_pk_haqabad_shamsar_20240118';
const DAY = '2024-01-18';
const noise = /GPU stall due to ReadPixels|Failed to connect to the bus|favicon\.ico|Lit is in dev mode/;

let browser: Browser;
let context: BrowserContext;
let base: string;
/** Host pages by path, filled in by the test (the snippet is known only once the dialog gives it). */
const pages = new Map<string, string>();
let host: { origin: string; server: Server };

beforeAll(async () => {
  browser = await launch();
  base = inject('baseUrl');
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const server = createServer((request, response) => {
    const page = pages.get(new URL(request.url!, 'http://x').pathname);
    if (page === undefined) return void response.writeHead(404).end('not found');
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  host = { origin: `http://127.0.0.1:${(server.address() as { port: number }).port}`, server };
});

afterAll(async () => {
  await browser?.close();
  await new Promise((done) => host?.server.close(done));
});

function record(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && !noise.test(m.text()) && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

/** The open card's site, the timeline's day and the element's lang, in the first <strike-map> of `frame`. */
async function mapState(frame: Frame | Page) {
  await frame.locator('strike-map strike-card').waitFor({ timeout: 60_000 });
  return frame.evaluate(() => {
    const el = document.querySelector('strike-map')!;
    const card = el.shadowRoot!.querySelector('strike-card') as unknown as { feature?: { properties: { id: string } } };
    const timeline = el.shadowRoot!.querySelector('strike-map-timeline') as unknown as { day: string | null };
    return { site: card.feature?.properties.id, day: timeline.day, lang: el.getAttribute('lang') };
  });
}

describe('the Share / embed dialog', () => {
  it('captures the view, and its snippets reproduce it on another site; Escape closes it and focus returns', async () => {
    const page = await context.newPage();
    const errors = record(page);
    await page.goto(`${base}/?lang=fa`);
    await mapReady(page);
    await page.evaluate(
      ([site, day]) => {
        const el = document.querySelector('strike-map') as unknown as { setDay(d: string): void; select(id: string, o?: { fly: boolean }): void };
        el.setDay(day);
        el.select(site, { fly: false });
        const layer = document.createElement('strike-map-layer');
        layer.setAttribute('src', 'examples/data/crossings.geojson');
        (el as unknown as HTMLElement).append(layer);
      },
      [SITE, DAY],
    );
    await expect.poll(() => page.evaluate(() => location.hash)).toContain(`site=${SITE}`);
    expect(await page.locator('#share-open').textContent(), 'the button in the page language').toBe('هم‌رسانی / جاسازی');

    // Keyboard only: Tab from the top of the page to the button, then Enter.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    let onButton = false;
    for (let i = 0; i < 20 && !onButton; i++) {
      await page.keyboard.press('Tab');
      onButton = await page.evaluate(() => document.activeElement?.id === 'share-open');
    }
    expect(onButton, 'the button is reached with Tab').toBe(true);
    await page.keyboard.press('Enter');
    const dialog = page.locator('dialog.share-dialog');
    await dialog.waitFor({ timeout: 30_000 });
    const opened = await page.evaluate(() => {
      const d = document.querySelector('dialog.share-dialog') as HTMLDialogElement;
      return {
        open: d.open,
        modal: d.matches(':modal'),
        dir: d.dir,
        name: document.getElementById(d.getAttribute('aria-labelledby')!)?.textContent,
        focused: document.activeElement?.id,
        live: d.querySelector('[aria-live]')?.getAttribute('role'),
        frames: [...d.querySelectorAll('iframe')].map((f) => ({ width: f.width, lazy: f.loading, src: f.src })),
      };
    });
    expect(opened).toMatchObject({ open: true, modal: true, dir: 'rtl', name: 'هم‌رسانی یا جاسازی این نقشه', focused: 'share-link', live: 'status' });
    const link = await page.locator('#share-link').inputValue();
    const iframe = await page.locator('#share-iframe').inputValue();
    const script = await page.locator('#share-script').inputValue();
    expect(opened.frames).toEqual([
      { width: '375', lazy: 'lazy', src: link },
      { width: '700', lazy: 'lazy', src: link },
    ]);
    const url = new URL(link);
    expect(url.origin + url.pathname).toBe(`${base}/embed/`);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ site: SITE, day: DAY, lang: 'fa' });
    expect(url.searchParams.get('center')).toMatch(/^-?\d+(\.\d{1,4})?,-?\d+(\.\d{1,4})?$/);
    const layerUrl = `${base}/examples/data/crossings.geojson`;
    expect(url.searchParams.getAll('layer'), 'the page’s own layer, by its absolute URL').toEqual([layerUrl]);
    expect(script).toContain(`<strike-map-layer src="${layerUrl}"></strike-map-layer>`);
    expect(iframe).toMatch(/^<iframe data-strike-map src="[^"]+" title="[^"]+" width="100%" height="540" loading="lazy" allowfullscreen><\/iframe>\n<script src="[^"]+\/embed\/embed\.js" async><\/script>$/);
    expect(script).toContain(`<script type="module" src="${base}/lib/strike-map.js"></script>`);
    expect(script).toContain(` site="${SITE}" day="${DAY}"`);
    expect(script, 'no inline code: the snippet works under a strict CSP').not.toMatch(/<script(?![^>]*\ssrc=)/);

    // Copy: the clipboard gets the snippet (or the text is selected), and the live region says so.
    await page.locator('#share-iframe-copy').click();
    await expect.poll(() => page.locator('.share-status').textContent()).not.toBe('');

    // Escape closes the dialog; focus is back on the button.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => ({ dialog: Boolean(document.querySelector('dialog.share-dialog')?.hasAttribute('open')), focused: document.activeElement?.id }))).toEqual({ dialog: false, focused: 'share-open' });
    expect(errors).toEqual([]);

    // The iframe snippet pasted into a page on another origin: the same card and day, in Persian.
    pages.set('/host.html', `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host</title><link rel="icon" href="data:,"></head><body><h1>A host</h1>${iframe}</body></html>`);
    const hostPage = await context.newPage();
    const hostErrors = record(hostPage);
    await hostPage.goto(`${host.origin}/host.html`);
    const frame = await mapFrame(hostPage, `${base}/embed/`);
    expect(await mapState(frame)).toEqual({ site: SITE, day: DAY, lang: 'fa' });
    // embed.js from the snippet sizes the frame: its height is no longer the snippet's 540.
    await expect.poll(() => hostPage.evaluate(() => document.querySelector('iframe[data-strike-map]')!.clientHeight)).not.toBe(540);
    expect(hostErrors).toEqual([]);

    // The link opens the embed page in the chosen language, with the same card and day.
    const linkPage = await context.newPage();
    await linkPage.goto(link);
    await mapReady(linkPage);
    expect(await mapState(linkPage)).toEqual({ site: SITE, day: DAY, lang: 'fa' });
    await expect.poll(() => linkPage.evaluate(() => (document.querySelector('strike-map strike-map-layer') as unknown as { collection?: { features: unknown[] } } | null)?.collection?.features.length ?? 0)).toBeGreaterThan(0);
    // The embed page's own bar is in Persian too, right to left.
    expect(await linkPage.evaluate(() => [document.documentElement.dir, document.getElementById('toggle-table')!.textContent])).toEqual(['rtl', 'جدول مکان‌ها']);
    expect(await linkPage.getByRole('button', { name: 'جدول مکان‌ها' }).count()).toBe(1);
    for (const p of [page, hostPage, linkPage]) await p.close();
  });
});
