/**
 * The truth-pass rules of the geodata build (issue 11), one case per rule: the shipped data passes,
 * and breaking one thing makes the build stop with the file and the feature. Expected figures are
 * recomputed here by other means (Turf's own geodesic distances, WGS84 geodesics from
 * geographiclib, grid counts) rather than taken from the build.
 */
import { readFileSync } from 'node:fs';
import { failure } from './build-failure.ts';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { booleanPointInPolygon, distance, pointToLineDistance, polygonToLine } from '@turf/turf';
import geodesic from 'geographiclib-geodesic';
import type { Feature, FeatureCollection, LineString, MultiPolygon, Point, Polygon, Position } from 'geojson';
import type { StrikeProperties, TimelineEvent } from '../../src/data/types.ts';
import { BorderIndex } from '../../src/geo/border-index.ts';
import { parseCsv } from '../../scripts/geodata/io.ts';
import type { EventsFile } from '../../scripts/geodata/content.ts';
import { deriveSites, type DerivationsFile } from '../../scripts/geodata/derive-sites.ts';
import { districtFit } from '../../scripts/geodata/sites.ts';
import {
  urlProblem,
  validateArticleDates,
  validateDerived,
  validateDistricts,
  validateNoteDistances,
  validateStrikeTimes,
  validateTimeline,
} from '../../scripts/geodata/validate.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const read = <T>(path: string): T => JSON.parse(readFileSync(ROOT + path, 'utf8')) as T;
type Strikes = FeatureCollection<Point, StrikeProperties>;
const strikes = () => read<Strikes>('geodata/strikes.geojson');
const districts = read<FeatureCollection<Polygon | MultiPolygon>>('geodata/districts.geojson');
const provinces = read<FeatureCollection<Polygon | MultiPolygon>>('geodata/provinces.geojson');
const border = read<FeatureCollection<LineString>>('geodata/border.geojson').features[0];
const places = read<FeatureCollection<Point>>('geodata/places.geojson');
const events = read<EventsFile>('geodata/sources/events.json');
const timeline = () => read<{ events: TimelineEvent[] }>('geodata/timeline.json').events;
const rows = parseCsv(readFileSync(ROOT + 'geodata/sources/places.csv', 'utf8'));
const WGS84 = geodesic.Geodesic.WGS84;
const wgs84Km = (a: Position, b: Position) => WGS84.Inverse(a[1], a[0], b[1], b[0]).s12! / 1000;
const byId = (fc: Strikes, id: string) => fc.features.find((f) => f.id === id)!;
const district = (id: string) => districts.features.find((f) => f.id === id)!;
const KOH = 'strike_ir_kohisabz_20240116';
const HAQ = 'strike_pk_haqabad_shamsar_20240118';


/** Distance (km) from a point to an outline's edge with Turf's geodesic point-to-line distance. */
function turfEdgeKm(at: Position, outline: Feature<Polygon | MultiPolygon>): number {
  const lines = polygonToLine(outline);
  const features = 'features' in lines ? lines.features : [lines];
  return Math.min(...features.map((l) => pointToLineDistance(at, l as Feature<LineString>, { units: 'kilometers', method: 'geodesic' })));
}

/** Share of a disc inside an outline, by counting a fine lon/lat grid (cos-latitude weighted). */
function gridShare(center: Position, radiusKm: number, outline: Feature<Polygon | MultiPolygon>, stepDeg = 0.01): number {
  let inside = 0, total = 0;
  const dLat = radiusKm / 110, dLon = dLat / Math.cos((center[1] * Math.PI) / 180);
  for (let y = center[1] - dLat; y <= center[1] + dLat; y += stepDeg) {
    for (let x = center[0] - dLon; x <= center[0] + dLon; x += stepDeg) {
      if (distance(center, [x, y]) > radiusKm) continue;
      const w = Math.cos((y * Math.PI) / 180);
      total += w;
      if (booleanPointInPolygon([x, y], outline)) inside += w;
    }
  }
  return inside / total;
}

describe('Koh-i-Sabz is derived inside the Panjgur outline', () => {
  const koh = byId(strikes(), KOH);
  const at = koh.geometry.coordinates;
  const town = places.features.find((f) => f.id === 'town_panjgur')!.geometry.coordinates;

  it('meets every used constraint, checked with Turf and WGS84 geodesics instead of BorderIndex', () => {
    expect(booleanPointInPolygon(at, district('pk-panjgur'))).toBe(true);
    const toBorder = pointToLineDistance(at, border, { units: 'kilometers', method: 'geodesic' });
    expect(toBorder).toBeGreaterThanOrEqual(35);
    expect(toBorder).toBeLessThanOrEqual(53);
    const toTown = wgs84Km(at, town);
    expect(toTown).toBeGreaterThan(80);
    expect(toTown).toBeLessThan(100);
    // A few km north-east of the old point (63.4685, 26.3872), with a far smaller radius than 35 km.
    const { azi1, s12 } = WGS84.Inverse(26.3872, 63.4685, at[1], at[0]);
    expect(azi1!).toBeGreaterThan(0);
    expect(azi1!).toBeLessThan(90);
    expect(s12! / 1000).toBeLessThan(10);
    expect(koh.properties.uncertainty_km).toBeLessThan(35);
  });

  it('re-runs to the shipped point, and the build refuses a places.csv row that disagrees', () => {
    const ctx = {
      border: new BorderIndex(border),
      districts: new Map(districts.features.map((f) => [String(f.id), f])),
      places: new Map(places.features.map((f) => [String(f.id), f.geometry.coordinates])),
    };
    const derived = deriveSites(read<DerivationsFile>('geodata/sources/derivations.json'), ctx).get(KOH)!;
    expect(derived.point).toEqual(at);
    expect(derived.radius_km).toBe(koh.properties.uncertainty_km);
    const row = { ...rows.find((r) => r.id === KOH)! };
    expect(() => validateDerived('places.csv', derived, row)).not.toThrow();
    Object.assign(row, { lon: '63.4685', lat: '26.3872', uncertainty_km: '35' });
    expect(failure(() => validateDerived('places.csv', derived, row))).toMatch(/^places\.csv: row strike_ir_kohisabz_20240116: says 63\.4685,26\.3872 ± 35 km but .* gives 63\.5366,26\.3932 ± 12 km/);
  });

  it('states the set-aside reading as an alternative, with its distance from the point', () => {
    const alt = koh.properties.alternatives!.find((a) => /road/.test(a.name))!;
    expect(alt.distance_km).toBeCloseTo(distance(at, alt.coordinates), 1);
    expect(koh.properties.constraints!.some((c) => c.use === 'set-aside')).toBe(true);
  });
});

describe('cross-border share and the "near Saravan city" alternative', () => {
  const fc = strikes();

  it('every strike states its cross-border share, and it matches a grid count', () => {
    for (const f of fc.features) {
      const a = f.properties.across_border!;
      expect(a.share, f.id as string).toBeGreaterThanOrEqual(0);
      expect(a.geometry === null, f.id as string).toBe(a.share === 0);
    }
    const haq = byId(fc, HAQ);
    const pk = provinces.features.find((p) => p.properties!.country === 'PK')!;
    const counted = gridShare(haq.geometry.coordinates, haq.properties.uncertainty_km, pk);
    expect(haq.properties.across_border!.share).toBeGreaterThan(0.3);
    expect(Math.abs(haq.properties.across_border!.share - counted)).toBeLessThan(0.02);
    expect(haq.properties.across_border!.country).toBe('Pakistan');
  });

  it('keeps the Saravan-city reading visible with its distance from the chosen point', () => {
    const haq = byId(fc, HAQ);
    const alt = haq.properties.alternatives!.find((a) => /Saravan city/.test(a.name))!;
    const saravan = places.features.find((f) => f.id === 'town_saravan')!.geometry.coordinates;
    expect(alt.coordinates).toEqual(saravan);
    expect(Math.abs(alt.distance_km - wgs84Km(haq.geometry.coordinates, saravan))).toBeLessThan(0.5);
  });
});

describe('the build checks each point and area against its named district or county', () => {
  it('accepts the shipped strikes, whose shares match a grid count', () => {
    const fc = strikes();
    expect(() => validateDistricts('strikes.geojson', fc, districts)).not.toThrow();
    for (const f of fc.features.filter((x) => x.properties.district)) {
      const fit = f.properties.district!;
      expect(Math.abs(fit.share - gridShare(f.geometry.coordinates, f.properties.uncertainty_km, district(fit.id)))).toBeLessThan(0.02);
      const edge = turfEdgeKm(f.geometry.coordinates, district(fit.id));
      expect(Math.abs(edge - fit.edge_km)).toBeLessThan(0.06);
    }
  });

  it('a point outside the district it is said to be in', () => {
    const fc = strikes();
    byId(fc, KOH).geometry.coordinates = [63.0485, 26.0012]; // Turbat, in Kech
    expect(booleanPointInPolygon([63.0485, 26.0012], district('pk-panjgur'))).toBe(false);
    expect(failure(() => validateDistricts('strikes.geojson', fc, districts))).toMatch(/^strikes\.geojson: feature strike_ir_kohisabz_20240116: point 63\.0485,26\.0012 lies outside Panjgur/);
  });

  it('a point within 1 km of the edge with no note, and accepts it with one', () => {
    const fc = strikes();
    const koh = byId(fc, KOH);
    const p = koh.geometry.coordinates;
    const q = new BorderIndex(district('pk-panjgur').geometry.type === 'Polygon' ? (district('pk-panjgur').geometry as Polygon).coordinates : (district('pk-panjgur').geometry as MultiPolygon).coordinates.flat()).nearest(p).point;
    const near: [number, number] = [p[0] + 0.8 * (q[0] - p[0]), p[1] + 0.8 * (q[1] - p[1])];
    const edge = turfEdgeKm(near, district('pk-panjgur'));
    expect(edge).toBeLessThan(1);
    expect(booleanPointInPolygon(near, district('pk-panjgur'))).toBe(true);
    koh.geometry.coordinates = near;
    koh.properties.district = districtFit(near, koh.properties.uncertainty_km, district('pk-panjgur'), null);
    expect(failure(() => validateDistricts('strikes.geojson', fc, districts))).toMatch(/km from the edge of Panjgur \(< 1 km\) and no note says why/);
    koh.properties.district = districtFit(near, koh.properties.uncertainty_km, district('pk-panjgur'), 'The reports place it on the district line.');
    expect(() => validateDistricts('strikes.geojson', fc, districts)).not.toThrow();
  });

  it('an area mostly outside its district with no note', () => {
    const fc = strikes();
    const koh = byId(fc, KOH);
    // A 150 km disc is about 70,000 km², four times Panjgur's whole area, so most of it must lie outside.
    koh.properties.uncertainty_km = 150;
    koh.properties.district = districtFit(koh.geometry.coordinates as [number, number], 150, district('pk-panjgur'), null);
    expect(failure(() => validateDistricts('strikes.geojson', fc, districts))).toMatch(/only \d+ % of the area of uncertainty lies in Panjgur and no note says why/);
  });

  it('a stated share that the geometry does not give', () => {
    const fc = strikes();
    byId(fc, HAQ).properties.district!.share = 0.99;
    expect(failure(() => validateDistricts('strikes.geojson', fc, districts))).toMatch(/stated district fit \(0\.99,/);
  });
});

describe('no invented clock times', () => {
  it('accepts the shipped strikes and timeline', () => {
    expect(() => validateStrikeTimes('strikes.geojson', strikes())).not.toThrow();
    expect(() => validateTimeline('timeline.json', timeline(), new Set(timeline().flatMap((e) => (e.place_id ? [e.place_id] : []))), '2023-12-01', '2024-02-29')).not.toThrow();
  });

  it('a strike time that is neither sourced nor marked estimated', () => {
    const fc = strikes();
    const p = byId(fc, HAQ).properties;
    p.time_sources = [];
    expect(failure(() => validateStrikeTimes('strikes.geojson', fc))).toMatch(/feature strike_pk_haqabad_shamsar_20240118: time_utc is neither sourced/);
  });

  it('an estimate that cites sources, or gives no method', () => {
    const fc = strikes();
    const p = byId(fc, KOH).properties;
    p.time_sources = ['https://www.dawn.com/news/1806685/panic-grips-koh-i-sabz'];
    expect(failure(() => validateStrikeTimes('strikes.geojson', fc))).toMatch(/an estimated time cites time_sources/);
    p.time_sources = [];
    p.time_note = 'About sunset.';
    expect(failure(() => validateStrikeTimes('strikes.geojson', fc))).toMatch(/must start with "Estimated" and give the method/);
  });

  it('a reported time whose source the item does not cite', () => {
    const fc = strikes();
    byId(fc, HAQ).properties.time_sources = ['https://example.org/not-cited'];
    expect(failure(() => validateStrikeTimes('strikes.geojson', fc))).toMatch(/time source https:\/\/example\.org\/not-cited is not among the item's sources/);
  });

  it('a timeline clock time with no source and no estimate flag', () => {
    const list = timeline();
    const erbil = list.find((e) => e.id === 't20240115_erbil')!;
    delete erbil.time_sources;
    expect(failure(() => validateTimeline('timeline.json', list, new Set(list.flatMap((e) => (e.place_id ? [e.place_id] : []))), '2023-12-01', '2024-02-29'))).toMatch(
      /^timeline\.json: event t20240115_erbil: time_utc is neither sourced/,
    );
  });
});

describe('source URLs', () => {
  it('every URL in the shipped data passes', () => {
    const urls = new Set<string>();
    const walk = (x: unknown): void => {
      if (Array.isArray(x)) x.forEach(walk);
      else if (x && typeof x === 'object') for (const [k, v] of Object.entries(x)) (k === 'sources' || k === 'time_sources' ? (v as string[]).forEach((u) => urls.add(u)) : walk(v));
    };
    [strikes(), places, timeline()].forEach(walk);
    expect(urls.size).toBeGreaterThan(80);
    for (const u of urls) expect(urlProblem(u), u).toBe('');
  });

  it('refuses raw Persian, a double slash, a site root, a non-web scheme and a non-URL', () => {
    expect(urlProblem('https://zahedan.iribnews.ir/fa/news/4126283/وقوع-انفجار')).toMatch(/not in canonical, percent-encoded form \(expected https:\/\/zahedan\.iribnews\.ir\/fa\/news\/4126283\/%D9%88/);
    expect(urlProblem('https://hbtvnews.in//videsh/story/x')).toMatch(/empty path segment/);
    expect(urlProblem('https://www.geonames.org/')).toMatch(/bare site root/);
    expect(urlProblem('https://www.geonames.org')).toMatch(/canonical/);
    expect(urlProblem('ftp://example.org/file')).toMatch(/uses ftp: instead of http\(s\)/);
    expect(urlProblem('dawn.com/news/1')).toMatch(/does not parse/);
  });

  it('refuses one article cited under two dates', () => {
    const list = timeline();
    expect(() => validateArticleDates('timeline.json', list)).not.toThrow();
    // The old mistake: the 17 Jan call cited the 19 Jan article.
    const late = 'https://www.urdupoint.com/en/pakistan/jilani-speaks-with-iranian-fm-expresses-paki-1787029.html';
    expect(list.find((e) => e.id === 't20240119_fm_call')!.sources).toContain(late);
    list.find((e) => e.id === 't20240117_fm_call')!.sources.push(late);
    expect(failure(() => validateArticleDates('timeline.json', list))).toMatch(/^timeline\.json: event t20240119_fm_call: cites https:\/\/www\.urdupoint\.com\/.* under 2024-01-19, but event t20240117_fm_call cites it under 2024-01-17/);
  });
});

describe('notes agree with the geometry', () => {
  const point = (id: string) => places.features.find((f) => f.id === id)?.geometry.coordinates ?? strikes().features.find((f) => f.id === id)?.geometry.coordinates;
  const index = new BorderIndex(border);

  it('every distance in every note matches the shipped points (WGS84 geodesics, within 1 km or 10 %)', () => {
    let checked = 0;
    const check = (at: Position, declared: { to?: string; km: number; quoted?: boolean }[] | undefined, radius?: number) => {
      for (const d of declared ?? []) {
        if (d.quoted) continue;
        const measured = d.to === 'border' ? pointToLineDistance(at, border, { units: 'kilometers', method: 'geodesic' }) : d.to === 'radius' ? radius! : wgs84Km(at, point(d.to!)!);
        expect(Math.abs(measured - d.km), `${d.to} ${d.km} km`).toBeLessThanOrEqual(Math.max(1, 0.1 * d.km));
        checked++;
      }
    };
    for (const p of events.places) check(point(p.id)!, p.note_distances);
    for (const s of events.strikes) {
      const f = strikes().features.find((x) => x.id === s.id)!;
      check(f.geometry.coordinates, s.basis_distances, f.properties.uncertainty_km);
    }
    expect(checked).toBeGreaterThanOrEqual(8);
  });

  it('Mirjaveh is 14.3 km from the crossing point, and the old "about 10 km" note is refused', () => {
    const mirjaveh = point('town_mirjaveh')!, crossing = point('crossing_taftan_mirjaveh')!;
    expect(wgs84Km(mirjaveh, crossing)).toBeCloseTo(14.3, 0);
    const locate = (id: string) => point(id);
    const note = events.places.find((p) => p.id === 'town_mirjaveh')!;
    expect(() => validateNoteDistances('events.json', 'place town_mirjaveh', mirjaveh, note.note, note.note_distances, locate, index)).not.toThrow();
    const old = 'Iranian town about 10 km north-west of the main crossing.';
    expect(failure(() => validateNoteDistances('events.json', 'place town_mirjaveh', mirjaveh, old, undefined, locate, index))).toMatch(/^events\.json: place town_mirjaveh: note states 10 km but declares no such distance/);
    expect(failure(() => validateNoteDistances('events.json', 'place town_mirjaveh', mirjaveh, old, [{ to: 'crossing_taftan_mirjaveh', km: 10 }], locate, index))).toMatch(
      /note says 10 km to crossing_taftan_mirjaveh, but the shipped geometry gives 14\.3 km/,
    );
  });
});
