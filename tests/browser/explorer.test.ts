import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import axe from 'axe-core';
import { idle, mountMap, renderedValues, shadow, unmountAll } from './helpers.ts';
import type { StrikeMap } from '../../src/components/strike-map.ts';
import type { StrikeFeature } from '../../src/data/types.ts';
import '../../src/components/strike-card.ts';

afterEach(() => {
  unmountAll();
  history.replaceState(null, '', location.pathname);
});

const card = (el: StrikeMap) => shadow<HTMLElement>(el, 'strike-card');
const crossBorder = (el: StrikeMap) => el.strikes.filter((f) => f.properties.category === 'cross-border');

/** Clicks the map canvas where a strike symbol is drawn. */
async function clickStrike(el: StrikeMap, strike: StrikeFeature) {
  const { x, y } = el.map!.project(strike.geometry.coordinates as [number, number]);
  await userEvent.click(el.map!.getCanvas(), { position: { x, y } });
}

describe('selecting a strike site', () => {
  it('by click opens its card with every casualty account', async () => {
    const el = await mountMap();
    const strike = crossBorder(el).find((f) => f.properties.attacker === 'PK')!;
    await clickStrike(el, strike);
    await el.updateComplete;
    const text = card(el)!.shadowRoot!.textContent!;
    expect(text).toContain(strike.properties.place);
    for (const account of strike.properties.casualties) {
      expect(text).toContain(account.by);
      expect(text).toContain(account.text);
    }
    expect(card(el)!.shadowRoot!.querySelector('.casualties .badge')?.textContent).toBe('disputed');
    expect(text).toMatch(/Distance to the border: .*km/);
  });

  it('by keyboard steps through the sites in date order, and Escape closes the card', async () => {
    const el = await mountMap();
    el.map!.getCanvas().focus();
    const inOrder = crossBorder(el);
    await userEvent.keyboard('{ArrowRight}');
    await el.updateComplete;
    expect(card(el)!.shadowRoot!.querySelector('h2')!.textContent).toBe(inOrder[0].properties.place);
    await userEvent.keyboard('{ArrowRight}');
    await el.updateComplete;
    expect(card(el)!.shadowRoot!.querySelector('h2')!.textContent).toBe(inOrder[1].properties.place);
    expect(shadow(el, '[aria-live]')!.textContent).toContain(inOrder[1].properties.place);
    await userEvent.keyboard('{Escape}');
    await el.updateComplete;
    expect(card(el)).toBeNull();
  });
});

describe('timeline', () => {
  it('choosing a day shows only what had happened by then', async () => {
    const el = await mountMap();
    expect(renderedValues(el, 'strikes-symbol', 'attacker')).toEqual(new Set(['IR', 'PK']));
    el.setDay('2024-01-16');
    await el.updateComplete;
    await idle(el);
    expect(renderedValues(el, 'strikes-symbol', 'attacker')).toEqual(new Set(['IR']));
    el.setDay('2024-01-15');
    await el.updateComplete;
    await idle(el);
    expect(el.map!.queryRenderedFeatures({ layers: ['strikes-symbol'] })).toHaveLength(0);
  });

  it('plays through the days on its own and can be paused', async () => {
    const el = await mountMap();
    const timeline = shadow<HTMLElement>(el, 'strike-map-timeline')!;
    // The days played, in order, whatever the machine's speed (a busy machine may show two before we look).
    const played: string[] = [];
    timeline.addEventListener('day-change', (e) => played.push((e as CustomEvent<string>).detail));
    const play = [...timeline.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === 'Play')!;
    await userEvent.click(play);
    await expect.poll(() => played.length, { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
    expect(played[0]).toBe('2024-01-15'); // the first day with a strike on the map
    expect([...played].sort()).toEqual(played); // forwards only
    await userEvent.click([...timeline.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === 'Pause')!);
    const paused = played.length;
    await new Promise((r) => setTimeout(r, 2000)); // longer than a play step: a running timer would have moved
    expect(played.length).toBe(paused);
    expect(el['choices'].day).toBe(played.at(-1));
  });

  it('has step buttons that move the day', async () => {
    const el = await mountMap();
    const timeline = shadow<HTMLElement>(el, 'strike-map-timeline')!;
    const next = timeline.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-label="Next day"]')!;
    await userEvent.click(next);
    await el.updateComplete;
    expect(timeline.shadowRoot!.querySelector('output')!.textContent).toMatch(/up to \d+ Jan/);
  });
});

describe('legend', () => {
  it('switches a layer off and on', async () => {
    const el = await mountMap();
    const legend = shadow<HTMLElement>(el, 'strike-map-legend')!;
    const boxes = [...legend.shadowRoot!.querySelectorAll<HTMLLabelElement>('label')];
    const border = boxes.find((l) => l.textContent!.includes('border'))!.querySelector('input')!;
    await userEvent.click(border);
    await el.updateComplete;
    expect(el.map!.getLayoutProperty('border-line', 'visibility')).toBe('none');
    const context = boxes.find((l) => l.textContent!.includes('context'))!.querySelector('input')!;
    await userEvent.click(context);
    await el.updateComplete;
    expect(el.visibleStrikes.some((f) => f.properties.category === 'context')).toBe(true);
  });
});

describe('shareable state', () => {
  it('round-trips view, site and day through the URL hash', async () => {
    const el = await mountMap({ hash: '' });
    const strike = crossBorder(el)[0];
    el.select(strike.properties.id, { fly: false });
    el.setDay('2024-01-19');
    el.map!.jumpTo({ center: [62.5, 27.1], zoom: 6.5 });
    await el.updateComplete;
    el.map!.fire('moveend');
    const hash = location.hash;
    expect(hash).toContain(`site=${strike.properties.id}`);
    expect(hash).toContain('day=2024-01-19');
    el.remove();
    const again = await mountMap({ hash: '' });
    expect(again.map!.getZoom()).toBeCloseTo(6.5, 1);
    expect(again.map!.getCenter().lng).toBeCloseTo(62.5, 2);
    expect(card(again)!.shadowRoot!.querySelector('h2')!.textContent).toBe(strike.properties.place);
    expect(shadow(again, 'strike-map-timeline')!.shadowRoot!.querySelector('output')!.textContent).toBe('up to 19 Jan');
  });
});

describe('export', () => {
  it('makes a non-blank PNG with a caption', async () => {
    const el = await mountMap();
    const { mapPng } = await import('../../src/components/downloads.ts');
    const blob = await mapPng(el.map!, 'caption', 'attribution', false);
    const image = await createImageBitmap(blob);
    expect(image.height).toBeGreaterThan(el.map!.getCanvas().height);
    const canvas = new OffscreenCanvas(image.width, image.height);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(image, 0, 0);
    const pixels = ctx.getImageData(0, image.height / 2, image.width, 1).data;
    const colours = new Set<number>();
    for (let i = 0; i < pixels.length; i += 4) colours.add((pixels[i] << 16) | (pixels[i + 1] << 8) | pixels[i + 2]);
    expect(colours.size).toBeGreaterThan(5);
  });
});

describe('accessibility', () => {
  it('has no axe-core violations', async () => {
    const el = await mountMap();
    el.select(crossBorder(el)[0].properties.id, { fly: false });
    await el.updateComplete;
    const result = await axe.run(el, { resultTypes: ['violations'] });
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
  });
});

describe('data is text', () => {
  it('shows markup in a strike field as literal text', async () => {
    const payload = '<img src=x onerror="window.__pwned=1">';
    const el = await mountMap();
    const strike = structuredClone(crossBorder(el)[0]);
    strike.properties.place = payload;
    strike.properties.casualties[0].text = payload;
    strike.properties.sources = ['javascript:window.__pwned=1', ...strike.properties.sources];
    const c = document.createElement('strike-card');
    c.feature = strike;
    document.body.append(c);
    await c.updateComplete;
    expect(c.shadowRoot!.querySelector('h2')!.textContent).toBe(payload);
    expect(c.shadowRoot!.querySelector('img')).toBeNull();
    expect([...c.shadowRoot!.querySelectorAll('a')].some((a) => a.href.startsWith('javascript:'))).toBe(false);
    expect(c.shadowRoot!.textContent).toContain('javascript:window.__pwned=1');
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
    c.remove();
  });
});
