/**
 * <strike-map-events>: the analyst panel of an event dataset. A histogram of events per period
 * over the dataset's whole span, with a brushed period (drag across it, or the two sliders); play
 * moves the period along. Facets by type and actor, counts by distance band and side, counts
 * within 10 km by year, and the selected events as a long, sortable list. The element shows the
 * selection it is given and asks for a new one with `selection-change`.
 */
import { LitElement, html, css, svg, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { customElement } from './define.ts';
import { english, type MessageKey } from '../i18n/texts.ts';
import type { Units } from '../geo/units.ts';
import { binUnitFor, facetCounts, isoDay, periodOf, periodStarts, selects, timeHistogram, type BinUnit, type EventSelection } from '../data/event-stats.ts';
import type { AnalysedDataset } from './event-analysis.ts';
import { controlStyles } from './shared-styles.ts';
import { renderBandTables, renderFacet, eventTableStyles } from './event-tables.ts';
import './strike-event-list.ts';

const UNIT_WORDS: Record<BinUnit, MessageKey> = { day: 'binDay', week: 'binWeek', month: 'binMonth', year: 'binYear' };
const PLAY_MS = 700;
const STAGES = 4;

/**
 * @summary Analyst panel of an event dataset: time histogram with a brushed period, facets, distance-band counts and the list of events.
 * @event selection-change - the reader chose another period or facet values. Detail: `EventSelection`.
 * @event feature-show - the reader asked to see an event. Detail: `{ layerId, index }`.
 */
@customElement('strike-map-events')
export class StrikeMapEvents extends LitElement {
  static styles = [
    controlStyles,
    eventTableStyles,
    css`
      :host {
        display: block;
        padding: 8px 12px 12px;
        border-top: 1px solid var(--_line);
      }
      @container (max-width: 479px) {
        :host {
          padding-inline: 6px;
        }
      }
      h2 {
        font-size: 14px;
        margin: 4px 0;
      }
      .chart {
        display: block;
        width: 100%;
        height: 88px;
        touch-action: pan-y; /* a sideways drag brushes; an upward one still scrolls the page */
        cursor: crosshair;
        user-select: none;
      }
      .chart .exact {
        fill: var(--_accent);
      }
      .chart .spread {
        fill: color-mix(in srgb, var(--_accent) 40%, transparent);
      }
      .chart .brush {
        fill: color-mix(in srgb, var(--_accent) 14%, transparent);
        stroke: var(--_accent);
        stroke-width: 1px;
        vector-effect: non-scaling-stroke;
      }
      .chart .out {
        opacity: 0.35;
      }
      .axis {
        display: flex;
        justify-content: space-between;
        font-size: 12px;
        color: var(--_muted);
        font-variant-numeric: tabular-nums;
      }
      .period {
        display: flex;
        flex-wrap: wrap;
        gap: 6px 12px;
        align-items: center;
        margin: 6px 0;
      }
      .period label {
        display: flex;
        gap: 6px;
        align-items: center;
        flex: 1 1 200px;
      }
      .period input {
        flex: 1;
        accent-color: var(--_accent);
        min-height: 28px;
      }
      .note {
        font-size: 12px;
        color: var(--_muted);
        margin: 2px 0 6px;
      }
      .facets {
        display: flex;
        flex-wrap: wrap;
        gap: 8px 16px;
      }
    `,
  ];

  @property({ attribute: false }) texts = english;
  @property() units: Units = 'km';
  @property({ attribute: false }) analysed?: AnalysedDataset;
  @property({ attribute: false }) selection?: EventSelection;
  @state() private playing = false;
  private timer?: ReturnType<typeof setInterval>;
  /** The period where a drag across the chart began. */
  private dragFrom?: number;

  /**
   * How much of the panel a new dataset shows so far: the chart first, then the facets, the
   * tables and the list, a task each, so that tens of thousands of events never hold the page up
   * in one long task. `updateComplete` waits for all of it.
   */
  @state() private stage = STAGES;
  private staged?: { promise: Promise<void>; resolve(): void };

  // Derived from the dataset and the facet choice: recomputed when they change, not on every brush step.
  private unit: BinUnit = 'day';
  private starts: number[] = [];
  private bars: { exact: number[]; spread: number[] } = { exact: [], spread: [] };
  private barsKey = '';

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stop();
  }

  protected willUpdate(changed: PropertyValues): void {
    const d = this.analysed;
    const s = this.selection;
    if (!d || !s) return;
    if (changed.has('analysed')) {
      this.stage = 1;
      if (!this.staged) {
        let resolve = () => {};
        this.staged = { promise: new Promise<void>((r) => (resolve = r)), resolve: () => resolve() };
      }
      this.unit = binUnitFor(d.first, d.last);
      this.starts = periodStarts(d.first, d.last, this.unit);
    }
    const key = `${[...s.types].join('\n')}\t${[...s.actors].join('\n')}`;
    if (changed.has('analysed') || key !== this.barsKey) {
      this.barsKey = key;
      const everyDay = { ...s, from: d.first, to: d.last };
      this.bars = timeHistogram(d.facts.filter((e) => selects(e, everyDay)), this.starts);
    }
  }

  protected updated(): void {
    if (this.stage < STAGES) setTimeout(() => this.stage++);
    else if (this.staged) {
      this.staged.resolve();
      this.staged = undefined;
    }
  }

  protected async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    await this.staged?.promise;
    return done && !this.isUpdatePending;
  }

  private emit(selection: EventSelection) {
    this.dispatchEvent(new CustomEvent('selection-change', { detail: selection }));
  }

  /** The selection spanning periods i to j (in either order), within the dataset's dates. */
  private periods(i: number, j: number): EventSelection {
    const d = this.analysed!;
    const [a, b] = i <= j ? [i, j] : [j, i];
    const end = (b + 1 < this.starts.length ? this.starts[b + 1] : d.last + 1) - 1;
    return { ...this.selection!, from: Math.max(d.first, this.starts[a]), to: Math.min(d.last, end) };
  }

  private periodAt(day: number): number {
    return periodOf(day, this.starts);
  }

  /** The period under a pointer on the chart (time runs right to left in Urdu and Persian). */
  private periodUnder(event: PointerEvent): number {
    const box = (event.currentTarget as Element).getBoundingClientRect();
    const share = (event.clientX - box.left) / box.width;
    const i = Math.floor((this.texts.dir === 'rtl' ? 1 - share : share) * this.starts.length);
    return Math.max(0, Math.min(this.starts.length - 1, i));
  }

  private onPointerDown = (event: PointerEvent) => {
    this.stop();
    (event.currentTarget as Element).setPointerCapture(event.pointerId);
    this.dragFrom = this.periodUnder(event);
    this.emit(this.periods(this.dragFrom, this.dragFrom));
  };

  private onPointerMove = (event: PointerEvent) => {
    if (this.dragFrom !== undefined) this.emit(this.periods(this.dragFrom, this.periodUnder(event)));
  };

  private onPointerUp = () => {
    this.dragFrom = undefined;
  };

  private toggle(facet: 'types' | 'actors', value: string | null, on = true) {
    const s = this.selection!;
    const values = new Set(s[facet]);
    if (value === null) values.clear();
    else if (on) values.add(value);
    else values.delete(value);
    this.emit({ ...s, [facet]: values });
  }

  private play() {
    if (this.playing) return this.stop();
    const d = this.analysed!;
    let [i, j] = [this.periodAt(this.selection!.from), this.periodAt(this.selection!.to)];
    if (j - i >= this.starts.length - 1) j = i + Math.max(0, Math.round(this.starts.length / 10) - 1); // the whole span: play a tenth of it at a time
    if (this.selection!.to >= d.last) [i, j] = [0, j - i]; // at the end: start again from the beginning
    this.playing = true;
    const step = () => {
      this.emit(this.periods(i, j));
      if (j >= this.starts.length - 1) return this.stop();
      [i, j] = [i + 1, j + 1];
    };
    step();
    this.timer = setInterval(step, PLAY_MS);
  }

  private stop() {
    clearInterval(this.timer);
    this.playing = false;
  }

  private renderChart() {
    const { exact, spread } = this.bars;
    const top = Math.max(1, ...exact.map((n, i) => n + spread[i]));
    const [from, to] = [this.periodAt(this.selection!.from), this.periodAt(this.selection!.to)];
    const n = this.starts.length;
    const x = (i: number) => (this.texts.dir === 'rtl' ? n - 1 - i : i);
    return svg`<svg class="chart" viewBox="0 0 ${n} 100" preserveAspectRatio="none" aria-hidden="true"
        @pointerdown=${this.onPointerDown} @pointermove=${this.onPointerMove} @pointerup=${this.onPointerUp} @pointercancel=${this.onPointerUp}>
      <rect class="brush" x=${Math.min(x(from), x(to))} width=${to - from + 1} y="0" height="100"></rect>
      ${exact.map((count, i) => {
        const [h1, h2] = [(count / top) * 96, (spread[i] / top) * 96];
        const out = i < from || i > to ? 'out' : '';
        return svg`<rect class="exact ${out}" x=${x(i) + 0.1} width="0.8" y=${100 - h1} height=${h1}></rect><rect class="spread ${out}" x=${x(i) + 0.1} width="0.8" y=${100 - h1 - h2} height=${h2}></rect>`;
      })}
    </svg>`;
  }

  protected render() {
    const d = this.analysed;
    const s = this.selection;
    if (!d || !s) return '';
    const t = this.texts;
    const chosen = this.derived(d, s, 'chosen', () => d.facts.filter((e) => selects(e, s)));
    const last = this.starts.length - 1;
    const [from, to] = [this.periodAt(s.from), this.periodAt(s.to)];
    const day = (n: number) => t.day(isoDay(n));
    return html`<h2>${t.t('eventsTitle', { name: d.name, count: d.facts.length, format: d.format })}</h2>
      <p class="note">${t.t('eventsPerBar', { unit: t.t(UNIT_WORDS[this.unit]) })}</p>
      ${this.renderChart()}
      <div class="axis"><span>${day(d.first)}</span><span>${day(d.last)}</span></div>
      <div class="period">
        <label>${t.t('periodFrom')} <input type="range" min="0" max=${last} .value=${String(from)} aria-valuetext=${day(s.from)} @input=${(e: Event) => this.emit(this.periods(Number((e.target as HTMLInputElement).value), Math.max(to, Number((e.target as HTMLInputElement).value))))} /></label>
        <label>${t.t('periodTo')} <input type="range" min="0" max=${last} .value=${String(to)} aria-valuetext=${day(s.to)} @input=${(e: Event) => this.emit(this.periods(Math.min(from, Number((e.target as HTMLInputElement).value)), Number((e.target as HTMLInputElement).value)))} /></label>
        <button type="button" aria-pressed=${this.playing} @click=${() => this.play()}>${t.t(this.playing ? 'pause' : 'play')}</button>
        <button type="button" @click=${() => (this.stop(), this.emit(this.periods(0, last)))}>${t.t('allDates')}</button>
      </div>
      <p role="status" class="summary">${t.t('eventsSummary', { count: chosen.length, total: d.facts.length, from: day(s.from), to: day(s.to) })}</p>
      ${this.stage >= 2 ? this.renderFacets(d, s) : ''} ${this.stage >= 3 ? this.derived(d, s, 'tables', () => renderBandTables(t, this.units, chosen, d.name)) : ''} ${this.stage >= 4 ? this.renderList(d, s) : ''}`;
  }

  private renderFacets(d: AnalysedDataset, s: EventSelection) {
    const t = this.texts;
    return this.derived(
      d,
      s,
      'facets',
      () => html`<div class="facets">
        ${renderFacet(t, 'types', facetCounts(d.facts, s, 'types'), s.types, d.format, (value, on) => this.toggle('types', value, on))}
        ${renderFacet(t, 'actors', facetCounts(d.facts, s, 'actors'), s.actors, d.format, (value, on) => this.toggle('actors', value, on))}
      </div>`,
    );
  }

  /** What the panel derives from the dataset and the selection (in the reader's language and units), worked out once per render of a new one: the panel renders in parts. */
  private memo = new Map<string, unknown>();
  private memoFor?: unknown[];
  private derived<T>(d: AnalysedDataset, s: EventSelection, part: string, make: () => T): T {
    const key = [d, s, this.texts, this.units];
    if (!this.memoFor?.every((value, i) => value === key[i])) [this.memoFor, this.memo] = [key, new Map()];
    if (!this.memo.has(part)) this.memo.set(part, make());
    return this.memo.get(part) as T;
  }

  private renderList(d: AnalysedDataset, s: EventSelection) {
    const t = this.texts;
    return html`<strike-event-list
        .texts=${t}
        .units=${this.units}
        .facts=${d.facts}
        .selection=${s}
        .features=${d.features}
        .format=${d.format}
        .layerId=${d.layerId}
        @feature-show=${(e: CustomEvent) => this.dispatchEvent(new CustomEvent('feature-show', { detail: e.detail }))}
      ></strike-event-list>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'strike-map-events': StrikeMapEvents;
  }
}
