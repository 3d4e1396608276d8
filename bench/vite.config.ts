/**
 * Builds the bare MapLibre comparison page (bench/bare.html) into bench/dist for `npm run bench`.
 * Same target as the explorer's build; base './' so the folder can be served from anywhere.
 */
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  base: './',
  // Own cache folder, so this root never re-optimises the explorer's deps (toolchain.md G13).
  cacheDir: fileURLToPath(new URL('../node_modules/.vite-bench', import.meta.url)),
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: { input: { bare: fileURLToPath(new URL('bare.html', import.meta.url)) } },
  },
});
