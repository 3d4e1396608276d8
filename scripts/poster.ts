/**
 * The poster: a still SVG of the map's home view (border, both provinces, neighbouring countries,
 * the strike sites with their areas of uncertainty, a caption and the attribution), drawn in Node
 * by the build. Pages show it while MapLibre loads, and readers without JavaScript or WebGL get it
 * instead of the map. Web Mercator and the map's light palette, so the live map replaces it
 * without a jump; geometry is simplified to a pixel and coordinates kept to 0.1 px.
 */
import { readFileSync } from 'node:fs';
import { feature } from 'topojson-client';
import { presimplify, simplify } from 'topojson-simplify';
import type { GeometryCollection, Objects, Topology } from 'topojson-specification';
import type { Feature, FeatureCollection, LineString, MultiLineString, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { palettes } from '../src/map/palette.ts';
import { strikeLabel } from '../src/data/prepare.ts';
import { uncertaintyDiscs } from '../src/data/story-shapes.ts';
import type { StrikeProperties } from '../src/data/types.ts';
import { escapeMarkup } from './escape-markup.ts';

export const POSTER_WIDTH = 800;
export const POSTER_HEIGHT = 500;
/** The map's home view: HOME_BOUNDS in src/map/create-map.ts (a unit test keeps the two equal). */
export const POSTER_BOUNDS: [[number, number], [number, number]] = [[58.8, 24.6], [70.3, 32.2]];
export const POSTER_CAPTION = 'Strikes across the Iran–Pakistan border, 16 and 18 January 2024: each site with the area it may lie in.';
export const POSTER_ATTRIBUTION = '© OpenStreetMap contributors, Natural Earth';

const PAD = 16;
/** The white band at the bottom holding the caption and the attribution. */
const BAND = 46;
/** Triangles smaller than this (px²) are dropped by Visvalingam simplification: about a pixel. */
const MIN_AREA = 0.5;
/** Neighbours showing less than this (px²) go unnamed. */
const MIN_LABELLED_AREA = 4000;
/** Drawing stops this far (px) outside the picture, so strokes at the edge still look whole. */
const MARGIN = 8;

export interface PosterData {
  topology: Topology;
  strikes: FeatureCollection<Point, StrikeProperties>;
}

type XY = [number, number];
type Project = (lonLat: Position) => XY;

/** Web Mercator into the picture, framing POSTER_BOUNDS above the caption band (as fitBounds would). */
export function posterProjection(width = POSTER_WIDTH, height = POSTER_HEIGHT): Project {
  const mx = (lon: number) => (lon + 180) / 360;
  const my = (lat: number) => 0.5 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / (2 * Math.PI);
  const [[west, south], [east, north]] = POSTER_BOUNDS;
  const innerWidth = width - 2 * PAD;
  const innerHeight = height - BAND - 2 * PAD;
  const scale = Math.min(innerWidth / (mx(east) - mx(west)), innerHeight / (my(south) - my(north)));
  const left = PAD + (innerWidth - (mx(east) - mx(west)) * scale) / 2;
  const top = PAD + (innerHeight - (my(south) - my(north)) * scale) / 2;
  return ([lon, lat]) => [left + (mx(lon) - mx(west)) * scale, top + (my(lat) - my(north)) * scale];
}

/** The topology with its arcs in picture pixels and simplified there, so shared edges stay shared. */
function pixelTopology(topology: Topology, project: Project): Topology {
  const [sx, sy] = topology.transform?.scale ?? [1, 1];
  const [tx, ty] = topology.transform?.translate ?? [0, 0];
  const arcs = topology.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([a, b]) => {
      [x, y] = topology.transform ? [x + a, y + b] : [a, b]; // quantized arcs are delta-encoded
      return project([x * sx + tx, y * sy + ty]);
    });
  });
  const projected: Topology = { type: 'Topology', objects: topology.objects, arcs };
  return simplify(presimplify(projected as Topology<Objects<object>>), MIN_AREA) as Topology;
}

/** The centre of mass of the visible part of a polygon (outer rings), and that part's area, in pixels. */
function visibleCentre(geometry: Polygon | MultiPolygon, width: number, height: number): { at: XY; area: number } {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let area = 0;
  let cx = 0;
  let cy = 0;
  for (const ring of polygons.map((rings) => clipRing(rings[0].map(xy), width, height, 0))) {
    ring.forEach(([x0, y0], i) => {
      const [x1, y1] = ring[(i + 1) % ring.length];
      const cross = x0 * y1 - x1 * y0;
      area += cross / 2;
      cx += ((x0 + x1) * cross) / 6;
      cy += ((y0 + y1) * cross) / 6;
    });
  }
  return area ? { at: [cx / area, cy / area], area: Math.abs(area) } : { at: [NaN, NaN], area: 0 };
}

/** Sutherland–Hodgman: the part of a ring inside the picture (plus MARGIN). */
function clipRing(ring: XY[], width: number, height: number, margin = MARGIN): XY[] {
  const edges: [(p: XY) => boolean, (a: XY, b: XY) => XY][] = [
    [(p) => p[0] >= -margin, (a, b) => at(a, b, (-margin - a[0]) / (b[0] - a[0]))],
    [(p) => p[0] <= width + margin, (a, b) => at(a, b, (width + margin - a[0]) / (b[0] - a[0]))],
    [(p) => p[1] >= -margin, (a, b) => at(a, b, (-margin - a[1]) / (b[1] - a[1]))],
    [(p) => p[1] <= height + margin, (a, b) => at(a, b, (height + margin - a[1]) / (b[1] - a[1]))],
  ];
  let out = ring.slice(0, -1); // GeoJSON rings repeat their first point
  for (const [inside, cut] of edges) {
    const input = out;
    out = [];
    input.forEach((current, i) => {
      const previous = input[(i + input.length - 1) % input.length];
      if (inside(current)) {
        if (!inside(previous)) out.push(cut(previous, current));
        out.push(current);
      } else if (inside(previous)) out.push(cut(previous, current));
    });
  }
  return out;
}

const at = (a: XY, b: XY, t: number): XY => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];

/** The runs of a line that come within MARGIN of the picture (each keeps the points just outside). */
function clipLine(line: XY[], width: number, height: number): XY[][] {
  const near = (p: XY) => p[0] >= -MARGIN && p[0] <= width + MARGIN && p[1] >= -MARGIN && p[1] <= height + MARGIN;
  const runs: XY[][] = [];
  let run: XY[] = [];
  line.forEach((p, i) => {
    if (near(p) || (i > 0 && near(line[i - 1])) || (i < line.length - 1 && near(line[i + 1]))) run.push(p);
    else if (run.length) (runs.push(run), (run = []));
  });
  if (run.length) runs.push(run);
  return runs.filter((r) => r.length > 1);
}

/** A number of tenths of a pixel as SVG path text, without a leading zero. */
const tenths = (n: number) => String(n / 10).replace(/^(-?)0\./, '$1.');

/** One subpath: an absolute move, then relative steps in whole tenths of a pixel (so no rounding drifts). */
function subpath(points: XY[], closed: boolean): string {
  let out = '';
  let px = 0;
  let py = 0;
  let count = 0;
  for (const [x, y] of points) {
    const ix = Math.round(x * 10);
    const iy = Math.round(y * 10);
    if (count && ix === px && iy === py) continue;
    out += count ? `l${tenths(ix - px)} ${tenths(iy - py)}` : `M${tenths(ix)} ${tenths(iy)}`;
    [px, py, count] = [ix, iy, count + 1];
  }
  if (closed) return count >= 3 ? `${out}z` : '';
  return count >= 2 ? out : '';
}

const xy = (p: Position): XY => [p[0], p[1]];

function polygonPath(geometry: Polygon | MultiPolygon, width: number, height: number): string {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.flatMap((rings) => rings.map((ring) => subpath(clipRing(ring.map(xy), width, height), true))).join('');
}

function linePath(geometry: LineString | MultiLineString, width: number, height: number): string {
  const lines = geometry.type === 'LineString' ? [geometry.coordinates] : geometry.coordinates;
  return lines.flatMap((line) => clipLine(line.map(xy), width, height).map((run) => subpath(run, false))).join('');
}

function layer<G extends GeoJSON.Geometry, P>(topology: Topology, name: string): Feature<G, P>[] {
  const object = topology.objects[name] as GeometryCollection | undefined;
  if (!object) throw new Error(`poster: the topology has no "${name}" object`);
  return (feature(topology, object) as unknown as FeatureCollection<G, P>).features;
}

/** left, top, right, bottom in pixels */
type Box = [number, number, number, number];

/** A rough width of a line of text: SVG has no text metrics without fonts, and a label needs only to keep clear. */
const textWidth = (value: string, size: number) => value.length * size * 0.56;

/** A two-line label's centre, moved up in steps from `at` until its box touches none of `boxes`. */
function clearOf(boxes: Box[], at: XY, width: number, height: number): XY {
  const overlaps = ([x, y]: XY) => boxes.some(([l, t, r, b]) => x - width / 2 < r && x + width / 2 > l && y - 14 < b && y - 14 + height > t);
  let place = at;
  for (let step = 0; step < 12 && overlaps(place); step++) place = [at[0], place[1] - 10];
  return place;
}

const inside = ([x, y]: XY, width: number, height: number) => x >= 0 && x <= width && y >= 0 && y <= height;
const n1 = (v: number) => tenths(Math.round(v * 10));

/** The poster as SVG text. Deterministic: the same data gives the same bytes. */
export function posterSvg({ topology, strikes }: PosterData, width = POSTER_WIDTH, height = POSTER_HEIGHT): string {
  const p = palettes.light;
  const project = posterProjection(width, height);
  const pixels = pixelTopology(topology, project);
  type Country = { name: string; iso_a3: string | null };
  const countries = layer<Polygon | MultiPolygon, Country>(pixels, 'basemap_countries');
  const provinces = layer<Polygon | MultiPolygon, { id: string; name: string; country: string }>(pixels, 'provinces');
  const lines = (name: string) => layer<LineString | MultiLineString, unknown>(pixels, name).map((f) => linePath(f.geometry, width, height)).join('');

  const text = (at: XY, value: string, attributes = '') => `<text x="${n1(at[0])}" y="${n1(at[1])}"${attributes && ` ${attributes}`}>${escapeMarkup(value)}</text>`;
  const countryLabels = countries
    .filter((f) => f.properties.iso_a3 !== 'IRN' && f.properties.iso_a3 !== 'PAK') // their provinces are named instead
    .map((f) => ({ ...visibleCentre(f.geometry, width, height - BAND), name: f.properties.name.toUpperCase() }))
    .filter((l) => l.area > MIN_LABELLED_AREA && inside(l.at, width, height - BAND));
  const countryNames: Record<string, string> = { IR: 'Iran', PK: 'Pakistan' };

  const shown = strikes.features.filter((f) => inside(project(f.geometry.coordinates), width, height - BAND));
  const discs = uncertaintyDiscs({ type: 'FeatureCollection', features: shown }).features;
  const siteBoxes = shown.map((f): Box => {
    const [x, y] = project(f.geometry.coordinates);
    return [x - 9, y - 12, x + 11 + textWidth(strikeLabel(f.properties), 12), y + 9];
  });
  const provinceLabels = provinces.map((f) => {
    const name = f.properties.name;
    const country = (countryNames[f.properties.country] ?? f.properties.country).toUpperCase();
    return { at: clearOf(siteBoxes, visibleCentre(f.geometry, width, height - BAND).at, Math.max(textWidth(name, 14), textWidth(country, 11)), 34), name, country };
  });
  const colour = (attacker: string) => (attacker === 'IR' ? p.attackerIR : attacker === 'PK' ? p.attackerPK : p.context);
  const sites = shown.map((f, i) => {
    const props = f.properties;
    const [x, y] = project(f.geometry.coordinates);
    const area = discs[i].geometry.coordinates[0].map((c) => project(c));
    const mark = props.category === 'context' ? 'context' : props.attacker;
    return (
      `<g data-site="${escapeMarkup(props.id)}">` +
      `<path d="${subpath(area, true)}" fill="${colour(props.attacker)}" fill-opacity=".16" stroke="${colour(props.attacker)}" stroke-dasharray="4 3"/>` +
      `<use href="#mark-${escapeMarkup(mark)}" x="${n1(x)}" y="${n1(y)}" fill="${colour(props.attacker)}"/>` +
      text([x + 11, y + 4], strikeLabel(props), 'class="site"') +
      '</g>'
    );
  });

  const halo = `paint-order="stroke" stroke="${p.textHalo}" stroke-width="3" stroke-linejoin="round"`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="caption" font-family="system-ui,-apple-system,'Segoe UI',Roboto,sans-serif">`,
    `<title id="caption">${escapeMarkup(POSTER_CAPTION)}</title>`,
    // Marks as on the map: a triangle for Iran's strikes, a square for Pakistan's, a diamond for context.
    `<defs><path id="mark-IR" d="M0-8 8 6H-8z" stroke="${p.textHalo}" stroke-width="1.5"/><path id="mark-PK" d="M-6-6h12v12h-12z" stroke="${p.textHalo}" stroke-width="1.5"/><path id="mark-context" d="M0-8 8 0 0 8-8 0z" stroke="${p.textHalo}" stroke-width="1.5"/><path id="border" d="${lines('border')}"/></defs>`,
    `<rect width="${width}" height="${height}" fill="${p.sea}"/>`,
    `<path d="${countries.map((f) => polygonPath(f.geometry, width, height)).join('')}" fill="${p.neighbour}"/>`,
    `<path d="${lines('basemap_boundaries')}" fill="none" stroke="${p.neighbourLine}" stroke-width=".8" stroke-dasharray="3 2"/>`,
    ...provinces.map((f) => `<path data-province="${escapeMarkup(f.properties.id)}" d="${polygonPath(f.geometry, width, height)}" fill="${f.properties.country === 'IR' ? p.provinceIR : p.provincePK}" stroke="${p.provinceLine}" stroke-width="1.2" stroke-linejoin="round"/>`),
    `<g fill="none" stroke-linejoin="round"><use href="#border" stroke="${p.borderCasing}" stroke-width="5"/><use href="#border" stroke="${p.border}" stroke-width="2.2"/></g>`,
    `<g font-size="12" letter-spacing="1.4" fill="${p.neighbourLine}" text-anchor="middle" ${halo}>${countryLabels.map((l) => text(l.at, l.name)).join('')}</g>`,
    `<g fill="${p.provinceLine}" text-anchor="middle" ${halo}>${provinceLabels.map((l) => text(l.at, l.name, 'font-size="14"') + text([l.at[0], l.at[1] + 15], l.country, 'font-size="11" letter-spacing="1.2"')).join('')}</g>`,
    `<g font-size="12" font-weight="600" fill="${p.text}" ${halo}>${sites.join('')}</g>`,
    `<rect y="${height - BAND}" width="${width}" height="${BAND}" fill="${p.textHalo}" fill-opacity=".92"/>`,
    text([12, height - BAND + 18], POSTER_CAPTION, `font-size="12.5" fill="${p.text}"`),
    text([12, height - 10], POSTER_ATTRIBUTION, `font-size="11" fill="${p.context}"`),
    '</svg>',
    '',
  ].join('\n');
}

const read = <T>(file: string): T => JSON.parse(readFileSync(new URL(`../geodata/${file}`, import.meta.url), 'utf8')) as T;

/** The poster of the shipped geodata. */
export function shippedPoster(): string {
  return posterSvg({ topology: read<Topology>('strike-map.topo.json'), strikes: read<PosterData['strikes']>('strikes.geojson') });
}
