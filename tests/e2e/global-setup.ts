/** Builds the production site once, serves it with `vite preview`, and hands its URL to the e2e tests. */
import { build, preview } from 'vite';
import type { TestProject } from 'vitest/node';

export default async function setup(project: TestProject) {
  // Vitest sets NODE_ENV=test, which would give Lit's development build; test what users get.
  const mode = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  await build({ logLevel: 'warn' });
  process.env.NODE_ENV = mode;
  const server = await preview({ preview: { port: 0, strictPort: false }, logLevel: 'warn' });
  const url = server.resolvedUrls!.local[0];
  project.provide('baseUrl', url.replace(/\/$/, ''));
  return async () => {
    await server.close();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
