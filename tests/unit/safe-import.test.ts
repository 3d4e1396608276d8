/**
 * `import 'strike-map'` outside a browser (Node, server rendering in Next, Nuxt or Astro) must not
 * throw, and must define elements only where a `customElements` registry exists.
 *
 * - src/components/define.ts, the decorator every element uses instead of Lit's `@customElement`;
 * - src/index.ts through Vitest, which resolves Lit by its `node` export condition (Lit's own
 *   server build, with its DOM shim): every component module evaluates without a DOM;
 * - what a consumer gets: the library build (vite.lib.config.ts, Lit's *browser* build inlined and
 *   guarded by its lit-outside-dom patch), imported by a plain `node` process with no DOM globals.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLibrary } from '../build-library.ts';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';


/**
 * The elements strike-map.js defines when it is imported (the measuring bar, the inset, the cards
 * and the table load later, and <strike-map-layer> with a <strike-map>'s first child layer).
 */
const eager = ['strike-map', 'strike-map-legend', 'strike-map-timeline'];

describe('the customElement decorator (src/components/define.ts)', () => {
  it('defines nothing and does not throw where there is no customElements registry', async () => {
    const { customElement, define } = await import('../../src/components/define.ts');
    expect(globalThis.customElements).toBeUndefined();
    class Plain {}
    expect(() => customElement('x-plain')(Plain as unknown as CustomElementConstructor)).not.toThrow();
    expect(() => define('x-plain', Plain as unknown as CustomElementConstructor)).not.toThrow();
    expect('customElements' in globalThis).toBe(false);
  });

  it('registers the class under its tag where a registry exists, like Lit’s decorator (legacy and standard forms)', async () => {
    const { customElement } = await import('../../src/components/define.ts');
    const defined: [string, unknown][] = [];
    const registry = { define: (name: string, ctor: unknown) => defined.push([name, ctor]) };
    const g = globalThis as { customElements?: unknown };
    g.customElements = registry;
    try {
      class Legacy {}
      customElement('x-legacy')(Legacy as unknown as CustomElementConstructor);
      class Standard {}
      const initializers: (() => void)[] = [];
      customElement('x-standard')(Standard as unknown as CustomElementConstructor, {
        kind: 'class',
        name: 'Standard',
        addInitializer: (f: () => void) => initializers.push(f),
      } as unknown as ClassDecoratorContext);
      expect(defined).toEqual([['x-legacy', Legacy]]); // the standard form defines once the class is complete
      initializers.forEach((f) => f());
      expect(defined).toEqual([
        ['x-legacy', Legacy],
        ['x-standard', Standard],
      ]);
    } finally {
      delete g.customElements;
    }
  });
});

describe('src/index.ts in Node (Vitest)', () => {
  it('imports without a DOM and exports the element classes', async () => {
    for (const name of ['customElements', 'HTMLElement', 'document', 'window']) expect(name in globalThis, name).toBe(false);
    const lib = await import('../../src/index.ts');
    for (const name of ['StrikeMap', 'StrikeMapLegend', 'StrikeMapTimeline'] as const) {
      expect(typeof lib[name], name).toBe('function');
    }
    // Vitest resolves Lit by its `node` condition, whose server build installs Lit's own
    // customElements shim (for Lit SSR); that and nothing else is what the elements went into.
    expect('document' in globalThis || 'window' in globalThis).toBe(false);
  }, 60_000);
});

describe('the library build (dist/lib/strike-map.js) imported by node', () => {
  let outDir: string;

  beforeAll(async () => {
    outDir = mkdtempSync(join(tmpdir(), 'strike-map-safe-import-'));
    await buildLibrary(outDir); // into a temp folder: dist/lib belongs to the shared tree
  }, 180_000);

  afterAll(() => {
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  /** Runs an ES module script in a fresh `node` (no Vitest, no DOM) in the build folder; returns its JSON. */
  function node(script: string): Record<string, unknown> {
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: outDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: 'production' } });
    return JSON.parse(out.trim().split('\n').at(-1)!);
  }

  it('imports without throwing, needs no customElements and leaves no DOM globals behind', () => {
    const result = node(`
      const globals = ['customElements', 'HTMLElement', 'document', 'window', 'self'];
      const before = globals.filter((g) => g in globalThis);
      let error = null, exports = [];
      try { exports = Object.keys(await import('./strike-map.js')); } catch (e) { error = \`\${e.name}: \${e.message} \${String(e.stack).split('\\n').find((line) => line.includes(' at ')) ?? ''}\`; }
      const after = globals.filter((g) => g in globalThis);
      console.log(JSON.stringify({ before, after, error, exports }));
    `);
    expect(result.error).toBeNull();
    expect(result.before).toEqual([]);
    expect(result.after, 'globals the import created').toEqual([]);
    expect(result.exports).toEqual(expect.arrayContaining(['StrikeMap', 'StrikeMapLegend', 'StrikeMapTimeline']));
  });

  it('defines its elements where a customElements registry exists (and only then)', () => {
    const result = node(`
      const defined = [];
      globalThis.customElements = { define: (name, ctor) => defined.push([name, typeof ctor]), get: () => undefined };
      const lib = await import('./strike-map.js');
      console.log(JSON.stringify({ defined, strikeMap: defined.some(([name]) => name === 'strike-map') && typeof lib.StrikeMap }));
    `);
    expect((result.defined as [string, string][]).map(([name]) => name).sort()).toEqual(eager);
    expect((result.defined as [string, string][]).every(([, type]) => type === 'function')).toBe(true);
    expect(result.strikeMap).toBe('function');
  });

  it('geo.js imports in node and measures', () => {
    const result = node(`
      const geo = await import('./geo.js');
      console.log(JSON.stringify({ text: geo.formatDistance(12.345, 'km'), index: typeof geo.BorderIndex }));
    `);
    expect(result.text).toMatch(/12/);
    expect(result.index).toBe('function');
  });
});
