/**
 * <strike-event-list>: the selected events of a dataset as a sortable table that stays smooth at
 * 100,000 rows: only the rows in view (and a few around them) are in the DOM, between two spacers
 * as tall as the rows left out (their heights set as the element's `style` property, through the
 * CSSOM, which a strict Content-Security-Policy allows, unlike style attributes); `aria-rowcount` and `aria-rowindex` tell screen readers where they
 * are. Each row's button opens the event's card. In a narrow box (a phone) the place and the
 * actors share a column, as do the distance and how widely the event is located, one over the
 * other, and the place is the button.
 */
import { LitElement, html, css } from 'lit';
import { property, state } from 'lit/decorators.js';
import { customElement } from './define.ts';
import type { Feature } from 'geojson';
import { english, type MessageKey } from '../i18n/texts.ts';
import type { Units } from '../geo/units.ts';
import { FACET_COLUMNS, type EventFormat } from '../data/events.ts';
import { isoDay, selects, type EventFacts, type EventSelection } from '../data/event-stats.ts';
import { controlStyles, sortButtonStyles } from './shared-styles.ts';

type SortKey = 'date' | 'distance';
const ROW_PX = 34;
/** A row in a narrow list: two lines (the place over the actors, the distance over how widely the event is located). */
const NARROW_ROW_PX = 54;
/** The same in Urdu, whose Nastaliq lines stand taller (a date range can take three). */
const NARROW_ROW_PX_URDU = 66;
/** Below this width the list has three columns of two lines, so a phone need not scroll it sideways. */
const NARROW_PX = 640;
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
      /* Widths in the stylesheet, not in style attributes, which a strict Content-Security-Policy refuses. */
      col.date {
        width: 18em;
      }
      col.within {
        width: 7em;
      }
      col.distance {
        width: 9em;
      }
      col.show {
        width: 6em;
      }
      table.narrow {
        min-width: 0;
      }
      table.narrow col.date {
        width: 8em;
      }
      table.narrow col.distance {
        width: 6.5em;
      }
      table.narrow :is(td, th) {
        padding-inline: 6px;
      }
      table.narrow td {
        height: ${NARROW_ROW_PX - 1}px;
      }
      table.narrow.urdu td {
        height: ${NARROW_ROW_PX_URDU - 1}px;
      }
      table.narrow td.when {
        white-space: normal;
        font-size: 12px;
        line-height: 1.3;
      }
      .line {
        display: block;
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
        text-align: left;
      }
      /* Aligned as the list is, whichever way the text itself runs. */
      :host(:dir(rtl)) .line {
        text-align: right;
      }
      td button.open {
        display: block;
        width: 100%;
        min-height: 0;
        padding: 0;
        border: 0;
        background: none;
        color: inherit;
        font: inherit;
        text-align: start;
        cursor: pointer;
      }
      button.open .line:first-child {
        text-decoration: underline;
        text-decoration-color: var(--_muted);
        text-underline-offset: 2px;
      }
      .second {
        color: var(--_muted);
        font-size: 12px;
      }
      th .line {
        white-space: normal;
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
  @state() private scrolled = 0;
  @state() private viewHeight = 360;
  @state() private narrow = false;
  private resizes = new ResizeObserver(([entry]) => (this.narrow = entry.contentRect.width < NARROW_PX));

  connectedCallback(): void {
    super.connectedCallback();
    this.resizes.observe(this);
  }

  disconnectedCallback(): void {
    this.resizes.disconnect();
    super.disconnectedCallback();
  }
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
    this.scrolled = scroller.scrollTop;
    this.viewHeight = scroller.clientHeight;
  };

  protected render() {
    const t = this.texts;
    const selection = this.selection;
    if (!selection) return '';
    const rows = this.order(this.sortKey).filter((e) => selects(e, selection));
    if (!this.ascending) rows.reverse();
    const narrow = this.narrow;
    const layout = !narrow ? '' : t.lang === 'ur' ? 'narrow urdu' : 'narrow';
    const rowPx = { '': ROW_PX, narrow: NARROW_ROW_PX, 'narrow urdu': NARROW_ROW_PX_URDU }[layout];
    const firstRow = Math.floor(this.scrolled / rowPx);
    const from = Math.max(0, firstRow - EXTRA_ROWS);
    const to = Math.min(rows.length, firstRow + Math.ceil(this.viewHeight / rowPx) + 1 + EXTRA_ROWS);
    const sortState = (key: SortKey) => (this.sortKey === key ? (this.ascending ? 'ascending' : 'descending') : 'none');
    const placeColumn = FACET_COLUMNS[this.format].place;
    const spacer = (count: number) => (count > 0 ? html`<tr class="spacer" aria-hidden="true"><td colspan=${narrow ? 3 : 6} .style=${`height: ${count * rowPx}px`}></td></tr>` : '');
    const sortButton = (key: SortKey, label: MessageKey) => html`<button type="button" @click=${() => this.sortBy(key)}>${t.t(label)}</button>`;
    // Text from the file keeps its own direction, so a Latin name in a right-to-left list is cut at its end.
    const line = (text: string, second = false) => html`<span class=${second ? 'line second' : 'line'} dir="auto">${text}</span>`;
    return html`<h3 id="list-title">${t.t('eventsList')} (${t.number(rows.length)})</h3>
      ${rows.length
        ? html`<div class="scroller" tabindex="0" aria-labelledby="list-title" @scroll=${this.onScroll}>
            <table class=${layout} aria-labelledby="list-title" aria-rowcount=${rows.length + 1}>
              ${narrow
                ? html`<colgroup><col class="date" /><col /><col class="distance" /></colgroup>`
                : html`<colgroup><col class="date" /><col /><col /><col class="within" /><col class="distance" /><col class="show" /></colgroup>`}
              <thead>
                <tr aria-rowindex="1">
                  <th scope="col" aria-sort=${sortState('date')}>${sortButton('date', 'columnDate')}</th>
                  ${narrow
                    ? html`<th scope="col">${t.t('columnPlace')}${line(t.t('columnActors'), true)}</th>
                        <th scope="col" aria-sort=${sortState('distance')}>${sortButton('distance', 'columnDistance')}${line(t.t('columnLocatedWithin'), true)}</th>`
                    : html`<th scope="col">${t.t('columnPlace')}</th>
                        <th scope="col">${t.t('columnActors')}</th>
                        <th scope="col">${t.t('columnLocatedWithin')}</th>
                        <th scope="col" aria-sort=${sortState('distance')}>${sortButton('distance', 'columnDistance')}</th>
                        <th scope="col"><span class="sr-only">${t.t('eventShow')}</span></th>`}
                </tr>
              </thead>
              <tbody>
                ${spacer(from)}
                ${rows.slice(from, to).map((e, k) => {
                  const place = String(this.features[e.index]?.properties?.[placeColumn] ?? '');
                  const actors = e.actors.join(' – ');
                  const when = t.days(isoDay(e.start), isoDay(e.end));
                  const [distance, within] = [t.distance(e.km, this.units), `± ${t.distance(e.r, this.units)}`];
                  const show = () => this.dispatchEvent(new CustomEvent('feature-show', { detail: { layerId: this.layerId, index: e.index } }));
                  // A narrow row has no room for a button of its own: its place opens the card.
                  return narrow
                    ? html`<tr aria-rowindex=${from + k + 2}>
                        <td class="num when" title=${when}>${when}</td>
                        <td title=${`${place}\n${actors}`}>
                          <button type="button" class="open" @click=${show}>${line(place)}${line(actors, true)}<span class="sr-only">${t.t('eventShow')}</span></button>
                        </td>
                        <td class="num">${line(distance)}${line(within, true)}</td>
                      </tr>`
                    : html`<tr aria-rowindex=${from + k + 2}>
                        <td class="num" title=${when}>${when}</td>
                        <td title=${place}>${line(place)}</td>
                        <td title=${actors}>${line(actors)}</td>
                        <td class="num">${within}</td>
                        <td class="num">${distance}</td>
                        <td><button type="button" @click=${show}>${t.t('eventShow')}</button></td>
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
