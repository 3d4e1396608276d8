/**
 * <strike-map-table>: the strike sites as an accessible, sortable HTML table, in sync with the
 * map's selection. It is also what readers get when the map itself cannot be shown.
 */
import { LitElement, html, css } from 'lit';
import { property, state } from 'lit/decorators.js';
import { customElement } from './define.ts';
import type { StrikeFeature } from '../data/types.ts';
import type { Feature } from 'geojson';
import { sourceList } from './source-list.ts';
import { distanceRange, type DistanceRange } from '../geo/distance-range.ts';
import type { BorderIndex } from '../geo/border-index.ts';
import type { Units } from '../geo/units.ts';
import { controlStyles, sortButtonStyles } from './shared-styles.ts';
import { english, type Texts } from '../i18n/texts.ts';
import type { ContentTexts } from '../data/content-i18n.ts';
import { translated } from './translated.ts';
import { casualtyFigure, countryNamed } from './account-words.ts';
import type { DroppedLayer } from './user-data-controller.ts';

type SortKey = 'date' | 'distance';

/**
 * @summary Table of strike sites, sortable by date and by distance to the border.
 * @event row-select - a row's site was chosen. Detail: the site id.
 * @event files-chosen - the reader chose files to add. Detail: File[].
 * @event dropped-remove - the reader removed a dropped file's layer. Detail: its layer id.
 * @event export - the reader asked for a download. Detail: "png" | "geojson" | "csv".
 * @event feature-show - the reader asked to see a feature of the page's own layers. Detail: `{ layerId, index }`.
 */
@customElement('strike-map-table')
export class StrikeMapTable extends LitElement {
  static styles = [
    controlStyles,
    sortButtonStyles,
    css`
      :host {
        display: block;
        padding: 8px 12px 12px;
        overflow-x: auto;
      }
      h2 {
        font-size: 14px;
        margin: 4px 0 8px;
      }
      table {
        border-collapse: collapse;
        width: 100%;
        min-width: 680px; /* scrolls sideways on a phone rather than squeezing the columns */
        font-size: 13px;
      }
      table.own {
        min-width: 0;
      }
      th,
      td {
        text-align: start;
        vertical-align: top;
        padding: 6px 8px;
        border-bottom: 1px solid var(--_line);
      }
      th {
        font-size: 12px;
        color: var(--_muted);
        white-space: nowrap;
      }
      tr.selected td {
        background: color-mix(in srgb, var(--_accent) 14%, transparent);
      }
      td.num {
        font-variant-numeric: tabular-nums;
        white-space: nowrap;
      }
      .range {
        color: var(--_muted);
        font-size: 12px;
      }
      .sources {
        margin: 4px 0 0;
        padding-inline-start: 20px;
        overflow-wrap: anywhere;
        max-width: 260px;
      }
      td button {
        text-align: start;
        font-weight: 600;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 6px;
        align-items: center;
        margin: 10px 0 4px;
      }
      .actions span {
        color: var(--_muted);
        font-size: 13px;
      }
      input[type='file'] {
        font: inherit;
        font-size: 13px;
        max-width: 100%;
      }
      h3 {
        font-size: 13px;
        margin: 14px 0 6px;
      }
    `,
  ];

  @property({ attribute: false }) texts = english;
  @property({ attribute: false }) strikes: StrikeFeature[] = [];
  /** The strikes' texts in the reader's language, where translated. */
  @property({ attribute: false }) content?: ContentTexts;
  @property({ attribute: false }) index?: BorderIndex;
  @property() units: Units = 'km';
  @property({ attribute: false }) selectedId: string | null = null;
  /** The page's own <strike-map-layer> layers, listed feature by feature for keyboard and screen-reader users. */
  @property({ attribute: false }) ownLayers: { layerId: string; name: string; features: Feature[] }[] = [];
  /** Layers from files the reader dropped or chose, with each point's distance to the border. */
  @property({ attribute: false }) dropped: DroppedLayer[] = [];
  @state() private sortKey: SortKey = 'date';
  /** Distance ranges per site, computed once: the table re-renders on every selection change. */
  private ranges = new WeakMap<StrikeFeature, DistanceRange>();
  @state() private ascending = true;

  private rangeOf(f: StrikeFeature): DistanceRange | undefined {
    if (!this.index) return undefined;
    let range = this.ranges.get(f);
    if (!range) this.ranges.set(f, (range = distanceRange(this.index, f.geometry.coordinates as [number, number], f.properties.uncertainty_km)));
    return range;
  }

  private sortBy(key: SortKey) {
    this.ascending = this.sortKey === key ? !this.ascending : true;
    this.sortKey = key;
  }

  /** Moves the keyboard to the table (the map's "skip to the table" link). */
  focus(): void {
    this.renderRoot.querySelector<HTMLElement>('#table-title')?.focus();
  }

  private emit(type: string, detail: unknown) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }

  private async downloadPoints(layer: DroppedLayer) {
    const { download, measuredPointsCsv } = await import('./downloads.ts');
    download(`${layer.name.replace(/\.[^.]+$/, '')}-distances.csv`, measuredPointsCsv(layer.points));
  }

  private renderOwnLayers() {
    const LIMIT = 200;
    const t = this.texts;
    return this.ownLayers.map(
      (layer) => html`<h3>${t.t('layerFeatures', { name: layer.name, count: layer.features.length })}</h3>
        <table class="own">
          <thead>
            <tr><th scope="col">${t.t('columnNumber')}</th><th scope="col">${t.t('columnFeature')}</th><th scope="col">${t.t('columnGeometry')}</th></tr>
          </thead>
          <tbody>
            ${layer.features.slice(0, LIMIT).map(
              (f, i) => html`<tr>
                <td class="num">${t.number(i + 1)}</td>
                <td><button type="button" @click=${() => this.emit('feature-show', { layerId: layer.layerId, index: i })}>${featureName(f, i, t)}</button></td>
                <td>${f.geometry?.type ?? ''}</td>
              </tr>`,
            )}
          </tbody>
        </table>
        ${layer.features.length > LIMIT ? html`<p>${t.t('showingFeatures', { shown: LIMIT, total: layer.features.length })}</p>` : ''}`,
    );
  }

  private renderDropped() {
    const t = this.texts;
    return this.dropped.map(
      (layer) => html`<h3>${t.t('droppedTitle', { name: layer.name })}</h3>
        ${layer.points.length
          ? html`<table>
              <thead>
                <tr><th scope="col">${t.t('columnName')}</th><th scope="col">${t.t('columnLonLat')}</th><th scope="col">${t.t('columnDistance')}</th><th scope="col">${t.t('columnSide')}</th></tr>
              </thead>
              <tbody>
                ${layer.points.slice(0, 200).map(
                  (p) => html`<tr><td>${p.name}</td><td class="num">${t.number(p.lon, 4)}, ${t.number(p.lat, 4)}</td><td class="num">${t.distance(p.km, this.units)}</td><td>${p.side ? t.country(p.side) : t.t('outsideProvinces')}</td></tr>`,
                )}
              </tbody>
            </table>
            ${layer.points.length > 200 ? html`<p>${t.t('showingPoints', { shown: 200, total: layer.points.length })}</p>` : ''}`
          : html`<p>${t.t('noPoints')}</p>`}
        <div class="actions">
          ${layer.points.length ? html`<button type="button" @click=${() => this.downloadPoints(layer)}>${t.t('downloadDistances')}</button>` : ''}
          <button type="button" @click=${() => this.emit('dropped-remove', layer.layerId)}>${t.t('removeLayer', { name: layer.name })}</button>
        </div>`,
    );
  }

  protected render() {
    const rows = this.strikes.map((f) => ({ f, range: this.rangeOf(f) }));
    const value = (r: (typeof rows)[number]) => (this.sortKey === 'date' ? r.f.properties.time_utc : (r.range?.km ?? Infinity));
    rows.sort((a, b) => {
      const [x, y] = [value(a), value(b)];
      return (x < y ? -1 : x > y ? 1 : 0) * (this.ascending ? 1 : -1);
    });
    const sortState = (key: SortKey) => (this.sortKey === key ? (this.ascending ? 'ascending' : 'descending') : 'none');
    const t = this.texts;
    return html`<h2 id="table-title" tabindex="-1">${t.t('strikeSites', { count: rows.length })}</h2>
      <table aria-labelledby="table-title">
        <thead>
          <tr>
            <th scope="col" aria-sort=${sortState('date')}><button type="button" @click=${() => this.sortBy('date')}>${t.t('columnDate')}</button></th>
            <th scope="col">${t.t('columnWho')}</th>
            <th scope="col">${t.t('columnPlace')}</th>
            <th scope="col">${t.t('columnCasualties')}</th>
            <th scope="col">${t.t('columnUncertainty')}</th>
            <th scope="col">${t.t('columnAcross')}</th>
            <th scope="col" aria-sort=${sortState('distance')}><button type="button" @click=${() => this.sortBy('distance')}>${t.t('columnDistance')}</button></th>
            <th scope="col">${t.t('columnSources')}</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(({ f, range }) => {
            const p = this.content ? translated(f.properties, f.properties.id, this.content) : f.properties;
            const selected = p.id === this.selectedId;
            return html`<tr class=${selected ? 'selected' : ''} data-id=${p.id}>
              <td class="num">${t.dayBoth(p.date)}</td>
              <td>${t.country(p.attacker)} ${t.dir === 'rtl' ? '←' : '→'} ${t.country(p.target_country)}</td>
              <td>
                <button type="button" aria-pressed=${selected} @click=${() => this.dispatchEvent(new CustomEvent('row-select', { detail: p.id }))} dir="auto">${p.place}</button>
              </td>
              <td>
                ${p.casualties_disputed ? html`<span class="badge" title=${t.t('accountsDisagree')}>${t.t('disputed')}</span>` : ''}
                ${p.casualties.length ? p.casualties.map((a) => html`<div><bdi>${a.by}</bdi>: <bdi>${casualtyFigure(a, t)}</bdi></div>`) : t.t('nonePublished')}
              </td>
              <td class="num">± ${t.distance(p.uncertainty_km, this.units)}</td>
              <td class="num">${p.across_border ? `${t.percent(p.across_border.share)}${p.across_border.share > 0 ? ` (${countryNamed(p.across_border.country, t)})` : ''}` : '—'}</td>
              <td class="num">${range ? rangeCell(t.range(range, this.units), t) : '—'}</td>
              <td>
                <details>
                  <summary>${t.t('sourcesN', { count: p.sources.length })}</summary>
                  ${sourceList(p.sources)}
                </details>
              </td>
            </tr>`;
          })}
        </tbody>
      </table>
      <div class="actions">
        <span>${t.t('download')}</span>
        <button type="button" @click=${() => this.emit('export', 'png')}>${t.t('downloadPng')}</button>
        <button type="button" @click=${() => this.emit('export', 'geojson')}>${t.t('downloadGeojson')}</button>
        <button type="button" @click=${() => this.emit('export', 'csv')}>${t.t('downloadCsv')}</button>
      </div>
      <div class="actions">
        <span id="files-label">${t.t('addFiles')}</span>
        <!-- The browser's own file button speaks the browser's language, not the map's: ours stands in for it. -->
        <button type="button" aria-describedby="files-label" @click=${() => this.renderRoot.querySelector<HTMLInputElement>('#files')?.click()}>${t.t('chooseFiles')}</button>
        <input id="files" type="file" hidden multiple accept=".geojson,.json,.csv,application/geo+json,application/json,text/csv" @change=${(e: Event) => {
          const input = e.target as HTMLInputElement;
          this.emit('files-chosen', [...(input.files ?? [])]);
          input.value = '';
        }} />
      </div>
      ${this.renderOwnLayers()} ${this.renderDropped()}`;
  }
}

/** A feature's name for a list: its name, title or id property, else its number. */
function featureName(f: Feature, i: number, t: Texts): string {
  const p = f.properties ?? {};
  const value = p.name ?? p.Name ?? p.title ?? p.id;
  return value === undefined || value === null || value === '' ? t.t('featureN', { number: i + 1 }) : String(value);
}

const rangeCell = ({ km, min, max }: ReturnType<Texts['range']>, t: Texts) => html`${km}<br /><span class="range">${t.t('rangeTo', { min, max })}</span>`;

declare global {
  interface HTMLElementTagNameMap {
    'strike-map-table': StrikeMapTable;
  }
}
