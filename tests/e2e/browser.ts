/** One headless Chromium per test file, with every request and console error recorded per page. */
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
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

/** Distinct colours along the middle row of the map canvas in a page or frame: a drawn map has many. */
export function canvasColours(target: Page | Frame): Promise<number> {
  return target.evaluate(
    () =>
      new Promise<number>((done) => {
        const map = (document.querySelector('strike-map') as unknown as { map: import('maplibre-gl').Map }).map;
        map.once('render', () => {
          const gl = map.getCanvas();
          const ctx = new OffscreenCanvas(gl.width, gl.height).getContext('2d')!;
          ctx.drawImage(gl, 0, 0);
          const row = ctx.getImageData(0, Math.floor(gl.height / 2), gl.width, 1).data;
          const seen = new Set<number>();
          for (let i = 0; i < row.length; i += 4) seen.add((row[i] << 16) | (row[i + 1] << 8) | row[i + 2]);
          done(seen.size);
        });
        map.triggerRepaint();
      }),
  );
}

/** The frame whose URL starts with `prefix`, once its <strike-map> is ready. */
export async function mapFrame(page: Page, prefix: string): Promise<Frame> {
  let frame: Frame | undefined;
  for (let i = 0; i < 300 && !(frame = page.frames().find((f) => f.url().startsWith(prefix))); i++) await page.waitForTimeout(100);
  if (!frame) throw new Error(`no frame at ${prefix}`);
  await frame.waitForFunction(() => customElements.get('strike-map') && document.querySelector('strike-map'), null, { timeout: 60_000 });
  await frame.evaluate(() => (document.querySelector('strike-map') as unknown as { ready: Promise<void> }).ready);
  return frame;
}
