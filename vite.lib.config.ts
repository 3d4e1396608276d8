/**
 * The embeddable library: dist/lib/strike-map.js (defines every element) and dist/lib/geo.js (pure
 * geometry), with MapLibre's worker, the bands worker and the built-in geodata emitted beside them.
 *
 * A normal (not lib-mode) build on purpose: lib mode inlines assets and workers as data: URLs, which a
 * strict Content-Security-Policy blocks. With `base: './'` every asset, worker and chunk URL is
 * resolved at run time from import.meta.url, so dist/lib/ can be copied to any folder of any static
 * host (same origin as the page: module workers cannot be started cross-origin).
 */
import { defineConfig } from 'vite';

export default defineConfig({
  base: './',
  publicDir: false,
  build: {
    target: 'es2022',
    outDir: 'dist/lib',
    emptyOutDir: true, // only dist/lib; the explorer build in dist/ is left alone
    chunkSizeWarningLimit: 1500, // MapLibre alone is ~1.1 MB minified
    modulePreload: false, // no <link rel=modulepreload> injected into the host page
    copyPublicDir: false,
    rolldownOptions: {
      input: {
        'strike-map': 'src/index.ts',
        geo: 'src/geo/index.ts',
      },
      preserveEntrySignatures: 'strict',
      output: {
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        assetFileNames: 'assets/[name]-[hash][extname]',
      },
    },
  },
  worker: {
    format: 'es',
    rolldownOptions: { output: { entryFileNames: 'workers/[name]-[hash].js', chunkFileNames: 'workers/[name]-[hash].js' } },
  },
});
