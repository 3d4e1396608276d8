/** Small I/O helpers for the geodata build: CSV parsing, coordinate rounding, stable JSON output. */
import fs from 'node:fs';
import path from 'node:path';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { parseCsv as parseCsvRows } from '../../src/data/csv.ts';

export function readJson<T = unknown>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}

/** places.csv as one record per row, keyed by the header (the project's one CSV parser, from src/data). */
export function parseCsv(text: string): Record<string, string>[] {
  const [header, ...body] = parseCsvRows(text).filter((row) => row.some((cell) => cell !== ''));
  return body.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i] ?? ''])));
}

/** Round to 6 decimals (~0.1 m); the +0 turns -0 into 0 so output bytes are stable. */
export const r6 = (x: number): number => Math.round(x * 1e6) / 1e6 + 0;

type Coords = Position | Coords[];
function roundCoords(c: Coords): Coords {
  return typeof c[0] === 'number' ? (c as Position).map(r6) : (c as Coords[]).map(roundCoords);
}

export function roundGeometry<G extends Geometry>(g: G): G {
  if (g.type === 'GeometryCollection') return { ...g, geometries: g.geometries.map(roundGeometry) };
  return { type: g.type, coordinates: roundCoords((g as Exclude<Geometry, { type: 'GeometryCollection' }>).coordinates as Coords) } as G;
}

/** Feature with a fixed key order (type, id?, properties, geometry). */
export function feat<G extends Geometry, P>(geometry: G, properties: P, id?: string): Feature<G, P> {
  return id === undefined
    ? { type: 'Feature', properties, geometry }
    : { type: 'Feature', id, properties, geometry };
}

/** One feature per line: compact, yet diffs stay readable. */
export function fcToString(fc: FeatureCollection): string {
  return '{"type":"FeatureCollection","features":[\n' +
    fc.features.map((f) => JSON.stringify(f)).join(',\n') + '\n]}\n';
}

export function writeText(dir: string, name: string, text: string): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, name), text);
}
