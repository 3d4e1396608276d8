/**
 * <strike-card>: the claims ledger of one strike site — what each side said, how sure the location
 * is, how far from the border, and the sources. Every value from the data is rendered as text.
 */
import { LitElement, html, css } from 'lit';
import { property } from 'lit/decorators.js';
import { customElement } from './define.ts';
import type { Account, LocationAlternative, LocationConstraint, StrikeFeature, StrikeProperties } from '../data/types.ts';
import { formatDate } from '../data/prepare.ts';
import { distanceRange, describeRange, formatDistance, type BorderIndex, type Units } from '../geo/index.ts';
import { controlStyles } from './shared-styles.ts';
import { cardStyles } from './card-styles.ts';
import { sourceList } from './source-list.ts';
import { countryName } from './names.ts';

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
        border-left: 3px solid var(--_line);
        padding-left: 8px;
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
        padding-left: 18px;
      }
      .sources {
        margin: 0;
        padding-left: 22px;
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
    `,
  ];

  @property({ attribute: false }) feature?: StrikeFeature;
  @property({ attribute: false }) index?: BorderIndex;
  @property() units: Units = 'km';

  connectedCallback(): void {
    super.connectedCallback();
    this.setAttribute('role', 'dialog');
  }

  protected updated(): void {
    // aria-labelledby cannot reach into our own shadow root, so name the dialog directly.
    if (this.feature) this.setAttribute('aria-label', `Strike site: ${this.feature.properties.place}`);
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

  protected render() {
    const f = this.feature;
    if (!f) return html``;
    const p = f.properties;
    const at = f.geometry.coordinates as [number, number];
    const range = this.index ? distanceRange(this.index, at, p.uncertainty_km) : undefined;
    const sourceNo = (url: string) => p.sources.indexOf(url) + 1;
    const refs = (urls: string[]) => {
      const numbers = urls.map(sourceNo).filter((n) => n > 0);
      return numbers.length ? html`<sup>[${numbers.join(', ')}]</sup>` : '';
    };
    const account = (a: Account) => html`<div class="account" data-side=${a.side}>
      <div class="by">${a.by}</div>
      ${a.killed !== undefined || a.injured !== undefined
        ? html`<div class="figure">${a.killed !== undefined ? `${a.killed} killed` : ''}${a.killed !== undefined && a.injured !== undefined ? ', ' : ''}${a.injured !== undefined ? `${a.injured} injured` : ''}</div>`
        : ''}
      <div>${a.text} ${refs(a.sources)}</div>
    </div>`;
    const percent = (share: number) => `${Math.round(share * 100)} %`;
    const constraint = (c: LocationConstraint) => html`<li><span class="by">${c.by}:</span> ${c.text} <span class="why">${c.why}</span> ${refs(c.sources)}</li>`;
    const used = (p.constraints ?? []).filter((c) => c.use === 'used');
    const setAside = (p.constraints ?? []).filter((c) => c.use === 'set-aside');
    const alternative = (a: LocationAlternative) => html`<li>
      <span class="by">${a.name}</span> (${a.by}): ${formatDistance(a.distance_km, this.units)} from the plotted point${a.radius_km ? `; that reading allows anywhere within ${formatDistance(a.radius_km, this.units)} of its centre` : ''}.
      <span class="why">${a.note}</span> ${refs(a.sources)}
    </li>`;
    return html`<div @keydown=${this.onKey}>
      <header>
        <h2>${p.place}</h2>
        <button class="close" type="button" aria-label="Close card" @click=${this.close}>×</button>
        <div class="local">${localNames(p.place_local, p.target_country)}</div>
        <div class="meta">
          ${formatDate(p.date)} · ${p.time_local}<br />
          <strong>${countryName(p.attacker)} → ${countryName(p.target_country)}</strong>${p.category === 'context' ? ' · context strike' : ''}
        </div>
      </header>
      ${timeSection(p, refs)}
      <section>
        <h3>Claimed target</h3>
        <p>${p.claimed_target}</p>
      </section>
      <section>
        <h3>Weapons, as reported</h3>
        <ul>
          ${p.weapons.map((a) => html`<li><span class="by">${a.by}:</span> ${a.text} ${refs(a.sources)}</li>`)}
        </ul>
      </section>
      <section class="casualties">
        <h3>Casualties by account ${p.casualties_disputed ? html`<span class="badge" title="The accounts disagree">disputed</span>` : ''}</h3>
        ${p.casualties.length ? html`<div class="accounts">${groupBySide(p.casualties).map(account)}</div>` : html`<p>No casualty figure was published.</p>`}
      </section>
      ${p.distance_claims.length
        ? html`<section>
            <h3>Reported distance from the border ${p.distance_claims.length > 1 ? html`<span class="badge">disputed</span>` : ''}</h3>
            <ul>
              ${p.distance_claims.map((a) => html`<li><span class="by">${a.by}:</span> ${a.text} ${refs(a.sources)}</li>`)}
            </ul>
          </section>`
        : ''}
      <section class="location">
        <h3>Location</h3>
        <p><strong>Uncertain by up to ${formatDistance(p.uncertainty_km, this.units)}</strong> around the plotted point (${at[1].toFixed(3)}° N, ${at[0].toFixed(3)}° E).</p>
        ${range ? html`<p class="range">Distance to the border: ${describeRange(range, this.units)}.</p>` : ''}
        ${acrossText(p, percent)}
        ${p.district
          ? html`<p class="district">${percent(p.district.share)} of the area lies in ${p.district.name} ${p.target_country === 'PK' ? 'district' : 'County'}; the point is ${formatDistance(p.district.edge_km, this.units)} from its edge.${p.district.note ? ` ${p.district.note}` : ''}</p>`
          : ''}
        <p>${p.location_basis}</p>
        ${used.length
          ? html`<div class="derivation">
              <h3>Constraints used</h3>
              <ul>${used.map(constraint)}</ul>
              ${setAside.length ? html`<h3>Set aside</h3><ul>${setAside.map(constraint)}</ul>` : ''}
            </div>`
          : ''}
        ${p.alternatives?.length
          ? html`<div class="alternatives">
              <h3>Other readings of the location</h3>
              <ul>${p.alternatives.map(alternative)}</ul>
            </div>`
          : ''}
      </section>
      <section>
        <h3>Sources</h3>
        ${sourceList(p.sources)}
      </section>
    </div>`;
  }
}

type Refs = (urls: string[]) => unknown;

/** Whether the clock time was reported (with its sources) or is our estimate (with the method). */
function timeSection(p: StrikeProperties, refs: Refs) {
  if (!p.time_note) return '';
  return html`<section class="time">
    <h3>Time ${p.time_estimated ? html`<span class="badge" title="No report gives this clock time">estimated</span>` : html`<span class="badge">reported</span>`}</h3>
    <p>${p.time_note} ${refs(p.time_sources ?? [])}</p>
  </section>`;
}

/** How much of the area of uncertainty lies outside the target country (drawn washed out on the map). */
function acrossText(p: StrikeProperties, percent: (share: number) => string) {
  const a = p.across_border;
  if (!a) return '';
  const target = countryName(p.target_country);
  if (!(a.share > 0)) return html`<p class="across">None of the area lies outside ${target}.</p>`;
  return html`<p class="across"><strong>${percent(a.share)} of the area lies across the border, in ${a.country}</strong>; the map draws that part washed out, since it is not ${target}'s ground (measured on ${a.basis}).</p>`;
}

const LANGS: Record<string, string> = { urdu: 'ur', persian: 'fa', arabic: 'ar', kurdish: 'ckb', PK: 'ur', IR: 'fa', IQ: 'ar', SY: 'ar' };

/**
 * "سبزکوہ / کوہ سبز (Urdu); کوه سبز (Persian)" → each name isolated as right-to-left text with its
 * language, so the Latin notes do not scramble the reading order.
 */
function localNames(text: string, country: string) {
  const variants = text.split(/\s*[;/]\s*/).filter(Boolean);
  return variants.map((variant, i) => {
    const [, name, note] = /^(.*?)\s*(?:\(([^)]*)\))?$/.exec(variant) ?? [variant, variant];
    const lang = LANGS[(note ?? '').split(/[ ,]/)[0].toLowerCase()] ?? LANGS[country];
    return html`${i ? ' · ' : ''}<bdi dir="rtl" lang=${lang ?? 'und'}>${name}</bdi>${note ? ` (${note})` : ''}`;
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
