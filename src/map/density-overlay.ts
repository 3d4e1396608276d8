/**
 * A dense event dataset's density at low zoom, drawn on a 2D canvas laid over the map instead of as
 * a MapLibre heatmap layer: a step of the analyst panel's time brush then costs a grid of sums and
 * one small image, not a new map frame. On this machine's software WebGL a map frame alone takes
 * over 60 ms, and a heatmap layer's new filter several hundred. The map's other layers of the
 * dataset (pins and areas) take the brushed period once it rests (src/components/event-analysis.ts).
 */
import type { Map as MlMap } from 'maplibre-gl';
import { densityGrid, densityImage, mercatorPositions } from '../geo/density-grid.ts';

/** The zooms over which the density fades out as the pins fade in, and its opacity before that. */
export const DENSITY_FADE = { from: 6, to: 9, opacity: 0.85 } as const;
/** Pixels each event's density reaches at zoom 4 and at zoom 9 (MapLibre's heatmap-radius). */
const RADIUS = { at4: 10, at9: 30 };
/** A grid cell's side, CSS pixels: the image is drawn smoothed at this scale. */
const CELL = 4;

const between = (zoom: number, at: [number, number], values: [number, number]) => {
  const t = Math.min(1, Math.max(0, (zoom - at[0]) / (at[1] - at[0])));
  return values[0] + (values[1] - values[0]) * t;
};

/** The density's opacity at a zoom: none from DENSITY_FADE.to on. */
export const densityOpacity = (zoom: number): number => between(zoom, [DENSITY_FADE.from, DENSITY_FADE.to], [DENSITY_FADE.opacity, 0]);
export const densityRadius = (zoom: number): number => between(zoom, [4, 9], [RADIUS.at4, RADIUS.at9]);

export class DensityOverlay {
  readonly canvas = document.createElement('canvas');
  /** The grid, a pixel a cell, before it is drawn scaled up. */
  private image = document.createElement('canvas');
  private positions: Float64Array;
  private selected: Uint8Array | null = null;
  private visible = true;
  private readonly redraw = () => this.draw();

  constructor(
    private map: MlMap,
    lonLats: readonly (readonly number[])[],
    private weight: number,
  ) {
    this.positions = mercatorPositions(lonLats);
    this.canvas.className = 'strike-map-density';
    this.canvas.setAttribute('aria-hidden', 'true'); // the analyst panel and the table carry the same in words
    this.canvas.style.cssText = 'position:absolute;inset:0;width:100%;height:100%;pointer-events:none';
    map.getCanvasContainer().append(this.canvas);
    map.on('move', this.redraw);
    map.on('resize', this.redraw);
  }

  /** Draws only the events `selected` marks (by feature index; null: all of them): the first drawing too. */
  show(selected: Uint8Array | null): void {
    this.selected = selected;
    this.draw();
  }

  setVisible(visible: boolean): void {
    this.visible = visible;
    this.draw();
  }

  remove(): void {
    this.map.off('move', this.redraw);
    this.map.off('resize', this.redraw);
    this.canvas.remove();
  }

  private draw(): void {
    const { map, canvas } = this;
    const zoom = map.getZoom();
    const opacity = this.visible ? densityOpacity(zoom) : 0;
    const { clientWidth: width, clientHeight: height } = map.getContainer();
    const ratio = devicePixelRatio || 1;
    const context = canvas.getContext('2d')!;
    if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) [canvas.width, canvas.height] = [Math.round(width * ratio), Math.round(height * ratio)];
    else context.clearRect(0, 0, canvas.width, canvas.height);
    if (!opacity || !width || !height) return;
    // The map has neither rotation nor pitch (create-map.ts): world units map to pixels by a scale and a shift.
    const scale = 512 * 2 ** zoom;
    const center = map.getCenter();
    const [cx, cy] = mercatorPositions([[center.lng, center.lat]]);
    const at = map.project(center);
    const grid = densityGrid(this.positions, this.selected, this.weight, { originX: at.x - cx * scale, originY: at.y - cy * scale, scale, width, height, cell: CELL, radius: densityRadius(zoom) });
    const image = this.image;
    [image.width, image.height] = [grid.columns, grid.rows];
    image.getContext('2d')!.putImageData(new ImageData(densityImage(grid, opacity), grid.columns, grid.rows), 0, 0);
    context.imageSmoothingEnabled = true;
    const offset = -grid.margin * CELL * ratio;
    context.drawImage(image, offset, offset, grid.columns * CELL * ratio, grid.rows * CELL * ratio);
  }
}
