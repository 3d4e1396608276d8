import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { pointToLineDistance } from '@turf/turf';
import { idle, mountMap, shadow, unmountAll } from './helpers.ts';
import type { StrikeMap } from '../../src/components/strike-map.ts';
import type { MeasureDetail, StrikeMapMeasure } from '../../src/components/strike-map-measure.ts';

afterEach(unmountAll);

const tool = (el: StrikeMap) => shadow<StrikeMapMeasure>(el, 'strike-map-measure')!;
const button = (el: StrikeMap, label: string) =>
  [...tool(el).shadowRoot!.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent!.trim()) === label)!;
const nextMeasure = (el: StrikeMap) => new Promise<MeasureDetail>((resolve) => el.addEventListener('strike-map-measure', (e) => resolve((e as CustomEvent<MeasureDetail>).detail), { once: true }));

describe('measuring', () => {
  it('measures distance to the border where the user clicks, matching Turf', async () => {
    const el = await mountMap();
    await userEvent.click(button(el, 'Distance to border'));
    const at: [number, number] = [62.0, 27.0];
    const { x, y } = el.map!.project(at);
    const measured = nextMeasure(el);
    await userEvent.click(el.map!.getCanvas(), { position: { x, y } });
    const detail = await measured;
    if (detail.mode !== 'border') throw new Error('expected a border measurement');
    const lngLat = detail.point;
    const expected = pointToLineDistance(lngLat, el['story']!.data.border.features[0] as never, { units: 'kilometers' });
    expect(detail.km).toBeCloseTo(expected, 3);
    expect(detail.side).toBe('IR');
    expect(tool(el).shadowRoot!.querySelector('[role="status"]')!.textContent).toMatch(/^Iran, [\d.]+ km from the border/);
    await idle(el);
    expect(el.map!.queryRenderedFeatures({ layers: ['measure-line'] }).length).toBeGreaterThan(0);
  });

  it('measures a path with the keyboard crosshair', async () => {
    const el = await mountMap();
    await userEvent.click(button(el, 'Measure path'));
    el.map!.getCanvas().focus();
    el.map!.jumpTo({ center: [61.0, 28.0] });
    await userEvent.keyboard('{Enter}');
    el.map!.jumpTo({ center: [62.0, 28.0] });
    const measured = nextMeasure(el);
    await userEvent.keyboard('{Enter}');
    const detail = await measured;
    if (detail.mode !== 'path') throw new Error('expected a path measurement');
    expect(detail.legsKm).toHaveLength(1);
    expect(detail.totalKm).toBeGreaterThan(97);
    expect(detail.totalKm).toBeLessThan(99); // 1° of longitude at 28° N ≈ 98.2 km
    await userEvent.keyboard('{Escape}');
    expect(tool(el).shadowRoot!.querySelector('[role="status"]')!.textContent).toBe('');
  });

  it('measures distance to the border from the keyboard crosshair, and a path with the mouse', async () => {
    const el = await mountMap();
    await userEvent.click(button(el, 'Distance to border'));
    el.map!.getCanvas().focus();
    el.map!.jumpTo({ center: [64.0946, 26.9719] }); // Panjgur town
    const measured = nextMeasure(el);
    await userEvent.keyboard('{Enter}');
    const detail = await measured;
    if (detail.mode !== 'border') throw new Error('expected a border measurement');
    expect(detail.side).toBe('PK');
    expect(detail.km).toBeCloseTo((await el.distanceToBorder([64.0946, 26.9719])).km, 6);

    await userEvent.click(button(el, 'Measure path'));
    const points: [number, number][] = [[61, 27], [62, 27], [62, 28]];
    let last!: MeasureDetail;
    for (const p of points) {
      const { x, y } = el.map!.project(p);
      const next = nextMeasure(el);
      await userEvent.click(el.map!.getCanvas(), { position: { x, y } });
      last = await next;
    }
    if (last.mode !== 'path') throw new Error('expected a path measurement');
    expect(last.legsKm).toHaveLength(2);
    expect(last.legsKm[1]).toBeGreaterThan(110); // 1° of latitude ≈ 111 km, give or take the click's pixel
    expect(last.legsKm[1]).toBeLessThan(112);
  });

  it('shows the built-in distance bands and adds a custom one', async () => {
    const el = await mountMap();
    await userEvent.click(button(el, 'Bands'));
    await new Promise((r) => setTimeout(r, 500));
    await idle(el);
    const shown = () => new Set(el.map!.querySourceFeatures('bands').map((f) => f.properties.distance_km));
    expect(shown()).toEqual(new Set([10, 25, 50]));
    const input = tool(el).shadowRoot!.querySelector<HTMLInputElement>('input[name="km"]')!;
    await userEvent.fill(input, '5');
    await userEvent.click(tool(el).shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!);
    await expect.poll(() => tool(el).shadowRoot!.textContent, { timeout: 15_000 }).toContain('5 km band added');
    await idle(el);
    expect(shown()).toEqual(new Set([5, 10, 25, 50]));
  });

  it('draws the bands of the bands attribute as map features, follows live changes and reports bad values', async () => {
    const errors: string[] = [];
    const el = await mountMap({ bands: '10 30:PK' });
    el.addEventListener('strike-map-error', (e) => errors.push((e as CustomEvent<{ message: string }>).detail.message));
    const bands = () => el.map!.querySourceFeatures('bands').map((f) => `${f.properties.distance_km}${f.properties.side && f.properties.side !== 'null' ? `:${f.properties.side}` : ''}`);
    await expect.poll(() => new Set(bands()), { timeout: 20_000 }).toEqual(new Set(['10', '30:PK']));
    expect(el.map!.getLayoutProperty('bands-fill', 'visibility')).toBe('visible'); // drawn without pressing anything
    expect(button(el, 'Bands').getAttribute('aria-pressed')).toBe('true');
    el.bands = '25 lots 900';
    await expect.poll(() => new Set(bands()), { timeout: 20_000 }).toEqual(new Set(['25']));
    expect(errors.join(' ')).toContain('"lots" is not a distance');
    expect(errors.join(' ')).toContain('"900" is outside');
    expect(el.shadowRoot!.textContent).toContain('"lots" is not a distance'); // the notice inside the map
    el.setAttribute('bands', '');
    await expect.poll(() => bands().length, { timeout: 20_000 }).toBe(0);
  });

  it('shows the shipped bands from the legend switch and from builtin="… bands", without the Bands button', async () => {
    const el = await mountMap();
    const shown = () => new Set(el.map!.querySourceFeatures('bands').map((f) => f.properties.distance_km));
    const legend = shadow<HTMLElement>(el, 'strike-map-legend')!;
    const box = [...legend.shadowRoot!.querySelectorAll('label')].find((l) => l.textContent!.includes('Distance bands'))!.querySelector('input')!;
    await userEvent.click(box);
    await expect.poll(() => shown(), { timeout: 10_000 }).toEqual(new Set([10, 25, 50]));
    expect(button(el, 'Bands').getAttribute('aria-pressed')).toBe('true');
    unmountAll();
    const only = await mountMap({ builtin: 'border bands' });
    only.shadowRoot!.querySelector('strike-map-legend'); // (no clicks at all)
    await expect.poll(() => new Set(only.map!.querySourceFeatures('bands').map((f) => f.properties.distance_km)), { timeout: 10_000 }).toEqual(new Set([10, 25, 50]));
    expect(only.map!.getLayoutProperty('bands-line', 'visibility')).toBe('visible');
  });

  it('measures to the border on a long press (touch), in any mode', async () => {
    const el = await mountMap();
    const canvas = el.map!.getCanvas();
    const at: [number, number] = [63.0, 27.4];
    const { x, y } = el.map!.project(at);
    const box = canvas.getBoundingClientRect();
    const touch = new Touch({ identifier: 1, target: canvas, clientX: box.left + x, clientY: box.top + y });
    const measured = nextMeasure(el);
    canvas.dispatchEvent(new TouchEvent('touchstart', { touches: [touch], targetTouches: [touch], changedTouches: [touch], bubbles: true, cancelable: true }));
    const detail = await measured; // fires after the press is held (~0.55 s), with no touchend
    canvas.dispatchEvent(new TouchEvent('touchend', { touches: [], targetTouches: [], changedTouches: [touch], bubbles: true, cancelable: true }));
    if (detail.mode !== 'border') throw new Error('expected a border measurement');
    expect(detail.point[0]).toBeCloseTo(at[0], 2);
    expect(detail.point[1]).toBeCloseTo(at[1], 2);
    expect(detail.km).toBeCloseTo((await el.distanceToBorder(at)).km, 1);
  });

  it('exposes distanceToBorder on the element', async () => {
    const el = await mountMap();
    const result = await el.distanceToBorder([64.0946, 26.9719]); // Panjgur town
    expect(result.side).toBe('PK');
    expect(result.km).toBeGreaterThan(60);
    expect(result.km).toBeLessThan(90);
  });
});
