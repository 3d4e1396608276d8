/**
 * The poster on the built embed page: on a throttled "Slow 4G" connection with no cache it is
 * drawn while the map is still loading (order of events, no clock), it gives way once the map is
 * ready, and with JavaScript off the page shows it with a link to the table of sites, which lists
 * every site.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { launch } from './browser.ts';

let browser: Browser;
let base: string;
const strikes = JSON.parse(readFileSync(new URL('../../geodata/strikes.geojson', import.meta.url), 'utf8')) as { features: { properties: { id: string; place: string } }[] };

beforeAll(async () => {
  browser = await launch();
  base = inject('baseUrl');
});
afterAll(async () => {
  await browser?.close();
});

/** Whether the poster image has loaded and is on screen (visible, with a size). */
const POSTER_SHOWN = `(() => {
  const img = document.querySelector('#embed-poster img');
  if (!img || !img.complete || img.naturalWidth === 0) return false;
  const box = img.getBoundingClientRect();
  return box.width > 0 && box.height > 0 && img.checkVisibility();
})()`;

describe('poster on the embed page', () => {
  it('is drawn on Slow 4G while the map is still loading, and gives way once it is ready', async () => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 200_000, uploadThroughput: 93_750 });
    await page.addInitScript(() => {
      const w = window as unknown as { __mapReady: boolean };
      w.__mapReady = false;
      customElements.whenDefined('strike-map').then(() => (document.querySelector('strike-map') as unknown as { ready: Promise<void> }).ready.then(() => (w.__mapReady = true)));
    });
    await page.goto(`${base}/embed/`, { waitUntil: 'commit' });
    await page.waitForFunction(POSTER_SHOWN, undefined, { timeout: 60_000, polling: 20 });
    expect(await page.evaluate(() => (window as unknown as { __mapReady: boolean }).__mapReady)).toBe(false);
    // It came with the page, not by a request of its own queued behind the scripts.
    expect(await page.locator('#embed-poster img').getAttribute('src')).toMatch(/^data:image\/svg\+xml,%3Csvg /);
    expect(await page.locator('#embed-poster img').evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight])).toEqual([800, 500]);
    expect(await page.getByRole('link', { name: /table of the strike sites/i }).isVisible()).toBe(true);

    await page.waitForFunction(() => (window as unknown as { __mapReady: boolean }).__mapReady, undefined, { timeout: 180_000, polling: 100 });
    // Ready: the element no longer shows its poster slot, and the live map is what the reader sees.
    expect(await page.evaluate(() => document.querySelector('#embed-poster')!.parentElement!.localName)).toBe('strike-map');
    expect(await page.locator('#embed-poster img').isVisible()).toBe(false);
    await context.close();
  }, 240_000);

  it('without JavaScript shows the poster and a link to the table, which lists every site', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 700 } });
    const page = await context.newPage();
    await page.goto(`${base}/embed/`);
    const img = page.locator('#embed-poster img');
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await img.isVisible()).toBe(true);
    expect(await img.getAttribute('alt')).toMatch(/Koh-i-Sabz.*Haqabad.*Saravan/);
    const box = (await img.boundingBox())!;
    expect(box.width).toBeLessThanOrEqual(375); // fits a phone
    const noscript = page.locator('.embed-noscript'); // text locators skip <noscript>, so by class
    expect(await noscript.isVisible()).toBe(true);
    expect(await noscript.textContent()).toContain('The interactive map needs JavaScript.');

    await noscript.getByRole('link', { name: 'table of the strike sites' }).click();
    await page.waitForURL(/\/embed\/sites\.html$/);
    const rows = page.locator('tbody tr');
    expect(await rows.count()).toBe(strikes.features.length);
    for (const { properties } of strikes.features) {
      expect(await page.locator(`tr[id="${properties.id}"]`).textContent()).toContain(properties.place);
    }
    expect(await page.locator('tbody a[href^="https://"]').count()).toBeGreaterThan(strikes.features.length);
    await context.close();
  });
});
