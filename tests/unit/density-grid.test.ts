import { describe, expect, it } from 'vitest';
import { boxRadius, densityGrid, densityImage, mercatorPositions, rampColour, type GridView } from '../../src/geo/density-grid.ts';

// Web Mercator by the other textbook formula, y = ln(tan(π/4 + φ/2)), in world units.
const mercator = ([lon, lat]: number[]) => [(lon + 180) / 360, 0.5 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / (2 * Math.PI)];

// A 200 × 120 px view whose top left corner is world (0.6, 0.4), at 2^12 px per world unit.
const view = (radius: number, cell = 4): GridView => ({ originX: -0.6 * 4096, originY: -0.4 * 4096, scale: 4096, width: 200, height: 120, cell, radius });
/** The world position of a CSS pixel of that view. */
const worldAt = (x: number, y: number) => [0.6 + x / 4096, 0.4 + y / 4096];
const positions = (...xy: number[][]) => Float64Array.from(xy.flat());
const at = (grid: ReturnType<typeof densityGrid>, x: number, y: number, cell = 4) => grid.values[(Math.floor(y / cell) + grid.margin) * grid.columns + Math.floor(x / cell) + grid.margin];
const total = (grid: ReturnType<typeof densityGrid>) => grid.values.reduce((sum, v) => sum + v, 0);

describe('mercatorPositions', () => {
  it('puts points where Web Mercator does', () => {
    const places = [[0, 0], [63.2, 27.1], [-122.4, 37.8], [179.9, -60]];
    const xy = mercatorPositions(places);
    places.forEach((place, i) => {
      const [x, y] = mercator(place);
      expect(xy[2 * i]).toBeCloseTo(x, 12);
      expect(xy[2 * i + 1]).toBeCloseTo(y, 12);
    });
  });
});

describe('densityGrid', () => {
  it('one point peaks at its own cell, near 0.4 × its weight as a MapLibre heatmap does, and fades with distance', () => {
    const grid = densityGrid(positions(worldAt(100, 60)), null, 0.5, view(30));
    const peak = at(grid, 100, 60);
    expect(Math.max(...grid.values)).toBe(peak);
    expect(peak / (0.5 / Math.sqrt(2 * Math.PI))).toBeGreaterThan(0.8);
    expect(peak / (0.5 / Math.sqrt(2 * Math.PI))).toBeLessThan(1.2);
    expect(at(grid, 110, 60)).toBeLessThan(peak);
    expect(at(grid, 120, 60)).toBeLessThan(at(grid, 110, 60));
    expect(at(grid, 100 + 35, 60), 'nothing past the radius').toBe(0);
    // Symmetric about the point's cell.
    expect(at(grid, 100 - 8, 60)).toBeCloseTo(at(grid, 100 + 8, 60), 6);
    expect(at(grid, 100, 60 - 8)).toBeCloseTo(at(grid, 100, 60 + 8), 6);
  });

  it('keeps each point whole, spread over the cells: twice the points, twice the sums', () => {
    const one = densityGrid(positions(worldAt(50, 50)), null, 1, view(20));
    const two = densityGrid(positions(worldAt(50, 50), worldAt(150, 70)), null, 1, view(20));
    expect(total(two) / total(one)).toBeCloseTo(2, 5);
    const stacked = densityGrid(positions(worldAt(50, 50), worldAt(50, 50)), null, 1, view(20));
    expect(at(stacked, 50, 50) / at(one, 50, 50)).toBeCloseTo(2, 5);
  });

  it('counts only the selected points, and those near enough to the view to reach into it', () => {
    const three = positions(worldAt(30, 30), worldAt(170, 90), worldAt(-500, 60));
    const all = densityGrid(three, null, 1, view(20));
    const first = densityGrid(three, Uint8Array.of(1, 0, 1), 1, view(20));
    expect(at(first, 30, 30)).toBeGreaterThan(0);
    expect(at(first, 170, 90)).toBe(0);
    expect(at(all, 170, 90)).toBeCloseTo(at(all, 30, 30), 6);
    expect(total(first), 'the far point adds nothing').toBeCloseTo(total(densityGrid(positions(worldAt(30, 30)), null, 1, view(20))), 6);
    // Just outside the left edge, within the radius: it still reaches in.
    expect(at(densityGrid(positions(worldAt(-6, 60)), null, 1, view(20)), 2, 60)).toBeGreaterThan(0);
  });

  it('covers the view and a margin as wide as the spread, every cell of it counting, nothing beyond it', () => {
    const grid = densityGrid(positions(), null, 1, view(30));
    expect(grid.margin).toBe(3 * boxRadius(30 / 3 / 4));
    expect([grid.columns - 2 * grid.margin, grid.rows - 2 * grid.margin]).toEqual([50, 30]);
    const { margin, columns, rows } = grid;
    // A point in the grid's first cell and one in its last both count, whole; one a cell past either side, not at all.
    const one = total(densityGrid(positions(worldAt(100, 60)), null, 1, view(30)));
    const first = worldAt(-margin * 4 + 1, -margin * 4 + 1);
    const last = worldAt((columns - margin) * 4 - 1, (rows - margin) * 4 - 1);
    expect(total(densityGrid(positions(first), null, 1, view(30))) / one).toBeGreaterThan(0.1);
    expect(total(densityGrid(positions(first), null, 1, view(30))) / one, 'what spreads past the edge is lost, nothing gained').toBeLessThan(1);
    expect(total(densityGrid(positions(last), null, 1, view(30))) / one).toBeGreaterThan(0.1);
    expect(total(densityGrid(positions(last), null, 1, view(30))) / one).toBeLessThan(1);
    expect(total(densityGrid(positions(worldAt((columns - margin) * 4 + 1, 60)), null, 1, view(30)))).toBe(0);
    expect(total(densityGrid(positions(worldAt(-margin * 4 - 1, 60)), null, 1, view(30)))).toBe(0);
    // At the view's corner its spread just reaches the grid's edge: it keeps all of itself.
    expect(total(densityGrid(positions(worldAt(0.5, 0.5)), null, 1, view(30))) / one).toBeCloseTo(1, 5);
  });

  it('follows the weight and the radius: a wider radius spreads the same point lower', () => {
    const p = positions(worldAt(100, 60));
    expect(at(densityGrid(p, null, 0.2, view(20)), 100, 60) / at(densityGrid(p, null, 1, view(20)), 100, 60)).toBeCloseTo(0.2, 6);
    const narrow = densityGrid(p, null, 1, view(12));
    const wide = densityGrid(p, null, 1, view(40));
    expect(at(wide, 100 + 24, 60)).toBeGreaterThan(0);
    expect(at(narrow, 100 + 24, 60)).toBe(0);
  });

  it('approximates the Gaussian with three boxes of Kovesi’s width, one cell either side at least', () => {
    // Three boxes of half-width b have the variance of a Gaussian of sigma √(b(b + 1)).
    for (const sigma of [1, 1.7, 2.5, 4, 7, 12]) expect(Math.abs(Math.sqrt(boxRadius(sigma) * (boxRadius(sigma) + 1)) - sigma)).toBeLessThanOrEqual(0.5);
    expect(boxRadius(0.2)).toBe(1);
  });
});

describe('rampColour and densityImage', () => {
  it("colours by MapLibre's default heatmap ramp", () => {
    expect(rampColour(0)).toEqual([0, 0, 255, 0]);
    expect(rampColour(0.1)).toEqual([65, 105, 225, 255]); // royalblue
    expect(rampColour(0.3)).toEqual([0, 255, 255, 255]); // cyan
    expect(rampColour(0.5)).toEqual([0, 255, 0, 255]); // lime
    expect(rampColour(0.7)).toEqual([255, 255, 0, 255]); // yellow
    expect(rampColour(1)).toEqual([255, 0, 0, 255]);
    expect(rampColour(3)).toEqual([255, 0, 0, 255]);
    expect(rampColour(0.05)).toEqual([33, 53, 240, 128]);
    expect(rampColour(0.6, 0.5)).toEqual([128, 255, 0, 128]);
  });

  it('draws each cell as its colour, empty cells transparent', () => {
    const grid = { columns: 4, rows: 1, margin: 0, values: Float32Array.of(0, 0.5, 1, 3) };
    const pixels = [...densityImage(grid, 0.5)];
    expect(pixels[3]).toBe(0);
    // Lime, then red, and red beyond 1, at half opacity, to within the image's 256 levels of density.
    [0, 255, 0, 128, 255, 0, 0, 128, 255, 0, 0, 128].forEach((channel, k) => expect(Math.abs(pixels[4 + k] - channel)).toBeLessThanOrEqual(2));
  });
});
