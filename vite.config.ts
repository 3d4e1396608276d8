import { defineConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
import { chromiumPath, chromiumArgs } from './scripts/chromium.ts';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { embedPage } from './src/embed/build.ts';

/** The explorer, the embed page (dist/embed/) and every examples/*.html page (built to dist/examples/). */
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const pages = {
  index: here('./index.html'),
  'embed/index': here('./embed/index.html'),
  ...Object.fromEntries(
    readdirSync(here('./examples/'))
      .filter((file) => file.endsWith('.html'))
      .map((file) => [`examples/${file.replace(/\.html$/, '')}`, here(`./examples/${file}`)]),
  ),
};

export default defineConfig({
  plugins: [embedPage()],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1500, // MapLibre alone is ~1.1 MB minified
    // As in the library build: no preload polyfill or helper in the start-up JavaScript (every
    // browser MapLibre 6 runs in supports modulepreload; lazy chunks load their imports themselves).
    modulePreload: false,
    rolldownOptions: { input: pages },
  },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', environment: 'node', include: ['tests/unit/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000 }, // geometry checks over thousands of samples take seconds on 2 cores, minutes when busy
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          // Hang detectors, not speed limits: a 2-core machine busy with other work can take minutes.
          testTimeout: 120_000,
          hookTimeout: 120_000,
          expect: { poll: { timeout: 30_000 } }, // expect.poll's own 1 s default is too short on a busy machine
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            provider: playwright({ launchOptions: { executablePath: chromiumPath(), args: chromiumArgs } }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 180_000, // hang detectors: a busy 2-core machine is slow
          hookTimeout: 300_000,
          expect: { poll: { timeout: 30_000 } },
        },
      },
    ],
  },
});
