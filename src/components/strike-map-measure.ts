/**
 * <strike-map-measure>: measuring by hand — distance to the border, a multi-leg path, and distance
 * bands along the border. Works with mouse, touch (tap or long-press) and keyboard (a crosshair at
 * the map centre: arrows pan, Enter drops a point, Escape clears).
 *
 * It is a MapLibre control: `map.addControl(measure, 'top-left')` binds it to the map's clicks,
 * touches and keys (`onAdd`) and `map.remove()` unbinds it (`onRemove`). The parent hands it the
 * border as properties and hears what it needs through events.
 */
import { LitElement, html, css } from 'lit';
import { property, state } from 'lit/decorators.js';
import { customElement } from './define.ts';
import type { PropertyValues } from 'lit';
import type { GeoJSONSource, IControl, Map as MlMap, MapMouseEvent, MapTouchEvent } from 'maplibre-gl';
import type { Feature, FeatureCollection, LineString } from 'geojson';
import { convertKm, type Units } from '../geo/units.ts';
import { densifyGreatCircle } from '../geo/shapes.ts';
import { measurePath } from '../geo/path.ts';
import type { BorderIndex } from '../geo/border-index.ts';
import { fetchJson } from '../data/fetch-json.ts';
import { problemOf } from '../data/problems.ts';
import { controlStyles } from './shared-styles.ts';
import { english } from '../i18n/texts.ts';
import { MAX_BAND_KM, parseBands, type BandRequest } from '../geo/band-spec.ts';
import type { ProvinceCollection } from '../geo/sides.ts';

export type MeasureMode = 'border' | 'path';

/** Detail of `strike-map-measure`. All distances in km; `text` is what the live region said. */
export type MeasureDetail =
  | { mode: 'border'; point: [number, number]; nearest: [number, number]; km: number; side: 'IR' | 'PK' | null; text: string }
  | { mode: 'path'; points: [number, number][]; legsKm: number[]; totalKm: number; text: string };

const LONG_PRESS_MS = 550;
const builtinBandsUrl = new URL('../../geodata/bands.geojson', import.meta.url).href;

/**
 * @summary Measuring tools for <strike-map>.
 * @event strike-map-measure - a measurement was made. Detail: `MeasureDetail`.
 * @event measure-mode - (internal) a measuring mode was switched on or off. Detail: the mode or null.
 * @event bands-toggle - (internal) the reader switched the distance bands on or off. Detail: boolean.
 * @event measure-problem - (internal) something could not be loaded. Detail: the message.
 */
@customElement('strike-map-measure')
export class StrikeMapMeasure extends LitElement implements IControl {
  static styles = [
    controlStyles,
    css`
      :host {
        display: grid;
        gap: 6px;
        justify-items: start;
      }
      .bar {
        display: flex;
        flex-wrap: wrap;
        gap: 4px;
        background: var(--_bg);
        border: 1px solid var(--_line);
        border-radius: 8px;
        padding: 4px;
        box-shadow: 0 1px 4px rgb(0 0 0 / 0.18);
      }
      .result {
        background: var(--_bg);
        border: 1px solid var(--_line);
        border-radius: 8px;
        padding: 6px 8px;
        font-variant-numeric: tabular-nums;
        box-shadow: 0 1px 4px rgb(0 0 0 / 0.18);
      }
      .result:empty {
        display: none;
      }
      form {
        display: flex;
        gap: 4px;
        align-items: center;
      }
      input {
        width: 5em;
        font: inherit;
        min-height: 28px;
        background: var(--_bg);
        color: var(--_fg);
        border: 1px solid var(--_line);
        border-radius: 6px;
      }
      .short {
        display: none;
      }
      @container (max-width: 479px) {
        .long {
          display: none;
        }
        .short {
          display: inline;
        }
        button {
          font-size: 13px;
          padding: 0.15em 0.5em;
          min-height: 28px;
        }
        .bar {
          padding: 3px;
          gap: 3px;
        }
      }
    `,
  ];

  @property() units: Units = 'km';
  /** The messages and formats of the map's language (set by the parent). */
  @property({ attribute: false }) texts = english;
  /** The border to measure against (set by the parent once its data has loaded). */
  @property({ attribute: false }) borderIndex?: BorderIndex;
  /** The border line, for custom distance bands. */
  @property({ attribute: false }) borderLine?: Feature<LineString>;
  /** Province polygons, for bands on one side. */
  @property({ attribute: false }) provinces?: ProvinceCollection;
  /** The page's `bands` list ("10 25 30:PK"); undefined shows the shipped 10, 25 and 50 km bands. */
  @property({ attribute: false }) bands?: string;
  /** Whether the map shows the bands group (the legend's switch, `builtin`, this element's button). */
  @property({ attribute: false }) bandsShown = false;
  @state() mode: MeasureMode | null = null;
  @state() private result = '';
  @state() private bandsOn = false;
  @state() private bandStatus = '';
  private points: [number, number][] = [];
  private customBands: FeatureCollection = { type: 'FeatureCollection', features: [] };
  private builtinBands?: FeatureCollection;
  private loadingBuiltin = false;
  /** The bands of the page's `bands` list, once computed; `drawn` counts the lists asked for. */
  private pageBands: Feature[] = [];
  private drawn = 0;
  private pressTimer?: ReturnType<typeof setTimeout>;
  private map?: MlMap;

  /** True while a measuring mode has the map's clicks and keys. */
  get active(): boolean {
    return this.mode !== null;
  }

  /** @internal MapLibre calls this when the control is added to a map. */
  onAdd(map: MlMap): HTMLElement {
    this.map = map;
    this.classList.add('maplibregl-ctrl');
    map.on('click', this.onClick);
    map.on('touchstart', this.onTouchStart);
    map.on('touchend', this.cancelPress);
    map.on('touchmove', this.cancelPress);
    map.getCanvas().addEventListener('keydown', this.onKey);
    map.once('load', () => this.showBands()); // a new map starts with an empty bands source
    return this;
  }

  /** @internal MapLibre calls this when the control or its map is removed. */
  onRemove(map: MlMap): void {
    map.off('click', this.onClick);
    map.off('touchstart', this.onTouchStart);
    map.off('touchend', this.cancelPress);
    map.off('touchmove', this.cancelPress);
    map.getCanvas().removeEventListener('keydown', this.onKey);
    this.cancelPress();
    this.remove();
    this.map = undefined; // do not keep a removed map alive
  }

  /** Switches a mode on (or off, if it is already on). */
  setMode(mode: MeasureMode | null): void {
    this.mode = this.mode === mode ? null : mode;
    this.clear();
    this.tell('measure-mode', this.mode);
    if (this.mode) this.say(this.texts.t(this.mode === 'border' ? 'borderHint' : 'pathHint'));
  }

  /** Measures from a point to the nearest point of the border, draws it and announces it. */
  measureToBorder(at: [number, number]): MeasureDetail | undefined {
    const index = this.borderIndex;
    if (!index) return undefined;
    const { km, point } = index.nearest(at);
    const side = index.side(at);
    const distance = this.distance(km);
    const text = side ? this.texts.t('measuredIn', { country: this.texts.country(side), distance }) : this.texts.t('measuredOutside', { distance });
    this.draw([
      { type: 'Feature', properties: { kind: 'to-border' }, geometry: { type: 'LineString', coordinates: densifyGreatCircle(at, point, 5) } },
      { type: 'Feature', properties: { label: text }, geometry: { type: 'Point', coordinates: at } },
      { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: point } },
    ]);
    const detail: MeasureDetail = { mode: 'border', point: at, nearest: point, km, side, text };
    this.report(detail);
    return detail;
  }

  /** Adds a point to the path and reports every leg and the total. */
  addPathPoint(at: [number, number]): MeasureDetail {
    this.points = [...this.points, at];
    const { totalKm, legsKm } = measurePath(this.points);
    const features: Feature[] = this.points.map((p, i) => ({
      type: 'Feature',
      properties: i === this.points.length - 1 && i > 0 ? { label: this.distance(totalKm) } : {},
      geometry: { type: 'Point', coordinates: p },
    }));
    for (let i = 1; i < this.points.length; i++) {
      features.push({ type: 'Feature', properties: { kind: 'path' }, geometry: { type: 'LineString', coordinates: densifyGreatCircle(this.points[i - 1], this.points[i], 10) } as LineString });
    }
    this.draw(features);
    const t = this.texts;
    const legs = legsKm.map((km: number, i: number) => t.t('leg', { number: i + 1, distance: this.distance(km) })).join(t.t('legSeparator'));
    const text = this.points.length < 2 ? t.t('pathStarted') : t.t('pathTotal', { total: this.distance(totalKm), legs });
    const detail: MeasureDetail = { mode: 'path', points: this.points, legsKm, totalKm, text };
    this.report(detail);
    return detail;
  }

  private distance(km: number): string {
    return this.texts.distance(km, this.units);
  }

  clear(): void {
    this.points = [];
    this.result = '';
    this.draw([]);
  }

  private draw(features: Feature[]) {
    this.map?.getSource<GeoJSONSource>('measure')?.setData({ type: 'FeatureCollection', features });
  }

  private report(detail: MeasureDetail) {
    this.say(detail.text);
    this.dispatchEvent(new CustomEvent<MeasureDetail>('strike-map-measure', { detail, bubbles: true, composed: true }));
  }

  private say(text: string) {
    this.result = text;
  }

  /** Tells the parent (inside its shadow root only; these events are not part of the public API). */
  private tell<T>(type: string, detail: T) {
    this.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true }));
  }

  private measureAt(at: [number, number]) {
    if (this.mode === 'path') this.addPathPoint(at);
    else this.measureToBorder(at);
  }

  private onClick = (event: MapMouseEvent) => {
    if (!this.mode) return;
    this.measureAt(event.lngLat.toArray() as [number, number]);
  };

  /** A long press measures to the border in any mode, as on phone map apps. */
  private onTouchStart = (event: MapTouchEvent) => {
    this.cancelPress();
    if (event.points.length !== 1) return;
    const at = event.lngLat.toArray() as [number, number];
    this.pressTimer = setTimeout(() => this.measureToBorder(at), LONG_PRESS_MS);
  };

  private cancelPress = () => clearTimeout(this.pressTimer);

  private onKey = (event: KeyboardEvent) => {
    if (!this.mode) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.measureAt(this.map!.getCenter().toArray() as [number, number]);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      if (this.points.length || this.result) this.clear();
      else this.setMode(null);
    }
  };

  protected willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('bandsShown')) this.bandsOn = this.bandsShown;
  }

  protected updated(changed: PropertyValues<this>): void {
    if (changed.has('bands') || changed.has('borderLine') || (changed.has('units') && this.bands !== undefined)) void this.drawPageBands(changed.has('bands'));
    // The shipped bands load wherever the group is shown: the button, the legend or `builtin`.
    if (this.bandsOn && this.bands === undefined && !this.builtinBands && !this.loadingBuiltin) void this.loadBuiltin();
  }

  private async loadBuiltin() {
    this.loadingBuiltin = true;
    try {
      this.builtinBands = await fetchJson<FeatureCollection>(builtinBandsUrl);
      this.showBands();
    } catch (error) {
      this.tell('measure-problem', this.texts.t('bandsLoadFailed', { error: this.texts.problem(problemOf(error)) }));
    } finally {
      this.loadingBuiltin = false;
    }
  }

  /** Computes the bands of the page's list; a newly set non-empty list also switches the bands on. */
  private async drawPageBands(listChanged: boolean) {
    const ticket = ++this.drawn;
    const { bands, problems } = this.bands === undefined ? { bands: [], problems: [] } : parseBands(this.bands, this.units);
    if (listChanged && problems.length) {
      const max = this.texts.distance(MAX_BAND_KM, this.units, true);
      this.tell('measure-problem', problems.map(({ word, reason }) => this.texts.t(reason === 'notDistance' ? 'bandNotDistance' : 'bandOutOfRange', { word, max })).join(' '));
    }
    if (listChanged && bands.length) this.tell('bands-toggle', true);
    const features = bands.length && this.borderLine ? await this.compute(bands).catch(() => []) : [];
    if (ticket !== this.drawn) return; // a newer list came in meanwhile
    this.pageBands = features;
    this.showBands();
  }

  /** The bands asked for, computed in a worker; problems are told to the parent. */
  private async compute(bands: BandRequest[]): Promise<Feature[]> {
    const { computeBands } = await import('../workers/bands-client.ts');
    try {
      return await computeBands({ border: this.borderLine!, provinces: this.provinces, bands });
    } catch (error) {
      this.tell('measure-problem', this.texts.t('bandsComputeFailed', { error: (error as Error).message }));
      throw error;
    }
  }

  private toggleBands() {
    this.bandsOn = !this.bandsOn;
    this.tell('bands-toggle', this.bandsOn);
  }

  private async addBand(event: SubmitEvent) {
    event.preventDefault();
    const input = (event.target as HTMLFormElement).elements.namedItem('km') as HTMLInputElement;
    const value = Number(input.value);
    const km = value / convertKm(1, this.units);
    const border = this.borderLine;
    if (!border || !(km > 0 && km <= 500)) {
      this.bandStatus = this.texts.t('bandLimit', { max: this.distance(500) });
      return;
    }
    const label = this.distance(km);
    this.bandStatus = this.texts.t('bandComputing', { distance: label });
    try {
      const { computeBands } = await import('../workers/bands-client.ts');
      const band = await computeBands({ border, provinces: this.provinces, bands: [{ km, side: null }] });
      this.customBands = { type: 'FeatureCollection', features: [...this.customBands.features, ...band] };
      if (!this.bandsOn) this.toggleBands();
      this.showBands();
      this.bandStatus = this.texts.t('bandAdded', { distance: label });
    } catch (error) {
      this.bandStatus = this.texts.t('bandFailed', { error: (error as Error).message });
    }
  }

  private showBands() {
    const set = this.bands === undefined ? (this.builtinBands?.features ?? []) : this.pageBands;
    const features = [...this.customBands.features, ...set].sort(
      (a, b) => Number(b.properties?.distance_km) - Number(a.properties?.distance_km),
    );
    this.map?.getSource<GeoJSONSource>('bands')?.setData({ type: 'FeatureCollection', features });
  }

  protected render() {
    const t = this.texts;
    return html`<div class="bar" role="toolbar" aria-label=${t.t('measuringTools')} dir=${t.dir}>
        <button type="button" aria-label=${t.t('toBorder')} aria-pressed=${this.mode === 'border'} @click=${() => this.setMode('border')}><span class="long">${t.t('toBorder')}</span><span class="short">${t.t('toBorderShort')}</span></button>
        <button type="button" aria-label=${t.t('measurePath')} aria-pressed=${this.mode === 'path'} @click=${() => this.setMode('path')}><span class="long">${t.t('measurePath')}</span><span class="short">${t.t('measurePathShort')}</span></button>
        <button type="button" aria-pressed=${this.bandsOn} @click=${this.toggleBands}>${t.t('bands')}</button>
        ${this.bandsOn
          ? html`<form @submit=${this.addBand}>
              <label for="km">${t.t('bandIn', { units: t.unit(this.units) })}</label>
              <input id="km" name="km" type="number" min="0.1" step="any" placeholder=${t.unit(this.units)} />
              <button type="submit">${t.t('add')}</button>
            </form>`
          : ''}
      </div>
      <div class="result" role="status" aria-live="polite" dir=${t.dir}>${this.result}${this.bandStatus && this.bandsOn ? html`<div>${this.bandStatus}</div>` : ''}</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'strike-map-measure': StrikeMapMeasure;
  }
}
