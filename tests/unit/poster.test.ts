/**
 * The build's poster (scripts/poster.ts) and the no-script table of sites (scripts/sites-page.ts):
 * well-formed markup, the border and provinces, each site where Web Mercator puts it (worked out
 * here with a formula of the test's own), caption and attribution, size, and hostile text escaped.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { FeatureCollection, LineString, Point } from 'geojson';
import type { Topology } from 'topojson-specification';
import { POSTER_ATTRIBUTION, POSTER_BOUNDS, POSTER_CAPTION, posterSvg, shippedPoster } from '../../scripts/poster.ts';
import { shippedSitesPage, sitesPage } from '../../scripts/sites-page.ts';
import { svgDataUrl } from '../../src/embed/build.ts';
import type { StrikeProperties } from '../../src/data/types.ts';

const read = <T>(path: string): T => JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8')) as T;
const strikes = read<FeatureCollection<Point, StrikeProperties>>('geodata/strikes.geojson');
const topology = read<Topology>('geodata/strike-map.topo.json');
const border = read<FeatureCollection<LineString>>('geodata/border.geojson').features[0].geometry.coordinates;
const svg = shippedPoster();

/**
 * Strict enough for markup written by a program: every tag closed in order, attributes quoted,
 * and no bare `<` or `&` in text or attribute values. Returns the problems found.
 */
function markupProblems(text: string): string[] {
  const problems: string[] = [];
  const open: string[] = [];
  const body = text.replace(/^<!doctype html>\s*/i, '');
  const token = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|<|&(?!(?:amp|lt|gt|quot|#39);)/g;
  const voids = /^(meta|link|br|img|input)$/i;
  for (const m of body.matchAll(token)) {
    if (!m[2]) {
      problems.push(`bare ${m[0]} at ${m.index}: ${body.slice(m.index!, m.index! + 30)}`);
      continue;
    }
    const [, closing, name, , selfClosing] = m;
    if (closing) {
      if (open.pop() !== name) problems.push(`</${name}> closes the wrong element at ${m.index}`);
    } else if (!selfClosing && !voids.test(name)) open.push(name);
  }
  if (open.length) problems.push(`never closed: ${open.join(', ')}`);
  return problems;
}

/** Absolute points of an SVG path written as M x y, then relative l dx dy steps (and z). */
function pathPoints(d: string): [number, number][][] {
  return d
    .split('M')
    .filter(Boolean)
    .map((sub) => {
      const [start, ...steps] = sub.replace(/z$/, '').split('l');
      const num = (pair: string) => pair.trim().match(/-?[\d.]+/g)!.map(Number) as [number, number];
      let [x, y] = num(start);
      const points: [number, number][] = [[x, y]];
      for (const step of steps) {
        const [dx, dy] = num(step);
        points.push([(x += dx), (y += dy)]);
      }
      return points;
    });
}

const attribute = (element: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(element)?.[1];

// The picture: 800 × 500 px, the caption band takes the bottom 46 px, 16 px of padding around the fitted view.
const FRAME = { width: 800, height: 500, band: 46, pad: 16 };
/** Web Mercator with the inverse Gudermannian (asinh ∘ tan), in radians of the unit sphere. */
const mercator = ([lon, lat]: number[]): [number, number] => [(lon * Math.PI) / 180, Math.asinh(Math.tan((lat * Math.PI) / 180))];
function expectedPixel(lonLat: number[]): [number, number] {
  const [[w, s], [e, n]] = POSTER_BOUNDS;
  const [x0, yTop] = mercator([w, n]);
  const [x1, yBottom] = mercator([e, s]);
  const boxWidth = FRAME.width - 2 * FRAME.pad;
  const boxHeight = FRAME.height - FRAME.band - 2 * FRAME.pad;
  const k = Math.min(boxWidth / (x1 - x0), boxHeight / (yTop - yBottom));
  const [x, y] = mercator(lonLat);
  return [FRAME.pad + (boxWidth - (x1 - x0) * k) / 2 + (x - x0) * k, FRAME.pad + (boxHeight - (yTop - yBottom) * k) / 2 + (yTop - y) * k];
}

describe('poster', () => {
  it('is well-formed SVG of the stated size', () => {
    expect(markupProblems(svg)).toEqual([]);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="800" height="500" viewBox="0 0 800 500"/);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
  });

  it('frames the map’s own home view', () => {
    const source = readFileSync(new URL('../../src/map/create-map.ts', import.meta.url), 'utf8');
    const home = /const HOME_BOUNDS[^=]*=\s*(\[\[[^;]+\]\]);/.exec(source)?.[1];
    expect(home && JSON.parse(home)).toEqual(POSTER_BOUNDS);
  });

  it('draws the border from its first to its last point', () => {
    const d = /<path id="border" d="([^"]+)"/.exec(svg)?.[1];
    expect(d).toBeTruthy();
    const runs = pathPoints(d!);
    expect(runs).toHaveLength(1); // the whole border lies inside the picture
    const [first, last] = [runs[0][0], runs[0].at(-1)!];
    const [ex, ey] = expectedPixel(border[0]);
    const [lx, ly] = expectedPixel(border.at(-1)!);
    // 0.1 px of rounding, plus the topology's quantization (under 6 m, a tenth of a pixel here)
    expect(Math.hypot(first[0] - ex, first[1] - ey)).toBeLessThan(0.25);
    expect(Math.hypot(last[0] - lx, last[1] - ly)).toBeLessThan(0.25);
    expect(runs[0].length).toBeGreaterThan(50); // simplified, yet still the river-bends line
  });

  it('draws both provinces', () => {
    const provinces = [...svg.matchAll(/<path data-province="([^"]+)" d="([^"]+)"/g)];
    expect(provinces.map((m) => m[1]).sort()).toEqual(['IR-11', 'PK-BA']);
    for (const [, , d] of provinces) expect(pathPoints(d).flat().length).toBeGreaterThan(30);
  });

  it('places one mark and one area per strike site in the view, where Web Mercator puts them', () => {
    const groups = [...svg.matchAll(/<g data-site="([^"]+)">(.*?)<\/g>/g)];
    const inView = strikes.features.filter((f) => f.properties.category === 'cross-border');
    expect(groups.map((g) => g[1]).sort()).toEqual(inView.map((f) => f.properties.id).sort()); // the Iraq and Syria context strikes lie far outside
    for (const [, id, inner] of groups) {
      const site = inView.find((f) => f.properties.id === id)!;
      const mark = /<use [^>]*>/.exec(inner)![0];
      const [x, y] = expectedPixel(site.geometry.coordinates);
      expect(Number(attribute(mark, 'x'))).toBeCloseTo(x, 1);
      expect(Number(attribute(mark, 'y'))).toBeCloseTo(y, 1);
      expect(attribute(mark, 'href')).toBe(`#mark-${site.properties.attacker}`);
      // The area reaches uncertainty_km north of the site: 1° of latitude is 111.195 km on Turf's sphere.
      const area = pathPoints(/<path d="([^"]+)"/.exec(inner)![1]).flat();
      const [lon, lat] = site.geometry.coordinates;
      const north = expectedPixel([lon, lat + site.properties.uncertainty_km / 111.195]);
      expect(Math.min(...area.map((p) => p[1]))).toBeCloseTo(north[1], 0);
      expect(inner).toContain(`>${site.properties.date.slice(8).replace(/^0/, '')} Jan · `); // its short label
    }
  });

  it('carries the caption and the attribution as text', () => {
    expect(POSTER_ATTRIBUTION).toBe('© OpenStreetMap contributors, Natural Earth');
    expect(svg).toContain(`>${POSTER_ATTRIBUTION}</text>`);
    expect(svg).toContain(`>${POSTER_CAPTION}</text>`);
    expect(svg).toContain(`<title id="caption">${POSTER_CAPTION}</title>`);
  });

  it('is small: coordinates to 0.1 px, at most 30 kB gzipped, and the same bytes every build', () => {
    const numbers = [...svg.matchAll(/ d="([^"]+)"/g)].flatMap((m) => m[1].match(/-?[\d.]+/g)!);
    expect(numbers.length).toBeGreaterThan(1000);
    expect(numbers.filter((n) => !/^-?(\d+|\d*\.\d)$/.test(n))).toEqual([]);
    expect(gzipSync(svg, { level: 9 }).length).toBeLessThanOrEqual(30_000);
    expect(shippedPoster()).toBe(svg);
  });

  it('writes hostile names as text', () => {
    const site = strikes.features.find((f) => f.properties.id === 'strike_ir_kohisabz_20240116')!;
    const hostile = { ...site, properties: { ...site.properties, id: 'x"><script>alert(1)</script>', place: `<img src=x onerror=alert> & "Q" 'S'` } };
    const out = posterSvg({ topology, strikes: { type: 'FeatureCollection', features: [hostile] } });
    expect(markupProblems(out)).toEqual([]);
    expect(out).not.toMatch(/<script|<img/);
    expect(out).toContain('&lt;img src=x onerror=alert&gt; &amp; &quot;Q&quot; &#39;S&#39;');
    expect(out).toContain('data-site="x&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
  });
});

describe('the poster inside the embed page (svgDataUrl)', () => {
  it('is a data: URL that holds the SVG exactly and fits a double-quoted attribute', () => {
    const svg = shippedPoster();
    const url = svgDataUrl(svg);
    expect(url.startsWith('data:image/svg+xml,')).toBe(true);
    const body = url.slice('data:image/svg+xml,'.length);
    expect(body).not.toMatch(/["&<>#\r\n]/); // an HTML attribute would end or decode them; a URL would cut at #
    expect(decodeURIComponent(body)).toBe(svg);
    expect(svgDataUrl('<a b="1 &amp; 2">#%\n</a>')).toBe('data:image/svg+xml,%3Ca b=%221 %26amp; 2%22%3E%23%25%0A%3C/a%3E');
    // Most of the SVG is left as it is, so the page's gzip still shrinks it well.
    expect(gzipSync(url).length).toBeLessThan(1.3 * gzipSync(svg).length);
  });
});

describe('table of sites (no script)', () => {
  const page = shippedSitesPage();

  it('is well-formed HTML with no script', () => {
    expect(markupProblems(page)).toEqual([]);
    expect(page).not.toMatch(/<script/i);
  });

  it('lists every site with its date, who struck, claims, uncertainty and source links', () => {
    for (const { properties: p } of strikes.features) {
      const row = new RegExp(`<tr id="${p.id}">(.*?)</tr>`).exec(page)?.[1];
      expect(row, p.id).toBeTruthy();
      const date = new Date(`${p.date}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
      expect(row).toContain(`<td>${date}</td>`); // e.g. 16 Jan 2024
      expect(row).toContain(`<td>${p.attacker === 'IR' ? 'Iran' : 'Pakistan'}</td>`);
      expect(row).toContain(`within about ${p.uncertainty_km} km`);
      expect(row!.match(/<li>/g)!.length).toBeGreaterThanOrEqual(1 + p.weapons.length + p.casualties.length + p.sources.length);
      for (const source of p.sources) expect(row).toContain(`<a href="${source.replace(/&/g, '&amp;')}">`);
    }
  });

  it('writes hostile text as text and links only http(s) sources', () => {
    const site = strikes.features[2];
    const hostile = {
      ...site,
      properties: { ...site.properties, place: '<script>alert(1)</script>', sources: ['javascript:alert(1)', 'https://example.org/a?b=1&c="2"'] },
    };
    const out = sitesPage({ type: 'FeatureCollection', features: [hostile] });
    expect(markupProblems(out)).toEqual([]);
    expect(out).not.toMatch(/<script|href="javascript/i);
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out).toContain('<li>javascript:alert(1)</li>');
    expect(out).toContain('<a href="https://example.org/a?b=1&amp;c=%222%22">example.org</a>');
  });
});
