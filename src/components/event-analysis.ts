/**
 * The analyst panel's state on a <strike-map>: the newest event dataset among the page's own
 * layers, read as facts (dates, distance to the border, side, facets), and the reader's selection
 * of a period and facet values. The map's layer is filtered to the selection; the selection can
 * be saved in the URL and restored when the dataset arrives. A dense dataset's density follows each
 * step of a brush at once; its other layers (pins, areas) once the brush rests, as each new filter
 * costs MapLibre a new layout of every tile.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { FilterSpecification } from 'maplibre-gl';
import type { BorderIndex } from '../geo/index.ts';
import { dayNumber, eventFacts, isoDay, selects, type EventFacts, type EventSelection } from '../data/event-stats.ts';
import { isDense } from '../data/dense.ts';
import { eventFilter } from '../map/event-filter.ts';
import type { SavedEvents } from './hash-state.ts';
import type { EventFormat } from '../data/events.ts';
import type { Feature, Point } from 'geojson';

/** A layer of the page's own data read as an event dataset. */
export interface EventDataset {
  layerId: string;
  name: string;
  format: EventFormat;
  features: Feature[];
  /** Each feature's distance to the border and side, if already measured. */
  distances?: readonly { km: number; side: 'IR' | 'PK' | null }[];
}

/** Where the datasets come from, and how the map is told what to show of them (UserDataController). */
export interface EventLayers {
  readonly eventDatasets: EventDataset[];
  setFilter(layerId: string, filter: FilterSpecification | null): void;
  /** The events a dense layer's density shows, by feature index (null: all). */
  setSelection(layerId: string, selected: Uint8Array | null): void;
}

/** The dataset the panel shows, with its facts and the span of its dates. */
export interface AnalysedDataset extends EventDataset {
  facts: EventFacts[];
  first: number;
  last: number;
}

/** How many events' facts are read in one task: a 100,000-event dataset takes ten, of some 10 ms each here. */
const FACTS_PER_TASK = 10_000;
/** How long a dense dataset's selection stays unchanged before its pins and areas take it: a brush at rest. */
const BRUSH_REST_MS = 300;

export class EventAnalysis implements ReactiveController {
  dataset?: AnalysedDataset;
  selection?: EventSelection;
  /** A selection from the URL, kept until a dataset arrives. */
  private saved?: SavedEvents;

  constructor(
    private host: ReactiveControllerHost,
    private userData: EventLayers,
    private borderIndex: () => BorderIndex | undefined,
  ) {
    host.addController(this);
  }

  /** Before each render: picks up a new or removed dataset (and one measurable now the border is loaded). */
  hostUpdate(): void {
    const index = this.borderIndex();
    const newest = this.userData.eventDatasets.at(-1);
    if (newest?.features === (this.reading ?? this.dataset?.features)) return;
    if (this.dataset) {
      // A layer no longer analysed shows all of itself.
      clearTimeout(this.resting);
      this.userData.setSelection(this.dataset.layerId, null);
      this.userData.setFilter(this.dataset.layerId, null);
    }
    this.dataset = this.selection = this.reading = undefined;
    if (!newest || !index) return; // without the border, measured on a later update
    this.reading = newest.features;
    void this.analyse(newest, index);
  }

  /** The features whose facts are being read, a slice a task. */
  private reading?: readonly Feature[];

  /** Reads the dataset's facts (the first slice now, each other in a task of its own), then shows it unless another came meanwhile. */
  private async analyse(newest: EventDataset, index: BorderIndex): Promise<void> {
    const { format, features } = newest;
    const distances = newest.distances ?? features.map((f) => {
      const at = (f.geometry as Point).coordinates as [number, number]; // an event dataset's features are points
      return { km: index.nearest(at).km, side: index.side(at) };
    });
    const facts: EventFacts[] = [];
    for (let from = 0; from < features.length; from += FACTS_PER_TASK) {
      if (from) await new Promise((resolve) => setTimeout(resolve));
      if (this.reading !== features) return; // replaced or removed meanwhile
      facts.push(...eventFacts(format, features, distances, from, Math.min(features.length, from + FACTS_PER_TASK)));
    }
    this.reading = undefined;
    let [first, last] = [Infinity, -Infinity];
    for (const e of facts) [first, last] = [Math.min(first, e.start), Math.max(last, e.end)];
    this.dataset = { ...newest, facts, first, last };
    const saved = this.saved;
    this.saved = undefined;
    this.apply(saved ? restored(saved, first, last) : { from: first, to: last, types: new Set(), actors: new Set() });
    if (features.length > FACTS_PER_TASK) this.host.requestUpdate(); // read after this update: the panel shows it in the next
  }

  /** The reader changed the period or the facets. */
  select(selection: EventSelection): void {
    this.apply(selection);
    this.host.requestUpdate();
  }

  /** A selection read from the URL: applied now, or when a dataset arrives. */
  restore(saved: SavedEvents): void {
    if (this.dataset) this.select(restored(saved, this.dataset.first, this.dataset.last));
    else this.saved = saved;
  }

  /** The selection as the URL keeps it (null when the whole dataset is shown). */
  get forUrl(): SavedEvents | null {
    const [d, s] = [this.dataset, this.selection];
    if (!d || !s || (s.from === d.first && s.to === d.last && !s.types.size && !s.actors.size)) return null;
    return { from: isoDay(s.from), to: isoDay(s.to), types: [...s.types], actors: [...s.actors] };
  }

  private apply(selection: EventSelection): void {
    this.selection = selection;
    const d = this.dataset;
    if (!d) return;
    // The whole dataset needs no filter, and a new filter costs MapLibre a re-layout of every tile.
    const everything = selection.from <= d.first && selection.to >= d.last && !selection.types.size && !selection.actors.size;
    if (everything) return this.showOnMap(d.layerId, null, null);
    const selected = new Uint8Array(d.features.length);
    for (const e of d.facts) if (selects(e, selection)) selected[e.index] = 1;
    this.showOnMap(d.layerId, eventFilter(d.format, selection), selected);
  }

  private resting?: ReturnType<typeof setTimeout>;

  /** The density at once; the layers' filter then too, or for a dense dataset once the selection rests. */
  private showOnMap(layerId: string, filter: FilterSpecification | null, selected: Uint8Array | null): void {
    clearTimeout(this.resting);
    this.userData.setSelection(layerId, selected);
    if (!isDense(this.dataset?.features ?? [])) return this.userData.setFilter(layerId, filter);
    this.resting = setTimeout(() => this.userData.setFilter(layerId, filter), BRUSH_REST_MS);
  }
}

/** A saved selection within the dataset's dates. */
function restored(saved: SavedEvents, first: number, last: number): EventSelection {
  const from = Math.max(first, Math.min(last, dayNumber(saved.from)));
  return { from, to: Math.max(from, Math.min(last, dayNumber(saved.to))), types: new Set(saved.types), actors: new Set(saved.actors) };
}
