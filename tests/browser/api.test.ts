import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { idle, mountMap, renderedValues, shadow, unmountAll, until } from './helpers.ts';
import type { StrikeMap } from '../../src/components/strike-map.ts';

afterEach(() => {
  unmountAll();
  document.querySelectorAll('details').forEach((d) => d.remove());
  vi.restoreAllMocks();
});

/** Captures what the element offers for download instead of saving it. */
async function downloads(action: () => Promise<void>): Promise<{ name: string; blob: Blob }[]> {
  const blobs: Blob[] = [];
  const names: string[] = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => (blobs.push(blob as Blob), 'blob:captured'));
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    names.push(this.download);
  });
  await action();
  await until(() => blobs.length);
  return blobs.map((blob, i) => ({ name: names[i], blob }));
}

describe('lifecycle', () => {
  it('starts a map inside a closed <details> only when it opens, at the right size', async () => {
    const details = document.createElement('details');
    details.innerHTML = '<summary>Map</summary>';
    const el = document.createElement('strike-map') as StrikeMap;
    el.style.cssText = 'display:block;width:900px;--strike-map-height:500px';
    details.append(el);
    document.body.append(details);
    await new Promise((r) => setTimeout(r, 800));
    expect(el.map).toBeUndefined();
    details.open = true;
    await el.ready;
    expect(el.map!.getCanvas().clientWidth).toBe(900 - 320);
    expect(el.map!.getCanvas().clientHeight).toBe(500);
    expect(el.map!.queryRenderedFeatures({ layers: ['border-line'] }).length).toBeGreaterThan(0);
  });

  it('rejects a pending `ready` when removed before the map is ready, and answers distanceToBorder without a map', async () => {
    const el = document.createElement('strike-map') as StrikeMap;
    document.body.append(el);
    const ready = el.ready;
    el.remove();
    await expect(ready).rejects.toThrow(/removed before it was ready/);
    const { km, side } = await el.distanceToBorder([62.331, 27.3709]); // Saravan town, off-page element
    expect(side).toBe('IR');
    expect(km).toBeGreaterThan(40);
    expect(km).toBeLessThan(50);
  });
});

describe('attributes after start-up', () => {
  it('applies builtin, center and zoom changes to the running map', async () => {
    const el = await mountMap();
    el.setAttribute('builtin', 'border provinces');
    el.setAttribute('center', '61.5,28.9');
    el.setAttribute('zoom', '7');
    await el.updateComplete;
    await idle(el);
    expect(el.map!.getZoom()).toBeCloseTo(7, 5);
    expect(el.map!.getLayoutProperty('strikes-symbol', 'visibility')).toBe('none');
    expect(el.map!.getLayoutProperty('border-line', 'visibility') ?? 'visible').toBe('visible');
  });
});

describe('legend by attacker', () => {
  it('switches off the strikes launched by one country', async () => {
    const el = await mountMap();
    const legend = shadow<HTMLElement>(el, 'strike-map-legend')!;
    const box = [...legend.shadowRoot!.querySelectorAll('label')].find((l) => l.textContent!.includes('Launched by Iran'))!.querySelector('input')!;
    await userEvent.click(box);
    await el.updateComplete;
    await idle(el);
    expect(renderedValues(el, 'strikes-symbol', 'attacker')).toEqual(new Set(['PK']));
    expect(renderedValues(el, 'uncertainty-fill', 'attacker')).toEqual(new Set(['PK']));
    expect(el.visibleStrikes.every((f) => f.properties.attacker === 'PK')).toBe(true);
  });
});

describe('the page\'s own layers in the legend', () => {
  it('lists each by its name, as text, with a switch that hides it on the map', async () => {
    const el = await mountMap();
    const name = '<img src=x onerror="window.__xss=1">Clinics';
    const layer = document.createElement('strike-map-layer');
    layer.setAttribute('name', name);
    layer.innerHTML = '<script type="application/geo+json">{"type":"Point","coordinates":[62.5,27.2]}</script>';
    el.append(layer);
    const legend = shadow<HTMLElement>(el, 'strike-map-legend')!;
    const row = await until(() => [...legend.shadowRoot!.querySelectorAll('label')].find((l) => l.textContent!.includes('Clinics')));
    expect(row.querySelector('.name')!.textContent).toBe(name);
    expect(legend.shadowRoot!.querySelector('img')).toBeNull();
    const id = (layer as unknown as { layerId: string }).layerId;
    await userEvent.click(row.querySelector('input')!);
    await el.updateComplete;
    expect(el.map!.getLayoutProperty(`${id}-circle`, 'visibility')).toBe('none');
    await userEvent.click(row.querySelector('input')!);
    expect(el.map!.getLayoutProperty(`${id}-circle`, 'visibility')).toBe('visible');
    layer.remove();
    await until(() => ![...legend.shadowRoot!.querySelectorAll('label')].some((l) => l.textContent!.includes('Clinics')));
    expect((window as unknown as { __xss?: number }).__xss).toBeUndefined();
  });
});

describe('the page\'s own features without a mouse', () => {
  it('are listed in the table; "Show" opens the feature card and Escape returns to the list', async () => {
    const el = await mountMap();
    const layer = document.createElement('strike-map-layer');
    layer.setAttribute('name', 'Clinics');
    layer.innerHTML =
      '<script type="application/geo+json">{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"North clinic","beds":12},"geometry":{"type":"Point","coordinates":[62.5,27.2]}},{"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[62,27],[63,27]]}}]}</script>';
    el.append(layer);
    const table = shadow<HTMLElement>(el, 'strike-map-table')!;
    const show = await until(() => {
      const buttons = [...table.shadowRoot!.querySelectorAll<HTMLButtonElement>('table.own button')];
      return buttons.length === 2 ? buttons : null;
    });
    expect(show.map((b) => b.textContent)).toEqual(['North clinic', 'Feature 2']);
    show[0].focus();
    await userEvent.keyboard('{Enter}');
    await el.updateComplete;
    const card = await until(() => shadow<HTMLElement>(el, 'strike-feature-card'));
    await (card as unknown as { updateComplete: Promise<void> }).updateComplete;
    expect(card.shadowRoot!.textContent).toContain('beds');
    expect(card.shadowRoot!.textContent).toMatch(/km from the border/);
    card.shadowRoot!.querySelector<HTMLButtonElement>('.close')!.focus();
    await userEvent.keyboard('{Escape}');
    await el.updateComplete;
    expect(shadow(el, 'strike-feature-card')).toBeNull();
    expect(table.shadowRoot!.activeElement).toBe(show[0]);
  });
});

describe('keyboard', () => {
  it('offers a skip link that takes the keyboard past the map to the table', async () => {
    const el = await mountMap();
    const skip = el.shadowRoot!.querySelector<HTMLButtonElement>('.skip')!;
    skip.focus();
    expect(skip.getBoundingClientRect().top).toBeGreaterThanOrEqual(el.getBoundingClientRect().top); // visible when focused
    await userEvent.keyboard('{Enter}');
    const table = shadow<HTMLElement>(el, 'strike-map-table')!;
    expect(table.shadowRoot!.activeElement?.id).toBe('table-title');
  });

  it('walks, with Tab, the skip button, the map, the measuring tools, the zoom buttons, the legend, the timeline and the table, in that order', async () => {
    const el = await mountMap();
    el.shadowRoot!.querySelector<HTMLButtonElement>('.skip')!.focus();
    /** Which part of the element holds the keyboard focus. */
    const part = (): string => {
      let active: Element | null = el.shadowRoot!.activeElement;
      const path: Element[] = [];
      while (active) {
        path.push(active);
        active = active.shadowRoot?.activeElement ?? null;
      }
      const host = path.find((node) => /^strike-map-(measure|legend|timeline|table)$/.test(node.localName));
      if (host) return host.localName.replace('strike-map-', '');
      const leaf = path.at(-1);
      if (leaf?.classList.contains('skip')) return 'skip';
      if (leaf === el.map!.getCanvas()) return 'map';
      if (leaf?.closest('.maplibregl-ctrl-group')) return 'zoom';
      return leaf?.localName ?? 'outside';
    };
    const order: string[] = [part()];
    for (let i = 0; i < 80 && order.at(-1) !== 'table'; i++) {
      await userEvent.tab();
      if (part() !== order.at(-1)) order.push(part());
    }
    const parts = ['skip', 'map', 'measure', 'zoom', 'legend', 'timeline', 'table'];
    expect(order.filter((p) => parts.includes(p))).toEqual(parts);
  });

  it('leaves Escape to text fields, and shows one card at a time', async () => {
    const el = await mountMap();
    const site = el.strikes.find((f) => f.properties.category === 'cross-border')!.properties.id;
    const measure = shadow<HTMLElement>(el, 'strike-map-measure')!;
    await userEvent.click([...measure.shadowRoot!.querySelectorAll('button')].find((b) => b.getAttribute('aria-label') === null && b.textContent === 'Bands')!);
    el.select(site, { fly: false });
    await el.updateComplete;
    const input = await until(() => measure.shadowRoot!.querySelector<HTMLInputElement>('input[name="km"]'));
    input.focus();
    await userEvent.keyboard('{Escape}');
    await el.updateComplete;
    expect(shadow(el, 'strike-card'), 'Escape in the band field keeps the card').not.toBeNull();
    // A feature card of the page's own data replaces the strike card, and the other way round.
    await el['userData'].addFiles([]); // loads the page's-own-data code, as a first drop does
    el['userData'].controller!.feature = { layer: 'Mine', properties: { a: 1 }, distance: '' };
    el.requestUpdate();
    await el.updateComplete;
    el.select(site, { fly: false });
    await el.updateComplete;
    expect(shadow(el, 'strike-feature-card')).toBeNull();
  });

  it('pans with Shift + arrow keys, and closing the card returns focus to the map', async () => {
    const el = await mountMap();
    const canvas = el.map!.getCanvas();
    canvas.focus();
    const before = el.map!.getCenter().lng;
    await userEvent.keyboard('{Shift>}{ArrowRight}{/Shift}');
    await until(() => el.map!.getCenter().lng > before + 0.1);
    await userEvent.keyboard('{ArrowRight}');
    await el.updateComplete;
    const card = shadow<HTMLElement>(el, 'strike-card')!;
    await (card as unknown as { updateComplete: Promise<void> }).updateComplete;
    card.shadowRoot!.querySelector<HTMLButtonElement>('.close')!.focus();
    await userEvent.keyboard('{Escape}');
    await el.updateComplete;
    expect(shadow(el, 'strike-card')).toBeNull();
    expect(el.shadowRoot!.activeElement).toBe(canvas);
  });
});

describe('released and re-created maps (WebGL budget)', () => {
  it('keep the selection highlight, the band units and the user-layer switches', async () => {
    const el = await mountMap({ units: 'mi' });
    const site = el.strikes.find((f) => f.properties.category === 'cross-border')!.properties.id;
    el.select(site, { fly: false });
    const layer = document.createElement('strike-map-layer');
    layer.setAttribute('name', 'Mine');
    layer.innerHTML = '<script type="application/geo+json">{"type":"Point","coordinates":[62.5,27.2]}</script>';
    el.append(layer);
    const id = (layer as unknown as { layerId: string }).layerId;
    await until(() => el.map!.getLayer(`${id}-circle`));
    el['userData'].controller!.setVisible(id, false);
    el['lifecycle'].release();
    expect(el.map).toBeUndefined();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('img[part="snapshot"]')).not.toBeNull();
    void el['lifecycle']['start'](); // what scrolling back into view does
    await el.ready;
    expect(el.map!.getFeatureState({ source: 'strikes', id: site })).toEqual({ selected: true });
    expect(JSON.stringify(el.map!.getLayoutProperty('bands-label', 'text-field'))).toContain(' mi');
    await until(() => el.map!.getLayer(`${id}-circle`));
    expect(el.map!.getLayoutProperty(`${id}-circle`, 'visibility')).toBe('none');
  });
});

describe('downloads', () => {
  it('offers the strike sites as GeoJSON and CSV with their sources', async () => {
    const el = await mountMap();
    const [geojson] = await downloads(() => el.export('geojson'));
    expect(geojson.name).toBe('strike-sites-2024-01.geojson');
    const parsed = JSON.parse(await geojson.blob.text());
    expect(parsed.features.map((f: { properties: { id: string } }) => f.properties.id)).toEqual(el['story']!.strikes.map((f) => f.properties.id));
    vi.restoreAllMocks();
    const [csv] = await downloads(() => el.export('csv'));
    const lines = (await csv.blob.text()).trim().split('\r\n');
    expect(lines[0]).toBe('id,date,attacker,target_country,place,lon,lat,uncertainty_km,claimed_target,casualties,location_basis,sources');
    expect(lines).toHaveLength(1 + parsed.features.length);
    expect(lines[1]).toContain('https://');
  });

  it('exports the map as a PNG with a caption band above and an attribution band below', async () => {
    const el = await mountMap();
    const [png] = await downloads(() => el.export('png'));
    expect(png.name).toBe('strike-map.png');
    const image = await createImageBitmap(png.blob);
    const canvas = el.map!.getCanvas();
    expect(image.width).toBe(canvas.width);
    expect(image.height).toBeGreaterThan(canvas.height);
    const ctx = new OffscreenCanvas(image.width, image.height).getContext('2d')!;
    ctx.drawImage(image, 0, 0);
    // Text was drawn in the caption band: it has more than the background colour.
    const band = ctx.getImageData(0, 0, Math.min(400, image.width), 24).data;
    const colours = new Set<number>();
    for (let i = 0; i < band.length; i += 4) colours.add((band[i] << 16) | (band[i + 1] << 8) | band[i + 2]);
    expect(colours.size).toBeGreaterThan(3);
  });
});
