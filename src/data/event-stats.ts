/**
 * Statistics of an event dataset for the analyst panel: events per period for the time histogram,
 * the brushed and faceted selection, and counts by distance band that keep each event's location
 * uncertainty (an event whose range of distances crosses a band edge is counted as such, not
 * forced into one band). Pure: no DOM, no map.
 */
import type { Feature } from 'geojson';
import { FACET_COLUMNS, type EventFormat } from './events.ts';

/** One event as the statistics need it. Days are day numbers: whole days since 1970-01-01 (UTC). */
export interface EventFacts {
  /** The event's number in its layer (the feature index), for opening its card. */
  index: number;
  start: number;
  end: number;
  /** Distance from the plotted point to the border, and the radius of its area of uncertainty, km. */
  km: number;
  r: number;
  /** The side of the border the plotted point is on (null: in neither province's country). */
  side: 'IR' | 'PK' | null;
  type: string;
  actors: readonly string[];
}

const DAY_MS = 86_400_000;

const days = new Map<string, number>(); // datasets repeat their days, and Date.parse is the slow part of reading facts

/** "YYYY-MM-DD" as a day number. */
export function dayNumber(iso: string): number {
  let day = days.get(iso);
  // Stryker disable next-line ConditionalExpression: the cache only saves time
  if (day === undefined) days.set(iso, (day = Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS)));
  return day;
}

/** A day number as "YYYY-MM-DD". */
export const isoDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/**
 * The facts of each event of a layer read as an event dataset (`readEvent` gave them their dates
 * and `uncertainty_km`), or of the features from `from` up to `to` (a big dataset is read a slice
 * at a time, so that no task holds the page up).
 *
 * @param distances - each feature's distance to the border and side, in feature order
 */
export function eventFacts(format: EventFormat, features: readonly Feature[], distances: readonly { km: number; side: 'IR' | 'PK' | null }[], from = 0, to = features.length): EventFacts[] {
  const columns = FACET_COLUMNS[format];
  const facts: EventFacts[] = [];
  for (let index = from; index < to; index++) {
    const p = features[index].properties ?? {};
    // Cells as the file has them (the map's filter matches them so); a blank one is no actor.
    const actors = columns.actors.map((column) => String(p[column] ?? '')).filter((cell) => cell.trim() !== '');
    facts.push({ index, start: dayNumber(p.date), end: dayNumber(p.date_end), km: distances[index].km, r: p.uncertainty_km, side: distances[index].side, type: String(p[columns.type] ?? ''), actors });
  }
  return facts;
}

/** The periods the time histogram counts by. */
export type BinUnit = 'day' | 'week' | 'month' | 'year';

/** The finest period that keeps the histogram to about 200 bars or fewer. */
export function binUnitFor(first: number, last: number): BinUnit {
  const days = last - first + 1;
  return days <= 200 ? 'day' : days <= 200 * 7 ? 'week' : days <= 200 * 30 ? 'month' : 'year';
}

/** The first day of the period that holds `day` (weeks start on Monday). */
export function periodStart(day: number, unit: BinUnit): number {
  if (unit === 'day') return day;
  if (unit === 'week') return day - ((day + 3) % 7); // day 0, 1 January 1970, was a Thursday
  const at = new Date(day * DAY_MS);
  return Math.round(Date.UTC(at.getUTCFullYear(), unit === 'month' ? at.getUTCMonth() : 0, 1) / DAY_MS);
}

/** The first day of the period after the one starting at `start`. */
function nextPeriod(start: number, unit: BinUnit): number {
  if (unit === 'day') return start + 1;
  if (unit === 'week') return start + 7;
  const at = new Date(start * DAY_MS);
  const [year, month] = [at.getUTCFullYear(), at.getUTCMonth()];
  return Math.round((unit === 'month' ? Date.UTC(year, month + 1, 1) : Date.UTC(year + 1, 0, 1)) / DAY_MS);
}

/** The first days of the periods from the one holding `first` to the one holding `last`. */
export function periodStarts(first: number, last: number, unit: BinUnit): number[] {
  const starts: number[] = [];
  for (let start = periodStart(first, unit); start <= last; start = nextPeriod(start, unit)) starts.push(start);
  return starts;
}

/** The index of the period holding `day` (`starts` ascending; a day before the first gives 0). */
export function periodOf(day: number, starts: readonly number[]): number {
  let [lo, hi] = [0, starts.length - 1];
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= day) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Events per period. An event within one period counts whole in it (`exact`); one whose dates
 * span several periods (known only to the month, say, when the bars are weeks) is spread evenly
 * over them (`spread`), so it is not drawn as if it happened on one day.
 */
export function timeHistogram(events: readonly EventFacts[], starts: readonly number[]): { exact: number[]; spread: number[] } {
  const exact = starts.map(() => 0);
  const spread = starts.map(() => 0);
  for (const e of events) {
    const [a, b] = [periodOf(e.start, starts), periodOf(e.end, starts)];
    if (a === b) exact[a] += 1;
    else for (let i = a; i <= b; i++) spread[i] += 1 / (b - a + 1);
  }
  return { exact, spread };
}

/** What the reader has chosen: a period (day numbers, both ends included) and facet values (empty: all). */
export interface EventSelection {
  from: number;
  to: number;
  types: ReadonlySet<string>;
  actors: ReadonlySet<string>;
}

/**
 * Whether an event is in the selection: its dates overlap the period, and its type and one of its
 * actors are among those chosen. `ignore` leaves one facet out, for that facet's own counts.
 */
export function selects(e: EventFacts, selection: EventSelection, ignore?: 'types' | 'actors'): boolean {
  if (e.end < selection.from || e.start > selection.to) return false;
  if (ignore !== 'types' && selection.types.size && !selection.types.has(e.type)) return false;
  return ignore === 'actors' || !selection.actors.size || e.actors.some((actor) => selection.actors.has(actor));
}

/** Each value of a facet with the number of selected events that have it, most frequent first. */
export function facetCounts(events: readonly EventFacts[], selection: EventSelection, facet: 'types' | 'actors'): [string, number][] {
  const counts = new Map<string, number>();
  const count = (value: string) => counts.set(value, (counts.get(value) ?? 0) + 1);
  for (const e of events) {
    if (!selects(e, selection, facet)) continue;
    if (facet === 'types') count(e.type);
    else e.actors.forEach((actor, i) => e.actors.indexOf(actor) === i && count(actor)); // an actor named twice counts once
  }
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** The distance bands of the statistics, km: 0–10, 10–25, 25–50 and 50 or more. */
export const BAND_EDGES_KM = [10, 25, 50] as const;

/** Counts per distance band: `sure` events lie wholly in the band; `straddling` ones reach into it across an edge. */
export interface BandCounts {
  total: number;
  sure: number[];
  straddling: number[];
}

/** The band a distance falls in: band i runs from edge i − 1 (0 for the first) up to, not including, edge i. */
function bandOf(km: number, edges: readonly number[]): number {
  let band = 0;
  while (band < edges.length && km >= edges[band]) band++;
  return band;
}

/**
 * Events by distance band, grouped (by side, by year …). An event's distances run from
 * max(0, km − r), which is exact (its area reaches that close to the border), to km + r, the
 * farthest it can be (exact for a straight border, a slight overstatement near a bend): an event
 * whose range lies in one band is sure there, otherwise it straddles every band it reaches into.
 *
 * @param groupOf - the group an event is counted in
 * @returns the counts of each group, in the order the groups first appear
 */
export function bandCounts(events: Iterable<EventFacts>, groupOf: (e: EventFacts) => string, edges: readonly number[] = BAND_EDGES_KM): Map<string, BandCounts> {
  const groups = new Map<string, BandCounts>();
  for (const e of events) {
    const key = groupOf(e);
    let counts = groups.get(key);
    if (!counts) groups.set(key, (counts = { total: 0, sure: [0, ...edges.map(() => 0)], straddling: [0, ...edges.map(() => 0)] }));
    counts.total += 1;
    const [near, far] = [bandOf(Math.max(0, e.km - e.r), edges), bandOf(e.km + e.r, edges)];
    if (near === far) counts.sure[near] += 1;
    else for (let band = near; band <= far; band++) counts.straddling[band] += 1;
  }
  return groups;
}

const years = new Map<number, string>(); // likewise: a Date per event costs more than the rest of the counting

/** The calendar year of an event's first day. */
export function yearOf(e: EventFacts): string {
  let year = years.get(e.start);
  // Stryker disable next-line ConditionalExpression: the cache only saves time
  if (year === undefined) years.set(e.start, (year = String(new Date(e.start * DAY_MS).getUTCFullYear())));
  return year;
}

/**
 * The band counts as tidy rows for a CSV: one per year, side and band, with the band's edges in km
 * (the last band's upper edge empty) and the sure and straddling counts.
 */
export function bandCountRows(events: readonly EventFacts[], edges: readonly number[] = BAND_EDGES_KM): (string | number)[][] {
  const groups = bandCounts(events, (e) => `${yearOf(e)} ${e.side ?? ''}`, edges);
  const rows: (string | number)[][] = [];
  for (const key of [...groups.keys()].sort()) {
    const [year, side] = key.split(' ');
    const { sure, straddling } = groups.get(key)!;
    sure.forEach((count, band) => rows.push([year, side, band ? edges[band - 1] : 0, edges[band] ?? '', count, straddling[band]]));
  }
  return rows;
}

/** The header of {@link bandCountRows}. */
export const BAND_COUNT_COLUMNS = ['year', 'side', 'from_km', 'to_km', 'events_sure', 'events_straddling'];
