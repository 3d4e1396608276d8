/**
 * <strike-map-timeline>: the dated events of the story as a day scrubber and a list. Choosing a
 * day shows on the map only what had happened by then and highlights that day's events. In Urdu
 * and Persian the scrubber runs right to left, as the reading does.
 */
import { LitElement, html, css } from 'lit';
import { property, state } from 'lit/decorators.js';
import { customElement } from './define.ts';
import type { TimelineEvent } from '../data/types.ts';
import { english } from '../i18n/texts.ts';
import type { ContentTexts } from '../data/content-i18n.ts';
import { controlStyles, panelStyles } from './shared-styles.ts';
import { sourceList } from './source-list.ts';
import { prefersReducedMotion } from '../map/camera.ts';

const STEP_MS = 1600;

/**
 * @summary Timeline of the events, 15 December 2023 to 29 January 2024: the attacks before the strikes, the strikes, and the visit that closed them.
 * @event day-change - the chosen day changed. Detail: "YYYY-MM-DD", or null for "all days".
 * @event event-select - an event tied to a strike site was chosen. Detail: the site id.
 */
@customElement('strike-map-timeline')
export class StrikeMapTimeline extends LitElement {
  static styles = [
    controlStyles,
    panelStyles,
    css`
      :host {
        border-top: 1px solid var(--_line);
        display: flex;
        flex-direction: column;
        min-height: 0;
      }
      .controls {
        display: flex;
        gap: 6px;
        align-items: center;
        flex-wrap: wrap;
      }
      input[type='range'] {
        flex: 1 1 120px;
        accent-color: var(--_accent);
        min-height: 28px;
      }
      output {
        font-weight: 600;
        min-width: 7em;
      }
      ol {
        list-style: none;
        padding: 0;
        padding-inline-end: 4px;
        margin: 8px 0 0;
        display: grid;
        align-content: start;
        gap: 4px;
        flex: 1 1 0;
        min-height: 120px;
        max-height: 45vh;
        overflow: auto;
        position: relative; /* offsetTop of the items is measured from the list */
      }
      li {
        border-inline-start: 3px solid var(--_line);
        padding-block: 2px;
        padding-inline-start: 8px;
      }
      li.future {
        opacity: 0.55;
      }
      li.today {
        border-color: var(--_accent);
        background: color-mix(in srgb, var(--_accent) 10%, transparent);
      }
      .when {
        font-size: 12px;
        color: var(--_muted);
        font-variant-numeric: tabular-nums;
      }
      .title {
        font-weight: 600;
      }
      details summary {
        cursor: pointer;
        font-size: 12px;
        color: var(--_muted);
      }
      .sources {
        font-size: 12px;
        padding-inline-start: 20px;
        margin: 2px 0;
        overflow-wrap: anywhere;
      }
      li button {
        font-size: 12px;
        min-height: 24px;
        padding: 0 6px;
        margin-top: 2px;
      }
      p {
        margin: 2px 0;
      }
      .translated {
        font-size: 12px;
        color: var(--_muted);
      }
    `,
  ];

  @property({ attribute: false }) texts = english;
  @property({ attribute: false }) events: TimelineEvent[] = [];
  /** The events' titles and summaries in the reader's language, where translated. */
  @property({ attribute: false }) content?: ContentTexts;
  /** The chosen day, or null for everything. */
  @property({ attribute: false }) day: string | null = null;
  @state() private playing = false;
  private timer?: ReturnType<typeof setInterval>;

  /**
   * Every calendar day from the first event on the map (a strike site) to the last event.
   * Earlier background (the Kerman bombings of 3 Jan) stays in the list but gets no empty days.
   */
  get days(): string[] {
    if (!this.events.length) return [];
    const start = this.events.find((e) => e.place_id?.includes('strike')) ?? this.events[0];
    const first = Date.parse(start.date);
    const last = Date.parse(this.events[this.events.length - 1].date);
    const days: string[] = [];
    for (let t = first; t <= last; t += 86_400_000) days.push(new Date(t).toISOString().slice(0, 10));
    return days;
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stop();
  }

  protected updated(changed: Map<string, unknown>): void {
    // Bring the chosen day's first event to the top of the list, scrolling only the list.
    const first = changed.has('day') && this.day ? this.renderRoot.querySelector<HTMLElement>('li.today') : null;
    if (first) (first.parentElement as HTMLElement).scrollTop = first.offsetTop - 4;
  }

  private choose(day: string | null) {
    this.dispatchEvent(new CustomEvent('day-change', { detail: day }));
  }

  private step(delta: number) {
    const days = this.days;
    const at = this.day ? days.indexOf(this.day) : delta > 0 ? -1 : days.length;
    const next = at + delta;
    this.choose(next >= 0 && next < days.length ? days[next] : null);
    return next >= 0 && next < days.length;
  }

  private togglePlay() {
    if (this.playing) return this.stop();
    this.playing = true;
    if (!this.day || this.day === this.days.at(-1)) this.choose(this.days[0]);
    // With reduced motion the reader steps by hand; playing still works but moves more slowly.
    const interval = prefersReducedMotion() ? STEP_MS * 2 : STEP_MS;
    this.timer = setInterval(() => {
      if (!this.step(1) || this.day === this.days.at(-1)) this.stop();
    }, interval);
  }

  private stop() {
    clearInterval(this.timer);
    this.timer = undefined;
    this.playing = false;
  }

  /** The months the events cover, e.g. "December 2023 – January 2024" (from the data, not fixed). */
  private get span(): string {
    const dates = this.events.map((e) => e.date).sort();
    return dates.length ? this.texts.monthSpan(dates[0], dates[dates.length - 1]) : '';
  }

  /** When an event happened: its date, and the UTC time when one is known. */
  private when(e: TimelineEvent): string {
    const t = this.texts;
    if (!e.time_utc) return t.dayBoth(e.date);
    const time = t.t(e.time_estimated ? 'timeUtcEstimated' : 'timeUtc', { time: t.clock(e.time_utc) });
    return `${t.dayBoth(e.date)} · ${time}`;
  }

  protected render() {
    const days = this.days;
    const position = this.day ? days.indexOf(this.day) : days.length;
    const t = this.texts;
    // The earlier day lies where the reading starts: left in English, right in Urdu and Persian.
    const [back, forward] = t.dir === 'rtl' ? ['▶', '◀'] : ['◀', '▶'];
    return html`<h2 id="timeline-title">${this.span ? t.t('timelineOf', { span: this.span }) : t.t('timeline')}</h2>
      <div class="controls" role="group" aria-labelledby="timeline-title">
        <button type="button" aria-label=${t.t('previousDay')} @click=${() => this.step(-1)}>${back}</button>
        <button type="button" aria-pressed=${this.playing} @click=${this.togglePlay}>${this.playing ? t.t('pause') : t.t('play')}</button>
        <button type="button" aria-label=${t.t('nextDay')} @click=${() => this.step(1)}>${forward}</button>
        <button type="button" aria-pressed=${this.day === null} @click=${() => (this.stop(), this.choose(null))}>${t.t('allDays')}</button>
      </div>
      <div class="controls">
        <input
          type="range"
          min="0"
          max=${days.length}
          .value=${String(position)}
          aria-label=${t.t('showUpToDay')}
          aria-valuetext=${this.day ? t.dayBoth(this.day) : t.t('allDays')}
          @input=${(e: Event) => {
            const i = Number((e.target as HTMLInputElement).value);
            this.choose(i < days.length ? days[i] : null);
          }}
        />
        <output aria-live="polite">${this.day ? t.t('upTo', { date: t.day(this.day, { year: false }) }) : t.t('allDays')}</output>
      </div>
      ${this.content ? html`<p class="translated">${t.t('timelineTranslated')}</p>` : ''}
      <ol>
        ${this.events.map(
          (e) => html`<li class=${this.day && e.date > this.day ? 'future' : this.day === e.date ? 'today' : ''} aria-current=${this.day === e.date ? 'date' : 'false'}>
            <div class="when">${this.when(e)}</div>
            <div class="title" dir="auto">${this.content?.text(e.id, 'title') ?? e.title}</div>
            <p dir="auto">${this.content?.text(e.id, 'summary') ?? e.summary}</p>
            ${e.place_id?.startsWith('strike') || e.place_id?.startsWith('context_strike')
              ? html`<button type="button" @click=${() => this.dispatchEvent(new CustomEvent('event-select', { detail: e.place_id }))}>${t.t('showOnMap')}</button>`
              : ''}
            <details>
              <summary>${t.t('sourcesCount', { count: e.sources.length })}</summary>
              ${sourceList(e.sources)}
            </details>
          </li>`,
        )}
      </ol>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'strike-map-timeline': StrikeMapTimeline;
  }
}
