/**
 * Robustness of <strike-map> with the reader's own data and in a hostile environment (issue 7):
 * loading by src / inline / drop, every kind of bad file, failing URLs and basemaps, no WebGL,
 * removal while loading, and many connect/disconnect cycles.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cdp, commands } from 'vitest/browser';
import { booleanPointInPolygon, destination, distance, nearestPointOnLine } from '@turf/turf';
import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { idle, mountMap, shadow, unmountAll, until } from './helpers.ts';
import type { StrikeMap } from '../../src/components/strike-map.ts';
import type { ErrorDetail } from '../../src/components/events.ts';
import { ucdpSample } from '../fixtures/events/samples.ts';
import { MAP_PART, removeUserLayer, syncUserLayer } from '../../src/map/user-layers.ts';
import type { TileRequest } from '../../src/workers/events-client.ts';
import { EVENT_TILE_LAYER } from '../../src/workers/event-codes.ts';
import { palettes } from '../../src/map/palette.ts';
import type { GeoJSONSource } from 'maplibre-gl';

/** The CSS pixels of a canvas with any colour drawn, every other one across and down. */
function painted(canvas: HTMLCanvasElement): [number, number][] {
  const { data, width, height } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
  const ratio = width / canvas.clientWidth;
  const out: [number, number][] = [];
  for (let y = 0; y < height; y += 2) for (let x = 0; x < width; x += 2) if (data[(y * width + x) * 4 + 3]) out.push([x / ratio, y / ratio]);
  return out;
}

// Literal `new URL('…', import.meta.url)` so Vite resolves each to the URL it serves the file at.
const fixtures: Record<string, string> = {
  'points.geojson': new URL('../fixtures/points.geojson', import.meta.url).href,
  'points.csv': new URL('../fixtures/points.csv', import.meta.url).href,
  'partly-broken.geojson': new URL('../fixtures/partly-broken.geojson', import.meta.url).href,
  'not-data.html': new URL('../fixtures/not-data.html', import.meta.url).href,
};
const fixture = (name: string) => fixtures[name] ?? new URL(`/tests/fixtures/${name}`, location.origin).href;

/**
 * The Vitest server answers every unknown path with its HTML page (200, text/html), never 404, so
 * a 404 comes from a stubbed fetch that answers these URLs as a server would.
 */
function answer404For(...urls: string[]) {
  const realFetch = window.fetch.bind(window);
  return vi.spyOn(window, 'fetch').mockImplementation((input, init) =>
    urls.includes(String(input)) ? Promise.resolve(new Response('Not found', { status: 404, statusText: 'Not Found', headers: { 'content-type': 'text/plain' } })) : realFetch(input, init),
  );
}
const userData = (el: StrikeMap) => el['userData'];
/** The page's-own-data controller, loaded by a drop or a <strike-map-layer>. */
const controller = (el: StrikeMap) => el['userData'].controller!;
const table = (el: StrikeMap) => shadow<HTMLElement>(el, 'strike-map-table')!.shadowRoot!;
const noticeTexts = (el: StrikeMap) => [...el.shadowRoot!.querySelectorAll('.notices [role="alert"]')].map((n) => n.textContent!.replace(/\s+/g, ' ').trim());
const clearNotices = (el: StrikeMap) => (el['notices'] = []);
/** The data MapLibre holds for a source. */
/** The zoom-4 tile (x, y) an event at this longitude lies in: Iran and Pakistan lie in row 6. */
const tileAtZoom4 = (lon: number) => [Math.floor(((lon + 180) / 360) * 16), 6] as const;
const mapCopy = (el: StrikeMap, id: string) => el.map!.getSource<GeoJSONSource>(id)!.getData() as Promise<FeatureCollection<Point>>;

/** Collects `strike-map-error` events from an element until `stop()`. */
function collectErrors(el: Element) {
  const details: ErrorDetail[] = [];
  const on = (e: Event) => details.push((e as CustomEvent<ErrorDetail>).detail);
  el.addEventListener('strike-map-error', on);
  return { details, stop: () => el.removeEventListener('strike-map-error', on) };
}

/** Drops files onto the map canvas the way a browser does, and waits until the controller has read them. */
async function dropFiles(el: StrikeMap, files: File[]): Promise<void> {
  const before = { dropped: userData(el).controller?.dropped.length ?? 0, notices: el['notices'].length };
  const dataTransfer = new DataTransfer();
  for (const file of files) dataTransfer.items.add(file);
  const event = new DragEvent('drop', { dataTransfer, bubbles: true, composed: true, cancelable: true });
  el.map!.getCanvas().dispatchEvent(event);
  expect(event.defaultPrevented, 'the map takes the drop, so the browser does not open the file').toBe(true);
  await expect.poll(() => controller(el).dropped.length - before.dropped + el['notices'].length - before.notices, { timeout: 30_000 }).toBeGreaterThan(0);
  // A file read in the worker is listed a task before it is announced and drawn; its reading ends after both.
  await expect.poll(() => controller(el).reading, { timeout: 30_000 }).toBeUndefined();
  await el.updateComplete;
}

/** Runs `action` with downloads captured instead of saved: returns each file's name and text. */
async function captureDownloads(action: () => void | Promise<void>): Promise<{ name: string; text: string }[]> {
  const blobs: Blob[] = [];
  const names: string[] = [];
  const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => (blobs.push(blob as Blob), `blob:captured-${blobs.length}`));
  const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    names.push(this.download);
  });
  try {
    await action();
    await until(() => blobs.length); // the download helpers load on first use
  } finally {
    create.mockRestore();
    click.mockRestore();
    setTimeout(() => revoke.mockRestore(), 1500); // download() revokes after 1 s
  }
  return Promise.all(blobs.map(async (blob, i) => ({ name: names[i], text: await blob.text() })));
}

/** Rows of the distance table the table shows for a dropped file. */
function droppedRows(el: StrikeMap, fileName: string): string[][] {
  const heading = [...table(el).querySelectorAll('h3')].find((h) => h.textContent!.startsWith(`${fileName}:`));
  expect(heading, `table heading for ${fileName}`).toBeDefined();
  const rows = heading!.nextElementSibling!.querySelectorAll('tbody tr');
  return [...rows].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim()));
}

function parseCsvText(text: string): string[][] {
  return text
    .trim()
    .split(/\r\n/)
    .map((line) => line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.filter((c) => c !== '').map((c) => c.replace(/,$/, '').replace(/^"|"$/g, '').replace(/""/g, '"')));
}

const expected = { Panjgur: [64.1, 26.97], Saravan: [62.33, 27.37], Mirjaveh: [61.45, 29.02] } as Record<string, [number, number]>;

/**
 * The expected distances and sides, computed apart from the map: Turf brute force over the shipped
 * border.geojson and point-in-polygon over provinces.geojson (the map uses its BorderIndex over the
 * topology, so a wrong index or a wrong decoding would show here).
 */
const shipped = {
  border: new URL('../../geodata/border.geojson', import.meta.url).href,
  provinces: new URL('../../geodata/provinces.geojson', import.meta.url).href,
};
async function truthFor(position: [number, number]): Promise<{ km: number; side: string }> {
  const [border, provinces] = await Promise.all([fetch(shipped.border).then((r) => r.json()), fetch(shipped.provinces).then((r) => r.json())]);
  const km = nearestPointOnLine(border.features[0], position, { units: 'kilometers' }).properties.pointDistance;
  const province = (provinces as FeatureCollection<Polygon | MultiPolygon, { country: string }>).features.find((f) => booleanPointInPolygon(position, f));
  return { km, side: province?.properties.country ?? '' };
}

/** Checks the table rows and the downloaded CSV of a dropped file of the three fixture points. */
async function expectMeasured(el: StrikeMap, fileName: string) {
  const rows = droppedRows(el, fileName);
  expect(rows.map((r) => r[0]).sort()).toEqual(Object.keys(expected).sort());
  for (const row of rows) {
    const [lon, lat] = expected[row[0]];
    const { km } = await truthFor([lon, lat]);
    expect(row[1]).toBe(`${lon.toFixed(4)}, ${lat.toFixed(4)}`);
    expect(row[2], row[0]).toMatch(/\d+(\.\d+)? km/);
    expect(parseFloat(row[2].replace(/,/g, ''))).toBeCloseTo(km, km < 10 ? 1 : 0);
  }
  const heading = [...table(el).querySelectorAll('h3')].find((h) => h.textContent!.startsWith(`${fileName}:`))!;
  let actions = heading.nextElementSibling!;
  while (!actions.classList.contains('actions')) actions = actions.nextElementSibling!;
  const button = [...actions.querySelectorAll('button')].find((b) => /Download distances/.test(b.textContent!))!;
  const [file] = await captureDownloads(() => button.click());
  expect(file.name).toBe(`${fileName.replace(/\.[^.]+$/, '')}-distances.csv`);
  const csv = parseCsvText(file.text);
  expect(csv[0]).toEqual(['name', 'lon', 'lat', 'distance_to_border_km', 'side']);
  expect(csv).toHaveLength(4);
  for (const [name, lon, lat, km, side] of csv.slice(1)) {
    expect([Number(lon), Number(lat)]).toEqual(expected[name]);
    const truth = await truthFor(expected[name]);
    expect(Number(km)).toBeCloseTo(truth.km, 2); // within 5 m: the map's border is the topology, quantised to ≤ 3 m
    expect(side).toBe(truth.side);
  }
}

afterEach(() => vi.restoreAllMocks());

describe('the reader’s own data', () => {
  let el: StrikeMap;
  beforeAll(async () => {
    el = await mountMap();
  });
  afterAll(unmountAll);
  afterEach(() => {
    clearNotices(el);
    el.map!.stop().fitBounds([[58.8, 24.6], [70.3, 32.2]], { padding: 16, duration: 0 }); // dropped files move the view
  });

  it('loads a <strike-map-layer src> GeoJSON file and labels it', async () => {
    const layer = Object.assign(document.createElement('strike-map-layer'), { name: 'Towns' });
    layer.setAttribute('src', fixture('points.geojson'));
    layer.setAttribute('label', 'name');
    el.append(layer);
    await expect.poll(() => !!layer.loading).toBe(true);
    await layer.loading;
    await idle(el);
    const circles = el.map!.queryRenderedFeatures({ layers: [`${layer.layerId}-circle`] });
    expect(new Set(circles.map((f) => f.properties.name))).toEqual(new Set(Object.keys(expected)));
    // (These towns' labels give way to the built-in town labels; xss.test.ts checks drawn label text.)
    expect(el.map!.getLayoutProperty(`${layer.layerId}-label`, 'text-field')).toEqual(['to-string', ['get', 'name']]);
    expect(controller(el).layerName(layer.layerId)).toBe('Towns');
    layer.remove();
    await idle(el);
    expect(el.map!.getSource(layer.layerId), 'removing the element removes its layer').toBeUndefined();
  });

  it('loads a CSV by src', async () => {
    const layer = document.createElement('strike-map-layer');
    layer.setAttribute('src', fixture('points.csv'));
    el.append(layer);
    await expect.poll(() => !!layer.loading).toBe(true);
    await layer.loading;
    await idle(el);
    const circles = el.map!.queryRenderedFeatures({ layers: [`${layer.layerId}-circle`] });
    expect(new Set(circles.map((f) => f.properties.note))).toEqual(new Set(['town, Pakistan', 'town in Iran', 'crossing "Taftan"']));
    layer.remove();
  });

  it('reads a CSV of events in no known convention by its columns attribute, and names a wrong attribute or column', async () => {
    // Two columns of dates, neither called "date": a guess would be unsure, so without `columns` these are plain points.
    const csv = ['lon,lat,Seen,reported,who,radius', '62.1,27.0,2020-03-01,2020-03-04,Group A,5', '61.5,27.3,2021-06-10,2021-06-12,Group B,12', ''].join('\n');
    await commands.writeFile('tests/fixtures/generated/columns.csv', csv);
    const src = fixture('generated/columns.csv');
    const layer = document.createElement('strike-map-layer');
    layer.setAttribute('src', src);
    el.append(layer);
    await expect.poll(() => !!layer.loading).toBe(true);
    await layer.loading;
    expect([layer.format, layer.collection?.features.length]).toEqual([undefined, 2]);

    const reloaded = (columns: string) => {
      const before = layer.loading;
      layer.setAttribute('columns', columns);
      return expect.poll(() => layer.loading !== before).toBe(true).then(() => layer.loading);
    };
    await reloaded('date: Seen; uncertainty_km: radius; actors: who');
    expect(layer.format).toBe('CSV');
    expect(layer.collection!.features.map((f) => [f.properties!.date, f.properties!.uncertainty_km, f.properties!.event_actor1])).toEqual([
      ['2020-03-01', 5, 'Group A'],
      ['2021-06-10', 12, 'Group B'],
    ]);
    expect(layer.distances).toHaveLength(2);

    await reloaded('date: seen; when: reported');
    expect([layer.format, layer.collection]).toEqual([undefined, undefined]);
    expect(layer.problems.map((p) => p.text)).toEqual(['columns.csv: columns: "when" is not one of date, date_end, uncertainty_km, type, actors, place.']);
    await reloaded('date: first_seen');
    expect(layer.problems.map((p) => p.text)).toEqual([`${src}: there is no column "first_seen" (the columns are lon, lat, Seen, reported, who, radius).`]);
    layer.remove();
  });

  it('reads a UCDP GED file over 10 MB by src in the worker: the page never downloads it, the analyst panel gets its distances', async () => {
    const rows = 30_000;
    await commands.writeFile('tests/fixtures/generated/ged-src.csv', ucdpSample(rows));
    const url = fixture('generated/ged-src.csv');
    const fetches = vi.spyOn(window, 'fetch');
    const layer = document.createElement('strike-map-layer');
    layer.setAttribute('src', url);
    el.append(layer);
    await expect.poll(() => !!layer.loading).toBe(true);
    await layer.loading;
    expect(fetches.mock.calls.filter(([input]) => String(input) === url)).toEqual([]);
    fetches.mockRestore();
    const pins = Array.from({ length: rows }, (_, i) => i % 7 < 3).filter(Boolean).length;
    expect(layer.format).toBe('UCDP GED');
    expect(layer.collection!.features).toHaveLength(pins);
    expect(layer.problems[0].text).toContain(`${(rows - pins).toLocaleString('en-GB')} feature(s) skipped`);
    for (const i of [0, 4321, pins - 1]) {
      const { km } = await truthFor((layer.collection!.features[i].geometry as Point).coordinates as [number, number]);
      expect(layer.distances![i].km).toBeCloseTo(km, 1);
    }
    await expect.poll(() => shadow(el, 'strike-map-events')?.shadowRoot?.querySelector('h2')?.textContent).toContain(`${pins.toLocaleString('en')} events (UCDP GED)`);
    // The worker that read it cuts its tiles while the layer is on the page, and ends once it leaves.
    const tiles = layer.tiles!;
    const [lon] = (layer.collection!.features[0].geometry as Point).coordinates;
    const [x, y] = tileAtZoom4(lon);
    expect(await tiles.tile(4, x, y)).toBeInstanceOf(ArrayBuffer);
    layer.remove();
    await until(() => layer.tiles === undefined);
    expect(await tiles.tile(4, x, y)).toBeNull();
    await commands.removeFile('tests/fixtures/generated/ged-src.csv');
  });

  it('refuses an ordinary CSV over 10 MB by src, saying the limit', async () => {
    const line = '62.1,27.2,' + 'x'.repeat(100) + '\n';
    await commands.writeFile('tests/fixtures/generated/big-points.csv', 'lon,lat,note\n' + line.repeat(Math.ceil((11 * 1024 * 1024) / line.length)));
    const layer = document.createElement('strike-map-layer');
    layer.setAttribute('src', fixture('generated/big-points.csv'));
    el.append(layer);
    await expect.poll(() => !!layer.loading).toBe(true);
    await layer.loading;
    expect(layer.collection).toBeUndefined();
    expect(layer.problems.map((p) => p.text)).toEqual([expect.stringMatching(/big-points\.csv: file is over the 10 MB limit/)]);
    layer.remove();
    await commands.removeFile('tests/fixtures/generated/big-points.csv');
  });

  it('reads an inline <script type="application/geo+json"> child, and re-reads it when it changes', async () => {
    const layer = document.createElement('strike-map-layer');
    layer.setAttribute('name', 'Route');
    layer.innerHTML = `<script type="application/geo+json">{"type":"LineString","coordinates":[[61.5,28.9],[62.3,27.4]]}</script>`;
    el.append(layer);
    await expect.poll(() => layer.collection?.features.length).toBe(1);
    await idle(el);
    expect(el.map!.queryRenderedFeatures({ layers: [`${layer.layerId}-line`] }).length).toBeGreaterThan(0);
    layer.querySelector('script')!.textContent = '{"type":"Polygon","coordinates":[[[62,27],[63,27],[63,28],[62,27]]]}';
    await expect.poll(() => layer.collection?.features[0].geometry.type).toBe('Polygon');
    await idle(el);
    expect(el.map!.queryRenderedFeatures({ layers: [`${layer.layerId}-fill`] }).length).toBeGreaterThan(0);
    layer.remove();
  });

  it('measures every point of a dropped GeoJSON file, in the table and in the CSV download', async () => {
    const text = await (await fetch(fixture('points.geojson'))).text();
    await dropFiles(el, [new File([text], 'towns.geojson', { type: 'application/geo+json' })]);
    const layer = controller(el).dropped.at(-1)!;
    expect(layer.name).toBe('towns.geojson');
    await idle(el);
    expect(el.map!.queryRenderedFeatures({ layers: [`${layer.layerId}-circle`] }).length).toBeGreaterThan(0);
    await expectMeasured(el, 'towns.geojson');
    controller(el).removeDropped(layer.layerId);
  });

  it('measures every point of a dropped CSV file, in the table and in the CSV download', async () => {
    const text = await (await fetch(fixture('points.csv'))).text();
    await dropFiles(el, [new File([text], 'towns.csv', { type: 'text/csv' })]);
    await expectMeasured(el, 'towns.csv');
    controller(el).removeDropped(controller(el).dropped.at(-1)!.layerId);
  });

  it('measures each point of a MultiPoint and draws a dropped .json bare geometry', async () => {
    const text = JSON.stringify({ type: 'MultiPoint', coordinates: [[64.1, 26.97], [62.33, 27.37]] });
    await dropFiles(el, [new File([text], 'pair.json')]);
    const layer = controller(el).dropped.at(-1)!;
    expect(layer.points.map((p) => p.name)).toEqual(['point 1 (1)', 'point 1 (2)']);
    expect(droppedRows(el, 'pair.json')).toHaveLength(2);
    controller(el).removeDropped(layer.layerId);
    await el.updateComplete;
    expect([...table(el).querySelectorAll('h3')].map((h) => h.textContent!).filter((t) => t.startsWith('pair.json')), 'its table section is gone').toEqual([]);
  });

  const valid = { type: 'Feature', properties: { name: 'ok' }, geometry: { type: 'Point', coordinates: [63, 27] } };
  const geometry = (g: unknown) => ({ type: 'Feature', properties: {}, geometry: g });
  const collection = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });

  /** Files that cannot be shown at all: a message naming the file and the problem, and no layer. */
  it.each([
    ['not JSON', 'broken.geojson', '{"type": "FeatureCollection", "features": [', /broken\.geojson: this is not valid JSON/],
    ['JSON but not GeoJSON', 'people.json', '{"people": [1, 2]}', /people\.json: this is JSON but not GeoJSON/],
    ['not a GeoJSON type', 'topo.json', '{"type": "Topology", "objects": {}}', /topo\.json: "Topology" is not a GeoJSON type/],
    ['an empty collection', 'empty.geojson', collection(), /empty\.geojson: the collection is empty/],
    ['only unsupported geometry', 'gc.geojson', collection(geometry({ type: 'GeometryCollection', geometries: [] })), /gc\.geojson.*feature 0: unsupported geometry type "GeometryCollection"/],
    ['a CSV without lon/lat columns', 'places.csv', 'name,east,north\nA,63,27\n', /places\.csv: no longitude\/latitude columns found.*found: name, east, north/],
    ['a CSV whose coordinates are all text', 'words.csv', 'name,lon,lat\nA,east,north\n', /words\.csv.*row 2: coordinates must be numbers/],
  ])('refuses %s with a message naming the file', async (_, name, text, message) => {
    const errors = collectErrors(el);
    const layers = controller(el).dropped.length;
    await dropFiles(el, [new File([text], name)]);
    errors.stop();
    expect(errors.details).toHaveLength(1);
    expect(errors.details[0].message).toMatch(message);
    expect(errors.details[0].source).toBe(name);
    expect(noticeTexts(el).some((n) => message.test(n)), noticeTexts(el).join('\n')).toBe(true);
    expect(controller(el).dropped).toHaveLength(layers);
  });

  /** Feature 1 of 2 is broken: feature 0 is still drawn, and the message counts and explains the skip. */
  it.each([
    ['unsupported geometry', geometry({ type: 'Circle', coordinates: [63, 27], radius: 5 }), /feature 1: unsupported geometry type "Circle"/],
    ['longitude out of range', geometry({ type: 'Point', coordinates: [200, 27] }), /feature 1: longitude 200 is outside -180…180/],
    ['latitude out of range', geometry({ type: 'LineString', coordinates: [[63, 27], [63, -91]] }), /feature 1: latitude -91 is outside -90…90/],
    ['NaN coordinates', geometry({ type: 'Point', coordinates: ['NaN', 27] }), /feature 1: coordinates must be numbers/],
    ['null coordinates', geometry({ type: 'Point', coordinates: [null, null] }), /feature 1: coordinates must be numbers/],
    ['an unclosed ring', geometry({ type: 'Polygon', coordinates: [[[62, 27], [63, 27], [63, 28], [62, 28]]] }), /feature 1: a polygon ring is not closed/],
    ['a ring too short', geometry({ type: 'Polygon', coordinates: [[[62, 27], [63, 27], [62, 27]]] }), /feature 1: a polygon ring needs at least 4 positions/],
    ['no geometry', geometry(null), /feature 1: it has no geometry/],
  ])('draws the valid features of a file with %s, and counts what it skipped', async (_, bad, message) => {
    const errors = collectErrors(el);
    await dropFiles(el, [new File([collection(valid, bad)], 'mixed.geojson')]);
    errors.stop();
    const layer = controller(el).dropped.at(-1)!;
    expect(layer.name).toBe('mixed.geojson');
    expect(layer.collection.features).toHaveLength(1);
    expect(errors.details).toHaveLength(1);
    expect(errors.details[0].message).toMatch(/^mixed\.geojson: 1 feature\(s\) skipped/);
    expect(errors.details[0].message).toMatch(message);
    expect(noticeTexts(el).some((n) => n.includes('mixed.geojson') && message.test(n))).toBe(true);
    await idle(el);
    expect(el.map!.queryRenderedFeatures({ layers: [`${layer.layerId}-circle`] }).length).toBeGreaterThan(0);
    controller(el).removeDropped(layer.layerId);
  });

  it('keeps half the map in view however many notices pile up: their list scrolls', async () => {
    clearNotices(el);
    for (let i = 1; i <= 20; i++) el['reportError'](`Notice ${i} of twenty, long enough to take a line of its own over the map.`);
    await el.updateComplete;
    const list = el.shadowRoot!.querySelector<HTMLElement>('.notices')!;
    const area = el.shadowRoot!.querySelector<HTMLElement>('.map-area')!;
    expect(list.offsetHeight).toBeLessThanOrEqual(area.offsetHeight / 2 + 1);
    expect(list.scrollHeight).toBeGreaterThan(list.clientHeight);
    const last = [...list.querySelectorAll<HTMLElement>('.notice')].at(-1)!;
    last.scrollIntoView();
    last.querySelector('button')!.click();
    await el.updateComplete;
    expect(noticeTexts(el)).toHaveLength(19);
    expect(noticeTexts(el).at(-1)).toMatch(/^Notice 19 of twenty/);
    clearNotices(el);
  });

  it('opens a card below the notices, however tall they are (in Urdu too), and keeps it within the map', async () => {
    clearNotices(el);
    el.lang = 'ur';
    for (let i = 1; i <= 3; i++) el['reportError'](`فائل ${i}: کچھ قطاریں چھوڑ دی گئیں۔`, undefined, ['قطار 2', 'قطار 3']);
    el.select(el['strikes'][0].properties.id, { fly: false });
    await el.updateComplete;
    const card = await until(() => shadow<HTMLElement>(el, 'strike-card'));
    const [list, area] = [el.shadowRoot!.querySelector<HTMLElement>('.notices')!, el.shadowRoot!.querySelector<HTMLElement>('.map-area')!];
    const fits = () => {
      const [c, n, a] = [card.getBoundingClientRect(), list.getBoundingClientRect(), area.getBoundingClientRect()];
      return c.top >= n.bottom && c.bottom <= a.bottom && c.height > 100;
    };
    expect(list.offsetHeight).toBeGreaterThan(56); // three Urdu notices reach past where a card used to open
    await expect.poll(fits).toBe(true);
    list.querySelector('summary')!.click(); // a notice unfolded: taller still
    await expect.poll(fits).toBe(true);
    el.select(null);
    el.lang = 'en';
    clearNotices(el);
    await el.updateComplete;
  });

  it('reads a UCDP GED file as events: says so, pins what is located to a district or better, names the rows located only more widely', async () => {
    const text = await (await fetch(new URL('../fixtures/events/ucdp-ged-sample.csv', import.meta.url).href)).text();
    const errors = collectErrors(el);
    await dropFiles(el, [new File([text], 'ged.csv')]);
    errors.stop();
    const layer = controller(el).dropped.at(-1)!;
    // 35 rows with where_prec cycling 1–7: 15 pins, 20 located to a province or wider.
    expect(layer.collection.features).toHaveLength(15);
    expect(layer.collection.features.every((f) => [1, 25, 60].includes(f.properties!.uncertainty_km))).toBe(true);
    expect(el.shadowRoot!.querySelector('[aria-live="polite"]')!.textContent).toMatch(/^ged\.csv: read as a UCDP GED event file.*15 feature\(s\) added/);
    expect(errors.details.map((d) => d.message)).toEqual([expect.stringMatching(/^ged\.csv: 20 feature\(s\) skipped\. ged\.csv, 5 rows \(5, 12, 19, 26, 33\): located only to a province.* ged\.csv, 5 rows \(6, 13, 20, 27, 34\): located only to part of a country/)]);
    // Over the map, the notice gives the count; which rows, and why, stay folded until asked for.
    await el.updateComplete;
    const notice = [...el.shadowRoot!.querySelectorAll<HTMLElement>('.notice')].find((n) => n.textContent!.includes('ged.csv: 20 feature(s) skipped.'))!;
    const details = notice.querySelector('details')!;
    expect(details.open).toBe(false);
    expect(details.querySelector('summary')!.textContent).toBe('Which, and why');
    const folded = notice.offsetHeight;
    details.querySelector('summary')!.click();
    expect(notice.offsetHeight).toBeGreaterThan(folded);
    expect([...details.querySelectorAll('li')].map((li) => li.textContent)).toEqual([expect.stringMatching(/^ged\.csv, 5 rows \(5, 12, 19, 26, 33\): located only to a province/), expect.stringMatching(/^ged\.csv, 5 rows \(6, 13, 20, 27, 34\): located only to part of a country/), expect.any(String), expect.stringMatching(/^ged\.csv, 5 rows \(8, 15, 22, 29, 36\): located in international waters/)]);
    await idle(el);
    expect(el.map!.queryRenderedFeatures({ layers: [`${layer.layerId}-circle`] }).length).toBeGreaterThan(0);
    // Each pin has its area of uncertainty beneath it: a disc of its radius round it (Turf, measured here).
    const areas = layer.areas as FeatureCollection<Polygon>;
    expect(areas.features).toHaveLength(15);
    areas.features.forEach((disc, i) => {
      const pin = layer.collection.features[i].geometry as Point;
      for (const vertex of disc.geometry.coordinates[0]) expect(Math.abs(distance(pin.coordinates, vertex) - layer.collection.features[i].properties!.uncertainty_km)).toBeLessThan(0.01);
    });
    expect(el.map!.queryRenderedFeatures({ layers: [`${layer.layerId}-area-fill`] }).length).toBeGreaterThan(0);
    controller(el).removeDropped(layer.layerId);
    expect(el.map!.getSource(`${layer.layerId}-areas`)).toBeUndefined();
  });

  it('reads a UCDP GED file over 10 MB in a worker, with its progress shown, never as one string on the page', async () => {
    const rows = 30_000;
    const big = new File([ucdpSample(rows)], 'ged-large.csv');
    expect(big.size).toBeGreaterThan(10 * 1024 * 1024);
    const whole = [vi.spyOn(big, 'text'), vi.spyOn(big, 'arrayBuffer')];
    const errors = collectErrors(el);
    // The tiles the map asks the event worker for.
    const posted = vi.spyOn(Worker.prototype, 'postMessage');
    el.map!.jumpTo({ center: [62.7, 27.5], zoom: 3.5 }); // far out: a flight to the file would pass several zooms
    const adding = userData(el).addFiles([big]);
    // (Run first, the file waits for the code that reads it: then it is first said to be opening.)
    await expect.poll(() => el.shadowRoot!.querySelector('.reading:not(.opening) progress')).toBeTruthy();
    expect(el.shadowRoot!.querySelector('.reading:not(.opening)')!.textContent).toMatch(/^\s*ged-large\.csv: [\d.]+ of 1\d\.\d MB read/);
    await adding;
    await idle(el);
    const tileZooms = new Set(posted.mock.calls.flatMap(([message]) => (typeof message === 'object' && 'tile' in message ? [(message as TileRequest).z] : [])));
    posted.mockRestore();
    errors.stop();
    // It jumps into view, rather than flying there: the worker cuts tiles of the view it is seen in only.
    expect([...tileZooms]).toEqual([Math.floor(el.map!.getZoom())]);
    for (const read of whole) expect(read).not.toHaveBeenCalled();
    expect(el.shadowRoot!.querySelector('.reading')).toBeNull();
    // Rows with where_prec 1–3 (i % 7 < 3) are pins; the others are reported once per level.
    const pins = Array.from({ length: rows }, (_, i) => i % 7 < 3).filter(Boolean).length;
    const layer = controller(el).dropped.at(-1)!;
    expect(layer.collection.features).toHaveLength(pins);
    // Dense: no polygons of areas; each event carries its circle's size, drawn from zoom 8.
    expect(layer.areas).toBeUndefined();
    const [lon, lat] = (layer.collection.features[0].geometry as Point).coordinates;
    const km = layer.collection.features[0].properties!.uncertainty_km;
    el.map!.jumpTo({ center: [lon, lat], zoom: 9 });
    await idle(el);
    // The circle's radius on screen against the pixels between the point and one km·r north of it (Turf, projected by MapLibre).
    const north = el.map!.project(destination([lon, lat], km, 0).geometry.coordinates as [number, number]);
    const centre = el.map!.project([lon, lat]);
    expect(el.map!.getPaintProperty(`${layer.layerId}-area-circle`, 'circle-radius')).toEqual(['interpolate', ['exponential', 2], ['zoom'], 0, ['get', 'area_px0'], 24, ['*', ['get', 'area_px0'], 2 ** 24]]);
    const radiusPx = layer.collection.features[0].properties!.area_px0 * 2 ** 9; // that expression at zoom 9
    expect(radiusPx / Math.hypot(north.x - centre.x, north.y - centre.y)).toBeCloseTo(1, 2);
    expect(el.map!.queryRenderedFeatures({ layers: [`${layer.layerId}-area-circle`] }).length).toBeGreaterThan(0);
    // The map holds a slim copy (what its filters read); a click opens the event's whole card.
    const [pin] = el.map!.queryRenderedFeatures({ layers: [`${layer.layerId}-circle`] });
    expect(pin.properties).not.toHaveProperty('source_article');
    const full = layer.collection.features[pin.id as number];
    expect(pin.properties.date).toBe(full.properties!.date);
    expect(controller(el).openAt(el.map!.project((pin.geometry as Point).coordinates as [number, number]))).toBe(true);
    expect(controller(el).feature!.properties.source_article).toBe(full.properties!.source_article);
    controller(el).close(false);
    // The map draws it from tiles cut in the worker: with the whole region in view, they hold every event.
    expect(el.map!.getSource(layer.layerId)?.type).toBe('vector');
    el.map!.jumpTo({ center: [lon, lat], zoom: 4 });
    await idle(el);
    const drawn = new Set(el.map!.querySourceFeatures(layer.layerId, { sourceLayer: EVENT_TILE_LAYER }).map((f) => f.id));
    expect(drawn.size).toBe(pins);
    expect(Math.max(...(drawn as Set<number>))).toBe(pins - 1);
    const lastAt = (layer.collection.features[pins - 1].geometry as Point).coordinates as [number, number];
    el.map!.jumpTo({ center: lastAt, zoom: 9 });
    await idle(el);
    expect(el.map!.queryRenderedFeatures(el.map!.project(lastAt), { layers: [`${layer.layerId}-circle`] }).map((f) => f.id)).toContain(pins - 1);
    expect(errors.details.map((d) => d.message)).toEqual([expect.stringMatching(new RegExp(`^ged-large\\.csv: ${(rows - pins).toLocaleString('en')} feature\\(s\\) skipped\\.`))]);
    // Measured in the worker: a sample of the distances against Turf over the shipped border.
    for (const i of [0, 1234, pins - 1]) {
      const { km } = await truthFor((layer.collection.features[i].geometry as Point).coordinates as [number, number]);
      expect(layer.points[i].km).toBeCloseTo(km, 1);
    }
    // The analyst panel reads its facts a slice a task: all of them, each once, in order, then shows them.
    const analysis = controller(el).analysis;
    const facts = await until(() => analysis.dataset?.facts);
    expect(facts.map((fact) => fact.index)).toEqual(layer.collection.features.map((_, i) => i));
    expect(facts.map((fact) => fact.km)).toEqual(layer.points.map((point) => point.km));
    await expect.poll(() => el.shadowRoot!.querySelector('strike-map-events')).toBeTruthy();
    // Dense: a density carries the low zooms, drawn over the map. Each step of the analyst panel's
    // period shows in it at once; the pins and areas take the period once it has rested.
    await el.updateComplete;
    el.map!.jumpTo({ center: [lon, lat], zoom: 5 });
    await idle(el);
    const density = el.map!.getCanvasContainer().querySelector<HTMLCanvasElement>('canvas.strike-map-density')!;
    expect(density.getAttribute('aria-hidden')).toBe('true');
    expect(painted(density).length, 'the whole dataset is drawn').toBeGreaterThan(1000);
    // The map's PNG carries the density too: without its canvas, the same PNG differs where it lies.
    const { mapPng } = await import('../../src/components/downloads.ts');
    const pngPixels = async () => {
      const image = await createImageBitmap(await mapPng(el.map!, 'caption', 'attribution', false));
      const context = new OffscreenCanvas(image.width, image.height).getContext('2d')!;
      context.drawImage(image, 0, 0);
      return context.getImageData(0, 0, image.width, image.height).data;
    };
    const withDensity = await pngPixels();
    const container = density.parentElement!;
    density.remove();
    const without = await pngPixels();
    container.append(density);
    expect(withDensity.some((v, k) => v !== without[k])).toBe(true);
    const week = (first: string) => {
      const from = Date.parse(first) / 86_400_000;
      return { from, to: from + 6, iso: [first, new Date((from + 6) * 86_400_000).toISOString().slice(0, 10)] };
    };
    const before = el.map!.getFilter(`${layer.layerId}-circle`);
    for (const k of [0, 1, 2]) {
      const { from, to, iso } = week(layer.collection.features[k * 500].properties!.date);
      analysis.select({ ...analysis.selection!, from, to });
      // The events of that week, by their own dates, where MapLibre puts them on screen.
      const chosen = layer.collection.features.filter((f) => f.properties!.date <= iso[1] && f.properties!.date_end >= iso[0]).map((f) => el.map!.project((f.geometry as Point).coordinates as [number, number]));
      expect(chosen.length).toBeGreaterThan(0);
      const pixels = painted(density);
      // At zoom 5 an event's density reaches 14 px (MapLibre's heatmap-radius here), and the grid's cells are 4 px.
      expect(pixels.filter(([x, y]) => !chosen.some((c) => Math.hypot(c.x - x, c.y - y) <= 14 + 8)), 'nothing drawn away from the week\'s events').toEqual([]);
      const inView = chosen.filter((c) => c.x > 20 && c.y > 20 && c.x < density.clientWidth - 20 && c.y < density.clientHeight - 20);
      expect(inView.filter((c) => !pixels.some(([x, y]) => Math.hypot(c.x - x, c.y - y) <= 4)), "each of the week's events drawn").toEqual([]);
      expect(el.map!.getFilter(`${layer.layerId}-circle`), 'the pins wait for the brush to rest').toEqual(before);
    }
    // At rest, the pins, their areas and the density show the same, the last, week.
    const last = week(layer.collection.features[1000].properties!.date).iso[0];
    await expect.poll(() => JSON.stringify(el.map!.getFilter(`${layer.layerId}-circle`))).toContain(last);
    expect(JSON.stringify(el.map!.getFilter(`${layer.layerId}-area-circle`))).toContain(last);
    // Zoomed in, the pins alone: the density has faded out by zoom 9.
    el.map!.jumpTo({ center: [lon, lat], zoom: 9 });
    await idle(el);
    expect(painted(density)).toEqual([]);
    // Removing the file ends the worker that cut its tiles.
    const [x, y] = tileAtZoom4(lon);
    expect(await layer.tiles!.tile(4, x, y)).toBeInstanceOf(ArrayBuffer);
    controller(el).removeDropped(layer.layerId);
    expect(el.map!.getLayer(`${layer.layerId}-circle`)).toBeUndefined();
    expect(density.isConnected).toBe(false);
    expect(await layer.tiles!.tile(4, x, y)).toBeNull();
  });

  it("keeps a dense dropped file's tile worker while its map is moved, ends it once the map leaves the page, and draws the file from GeoJSON if it comes back", async () => {
    // At the top of the page: a map starts only once it is on screen.
    const other = document.createElement('strike-map');
    other.style.cssText = 'display:block;width:900px;--strike-map-height:400px';
    const atTop = async () => {
      document.body.prepend(other);
      other.scrollIntoView();
      await other.ready;
    };
    await atTop();
    try {
      await userData(other).addFiles([new File([ucdpSample(7_000)], 'ged-dense.csv')]);
      const layer = controller(other).dropped[0];
      const tiles = layer.tiles!;
      const pins = layer.collection.features.length;
      const [lon] = (layer.collection.features[0].geometry as Point).coordinates;
      const [x, y] = tileAtZoom4(lon);
      expect(await tiles.tile(4, x, y)).toBeInstanceOf(ArrayBuffer);
      // Moved: out of the page and back in one go.
      await atTop();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(controller(other).dropped[0].tiles).toBe(tiles);
      await until(() => other.map!.getSource(layer.layerId)?.type === 'vector');
      // Removed: the worker ends.
      other.remove();
      await until(() => controller(other).dropped[0].tiles === undefined);
      expect(await tiles.tile(4, x, y)).toBeNull();
      // Back: the file is on the map again, every event of it, from a GeoJSON copy.
      await atTop();
      await until(() => other.map!.getSource(layer.layerId));
      expect(other.map!.getSource(layer.layerId)!.type).toBe('geojson');
      await expect.poll(async () => (await mapCopy(other, layer.layerId)).features.length, { timeout: 30_000 }).toBe(pins);
    } finally {
      other.remove();
    }
  });

  it('new data for a dense layer whose copy is still going to the map in parts replaces it wholly', async () => {
    const events = (count: number, lon: number): FeatureCollection => ({
      type: 'FeatureCollection',
      features: Array.from({ length: count }, (_, i) => ({ type: 'Feature', properties: { area_px0: 0.01, date: '2020-01-01', date_end: '2020-01-01', uncertainty_km: 1 }, geometry: { type: 'Point', coordinates: [lon + i * 1e-5, 27] } })),
    });
    const layer = (collection: FeatureCollection) => ({ layerId: 'user-parts', collection, color: '#c2255c' });
    const shown = () => ({ visible: true, filter: null });
    const first = syncUserLayer(el.map!, layer(events(3 * MAP_PART, 62)), palettes.light, shown);
    const second = syncUserLayer(el.map!, layer(events(MAP_PART + 10, 63)), palettes.light, shown);
    await Promise.all([first, second]);
    const copy = await mapCopy(el, 'user-parts');
    expect(copy.features).toHaveLength(MAP_PART + 10);
    expect(copy.features.filter((f) => f.geometry.coordinates[0] < 63)).toEqual([]);
    expect(el.map!.getLayer('user-parts-circle')?.source).toBe('user-parts');
    removeUserLayer(el.map!, 'user-parts');
  });

  it('cancelling a file being read in the background adds nothing and reports nothing', async () => {
    const errors = collectErrors(el);
    const before = controller(el).dropped.length;
    const adding = userData(el).addFiles([new File([ucdpSample(20_000)], 'ged-cancel.csv')]);
    const cancel = await until(() => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.reading button')].find((b) => b.textContent === 'Cancel'));
    cancel.click();
    await adding;
    errors.stop();
    expect(controller(el).dropped.length).toBe(before);
    expect(errors.details).toEqual([]);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.reading')).toBeNull();
  });

  it('reports a CSV row with NaN coordinates by its row number and keeps the others', async () => {
    const errors = collectErrors(el);
    await dropFiles(el, [new File(['name,lon,lat\nA,63,27\nB,NaN,27\nC,62,200\n'], 'rows.csv')]);
    errors.stop();
    expect(errors.details[0].message).toMatch(/rows\.csv: 2 feature\(s\) skipped.*row 3: coordinates must be numbers.*row 4: latitude 200 is outside/);
    expect(droppedRows(el, 'rows.csv').map((r) => r[0])).toEqual(['A']);
    controller(el).removeDropped(controller(el).dropped.at(-1)!.layerId);
  });

  it('a <strike-map-layer> switched from an event file to plain points loses the events’ areas of uncertainty', async () => {
    const layer = document.createElement('strike-map-layer') as HTMLElement & { layerId: string; collection?: FeatureCollection };
    layer.setAttribute('src', new URL('../fixtures/events/ucdp-ged-sample.csv', import.meta.url).href);
    el.append(layer);
    await expect.poll(() => layer.collection?.features.length).toBe(15);
    await expect.poll(() => Boolean(el.map!.getLayer(`${layer.layerId}-area-fill`))).toBe(true);
    layer.setAttribute('src', fixture('points.csv'));
    await expect.poll(() => layer.collection?.features.length).not.toBe(15);
    await expect.poll(() => [Boolean(el.map!.getLayer(`${layer.layerId}-area-fill`)), Boolean(el.map!.getSource(`${layer.layerId}-areas`))]).toEqual([false, false]);
    expect(el.map!.getLayer(`${layer.layerId}-circle`)).toBeTruthy();
    layer.remove();
  });

  it('loads a partly broken src file, showing its valid features and a count of the skipped ones', async () => {
    const errors = collectErrors(el);
    const layer = document.createElement('strike-map-layer');
    layer.setAttribute('name', 'Mixed bag');
    layer.setAttribute('src', fixture('partly-broken.geojson'));
    el.append(layer);
    await expect.poll(() => layer.collection?.features.length).toBe(2);
    await el.updateComplete;
    errors.stop();
    const notices = noticeTexts(el).join('\n');
    expect(notices).toContain('Mixed bag: 2 feature(s) skipped');
    expect(notices).toMatch(/partly-broken\.geojson, feature 1: latitude 127 is outside/);
    expect(notices).toMatch(/partly-broken\.geojson, feature 3: unsupported geometry type "Circle"/);
    // One notice: the count, with which features and why folded beneath it.
    expect(errors.details.map((d) => d.message)).toEqual([expect.stringMatching(/^Mixed bag: 2 feature\(s\) skipped, the others are shown\. .*feature 1: latitude 127.*feature 3: unsupported geometry/)]);
    const notice = [...el.shadowRoot!.querySelectorAll('.notice')].find((n) => n.textContent!.includes('Mixed bag'))!;
    expect(notice.querySelector('details')!.open).toBe(false);
    expect(notice.querySelectorAll('details li')).toHaveLength(2);
    await idle(el);
    expect(el.map!.queryRenderedFeatures({ layers: [`${layer.layerId}-circle`] }).length).toBeGreaterThan(0);
    expect(el.map!.queryRenderedFeatures({ layers: [`${layer.layerId}-line`] }).length).toBeGreaterThan(0);
    layer.remove();
  });

  it('names the layer and the feature index of an inline layer’s problem', async () => {
    const errors = collectErrors(el);
    const layer = document.createElement('strike-map-layer');
    layer.setAttribute('name', 'Sketch');
    layer.innerHTML = `<script type="application/geo+json">${collection(valid, valid, geometry({ type: 'Point', coordinates: [63, 95] }))}</script>`;
    el.append(layer);
    await expect.poll(() => errors.details.length).toBe(1);
    errors.stop();
    expect(errors.details[0].message).toMatch(/^Sketch: 1 feature\(s\) skipped, the others are shown\. Sketch \(inline\), feature 2: latitude 95 is outside/);
    layer.remove();
  });

  it('refuses a file over 10 MB (in bytes) without reading it, and inline text over 10 MB before parsing it', async () => {
    const errors = collectErrors(el);
    const big = new File([new Uint8Array(10 * 1024 * 1024 + 1).fill(32)], 'huge.geojson');
    // Every way a File can be read: none may run.
    const reads = [
      vi.spyOn(big, 'text'),
      vi.spyOn(big, 'arrayBuffer'),
      vi.spyOn(big, 'stream'),
      vi.spyOn(big, 'slice'),
      vi.spyOn(FileReader.prototype, 'readAsText'),
      vi.spyOn(FileReader.prototype, 'readAsArrayBuffer'),
      vi.spyOn(FileReader.prototype, 'readAsDataURL'),
    ];
    await userData(el).addFiles([big]);
    errors.stop();
    for (const read of reads) expect(read).not.toHaveBeenCalled();
    // The refusal says how a large dataset can be loaded instead.
    expect(errors.details.map((d) => d.message)).toEqual([
      'huge.geojson: the file is 10.0 MB; the limit is 10 MB. An event dataset (a UCDP GED or ACLED CSV) up to 250 MB can be dropped on the map or chosen with “Choose files…”: it is read in the background.',
    ]);
    await el.updateComplete;
    expect(noticeTexts(el).some((n) => n.includes('huge.geojson') && n.includes('limit is 10 MB'))).toBe(true);
    // Inline text is checked too, in UTF-8 bytes, before JSON.parse: 5.3 million "é" (2 bytes each)
    // are 10.6 million bytes (10.1 MB) in only 5.3 million characters.
    const text = 'é'.repeat(5_300_000);
    const parse = vi.spyOn(JSON, 'parse');
    const layer = document.createElement('strike-map-layer');
    layer.setAttribute('name', 'Huge inline');
    layer.innerHTML = `<script type="application/geo+json">${text}</script>`;
    el.append(layer);
    await expect.poll(() => layer.problems.map((p) => p.text).join(' ')).toMatch(/Huge inline \(inline\): the file is 10\.1 MB; the limit is 10 MB/);
    expect(parse.mock.calls.filter(([arg]) => typeof arg === 'string' && arg.length >= text.length), 'the text never reached JSON.parse').toEqual([]);
    layer.remove();
  });

  it('reports a failing src (404, network error, HTML page, timeout) and keeps the rest of the map working', async () => {
    const slowUrl = fixture('slow.geojson');
    const missingUrl = fixture('no-such-file.geojson');
    const realFetch = window.fetch.bind(window);
    vi.spyOn(window, 'fetch').mockImplementation((input, init) =>
      String(input) === slowUrl // a server that never answers (and a fetch that ignores its signal)
        ? new Promise<Response>(() => {})
        : String(input) === missingUrl
          ? Promise.resolve(new Response('Not found', { status: 404, statusText: 'Not Found', headers: { 'content-type': 'text/plain' } }))
          : realFetch(input, init),
    );
    const errors = collectErrors(el);
    const cases = [
      { name: 'Missing', src: missingUrl, message: /Missing: .*no-such-file\.geojson: the server answered 404 Not Found/ },
      { name: 'Unknown path', src: fixture('nowhere/else.csv'), message: /Unknown path: .*else\.csv: expected JSON or CSV but the server sent "text\/html"/ },
      { name: 'Offline', src: 'http://127.0.0.1:9/x.geojson', message: /Offline: http:\/\/127\.0\.0\.1:9\/x\.geojson: network error/ },
      { name: 'Web page', src: fixture('not-data.html'), message: /Web page: .*not-data\.html: expected JSON or CSV but the server sent "text\/html"/ },
      { name: 'Slow', src: slowUrl, timeout: '300', message: /Slow: .*slow\.geojson: no answer within 0\.3 s/ },
    ];
    const layers = cases.map(({ name, src, timeout }) => {
      const layer = document.createElement('strike-map-layer');
      layer.setAttribute('name', name);
      layer.setAttribute('src', src);
      if (timeout) layer.setAttribute('timeout', timeout);
      return layer;
    });
    el.append(...layers);
    // The timeout attribute reaches fetchText (the message quotes it: 0.3 s); that fetchText aborts
    // at exactly timeoutMs is proven with fake timers in tests/unit/fetch-json.test.ts. This wait is
    // only an upper bound, kept below the 20 s default so the default timeout cannot satisfy it.
    await expect.poll(() => errors.details.length, { timeout: 15_000 }).toBe(cases.length);
    errors.stop();
    await el.updateComplete;
    for (const { message, src } of cases) {
      const detail = errors.details.find((d) => message.test(d.message));
      expect(detail, `${message}`).toBeDefined();
      expect(detail!.source).toBe(src);
      expect(noticeTexts(el).some((n) => message.test(n)), `notice ${message}`).toBe(true);
    }
    for (const layer of layers) {
      expect(layer.collection).toBeUndefined();
      expect(el.map!.getSource(layer.layerId)).toBeUndefined();
    }
    // The built-in layers are still drawn and a strike can still be selected.
    await idle(el);
    expect(el.map!.queryRenderedFeatures({ layers: ['border-line'] }).length).toBeGreaterThan(0);
    expect(el.map!.queryRenderedFeatures({ layers: ['strikes-symbol'] }).length).toBeGreaterThan(0);
    const id = el.strikes.find((f) => f.properties.category === 'cross-border')!.properties.id;
    el.select(id, { fly: false });
    await el.updateComplete;
    expect(shadow<HTMLElement>(el, 'strike-card')!.shadowRoot!.textContent).toContain(el.strikes.find((f) => f.properties.id === id)!.properties.place);
    el.select(null);
    layers.forEach((l) => l.remove());
  });
});

describe('environment failures', () => {
  afterEach(unmountAll);

  it('falls back to the offline basemap, with a notice, when an online basemap fails', async () => {
    const url = fixture('no-such-style.json');
    answer404For(url);
    const errors: ErrorDetail[] = [];
    document.addEventListener('strike-map-error', (e) => errors.push((e as CustomEvent<ErrorDetail>).detail));
    const el = await mountMap({ basemap: url });
    expect(errors).toHaveLength(1);
    expect(errors[0].source).toBe(url);
    expect(errors[0].message).toMatch(/basemap could not be loaded, so the offline basemap is shown instead.*404/);
    expect(noticeTexts(el).join(' ')).toContain('the offline basemap is shown instead');
    expect(el.map!.queryRenderedFeatures({ layers: ['basemap-countries'] }).length).toBeGreaterThan(0);
    expect(el.map!.queryRenderedFeatures({ layers: ['border-line'] }).length).toBeGreaterThan(0);
  });

  it('without WebGL shows a message and the accessible table instead of an empty box', async () => {
    const getContext = HTMLCanvasElement.prototype.getContext;
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
      return /webgl/i.test(type) ? null : (getContext as (...a: unknown[]) => RenderingContext | null).call(this, type, ...rest);
    } as typeof getContext);
    const errors: ErrorDetail[] = [];
    const el = document.createElement('strike-map');
    el.addEventListener('strike-map-error', (e) => errors.push((e as CustomEvent<ErrorDetail>).detail));
    el.style.cssText = 'display:block;width:900px;--strike-map-height:600px';
    document.body.append(el);
    await expect(el.ready).rejects.toThrow(/^strike-map could not start: .*WebGL/);
    await el.updateComplete;
    expect(el.map).toBeUndefined();
    expect(errors).toHaveLength(1);
    const fallback = shadow<HTMLElement>(el, '.fallback[role="alert"]')!;
    expect(fallback).not.toBeNull();
    expect(fallback.checkVisibility()).toBe(true);
    expect(fallback.textContent).toContain('The interactive map could not start.');
    expect(fallback.textContent).toContain('The strike sites are listed in the table below.');
    const list = shadow<HTMLElement>(el, 'strike-map-table')!;
    await (list as unknown as { updateComplete: Promise<void> }).updateComplete;
    expect(list.checkVisibility()).toBe(true);
    const rows = [...list.shadowRoot!.querySelectorAll('tbody tr[data-id]')];
    expect(rows.length).toBe(el.visibleStrikes.length);
    expect(rows.length).toBeGreaterThan(0);
    for (const f of el.visibleStrikes) expect(list.shadowRoot!.textContent).toContain(f.properties.place);
  });
});

describe('lifecycle', () => {
  /** Records every WebGL context a map canvas asks for, so a test can check they were all given back. */
  function trackContexts() {
    const contexts: WebGLRenderingContext[] = [];
    const getContext = HTMLCanvasElement.prototype.getContext;
    const spy = vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function (this: HTMLCanvasElement, ...args: unknown[]) {
      const context = (getContext as (...a: unknown[]) => RenderingContext | null).apply(this, args);
      if (context && /webgl/.test(String(args[0])) && this.classList.contains('maplibregl-canvas') && !contexts.includes(context as WebGLRenderingContext)) {
        contexts.push(context as WebGLRenderingContext);
      }
      return context;
    } as typeof getContext);
    return { contexts, live: () => contexts.filter((gl) => !gl.isContextLost()).length, restore: () => spy.mockRestore() };
  }

  /** Fails the test on any console error, uncaught error or unhandled rejection while it runs. */
  function watchFailures() {
    const failures: string[] = [];
    const onError = (e: ErrorEvent) => failures.push(`error: ${e.message}`);
    const onRejection = (e: PromiseRejectionEvent) => failures.push(`unhandled rejection: ${e.reason}`);
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
    const consoleError = vi.spyOn(console, 'error');
    return {
      check() {
        window.removeEventListener('error', onError);
        window.removeEventListener('unhandledrejection', onRejection);
        expect([...failures, ...consoleError.mock.calls.map((c) => `console.error: ${c.join(' ')}`)]).toEqual([]);
      },
    };
  }

  const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const create = () => {
    const el = document.createElement('strike-map');
    el.style.cssText = 'display:block;width:600px;--strike-map-height:400px';
    return el;
  };

  afterEach(unmountAll);

  it('removed while still loading leaves no error, no map and no WebGL context behind', async () => {
    const failures = watchFailures();
    const gl = trackContexts();
    const elements: StrikeMap[] = [];
    // Removed at once, after a task, and at several points of loading (data, style, tiles).
    for (const wait of [-1, 0, 0, 5, 20, 50, 100, 200, 400, -1]) {
      const el = create();
      elements.push(el);
      document.body.append(el);
      if (wait >= 0) await pause(wait);
      el.remove();
      expect(el.map).toBeUndefined();
    }
    await pause(1500); // anything still in flight would have created its map by now
    for (const el of elements) expect(el.map, 'no map is created after removal').toBeUndefined();
    expect(gl.live()).toBe(0);
    expect(document.querySelectorAll('strike-map')).toHaveLength(0);
    gl.restore();
    failures.check();
  });

  /** Used JS heap in bytes after a full garbage collection. */
  async function heapAfterGc(): Promise<number> {
    const session = cdp();
    await session.send('HeapProfiler.collectGarbage');
    const { usedSize } = (await session.send('Runtime.getHeapUsage')) as { usedSize: number };
    return usedSize;
  }

  /**
   * 60 cycles, not 200: every cycle still checks that removal gave the WebGL context back, the
   * removals still come at each stage of loading (at once, after a task, with a map loading its
   * style, fully loaded: 20, 20, 16 and 4 times), and 60 leaked maps would still be tens of MB,
   * far over the 5 MB bound.
   */
  it('survives 60 connect/disconnect cycles at every stage of loading with no map, context or memory left behind', async () => {
    const CYCLES = 60;
    const FULL_EVERY = 15; // cycles 14, 29, 44, 59 wait for a fully loaded map
    const failures = watchFailures();
    const gl = trackContexts();
    const el = create();
    document.body.append(el);
    await el.ready;
    await pause(200);
    const baseline = await heapAfterGc();
    const maps = new Set();
    let readyCount = 0;
    for (let i = 0; i < CYCLES; i++) {
      el.remove();
      expect(el.map).toBeUndefined();
      expect(gl.live(), `cycle ${i}: contexts still open after removal`).toBe(0);
      document.body.append(el);
      if (i % FULL_EVERY === FULL_EVERY - 1) {
        await el.ready; // some cycles load fully
        readyCount++;
        maps.add(el.map);
      } else if (i % 3 === 1) await pause(0);
      else if (i % 3 === 2) await pause(15); // a map exists, still loading its style
    }
    await el.ready;
    await pause(300);
    expect(readyCount).toBe(CYCLES / FULL_EVERY);
    expect(maps.size).toBe(CYCLES / FULL_EVERY);
    expect(gl.live(), 'only the current map holds a WebGL context').toBe(1);
    // Maps (and contexts) were also created in cycles that did not wait for them, so removal hit maps still loading.
    expect(gl.contexts.length, 'maps removed while loading').toBeGreaterThan(CYCLES / FULL_EVERY + 1);
    expect(el.shadowRoot!.querySelectorAll('canvas.maplibregl-canvas')).toHaveLength(1);
    expect(el.map!.queryRenderedFeatures({ layers: ['border-line'] }).length).toBeGreaterThan(0);
    gl.restore();
    // Exact heap sizes after a forced garbage collection, through the Chrome DevTools Protocol.
    const grown = ((await heapAfterGc()) - baseline) / 1024 / 1024;
    console.log(`heap after ${CYCLES} cycles: ${grown >= 0 ? '+' : ''}${grown.toFixed(1)} MB over baseline; ${gl.contexts.length} WebGL contexts created, all but one lost`);
    expect(grown).toBeLessThan(5); // one live map either way; 60 leaked maps would be tens of MB
    failures.check();
  }, 60_000);
});
