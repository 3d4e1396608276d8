/** One headless Chromium per test file, with every request and console error recorded per page. */
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.ts';

export async function launch(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: [...chromiumArgs, ...extraArgs] });
}

/** Chromium noise on a machine without a GPU or a session bus; not the page's fault. */
const noise = /GPU stall due to ReadPixels|Failed to connect to the bus|favicon\.ico|Lit is in dev mode/;

export interface RecordedPage {
  page: Page;
  requests: string[];
  errors: string[];
}

export async function openPage(browser: Browser, url: string, viewport = { width: 1280, height: 900 }): Promise<RecordedPage> {
  const page = await browser.newPage({ viewport });
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error' && !noise.test(message.text())) errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  return { page, requests, errors };
}

/** Resolves when the first <strike-map> on the page is ready (or rejects with its error). */
export function mapReady(page: Page, selector = 'strike-map'): Promise<void> {
  return page.evaluate(async (sel) => {
    await customElements.whenDefined('strike-map');
    await (document.querySelector(sel) as unknown as { ready: Promise<void> }).ready;
  }, selector);
}
