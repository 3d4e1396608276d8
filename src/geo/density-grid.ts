/**
 * A density surface of many points on a screen grid, as MapLibre's heatmap layer draws one: each
 * point spreads a Gaussian of the given radius, the sums are coloured by MapLibre's default heatmap
 * ramp. Computed here, a step of a time brush redraws it without asking the map for a new frame
 * (src/map/density-overlay.ts). Pure: runs in Node too.
 */

/** Web Mercator position of each point, x and y interleaved, in world units (0 to 1 across the map). */
export function mercatorPositions(lonLats: readonly (readonly number[])[]): Float64Array {
  const out = new Float64Array(lonLats.length * 2);
  lonLats.forEach(([lon, lat], i) => {
    const sin = Math.sin((lat * Math.PI) / 180);
    out[2 * i] = (lon + 180) / 360;
    out[2 * i + 1] = 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI);
  });
  return out;
}

/** Where the grid lies: world units to CSS pixels (`x = originX + worldX * scale`), its size, and its cell. */
export interface GridView {
  originX: number;
  originY: number;
  /** CSS pixels per world unit. */
  scale: number;
  width: number;
  height: number;
  /** A cell's side, CSS pixels. */
  cell: number;
  /** Each point's Gaussian reaches this far, CSS pixels (MapLibre's heatmap-radius). */
  radius: number;
}

export interface DensityGrid {
  columns: number;
  rows: number;
  /** Cells beyond each edge of the view, so points just outside it still count inside. */
  margin: number;
  /** Each cell's density, MapLibre's scale: one point alone peaks at 0.4 times its weight. */
  values: Float32Array;
}

// MapLibre's heatmap kernel: a Gaussian whose sigma is a third of the radius, peaking at 1/√(2π) times the weight.
const GAUSS_PEAK = 1 / Math.sqrt(2 * Math.PI);

/** Three box blurs in a row stand in for the Gaussian: the half-width in cells of each (Kovesi's rule). */
export function boxRadius(sigmaCells: number): number {
  return Math.max(1, Math.round((Math.sqrt(4 * sigmaCells * sigmaCells + 1) - 1) / 2));
}

/**
 * The density of the points that `selected` marks (null: all) on the view's grid.
 *
 * @param positions - from mercatorPositions
 * @param weight - each point's weight (MapLibre's heatmap-weight)
 */
export function densityGrid(positions: Float64Array, selected: Uint8Array | null, weight: number, view: GridView): DensityGrid {
  const sigma = view.radius / 3 / view.cell;
  const box = boxRadius(sigma);
  const margin = 3 * box;
  const columns = Math.ceil(view.width / view.cell) + 2 * margin;
  const rows = Math.ceil(view.height / view.cell) + 2 * margin;
  const values = new Float32Array(columns * rows);
  const perCell = view.scale / view.cell;
  const [x0, y0] = [view.originX / view.cell + margin, view.originY / view.cell + margin];
  // Stryker disable next-line ArithmeticOperator,EqualityOperator: past the last point the positions read undefined, whose cell is NaN and counts nowhere
  for (let i = 0, n = positions.length / 2; i < n; i++) {
    if (selected && !selected[i]) continue;
    const column = Math.floor(x0 + positions[2 * i] * perCell);
    const row = Math.floor(y0 + positions[2 * i + 1] * perCell);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: only the columns' checks matter (tested); a row off the grid indexes off the array, which a typed array ignores
    if (column >= 0 && column < columns && row >= 0 && row < rows) values[row * columns + column] += 1;
    // Stryker restore all
  }
  const scratch = new Float32Array(values.length);
  for (let pass = 0; pass < 3; pass++) {
    blurLines(values, scratch, rows, columns, columns, 1, box); // along the rows
    blurLines(scratch, values, columns, rows, 1, columns, box); // down the columns
  }
  // The blurs keep each point's total and spread it as a Gaussian of variance box(box + 1) cells²,
  // which peaks at total / (2π variance): scaled so that one point peaks as MapLibre's does.
  const gain = weight * GAUSS_PEAK * 2 * Math.PI * box * (box + 1);
  // Stryker disable next-line EqualityOperator: a typed array ignores the write past its end
  for (let k = 0; k < values.length; k++) values[k] *= gain;
  return { columns, rows, margin, values };
}

/**
 * A running mean, `radius` cells either side, along `lines` lines of `length` cells: a line starts
 * `stride` cells after the one before, and its cells are `step` apart. Cells beyond the grid count as empty.
 */
function blurLines(from: Float32Array, to: Float32Array, lines: number, length: number, stride: number, step: number, radius: number): void {
  const width = 2 * radius + 1;
  for (let line = 0; line < lines; line++) {
    const start = line * stride;
    let sum = 0;
    for (let k = 0; k < radius; k++) sum += from[start + k * step]; // a line is longer than the radius: its margins alone are 6 radii
    // Stryker disable next-line EqualityOperator: one cell past a line is the next line's first, written again when that line is blurred, or past the array's end
    for (let k = 0; k < length; k++) {
      if (k + radius < length) sum += from[start + (k + radius) * step];
      if (k - radius - 1 >= 0) sum -= from[start + (k - radius - 1) * step];
      to[start + k * step] = sum / width;
    }
  }
}

/** MapLibre's default heatmap-color: density to colour, transparent at 0, red from 1. */
const RAMP: [number, [number, number, number, number]][] = [
  [0, [0, 0, 255, 0]],
  [0.1, [65, 105, 225, 1]],
  [0.3, [0, 255, 255, 1]],
  [0.5, [0, 255, 0, 1]],
  [0.7, [255, 255, 0, 1]],
  [1, [255, 0, 0, 1]],
];

/** The ramp's colour at a density, RGBA 0–255 (alpha times `opacity`). */
export function rampColour(density: number, opacity = 1): [number, number, number, number] {
  const d = Math.min(1, Math.max(0, density));
  const upper = RAMP.findIndex(([stop]) => stop >= d);
  const [[s0, c0], [s1, c1]] = [RAMP[Math.max(0, upper - 1)], RAMP[upper]];
  const t = s1 === s0 ? 0 : (d - s0) / (s1 - s0);
  const [r, g, b, a] = c0.map((v, k) => v + (c1[k] - v) * t);
  return [Math.round(r), Math.round(g), Math.round(b), Math.round(a * opacity * 255)];
}

const LEVELS = 256;

/** The grid as RGBA pixels in canvas ImageData order, one a cell (margins included). */
export function densityImage(grid: DensityGrid, opacity: number): Uint8ClampedArray<ArrayBuffer> {
  const table = new Uint8ClampedArray(LEVELS * 4);
  for (let level = 0; level < LEVELS; level++) table.set(rampColour(level / (LEVELS - 1), opacity), level * 4);
  const pixels = new Uint8ClampedArray(grid.values.length * 4);
  // Stryker disable next-line EqualityOperator: a typed array ignores the write past its end
  for (let k = 0; k < grid.values.length; k++) {
    const level = Math.min(LEVELS - 1, Math.round(grid.values[k] * (LEVELS - 1))) * 4;
    // Stryker disable next-line EqualityOperator: a fifth channel is the next pixel's first, written again next, or past the array's end
    for (let channel = 0; channel < 4; channel++) pixels[k * 4 + channel] = table[level + channel];
  }
  return pixels;
}
