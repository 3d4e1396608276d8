import { afterEach, describe, expect, it, vi } from 'vitest';
import { idle, mountMap, renderedValues, unmountAll } from './helpers.ts';

afterEach(unmountAll);

describe('<strike-map>', () => {
  it('shows the border, both provinces and the strike sites at the default view', async () => {
    const el = await mountMap();
    expect(el.map!.queryRenderedFeatures({ layers: ['border-line'] }).length).toBeGreaterThan(0);
    expect(renderedValues(el, 'provinces-fill', 'name')).toEqual(new Set(['Balochistan', 'Sistan and Baluchestan']));
    const strikes = renderedValues(el, 'strikes-symbol', 'category');
    expect(strikes).toEqual(new Set(['cross-border'])); // context strikes are off by default
    for (const id of ['border', 'provinces', 'strikes', 'places']) expect(el.map!.getSource(id), id).toBeDefined();
  });

  it('asks no host but its own origin for anything', async () => {
    await mountMap();
    const foreign = performance
      .getEntriesByType('resource')
      .map((entry) => entry.name)
      .filter((url) => !url.startsWith(location.origin) && !url.startsWith('data:') && !url.startsWith('blob:'));
    expect(foreign).toEqual([]);
  });

  it('credits OpenStreetMap, Natural Earth and GeoNames', async () => {
    const el = await mountMap();
    const text = el.shadowRoot!.querySelector('.maplibregl-ctrl-attrib')!.textContent!;
    expect(text).toContain('© OpenStreetMap contributors');
    expect(text).toContain('Natural Earth');
    expect(text).toContain('GeoNames');
  });

  it('close in (zoom 10.5) names the GeoNames settlements there, and each district once', async () => {
    // East of Saravan, where Pakistan struck: Āspīch and Zangīyān.
    const el = await mountMap({ center: '62.3,27.3', zoom: '9' });
    el.map!.jumpTo({ center: [62.3, 27.3], zoom: 10.5 });
    await idle(el);
    const settlements = el.map!.queryRenderedFeatures({ layers: ['settlements-dot'] });
    expect(settlements.length).toBeGreaterThan(0);
    expect(renderedValues(el, 'settlements-label', 'name')).toContain('Āspīch');
    el.map!.jumpTo({ center: [62.9, 27.3], zoom: 11 });
    await idle(el);
    const districtNames = el.map!.queryRenderedFeatures({ layers: ['district-labels'] }).map((f) => f.properties.name);
    expect(new Set(districtNames).size).toBe(districtNames.length);
  });

  // Many cycles (and the freed WebGL contexts and heap) are the robustness suite's; a few prove the mechanism.
  it('creates a fresh map on every re-attach and leaves none behind, without warnings or errors', async () => {
    const warnings = vi.spyOn(console, 'warn');
    const errors = vi.spyOn(console, 'error');
    const el = await mountMap();
    const maps = new Set([el.map]);
    for (let i = 0; i < 4; i++) {
      const before = el.map!;
      el.remove();
      expect(el.map).toBeUndefined();
      // MapLibre marks a removed map; its canvas leaves the DOM with it.
      expect((before as unknown as { _removed: boolean })._removed).toBe(true);
      document.body.append(el);
      await el.ready;
      maps.add(el.map);
    }
    expect(maps.size).toBe(5);
    expect(el.shadowRoot!.querySelectorAll('canvas.maplibregl-canvas').length).toBe(1);
    const ours = (spy: typeof warnings) => spy.mock.calls.filter((args) => !String(args[0]).includes('GPU stall'));
    expect(ours(warnings)).toEqual([]);
    expect(ours(errors)).toEqual([]);
  });

  it('follows the size of its host element', async () => {
    const el = await mountMap({}, { width: 600, height: 400 });
    el.style.width = '820px';
    await new Promise((r) => setTimeout(r, 300));
    expect(el.map!.getCanvas().clientWidth).toBe(el.clientWidth - 320); // the side panel is 320 px
  });

  it('shows distances in the units asked for, and says so when the units are unknown', async () => {
    const el = await mountMap({ units: 'mi' });
    const cell = () => el.shadowRoot!.querySelector('strike-map-table')!.shadowRoot!.querySelector('tbody td:nth-child(7)')!.textContent!;
    expect(cell()).toMatch(/\d mi/);
    el.setAttribute('units', 'miles');
    await el.updateComplete;
    await el.updateComplete;
    expect(cell()).toMatch(/\d km/);
    expect(el.shadowRoot!.querySelector('.notice')!.textContent).toContain('units="miles" is not one of km, mi, nmi');
  });

  it('opens the card named by site= and shows the story up to day=, without moving a view set by center and zoom; both follow live changes', async () => {
    const el = await mountMap({ site: 'strike_ir_kohisabz_20240116', day: '2024-01-16', center: '63.1,26.8', zoom: '8' });
    const card = () => (el.shadowRoot!.querySelector('strike-card') as unknown as { feature?: { properties: { id: string } } } | null)?.feature?.properties.id;
    const day = () => (el.shadowRoot!.querySelector('strike-map-timeline') as unknown as { day: string | null }).day;
    const notices = () => [...el.shadowRoot!.querySelectorAll('.notices [role="alert"]')].map((n) => n.textContent!);
    await expect.poll(card).toBe('strike_ir_kohisabz_20240116');
    expect(day()).toBe('2024-01-16');
    expect(el.map!.getZoom()).toBeCloseTo(8, 5);
    expect(el.map!.getCenter().lng).toBeCloseTo(63.1, 5);
    expect(renderedValues(el, 'strikes-symbol', 'id')).toEqual(new Set(['strike_ir_kohisabz_20240116'])); // Pakistan's strikes came two days later

    el.setAttribute('site', 'strike_pk_haqabad_shamsar_20240118');
    el.setAttribute('day', '');
    await expect.poll(card).toBe('strike_pk_haqabad_shamsar_20240118');
    expect(day()).toBeNull();
    expect(notices()).toEqual([]);

    // Bad values: a notice each, the card closed and every day shown; nothing else changes.
    el.setAttribute('site', 'no_such_site');
    el.setAttribute('day', '2024-02-30');
    await expect.poll(() => notices().length).toBe(2);
    expect(notices().join(' ')).toContain('site="no_such_site": no strike site has that id');
    expect(notices().join(' ')).toContain('day="2024-02-30" is not a date written as YYYY-MM-DD');
    expect(card()).toBeUndefined();
    expect(day()).toBeNull();
  });

  it('honours center and zoom attributes', async () => {
    const el = await mountMap({ center: '63.1,26.8', zoom: '8' });
    expect(el.map!.getZoom()).toBeCloseTo(8, 5);
    expect(el.map!.getCenter().lng).toBeCloseTo(63.1, 3);
  });
});
