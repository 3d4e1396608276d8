/** Small I/O helpers for the geodata build: CSV parsing, coordinate rounding, stable JSON output. */
import fs from 'node:fs';
import path from 'node:path';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';

export function readJson<T = any>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}

/** Minimal RFC 4180 CSV parser (quoted fields, "" escapes); enough for places.csv. */
export function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); field = '';
      if (row.some((f) => f !== '')) rows.push(row);
      row = [];
    } else field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

/** Round to 6 decimals (~0.1 m); the +0 turns -0 into 0 so output bytes are stable. */
export const r6 = (x: number): number => Math.round(x * 1e6) / 1e6 + 0;

function roundCoords(c: any): any {
  return typeof c[0] === 'number' ? (c as Position).map(r6) : c.map(roundCoords);
}

export function roundGeometry<G extends Geometry>(g: G): G {
  if (g.type === 'GeometryCollection') return { ...g, geometries: g.geometries.map(roundGeometry) };
  return { type: g.type, coordinates: roundCoords((g as any).coordinates) } as G;
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
