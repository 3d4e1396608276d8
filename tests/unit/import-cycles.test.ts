import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const src = join(root, 'src');

/** Every .ts file under a folder. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sources(path) : entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The project files a module imports: static, type-only, re-exports and dynamic import() alike. */
function localImports(file: string, text: string): string[] {
  const specifiers = [...text.matchAll(/(?:import|export)\s[^;]*?from\s+['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)|import\s+['"](\.[^'"]+)['"]/g)].map((m) => m[1] ?? m[2] ?? m[3]);
  return specifiers.filter((s) => s.endsWith('.ts')).map((s) => resolve(dirname(file), s));
}

/** The import cycles of a graph, each as the list of files around it (depth-first, three colours). */
function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') found.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return found;
}

describe('module structure', () => {
  const graph = new Map(sources(src).map((file) => [file, localImports(file, readFileSync(file, 'utf8'))]));

  it('finds the imports it is meant to find (the check itself works)', () => {
    const sample = `import { a } from './a.ts';\nimport type { B } from '../b.ts';\nexport { c } from './c.ts';\nvoid import('./d.ts');\nimport './e.ts';\nimport { html } from 'lit';`;
    expect(localImports('/x/y/f.ts', sample)).toEqual(['/x/y/a.ts', '/x/b.ts', '/x/y/c.ts', '/x/y/d.ts', '/x/y/e.ts']);
    expect(cycles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]))).toEqual([['a', 'b', 'c', 'a']]);
    expect(graph.get(join(src, 'components/strike-map.ts'))).toContain(join(src, 'components/map-lifecycle.ts'));
  });

  it('has no import cycles in src/', () => {
    const named = cycles(graph).map((cycle) => cycle.map((file) => relative(src, file)).join(' → '));
    expect(named).toEqual([]);
  });

  it('keeps pure geometry free of the DOM, MapLibre and Lit', () => {
    for (const file of sources(join(src, 'geo'))) {
      const text = readFileSync(file, 'utf8');
      expect(text, relative(root, file)).not.toMatch(/from ['"](maplibre-gl|lit)|document\.|window\./);
    }
  });

  it('keeps <strike-map> itself small: its jobs live in controllers and src/map', () => {
    const lines = readFileSync(join(src, 'components/strike-map.ts'), 'utf8').split('\n').length;
    expect(lines).toBeLessThan(350);
  });
});
