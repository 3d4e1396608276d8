/**
 * Geometry fixture pairs you can open in a GIS (QGIS, geojson.io), as Turf does:
 * tests/fixtures/in/NAME.geojson is the input, tests/fixtures/out/NAME.geojson what src/geo makes
 * of it (inputs included, styled with simplestyle `stroke` / `fill` properties).
 *
 * Regenerate after an intended change with `UPDATE_FIXTURES=1 npx vitest run --project unit tests/unit/fixtures.test.ts`,
 * then look at the diff and at the files in a GIS before committing. The committed outputs were not
 * only looked at: the "independently" test below checks every out file against Turf brute force
 * and plain haversine arithmetic, so a wrong output cannot be committed by regenerating.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { booleanPointInPolygon, destination, distance, pointToLineDistance } from '@turf/turf';
import type { Feature, FeatureCollection, LineString, MultiPolygon, Point, Polygon } from 'geojson';
import { describe, expect, test } from 'vitest';
import { BorderIndex, densifyGreatCircle, distanceRange, geodesicCircle } from '../../src/geo/index.ts';
import { BandMaker, bandTolerance } from '../../src/geo/offset-bands.ts';
import { labelPoints } from '../../src/data/story-shapes.ts';

const dir = (sub: string) => new URL(`../fixtures/${sub}/`, import.meta.url);
const read = (sub: string, name: string) => JSON.parse(readFileSync(new URL(name, dir(sub)), 'utf8')) as FeatureCollection;
const UPDATE = process.env.UPDATE_FIXTURES === '1';
const km = (n: number) => Math.round(n * 1e6) / 1e6; // µm-level rounding keeps the files readable and stable

/** What each fixture's features turn into. */
const makers: Record<string, (input: FeatureCollection) => FeatureCollection> = {
  nearest(input) {
    const border = input.features.find((f) => f.properties?.role === 'border') as Feature<LineString>;
    const index = new BorderIndex(border);
    const out: Feature[] = [{ ...border, properties: { ...border.properties, stroke: '#d62728', 'stroke-width': 3 } }];
    for (const q of input.features.filter((f) => f.geometry.type === 'Point') as Feature<Point>[]) {
      const p = q.geometry.coordinates;
      const near = index.nearest(p);
      const r = q.properties!.uncertainty_km as number;
      const range = distanceRange(index, p, r);
      out.push({ type: 'Feature', properties: { ...q.properties, km: km(near.km), segment: near.segment, min_km: km(range.minKm), max_km: km(range.maxKm), crosses_border: range.crossesBorder, 'marker-color': '#1f77b4' }, geometry: q.geometry });
      out.push({ type: 'Feature', properties: { name: `${q.properties!.name}: nearest border point`, 'marker-color': '#d62728', 'marker-size': 'small' }, geometry: { type: 'Point', coordinates: near.point } });
      out.push({ type: 'Feature', properties: { name: `${q.properties!.name}: ${km(near.km)} km`, stroke: '#7f7f7f' }, geometry: { type: 'LineString', coordinates: [p, near.point] } });
      if (r > 0) out.push({ ...geodesicCircle(p as [number, number], r, 64), properties: { name: `${q.properties!.name}: uncertainty ${r} km`, fill: '#1f77b4', 'fill-opacity': 0.1 } });
    }
    return { type: 'FeatureCollection', features: out };
  },
  circles(input) {
    return {
      type: 'FeatureCollection',
      features: (input.features as Feature<Point>[]).flatMap((f) => [f, { ...geodesicCircle(f.geometry.coordinates as [number, number], f.properties!.radius_km, f.properties!.steps), properties: { ...f.properties, fill: '#ff7f0e', 'fill-opacity': 0.2 } }]),
    };
  },
  densify(input) {
    return {
      type: 'FeatureCollection',
      features: (input.features as Feature<LineString>[]).map((f) => {
        const [a, b] = f.geometry.coordinates as [number, number][];
        return { type: 'Feature', properties: { ...f.properties, stroke: '#2ca02c' }, geometry: { type: 'MultiPoint', coordinates: densifyGreatCircle(a, b, f.properties!.max_segment_km) } };
      }),
    };
  },
  bands(input) {
    const line = input.features[0] as Feature<LineString>;
    const maker = new BandMaker({ index: new BorderIndex(line), line });
    const bands = (line.properties!.distances_km as number[]).map((d) => maker.band(d));
    return { type: 'FeatureCollection', features: [...bands.map((b) => ({ ...b, properties: { ...b.properties, fill: '#9467bd', 'fill-opacity': 0.15 } })), line] };
  },
  'label-points'(input) {
    return { type: 'FeatureCollection', features: [...input.features, ...labelPoints(input as FeatureCollection<Polygon | MultiPolygon>).features] };
  },
};

/** Equal up to 1e-9 in every number (last-bit differences between platforms' Math.sin & co.). */
function expectClose(actual: unknown, expected: unknown, path = '$'): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    expect(Math.abs(actual - expected), `${path}: ${actual} vs ${expected}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
  } else if (Array.isArray(expected)) {
    expect(Array.isArray(actual), path).toBe(true);
    expect((actual as unknown[]).length, `${path}.length`).toBe(expected.length);
    expected.forEach((e, i) => expectClose((actual as unknown[])[i], e, `${path}[${i}]`));
  } else if (expected && typeof expected === 'object') {
    expect(Object.keys(actual as object).sort(), `${path} keys`).toEqual(Object.keys(expected).sort());
    for (const [k, e] of Object.entries(expected)) expectClose((actual as Record<string, unknown>)[k], e, `${path}.${k}`);
  } else {
    expect(actual, path).toEqual(expected);
  }
}

const names = readdirSync(dir('in')).filter((f) => f.endsWith('.geojson'));

describe('fixtures: in/*.geojson → out/*.geojson', () => {
  test('every input has a maker and an output', () => {
    expect(names.map((n) => n.replace('.geojson', '')).sort()).toEqual(Object.keys(makers).sort());
    if (!UPDATE) for (const n of names) expect(existsSync(new URL(n, dir('out'))), n).toBe(true);
  });

  for (const name of names) {
    test(name, () => {
      const made = makers[name.replace('.geojson', '')](read('in', name));
      if (UPDATE) writeFileSync(new URL(name, dir('out')), `${JSON.stringify(made, null, 1)}\n`);
      expectClose(JSON.parse(JSON.stringify(made)), read('out', name));
    });
  }
});

/** Haversine on Turf's sphere, written out here. */
function haversineKm(a: readonly number[], b: readonly number[]): number {
  const RAD = Math.PI / 180;
  const h = Math.sin(((b[1] - a[1]) * RAD) / 2) ** 2 + Math.cos(a[1] * RAD) * Math.cos(b[1] * RAD) * Math.sin(((b[0] - a[0]) * RAD) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
}

describe('the committed outputs, checked independently', () => {
  const toLine = (input: FeatureCollection) => input.features.find((f) => f.geometry.type === 'LineString') as Feature<LineString>;
  const M = 0.001;

  test('nearest: km is Turf’s brute-force distance, the point is on the border and that far, min/max bracket the disc', () => {
    const out = read('out', 'nearest.geojson');
    const border = toLine(read('in', 'nearest.geojson'));
    const queries = out.features.filter((f) => f.geometry.type === 'Point' && f.properties?.km !== undefined) as Feature<Point>[];
    const nearest = out.features.filter((f) => /nearest border point/.test(f.properties?.name)) as Feature<Point>[];
    expect(queries).toHaveLength(6);
    queries.forEach((q, i) => {
      const p = q.geometry.coordinates;
      const { km: d, min_km: min, max_km: max, uncertainty_km: r, crosses_border: crosses } = q.properties!;
      expect(Math.abs(d - pointToLineDistance(p, border, { units: 'kilometers', method: 'geodesic' }))).toBeLessThan(M);
      const n = nearest[i].geometry.coordinates;
      expect(pointToLineDistance(n, border, { units: 'kilometers', method: 'geodesic' })).toBeLessThan(M);
      expect(Math.abs(haversineKm(p, n) - d)).toBeLessThan(M);
      expect(crosses).toBe(d <= r);
      // every disc point (sampled) lies within [min, max]; the extremes are nearly reached
      let lo = Infinity;
      let hi = -Infinity;
      for (let ring = 0; ring <= 8; ring++) {
        for (let j = 0; j < (ring ? 90 : 1); j++) {
          const s = ring ? destination(p, (r * ring) / 8, j * 4, { units: 'kilometers' }).geometry.coordinates : p;
          const ds = pointToLineDistance(s, border, { units: 'kilometers', method: 'geodesic' });
          lo = Math.min(lo, ds);
          hi = Math.max(hi, ds);
        }
      }
      expect(lo).toBeGreaterThanOrEqual(min - M);
      expect(hi).toBeLessThanOrEqual(max + M);
      expect(max - hi).toBeLessThan(0.01 * r + r / 16 + (Math.PI * r) / 90 + M); // within tolerance + sampling gap
      expect(lo - min).toBeLessThan(r / 16 + (Math.PI * r) / 90 + M);
    });
  });

  test('circles: every vertex is radius_km from the centre; steps + 1 positions, closed', () => {
    const out = read('out', 'circles.geojson');
    for (const c of out.features.filter((f) => f.geometry.type === 'Polygon') as Feature<Polygon>[]) {
      const centre = (out.features[out.features.indexOf(c) - 1] as Feature<Point>).geometry.coordinates;
      const ring = c.geometry.coordinates[0];
      expect(ring).toHaveLength(c.properties!.steps + 1);
      expect(ring.at(-1)).toEqual(ring[0]);
      for (const p of ring) expect(haversineKm(centre, p)).toBeCloseTo(c.properties!.radius_km, 6);
    }
  });

  test('densify: from a to b, legs equal and at most max_segment_km, on the great circle', () => {
    const input = read('in', 'densify.geojson');
    read('out', 'densify.geojson').features.forEach((f, i) => {
      const pts = (f.geometry as { coordinates: number[][] }).coordinates;
      const [a, b] = (input.features[i].geometry as LineString).coordinates;
      expect(pts[0]).toEqual(a);
      expect(pts.at(-1)).toEqual(b);
      const total = haversineKm(a, b);
      expect(pts.length - 1).toBe(Math.ceil(total / f.properties!.max_segment_km));
      for (let k = 1; k < pts.length; k++) expect(haversineKm(pts[k - 1], pts[k])).toBeCloseTo(total / (pts.length - 1), 6);
      for (const p of pts) expect(Math.abs(haversineKm(a, p) + haversineKm(p, b) - total)).toBeLessThan(1e-6);
    });
  });

  test('bands: every band vertex is at its distance from the border to within the band tolerance (Turf)', () => {
    const out = read('out', 'bands.geojson');
    const border = toLine(out);
    const bands = out.features.filter((f) => f.properties?.distance_km) as Feature<Polygon | MultiPolygon>[];
    expect(bands.map((b) => b.properties!.distance_km)).toEqual([10, 25]);
    for (const b of bands) {
      const D = b.properties!.distance_km;
      const rings = b.geometry.type === 'Polygon' ? b.geometry.coordinates : b.geometry.coordinates.flat();
      for (const p of rings.flat()) {
        const d = pointToLineDistance(p, border, { units: 'kilometers', method: 'geodesic' });
        expect(Math.abs(d - D)).toBeLessThanOrEqual(bandTolerance(D));
      }
      for (const v of border.geometry.coordinates) expect(booleanPointInPolygon(v, b)).toBe(true);
    }
  });

  test('label points: inside their polygon’s largest part, with its properties', () => {
    const out = read('out', 'label-points.geojson');
    const polygons = out.features.filter((f) => f.geometry.type !== 'Point') as Feature<Polygon | MultiPolygon>[];
    const points = out.features.filter((f) => f.geometry.type === 'Point') as Feature<Point>[];
    expect(points.map((p) => p.properties!.name)).toEqual(polygons.map((p) => p.properties!.name));
    points.forEach((p, i) => {
      expect(booleanPointInPolygon(p, polygons[i])).toBe(p.properties!.name !== 'L-shape'); // an L's centroid is in its corner notch
      expect(distance(p, p)).toBe(0);
    });
    expect(points[1].geometry.coordinates).toEqual([64.6, 27.6]); // centre of the 1.2° island
  });
});
