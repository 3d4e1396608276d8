/**
 * Keeps the page's own data on a <strike-map>: <strike-map-layer> children (added, changed,
 * removed) and files dropped onto the map. Dropped points get their distance to the border, shown
 * in the table and downloadable as CSV.
 */
import type { ReactiveController } from 'lit';
import type { Feature, FeatureCollection } from 'geojson';
import { StrikeMapLayer } from './strike-map-layer.ts';
import { removeUserLayer, setUserLayerVisible, syncUserLayer, type UserLayer } from '../map/user-layers.ts';
import type { StrikeMap } from './strike-map.ts';

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
}

const DROP_COLOR = '#c2255c';
let dropCounter = 0;

export class UserDataController implements ReactiveController {
  /** Layers that came from dropped files, newest last. */
  dropped: DroppedLayer[] = [];
  private shown = new Map<string, { name: string; color: string }>(); // layerId → how the legend lists it
  private observer = new MutationObserver(() => this.syncChildren());

  constructor(private host: StrikeMap) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('strike-map-layer-change', this.syncChildren);
    this.host.addEventListener('dragover', this.onDragOver);
    this.host.addEventListener('drop', this.onDrop);
    this.observer.observe(this.host, { childList: true });
  }

  hostDisconnected(): void {
    this.host.removeEventListener('strike-map-layer-change', this.syncChildren);
    this.host.removeEventListener('dragover', this.onDragOver);
    this.host.removeEventListener('drop', this.onDrop);
    this.observer.disconnect();
    this.shown.clear();
    this.readyMap = undefined;
  }

  /** Draws everything again on a new map (after the element is re-attached). */
  onMapReady(): void {
    this.readyMap = this.host.map;
    this.shown.clear();
    this.syncChildren();
    for (const layer of this.dropped) {
      // Files dropped before the border was loaded are measured now.
      if (!layer.points.length) layer.points = this.measure(layer.collection);
      this.show(layer, layer.name);
    }
    if (this.dropped.length) this.host.requestUpdate();
  }

  /** Lets go of a removed map (the element keeps running; a new map comes later). */
  onMapRemoved(): void {
    this.readyMap = undefined;
  }

  /** The display name of a user layer by its MapLibre source id. */
  layerName(layerId: string): string | undefined {
    return this.shown.get(layerId)?.name;
  }

  /** The page's own layers now on the map, for the legend. */
  get layers(): { layerId: string; name: string; color: string }[] {
    return [...this.shown].map(([layerId, { name, color }]) => ({ layerId, name, color }));
  }

  /** The features of one of the page's own layers (a <strike-map-layer> child or a dropped file). */
  featuresOf(layerId: string): Feature[] {
    const dropped = this.dropped.find((layer) => layer.layerId === layerId);
    if (dropped) return dropped.collection.features;
    const child = [...this.host.querySelectorAll(':scope > strike-map-layer')].find((el) => el instanceof StrikeMapLayer && el.layerId === layerId) as StrikeMapLayer | undefined;
    return child?.collection?.features ?? [];
  }

  /** Reads dropped or chosen files; each becomes a layer, or an error message naming the file. */
  async addFiles(files: Iterable<File>): Promise<void> {
    for (const file of files) {
      try {
        const { checkSize, parseUserText } = await import('../data/parse-user.ts');
        checkSize(file.name, file.size);
        const parsed = parseUserText(file.name, await file.text());
        const layer: DroppedLayer = { layerId: `drop-${++dropCounter}`, name: file.name, color: DROP_COLOR, collection: parsed.collection, points: this.measure(parsed.collection) };
        this.dropped = [...this.dropped, layer];
        this.show(layer, file.name);
        this.host.fitTo(parsed.collection);
        if (parsed.skipped) this.host.reportError(`${file.name}: ${parsed.skipped} feature(s) skipped. ${parsed.problems.join(' ')}`, file.name);
        this.host.announce(`${file.name}: ${parsed.collection.features.length} feature(s) added${layer.points.length ? `, ${layer.points.length} point(s) measured to the border` : ''}.`);
      } catch (error) {
        this.host.reportError((error as Error).message, file.name);
      }
    }
    this.host.requestUpdate();
  }

  removeDropped(layerId: string): void {
    this.dropped = this.dropped.filter((layer) => layer.layerId !== layerId);
    if (this.host.map) removeUserLayer(this.host.map, layerId);
    this.shown.delete(layerId);
    this.host.requestUpdate();
  }

  /** Every point of the collection (the parts of a MultiPoint too) with its distance to the border. */
  private measure(collection: FeatureCollection): MeasuredPoint[] {
    const index = this.host.getBorderIndex();
    if (!index) return [];
    const points: MeasuredPoint[] = [];
    collection.features.forEach((f, i) => {
      const g = f.geometry;
      const positions = g?.type === 'Point' ? [g.coordinates] : g?.type === 'MultiPoint' ? g.coordinates : [];
      const props = f.properties ?? {};
      const base = String(props.name ?? props.Name ?? props.id ?? `point ${i + 1}`);
      positions.forEach(([lon, lat], j) => {
        const name = positions.length > 1 ? `${base} (${j + 1})` : base;
        points.push({ name, lon, lat, km: index.nearest([lon, lat]).km, side: index.side([lon, lat]) });
      });
    });
    return points;
  }

  /**
   * The map whose style has loaded. Not `map.isStyleLoaded()`: that is false whenever any source
   * is still loading (a tile, another layer's data), and a layer skipped then was never drawn.
   */
  private readyMap?: StrikeMap['map'];

  private show(layer: UserLayer, name: string): void {
    this.shown.set(layer.layerId, { name, color: layer.color });
    const map = this.host.map;
    if (map && map === this.readyMap) {
      syncUserLayer(map, layer, this.host.palette);
      setUserLayerVisible(map, layer.layerId, !this.host.isUserLayerHidden(layer.layerId));
    }
    this.host.requestUpdate(); // the legend lists it
  }

  private syncChildren = (): void => {
    const map = this.host.map;
    const children = [...this.host.querySelectorAll(':scope > strike-map-layer')].filter((el): el is StrikeMapLayer => el instanceof StrikeMapLayer);
    const present = new Set(children.map((el) => el.layerId));
    for (const layerId of [...this.shown.keys()]) {
      if (layerId.startsWith('user-') && !present.has(layerId)) {
        this.shown.delete(layerId);
        if (map) removeUserLayer(map, layerId);
        this.host.requestUpdate(); // the legend drops it
      }
    }
    for (const el of children) {
      for (const problem of el.problems) if (!this.reported.has(`${el.layerId}\n${problem}`)) this.report(problem, el);
      if (el.collection) this.show({ layerId: el.layerId, collection: el.collection, color: el.color, label: el.label }, el.displayName);
      else if (map) removeUserLayer(map, el.layerId);
    }
  };

  /** Each problem of a child layer is shown once, not again on every redraw. */
  private reported = new Set<string>();
  private report(problem: string, el: StrikeMapLayer) {
    this.reported.add(`${el.layerId}\n${problem}`);
    this.host.reportError(problem, el.src ?? el.displayName);
  }

  private onDragOver = (event: DragEvent): void => {
    if (event.dataTransfer?.types.includes('Files')) {
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    }
  };

  private onDrop = (event: DragEvent): void => {
    if (!event.dataTransfer?.files.length) return;
    event.preventDefault();
    void this.addFiles(event.dataTransfer.files);
  };
}
