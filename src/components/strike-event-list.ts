/**
 * <strike-event-list>: the selected events of a dataset as a sortable table that stays smooth at
 * 100,000 rows: only the rows in view (and a few around them) are in the DOM, between two spacers
 * as tall as the rows left out; `aria-rowcount` and `aria-rowindex` tell screen readers where they
 * are. Each row's button opens the event's card.
 */
import { LitElement, html, css } from 'lit';
import { property, state } from 'lit/decorators.js';
import { customElement } from './define.ts';
import type { Feature } from 'geojson';
import { english } from '../i18n/texts.ts';
import type { Units } from '../geo/units.ts';
import { FACET_COLUMNS, type EventFormat } from '../data/events.ts';
import { isoDay, selects, type EventFacts, type EventSelection } from '../data/event-stats.ts';
import { controlStyles, sortButtonStyles } from './shared-styles.ts';

type SortKey = 'date' | 'distance';
const ROW_PX = 34;
const EXTRA_ROWS = 8; // drawn above and below the view, so a fast scroll does not show a gap

/**
 * @summary The selected events of a dataset as a long, sortable table.
 * @event feature-show - the reader asked to see an event. Detail: `{ layerId, index }`.
 */
@customElement('strike-event-list')
export class StrikeEventList extends LitElement {
  static styles = [
    controlStyles,
    sortButtonStyles,
    css`
      :host {
        display: block;
        margin-top: 8px;
      }
      h3 {
        font-size: 13px;
        margin: 4px 0;
      }
      .scroller {
        max-height: 360px;
        overflow: auto;
        border: 1px solid var(--_line);
        border-radius: 6px;
      }
      table {
        border-collapse: collapse;
        width: 100%;
        min-width: 720px;
        table-layout: fixed;
        font-size: 13px;
      }
      th {
        position: sticky;
        top: 0;
        background: var(--_bg);
        font-size: 12px;
        color: var(--_muted);
        text-align: start;
        padding: 4px 8px;
        z-index: 1;
      }
      td {
        height: ${ROW_PX - 1}px;
        padding: 0 8px;
        border-top: 1px solid var(--_line);
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
      }
      td.num {
        font-variant-numeric: tabular-nums;
      }
      td button {
        min-height: 26px;
        padding: 0 8px;
      }
      tr.spacer td {
        padding: 0;
        border: 0;
      }
    `,
  ];

  @property({ attribute: false }) texts = english;
  @property() units: Units = 'km';
  @property({ attribute: false }) facts: EventFacts[] = [];
  @property({ attribute: false }) selection?: EventSelection;
  @property({ attribute: false }) features: Feature[] = [];
  @property({ attribute: false }) format: EventFormat = 'UCDP GED';
  @property() layerId = '';
  @state() private sortKey: SortKey = 'date';
  @state() private ascending = true;
  @state() private firstRow = 0;
  @state() private rowsInView = 12;
  /** The facts sorted by each key, sorted once per dataset (a brush step only filters them). */
  private sorted = new Map<SortKey, EventFacts[]>();
  private sortedOf?: EventFacts[];

  private order(key: SortKey): EventFacts[] {
    if (this.sortedOf !== this.facts) [this.sorted, this.sortedOf] = [new Map(), this.facts];
    let sorted = this.sorted.get(key);
    if (!sorted) this.sorted.set(key, (sorted = [...this.facts].sort(key === 'date' ? (a, b) => a.start - b.start || a.end - b.end : (a, b) => a.km - b.km)));
    return sorted;
  }

  private sortBy(key: SortKey) {
    this.ascending = this.sortKey === key ? !this.ascending : true;
    this.sortKey = key;
  }

  private onScroll = (event: Event) => {
    const scroller = event.currentTarget as HTMLElement;
    this.firstRow = Math.floor(scroller.scrollTop / ROW_PX);
    this.rowsInView = Math.ceil(scroller.clientHeight / ROW_PX) + 1;
  };

  protected render() {
    const t = this.texts;
    const selection = this.selection;
    if (!selection) return '';
    const rows = this.order(this.sortKey).filter((e) => selects(e, selection));
    if (!this.ascending) rows.reverse();
    const from = Math.max(0, this.firstRow - EXTRA_ROWS);
    const to = Math.min(rows.length, this.firstRow + this.rowsInView + EXTRA_ROWS);
    const sortState = (key: SortKey) => (this.sortKey === key ? (this.ascending ? 'ascending' : 'descending') : 'none');
    const place = FACET_COLUMNS[this.format].place;
    const spacer = (count: number) => (count > 0 ? html`<tr class="spacer" aria-hidden="true"><td colspan="6" style="height: ${count * ROW_PX}px"></td></tr>` : '');
    return html`<h3 id="list-title">${t.t('eventsList')} (${t.number(rows.length)})</h3>
      ${rows.length
        ? html`<div class="scroller" tabindex="0" aria-labelledby="list-title" @scroll=${this.onScroll}>
            <table aria-labelledby="list-title" aria-rowcount=${rows.length + 1}>
              <colgroup><col style="width: 14em" /><col /><col /><col style="width: 7em" /><col style="width: 9em" /><col style="width: 6em" /></colgroup>
              <thead>
                <tr aria-rowindex="1">
                  <th scope="col" aria-sort=${sortState('date')}><button type="button" @click=${() => this.sortBy('date')}>${t.t('columnDate')}</button></th>
                  <th scope="col">${t.t('columnPlace')}</th>
                  <th scope="col">${t.t('columnActors')}</th>
                  <th scope="col">${t.t('columnLocatedWithin')}</th>
                  <th scope="col" aria-sort=${sortState('distance')}><button type="button" @click=${() => this.sortBy('distance')}>${t.t('columnDistance')}</button></th>
                  <th scope="col"><span class="sr-only">${t.t('eventShow')}</span></th>
                </tr>
              </thead>
              <tbody>
                ${spacer(from)}
                ${rows.slice(from, to).map((e, k) => {
                  const p = this.features[e.index]?.properties ?? {};
                  const [first, last] = [isoDay(e.start), isoDay(e.end)];
                  const when = first === last ? t.day(first) : t.t('rangeTo', { min: t.day(first), max: t.day(last) });
                  return html`<tr aria-rowindex=${from + k + 2}>
                    <td class="num" title=${when}>${when}</td>
                    <td title=${String(p[place] ?? '')}><bdi>${String(p[place] ?? '')}</bdi></td>
                    <td title=${e.actors.join(' – ')}><bdi>${e.actors.join(' – ')}</bdi></td>
                    <td class="num">± ${t.distance(e.r, this.units)}</td>
                    <td class="num">${t.distance(e.km, this.units)}</td>
                    <td><button type="button" @click=${() => this.dispatchEvent(new CustomEvent('feature-show', { detail: { layerId: this.layerId, index: e.index } }))}>${t.t('eventShow')}</button></td>
                  </tr>`;
                })}
                ${spacer(rows.length - to)}
              </tbody>
            </table>
          </div>`
        : html`<p>${t.t('eventsNone')}</p>`}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'strike-event-list': StrikeEventList;
  }
}
