/**
 * <strike-map-legend>: what each symbol means, with a switch for every layer.
 */
import { LitElement, html, css, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { LayerGroup } from '../map/layers.ts';
import { controlStyles, panelStyles } from './shared-styles.ts';

interface Entry {
  group: LayerGroup;
  label: string;
  swatch: ReturnType<typeof svg>;
}

const line = (stroke: string, width: number, dash = '') =>
  svg`<line x1="2" y1="9" x2="22" y2="9" stroke=${stroke} stroke-width=${width} stroke-dasharray=${dash} />`;

const entries: Entry[] = [
  { group: 'strikes', label: 'Strike sites', swatch: svg`<polygon points="7,3 13,14 1,14" fill="var(--_ir)" /><rect x="14" y="4" width="9" height="9" fill="var(--_pk)" />` },
  { group: 'uncertainty', label: 'Area of location uncertainty', swatch: svg`<circle cx="12" cy="9" r="7" fill="var(--_warn)" fill-opacity="0.2" stroke="var(--_warn)" stroke-dasharray="2 1.5" />` },
  { group: 'border', label: 'Iran–Pakistan border (OSM)', swatch: svg`${line('var(--_fg)', 3)}` },
  { group: 'provinces', label: 'Balochistan and Sistan and Baluchestan', swatch: svg`<rect x="2" y="3" width="9" height="12" fill="var(--_pk)" fill-opacity="0.25" stroke="var(--_muted)" /><rect x="13" y="3" width="9" height="12" fill="var(--_ir)" fill-opacity="0.25" stroke="var(--_muted)" />` },
  { group: 'districts', label: 'Border districts and counties', swatch: svg`${line('var(--_muted)', 1.2, '1 2')}` },
  { group: 'towns', label: 'Towns and capitals', swatch: svg`<circle cx="8" cy="9" r="3" fill="var(--_bg)" stroke="var(--_fg)" stroke-width="1.5" /><circle cx="17" cy="9" r="4.5" fill="var(--_bg)" stroke="var(--_fg)" stroke-width="2.5" />` },
  { group: 'crossings', label: 'Border crossings', swatch: svg`<rect x="7" y="4" width="10" height="10" fill="var(--_bg)" stroke="var(--_fg)" stroke-width="2" />` },
  { group: 'bands', label: 'Distance bands: 10, 25, 50 km', swatch: svg`${line('var(--_warn)', 1.5, '4 2')}` },
];

/**
 * @summary Legend and layer switches.
 * @event legend-toggle - a layer group was switched. Detail: `{ group, visible }`.
 * @event context-toggle - the context-strikes switch changed. Detail: boolean.
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
      .key {
        font-size: 12.5px;
        color: var(--_muted);
        margin: 2px 0 4px 48px;
      }
      .key span {
        white-space: nowrap;
        margin-right: 10px;
      }
    `,
  ];

  /** Layer groups currently hidden. */
  @property({ attribute: false }) hiddenGroups = new Set<LayerGroup>();
  @property({ attribute: false }) showContext = false;
  /** The map's `builtin` attribute: groups it leaves out are not listed. */
  @property() builtin = 'all';

  private toggle(group: LayerGroup, visible: boolean) {
    this.dispatchEvent(new CustomEvent('legend-toggle', { detail: { group, visible } }));
  }

  protected render() {
    const listed = this.builtin.trim() === 'all' ? entries : entries.filter((e) => this.builtin.split(/\s+/).includes(e.group));
    if (!listed.length) return html``;
    return html`<h2 id="legend-title">Legend</h2>
      <ul aria-labelledby="legend-title">
        ${listed.map(
          (e) => html`<li>
            <label>
              <input type="checkbox" .checked=${!this.hiddenGroups.has(e.group)} @change=${(ev: Event) => this.toggle(e.group, (ev.target as HTMLInputElement).checked)} />
              <svg viewBox="0 0 24 18" aria-hidden="true">${e.swatch}</svg>
              <span>${e.label}</span>
            </label>
            ${e.group === 'strikes'
              ? html`<div class="key"><span>▲ launched by Iran</span> <span>■ launched by Pakistan</span></div>
                  <label>
                    <input type="checkbox" .checked=${this.showContext} @change=${(ev: Event) => this.dispatchEvent(new CustomEvent('context-toggle', { detail: (ev.target as HTMLInputElement).checked }))} />
                    <svg viewBox="0 0 24 18" aria-hidden="true"><polygon points="12,2 19,9 12,16 5,9" fill="var(--_muted)" /></svg>
                    <span>Iran's strikes in Iraq and Syria, 15 Jan (context)</span>
                  </label>`
              : ''}
          </li>`,
        )}
      </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'strike-map-legend': StrikeMapLegend;
  }
}
