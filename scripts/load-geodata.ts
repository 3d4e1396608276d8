/** Reads the shipped geodata (and the full-detail source border) for Node tests and benchmarks. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Feature, FeatureCollection, LineString } from 'geojson';
import type { ProvinceCollection } from '../src/geo/index.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const read = <T>(path: string): T => JSON.parse(readFileSync(ROOT + path, 'utf8')) as T;

export const SHIPPED_BORDER_PATH = 'geodata/border.geojson';
export const FULL_BORDER_PATH = 'geodata/sources/iran_pakistan_border_osm.geojson';

/** The single border LineString of a file (FeatureCollection or Feature). */
export function borderLine(path = SHIPPED_BORDER_PATH): Feature<LineString> {
  const raw = read<FeatureCollection<LineString> | Feature<LineString>>(path);
  const features = raw.type === 'FeatureCollection' ? raw.features : [raw];
  if (features.length !== 1 || features[0].geometry.type !== 'LineString') throw new Error(`${path}: expected one border LineString`);
  return { type: 'Feature', properties: {}, geometry: features[0].geometry };
}

export function provinces(): ProvinceCollection {
  return read<ProvinceCollection>('geodata/provinces.geojson');
}
