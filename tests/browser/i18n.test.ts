/**
 * The map in Urdu and Persian: no English left in the interface, right to left where it should
 * be (the map itself not mirrored), nothing overflowing on a phone or a desktop, axe-clean, keys
 * following the reading direction, and a live switch that keeps the same map.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import axe from 'axe-core';
import { mountMap, shadow, unmountAll, until } from './helpers.ts';
import type { StrikeMap } from '../../src/components/strike-map.ts';
import { applyPageText, PAGE_TEXT } from '../../src/i18n/page-text.ts';

afterEach(() => unmountAll());

const frame = (el: StrikeMap) => shadow<HTMLElement>(el, '.frame')!;
const shown = (el: StrikeMap, lang: string) => until(() => frame(el).getAttribute('lang') === lang, 15_000);

async function mountIn(lang: string, width = 1280): Promise<StrikeMap> {
  const el = await mountMap({ lang }, { width, height: 560 });
  await shown(el, lang);
  el.select(el.strikes.find((f) => f.properties.category === 'cross-border')!.properties.id, { fly: false });
  await el.updateComplete;
  await until(() => shadow(el, 'strike-card')?.shadowRoot?.querySelector('h2'));
  return el;
}

/** Every element in the element's shadow roots, nested ones included. */
function allElements(root: ShadowRoot): Element[] {
  return [...root.querySelectorAll('*')].flatMap((e) => [e, ...(e.shadowRoot ? allElements(e.shadowRoot) : [])]);
}

/** The parent of an element, stepping out of a shadow root to its host. */
const parentOf = (e: Element): Element | null => e.parentElement ?? ((e.getRootNode() as ShadowRoot).host ?? null);

/**
 * Text a reader meets in the UI: text nodes and accessible names, leaving out what comes from the
 * data (shown isolated with dir="auto" or <bdi>, until its translation lands), source lists,
 * and the language switch's other languages (each button names itself).
 */
function uiText(el: StrikeMap, lang: string): string[] {
  const skip = (node: Element | null): boolean => {
    for (let e = node; e; e = parentOf(e)) {
      if (e === el) return false;
      if (e.matches('[dir="auto"], bdi, .sources, style, .maplibregl-ctrl-attrib-inner') || (e.hasAttribute('lang') && e.getAttribute('lang') !== lang)) return true;
    }
    return false;
  };
  const texts: string[] = [];
  for (const e of allElements(el.shadowRoot!)) {
    if (skip(e)) continue;
    for (const node of e.childNodes) if (node.nodeType === Node.TEXT_NODE && node.textContent!.trim()) texts.push(node.textContent!.trim());
    for (const name of ['aria-label', 'title', 'alt', 'placeholder', 'aria-valuetext']) if (e.getAttribute(name)) texts.push(e.getAttribute(name)!);
  }
  return texts;
}

// Names that stay as they are: the data's licences and providers, and file formats.
const ALLOWED = new Set(['OpenStreetMap', 'ODbL', 'Natural', 'Earth', 'MapLibre', 'PNG', 'GeoJSON', 'CSV', 'lon', 'lat']);

describe.each(['ur', 'fa'])('in %s', (lang) => {
  it('leaves no English word in the interface', async () => {
    const el = await mountIn(lang);
    // Place names come from the data and are allowed wherever a sentence quotes them.
    const names = el.strikes.flatMap((f) => [f.properties.place, f.properties.district?.name ?? '']).filter(Boolean);
    const withoutNames = (text: string) => names.reduce((t, name) => t.split(name).join(' '), text);
    const english = uiText(el, lang).map(withoutNames).flatMap((text) => (text.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !ALLOWED.has(w)).map((w) => `${w} in "${text}"`));
    expect(english).toEqual([]);
  });

  it('tells of problems in the page’s data and attributes in its own words and digits', async () => {
    const el = await mountMap({ lang, bands: 'ten' }, { width: 1280, height: 560 });
    await shown(el, lang);
    const point = (coordinates: number[]) => ({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates } });
    const layer = document.createElement('strike-map-layer');
    layer.innerHTML = `<script type="application/geo+json">${JSON.stringify({ type: 'FeatureCollection', features: [point([63, 27]), point([63, 95])] })}</script>`;
    el.append(layer);
    const notices = () => [...el.shadowRoot!.querySelectorAll('.notices [role="alert"]')].map((n) => n.textContent!.replace(/\s+/g, ' ').trim());
    // The band list's problem, and the layer's: the count of skipped features, with the one skipped folded beneath.
    await until(() => notices().length >= 2);
    const one = lang === 'fa' ? '۱' : '1';
    const layerNotice = notices().filter((n) => n.includes(`: ${one} `));
    expect(layerNotice).toHaveLength(1);
    expect(layerNotice[0]).toContain(` ${one}: `);
    // Left in Latin letters: the attribute and its value as the page wrote them, and the examples of a valid value.
    const quoted = new Set([...ALLOWED, 'bands', 'ten', 'mi', 'PK']);
    const english = notices().flatMap((text) => (text.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !quoted.has(w)).map((w) => `${w} in "${text}"`));
    expect(english).toEqual([]);
    layer.remove();
  });

  it('writes the scale bars in its own units and digits, and again after a switch', async () => {
    const el = await mountMap({ lang }, { width: 1280, height: 560 });
    await shown(el, lang);
    const bars = () => [...el.shadowRoot!.querySelectorAll('.maplibregl-ctrl-scale')].map((bar) => bar.textContent);
    const units = lang === 'fa' ? ['کیلومتر', 'مایل'] : ['کلومیٹر', 'میل'];
    const digits = lang === 'fa' ? /^[۰-۹]+(٫[۰-۹]+)?$/ : /^[0-9]+(\.[0-9]+)?$/;
    // Each bar's number and unit; the metric bar's unit first.
    const read = () => bars().map((text) => text?.split('\u00a0') ?? []).sort(([, a], [, b]) => (a === units[0] || a === 'km' ? -1 : b === units[0] || b === 'km' ? 1 : 0));
    const written = (pattern: RegExp, names: string[]) => read().length === 2 && read().every(([n, unit], i) => pattern.test(n ?? '') && unit === names[i]);
    await until(() => written(digits, units));
    el.map!.zoomTo(el.map!.getZoom() + 2, { duration: 0 }); // MapLibre writes the text again on a move
    await until(() => written(digits, units));
    el.setAttribute('lang', 'en');
    await shown(el, 'en');
    await until(() => written(/^[0-9]+(\.[0-9]+)?$/, ['km', 'mi']));
  });

  it('reads right to left, with the map itself not mirrored', async () => {
    const el = await mountIn(lang);
    expect(getComputedStyle(frame(el)).direction).toBe('rtl');
    const map = el.map!;
    expect(map.project([60, 27]).x).toBeLessThan(map.project([65, 27]).x); // west is still on the left
    // The panel sits on the left of the map, the card and the measuring bar on its right.
    const panel = shadow<HTMLElement>(el, '.panel')!.getBoundingClientRect();
    const mapBox = shadow<HTMLElement>(el, '.map-area')!.getBoundingClientRect();
    expect(panel.right).toBeLessThanOrEqual(mapBox.left + 1);
    const card = shadow<HTMLElement>(el, 'strike-card')!.getBoundingClientRect();
    expect(mapBox.right - card.right).toBeLessThan(card.left - mapBox.left);
  });

  it.each([375, 1280])('has nothing overflowing its box at %i px', async (width) => {
    const el = await mountIn(lang, width);
    const host = el.getBoundingClientRect();
    const scrolls = (e: Element) => /auto|scroll/.test(getComputedStyle(e).overflowX);
    const outside = allElements(el.shadowRoot!).filter((e) => {
      // Inside a scrolling box (the table, a card) an element may extend; the box itself may not.
      for (let p = parentOf(e); p && p !== el; p = parentOf(p)) if (scrolls(p)) return false;
      const box = e.getBoundingClientRect();
      return box.width > 0 && (box.left < host.left - 1 || box.right > host.right + 1);
    });
    expect(outside.map((e) => `${e.localName}.${e.className}`)).toEqual([]);
    const clipped = allElements(el.shadowRoot!).filter((e) => e.localName === 'button' && e.scrollWidth > e.clientWidth + 1);
    expect(clipped.map((e) => e.textContent)).toEqual([]);
  });

  it('has no axe-core violations', async () => {
    const el = await mountIn(lang);
    const result = await axe.run(el, { resultTypes: ['violations'] });
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
  });

  it('moves the keyboard right to left', async () => {
    const el = await mountIn(lang);
    const buttons = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.languages button')];
    buttons[0].focus();
    const xs = [buttons[0].getBoundingClientRect().x];
    for (let i = 1; i < buttons.length; i++) {
      await userEvent.tab();
      xs.push((el.shadowRoot!.activeElement as HTMLElement).getBoundingClientRect().x);
    }
    expect(xs).toEqual([...xs].sort((a, b) => b - a)); // each Tab lands further left
    expect(new Set(xs).size).toBe(buttons.length);

    // On the timeline, ArrowLeft goes to the next day.
    const timeline = shadow<HTMLElement>(el, 'strike-map-timeline')!;
    const days = (timeline as unknown as { days: string[] }).days;
    el.setDay(days[0]);
    await el.updateComplete;
    const range = timeline.shadowRoot!.querySelector<HTMLInputElement>('input[type=range]')!;
    range.focus();
    await userEvent.keyboard('{ArrowLeft}');
    await until(() => (el as unknown as { choices: { day: string } }).choices.day === days[1]);

    // On the map, ArrowLeft steps to the next strike site in date order.
    el.select(null);
    el.map!.getCanvas().focus();
    await userEvent.keyboard('{ArrowLeft}');
    await el.updateComplete;
    expect(shadow(el, 'strike-card')).not.toBeNull();
    const first = el.visibleStrikes[0].properties.id;
    await until(() => el.shadowRoot!.querySelector('strike-card') && (el as unknown as { selectedId: string }).selectedId === first);
  });
});

describe.each(['en', 'ur', 'fa'])('the map’s foot in %s', (lang) => {
  it.each([375, 1280])('keeps the credits clear of the scale bars at %i px', async (width) => {
    const el = await mountIn(lang, width);
    const credits = shadow<HTMLElement>(el, '.maplibregl-ctrl-attrib')!.getBoundingClientRect();
    const bars = [...el.shadowRoot!.querySelectorAll('.maplibregl-ctrl-scale')].map((bar) => bar.getBoundingClientRect());
    expect(bars).toHaveLength(2);
    const overlaps = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    expect(bars.filter((bar) => overlaps(bar, credits))).toEqual([]);
  });
});

describe('switching language', () => {
  it('re-renders in place: the same map, the new words and direction', async () => {
    const el = await mountMap();
    const map = el.map!;
    expect(frame(el).dir).toBe('ltr');
    el.shadowRoot!.querySelector<HTMLButtonElement>('.languages button[lang=fa]')!.click();
    await shown(el, 'fa');
    await el.updateComplete;
    expect(el.map).toBe(map);
    expect(el.getAttribute('lang')).toBe('fa');
    expect(frame(el).dir).toBe('rtl');
    const table = shadow<HTMLElement>(el, 'strike-map-table')!;
    await until(() => table.shadowRoot?.querySelector('h2'));
    expect(table.shadowRoot!.querySelector('h2')!.textContent).toMatch(/^محل‌های حمله \([۰-۹]+\)$/);
    expect(map.getCanvas().getAttribute('aria-label')).toContain('نقشهٔ حمله‌های ایران و پاکستان');
    el.lang = 'en';
    await shown(el, 'en');
    await el.updateComplete;
    expect(table.shadowRoot!.querySelector('h2')!.textContent).toMatch(/^Strike sites \(\d+\)$/);
    expect(el.map).toBe(map);
  });

  it('follows the nearest lang up the tree when it has none of its own', async () => {
    const wrapper = document.createElement('div');
    wrapper.lang = 'ur-PK';
    document.body.append(wrapper);
    const el = document.createElement('strike-map');
    el.style.cssText = 'display:block;width:900px';
    wrapper.append(el);
    try {
      await el.ready;
      await shown(el, 'ur');
      expect(shadow(el, '.skip')!.textContent).toBe('حملوں کے مقامات کے جدول پر جائیں');
    } finally {
      wrapper.remove();
    }
  });
});

describe("the explorer page's own words", () => {
  it('are set as text, with <html lang dir>, and back to English', () => {
    const root = document.documentElement;
    const before = { lang: root.lang, dir: root.dir, title: document.title };
    const header = document.createElement('header');
    header.innerHTML = '<h1 data-page-text="heading">x</h1><p><strong data-page-text="lead">x</strong></p><p data-page-text="intro">x</p><p data-page-text="footer">x</p>';
    document.body.append(header);
    try {
      applyPageText(document, 'fa');
      expect([root.lang, root.dir, document.title]).toEqual(['fa', 'rtl', PAGE_TEXT.fa.title]);
      expect(header.querySelector('h1')!.textContent).toBe('حمله‌های ایران و پاکستان، دی ۱۴۰۲ (ژانویهٔ ۲۰۲۴)');
      expect(header.querySelector('strong')!.textContent).toBe(PAGE_TEXT.fa.lead);
      expect(getComputedStyle(header.querySelector('h1')!).direction).toBe('rtl');
      applyPageText(document, 'ur');
      expect(header.querySelector('h1')!.textContent).toBe('ایران اور پاکستان کے حملے، جنوری 2024');
      expect(header.querySelectorAll('*')).toHaveLength(5); // text only: no markup was parsed
      applyPageText(document, 'en');
      expect([root.lang, root.dir]).toEqual(['en', 'ltr']);
      expect(header.querySelector('[data-page-text=footer]')!.textContent).toBe(PAGE_TEXT.en.footer);
    } finally {
      header.remove();
      Object.assign(root, { lang: before.lang, dir: before.dir });
      document.title = before.title;
    }
  });
});
