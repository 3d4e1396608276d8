/**
 * Derived strike locations: for a site no gazetteer lists, search a regular lon/lat grid for the
 * points that satisfy every reported constraint (inside the named district, a band of distance
 * from the border, a band of distance from a town). The plotted point is the centroid of those
 * cells and the radius reaches the farthest of them. Inputs live in geodata/sources/derivations.json.
 *
 * The build calls deriveSites() on the shipped border and districts. Run it on its own to see
 * the numbers (it reads the built files in geodata/):
 *
 *   npx tsx scripts/geodata/derive-sites.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bbox as turfBbox, booleanPointInPolygon, distance } from '@turf/turf';
import type { Feature, FeatureCollection, LineString, MultiPolygon, Polygon, Position } from 'geojson';
import { BorderIndex } from '../../src/geo/border-index.ts';
import { EARTH_RADIUS_KM } from '../../src/geo/units.ts';
import type { LocationConstraint } from '../../src/data/types.ts';

export type Area = Feature<Polygon | MultiPolygon>;

/** One reported fact, as written in derivations.json. */
export interface ConstraintSpec extends LocationConstraint {
  id: string;
  kind: 'inside-district' | 'border-km' | 'place-km';
  /** Bands in one group are alternatives; groups must all hold. */
  group?: string;
  district_id?: string;
  place_id?: string;
  min_km?: number;
  max_km?: number;
  /** For a set-aside constraint: how the card names the area its reading gives. */
  alternative_name?: string;
}

export interface SiteSpec {
  id: string;
  district_id: string;
  grid_step_deg: number;
  constraints: ConstraintSpec[];
}

export interface DerivationsFile {
  about: string;
  sites: SiteSpec[];
}

/** What the search needs besides the spec. */
export interface DerivationContext {
  border: BorderIndex;
  districts: ReadonlyMap<string, Area>;
  /** Place id → [lon, lat] (from places.csv). */
  places: ReadonlyMap<string, Position>;
}

export interface Solution {
  /** Centroid of the cells that satisfy the constraints, rounded to 4 decimals (~10 m). */
  point: [number, number];
  /** Whole km from the point to the farthest cell, cell size included. */
  radius_km: number;
  cells: number;
  /** Distance of the point from the border, km. */
  border_km: number;
}

export interface Derivation extends Solution {
  id: string;
  used: string[];
  /** One per set-aside constraint: the area its reading gives, and how far its centroid is. */
  alternatives: { constraint: string; solution: Solution | null; distance_km: number | null }[];
}

const KM_PER_DEG = (EARTH_RADIUS_KM * Math.PI) / 180;
const round4 = (x: number) => Math.round(x * 1e4) / 1e4 + 0;

/** Does p satisfy every used constraint? Groups are AND-ed, bands within a group OR-ed. */
function satisfies(p: Position, constraints: ConstraintSpec[], ctx: DerivationContext): boolean {
  const groups = new Map<string, boolean>();
  for (const c of constraints) {
    let ok: boolean;
    if (c.kind === 'inside-district') ok = booleanPointInPolygon(p, ctx.districts.get(c.district_id!)!);
    else {
      const km = c.kind === 'border-km' ? ctx.border.nearest(p).km : distance(p, ctx.places.get(c.place_id!)!);
      ok = km >= c.min_km! && km <= c.max_km!;
    }
    const g = c.group ?? c.id;
    groups.set(g, (groups.get(g) ?? false) || ok);
  }
  return [...groups.values()].every(Boolean);
}

/** Grid search over the site's district extent (integer grid indices, so it is deterministic). */
export function solve(site: SiteSpec, constraints: ConstraintSpec[], ctx: DerivationContext): Solution | null {
  const district = ctx.districts.get(site.district_id);
  if (!district) throw new Error(`derivations.json: ${site.id}: unknown district ${site.district_id}`);
  const step = site.grid_step_deg;
  const [w, s, e, n] = turfBbox(district);
  // Cheap tests first: distance to a place, then to the border, then the polygon.
  const cost = { 'place-km': 0, 'border-km': 1, 'inside-district': 2 } as const;
  const ordered = [...constraints].sort((a, b) => cost[a.kind] - cost[b.kind]);
  const cells: Position[] = [];
  for (let j = Math.floor(s / step); j * step <= n; j++) {
    for (let i = Math.floor(w / step); i * step <= e; i++) {
      const p = [Math.round(i * step * 1e9) / 1e9, Math.round(j * step * 1e9) / 1e9];
      if (satisfies(p, ordered, ctx)) cells.push(p);
    }
  }
  if (!cells.length) return null;
  const lon = cells.reduce((a, p) => a + p[0], 0) / cells.length;
  const lat = cells.reduce((a, p) => a + p[1], 0) / cells.length;
  const point: [number, number] = [round4(lon), round4(lat)];
  const halfCell = (step / 2) * KM_PER_DEG * Math.hypot(1, Math.cos(lat * (Math.PI / 180)));
  const far = Math.max(...cells.map((p) => distance(point, p)));
  return { point, radius_km: Math.ceil(far + halfCell), cells: cells.length, border_km: Math.round(ctx.border.nearest(point).km * 10) / 10 };
}

/** The plotted point and radius of a site, plus the area each set-aside reading would give. */
export function deriveSite(site: SiteSpec, ctx: DerivationContext): Derivation {
  const used = site.constraints.filter((c) => c.use === 'used');
  const solution = solve(site, used, ctx);
  if (!solution) throw new Error(`derivations.json: ${site.id}: no point satisfies the used constraints`);
  const alternatives = site.constraints
    .filter((c) => c.use === 'set-aside')
    .map((c) => {
      // The set-aside reading replaces the used bands of its own group.
      const swapped = [...used.filter((u) => (u.group ?? u.id) !== (c.group ?? c.id)), c];
      const alt = solve(site, swapped, ctx);
      return { constraint: c.id, solution: alt, distance_km: alt ? Math.round(distance(solution.point, alt.point) * 10) / 10 : null };
    });
  return { id: site.id, ...solution, used: used.map((c) => c.id), alternatives };
}

export function deriveSites(file: DerivationsFile, ctx: DerivationContext): Map<string, Derivation> {
  return new Map(file.sites.map((site) => [site.id, deriveSite(site, ctx)]));
}

/** Standalone run: derive from the built border and districts and print the result. */
function main(): void {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const read = <T>(p: string): T => JSON.parse(fs.readFileSync(path.join(root, p), 'utf8')) as T;
  const border = read<FeatureCollection<LineString>>('geodata/border.geojson');
  const districts = read<FeatureCollection<Polygon | MultiPolygon>>('geodata/districts.geojson');
  const places = read<FeatureCollection<Polygon>>('geodata/places.geojson');
  const strikes = read<FeatureCollection>('geodata/strikes.geojson');
  const ctx: DerivationContext = {
    border: new BorderIndex(border),
    districts: new Map(districts.features.map((f) => [String(f.id), f])),
    places: new Map([...places.features, ...strikes.features].map((f) => [String(f.id), (f.geometry as unknown as { coordinates: Position }).coordinates])),
  };
  const file = read<DerivationsFile>('geodata/sources/derivations.json');
  for (const d of deriveSites(file, ctx).values()) console.log(JSON.stringify(d, null, 2));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
