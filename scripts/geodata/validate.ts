/**
 * Build-time validation. Every check throws with the file name and the feature
 * id (or index) so a bad build fails loudly instead of shipping broken data.
 */
import { booleanPointInPolygon, coordAll, distance, kinks, lineString } from '@turf/turf';
import { featureProblem } from '../../src/data/validate.ts';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson';
import type { BorderIndex } from '../../src/geo/border-index.ts';
import type { StrikeProperties, TimelineEvent } from '../../src/data/types.ts';
import type { Derivation } from './derive-sites.ts';
import type { NoteDistance, Row } from './content.ts';
import { districtFit, edgeKm } from './sites.ts';

export type BBox = [number, number, number, number];

export class GeodataError extends Error {}

const fail = (file: string, where: string, msg: string): never => {
  throw new GeodataError(`${file}: ${where}: ${msg}`);
};
const label = (f: Feature, i: number) => `feature ${f.id ?? (f.properties as { id?: string } | null)?.id ?? `#${i}`}`;

/**
 * The app's own GeoJSON validator (src/data/validate.ts: what readers' files must pass, the shipped
 * layers pass too), plus properties on every feature and a per-layer bounding box.
 */
export function validateFeatureCollection(file: string, fc: FeatureCollection, bbox: BBox, minFeatures = 1): void {
  if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features)) fail(file, 'root', 'not a FeatureCollection');
  if (fc.features.length < minFeatures) fail(file, 'root', `${fc.features.length} features, expected >= ${minFeatures}`);
  fc.features.forEach((f, i) => {
    const where = label(f, i);
    const problem = featureProblem(f);
    if (problem) fail(file, where, problem.text);
    if (!f.properties || typeof f.properties !== 'object') fail(file, where, 'missing properties');
    for (const [x, y] of coordAll(f)) {
      if (x < bbox[0] || x > bbox[2] || y < bbox[1] || y > bbox[3]) fail(file, where, `position ${x},${y} outside layer bbox ${bbox.join(',')}`);
    }
  });
}

/**
 * Why a source URL would not resolve, or '' if it is fine: it must parse, use http(s), be written
 * the way a browser sends it (non-ASCII percent-encoded), have no empty path segment ("//") and
 * point at a page rather than a bare site root.
 */
export function urlProblem(u: unknown): string {
  if (typeof u !== 'string') return 'is not a string';
  let url: URL;
  try {
    url = new URL(u);
  } catch {
    return 'does not parse as a URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `uses ${url.protocol} instead of http(s)`;
  if (url.href !== u) return `is not in canonical, percent-encoded form (expected ${url.href})`;
  if (url.pathname.includes('//')) return 'has an empty path segment (//)';
  if (url.pathname === '/' && !url.search) return 'is a bare site root, not a page';
  return '';
}

export function validateUrls(file: string, where: string, urls: unknown, min = 1): void {
  if (!Array.isArray(urls) || urls.length < min) fail(file, where, `needs >= ${min} source URL(s)`);
  (urls as unknown[]).forEach((u) => {
    const problem = urlProblem(u);
    if (problem) fail(file, where, `source ${u} ${problem}`);
  });
}

/** Strikes: sources, uncertainty, accounts, and the point-in-target-province rule. */
export function validateStrikes(file: string, fc: FeatureCollection, provinces: FeatureCollection<Polygon | MultiPolygon>): void {
  fc.features.forEach((f, i) => {
    const p = f.properties as StrikeProperties, where = label(f, i);
    validateUrls(file, where, p.sources, 2);
    if (!(typeof p.uncertainty_km === 'number' && p.uncertainty_km > 0)) fail(file, where, 'uncertainty_km must be > 0');
    for (const key of ['weapons', 'casualties', 'distance_claims', 'constraints', 'alternatives'] as const) {
      (p[key] ?? []).forEach((a, j) => validateUrls(file, `${where} ${key}[${j}]`, a.sources, 1));
    }
    if (p.category === 'cross-border') {
      const prov = provinces.features.find((q) => q.properties?.iso_3166_2 === p.target_province);
      if (!prov) fail(file, where, `target province ${p.target_province} not found`);
      if (!booleanPointInPolygon(f.geometry as Point, prov!)) fail(file, where, `point is outside its target province ${p.target_province}`);
    }
  });
}

/** Something with a clock time: a strike feature's properties or a timeline item. */
interface Timed {
  time_utc?: string;
  time_estimated?: boolean;
  time_note?: string;
  time_sources?: string[];
}

/**
 * No invented clock times: a time is either reported (its sources cited, and among the item's
 * own sources) or marked estimated with the method in `time_note`.
 */
export function validateTime(file: string, where: string, t: Timed, itemSources: readonly string[], required: boolean): void {
  if (t.time_utc === undefined) {
    if (required) fail(file, where, 'needs time_utc');
    if (t.time_estimated || t.time_note || t.time_sources?.length) fail(file, where, 'has time fields but no time_utc');
    return;
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(t.time_utc)) fail(file, where, `time_utc ${t.time_utc} is not an ISO UTC instant`);
  if (!t.time_note) fail(file, where, 'time_utc needs a time_note saying who reported it or how it was estimated');
  if (t.time_estimated) {
    if (t.time_sources?.length) fail(file, where, 'an estimated time cites time_sources; a reported one must not be marked estimated');
    if (!/^Estimated\b/.test(t.time_note!)) fail(file, where, 'an estimated time_note must start with "Estimated" and give the method');
  } else {
    if (!t.time_sources?.length) fail(file, where, 'time_utc is neither sourced (time_sources) nor marked time_estimated');
    validateUrls(file, `${where} time_sources`, t.time_sources, 1);
    for (const u of t.time_sources!) if (!itemSources.includes(u)) fail(file, where, `time source ${u} is not among the item's sources`);
    if (!/^Reported\b/.test(t.time_note!)) fail(file, where, 'a reported time_note must start with "Reported"');
  }
}

export function validateStrikeTimes(file: string, fc: FeatureCollection<Point, StrikeProperties>): void {
  fc.features.forEach((f, i) => validateTime(file, label(f, i), f.properties, f.properties.sources, true));
}

/** The same article may not be cited for events on different dates (a sign of a misdated source). */
export function validateArticleDates(file: string, events: readonly { id: string; date: string; sources: string[] }[]): void {
  const seen = new Map<string, { id: string; date: string }>();
  for (const e of events) {
    for (const u of e.sources) {
      const before = seen.get(u);
      if (before && before.date !== e.date) fail(file, `event ${e.id}`, `cites ${u} under ${e.date}, but event ${before.id} cites it under ${before.date}`);
      if (!before) seen.set(u, { id: e.id, date: e.date });
    }
  }
}

/** Edge distance (km) below which a point needs a note saying why it is so close to its district's edge. */
export const DISTRICT_EDGE_KM = 1;
/** Share of the area of uncertainty below which the area needs a note saying why so much lies outside. */
export const DISTRICT_MIN_SHARE = 0.5;

/**
 * Each strike's point and area against the district or county it is said to be in, measured
 * afresh from the outline: the point must be inside, at least 1 km from the edge, and at least half
 * the disc must lie inside, unless `district.note` explains. Context strikes outside Iran and
 * Pakistan may have no district (their note says so).
 */
export function validateDistricts(file: string, fc: FeatureCollection<Point, StrikeProperties>, districts: FeatureCollection<Polygon | MultiPolygon>): void {
  fc.features.forEach((f, i) => {
    const p = f.properties, where = label(f, i), fit = p.district;
    if (!fit) {
      if (p.category !== 'context') fail(file, where, 'a cross-border strike must name its district or county');
      return;
    }
    const outline = districts.features.find((d) => String(d.id) === fit.id);
    if (!outline) fail(file, where, `district ${fit.id} not found`);
    const at = f.geometry.coordinates as [number, number];
    if (!booleanPointInPolygon(at, outline!)) fail(file, where, `point ${at.join(',')} lies outside ${fit.name}, the district it is said to be in`);
    const edge = edgeKm(at, outline!);
    if (edge < DISTRICT_EDGE_KM && !fit.note) fail(file, where, `point is ${edge.toFixed(2)} km from the edge of ${fit.name} (< ${DISTRICT_EDGE_KM} km) and no note says why`);
    const fresh = districtFit(at, p.uncertainty_km, outline!, fit.note);
    if (fresh.share < DISTRICT_MIN_SHARE && !fit.note) fail(file, where, `only ${(fresh.share * 100).toFixed(0)} % of the area of uncertainty lies in ${fit.name} and no note says why`);
    if (fresh.share !== fit.share || fresh.edge_km !== fit.edge_km) fail(file, where, `stated district fit (${fit.share}, ${fit.edge_km} km) differs from the geometry (${fresh.share}, ${fresh.edge_km} km)`);
  });
}

/** Resolves a note's distance target to a position: 'border' is handled by the caller. */
export type Locate = (id: string) => Position | undefined;

const KM_IN_TEXT = /(\d+(?:\.\d+)?)(?:\s*[–-]\s*(\d+(?:\.\d+)?))?\s*km\b/g;

/**
 * A note's distances must agree with the shipped geometry: every "N km" in the text is declared
 * (as a measured distance or as a quoted figure), and each measured one is within 1 km or 10 %
 * of the great-circle distance between the shipped points (or to the shipped border).
 */
export function validateNoteDistances(file: string, where: string, at: Position, text: string, declared: readonly NoteDistance[] | undefined, locate: Locate, border: BorderIndex, radiusKm?: number): void {
  const list = declared ?? [];
  for (const m of text.matchAll(KM_IN_TEXT)) {
    for (const figure of [m[1], m[2]].filter(Boolean).map(Number)) {
      if (!list.some((d) => d.km === figure)) fail(file, where, `note states ${figure} km but declares no such distance (add it to note_distances/basis_distances, measured or quoted)`);
    }
  }
  for (const d of list) {
    if (d.quoted) continue;
    if (!d.to) fail(file, where, `distance ${d.km} km has neither a target nor quoted: true`);
    let measured: number;
    if (d.to === 'border') measured = border.nearest(at).km;
    else if (d.to === 'radius') measured = radiusKm ?? NaN;
    else {
      const there = locate(d.to!);
      if (!there) fail(file, where, `distance target ${d.to} not found`);
      measured = distance(at, there!);
    }
    if (!(Math.abs(measured - d.km) <= Math.max(1, 0.1 * d.km))) fail(file, where, `note says ${d.km} km to ${d.to}, but the shipped geometry gives ${measured.toFixed(1)} km`);
  }
}

/** A derived site's row in places.csv must match the derivation (point to 4 decimals, radius). */
export function validateDerived(file: string, d: Derivation, row: Row): void {
  const where = `row ${d.id}`;
  const [lon, lat] = d.point;
  if (Math.abs(+row.lon - lon) > 5e-5 || Math.abs(+row.lat - lat) > 5e-5 || +row.uncertainty_km !== d.radius_km) {
    fail(file, where, `says ${row.lon},${row.lat} ± ${row.uncertainty_km} km but scripts/geodata/derive-sites.ts gives ${lon},${lat} ± ${d.radius_km} km; update the row`);
  }
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
    const id = String(f.id ?? (f.properties as { id?: string } | null)?.id ?? i);
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

export function validateTimeline(file: string, events: TimelineEvent[], knownIds: Set<string>, from: string, to: string): void {
  let prev: TimelineEvent | null = null;
  const seen = new Set<string>();
  events.forEach((e, i) => {
    const where = `event ${e.id ?? i}`;
    if (seen.has(e.id)) fail(file, where, 'duplicate id');
    seen.add(e.id);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(e.date) || e.date < from || e.date > to) fail(file, where, `date ${e.date} outside ${from}..${to}`);
    if (!['strike', 'diplomacy', 'incident', 'context'].includes(e.kind)) fail(file, where, `bad kind ${e.kind}`);
    if (!e.title || !e.summary) fail(file, where, 'missing title/summary');
    validateUrls(file, where, e.sources, 1);
    validateTime(file, where, e, e.sources, false);
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
