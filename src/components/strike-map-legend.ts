/**
 * <strike-map-legend>: what each symbol means, with a switch for every layer.
 */
import { LitElement, html, css, svg } from 'lit';
import { property, state } from 'lit/decorators.js';
import { customElement } from './define.ts';
import type { LayerGroup } from '../map/layers.ts';
import { controlStyles, panelStyles } from './shared-styles.ts';
import { english, type MessageKey } from '../i18n/texts.ts';

interface Entry {
  group: LayerGroup;
  label: MessageKey;
  swatch: ReturnType<typeof svg>;
}

const line = (stroke: string, width: number, dash = '') =>
  svg`<line x1="2" y1="9" x2="22" y2="9" stroke=${stroke} stroke-width=${width} stroke-dasharray=${dash} />`;

const entries: Entry[] = [
  { group: 'strikes', label: 'groupStrikes', swatch: svg`<polygon points="7,3 13,14 1,14" fill="var(--_ir)" /><rect x="14" y="4" width="9" height="9" fill="var(--_pk)" />` },
  { group: 'uncertainty', label: 'groupUncertainty', swatch: svg`<circle cx="7" cy="9" r="5.5" fill="var(--_ir)" fill-opacity="0.2" stroke="var(--_ir)" stroke-dasharray="2 1.5" /><circle cx="17" cy="9" r="5.5" fill="var(--_pk)" fill-opacity="0.2" stroke="var(--_pk)" stroke-dasharray="2 1.5" />` },
  { group: 'border', label: 'groupBorder', swatch: svg`${line('var(--_fg)', 3)}` },
  { group: 'provinces', label: 'groupProvinces', swatch: svg`<rect x="2" y="3" width="9" height="12" fill="var(--_pk)" fill-opacity="0.25" stroke="var(--_muted)" /><rect x="13" y="3" width="9" height="12" fill="var(--_ir)" fill-opacity="0.25" stroke="var(--_muted)" />` },
  { group: 'districts', label: 'groupDistricts', swatch: svg`${line('var(--_muted)', 1.2, '1 2')}` },
  { group: 'towns', label: 'groupTowns', swatch: svg`<circle cx="8" cy="9" r="3" fill="var(--_bg)" stroke="var(--_fg)" stroke-width="1.5" /><circle cx="17" cy="9" r="4.5" fill="var(--_bg)" stroke="var(--_fg)" stroke-width="2.5" />` },
  { group: 'crossings', label: 'groupCrossings', swatch: svg`<rect x="7" y="4" width="10" height="10" fill="var(--_bg)" stroke="var(--_fg)" stroke-width="2" />` },
  { group: 'bands', label: 'groupBands', swatch: svg`${line('var(--_warn)', 1.5, '4 2')}` },
];

/**
 * @summary Legend and layer switches.
 * @event legend-toggle - a layer group was switched. Detail: `{ group, visible }`.
 * @event context-toggle - the context-strikes switch changed. Detail: boolean.
 * @event attacker-toggle - the strikes of one attacker were switched. Detail: `{ attacker, visible }`.
 * @event user-layer-toggle - one of the page's own layers was switched. Detail: `{ layerId, visible }`.
 */
@customElement('strike-map-legend')
export class StrikeMapLegend extends LitElement {
  static styles = [
    controlStyles,
    panelStyles,
    css`
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 2px;
      }
      label {
        display: grid;
        grid-template-columns: auto 24px 1fr;
        align-items: center;
        gap: 8px;
        min-height: 28px;
        cursor: pointer;
      }
      input {
        width: 16px;
        height: 16px;
        margin: 0;
        accent-color: var(--_accent);
      }
      svg {
        width: 24px;
        height: 18px;
      }
      .sub {
        margin: 0 0 4px;
        margin-inline-start: 24px;
      }
      .fold {
        background: none;
        border: 0;
        padding: 0;
        font: inherit;
        color: inherit;
        text-transform: inherit;
        letter-spacing: inherit;
        min-height: 24px;
      }
      h3 {
        font-size: 12px;
        margin: 10px 0 4px;
        color: var(--_muted);
      }
      .name {
        overflow-wrap: anywhere;
      }
    `,
  ];

  @property({ attribute: false }) texts = english;
  /** Layer groups currently hidden. */
  @property({ attribute: false }) hiddenGroups = new Set<LayerGroup>();
  @property({ attribute: false }) showContext = false;
  @property({ attribute: false }) hiddenAttackers = new Set<'IR' | 'PK'>();
  @state() private folded = false;
  /** The page's own layers (from <strike-map-layer> or dropped files). */
  @property({ attribute: false }) userLayers: { layerId: string; name: string; color: string; visible: boolean }[] = [];
  /** The map's `builtin` attribute: groups it leaves out are not listed. */
  @property() builtin = 'all';

  private toggle(group: LayerGroup, visible: boolean) {
    this.emit('legend-toggle', { group, visible });
  }

  private emit(type: string, detail: unknown) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }

  /** One switch per attacker (shape and colour), and one for the context strikes. */
  private renderAttackers() {
    const checked = (ev: Event) => (ev.target as HTMLInputElement).checked;
    const t = this.texts;
    return html`<ul class="sub">
      <li>
        <label>
          <input type="checkbox" .checked=${!this.hiddenAttackers.has('IR')} @change=${(ev: Event) => this.emit('attacker-toggle', { attacker: 'IR', visible: checked(ev) })} />
          <svg viewBox="0 0 24 18" aria-hidden="true"><polygon points="12,2 20,16 4,16" fill="var(--_ir)" /></svg>
          <span>${t.t('launchedByIran', { date: t.day('2024-01-16', { year: false }) })}</span>
        </label>
      </li>
      <li>
        <label>
          <input type="checkbox" .checked=${!this.hiddenAttackers.has('PK')} @change=${(ev: Event) => this.emit('attacker-toggle', { attacker: 'PK', visible: checked(ev) })} />
          <svg viewBox="0 0 24 18" aria-hidden="true"><rect x="6" y="3" width="12" height="12" fill="var(--_pk)" /></svg>
          <span>${t.t('launchedByPakistan', { date: t.day('2024-01-18', { year: false }) })}</span>
        </label>
      </li>
      <li>
        <label>
          <input type="checkbox" .checked=${this.showContext} @change=${(ev: Event) => this.emit('context-toggle', checked(ev))} />
          <svg viewBox="0 0 24 18" aria-hidden="true"><polygon points="12,2 19,9 12,16 5,9" fill="var(--_muted)" /></svg>
          <span>${t.t('contextStrikes', { date: t.day('2024-01-15', { year: false }) })}</span>
        </label>
      </li>
    </ul>`;
  }

  protected render() {
    const listed = this.builtin.trim() === 'all' ? entries : entries.filter((e) => this.builtin.split(/\s+/).includes(e.group));
    if (!listed.length && !this.userLayers.length) return html``;
    // The reader can fold the list away, leaving more room for the timeline (a heading that stays a heading).
    return html`<h2>
        <button class="fold" type="button" aria-expanded=${!this.folded} aria-controls="legend-body" @click=${() => (this.folded = !this.folded)}>
          <span aria-hidden="true">${this.folded ? (this.texts.dir === 'rtl' ? '◂' : '▸') : '▾'}</span> <span id="legend-title">${this.texts.t('legendTitle')}</span>
        </button>
      </h2>
      <div id="legend-body" ?hidden=${this.folded}>
      <ul aria-labelledby="legend-title">
        ${listed.map(
          (e) => html`<li>
            <label>
              <input type="checkbox" .checked=${!this.hiddenGroups.has(e.group)} @change=${(ev: Event) => this.toggle(e.group, (ev.target as HTMLInputElement).checked)} />
              <svg viewBox="0 0 24 18" aria-hidden="true">${e.swatch}</svg>
              <span>${this.texts.t(e.label)}</span>
            </label>
            ${e.group === 'strikes' ? this.renderAttackers() : ''}
          </li>`,
        )}
      </ul>
      ${this.userLayers.length
        ? html`<h3 id="own-title">${this.texts.t('yourLayers')}</h3>
            <ul aria-labelledby="own-title">
              ${this.userLayers.map(
                (layer) => html`<li>
                  <label>
                    <input type="checkbox" .checked=${layer.visible} @change=${(ev: Event) => this.emit('user-layer-toggle', { layerId: layer.layerId, visible: (ev.target as HTMLInputElement).checked })} />
                    <svg viewBox="0 0 24 18" aria-hidden="true"><circle cx="12" cy="9" r="5" fill=${layer.color} /></svg>
                    <span class="name">${layer.name}</span>
                  </label>
                </li>`,
              )}
            </ul>`
        : ''}
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'strike-map-legend': StrikeMapLegend;
  }
}
