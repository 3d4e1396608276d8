/** The embed page's query parameters: what is passed to <strike-map>, and what is refused with a notice. */
import { describe, expect, it } from 'vitest';
import { GROUPS, MAX_LAYERS, parseEmbedUrl } from '../../src/embed/params.ts';
import { isDay } from '../../src/components/hash-state.ts';
import { layerGroups } from '../../src/map/layers.ts';

const page = 'https://maps.example.org/embed/';
/** The options for a query, with each notice as its English sentence. */
const parse = (query: string, hash = '') => {
  const options = parseEmbedUrl(`${page}?${query}${hash}`);
  return { ...options, notices: options.notices.map((notice) => notice.text) };
};

describe('parseEmbedUrl', () => {
  it('passes the element attributes through under their own names', () => {
    const { attributes, notices } = parse('center=62.5,27.2&zoom=7.5&theme=dark&units=mi&builtin=border strikes&lang=fa&bands=10 30:PK');
    expect(attributes).toEqual({ center: '62.5,27.2', zoom: '7.5', theme: 'dark', units: 'mi', builtin: 'border strikes', lang: 'fa', bands: '10 30:PK' });
    expect(notices).toEqual([]);
  });

  it('reads the site, the day, same-origin layers and the wp-embed secret', () => {
    const options = parse('site=strike_ir_kohisabz_20240116&day=2024-01-16&layer=/data/a.geojson&layer=b.csv', '#?secret=Ab3dE9');
    expect(options.attributes.site).toBe('strike_ir_kohisabz_20240116');
    expect(options.attributes.day).toBe('2024-01-16');
    expect(options.layers).toEqual([{ src: 'https://maps.example.org/data/a.geojson' }, { src: 'https://maps.example.org/embed/b.csv' }]);
    expect(options.secret).toBe('Ab3dE9');
    expect(options.notices).toEqual([]);
  });

  it('gives nothing and says nothing for an empty query', () => {
    expect(parseEmbedUrl(page)).toEqual({ attributes: {}, layers: [], notices: [] });
  });

  it.each([
    ['zoom=1e308', 'zoom'],
    ['zoom=-1', 'zoom'],
    ['zoom=', 'zoom'],
    ['zoom=Infinity', 'zoom'],
    ['center=NaN,NaN', 'center'],
    ['center=200,10', 'center'],
    ['center=1,2,3', 'center'],
    ['center=,5', 'center'],
    ['theme=<b>', 'theme'],
    ['units=furlongs', 'units'],
    ['lang=de', 'lang'],
    ['day=2024-02-30', 'day'],
    ['day=16.01.2024', 'day'],
    ['site=<img src=x onerror=alert(1)>', 'site'],
    ['site=a b', 'site'],
    ['bands=<script>alert(1)</script>', 'bands'],
    ['layer=javascript:alert(1)', 'layer'],
    ['layer=data:application/json,{}', 'layer'],
    ['layer=https://evil.example/x.geojson', 'layer'],
    ['layer=//evil.example/x.geojson', 'layer'],
    ['layer=http://maps.example.org/x.geojson', 'layer'], // http is another origin than https
    ['layer=https://user:pw@maps.example.org/x.geojson', 'layer'],
  ])('refuses %s with a notice naming %s', (query, name) => {
    const options = parse(query);
    expect(options.attributes).toEqual({});
    expect(options.attributes.site ?? options.attributes.day).toBeUndefined();
    expect(options.layers).toEqual([]);
    expect(options.notices).toHaveLength(1);
    expect(options.notices[0]).toMatch(new RegExp(`^${name}=".*" ignored: `));
  });

  it('names unknown parameters, but not campaign tags', () => {
    expect(parse('foo=1&utm_source=news&fbclid=x').notices).toEqual(['Unknown parameter "foo" ignored.', 'Unknown parameter "fbclid" ignored.']);
  });

  it('keeps the known layer groups of builtin and names the others', () => {
    const { attributes, notices } = parse('builtin=border dragons strikes');
    expect(attributes.builtin).toBe('border strikes');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/"dragons"/);
    expect(parse('builtin=none').attributes.builtin).toBe('none');
  });

  it('uses the first of repeated parameters and says so', () => {
    const { attributes, notices } = parse('zoom=5&zoom=9');
    expect(attributes.zoom).toBe('5');
    expect(notices).toEqual(['zoom was given 2 times; the first is used.']);
  });

  it('pairs the n-th columns with the n-th layer, an empty one meaning none, and says when one has no layer', () => {
    const options = parse(`layer=a.geojson&layer=b.csv&layer=c.csv&columns=&columns=${encodeURIComponent('date: Seen; actors: who, whom')}&columns=${encodeURIComponent(' date: day ')}&columns=date: x`);
    expect(options.layers).toEqual([
      { src: 'https://maps.example.org/embed/a.geojson' },
      { src: 'https://maps.example.org/embed/b.csv', columns: 'date: Seen; actors: who, whom' },
      { src: 'https://maps.example.org/embed/c.csv', columns: 'date: day' },
    ]);
    expect(options.notices).toEqual(['columns="date: x" ignored: the first columns= is for the first layer=, the second for the second, and this one has none.']);
    // A refused layer keeps its place, so the columns after it still find theirs.
    expect(parse('layer=javascript:alert(1)&layer=d.csv&columns=date: a&columns=date: b').layers).toEqual([{ src: 'https://maps.example.org/embed/d.csv', columns: 'date: b' }]);
    const long = `date: ${'x'.repeat(500)}`;
    const tooLong = parse(`layer=e.csv&columns=${long}`);
    expect(tooLong.layers).toEqual([{ src: 'https://maps.example.org/embed/e.csv' }]);
    expect(tooLong.notices[0]).toMatch(/^columns=".{57}…" ignored: longer than 500 characters\.$/);
  });

  it(`loads at most ${MAX_LAYERS} layers`, () => {
    const query = Array.from({ length: MAX_LAYERS + 2 }, (_, i) => `layer=${i}.geojson`).join('&');
    const { layers, notices } = parse(query);
    expect(layers).toHaveLength(MAX_LAYERS);
    expect(notices).toHaveLength(2);
  });

  it('quotes refused values on one short line', () => {
    const [notice] = parse(`site=${encodeURIComponent('x\n'.repeat(100))}`).notices;
    expect(notice).not.toMatch(/\n/);
    expect(notice.length).toBeLessThan(140);
  });

  it('drops a secret that wp-embed would not accept', () => {
    expect(parse('', '#?secret=a"b').secret).toBeUndefined();
    expect(parse('', '#secret=abc').secret).toBe('abc');
  });

  it('knows the same layer groups as the map', () => {
    expect([...GROUPS].sort()).toEqual(Object.keys(layerGroups).sort());
  });
});

describe('isDay', () => {
  it('accepts real calendar days only', () => {
    expect(isDay('2024-01-16')).toBe(true);
    expect(isDay('2024-02-29')).toBe(true);
    expect(isDay('2023-02-29')).toBe(false);
    expect(isDay('2024-1-16')).toBe(false);
  });
});
