/**
 * Screenshots of a page with a <strike-map>, light and dark, desktop and 375 px phone, for looking
 * at what we build and for the README. Usage: tsx scripts/screenshot.ts [url] [out-dir]
 */
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './chromium.ts';

const url = process.argv[2] ?? 'http://localhost:5173/';
const out = process.argv[3] ?? 'shots';
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: chromiumArgs });
const views = [
  { name: 'desktop', viewport: { width: 1280, height: 900 } },
  { name: 'phone', viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
];
for (const scheme of ['light', 'dark'] as const) {
  for (const view of views) {
    const page = await browser.newPage({ ...view, colorScheme: scheme });
    await page.goto(url);
    await page.evaluate(async () => {
      await customElements.whenDefined('strike-map');
      await (document.querySelector('strike-map') as unknown as { ready: Promise<void> }).ready;
    });
    await page.waitForTimeout(300);
    const file = `${out}/${view.name}-${scheme}.png`;
    await page.screenshot({ path: file, fullPage: process.env.FULL_PAGE === '1' });
    console.log(file);
    await page.close();
  }
}
await browser.close();
