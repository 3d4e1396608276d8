/**
 * Build-time validation. Every check throws with the file name and the feature
 * id (or index) so a bad build fails loudly instead of shipping broken data.
 */
import { booleanPointInPolygon, kinks, lineString } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';

export type BBox = [number, number, number, number];

export class GeodataError extends Error {}

const fail = (file: string, where: string, msg: string): never => {
  throw new GeodataError(`${file}: ${where}: ${msg}`);
};
const label = (f: Feature, i: number) => `feature ${f.id ?? (f.properties as any)?.id ?? `#${i}`}`;

function checkPosition(p: Position, bbox: BBox, file: string, where: string): void {
  if (!Array.isArray(p) || p.length !== 2 || !p.every(Number.isFinite)) fail(file, where, `bad position ${JSON.stringify(p)}`);
  const [x, y] = p;
  if (x < bbox[0] || x > bbox[2] || y < bbox[1] || y > bbox[3]) fail(file, where, `position ${x},${y} outside layer bbox ${bbox.join(',')}`);
}

function checkRing(ring: Position[], bbox: BBox, file: string, where: string): void {
  if (!Array.isArray(ring) || ring.length < 4) fail(file, where, `ring has ${ring?.length} positions (< 4)`);
  const a = ring[0], b = ring[ring.length - 1];
  if (a[0] !== b[0] || a[1] !== b[1]) fail(file, where, 'ring is not closed');
  ring.forEach((p) => checkPosition(p, bbox, file, where));
}

function checkGeometry(g: Geometry, bbox: BBox, file: string, where: string): void {
  if (!g || typeof g !== 'object') return fail(file, where, 'missing geometry');
  switch (g.type) {
    case 'Point': return checkPosition(g.coordinates, bbox, file, where);
    case 'LineString':
      if (g.coordinates.length < 2) fail(file, where, 'LineString with < 2 positions');
      return g.coordinates.forEach((p) => checkPosition(p, bbox, file, where));
    case 'MultiLineString':
      return g.coordinates.forEach((l, i) => checkGeometry({ type: 'LineString', coordinates: l }, bbox, file, `${where} line ${i}`));
    case 'Polygon': return g.coordinates.forEach((r, i) => checkRing(r, bbox, file, `${where} ring ${i}`));
    case 'MultiPolygon':
      return g.coordinates.forEach((poly, j) => poly.forEach((r, i) => checkRing(r, bbox, file, `${where} polygon ${j} ring ${i}`)));
    default: return fail(file, where, `unexpected geometry type ${(g as any).type}`);
  }
}

/** Structural GeoJSON check plus a per-layer bounding box. */
export function validateFeatureCollection(file: string, fc: FeatureCollection, bbox: BBox, minFeatures = 1): void {
  if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features)) fail(file, 'root', 'not a FeatureCollection');
  if (fc.features.length < minFeatures) fail(file, 'root', `${fc.features.length} features, expected >= ${minFeatures}`);
  fc.features.forEach((f, i) => {
    if (f.type !== 'Feature') fail(file, `#${i}`, 'not a Feature');
    if (!f.properties || typeof f.properties !== 'object') fail(file, label(f, i), 'missing properties');
    checkGeometry(f.geometry, bbox, file, label(f, i));
  });
}

const isUrl = (s: unknown) => typeof s === 'string' && /^https?:\/\/\S+$/.test(s);

export function validateUrls(file: string, where: string, urls: unknown, min = 1): void {
  if (!Array.isArray(urls) || urls.length < min) fail(file, where, `needs >= ${min} source URL(s)`);
  (urls as unknown[]).forEach((u) => { if (!isUrl(u)) fail(file, where, `source is not an http(s) URL: ${u}`); });
}

/** Strikes: sources, uncertainty, accounts, and the point-in-target-province rule. */
export function validateStrikes(file: string, fc: FeatureCollection, provinces: FeatureCollection<Polygon | MultiPolygon>): void {
  fc.features.forEach((f, i) => {
    const p = f.properties as any, where = label(f, i);
    validateUrls(file, where, p.sources, 2);
    if (!(typeof p.uncertainty_km === 'number' && p.uncertainty_km > 0)) fail(file, where, 'uncertainty_km must be > 0');
    for (const key of ['weapons', 'casualties', 'distance_claims']) {
      (p[key] as any[]).forEach((a, j) => validateUrls(file, `${where} ${key}[${j}]`, a.sources, 1));
    }
    if (p.category === 'cross-border') {
      const prov = provinces.features.find((q) => q.properties?.iso_3166_2 === p.target_province);
      if (!prov) fail(file, where, `target province ${p.target_province} not found`);
      if (!booleanPointInPolygon(f.geometry as any, prov!)) fail(file, where, `point is outside its target province ${p.target_province}`);
    }
  });
}

/** Self-intersection count per feature, ring by ring (rings checked on their own). */
export function kinkCount(f: Feature<Polygon | MultiPolygon>): number {
  const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  let n = 0;
  for (const rings of polys) for (const r of rings) if (r.length >= 4) n += kinks(lineString(r)).features.length;
  return n;
}

/**
 * Fail only on kinks introduced by simplification (the source has some coastline-clip
 * kinks). The source count is computed lazily, only for features that have kinks at
 * all after simplification, because kinks() on the full-detail rings is slow.
 */
export function validateNoNewKinks(
  file: string,
  shipped: FeatureCollection<Polygon | MultiPolygon>,
  source: Map<string, Feature<Polygon | MultiPolygon>>,
): { shipped: number; source: number } {
  const total = { shipped: 0, source: 0 };
  shipped.features.forEach((f, i) => {
    const id = String(f.id ?? (f.properties as any)?.id ?? i);
    const n = kinkCount(f);
    if (n === 0) return;
    const src = source.get(id);
    if (!src) fail(file, label(f, i), 'no source feature to compare kinks with');
    const before = kinkCount(src!);
    total.shipped += n; total.source += before;
    if (n > before) fail(file, label(f, i), `${n} self-intersections after simplification vs ${before} in the source`);
  });
  return total;
}

export function validateTimeline(file: string, events: any[], knownIds: Set<string>, from: string, to: string): void {
  let prev: any = null;
  const seen = new Set<string>();
  events.forEach((e, i) => {
    const where = `event ${e.id ?? i}`;
    if (seen.has(e.id)) fail(file, where, 'duplicate id');
    seen.add(e.id);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(e.date) || e.date < from || e.date > to) fail(file, where, `date ${e.date} outside ${from}..${to}`);
    if (!['strike', 'diplomacy', 'incident', 'context'].includes(e.kind)) fail(file, where, `bad kind ${e.kind}`);
    if (!e.title || !e.summary) fail(file, where, 'missing title/summary');
    validateUrls(file, where, e.sources, 1);
    if (e.place_id !== undefined && !knownIds.has(e.place_id)) fail(file, where, `unknown place_id ${e.place_id}`);
    // A local date and a UTC instant can differ by a day at most (Iran and Pakistan are UTC+3:30 and +5).
    const apart = e.time_utc === undefined ? 0 : Math.abs(Date.parse(e.time_utc) - Date.parse(`${e.date}T12:00:00Z`));
    if (!(apart <= 36 * 3600 * 1000)) fail(file, where, `time_utc ${e.time_utc} is more than a day away from date ${e.date}`);
    if (prev && prev.date > e.date) fail(file, where, 'not sorted by date');
    if (prev && prev.date === e.date && prev.time_utc && e.time_utc && prev.time_utc > e.time_utc) fail(file, where, 'not sorted by time');
    prev = e.time_utc || !prev || prev.date !== e.date ? e : { ...e, time_utc: prev.time_utc };
  });
}

/** Every shipped border vertex must also be a vertex of each province (shared topology). */
export function validateSharedEdge(file: string, border: Position[], provinces: FeatureCollection<Polygon | MultiPolygon>): void {
  for (const prov of provinces.features) {
    const set = new Set<string>();
    const polys = prov.geometry.type === 'Polygon' ? [prov.geometry.coordinates] : prov.geometry.coordinates;
    for (const rings of polys) for (const r of rings) for (const p of r) set.add(`${p[0]},${p[1]}`);
    const missing = border.filter((p) => !set.has(`${p[0]},${p[1]}`));
    if (missing.length) fail(file, `feature ${prov.id}`, `${missing.length} border vertices are not province vertices, e.g. ${missing[0]}`);
  }
}
