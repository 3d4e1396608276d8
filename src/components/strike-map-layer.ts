/**
 * <strike-map-layer>: the page's own GeoJSON on a <strike-map>, declared in HTML.
 *
 *   <strike-map-layer name="Clinics" src="clinics.geojson" color="#d00" label="name"></strike-map-layer>
 *   <strike-map-layer name="Route"><script type="application/geo+json">{…}</script></strike-map-layer>
 *
 * The element loads and validates its data; the parent <strike-map> draws it. Changing an
 * attribute or the inline script reloads it; removing the element removes the layer.
 */
import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { customElement } from './define.ts';
import type { FeatureCollection, Polygon } from 'geojson';
import { fetchText } from '../data/fetch-json.ts';
import { DataError, generalProblem, problemOf, type FileLabel, type Problem } from '../data/problems.ts';
import { columnMappingOf, type ColumnMapping, type EventFormat } from '../data/events.ts';
import { loadBuiltinData } from '../data/builtin.ts';
import { isCsvName } from '../data/file-names.ts';
import type { ParsedLayer } from '../data/validate.ts';
import type { EventTileServer } from '../workers/events-client.ts';
import { SIDE_CODES } from '../workers/event-codes.ts';
import { releaseIfGone } from './release-if-gone.ts';

let counter = 0;

/** A layer as the event worker reads it: measured, and for a dense dataset with its tiles. */
type WorkerRead = ParsedLayer & Pick<StrikeMapLayer, 'distances' | 'tiles'>;

/**
 * @summary A GeoJSON layer of the page's own, drawn on the parent <strike-map>.
 * @event strike-map-layer-change - (internal) the layer's data or style changed; the map redraws it.
 */
@customElement('strike-map-layer')
export class StrikeMapLayer extends LitElement {
  /**
   * URL of a GeoJSON (or CSV of points) file. Without it, an inline `<script type="application/geo+json">` child is read.
   * A CSV is read in a background worker, so an event dataset can be up to 250 MB (other files: 10 MB).
   */
  @property() src?: string;
  /** Name shown in the legend, cards and messages. */
  @property() name = '';
  /** Colour of the features. */
  @property() color = '#d9480f';
  /** Property to label features by. */
  @property() label?: string;
  /**
   * For a CSV (or GeoJSON points) of events in no known convention: which columns hold what, as
   * `date: start; date_end: end; uncertainty_km: radius; type: kind; actors: side_a, side_b; place: town`.
   * Only `date` is needed. Without it such a file is read as events only when its column names leave no doubt.
   */
  @property() columns?: string;
  /** How long to wait for `src`, in milliseconds (default 20 000). */
  @property({ type: Number }) timeout?: number;

  /** Unique id of this layer on the map. */
  readonly layerId = `user-${++counter}`;
  /** The features that passed validation (undefined until loaded, or if nothing could be read). */
  collection?: FeatureCollection;
  /** For an event dataset, each event's area of uncertainty. */
  areas?: FeatureCollection<Polygon>;
  /** The event dataset convention the data was read by ('UCDP GED', 'ACLED' or 'CSV'), if it is one. */
  format?: EventFormat;
  /** @internal For a CSV read in the worker: each feature's distance to the border and side. */
  distances?: readonly { km: number; side: 'IR' | 'PK' | null }[];
  /** @internal For a dense event dataset read in the worker: the map's tiles of it, cut there. */
  tiles?: EventTileServer;
  /** What went wrong while loading, for the map to show in its reader's language (`text` is the English). */
  problems: Problem[] = [];
  private observer = new MutationObserver(() => this.reload());
  private abort?: AbortController;

  /** The name to show: the `name` attribute, else the file name, else "Inline layer" in the map's language. */
  get displayName(): FileLabel {
    return this.name || this.src?.split('/').pop() || generalProblem('inlineLayer');
  }

  protected createRenderRoot() {
    return this; // no UI of its own; the inline <script> child stays readable
  }

  connectedCallback(): void {
    super.connectedCallback();
    this.style.display = 'none';
    this.observer.observe(this, { childList: true, characterData: true, subtree: true });
    // Moved while loading: the load was abandoned on disconnect, so start it again.
    if (this.hasUpdated && this.interrupted) void this.reload();
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.observer.disconnect();
    if (this.abort && !this.abort.signal.aborted) this.interrupted = true;
    this.abort?.abort();
    releaseIfGone(this, () => {
      this.tiles?.close();
      this.tiles = undefined; // drawn from GeoJSON if it comes back
    });
  }

  /** A load was abandoned because the element left the page before it finished. */
  private interrupted = false;

  protected updated(changed: Map<string, unknown>): void {
    if (!this.loading || changed.has('src') || changed.has('columns')) void this.reload();
    else this.notify();
  }

  /** Settles when the latest load has finished (successfully or not). */
  loading?: Promise<void>;

  private reload(): Promise<void> {
    this.loading = this.load();
    return this.loading;
  }

  private async load(): Promise<void> {
    this.abort?.abort();
    this.interrupted = false;
    const abort = (this.abort = new AbortController());
    const name = this.displayName;
    const timeoutMs = this.timeout && this.timeout > 0 ? this.timeout : undefined;
    try {
      const mapping = this.mapping();
      const parsed: WorkerRead = this.src && isCsvName(this.src) ? await this.readCsvInWorker(this.src, abort.signal, timeoutMs, mapping) : await this.read(abort.signal, timeoutMs, mapping);
      if (abort.signal.aborted) return parsed.tiles?.close();
      this.tiles?.close();
      this.tiles = parsed.tiles;
      this.collection = parsed.collection;
      this.areas = parsed.areas;
      this.format = parsed.format;
      this.distances = parsed.distances;
      this.problems = parsed.skipped ? [generalProblem('layerSkipped', { name, count: parsed.skipped }), ...parsed.problems] : [];
    } catch (error) {
      if (abort.signal.aborted) return;
      this.tiles?.close();
      this.collection = this.areas = this.format = this.distances = this.tiles = undefined;
      const why = problemOf(error);
      // Name the layer as the page author called it, not only by its URL.
      this.problems = [this.name && this.src ? generalProblem('inFile', { file: this.name, problem: why }) : why];
    } finally {
      if (this.abort === abort) this.abort = undefined;
    }
    this.notify();
  }

  /** The `columns` attribute as a mapping, if it is set. @throws a DataError naming the layer if it cannot be read */
  private mapping(): ColumnMapping | undefined {
    if (!this.columns?.trim()) return undefined;
    const mapping = columnMappingOf(this.columns);
    if ('key' in mapping) throw new DataError(this.displayName, mapping);
    return mapping;
  }

  /** GeoJSON (downloaded or inline) or inline CSV, read here. */
  private async read(signal: AbortSignal, timeoutMs: number | undefined, mapping: ColumnMapping | undefined): Promise<ParsedLayer> {
    const text = this.src ? await fetchText(this.src, { signal, timeoutMs }) : this.inlineText();
    const { parseUserText } = await import('../data/parse-user.ts');
    return parseUserText(this.src ?? (this.name ? generalProblem('inline', { name: this.name }) : this.displayName), text, undefined, mapping);
  }

  /** A CSV download, read and measured in the event worker: an event dataset may be up to 250 MB. */
  private async readCsvInWorker(src: string, signal: AbortSignal, timeoutMs: number | undefined, mapping: ColumnMapping | undefined): Promise<WorkerRead> {
    const [data, { readEventFile }] = await Promise.all([loadBuiltinData(signal), import('../workers/events-client.ts')]);
    signal.throwIfAborted();
    const job = readEventFile({ file: { url: new URL(src, document.baseURI).href, name: src, timeoutMs }, border: data.border, provinces: data.provinces, mapping, label: this.label }, () => {});
    signal.addEventListener('abort', () => job.cancel(), { once: true });
    const { km, side, ...parsed } = await job.result;
    return { ...parsed, distances: Array.from(km, (d, i) => ({ km: d, side: SIDE_CODES[side[i]] })) };
  }

  private inlineText(): string {
    const script = this.querySelector('script[type="application/geo+json"], script[type="application/json"]');
    if (!script) throw new DataError(this.displayName, generalProblem('noData'));
    return script.textContent ?? '';
  }

  private notify(): void {
    this.dispatchEvent(new CustomEvent('strike-map-layer-change', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'strike-map-layer': StrikeMapLayer;
  }
}
