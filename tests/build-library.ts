/** Shared by the unit and e2e tests that need the library as users get it. */
import { build } from 'vite';
import { resolve } from 'node:path';

/**
 * Builds the library as `npm run build:lib` does, into `outDir`, in production mode as users get
 * it (Vitest sets NODE_ENV=test, which would make Vite pick Lit's development build).
 */
export async function buildLibrary(outDir: string): Promise<void> {
  const root = resolve(import.meta.dirname, '..');
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root, configFile: resolve(root, 'vite.lib.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}
