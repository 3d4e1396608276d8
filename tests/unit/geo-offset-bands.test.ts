/**
 * Distance bands (src/geo/offset-bands.ts) against the exact distance to the border (BorderIndex):
 * every edge, sampled at 16 points or more (at most half the tolerance apart), is within bandTolerance(D) of D, on both sides, round the caps
 * at both ends of the line, and per side (where an edge is not on the side's province outline).
 */
import { readFileSync } from 'node:fs';
import { booleanPointInPolygon, distance } from '@turf/turf';
import type { Feature, FeatureCollection, LineString, MultiLineString, Position } from 'geojson';
import { describe, expect, test } from 'vitest';
import { BorderIndex } from '../../src/geo/index.ts';
import { BandMaker, Equidistant, alongGreatCircle, bandTolerance, type BandFeature } from '../../src/geo/offset-bands.ts';
import type { ProvinceCollection } from '../../src/geo/sides.ts';
import { MUTATE } from './runs.ts';

const read = <T>(name: string) => JSON.parse(readFileSync(new URL(`../../geodata/${name}`, import.meta.url), 'utf8')) as T;
const shipped = read<FeatureCollection<LineString>>('border.geojson').features[0] as Feature<LineString>;
// Under `npm run mutate` (instrumented code, run once per mutant) the southern quarter of the border,
// from the coast, is enough to exercise every path, at a fraction of the cost.
const line: Feature<LineString> = MUTATE ? { ...shipped, geometry: { type: 'LineString', coordinates: shipped.geometry.coordinates.slice(0, 1500) } } : shipped;
const provinces = read<ProvinceCollection>('provinces.geojson');
const index = new BorderIndex(line, { provinces });
const maker = new BandMaker({ index, line, provinces });
const ends = [line.geometry.coordinates[0], line.geometry.coordinates.at(-1)!];

const rings = (f: BandFeature) => (f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat());
const lerp = (a: Position, b: Position, t: number): Position => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];

/** Every ring's outline of one country's provinces, as lines, for "is this on the side's edge?". */
function outline(country: string): BorderIndex {
  const parts: Position[][] = [];
  for (const f of provinces.features) {
    if (f.properties.country !== country) continue;
    const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const polygon of polygons) parts.push(...polygon);
  }
  return new BorderIndex({ type: 'MultiLineString', coordinates: parts } as MultiLineString);
}
const outlines = { PK: outline('PK'), IR: outline('IR') };

/** Samples every edge (16 points or more): the worst |distance − D| off the side's outline, and where the samples fell. */
function measure(band: BandFeature, border = index, lineEnds = ends) {
  const D = band.properties.distance_km;
  const side = band.properties.side;
  let worst = 0;
  let onOutline = 0;
  let samples = 0;
  const sides = new Set<string | null>();
  let nearEnd = [0, 0];
  for (const ring of rings(band)) {
    for (let i = 0; i + 1 < ring.length; i++) {
      // At least 16 points an edge, and never more than half the tolerance apart.
      // (Under `npm run mutate`, where every line is instrumented, 4 points an edge.)
      const n = MUTATE ? 4 : Math.max(16, Math.ceil(distance(ring[i], ring[i + 1]) / (bandTolerance(D) / 2)));
      for (let k = 0; k < n; k++) {
        const p = lerp(ring[i], ring[i + 1], k / n);
        samples++;
        if (side && outlines[side].nearest(p).km < 0.01) {
          onOutline++;
          continue;
        }
        const near = border.nearest(p);
        worst = Math.max(worst, Math.abs(near.km - D));
        if (samples % 64 === 0) sides.add(index.side(p)); // point-in-province is slow: a sample of them
        nearEnd = nearEnd.map((n, e) => n + Number(Math.hypot(near.point[0] - lineEnds[e][0], near.point[1] - lineEnds[e][1]) < 1e-9));
      }
    }
  }
  return { worst, onOutline, samples, sides, nearEnd };
}

describe('BandMaker', { timeout: MUTATE ? 600_000 : 120_000 }, () => {
  // Under `npm run mutate` (instrumented code, once per mutant) one small and one large band do.
  test.each(MUTATE ? [1, 300] : [1, 10, 50, 300])('%s km band: every edge within max(0.2 % of D, 50 m) of D, on both sides and round both ends', (D) => {
    const band = maker.band(D);
    expect(band.properties).toEqual({ distance_km: D, side: null });
    const { worst, sides, nearEnd } = measure(band);
    console.log(`[geo-offset-bands] ${D} km: worst edge error ${(worst * 1000).toFixed(1)} m (tolerance ${(bandTolerance(D) * 1000).toFixed(0)} m), ${rings(band).flat().length} vertices`);
    expect(worst).toBeLessThanOrEqual(bandTolerance(D));
    expect(sides.has('PK') || D === 300).toBe(true);
    expect(sides.has('IR')).toBe(true);
    // The round caps: edges whose nearest border point is an end of the line, at both ends.
    expect(nearEnd[0]).toBeGreaterThan(16);
    expect(nearEnd[1]).toBeGreaterThan(16);
  });

  test('the band holds the border and what is nearer than D, and not what is farther', () => {
    const band = maker.band(25);
    for (const p of line.geometry.coordinates.filter((_, i) => i % 50 === 0)) expect(booleanPointInPolygon(p, band)).toBe(true);
    for (let i = 0; i < line.geometry.coordinates.length; i += 97) {
      const p = line.geometry.coordinates[i];
      for (const bearingTo of [[p[0] + 1, p[1]], [p[0] - 1, p[1]], [p[0], p[1] + 1]]) {
        for (const km of [20, 30]) {
          const q = alongGreatCircle(p, bearingTo, km);
          const d = index.nearest(q).km;
          if (Math.abs(d - 25) > 0.1) expect(booleanPointInPolygon(q, band), `${q} at ${d} km`).toBe(d < 25);
        }
      }
    }
  });

  test.each(
    (MUTATE ? [[30, 'PK']] : [[30, 'PK'], [30, 'IR'], [10, 'PK'], [300, 'IR']]) as [number, 'PK' | 'IR'][],
  )('%s km on the %s side: edges at D or on that side’s province outline, all on that side', (D, side) => {
    const band = maker.band(D, side);
    expect(band.properties).toEqual({ distance_km: D, side });
    const { worst, onOutline, samples, sides } = measure(band);
    expect(worst).toBeLessThanOrEqual(bandTolerance(D));
    expect(onOutline).toBeGreaterThan(0);
    expect(onOutline).toBeLessThan(samples);
    expect([...sides].filter((s) => s !== null)).toEqual([side]);
    const both = maker.band(D);
    for (const ring of rings(band)) for (const p of ring.filter((q, i) => i % 25 === 0 && index.nearest(q).km < D - 2 * bandTolerance(D))) expect(booleanPointInPolygon(p, both)).toBe(true);
  });

  test('larger bands hold smaller ones', () => {
    const small = maker.band(10);
    const big = maker.band(50);
    for (const p of rings(small).flat().filter((_, i) => i % 10 === 0)) expect(booleanPointInPolygon(p, big)).toBe(true);
  });

  test('a straight line: a stadium of exact radius, outer ring counter-clockwise (RFC 7946)', () => {
    const straight: Position[] = [[62, 27], [62, 28]];
    const small = new BandMaker({ index: new BorderIndex(straight), line: straight });
    const band = small.band(20);
    expect(band.geometry.type).toBe('Polygon');
    const ring = rings(band)[0];
    expect(ring[0]).toEqual(ring.at(-1));
    let area = 0;
    for (let i = 0; i + 1 < ring.length; i++) area += (ring[i + 1][0] - ring[i][0]) * (ring[i + 1][1] + ring[i][1]);
    expect(area).toBeLessThan(0); // shoelace with this sign convention: negative = counter-clockwise
    const lats = ring.map((p) => p[1]);
    expect(Math.max(...lats)).toBeCloseTo(28 + 20 / 111.195, 2);
    expect(Math.min(...lats)).toBeCloseTo(27 - 20 / 111.195, 2);
    expect(measure(band, new BorderIndex(straight), straight).worst).toBeLessThanOrEqual(bandTolerance(20));
    expect(new BandMaker({ index: new BorderIndex(straight), line: { type: 'LineString', coordinates: straight } }).band(20)).toEqual(band);
    expect(new BandMaker({ index: new BorderIndex(straight), line: { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: straight } } }).band(20)).toEqual(band);
  });

  test('a U-shaped line makes a band with a hole (Polygon with two rings)', () => {
    const u: Position[] = [[62, 28], [62, 27], [63, 27], [63, 28]];
    const band = new BandMaker({ index: new BorderIndex(u), line: u }).band(20);
    expect(band.geometry.type).toBe('Polygon');
    expect(rings(band)).toHaveLength(1);
    const closed: Position[] = [[62, 27], [63, 27], [63, 28], [62, 28], [62, 27.001]];
    const ringBand = new BandMaker({ index: new BorderIndex(closed), line: closed }).band(10);
    expect(rings(ringBand)).toHaveLength(2); // the square's middle is > 10 km from its sides
    expect(booleanPointInPolygon([62.5, 27.5], ringBand)).toBe(false);
    expect(booleanPointInPolygon([62.5, 27.05], ringBand)).toBe(true);
    expect(measure(ringBand, new BorderIndex(closed), [closed[0], closed.at(-1)!]).worst).toBeLessThanOrEqual(bandTolerance(10));
  });

  test('a side clip that leaves two pieces, each with its own hole, keeps each hole in its own piece', () => {
    // Two square loops 400 km apart, joined by a leg; the "PK side" is two boxes, one round each loop.
    const loops: Position[] = [[62, 27], [63, 27], [63, 28], [62, 28], [62, 27.01], [62, 26], [66, 26], [66, 27], [67, 27], [67, 28], [66, 28], [66, 27.01]];
    const box = (w: number, e: number): Position[][] => [[[w, 26.7], [e, 26.7], [e, 28.5], [w, 28.5], [w, 26.7]]];
    const twoBoxes = {
      type: 'FeatureCollection',
      features: [
        // One Pakistani piece as a Polygon, the other as a MultiPolygon; a feature without properties is no side's.
        { type: 'Feature', properties: { country: 'PK' }, geometry: { type: 'Polygon', coordinates: box(61.5, 63.5) } },
        { type: 'Feature', properties: { country: 'PK' }, geometry: { type: 'MultiPolygon', coordinates: [box(65.5, 67.5)] } },
        { type: 'Feature', properties: { country: 'IR' }, geometry: { type: 'Polygon', coordinates: box(58, 60) } },
        { type: 'Feature', properties: null, geometry: { type: 'Polygon', coordinates: box(63.6, 65.4) } },
      ],
    } as ProvinceCollection;
    const band = new BandMaker({ index: new BorderIndex(loops), line: loops, provinces: twoBoxes }).band(10, 'PK');
    expect(band.geometry.type).toBe('MultiPolygon');
    const polygons = band.geometry.coordinates as Position[][][];
    expect(polygons.map((polygon) => polygon.length)).toEqual([2, 2]);
    for (const middle of [[62.5, 27.5], [66.5, 27.5]]) expect(booleanPointInPolygon(middle, band), `${middle}`).toBe(false);
    for (const onLoop of [[62.5, 27.02], [66.5, 27.02], [62.98, 27.5], [66.98, 27.5]]) expect(booleanPointInPolygon(onLoop, band), `${onLoop}`).toBe(true);
    expect(booleanPointInPolygon([64.5, 26.02], band), 'the leg, where no province is').toBe(false);
  });

  test('a piece inside another piece\'s hole keeps its own hole', () => {
    // A big square loop (half-width 2°) and, joined to it by a diagonal leg, a small one (0.3°) in its
    // middle. The "PK side" is a square ring that holds the big loop and a box that holds the small
    // one: the clip leaves the small loop's band, with its hole, inside the big band's hole.
    const line: Position[] = [[61, 25], [65, 25], [65, 29], [61, 29], [61, 25.01], [62.7, 26.7], [63.3, 26.7], [63.3, 27.3], [62.7, 27.3], [62.7, 26.71]];
    const box = (h: number): Position[] => [[63 - h, 27 - h], [63 + h, 27 - h], [63 + h, 27 + h], [63 - h, 27 + h], [63 - h, 27 - h]];
    const sides = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { country: 'PK' }, geometry: { type: 'Polygon', coordinates: [box(2.5), box(1.5).reverse()] } },
        { type: 'Feature', properties: { country: 'PK' }, geometry: { type: 'Polygon', coordinates: [box(0.6)] } },
        { type: 'Feature', properties: { country: 'IR' }, geometry: { type: 'Polygon', coordinates: [[[58, 26], [59, 26], [59, 27], [58, 26]]] } },
      ],
    } as ProvinceCollection;
    const band = new BandMaker({ index: new BorderIndex(line), line, provinces: sides }).band(10, 'PK');
    expect((band.geometry.coordinates as Position[][][]).map((polygon) => polygon.length)).toEqual([2, 2]);
    for (const onLoop of [[63, 25], [63, 26.7], [65, 27], [63.3, 27]]) expect(booleanPointInPolygon(onLoop, band), `${onLoop}`).toBe(true);
    for (const inHole of [[63, 27], [63, 26.2], [64, 27]]) expect(booleanPointInPolygon(inHole, band), `${inHole}`).toBe(false);
  });

  test('two separate lines make a MultiPolygon', () => {
    const twoParts = { type: 'MultiLineString', coordinates: [[[60, 27], [60, 27.5]], [[64, 27], [64, 27.5]]] } as MultiLineString;
    const zigzag: Position[] = [[60, 27], [60, 27.5], [64, 27.5], [64, 27]];
    // One line whose middle leg is far from the rest gives one polygon; a side clip can split it.
    const band = new BandMaker({ index: new BorderIndex(zigzag), line: zigzag }).band(5);
    expect(band.geometry.type).toBe('Polygon');
    expect(maker.band(300, 'PK').geometry.type).toBe('MultiPolygon'); // the 300 km Pakistani side breaks at the coast
    expect(() => new BorderIndex(twoParts)).not.toThrow();
  });

  test('helpful errors', () => {
    expect(() => maker.band(0)).toThrow(/positive/);
    expect(() => maker.band(Number.NaN)).toThrow(/positive/);
    expect(() => maker.band(-5)).toThrow(/positive/);
    expect(() => new BandMaker({ index, line: [[62, 27]] })).toThrow(/at least 2/);
    expect(() => new BandMaker({ index, line }).band(10, 'PK')).toThrow(/provinces/);
  });
});

describe('geometry helpers', () => {
  test('bandTolerance: 0.2 % of D or 50 m', () => {
    expect(bandTolerance(1)).toBe(0.05);
    expect(bandTolerance(25)).toBe(0.05);
    expect(bandTolerance(50)).toBeCloseTo(0.1, 12);
    expect(bandTolerance(300)).toBeCloseTo(0.6, 12);
  });

  test('alongGreatCircle: exact distance and direction', () => {
    const p = alongGreatCircle([0, 0], [1, 0], 111.19508);
    expect(p[0]).toBeCloseTo(1, 5);
    expect(p[1]).toBeCloseTo(0, 9);
    const q = alongGreatCircle([62, 27], [62, 30], 50);
    expect(q[0]).toBeCloseTo(62, 9);
    expect(q[1]).toBeCloseTo(27 + 50 / 111.19508, 5);
    const back = index.nearest(alongGreatCircle([62, 27], [61, 27], 10));
    expect(back.km).toBeGreaterThan(0);
  });

  test('Equidistant: exact distances from the centre, and inverse of forward', () => {
    const plane = new Equidistant([62, 27]);
    expect(plane.forward([62, 27])).toEqual([0, 0]);
    expect(plane.inverse([0, 0])[0]).toBeCloseTo(62, 12);
    expect(plane.inverse([0, 0])[1]).toBeCloseTo(27, 12);
    const north = plane.forward([62, 28]);
    expect(north[0]).toBeCloseTo(0, 9);
    expect(north[1]).toBeCloseTo(111.19508, 4);
    const east = plane.forward(alongGreatCircle([62, 27], [63, 27], 200));
    expect(Math.hypot(...east)).toBeCloseTo(200, 9);
    expect(east[0]).toBeGreaterThan(199);
    for (const p of [[60.9, 29.8], [61.6, 25.2], [65, 24], [58, 31]]) {
      const back = plane.inverse(plane.forward(p));
      expect(back[0]).toBeCloseTo(p[0], 9);
      expect(back[1]).toBeCloseTo(p[1], 9);
    }
  });
});
