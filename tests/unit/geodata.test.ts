/**
 * Checks the SHIPPED files in geodata/ (not the build code): schemas, topology
 * agreement, the border accuracy targets, sources, timeline order, and that the
 * build reproduces the files byte for byte.
 */
import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import Flatbush from 'flatbush';
import { booleanPointInPolygon, distance, length as turfLength, point, pointToLineDistance, lineString } from '@turf/turf';
import type { Feature, FeatureCollection, LineString, MultiPolygon, Polygon, Position } from 'geojson';

const DIR = path.resolve(__dirname, '../../geodata');
const read = (name: string) => JSON.parse(fs.readFileSync(path.join(DIR, name), 'utf8'));
const border = read('border.geojson') as FeatureCollection<LineString>;
const provinces = read('provinces.geojson') as FeatureCollection<Polygon | MultiPolygon>;
const districts = read('districts.geojson') as FeatureCollection<Polygon | MultiPolygon>;
const strikes = read('strikes.geojson') as FeatureCollection;
const places = read('places.geojson') as FeatureCollection;
const settlements = read('settlements.geojson') as FeatureCollection<GeoJSON.Point>;
const bands = read('bands.geojson') as FeatureCollection;
const basemap = read('basemap.geojson') as FeatureCollection;
const timeline = read('timeline.json') as { events: any[] };
const topo = read('strike-map.topo.json');
const fullBorder = read('sources/iran_pakistan_border_osm.geojson').features[0] as Feature<LineString>;

const FULL_KM = 1024.3;
const URL_RE = /^https?:\/\/\S+$/;
const province = (iso: string) => provinces.features.find((f) => f.properties!.iso_3166_2 === iso)!;
const keys = (o: object) => Object.keys(o).sort();
const isStr = (x: unknown) => typeof x === 'string' && x.length > 0;

function expectPositions(c: any): void {
  if (typeof c[0] === 'number') {
    expect(c).toHaveLength(2);
    expect(c.every(Number.isFinite)).toBe(true);
  } else c.forEach(expectPositions);
}

function expectValidGeometry(g: any, types: string[]): void {
  expect(types).toContain(g.type);
  expectPositions(g.coordinates);
  const rings = g.type === 'Polygon' ? g.coordinates : g.type === 'MultiPolygon' ? g.coordinates.flat() : [];
  for (const r of rings) {
    expect(r.length).toBeGreaterThanOrEqual(4);
    expect(r[0]).toEqual(r[r.length - 1]);
  }
}

/** Local equirectangular distance (m) from p to the nearest segment of line. */
function distM(p: Position, line: Position[]): number {
  const k = Math.cos((p[1] * Math.PI) / 180), m = 111195; // m per degree, R = 6371.0088 km
  let best = Infinity;
  for (let i = 0; i < line.length - 1; i++) {
    const ax = (line[i][0] - p[0]) * k, ay = line[i][1] - p[1];
    const dx = (line[i + 1][0] - line[i][0]) * k, dy = line[i + 1][1] - line[i][1];
    const l2 = dx * dx + dy * dy;
    const t = l2 ? Math.max(0, Math.min(1, -(ax * dx + ay * dy) / l2)) : 0;
    best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
  }
  return best * m;
}

describe('schemas', () => {
  it('border.geojson: one LineString with the documented properties', () => {
    expect(border.features).toHaveLength(1);
    const f = border.features[0];
    expectValidGeometry(f.geometry, ['LineString']);
    expect(keys(f.properties!)).toEqual(keys({ name: 0, length_km: 0, vertices: 0, source: 0, license: 0, attribution: 0 }));
    expect(f.properties!.license).toBe('ODbL-1.0');
    expect(f.properties!.attribution).toBe('© OpenStreetMap contributors');
    expect(f.properties!.vertices).toBe(f.geometry.coordinates.length);
  });

  it('provinces.geojson: Balochistan and Sistan and Baluchestan', () => {
    expect(provinces.features.map((f) => f.properties!.iso_3166_2)).toEqual(['PK-BA', 'IR-11']);
    for (const f of provinces.features) {
      expectValidGeometry(f.geometry, ['Polygon', 'MultiPolygon']);
      expect(keys(f.properties!)).toEqual(keys({ id: 0, name: 0, name_local: 0, country: 0, iso_3166_2: 0, area_km2: 0 }));
      expect(f.properties!.area_km2).toBeGreaterThan(100000);
    }
    expect(province('PK-BA').properties).toMatchObject({ name: 'Balochistan', name_local: 'بلوچستان', country: 'PK' });
    expect(province('IR-11').properties).toMatchObject({ name: 'Sistan and Baluchestan', name_local: 'سیستان و بلوچستان', country: 'IR' });
  });

  it('districts.geojson: 5 PK districts and 9 IR counties', () => {
    const pk = districts.features.filter((f) => f.properties!.country === 'PK');
    const ir = districts.features.filter((f) => f.properties!.country === 'IR');
    expect([pk.length, ir.length]).toEqual([5, 9]);
    for (const f of districts.features) {
      const p = f.properties!;
      expectValidGeometry(f.geometry, ['Polygon', 'MultiPolygon']);
      expect(keys(p)).toEqual(keys({ id: 0, name: 0, name_local: 0, country: 0, kind: 0, province_id: 0, border_km: 0 }));
      expect(p.kind).toBe(p.country === 'PK' ? 'district' : 'county');
      expect(p.province_id).toBe(p.country === 'PK' ? 'PK-BA' : 'IR-11');
      expect(p.border_km).toBeGreaterThan(5);
      expect(p.name_local === null || isStr(p.name_local)).toBe(true);
    }
    const sum = (fs: Feature[]) => fs.reduce((s, f) => s + f.properties!.border_km, 0);
    expect(sum(pk)).toBeCloseTo(FULL_KM, -1);
    expect(sum(ir)).toBeCloseTo(FULL_KM, -1);
  });

  it('strikes.geojson: every property of every strike', () => {
    expect(strikes.features.length).toBeGreaterThanOrEqual(5);
    const checkAccount = (a: any) => {
      expect(isStr(a.by) && isStr(a.text)).toBe(true);
      expect(['IR', 'PK', 'other']).toContain(a.side);
      for (const k of ['killed', 'injured']) if (k in a) expect(Number.isInteger(a[k]) && a[k] >= 0).toBe(true);
      expect(a.sources.length).toBeGreaterThanOrEqual(1);
    };
    for (const f of strikes.features) {
      const p = f.properties!;
      expectValidGeometry(f.geometry, ['Point']);
      expect(p.id).toBe(f.id);
      expect(['cross-border', 'context']).toContain(p.category);
      expect(p.date).toMatch(/^2024-01-\d\d$/);
      expect(isStr(p.time_local)).toBe(true);
      expect(new Date(p.time_utc).toISOString().replace('.000', '')).toBe(p.time_utc);
      expect(['IR', 'PK']).toContain(p.attacker);
      expect(['PK', 'IR', 'IQ', 'SY']).toContain(p.target_country);
      expect(p.target_province).toBe(p.category === 'context' ? null : p.target_country === 'PK' ? 'PK-BA' : 'IR-11');
      for (const k of ['place', 'place_local', 'claimed_target', 'location_basis']) expect(isStr(p[k])).toBe(true);
      for (const k of ['weapons', 'casualties', 'distance_claims']) p[k].forEach(checkAccount);
      expect(p.weapons.length).toBeGreaterThanOrEqual(1);
      expect(typeof p.casualties_disputed).toBe('boolean');
      expect(p.uncertainty_km).toBeGreaterThan(0);
      expect(p.sources.length).toBeGreaterThanOrEqual(2);
    }
    const ids = strikes.features.map((f) => f.id);
    expect(ids).toContain('strike_ir_kohisabz_20240116');
    expect(ids).toContain('strike_pk_haqabad_shamsar_20240118');
  });

  it('settlements.geojson: GeoNames places in their own province, none on top of one of our towns', () => {
    expect(settlements.features.length).toBeGreaterThan(60);
    for (const f of settlements.features) {
      const p = f.properties!;
      expect(keys(p)).toEqual(['country', 'name', 'source']);
      expect(p.source).toBe('GeoNames');
      expect(booleanPointInPolygon(f.geometry.coordinates, province(p.country === 'PK' ? 'PK-BA' : 'IR-11')), p.name).toBe(true);
      for (const town of places.features) expect(distance(f, town as Feature<GeoJSON.Point>), `${p.name} / ${town.id}`).toBeGreaterThanOrEqual(5);
    }
    // Towns the dossier does not list, on both sides.
    const names = settlements.features.map((f) => f.properties!.name);
    for (const name of ['Washuk', 'Kharan', 'Nok Kundi', 'Zābol']) expect(names).toContain(name);
  });

  it('places.geojson: towns, capitals and crossings, no UNVERIFIED rows', () => {
    for (const f of places.features) {
      const p = f.properties!;
      expectValidGeometry(f.geometry, ['Point']);
      expect(keys(p)).toEqual(keys({ id: 0, name: 0, name_local: 0, name_ur: 0, name_fa: 0, kind: 0, country: 0, uncertainty_km: 0, opened: 0, note: 0, sources: 0 }));
      expect(['town', 'capital', 'national-capital', 'crossing']).toContain(p.kind);
      expect(p.name).not.toMatch(/\(/);
      expect(p.uncertainty_km).toBeGreaterThan(0);
      if (p.kind !== 'crossing') expect(p.opened).toBeNull();
    }
    const ids = places.features.map((f) => f.id);
    expect(ids).not.toContain('town_mand');
    expect(ids).not.toContain('town_mashkel');
    expect(ids).toContain('event_sirkan_20240127');
  });

  it('bands.geojson and basemap.geojson', () => {
    expect(bands.features.map((f) => f.properties!.distance_km).sort((a, b) => a - b)).toEqual([10, 25, 50]);
    bands.features.forEach((f) => expectValidGeometry(f.geometry, ['Polygon', 'MultiPolygon']));
    const countries = basemap.features.filter((f) => f.properties!.kind === 'country');
    const lines = basemap.features.filter((f) => f.properties!.kind === 'boundary');
    expect(countries.map((f) => f.properties!.iso_a3)).toEqual(expect.arrayContaining(['IRN', 'PAK', 'AFG', 'IRQ', 'OMN', 'IND']));
    countries.forEach((f) => expectValidGeometry(f.geometry, ['Polygon', 'MultiPolygon']));
    expect(lines.length).toBeGreaterThanOrEqual(1);
    lines.forEach((f) => expectValidGeometry(f.geometry, ['LineString', 'MultiLineString']));
  });

  it('strike-map.topo.json: one quantized topology with the five objects', () => {
    expect(topo.type).toBe('Topology');
    expect(topo.transform).toBeDefined();
    expect(Object.keys(topo.objects)).toEqual(['border', 'provinces', 'districts', 'basemap_countries', 'basemap_boundaries']);
  });
});

describe('geography', () => {
  it('Quetta is in Balochistan and Zahedan in Sistan and Baluchestan', () => {
    expect(booleanPointInPolygon([67.0014, 30.1841], province('PK-BA'))).toBe(true);
    expect(booleanPointInPolygon([60.8629, 29.4963], province('IR-11'))).toBe(true);
    expect(booleanPointInPolygon([67.0014, 30.1841], province('IR-11'))).toBe(false);
  });

  it('each cross-border strike lies inside its target province', () => {
    const cross = strikes.features.filter((f) => f.properties!.category === 'cross-border');
    expect(cross.length).toBeGreaterThanOrEqual(2);
    for (const f of cross) expect(booleanPointInPolygon(f.geometry as any, province(f.properties!.target_province)), String(f.id)).toBe(true);
  });

  it('shipped border keeps >= 97 % of 1,024.3 km and stays within 50 m of the full line', () => {
    const shipped = border.features[0].geometry.coordinates;
    expect(turfLength(border.features[0])).toBeGreaterThanOrEqual(0.97 * FULL_KM);
    // Sample the full-detail line about every 100 m. Only shipped segments whose box comes within
    // 60 m of a sample can be within 50 m of it, so an R-tree of the boxes narrows the search.
    const segments = new Flatbush(shipped.length - 1);
    for (let i = 0; i < shipped.length - 1; i++) {
      const [a, b] = [shipped[i], shipped[i + 1]];
      segments.add(Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1]));
    }
    segments.finish();
    const near = (p: Position) => {
      const dLat = 60 / 111195, dLon = dLat / Math.cos((p[1] * Math.PI) / 180);
      const hits = segments.search(p[0] - dLon, p[1] - dLat, p[0] + dLon, p[1] + dLat);
      return hits.length ? Math.min(...hits.map((i) => distM(p, [shipped[i], shipped[i + 1]]))) : Infinity;
    };
    const full = fullBorder.geometry.coordinates;
    let worst = 0, worstAt = full[0];
    for (let i = 0; i < full.length - 1; i++) {
      const [a, b] = [full[i], full[i + 1]];
      const n = Math.max(1, Math.ceil(distM(a, [b, b]) / 100));
      for (let j = 0; j < n; j++) {
        const p = [a[0] + ((b[0] - a[0]) * j) / n, a[1] + ((b[1] - a[1]) * j) / n];
        const d = near(p);
        if (d > worst) { worst = d; worstAt = p; }
      }
    }
    expect(worst).toBeLessThanOrEqual(50);
    // Cross-check the worst sample with Turf's geodesic distance.
    expect(pointToLineDistance(point(worstAt), lineString(shipped), { units: 'meters' })).toBeLessThanOrEqual(50);
  });

  it('province edges coincide with the border (every border vertex is a province vertex)', () => {
    const borderVertices = border.features[0].geometry.coordinates.map((p) => p.join(','));
    for (const prov of provinces.features) {
      const g = prov.geometry;
      const set = new Set((g.type === 'Polygon' ? g.coordinates.flat() : g.coordinates.flat(2)).map((p) => p.join(',')));
      const missing = borderVertices.filter((v) => !set.has(v));
      expect(missing, String(prov.id)).toEqual([]);
    }
  });
});

describe('sources and timeline', () => {
  it('every source anywhere is an http(s) URL', () => {
    const all: string[] = [];
    const walk = (o: any): void => {
      if (Array.isArray(o)) o.forEach(walk);
      else if (o && typeof o === 'object') for (const [k, v] of Object.entries(o)) k === 'sources' ? all.push(...(v as string[])) : walk(v);
    };
    [strikes, places, timeline].forEach(walk);
    expect(all.length).toBeGreaterThan(50);
    for (const u of all) expect(u).toMatch(URL_RE);
  });

  it('timeline: dates within 2023-12-15..2024-01-29, sorted, valid references', () => {
    const ids = new Set([...strikes.features, ...places.features].map((f) => f.id));
    let prev: any = null;
    for (const e of timeline.events) {
      expect(e.date >= '2023-12-15' && e.date <= '2024-01-29', e.id).toBe(true);
      expect(['strike', 'diplomacy', 'incident', 'context']).toContain(e.kind);
      expect(isStr(e.title) && isStr(e.summary)).toBe(true);
      expect(e.sources.length).toBeGreaterThanOrEqual(1);
      if (e.place_id) expect(ids.has(e.place_id), e.id).toBe(true);
      if (prev) {
        expect(prev.date <= e.date, e.id).toBe(true);
        if (prev.date === e.date && prev.time_utc && e.time_utc) expect(prev.time_utc <= e.time_utc, e.id).toBe(true);
      }
      prev = e;
    }
    const days = new Set(timeline.events.map((e) => e.date));
    for (const d of ['2023-12-15', '2024-01-10', '2024-01-16', '2024-01-17', '2024-01-18', '2024-01-19', '2024-01-22', '2024-01-26', '2024-01-27', '2024-01-29']) expect(days.has(d), d).toBe(true);
  });
});

describe('determinism', () => {
  it('rebuilding into a temp dir reproduces the shipped files byte for byte', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'geodata-'));
    try {
      const res = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-geodata.ts', out], {
        cwd: path.resolve(__dirname, '../..'), encoding: 'utf8',
      });
      expect(res.status, res.stderr).toBe(0);
      const built = fs.readdirSync(out).sort();
      expect(built.length).toBe(12);
      for (const name of built) {
        expect(fs.readFileSync(path.join(out, name)).equals(fs.readFileSync(path.join(DIR, name))), name).toBe(true);
      }
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  }, 180_000);
});
