/**
 * <strike-map-table>: the strike sites as an accessible, sortable HTML table, in sync with the
 * map's selection. It is also what readers get when the map itself cannot be shown.
 */
import { LitElement, html, css } from 'lit';
import { property, state } from 'lit/decorators.js';
import { customElement } from './define.ts';
import type { Account, StrikeFeature } from '../data/types.ts';
import type { Feature } from 'geojson';
import { sourceList } from './source-list.ts';
import { formatDate } from '../data/prepare.ts';
import { distanceRange, formatDistance, formatRange, type BorderIndex, type DistanceRange, type Units } from '../geo/index.ts';
import { controlStyles } from './shared-styles.ts';
import { countryName } from './names.ts';
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
        text-align: left;
        vertical-align: top;
        padding: 6px 8px;
        border-bottom: 1px solid var(--_line);
      }
      th {
        font-size: 12px;
        color: var(--_muted);
        white-space: nowrap;
      }
      th button {
        background: none;
        border: 0;
        padding: 0;
        min-height: 24px;
        font-weight: 700;
        color: inherit;
        text-decoration: underline dotted;
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
        padding-left: 20px;
        overflow-wrap: anywhere;
        max-width: 260px;
      }
      td button {
        text-align: left;
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

  @property({ attribute: false }) strikes: StrikeFeature[] = [];
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
    return this.ownLayers.map(
      (layer) => html`<h3>${layer.name}: ${layer.features.length} feature${layer.features.length === 1 ? '' : 's'}</h3>
        <table class="own">
          <thead>
            <tr><th scope="col">#</th><th scope="col">Feature</th><th scope="col">Geometry</th></tr>
          </thead>
          <tbody>
            ${layer.features.slice(0, LIMIT).map(
              (f, i) => html`<tr>
                <td class="num">${i + 1}</td>
                <td><button type="button" @click=${() => this.emit('feature-show', { layerId: layer.layerId, index: i })}>${featureName(f, i)}</button></td>
                <td>${f.geometry?.type ?? ''}</td>
              </tr>`,
            )}
          </tbody>
        </table>
        ${layer.features.length > LIMIT ? html`<p>Showing ${LIMIT} of ${layer.features.length} features.</p>` : ''}`,
    );
  }

  private renderDropped() {
    return this.dropped.map(
      (layer) => html`<h3>${layer.name}: distance to the border for each point</h3>
        ${layer.points.length
          ? html`<table>
              <thead>
                <tr><th scope="col">Name</th><th scope="col">Longitude, latitude</th><th scope="col">Distance to border</th><th scope="col">Side</th></tr>
              </thead>
              <tbody>
                ${layer.points.slice(0, 200).map(
                  (p) => html`<tr><td>${p.name}</td><td class="num">${p.lon.toFixed(4)}, ${p.lat.toFixed(4)}</td><td class="num">${formatDistance(p.km, this.units)}</td><td>${p.side ? countryName(p.side) : 'outside both provinces'}</td></tr>`,
                )}
              </tbody>
            </table>
            ${layer.points.length > 200 ? html`<p>Showing 200 of ${layer.points.length} points; the CSV has them all.</p>` : ''}`
          : html`<p>This file has no points to measure.</p>`}
        <div class="actions">
          ${layer.points.length ? html`<button type="button" @click=${() => this.downloadPoints(layer)}>Download distances (CSV)</button>` : ''}
          <button type="button" @click=${() => this.emit('dropped-remove', layer.layerId)}>Remove ${layer.name}</button>
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
    return html`<h2 id="table-title" tabindex="-1">Strike sites (${rows.length})</h2>
      <table aria-labelledby="table-title">
        <thead>
          <tr>
            <th scope="col" aria-sort=${sortState('date')}><button type="button" @click=${() => this.sortBy('date')}>Date</button></th>
            <th scope="col">Who struck whom</th>
            <th scope="col">Place</th>
            <th scope="col">Casualties (by account)</th>
            <th scope="col">Location uncertainty</th>
            <th scope="col">Area across the border</th>
            <th scope="col" aria-sort=${sortState('distance')}><button type="button" @click=${() => this.sortBy('distance')}>Distance to border</button></th>
            <th scope="col">Sources</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(({ f, range }) => {
            const p = f.properties;
            const selected = p.id === this.selectedId;
            return html`<tr class=${selected ? 'selected' : ''} data-id=${p.id}>
              <td class="num">${formatDate(p.date)}</td>
              <td>${countryName(p.attacker)} → ${countryName(p.target_country)}</td>
              <td>
                <button type="button" aria-pressed=${selected} @click=${() => this.dispatchEvent(new CustomEvent('row-select', { detail: p.id }))}>${p.place}</button>
              </td>
              <td>
                ${p.casualties_disputed ? html`<span class="badge" title="The accounts disagree">disputed</span>` : ''}
                ${p.casualties.length ? p.casualties.map((a) => html`<div>${a.by}: ${casualtyFigure(a)}</div>`) : 'none published'}
              </td>
              <td class="num">± ${formatDistance(p.uncertainty_km, this.units)}</td>
              <td class="num">${p.across_border ? `${Math.round(p.across_border.share * 100)} %${p.across_border.share > 0 ? ` (${p.across_border.country})` : ''}` : '—'}</td>
              <td class="num">${range ? rangeCell(formatRange(range, this.units)) : '—'}</td>
              <td>
                <details>
                  <summary>${p.sources.length} sources</summary>
                  ${sourceList(p.sources)}
                </details>
              </td>
            </tr>`;
          })}
        </tbody>
      </table>
      <div class="actions">
        <span>Download:</span>
        <button type="button" @click=${() => this.emit('export', 'png')}>Map (PNG)</button>
        <button type="button" @click=${() => this.emit('export', 'geojson')}>Sites (GeoJSON)</button>
        <button type="button" @click=${() => this.emit('export', 'csv')}>Sites (CSV)</button>
      </div>
      <div class="actions">
        <label for="files">Add your own points or shapes (GeoJSON, or CSV with lon and lat columns; or drop a file on the map):</label>
        <input id="files" type="file" multiple accept=".geojson,.json,.csv,application/geo+json,application/json,text/csv" @change=${(e: Event) => {
          const input = e.target as HTMLInputElement;
          this.emit('files-chosen', [...(input.files ?? [])]);
          input.value = '';
        }} />
      </div>
      ${this.renderOwnLayers()} ${this.renderDropped()}`;
  }
}

/** A feature's name for a list: its name, title or id property, else its number. */
function featureName(f: Feature, i: number): string {
  const p = f.properties ?? {};
  const value = p.name ?? p.Name ?? p.title ?? p.id;
  return value === undefined || value === null || value === '' ? `Feature ${i + 1}` : String(value);
}

/** "2 killed, 3 injured" where the account gives numbers, else its words. */
function casualtyFigure(a: Account): string {
  const parts = [a.killed !== undefined ? `${a.killed} killed` : '', a.injured !== undefined ? `${a.injured} injured` : ''].filter(Boolean);
  return parts.length ? parts.join(', ') : a.text;
}

const rangeCell = ({ km, min, max }: ReturnType<typeof formatRange>) => html`${km}<br /><span class="range">${min} to ${max}</span>`;

declare global {
  interface HTMLElementTagNameMap {
    'strike-map-table': StrikeMapTable;
  }
}
