/**
 * Hostile data (issue 7): markup, script URLs and template syntax in every field of the reader's
 * own data that reaches the UI must be shown as literal text, and never become an element, an
 * event handler or a javascript: link.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { idle, mountMap, shadow, unmountAll, until } from './helpers.ts';
import type { StrikeMap } from '../../src/components/strike-map.ts';
import type { StrikeMapLayer } from '../../src/components/strike-map-layer.ts';

declare global {
  interface Window {
    __xss?: unknown;
  }
}

/** Each sets window.__xss if it ever runs. */
const PAYLOADS = [
  '<img src=x onerror="window.__xss=1">',
  '<script>window.__xss=1</script>',
  '"><svg onload="window.__xss=1">',
  "'><iframe srcdoc=\"<script>parent.__xss=1</script>\">",
  'javascript:window.__xss=1',
  '<a href="javascript:window.__xss=1">click</a>',
  "{{constructor.constructor('window.__xss=1')()}}",
  '${window.__xss=1}',
  '</style><script>window.__xss=1</script>',
  '<style>*{display:none!important}</style>',
  '\u202Egnp.exe\u202C <b onmouseover="window.__xss=1">rtl</b>',
  `<img src=x onerror="window.__xss=1">${'A'.repeat(5000)}`,
  '=HYPERLINK("javascript:window.__xss=1","click")',
];
const LONG = 'x'.repeat(100_000);

const userData = (el: StrikeMap) => el['userData'];
/** The page's-own-data controller, loaded by a drop or a <strike-map-layer>. */
const controller = (el: StrikeMap) => el['userData'].controller!;
const featureCard = (el: StrikeMap) => shadow<HTMLElement>(el, 'strike-feature-card');
const notices = (el: StrikeMap) => [...el.shadowRoot!.querySelectorAll('.notices [role="alert"]')].map((n) => n.textContent!);
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Every element in a subtree, shadow roots included. */
function deepElements(root: Element | ShadowRoot): Element[] {
  const out: Element[] = [];
  for (const el of root.querySelectorAll('*')) {
    out.push(el);
    if (el.shadowRoot) out.push(...deepElements(el.shadowRoot));
  }
  return out;
}

const ACTIVE = 'script, img, svg, iframe, object, embed, style, b, a, link, base, meta, form';
/** Counts of elements that markup in the data could create. */
function activeElements(el: StrikeMap): Record<string, number> {
  const counts: Record<string, number> = {};
  // The legend's own colour swatches (one per layer) are ours, not the data's.
  const legendSwatch = (e: Element) => e.localName === 'svg' && (e.getRootNode() as ShadowRoot).host?.localName === 'strike-map-legend';
  for (const e of deepElements(el.shadowRoot!)) if (e.matches(ACTIVE) && !legendSwatch(e)) counts[e.localName] = (counts[e.localName] ?? 0) + 1;
  return counts;
}

/** Nothing from the payloads became live: no handler ran, no handler attribute, no javascript: link. */
async function expectInert(el: StrikeMap, baseline: Record<string, number>, allowLinks = 0) {
  await pause(50); // an injected <img onerror> would have fired by now
  expect(window.__xss, 'a payload ran').toBeUndefined();
  const all = deepElements(el.shadowRoot!); // (the page's own <strike-map-layer> attributes are its business)
  for (const e of all) {
    for (const attr of e.attributes) {
      expect(attr.name.startsWith('on'), `${e.localName}[${attr.name}]`).toBe(false);
      if (attr.value.includes('__xss')) {
        // The only place a payload may sit in an attribute: the href of an http(s) link, escaped.
        expect(`${e.localName}[${attr.name}]`).toBe('a[href]');
        expect(new URL(attr.value).protocol).toMatch(/^https?:$/);
      }
    }
    if (e instanceof HTMLAnchorElement && e.hasAttribute('href')) expect(e.protocol, e.href).toMatch(/^(https?|blob):$/);
  }
  const now = activeElements(el);
  expect({ ...now, a: (now.a ?? 0) - allowLinks }).toEqual({ ...baseline, a: baseline.a ?? 0 });
}

describe('hostile data is shown as text', () => {
  let el: StrikeMap;
  let baseline: Record<string, number>;
  beforeAll(async () => {
    window.__xss = undefined;
    el = await mountMap();
    await el.updateComplete;
    baseline = activeElements(el);
  });
  afterAll(unmountAll);
  afterEach(async () => {
    el['notices'] = [];
    el['userData'].controller!.close(false);
    for (const layer of [...controller(el).dropped]) controller(el).removeDropped(layer.layerId);
    el.querySelectorAll('strike-map-layer').forEach((l) => l.remove());
    el.map!.stop().fitBounds([[58.8, 24.6], [70.3, 32.2]], { padding: 16, duration: 0 });
    await el.updateComplete;
    expect(window.__xss).toBeUndefined();
  });

  it('in feature properties (keys and values) on the feature card, and in the layer name', async () => {
    const properties: Record<string, string> = { label: PAYLOADS[0], long: LONG, url: 'javascript:window.__xss=1', link: 'https://example.org/?q="><img src=x onerror=window.__xss=1>' };
    PAYLOADS.forEach((p, i) => {
      properties[`p${i}`] = p;
      properties[p] = `key ${i}`;
    });
    const at: [number, number] = [66.2, 29.6];
    const layer = document.createElement('strike-map-layer');
    layer.setAttribute('name', PAYLOADS[2]);
    layer.setAttribute('label', 'label');
    const script = document.createElement('script');
    script.type = 'application/geo+json';
    script.textContent = JSON.stringify({ type: 'Feature', properties, geometry: { type: 'Point', coordinates: at } });
    layer.append(script);
    el.append(layer);
    await expect.poll(() => !!layer.collection).toBe(true);
    await idle(el);
    const { x, y } = el.map!.project(at);
    await userEvent.click(el.map!.getCanvas(), { position: { x, y } });
    await el.updateComplete;
    const card = featureCard(el)!;
    expect(card, 'clicking the feature opens its card').not.toBeNull();
    await (card as unknown as { updateComplete: Promise<void> }).updateComplete;
    const root = card.shadowRoot!;
    expect(root.querySelector('h2')!.textContent).toBe(PAYLOADS[2]);
    const rows = new Map([...root.querySelectorAll('tr')].map((tr) => [tr.querySelector('th')!.textContent, tr.querySelector('td')!.textContent]));
    PAYLOADS.forEach((p, i) => {
      expect(rows.get(`p${i}`)).toBe(p);
      expect(rows.get(p)).toBe(`key ${i}`);
    });
    expect(rows.get('long')).toBe(LONG);
    expect(rows.get('url')).toBe('javascript:window.__xss=1');
    // Only the http(s) value became a link; the javascript: one is text.
    const links = [...root.querySelectorAll('a')];
    expect(links.map((a) => a.protocol)).toEqual(['https:']);
    expect(links[0].textContent).toBe(properties.link);
    expect(links[0].rel).toContain('noopener');
    await expectInert(el, baseline, 1);
  });

  it('in a label property, drawn on the map as the literal text', async () => {
    const spots: [number, number][] = [[66.3, 29.8], [67.8, 27.2], [59.6, 30.8], [60.2, 26.2], [68.5, 31.0], [66.4, 25.4]];
    const features = spots.map((coordinates, i) => ({ type: 'Feature', properties: { label: PAYLOADS[i] }, geometry: { type: 'Point', coordinates } }));
    const layer = document.createElement('strike-map-layer') as StrikeMapLayer;
    layer.setAttribute('label', 'label');
    layer.innerHTML = `<script type="application/geo+json">${JSON.stringify({ type: 'FeatureCollection', features }).replace(/</g, '\\u003c')}</script>`;
    el.append(layer);
    await expect.poll(() => layer.collection?.features.length).toBe(spots.length);
    await idle(el);
    const labels = el.map!.queryRenderedFeatures({ layers: [`${layer.layerId}-label`] });
    expect(labels.length, 'labels are drawn').toBeGreaterThan(0);
    for (const label of labels) expect(PAYLOADS).toContain(label.properties.label);
    await expectInert(el, baseline);
  });

  it('in layer names and source URLs, in the messages inside the map', async () => {
    const errors: string[] = [];
    const onError = (e: Event) => errors.push((e as CustomEvent).detail.message);
    el.addEventListener('strike-map-error', onError);
    const layers = PAYLOADS.map((name) => {
      const layer = document.createElement('strike-map-layer');
      layer.setAttribute('name', name);
      layer.innerHTML = '<script type="application/geo+json">{"type": "Feature", </script>';
      return layer;
    });
    const hostileSrc = document.createElement('strike-map-layer');
    hostileSrc.setAttribute('src', 'javascript:window.__xss=1');
    const markupSrc = document.createElement('strike-map-layer');
    markupSrc.setAttribute('src', '"><img src=x onerror="window.__xss=1">.geojson');
    el.append(...layers, hostileSrc, markupSrc);
    await expect.poll(() => errors.length, { timeout: 30_000 }).toBe(PAYLOADS.length + 2);
    el.removeEventListener('strike-map-error', onError);
    await el.updateComplete;
    const shown = notices(el);
    for (const name of PAYLOADS) expect(shown.some((n) => n.includes(`${name} (inline): this is not valid JSON`)), name).toBe(true);
    expect(shown.some((n) => n.includes('javascript:window.__xss=1'))).toBe(true);
    expect(shown.some((n) => n.includes('"><img src=x onerror="window.__xss=1">.geojson'))).toBe(true);
    await expectInert(el, baseline);
  });

  it('in dropped file names, in the table headings and in error messages', async () => {
    const csv = 'name,lon,lat\nA,63,27\n';
    const good = PAYLOADS.map((p) => new File([csv], `${p}.csv`));
    const bad = PAYLOADS.map((p) => new File(['not json'], `${p}.geojson`));
    await userData(el).addFiles([...good, ...bad]);
    await el.updateComplete;
    const table = shadow<HTMLElement>(el, 'strike-map-table')!;
    await (table as unknown as { updateComplete: Promise<void> }).updateComplete;
    const headings = [...table.shadowRoot!.querySelectorAll('h3')].map((h) => h.textContent);
    const buttons = [...table.shadowRoot!.querySelectorAll('button')].map((b) => b.textContent);
    for (const file of good) {
      expect(headings).toContain(`${file.name}: distance to the border for each point`);
      expect(buttons).toContain(`Remove ${file.name}`);
    }
    const shown = notices(el);
    for (const file of bad) expect(shown.some((n) => n.includes(`${file.name}: this is not valid JSON`)), file.name).toBe(true);
    await expectInert(el, baseline);
  });

  it('in CSV cells, in the table, the feature card and the downloaded CSV', async () => {
    const rows = PAYLOADS.map((p, i) => [p, String(62 + (i % 5) * 0.8), String(26 + Math.floor(i / 5) * 1.5), p]);
    const quote = (c: string) => `"${c.replace(/"/g, '""')}"`;
    const csv = ['name,lon,lat,note', ...rows.map((r) => r.map(quote).join(','))].join('\r\n');
    await userData(el).addFiles([new File([csv], 'hostile.csv')]);
    await el.updateComplete;
    const layer = controller(el).dropped.at(-1)!;
    expect(layer.points.map((p) => p.name)).toEqual(PAYLOADS);
    const table = shadow<HTMLElement>(el, 'strike-map-table')!;
    await (table as unknown as { updateComplete: Promise<void> }).updateComplete;
    const cells = [...table.shadowRoot!.querySelectorAll('h3 + table tbody tr td:first-child')].map((td) => td.textContent);
    expect(cells).toEqual(PAYLOADS);

    // The card of one point shows its cells as text.
    el.map!.stop().jumpTo({ center: [62, 26], zoom: 8 });
    await idle(el);
    const { x, y } = el.map!.project([62, 26]);
    await userEvent.click(el.map!.getCanvas(), { position: { x, y } });
    await el.updateComplete;
    const card = featureCard(el)!;
    expect(card).not.toBeNull();
    await (card as unknown as { updateComplete: Promise<void> }).updateComplete;
    expect(card.shadowRoot!.querySelector('h2')!.textContent).toBe('hostile.csv');
    expect(card.shadowRoot!.textContent).toContain(PAYLOADS[0]);

    // The download quotes every cell and defuses the spreadsheet formula.
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => (blobs.push(b as Blob), 'blob:captured'));
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    [...table.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === 'Download distances (CSV)')!.click();
    await until(() => blobs.length); // the download helpers load on first use
    const text = await blobs[0].text();
    expect(text).toContain(quote(PAYLOADS[0]));
    expect(text).toContain(quote(`'${PAYLOADS.at(-1)}`));
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(PAYLOADS.length + 1);
    await expectInert(el, baseline);
    await pause(1100); // download() revokes its URL after 1 s, while the stub is still in place
    vi.restoreAllMocks();
  });
});
