/**
 * Property test (issue 7): random and malformed GeoJSON and CSV, dropped as files or declared as
 * inline layers, never break the map. Every input ends as a drawn layer or a `strike-map-error`,
 * nothing is thrown uncaught, and the map keeps answering queries and selecting strikes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mountMap, shadow, unmountAll } from './helpers.ts';
import type { StrikeMap } from '../../src/components/strike-map.ts';

const RUNS = 200;

// ---- generators -------------------------------------------------------------------------------

/** Mostly plausible numbers near the border, and some that are not numbers or not on Earth. */
const coordinate = fc.oneof(
  { weight: 6, arbitrary: fc.double({ min: 58, max: 70, noNaN: true }) },
  { weight: 3, arbitrary: fc.double({ min: 24, max: 32, noNaN: true }) },
  { weight: 1, arbitrary: fc.double() }, // NaN and ±Infinity become null in JSON
  { weight: 1, arbitrary: fc.constantFrom(-180, 180, -90, 90, 0, -0, 1e308, -1e308, 5e-324) },
  { weight: 1, arbitrary: fc.oneof(fc.constant(null), fc.constant('63'), fc.boolean(), fc.constant([])) },
);
const position = fc.oneof({ weight: 8, arbitrary: fc.tuple(coordinate, coordinate) }, { weight: 1, arbitrary: fc.array(coordinate, { maxLength: 4 }) });
const line = fc.array(position, { maxLength: 6 });
const ring = fc.oneof(
  line,
  line.map((l) => (l.length ? [...l, l[0]] : l)), // closed
  fc.tuple(fc.double({ min: 60, max: 66, noNaN: true }), fc.double({ min: 25, max: 30, noNaN: true })).map(([x, y]) => [[x, y], [x + 1, y], [x + 1, y + 1], [x, y]]),
);
const geometryType = fc.constantFrom('Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection', 'Circle', 'point', '');
const coordinates = fc.oneof(position, line, fc.array(ring, { maxLength: 3 }), fc.array(fc.array(ring, { maxLength: 2 }), { maxLength: 2 }), fc.jsonValue({ maxDepth: 3 }));
const geometry = fc.oneof(
  { weight: 6, arbitrary: fc.record({ type: geometryType, coordinates }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('GeometryCollection'), geometries: fc.array(fc.record({ type: geometryType, coordinates }), { maxLength: 2 }) }) },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, 'Point', 42) },
);
/** Well-formed geometries of every supported type, so that many inputs get drawn. */
const lonLat = fc.tuple(fc.double({ min: 59, max: 69, noNaN: true }), fc.double({ min: 25, max: 31, noNaN: true }));
const goodLine = fc.array(lonLat, { minLength: 2, maxLength: 5 });
const goodRing = lonLat.map(([x, y]) => [[x, y], [x + 0.5, y], [x + 0.5, y + 0.5], [x, y]]);
const goodGeometry = fc.oneof(
  lonLat.map((c) => ({ type: 'Point', coordinates: c })),
  fc.array(lonLat, { minLength: 1, maxLength: 4 }).map((c) => ({ type: 'MultiPoint', coordinates: c })),
  goodLine.map((c) => ({ type: 'LineString', coordinates: c })),
  fc.array(goodLine, { minLength: 1, maxLength: 3 }).map((c) => ({ type: 'MultiLineString', coordinates: c })),
  goodRing.map((r) => ({ type: 'Polygon', coordinates: [r] })),
  fc.array(goodRing, { minLength: 1, maxLength: 3 }).map((rs) => ({ type: 'MultiPolygon', coordinates: rs.map((r) => [r]) })),
);
const properties = fc.oneof(
  { weight: 5, arbitrary: fc.dictionary(fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('name', '__proto__', 'constructor', 'id')), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 }) },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, [], 'text', 7) },
);
const feature = fc.record(
  {
    type: fc.oneof({ weight: 9, arbitrary: fc.constant('Feature') }, { weight: 1, arbitrary: fc.constantFrom('feature', 'FeatureCollection', '') }),
    id: fc.oneof(fc.string({ maxLength: 6 }), fc.integer(), fc.double(), fc.constant(null), fc.object({ maxDepth: 1 })),
    properties,
    geometry: fc.oneof({ weight: 3, arbitrary: goodGeometry }, { weight: 2, arbitrary: geometry }),
  },
  { requiredKeys: ['type', 'geometry'] },
);
const collection = fc.record({ type: fc.constant('FeatureCollection'), features: fc.oneof({ weight: 9, arbitrary: fc.array(feature, { maxLength: 8 }) }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 1 }) }) });
const geojsonValue = fc.oneof({ weight: 5, arbitrary: collection }, { weight: 2, arbitrary: feature }, { weight: 1, arbitrary: geometry }, { weight: 1, arbitrary: goodGeometry }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) });

/** JSON text, sometimes cut short or with junk spliced in. */
const geojsonText = fc.oneof(
  { weight: 6, arbitrary: geojsonValue.map((v) => JSON.stringify(v) ?? 'undefined') },
  { weight: 1, arbitrary: fc.tuple(geojsonValue, fc.nat()).map(([v, n]) => { const t = JSON.stringify(v) ?? ''; return t.slice(0, n % (t.length + 1)); }) },
  { weight: 1, arbitrary: fc.tuple(geojsonValue, fc.nat(), fc.string({ maxLength: 5 })).map(([v, n, junk]) => { const t = JSON.stringify(v) ?? ''; const at = n % (t.length + 1); return t.slice(0, at) + junk + t.slice(at); }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 60 }) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', 'null', '[]', '{}', '\uFEFF{"type":"Point","coordinates":[63,27]}', '{"type":"Point","coordinates":[63,27]}'.repeat(2)) },
);

const cell = fc.oneof(
  fc.double({ min: 58, max: 70, noNaN: true }).map(String),
  fc.double({ min: 24, max: 32, noNaN: true }).map(String),
  fc.constantFrom('', ' ', 'NaN', 'Infinity', '1e999', '-', '0x3F', '63,5', '"quoted, with comma"', '"unclosed', '""', '=1+1', '\u202E'),
  fc.string({ maxLength: 10 }),
);
const header = fc.oneof(fc.constant(['name', 'lon', 'lat']), fc.constant(['Y', 'X', 'note']), fc.shuffledSubarray(['lon', 'lat', 'name', 'x', 'Y', 'Longitude', 'LAT', 'lng', 'note', '', '__proto__', 'long'], { minLength: 0, maxLength: 6 }));
const csvText = fc
  .tuple(header, fc.array(fc.array(cell, { maxLength: 7 }), { maxLength: 8 }), fc.constantFrom('\n', '\r\n', '\r'), fc.boolean())
  .map(([head, rows, eol, bom]) => (bom ? '\uFEFF' : '') + [head.join(','), ...rows.map((r) => r.join(','))].join(eol));

const input = fc.oneof(
  fc.record({ kind: fc.constant('file' as const), text: geojsonText, name: fc.tuple(fc.string({ maxLength: 12 }), fc.constantFrom('.geojson', '.json', '.GeoJSON', '.txt', '')).map(([a, b]) => a + b) }),
  fc.record({ kind: fc.constant('file' as const), text: csvText, name: fc.tuple(fc.string({ maxLength: 12 }), fc.constantFrom('.csv', '.CSV')).map(([a, b]) => a + b) }),
  fc.record({ kind: fc.constant('inline' as const), text: geojsonText, name: fc.string({ maxLength: 12 }) }),
);

// ---- the property -----------------------------------------------------------------------------

describe('fuzzing user data', () => {
  let el: StrikeMap;
  beforeAll(async () => {
    el = await mountMap();
  });
  afterAll(unmountAll);

  it(`${RUNS} random and malformed GeoJSON/CSV inputs never break the map`, async () => {
    const uncaught: string[] = [];
    const onError = (e: ErrorEvent) => uncaught.push(`error: ${e.message}`);
    const onRejection = (e: PromiseRejectionEvent) => uncaught.push(`unhandled rejection: ${e.reason?.stack ?? e.reason}`);
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
    const mapErrors: string[] = [];
    el.map!.on('error', (e) => mapErrors.push(e.error?.message ?? String(e)));
    const errors: string[] = [];
    el.addEventListener('strike-map-error', (e) => errors.push((e as CustomEvent).detail.message));
    const userData = el['userData'];
    const strikeIds = el.strikes.filter((f) => f.properties.category === 'cross-border').map((f) => f.properties.id);
    const counts = { cases: 0, file: 0, inline: 0, drawn: 0, refused: 0, partly: 0 };

    await fc.assert(
      fc.asyncProperty(input, async ({ kind, text, name }) => {
        counts.cases++;
        counts[kind]++;
        const reportedBefore = errors.length;
        let drawn = false;
        if (kind === 'file') {
          const before = userData.controller?.dropped.length ?? 0;
          await userData.addFiles([new File([text], name)]);
          drawn = userData.controller!.dropped.length > before;
          if (drawn) {
            const layer = userData.controller!.dropped.at(-1)!;
            expect(layer.collection.features.length).toBeGreaterThan(0);
            expect(el.map!.getSource(layer.layerId), 'a read file is drawn').toBeDefined();
            for (const p of layer.points) expect(Number.isFinite(p.km), `distance of ${p.name}`).toBe(true);
            userData.controller!.removeDropped(layer.layerId);
            expect(el.map!.getSource(layer.layerId)).toBeUndefined();
          }
        } else {
          const layer = document.createElement('strike-map-layer');
          if (name) layer.setAttribute('name', name);
          const script = document.createElement('script');
          script.type = 'application/geo+json';
          script.textContent = text;
          layer.append(script);
          el.append(layer);
          await expect.poll(() => !!layer.loading).toBe(true);
          await layer.loading;
          drawn = !!layer.collection;
          if (drawn) expect(el.map!.getSource(layer.layerId), 'an inline layer that was read is drawn').toBeDefined();
          layer.remove();
          await Promise.resolve(); // the controller notices the removal
        }
        const reported = errors.length - reportedBefore;
        if (drawn && reported) counts.partly++;
        if (drawn) counts.drawn++;
        else counts.refused++;
        expect(drawn || reported > 0, `neither drawn nor reported: ${JSON.stringify(text).slice(0, 200)}`).toBe(true);
        expect(() => el.map!.queryRenderedFeatures()).not.toThrow();
        if (counts.cases % 25 === 0) {
          // Every so often: let the map draw, and check it still selects a strike.
          await new Promise<void>((resolve) => {
            el.map!.once('idle', () => resolve());
            el.map!.triggerRepaint();
          });
          const id = strikeIds[counts.cases % strikeIds.length];
          el.select(id, { fly: false });
          await el.updateComplete;
          expect(shadow(el, 'strike-card'), 'the card still opens').not.toBeNull();
          el.select(null);
          el['notices'] = [];
        }
        expect(uncaught).toEqual([]);
      }),
      { numRuns: RUNS }, // every case runs, however slow the machine: the count below is asserted
    );

    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
    console.log(`fuzz: ${counts.cases} cases (${counts.file} files, ${counts.inline} inline layers): ${counts.drawn} drawn (${counts.partly} with skipped features), ${counts.refused} refused with a message; ${mapErrors.length} MapLibre errors`);
    expect(counts.cases).toBe(RUNS);
    expect(counts.drawn).toBeGreaterThan(RUNS / 10);
    expect(counts.refused).toBeGreaterThan(RUNS / 10);
    expect(mapErrors, 'MapLibre accepted everything that passed validation').toEqual([]);
    // Still a working map afterwards.
    el.map!.stop().fitBounds([[58.8, 24.6], [70.3, 32.2]], { padding: 16, duration: 0 });
    await new Promise<void>((resolve) => el.map!.once('idle', () => resolve()));
    expect(el.map!.queryRenderedFeatures({ layers: ['border-line'] }).length).toBeGreaterThan(0);
    expect(el.map!.getStyle().layers.filter((l) => /^(user|drop)-/.test(l.id))).toEqual([]);
  }, 600_000);

  // Found by the fuzzer: MapLibre's worker serializer reads `constructor` and `$name` of every
  // object, so such a key anywhere in a feature made the layer fail to draw (a console warning only).
  it('draws features whose properties are named constructor, $name or __proto__, or hold nested objects', async () => {
    const mapErrors: string[] = [];
    const onMapError = (e: { error?: { message: string } }) => mapErrors.push(e.error?.message ?? "error");
    el.map!.on('error', onMapError);
    const userData = el['userData'];
    const feature = (coordinates: number[], properties: unknown, extra = {}) => ({ type: 'Feature', ...extra, properties, geometry: { type: 'Point', coordinates } });
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        feature([63, 27], { constructor: 'a', $name: 'b', name: 'one' }),
        feature([63.5, 27.5], { nested: { constructor: { $name: 1 } }, list: [{ constructor: 2 }] }, { id: { constructor: 1 } }),
        feature([64, 28, { constructor: 3 } as unknown as number], JSON.parse('{"__proto__": {"polluted": 1}, "name": "three"}'), { constructor: 4 }),
      ],
    });
    await userData.addFiles([new File([text], 'reserved.geojson'), new File(['lon,lat,constructor,$name\n63,27,x,y\n'], 'reserved.csv')]);
    const [json, csv] = userData.controller!.dropped.slice(-2);
    expect(json.collection.features).toHaveLength(3);
    expect(json.collection.features[0].properties).toEqual({ constructor_: 'a', $name_: 'b', name: 'one' });
    expect(json.collection.features[1].properties).toEqual({ nested: '{"constructor":{"$name":1}}', list: '[{"constructor":2}]' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    el.map!.stop().jumpTo({ center: [63.5, 27.5], zoom: 6 });
    await new Promise<void>((resolve) => el.map!.once('idle', () => resolve()));
    el.map!.off('error', onMapError);
    expect(mapErrors).toEqual([]);
    expect(el.map!.queryRenderedFeatures({ layers: [`${json.layerId}-circle`] }).length).toBeGreaterThanOrEqual(3);
    expect(el.map!.queryRenderedFeatures({ layers: [`${csv.layerId}-circle`] }).map((f) => f.properties)).toEqual([{ constructor_: 'x', $name_: 'y' }]);
    userData.controller!.removeDropped(json.layerId);
    userData.controller!.removeDropped(csv.layerId);
  });
});
