import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, mapReady, openPage } from './browser.ts';

let browser: Browser;
beforeAll(async () => (browser = await launch()));
afterAll(() => browser?.close());

describe('the built explorer page (vite build + vite preview)', () => {
  it('shows the map with no request to any other host and no console errors', async () => {
    const base = inject('baseUrl');
    const { page, requests, errors } = await openPage(browser, `${base}/`);
    await mapReady(page);
    const counts = await page.evaluate(() => {
      const map = (document.querySelector('strike-map') as unknown as { map: import('maplibre-gl').Map }).map;
      return ['border-line', 'provinces-fill', 'strikes-symbol', 'towns-dot'].map((layer) => map.queryRenderedFeatures({ layers: [layer] }).length);
    });
    expect(counts.every((n) => n > 0), `rendered counts ${counts}`).toBe(true);
    const origin = new URL(base).origin;
    expect(requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('loads the table once the map is ready, and opens a strike card from the keyboard (its code loads on first use)', async () => {
    const { page, errors } = await openPage(browser, `${inject('baseUrl')}/`);
    await mapReady(page);
    await page.locator('strike-map strike-map-table tbody tr').first().waitFor();
    expect(await page.locator('strike-map strike-map-table tbody tr').count()).toBe(3);
    await page.locator('strike-map canvas.maplibregl-canvas').focus();
    await page.keyboard.press('ArrowRight');
    const title = page.locator('strike-map strike-card h2');
    await title.waitFor();
    expect(await title.textContent()).toMatch(/Koh-i-Sabz/);
    await page.keyboard.press('Escape');
    await title.waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it("loads the code for the reader's own data only once a file is dropped, then draws the file", async () => {
    const { page, requests, errors } = await openPage(browser, `${inject('baseUrl')}/`);
    await mapReady(page);
    await page.locator('strike-map strike-map-table tbody tr').first().waitFor(); // everything loaded once the map is ready has loaded
    const ownData = () => requests.filter((url) => /\/user-data-controller-[\w-]+\.js$/.test(url));
    expect(ownData(), 'no page-data code before any page data').toEqual([]);
    // Hold that code back, as a slow network would: the map says at once which file it is opening.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/user-data-controller-[\w-]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.evaluate(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(['name,lon,lat\nWell,62.9,27.1\n'], 'wells.csv', { type: 'text/csv' }));
      const canvas = document.querySelector('strike-map')!.shadowRoot!.querySelector('canvas')!;
      canvas.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, composed: true, cancelable: true }));
    });
    const opening = page.locator('strike-map .reading[role="status"]');
    await opening.waitFor({ state: 'visible' });
    expect(await opening.textContent()).toBe('Opening wells.csv… ');
    release();
    await expect.poll(() => page.evaluate(() => Boolean((document.querySelector('strike-map') as unknown as { map: import('maplibre-gl').Map }).map.getLayer('drop-1-circle')))).toBe(true);
    await expect.poll(() => page.locator('strike-map strike-map-legend').getByText('wells.csv').count()).toBeGreaterThan(0);
    expect(await opening.count()).toBe(0);
    expect(ownData()).toHaveLength(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('without WebGL (Chromium --disable-webgl) shows a message and the table instead of an empty box', async () => {
    const noWebGL = await launch(['--disable-webgl', '--disable-webgl2']);
    try {
      const { page } = await openPage(noWebGL, `${inject('baseUrl')}/`);
      const failure = await page.evaluate(async () => {
        await customElements.whenDefined('strike-map');
        return (document.querySelector('strike-map') as unknown as { ready: Promise<void> }).ready.then(
          () => 'ready',
          (error: Error) => error.message,
        );
      });
      expect(failure).toMatch(/strike-map could not start/);
      await expect.poll(() => page.locator('strike-map .fallback[role="alert"]').textContent()).toContain('could not start');
      await page.locator('strike-map strike-map-table tbody tr').first().waitFor();
      expect(await page.locator('strike-map strike-map-table tbody tr').count()).toBe(3);
    } finally {
      await noWebGL.close();
    }
  });
});
