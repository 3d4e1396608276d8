/**
 * <strike-card>: the claims ledger of one strike site — what each side said, how sure the location
 * is, how far from the border, and the sources. Every value from the data is rendered as text.
 */
import { LitElement, html, css } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ContentTexts } from '../data/content-i18n.ts';
import { translated } from './translated.ts';
import { customElement } from './define.ts';
import type { Account, LocationAlternative, LocationConstraint, StrikeFeature, StrikeProperties } from '../data/types.ts';
import { distanceRange } from '../geo/distance-range.ts';
import type { BorderIndex } from '../geo/border-index.ts';
import type { Units } from '../geo/units.ts';
import { controlStyles } from './shared-styles.ts';
import { cardStyles } from './card-styles.ts';
import { sourceList } from './source-list.ts';
import { english, type Texts } from '../i18n/texts.ts';
import { casualtyFigure, countryNamed } from './account-words.ts';

/**
 * @summary The card shown for a selected strike site.
 * @event close - the reader closed the card.
 */
@customElement('strike-card')
export class StrikeCard extends LitElement {
  static styles = [
    controlStyles,
    cardStyles,
    css`
      section {
        padding: 8px 12px;
        border-bottom: 1px solid var(--_line);
      }
      h3 {
        font-size: 12px;
        text-transform: uppercase;
        letter-spacing: 0.04em;
        color: var(--_muted);
        margin: 0 0 4px;
        display: flex;
        gap: 6px;
        align-items: center;
      }
      .accounts {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(140px, 1fr));
        gap: 8px;
      }
      .account {
        border-inline-start: 3px solid var(--_line);
        padding-inline-start: 8px;
      }
      .account[data-side='IR'] {
        border-color: var(--_ir);
      }
      .account[data-side='PK'] {
        border-color: var(--_pk);
      }
      .by {
        font-weight: 600;
      }
      .figure {
        font-variant-numeric: tabular-nums;
      }
      ul {
        margin: 0;
        padding-inline-start: 18px;
      }
      .sources {
        margin: 0;
        padding-inline-start: 22px;
        columns: 2;
        column-gap: 32px;
        overflow-wrap: anywhere;
      }
      sup {
        color: var(--_muted);
      }
      p {
        margin: 0 0 4px;
      }
      .derivation li {
        margin-bottom: 2px;
      }
      .why {
        color: var(--_muted);
      }
      .translation {
        grid-column: 1 / -1;
        margin: 0;
        font-size: 12px;
        color: var(--_muted);
      }
      .translation button {
        font-size: 12px;
        min-height: 24px;
        padding: 0 6px;
      }
    `,
  ];

  @property({ attribute: false }) feature?: StrikeFeature;
  @property({ attribute: false }) index?: BorderIndex;
  @property() units: Units = 'km';
  @property({ attribute: false }) texts = english;
  /** The strike's texts in the reader's language (translations made for this project). */
  @property({ attribute: false }) content?: ContentTexts;
  /** The reader asked for the English original instead of the translation. */
  @state() private original = false;

  connectedCallback(): void {
    super.connectedCallback();
    this.setAttribute('role', 'dialog');
  }

  protected updated(): void {
    // aria-labelledby cannot reach into our own shadow root, so name the dialog directly.
    if (this.feature) this.setAttribute('aria-label', this.texts.t('strikeSite', { place: this.shown!.place }));
  }

  /** Moves focus to the close button so keyboard users land inside the card. */
  focus(): void {
    this.renderRoot.querySelector<HTMLButtonElement>('.close')?.focus();
  }

  private close(): void {
    this.dispatchEvent(new CustomEvent('close'));
  }

  private onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      this.close();
    }
  };

  /** The strike's properties as shown: translated, unless the reader chose the original. */
  private get shown(): StrikeProperties | undefined {
    const p = this.feature?.properties;
    return p && this.content && !this.original ? translated(p, p.id, this.content) : p;
  }

  protected willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('feature') || changed.has('content')) this.original = false;
  }

  protected render() {
    const f = this.feature;
    if (!f) return html``;
    const p = this.shown!;
    const t = this.texts;
    const distance = (km: number) => t.distance(km, this.units);
    const at = f.geometry.coordinates as [number, number];
    const range = this.index ? distanceRange(this.index, at, p.uncertainty_km) : undefined;
    const sourceNo = (url: string) => p.sources.indexOf(url) + 1;
    const refs = (urls: string[]) => {
      const numbers = urls.map(sourceNo).filter((n) => n > 0);
      return numbers.length ? html`<sup>[${t.list(numbers.map((n) => t.number(n)))}]</sup>` : '';
    };
    const account = (a: Account) => html`<div class="account" data-side=${a.side}>
      <div class="by" dir="auto">${a.by}</div>
      ${a.killed !== undefined || a.injured !== undefined ? html`<div class="figure">${casualtyFigure(a, t)}</div>` : ''}
      <div dir="auto">${a.text} ${refs(a.sources)}</div>
    </div>`;
    const constraint = (c: LocationConstraint) => html`<li dir="auto"><span class="by">${c.by}:</span> ${c.text} <span class="why">${c.why}</span> ${refs(c.sources)}</li>`;
    const used = (p.constraints ?? []).filter((c) => c.use === 'used');
    const setAside = (p.constraints ?? []).filter((c) => c.use === 'set-aside');
    const alternative = (a: LocationAlternative) => html`<li>
      <span class="by"><bdi>${a.name}</bdi></span> (<bdi>${a.by}</bdi>): ${alternativeText(a, t, distance)}
      <span class="why" dir="auto">${a.note}</span> ${refs(a.sources)}
    </li>`;
    return html`<div @keydown=${this.onKey}>
      <header>
        <h2 dir="auto">${p.place}</h2>
        <button class="close" type="button" aria-label=${t.t('closeCard')} @click=${this.close}>×</button>
        <div class="local">${localNames(p.place_local, p.target_country, t)}</div>
        ${this.content
          ? html`<p class="translation">${this.original ? '' : html`${t.t('translatedNote')} `}<button type="button" class="link" @click=${() => (this.original = !this.original)}>${t.t(this.original ? 'showTranslation' : 'showOriginal')}</button></p>`
          : ''}
        <div class="meta">
          ${t.dayBoth(p.date)} · <bdi>${p.time_local}</bdi><br />
          <strong>${t.country(p.attacker)} ${t.dir === 'rtl' ? '←' : '→'} ${t.country(p.target_country)}</strong>${p.category === 'context' ? ` · ${t.t('contextStrike')}` : ''}
        </div>
      </header>
      ${timeSection(p, refs, t)}
      <section>
        <h3>${t.t('claimedTarget')}</h3>
        <p dir="auto">${p.claimed_target}</p>
      </section>
      <section>
        <h3>${t.t('weapons')}</h3>
        <ul>
          ${p.weapons.map((a) => html`<li dir="auto"><span class="by">${a.by}:</span> ${a.text} ${refs(a.sources)}</li>`)}
        </ul>
      </section>
      <section class="casualties">
        <h3>${t.t('casualtiesByAccount')} ${p.casualties_disputed ? html`<span class="badge" title=${t.t('accountsDisagree')}>${t.t('disputed')}</span>` : ''}</h3>
        ${p.casualties.length ? html`<div class="accounts">${groupBySide(p.casualties).map(account)}</div>` : html`<p>${t.t('noCasualtyFigure')}</p>`}
      </section>
      ${p.distance_claims.length
        ? html`<section>
            <h3>${t.t('reportedDistance')} ${p.distance_claims.length > 1 ? html`<span class="badge">${t.t('disputed')}</span>` : ''}</h3>
            <ul>
              ${p.distance_claims.map((a) => html`<li dir="auto"><span class="by">${a.by}:</span> ${a.text} ${refs(a.sources)}</li>`)}
            </ul>
          </section>`
        : ''}
      <section class="location">
        <h3>${t.t('location')}</h3>
        <p>${t.parts('aroundPoint', { uncertain: html`<strong>${t.t('uncertainBy', { distance: distance(p.uncertainty_km) })}</strong>`, coordinates: t.t('coordinates', { lat: t.number(at[1], 3), lon: t.number(at[0], 3) }) })}</p>
        ${range ? html`<p class="range">${t.t('distanceToTheBorder', { range: t.describeRange(range, this.units) })}</p>` : ''}
        ${acrossText(p, t)}
        ${p.district
          ? html`<p class="district">${t.t(p.target_country === 'PK' ? 'districtShare' : 'countyShare', { share: t.percent(p.district.share), name: p.district.name, distance: distance(p.district.edge_km) })}${p.district.note ? html` <bdi>${p.district.note}</bdi>` : ''}</p>`
          : ''}
        <p dir="auto">${p.location_basis}</p>
        ${used.length
          ? html`<div class="derivation">
              <h3>${t.t('constraintsUsed')}</h3>
              <ul>${used.map(constraint)}</ul>
              ${setAside.length ? html`<h3>${t.t('setAside')}</h3><ul>${setAside.map(constraint)}</ul>` : ''}
            </div>`
          : ''}
        ${p.alternatives?.length
          ? html`<div class="alternatives">
              <h3>${t.t('otherReadings')}</h3>
              <ul>${p.alternatives.map(alternative)}</ul>
            </div>`
          : ''}
      </section>
      <section>
        <h3>${t.t('sources')}</h3>
        ${sourceList(p.sources)}
      </section>
    </div>`;
  }
}

type Refs = (urls: string[]) => unknown;

/** Whether the clock time was reported (with its sources) or is our estimate (with the method). */
function timeSection(p: StrikeProperties, refs: Refs, t: Texts) {
  if (!p.time_note) return '';
  return html`<section class="time">
    <h3>${t.t('time')} ${p.time_estimated ? html`<span class="badge" title=${t.t('noReportGivesTime')}>${t.t('estimated')}</span>` : html`<span class="badge">${t.t('reported')}</span>`}</h3>
    <p dir="auto">${p.time_note} ${refs(p.time_sources ?? [])}</p>
  </section>`;
}

/** How much of the area of uncertainty lies outside the target country (drawn washed out on the map). */
function acrossText(p: StrikeProperties, t: Texts) {
  const a = p.across_border;
  if (!a) return '';
  const target = t.country(p.target_country);
  if (!(a.share > 0)) return html`<p class="across">${t.t('noneAcross', { country: target })}</p>`;
  const lead = html`<strong>${t.t('acrossShare', { share: t.percent(a.share), country: countryNamed(a.country, t) })}</strong>`;
  return html`<p class="across">${t.parts('acrossWhy', { lead, target, basis: a.basis })}</p>`;
}

/** "12 km from the plotted point; that reading allows anywhere within 5 km of its centre." */
function alternativeText(a: LocationAlternative, t: Texts, distance: (km: number) => string): string {
  const near = distance(a.distance_km);
  return a.radius_km ? t.t('alternativeWithin', { distance: near, radius: distance(a.radius_km) }) : t.t('alternativeNear', { distance: near });
}

const LANGS: Record<string, string> = { urdu: 'ur', persian: 'fa', arabic: 'ar', kurdish: 'ckb', PK: 'ur', IR: 'fa', IQ: 'ar', SY: 'ar' };

/**
 * "سبزکوہ / کوہ سبز (Urdu); کوه سبز (Persian)" → each name isolated as right-to-left text with its
 * language, so the Latin notes do not scramble the reading order.
 */
function localNames(text: string, country: string, t: Texts) {
  const variants = text.split(/\s*[;/]\s*/).filter(Boolean);
  const languageName = new Intl.DisplayNames([t.lang], { type: 'language' });
  return variants.map((variant, i) => {
    const [, name, note] = /^(.*?)\s*(?:\(([^)]*)\))?$/.exec(variant) ?? [variant, variant];
    const named = LANGS[(note ?? '').toLowerCase()]; // a note that is only a language's name is said in the reader's language
    const lang = named ?? LANGS[(note ?? '').split(/[ ,]/)[0].toLowerCase()] ?? LANGS[country];
    const shownNote = named ? languageName.of(named) : note && html`<bdi>${note}</bdi>`;
    return html`${i ? ' · ' : ''}<bdi dir="rtl" lang=${lang ?? 'und'}>${name}</bdi>${note ? html` (${shownNote})` : ''}`;
  });
}

/** Iran's accounts first, then Pakistan's, then everyone else, so the two sides sit side by side. */
function groupBySide(accounts: Account[]): Account[] {
  const order = { IR: 0, PK: 1, other: 2 } as const;
  return [...accounts].sort((a, b) => (order[a.side] ?? 2) - (order[b.side] ?? 2));
}

declare global {
  interface HTMLElementTagNameMap {
    'strike-card': StrikeCard;
  }
}
