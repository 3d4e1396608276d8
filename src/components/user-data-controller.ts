/**
 * Keeps the page's own data on a <strike-map>: <strike-map-layer> children (added, changed,
 * removed) and files the reader drops or chooses (UserDataLoader hands them over), their legend
 * switches, and the card of a feature the reader opens. Dropped points get their distance to the
 * border, shown in the table and downloadable as CSV.
 */
import { html, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { FilterSpecification, Map as MlMap } from 'maplibre-gl';
import type { Feature, FeatureCollection } from 'geojson';
import { StrikeMapLayer } from './strike-map-layer.ts';
import { distanceRange } from '../geo/distance-range.ts';
import { denseFeatureIndex, removeUserLayer, setUserLayerFilter, setUserLayerSelection, setUserLayerVisible, syncUserLayer, type UserLayer } from '../map/user-layers.ts';
import type { ColumnMapping, EventFormat } from '../data/events.ts';
import type { ColumnGuess } from '../data/event-columns.ts';
import type { ColumnAnswer } from './strike-event-columns.ts';
import { EventAnalysis, type EventDataset } from './event-analysis.ts';
import type { Palette } from '../map/palette.ts';
import type { Units } from '../geo/index.ts';
import type { Story } from '../data/story.ts';
import type { BuiltinData } from '../data/types.ts';
import { SIDE_CODES } from '../workers/event-codes.ts';
import type { EventFileResult } from '../workers/events-client.ts';
import type { MessageKey, Texts } from '../i18n/texts.ts';
import { problemOf, type FileLabel } from '../data/problems.ts';
import { isCsvName } from '../data/file-names.ts';
import { releaseIfGone } from './release-if-gone.ts';

/** A point from a dropped file, measured against the border. */
export interface MeasuredPoint {
  name: string;
  lon: number;
  lat: number;
  km: number;
  side: 'IR' | 'PK' | null;
}

export interface DroppedLayer extends UserLayer {
  name: string;
  points: MeasuredPoint[];
  format?: EventFormat;
}

/** What the controller reads from and asks of the element. */
export interface UserDataTarget {
  map(): MlMap | undefined;
  palette(): Palette;
  /** The built-in data and its border index, once loaded. */
  story(): Story | undefined;
  units(): Units;
  texts(): Texts;
  fitTo(collection: FeatureCollection): void;
  /** Shows a message; its details, if any, behind a disclosure. */
  notice(message: string, source: string, details?: string[]): void;
  announce(text: string): void;
  /** A feature card is about to open: the strike card closes, and focus is noted to return to. */
  cardOpening(): void;
  /** The feature card closed: focus goes back. */
  cardClosed(): void;
}

/** The card of one feature of the page's own data. */
interface OpenFeature {
  layer: string;
  properties: Record<string, unknown>;
  distance: string;
}

const DROP_COLOR = '#c2255c';
const USER_LAYER = /^(user|drop)-\d+-(fill|line|circle)$/;
let dropCounter = 0;

export class UserDataController implements ReactiveController {
  /** Layers that came from dropped files, newest last. */
  dropped: DroppedLayer[] = [];
  /** The feature whose card is open. */
  feature?: OpenFeature;
  private shown = new Map<string, { name: FileLabel; color: string }>(); // layerId → how the legend lists it
  private hidden = new Set<string>(); // layers the reader switched off in the legend
  private filters = new Map<string, FilterSpecification>(); // layerId → what the analyst panel selects
  private selections = new Map<string, Uint8Array>(); // layerId → the events a dense layer's density shows
  private observer = new MutationObserver(() => this.syncChildren());

  /** The analyst panel's state, for the newest event dataset among these layers. */
  readonly analysis: EventAnalysis;

  constructor(
    private host: ReactiveControllerHost & HTMLElement,
    private target: UserDataTarget,
  ) {
    host.addController(this);
    this.analysis = new EventAnalysis(host, this, () => target.story()?.borderIndex);
  }

  hostConnected(): void {
    this.host.addEventListener('strike-map-layer-change', this.syncChildren);
    this.observer.observe(this.host, { childList: true });
  }

  hostDisconnected(): void {
    this.host.removeEventListener('strike-map-layer-change', this.syncChildren);
    this.observer.disconnect();
    this.shown.clear();
    this.readyMap = undefined;
    releaseIfGone(this.host, this.closeTiles);
  }

  /** Ends the workers that cut dropped files' tiles: if the element comes back, it draws the files from GeoJSON. */
  private closeTiles = (): void => {
    for (const layer of this.dropped) layer.tiles?.close();
    this.dropped = this.dropped.map((layer) => ({ ...layer, tiles: undefined }));
  };

  /** Draws everything again on a new map (after the element is re-attached). */
  onMapReady(): void {
    this.readyMap = this.target.map();
    this.shown.clear();
    this.syncChildren();
    for (const layer of this.dropped) {
      // Files dropped before the border was loaded are measured now.
      if (!layer.points.length) layer.points = this.measure(layer.collection);
      void this.draw(layer, layer.name);
    }
    if (this.dropped.length) this.host.requestUpdate();
  }

  /** Lets go of a removed map (the element keeps running; a new map comes later). */
  onMapRemoved(): void {
    this.readyMap = undefined;
  }

  /** The display name of a user layer by its MapLibre source id. */
  layerName(layerId: string): string | undefined {
    const name = this.shown.get(layerId)?.name;
    return name === undefined ? undefined : this.target.texts().fileLabel(name);
  }

  /** The page's own layers now on the map, for the legend. */
  get layers(): { layerId: string; name: string; color: string; visible: boolean }[] {
    const texts = this.target.texts();
    return [...this.shown].map(([layerId, { name, color }]) => ({ layerId, name: texts.fileLabel(name), color, visible: !this.hidden.has(layerId) }));
  }

  /** Shows or hides one of the page's own layers (the legend's switches). */
  setVisible(layerId: string, visible: boolean): void {
    if (visible) this.hidden.delete(layerId);
    else this.hidden.add(layerId);
    const map = this.target.map();
    if (map) setUserLayerVisible(map, layerId, visible);
    this.host.requestUpdate();
  }

  /** The event datasets among the page's own layers: <strike-map-layer> children, then dropped files, newest last. */
  get eventDatasets(): EventDataset[] {
    const texts = this.target.texts();
    type Candidate = Omit<EventDataset, 'format'> & { format?: EventFormat };
    const children = this.children().map((el): Candidate => ({ layerId: el.layerId, name: texts.fileLabel(el.displayName), format: el.format, features: el.collection?.features ?? [], distances: el.distances }));
    const dropped = this.dropped.map(({ layerId, name, format, collection, points }): Candidate => ({ layerId, name, format, features: collection.features, distances: points.length === collection.features.length ? points : undefined }));
    return [...children, ...dropped].filter((layer): layer is EventDataset => Boolean(layer.format));
  }

  /** Shows only the features that pass `filter` (null: all) of one of the page's own layers. */
  setFilter(layerId: string, filter: FilterSpecification | null): void {
    if (filter) this.filters.set(layerId, filter);
    else this.filters.delete(layerId);
    const map = this.target.map();
    if (map && map === this.readyMap && this.shown.has(layerId)) setUserLayerFilter(map, layerId, filter);
  }

  /** Shows only the `selected` features (by index; null: all) in a dense layer's density, at once. */
  setSelection(layerId: string, selected: Uint8Array | null): void {
    if (selected) this.selections.set(layerId, selected);
    else this.selections.delete(layerId);
    const map = this.target.map();
    if (map && map === this.readyMap && this.shown.has(layerId)) setUserLayerSelection(map, layerId, selected);
  }

  /** The page's own layers with their features, for the table. */
  get tableLayers(): { layerId: string; name: string; color: string; features: Feature[] }[] {
    return this.layers.filter((layer) => layer.layerId.startsWith('user-')).map((layer) => ({ ...layer, features: this.featuresOf(layer.layerId) }));
  }

  /** Opens the card of the page's own feature under a clicked point, if there is one; true if so. */
  openAt(point: { x: number; y: number }): boolean {
    const map = this.target.map()!;
    const layers = map.getStyle().layers.map((l) => l.id).filter((id) => USER_LAYER.test(id));
    const [hit] = layers.length ? map.queryRenderedFeatures([point.x, point.y], { layers }) : [];
    if (!hit) return false;
    const index = denseFeatureIndex(hit);
    const feature = (index === undefined ? undefined : this.featuresOf(String(hit.source))[index]) ?? hit;
    // A point is measured from where it is; a line or an area from where the reader clicked.
    if (feature.geometry?.type === 'Point') this.open(String(hit.source), feature.properties ?? {}, feature.geometry.coordinates as [number, number], 'fromBorder');
    else this.open(String(hit.source), feature.properties ?? {}, map.unproject([point.x, point.y]).toArray() as [number, number], 'fromBorderAtClick');
    return true;
  }

  /** Opens the card of one feature and shows it (the table's "Show" buttons). */
  show(layerId: string, index: number): void {
    const feature = this.featuresOf(layerId)[index];
    if (!feature) return;
    const at = feature.geometry?.type === 'Point' ? (feature.geometry.coordinates as [number, number]) : undefined;
    this.open(layerId, feature.properties ?? {}, at, 'fromBorder');
    this.target.announce(this.target.texts().t('featureShown', { layer: this.feature!.layer, number: index + 1 }));
    this.target.fitTo({ type: 'FeatureCollection', features: [feature] });
  }

  /** Closes the feature card; `returnFocus` puts the keyboard back where it was. */
  close(returnFocus = true): void {
    if (!this.feature) return;
    this.feature = undefined;
    if (returnFocus) this.target.cardClosed();
    this.host.requestUpdate();
  }

  /** What this controller shows over the map: the open feature's card, a file being read in the worker, and the question of a CSV's columns. */
  renderOverlay() {
    const [open, reading, asking, texts] = [this.feature, this.reading, this.asking, this.target.texts()];
    const mb = (bytes: number) => texts.number(bytes / 1024 / 1024, 1);
    return html`${open
      ? html`<strike-feature-card .texts=${texts} .layerName=${open.layer} .properties=${open.properties} .distance=${open.distance} .units=${this.target.units()} @close=${() => this.close()}></strike-feature-card>`
      : ''}${reading
      ? html`<div class="reading" role="group" aria-label=${texts.t('readingFile', { name: reading.name })}>
          <label>${texts.t('readingProgress', { name: reading.name, read: mb(reading.read), total: mb(reading.total) })} <progress max=${reading.total} .value=${reading.read}></progress></label>
          <button type="button" @click=${() => reading.cancel()}>${texts.t('cancelReading')}</button>
        </div>`
      : ''}${asking
      ? html`<strike-event-columns .texts=${texts} .fileName=${asking.name} .guess=${asking.guess} @answer=${(e: CustomEvent<{ mapping: ColumnAnswer }>) => asking.answer(e.detail.mapping)}></strike-event-columns>`
      : ''}`;
  }

  private open(layerId: string, properties: Record<string, unknown>, at: [number, number] | undefined, from: MessageKey): void {
    void import('./feature-card.ts'); // cards load on first use
    this.target.cardOpening();
    const texts = this.target.texts();
    this.feature = { layer: this.layerName(layerId) ?? texts.t('yourData'), properties, distance: at ? this.distanceText(at, properties, from) : '' };
    this.host.requestUpdate();
  }

  /** How far a feature is from the border; for a point with an `uncertainty_km`, the range over its area of uncertainty. */
  private distanceText(at: [number, number], properties: Record<string, unknown>, from: MessageKey): string {
    const index = this.target.story()?.borderIndex;
    if (!index) return '';
    const [texts, units] = [this.target.texts(), this.target.units()];
    const uncertaintyKm = Number(properties.uncertainty_km);
    if (from === 'fromBorder' && uncertaintyKm > 0) return texts.t('distanceToTheBorder', { range: texts.describeRange(distanceRange(index, at, uncertaintyKm), units) });
    return texts.t(from, { distance: texts.distance(index.nearest(at).km, units) });
  }

  /** The features of one of the page's own layers (a <strike-map-layer> child or a dropped file). */
  featuresOf(layerId: string): Feature[] {
    const dropped = this.dropped.find((layer) => layer.layerId === layerId);
    if (dropped) return dropped.collection.features;
    const child = this.children().find((el) => el.layerId === layerId);
    return child?.collection?.features ?? [];
  }

  /** Reads dropped or chosen files; each becomes a layer, or an error message naming the file. */
  async addFiles(files: Iterable<File>): Promise<void> {
    for (const file of files) {
      try {
        const { checkSize, sniffEventFile, parseUserText, pointColumns, pointsAsEvents } = await import('../data/parse-user.ts');
        const story = this.target.story();
        const sniff = story ? await sniffEventFile(file) : null;
        // A dated CSV in no known convention is read by the columns its names make sure of, or the reader names.
        const mapping = sniff?.format === 'CSV' ? (sniff.guess.sure ? sniff.guess.mapping : await this.askColumns(file.name, sniff.guess)) : null;
        if (mapping === undefined) continue; // the reader chose not to read it
        // Event datasets (up to 250 MB) are read and measured in a worker; other files here, up to 10 MB.
        const asEvents = sniff && (sniff.format !== 'CSV' || mapping);
        const inWorker = story && asEvents ? await this.readInWorker(file, story.data, mapping ?? undefined) : undefined;
        if (!inWorker) checkSize(file.name, file.size);
        let parsed = inWorker ?? parseUserText(file.name, await file.text());
        // GeoJSON points with dates under names that leave it unsure which is which: the reader says.
        const unsure = story && !parsed.format && !isCsvName(file.name) ? pointColumns(parsed.collection) : null;
        if (unsure) {
          const answer = await this.askColumns(file.name, unsure);
          if (answer === undefined) continue;
          if (answer) parsed = pointsAsEvents(file.name, parsed, answer);
        }
        const layer: DroppedLayer = { layerId: `drop-${++dropCounter}`, name: file.name, color: DROP_COLOR, collection: parsed.collection, areas: parsed.areas, format: parsed.format, points: this.measure(parsed.collection, inWorker), tiles: inWorker?.tiles };
        this.dropped = [...this.dropped, layer];
        if (inWorker) {
          // A big dataset's facts (the analyst panel) and its first part for the map each in a task of their own.
          this.host.requestUpdate();
          await new Promise((resolve) => setTimeout(resolve));
        }
        // The view first, so the map asks for the tiles of the view the file is seen in.
        this.target.fitTo(parsed.collection);
        const drawn = this.draw(layer, file.name);
        const texts = this.target.texts();
        if (parsed.skipped) this.target.notice(texts.t('featuresSkipped', { name: file.name, count: parsed.skipped }), file.name, parsed.problems.map((p) => texts.problem(p)));
        const added = { name: file.name, count: parsed.collection.features.length, points: layer.points.length };
        const read = parsed.format ? `${texts.t('eventsRead', { name: file.name, format: parsed.format })} ` : '';
        this.target.announce(read + texts.t(layer.points.length ? 'filesAddedMeasured' : 'filesAdded', added));
        await drawn;
      } catch (error) {
        if (!(error instanceof DOMException && error.name === 'AbortError')) this.target.notice(this.target.texts().problem(problemOf(error)), file.name);
      } finally {
        this.reading = undefined;
      }
    }
    this.host.requestUpdate();
  }

  /** The file being read in the worker, with its progress, and how to stop it. */
  reading?: { name: string; read: number; total: number; cancel(): void };

  /** A CSV whose event columns the reader is being asked for, and how the answer comes back. */
  asking?: { name: string; guess: ColumnGuess; answer(mapping: ColumnAnswer): void };

  private askColumns(name: string, guess: ColumnGuess): Promise<ColumnAnswer> {
    void import('./strike-event-columns.ts');
    return new Promise((resolve) => {
      this.asking = {
        name,
        guess,
        answer: (mapping) => {
          this.asking = undefined;
          this.host.requestUpdate();
          resolve(mapping);
        },
      };
      this.host.requestUpdate();
    });
  }

  private async readInWorker(file: File, data: BuiltinData, mapping?: ColumnMapping): Promise<EventFileResult> {
    const { readEventFile } = await import('../workers/events-client.ts');
    const job = readEventFile({ file, border: data.border, provinces: data.provinces, mapping }, (read, total) => {
      this.reading = { ...this.reading!, read, total };
      this.host.requestUpdate();
    });
    this.reading = { name: file.name, read: 0, total: file.size, cancel: job.cancel };
    this.target.announce(this.target.texts().t('readingFile', { name: file.name }));
    this.host.requestUpdate();
    return job.result;
  }

  removeDropped(layerId: string): void {
    this.dropped.find((layer) => layer.layerId === layerId)?.tiles?.close();
    this.dropped = this.dropped.filter((layer) => layer.layerId !== layerId);
    this.filters.delete(layerId);
    this.selections.delete(layerId);
    const map = this.target.map();
    if (map) removeUserLayer(map, layerId);
    this.shown.delete(layerId);
    this.host.requestUpdate();
  }

  /**
   * Every point of the collection (the parts of a MultiPoint too) with its distance to the border;
   * an event file's points come measured from the worker.
   */
  private measure(collection: FeatureCollection, measured?: { km: Float64Array; side: Int8Array }): MeasuredPoint[] {
    const index = this.target.story()?.borderIndex;
    if (!index) return [];
    const points: MeasuredPoint[] = [];
    const texts = this.target.texts();
    collection.features.forEach((f, i) => {
      const g = f.geometry;
      const positions = g?.type === 'Point' ? [g.coordinates] : g?.type === 'MultiPoint' ? g.coordinates : [];
      const props = f.properties ?? {};
      const base = String(props.name ?? props.Name ?? props.id ?? texts.t('pointNumbered', { number: i + 1 }));
      positions.forEach(([lon, lat], j) => {
        const name = positions.length > 1 ? `${base} (${j + 1})` : base;
        if (measured) points.push({ name, lon, lat, km: measured.km[i], side: SIDE_CODES[measured.side[i]] });
        else points.push({ name, lon, lat, km: index.nearest([lon, lat]).km, side: index.side([lon, lat]) });
      });
    });
    return points;
  }

  /**
   * The map whose style has loaded. Not `map.isStyleLoaded()`: that is false whenever any source
   * is still loading (a tile, another layer's data), and a layer skipped then was never drawn.
   */
  private readyMap?: MlMap;

  /** Puts the layer on the map, if the map is ready; settles when the map has all of its data. */
  private draw(layer: UserLayer, name: FileLabel): Promise<void> {
    this.shown.set(layer.layerId, { name, color: layer.color });
    this.host.requestUpdate(); // the legend lists it
    const map = this.target.map();
    if (!map || map !== this.readyMap) return Promise.resolve();
    return syncUserLayer(map, layer, this.target.palette(), () => ({ visible: !this.hidden.has(layer.layerId), filter: this.filters.get(layer.layerId) ?? null, selected: this.selections.get(layer.layerId) ?? null }));
  }

  private children(): StrikeMapLayer[] {
    return [...this.host.querySelectorAll(':scope > strike-map-layer')].filter((el): el is StrikeMapLayer => el instanceof StrikeMapLayer);
  }

  private syncChildren = (): void => {
    const map = this.target.map();
    const children = this.children();
    const present = new Set(children.map((el) => el.layerId));
    for (const layerId of [...this.shown.keys()]) {
      if (layerId.startsWith('user-') && !present.has(layerId)) {
        this.shown.delete(layerId);
        if (map) removeUserLayer(map, layerId);
        this.host.requestUpdate(); // the legend drops it
      }
    }
    for (const el of children) {
      this.reportProblems(el);
      if (el.collection) void this.draw({ layerId: el.layerId, collection: el.collection, areas: el.areas, color: el.color, label: el.label, tiles: el.tiles }, el.displayName);
      else if (map) removeUserLayer(map, el.layerId);
    }
  };

  /** The problems last shown of each child layer, by its id: shown once, not again on every redraw. */
  private reported = new Map<string, string>();
  /** A child layer's problems as one notice: the first (how many features it skipped), the others (which, and why) folded beneath. */
  private reportProblems(el: StrikeMapLayer) {
    const [first, ...rest] = el.problems;
    const key = el.problems.map((problem) => problem.text).join('\n');
    if (!first || this.reported.get(el.layerId) === key) return;
    this.reported.set(el.layerId, key);
    const texts = this.target.texts();
    this.target.notice(texts.problem(first), el.src ?? texts.fileLabel(el.displayName), rest.map((problem) => texts.problem(problem)));
  }
}
