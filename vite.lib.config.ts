/**
 * The embeddable library: dist/lib/strike-map.js (defines every element) and dist/lib/geo.js (pure
 * geometry), with MapLibre's worker, the bands worker and the built-in geodata emitted beside them.
 *
 * A normal (not lib-mode) build on purpose: lib mode inlines assets and workers as data: URLs, which a
 * strict Content-Security-Policy blocks. With `base: './'` every asset, worker and chunk URL is
 * resolved at run time from import.meta.url, so dist/lib/ can be copied to any folder of any static
 * host (same origin as the page: module workers cannot be started cross-origin).
 *
 * The bundle inlines Lit's browser build, which reads `HTMLElement` and `document` while its modules
 * are evaluated, so `import 'strike-map'` would throw in Node and in server rendering. `litOutsideDom`
 * guards those two reads the way Lit's own `node` build does (a plain base class, a stub document);
 * the elements then register only where `customElements` exists (src/components/define.ts).
 */
import { defineConfig, type Plugin } from 'vite';
import { embedPage } from './src/embed/build.ts';

/** Each patch must apply exactly once, so a Lit upgrade that moves the code fails the build loudly. */
const litPatches: { file: RegExp; find: RegExp; replace: string }[] = [
  {
    file: /[\\/]@lit[\\/]reactive-element[\\/](development[\\/])?reactive-element\.js$/,
    find: /\bextends HTMLElement(\s*)\{/g,
    replace: 'extends (globalThis.HTMLElement ?? class {})$1{',
  },
  {
    file: /[\\/]lit-html[\\/](development[\\/])?lit-html\.js$/,
    find: /(?<=[=:]\s*)document(?=\s*[,;])/g,
    replace: '(globalThis.document ?? { createTreeWalker: () => ({}) })',
  },
];

function litOutsideDom(): Plugin {
  return {
    name: 'strike-map:lit-outside-dom',
    transform(code, id) {
      const patch = litPatches.find((p) => p.file.test(id.split('?')[0]));
      if (!patch) return;
      const count = code.match(patch.find)?.length ?? 0;
      if (count !== 1) this.error(`lit-outside-dom: expected 1 match of ${patch.find} in ${id}, found ${count}; update the patch for this Lit version`);
      return { code: code.replace(patch.find, patch.replace), map: null };
    },
  };
}

export default defineConfig({
  base: './',
  plugins: [litOutsideDom(), embedPage({ library: '../strike-map.js' })],
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
        'embed/index': 'embed/index.html', // the embed page again, so dist/lib/ alone can serve it (dist/lib/embed/)
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
    // One self-contained file per worker: an app that bundles the package (Vite does) copies
    // `new URL('workers/…', import.meta.url)` as a plain asset, not as a worker with its chunks, and
    // inlines a file under its asset limit as a data: URL, where relative imports cannot resolve.
    rolldownOptions: { output: { entryFileNames: 'workers/[name]-[hash].js', codeSplitting: false } },
  },
});
