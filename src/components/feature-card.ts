/**
 * <strike-feature-card>: the properties of a feature from the page's own layer, as text; for an
 * event, first its date and location as precisely as its dataset knows them.
 * Only http(s) values become links; nothing from the data is ever parsed as HTML.
 */
import { LitElement, html, css } from 'lit';
import { property } from 'lit/decorators.js';
import { customElement } from './define.ts';
import { controlStyles } from './shared-styles.ts';
import { cardStyles } from './card-styles.ts';
import { safeHttpUrl } from './safe-url.ts';
import { english } from '../i18n/texts.ts';
import type { MessageKey } from '../i18n/en.ts';
import type { Units } from '../geo/units.ts';
import type { DatePrecision } from '../data/events.ts';

const DATE_PRECISION: Record<DatePrecision, MessageKey> = {
  day: 'datePrecisionDay',
  days: 'datePrecisionDays',
  week: 'datePrecisionWeek',
  month: 'datePrecisionMonth',
  year: 'datePrecisionYear',
};
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * @summary Card listing a user feature's properties.
 * @event close - the reader closed the card.
 */
@customElement('strike-feature-card')
export class StrikeFeatureCard extends LitElement {
  static styles = [
    controlStyles,
    cardStyles,
    css`
      table {
        border-collapse: collapse;
        width: 100%;
        margin: 8px 12px 12px;
        width: calc(100% - 24px);
      }
      th,
      td {
        text-align: start;
        vertical-align: top;
        padding: 3px 6px;
        border-bottom: 1px solid var(--_line);
        overflow-wrap: anywhere;
      }
      th {
        color: var(--_muted);
        font-weight: 600;
      }
    `,
  ];

  @property() layerName = '';
  @property({ attribute: false }) properties: Record<string, unknown> = {};
  @property() distance = '';
  @property() units: Units = 'km';
  @property({ attribute: false }) texts = english;

  connectedCallback(): void {
    super.connectedCallback();
    this.setAttribute('role', 'dialog');
    this.addEventListener('keydown', this.onKey);
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('keydown', this.onKey);
  }

  /** Escape anywhere in the card closes this card, and only this one. */
  private onKey = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    this.close();
  };

  private close() {
    this.dispatchEvent(new CustomEvent('close'));
  }

  protected updated(): void {
    this.setAttribute('aria-label', this.texts.t('featureDetails'));
  }

  /** An event's date and place with their precision, from the fields the event reader adds (src/data/events.ts). */
  private eventLines(p: Record<string, unknown>): string[] {
    if (typeof p.event_format !== 'string') return [];
    const t = this.texts;
    const lines: string[] = [];
    const precision = Object.hasOwn(DATE_PRECISION, String(p.date_precision)) ? DATE_PRECISION[p.date_precision as DatePrecision] : undefined;
    if (precision && ISO_DAY.test(String(p.date)) && ISO_DAY.test(String(p.date_end))) lines.push(t.t('eventDate', { when: t.days(String(p.date), String(p.date_end)), precision: t.t(precision) }));
    const radius = Number(p.uncertainty_km);
    if (radius > 0) lines.push(t.t('eventLocated', { radius: t.distance(radius, this.units) }));
    return lines;
  }

  protected render() {
    // area_px0 sizes a dense dataset's circles on the map (src/data/parse-user.ts): nothing a reader asked for.
    const entries = Object.entries(this.properties ?? {}).filter(([key]) => key !== 'area_px0');
    return html`<header>
        <h2>${this.layerName}</h2>
        <button class="close" type="button" aria-label=${this.texts.t('closeCard')} @click=${this.close}>×</button>
        ${this.distance ? html`<div class="meta">${this.distance}</div>` : ''}
        ${this.eventLines(this.properties ?? {}).map((line) => html`<div class="meta event">${line}</div>`)}
      </header>
      ${entries.length
        ? html`<table>
            ${entries.map(([key, value]) => {
              const text = typeof value === 'string' ? value : JSON.stringify(value);
              const url = safeHttpUrl(value);
              return html`<tr><th scope="row">${key}</th><td>${url ? html`<a href=${url} target="_blank" rel="noopener noreferrer">${text}</a>` : text}</td></tr>`;
            })}
          </table>`
        : html`<p class="empty">${this.texts.t('noProperties')}</p>`}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'strike-feature-card': StrikeFeatureCard;
  }
}
