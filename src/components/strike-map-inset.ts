/**
 * <strike-map-inset>: a small locator map of Iran, Pakistan and Afghanistan with a box showing
 * where the main map is looking. Plain SVG (no second WebGL context), redrawn as the map moves.
 * A MapLibre control: it follows the map from `onAdd` until `onRemove`.
 */
import { LitElement, html, css, svg } from 'lit';
import { property, state } from 'lit/decorators.js';
import { customElement } from './define.ts';
import type { IControl, Map as MlMap } from 'maplibre-gl';
import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { english } from '../i18n/texts.ts';

const SHOWN = ['IRN', 'PAK', 'AFG'];
const WIDTH = 132;
// Equirectangular frame around the three countries, with x scaled by cos(30°) so shapes look right.
const [WEST, SOUTH, EAST, NORTH] = [43.5, 23.3, 77.5, 40];
const SCALE_X = Math.cos((30 * Math.PI) / 180);
const HEIGHT = Math.round((WIDTH * (NORTH - SOUTH)) / ((EAST - WEST) * SCALE_X));

const x = (lon: number) => ((lon - WEST) / (EAST - WEST)) * WIDTH;
const y = (lat: number) => ((NORTH - lat) / (NORTH - SOUTH)) * HEIGHT;

function pathOf(geometry: Polygon | MultiPolygon): string {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const ring = (r: Position[]) => r.map(([lon, lat], i) => `${i ? 'L' : 'M'}${x(lon).toFixed(1)},${y(lat).toFixed(1)}`).join('') + 'Z';
  return polygons.flatMap((p) => p.map(ring)).join('');
}

/**
 * @summary Locator inset for <strike-map>.
 * @csspart inset - the SVG.
 */
@customElement('strike-map-inset')
export class StrikeMapInset extends LitElement implements IControl {
  static styles = css`
    :host {
      pointer-events: none;
    }
    svg {
      display: block;
      background: color-mix(in srgb, var(--_bg) 88%, transparent);
      border: 1px solid var(--_line);
      border-radius: 6px;
    }
    .country {
      fill: var(--_surface);
      stroke: var(--_muted);
      stroke-width: 0.6;
    }
    .focus {
      fill: color-mix(in srgb, var(--_accent) 18%, var(--_surface));
    }
    .view {
      fill: none;
      stroke: var(--_warn);
      stroke-width: 1.8;
    }
    text {
      font: 600 7px system-ui, sans-serif;
      fill: var(--_muted);
      letter-spacing: 0.04em;
      text-transform: uppercase;
    }
    text:lang(ur),
    text:lang(fa) {
      font-size: 8px;
      letter-spacing: 0; /* spacing breaks the joins of Arabic script */
    }
    @container (max-width: 479px) {
      :host {
        display: none;
      }
    }
  `;

  @property({ attribute: false }) countries?: FeatureCollection<Polygon | MultiPolygon>;
  @property({ attribute: false }) texts = english;
  @state() private view?: [number, number, number, number];
  private map?: MlMap;
  private frame = 0;

  /** Puts the inset on the map, or takes it off. */
  showOn(map: MlMap, wanted: boolean): void {
    if (wanted && !map.hasControl(this)) map.addControl(this, 'bottom-right');
    if (!wanted && map.hasControl(this)) map.removeControl(this);
  }

  /** @internal MapLibre calls this when the control is added to a map. */
  onAdd(map: MlMap): HTMLElement {
    this.map = map;
    this.classList.add('maplibregl-ctrl');
    map.on('move', this.onMove);
    this.onMove();
    return this;
  }

  /** @internal MapLibre calls this when the control or its map is removed. */
  onRemove(map: MlMap): void {
    map.off('move', this.onMove);
    cancelAnimationFrame(this.frame);
    this.remove();
    this.map = undefined;
  }

  private onMove = () => {
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => {
      const b = this.map?.getBounds();
      if (b) this.view = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
    });
  };

  protected render() {
    const shown = this.countries?.features.filter((f) => SHOWN.includes(String(f.properties?.iso_a3))) ?? [];
    if (!shown.length) return html``;
    const [w, s, e, n] = this.view ?? [0, 0, 0, 0];
    const box = { x: Math.max(0, x(w)), y: Math.max(0, y(n)), w: Math.min(WIDTH, x(e)) - Math.max(0, x(w)), h: Math.min(HEIGHT, y(s)) - Math.max(0, y(n)) };
    return html`<svg part="inset" width=${WIDTH} height=${HEIGHT} viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label=${this.texts.t('locator')} lang=${this.texts.lang}>
      ${shown.map((f) => svg`<path class="country ${f.properties?.iso_a3 === 'AFG' ? '' : 'focus'}" d=${pathOf(f.geometry)}></path>`)}
      ${this.view && box.w > 0 && box.h > 0 ? svg`<rect class="view" x=${box.x} y=${box.y} width=${Math.max(box.w, 3)} height=${Math.max(box.h, 3)}></rect>` : ''}
      <text x=${x(50)} y=${y(33.5)}>${this.texts.country('IR')}</text>
      <text x=${x(67.6)} y=${y(30.6)}>${this.texts.country('PK')}</text>
      <text x=${x(60)} y=${y(36.4)}>${this.texts.country('AF')}</text>
    </svg>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'strike-map-inset': StrikeMapInset;
  }
}
