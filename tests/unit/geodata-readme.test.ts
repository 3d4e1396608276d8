/** geodata/README.md quotes sizes and border figures; they must match the shipped files. */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { length } from '@turf/turf';
import { borderLine } from '../../scripts/load-geodata.ts';

const root = new URL('../../geodata/', import.meta.url);
const readme = readFileSync(new URL('README.md', root), 'utf8');
const number = (text: string) => Number(text.replace(/,/g, ''));

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const day = (iso: string) => `${Number(iso.slice(8, 10))} ${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;

describe('the stated timeline range follows the data', () => {
  const events = (JSON.parse(readFileSync(new URL('timeline.json', root), 'utf8')) as { events: { date: string }[] }).events;
  const first = events[0].date, last = events.at(-1)!.date;

  it('geodata/README.md gives the item count and first and last dates', () => {
    expect(readme).toContain(`${events.length} items from ${day(first)} to ${day(last)}`);
  });

  it('README.md gives the same first and last dates', () => {
    const top = readFileSync(new URL('../README.md', root), 'utf8');
    const [, from, to] = /A timeline \((\d+ \w+ \d{4}) – (\d+ \w+ \d{4})/.exec(top.replace(/\s+/g, ' ')) ?? [];
    expect([from, to]).toEqual([day(first), day(last)]);
  });
});

describe('geodata/README.md', () => {
  const rows = [...readme.matchAll(/^\| `([\w.-]+\.(?:geojson|json))` \| ([\d,]+) \| ([\d,]+) \|/gm)];

  it('lists every shipped file with its real raw and gzipped size', () => {
    expect(rows.map((r) => r[1]).sort()).toEqual(
      ['bands.geojson', 'basemap.geojson', 'border.geojson', 'content.fa.json', 'content.ur.json', 'districts.geojson', 'places.geojson', 'provinces.geojson', 'settlements.geojson', 'strike-map.topo.json', 'strikes.geojson', 'timeline.json'].sort(),
    );
    for (const [, file, raw, gzip] of rows) {
      const bytes = readFileSync(new URL(file, root));
      expect(number(raw), `${file} raw`).toBe(bytes.length);
      expect(number(gzip), `${file} gzip`).toBe(gzipSync(bytes, { level: 9 }).length);
    }
  });

  it('gives the shipped border its real vertex count and length', () => {
    const [, vertices, km] = /\| shipped \| ([\d,]+) \| ([\d,.]+) km/.exec(readme)!;
    const line = borderLine();
    expect(number(vertices)).toBe(line.geometry.coordinates.length);
    expect(number(km)).toBeCloseTo(length(line), 1);
  });
});
