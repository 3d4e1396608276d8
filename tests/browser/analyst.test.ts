/**
 * The analyst's path through an event dataset: drop a UCDP-format file, brush a period, read the
 * events within 10 km of the border by year, filter by actor, open an event, share the link. The
 * expected counts are worked out here, apart from the map: distances by Turf over the shipped
 * border.geojson, periods and facets from the file's own columns.
 */
import type { LitElement } from 'lit';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { circle, nearestPointOnLine } from '@turf/turf';
import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import { idle, mountMap, shadow, unmountAll, until } from './helpers.ts';
import type { StrikeMap } from '../../src/components/strike-map.ts';
import { ucdpSample } from '../fixtures/events/samples.ts';
import { parseUserText } from '../../src/data/parse-user.ts';
import { eventFacts } from '../../src/data/event-stats.ts';

const userData = (el: StrikeMap) => el['userData'];
/** The page's-own-data controller, loaded by a drop or a <strike-map-layer>. */
const controller = (el: StrikeMap) => el['userData'].controller!;
const panel = (el: StrikeMap) => shadow<HTMLElement>(el, 'strike-map-events')!.shadowRoot!;
const summary = (el: StrikeMap) => panel(el).querySelector('[role="status"]')!.textContent!.trim();
const rowsOf = (table: Element) => [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent!.replace(/\s+/g, ' ').trim()));

let border: FeatureCollection<LineString>;

/** Distance to the border by Turf, brute force over the shipped line. */
async function turfDistances(features: Feature[]): Promise<number[]> {
  border = await (await fetch(new URL('../../geodata/border.geojson', import.meta.url).href)).json();
  return features.map((f) => nearestPointOnLine(border.features[0], (f.geometry as Point).coordinates, { units: 'kilometers' }).properties.pointDistance!);
}

describe('analyst mode with a UCDP GED file', () => {
  let el: StrikeMap;
  let features: Feature[];
  let km: number[];
  const rows = 700; // 300 pins (where_prec 1–3) from 2008 to 2024

  beforeAll(async () => {
    history.replaceState(null, '', location.pathname);
    el = await mountMap({ hash: '' }, { width: 1100, height: 600 });
    await userData(el).addFiles([new File([ucdpSample(rows)], 'ged.csv')]);
    await until(() => shadow(el, 'strike-map-events')?.shadowRoot?.querySelector('h2'));
    await shadow<LitElement>(el, 'strike-map-events')!.updateComplete; // the panel shows in parts, a task each
    features = controller(el).dropped[0].collection.features;
    km = await turfDistances(features);
  });
  afterAll(() => {
    unmountAll();
    history.replaceState(null, '', location.pathname);
  });

  /** The events the test expects in a period (day numbers) with an actor (or any). */
  const expected = (from: string, to: string, actor?: string) =>
    features.map((f, i) => ({ p: f.properties!, km: km[i] })).filter(({ p }) => p.date <= to && p.date_end >= from && (!actor || p.side_a === actor || p.side_b === actor));

  it('shows the whole span at first, per year, with every event counted', () => {
    expect(panel(el).querySelector('h2')!.textContent).toBe('ged.csv: 300 events (UCDP GED)');
    const long = (iso: string) => new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
    const [first, last] = [features.map((f) => f.properties!.date).sort()[0], features.map((f) => f.properties!.date_end).sort().at(-1)!];
    expect(summary(el)).toBe(`300 of 300 events selected, ${long(first)} to ${long(last)}.`);
    expect(panel(el).querySelector('.note')!.textContent).toMatch(/^Events per year;/);
    // One bar (two rects: exact and spread) per year from the first day to the last.
    expect(panel(el).querySelectorAll('.chart rect.exact').length).toBe(Number(last.slice(0, 4)) - Number(first.slice(0, 4)) + 1);
  });

  it('a drag across the chart brushes whole years; the summary, the map and the year table follow', async () => {
    const chart = panel(el).querySelector<SVGElement>('.chart')!;
    const box = chart.getBoundingClientRect();
    const at = (year: number) => ({ x: ((year - 2008 + 0.5) / 17) * box.width, y: box.height / 2 });
    await userEvent.dragAndDrop(chart, chart, { sourcePosition: at(2010), targetPosition: at(2015) } as never);
    const chosen = expected('2010-01-01', '2015-12-31');
    expect(chosen.length).toBeGreaterThan(50);
    await expect.poll(() => summary(el)).toBe(`${chosen.length} of 300 events selected, 1 Jan 2010 to 31 Dec 2015.`);

    // Within 10 km by year: surely (the whole area of uncertainty within 10 km), possibly (any of it).
    const yearTable = [...panel(el).querySelectorAll('table')].find((t) => t.querySelector('caption')!.textContent === 'Within 10 km of the border, by year')!;
    const years = [...new Set(chosen.map(({ p }) => p.date.slice(0, 4)))].sort();
    expect(rowsOf(yearTable)).toEqual(
      years.map((year) => {
        const inYear = chosen.filter(({ p }) => p.date.startsWith(year));
        const sure = inYear.filter(({ p, km }) => km + p.uncertainty_km < 10).length;
        const possibly = inYear.filter(({ p, km }) => km - p.uncertainty_km < 10).length;
        return [year, String(inYear.length), String(sure), String(possibly)];
      }),
    );
    expect(chosen.some(({ p, km }) => km - p.uncertainty_km < 10), 'the sample has events near the border').toBe(true);

    // By band, all sides together: the events whose whole range of distances lies in the band.
    const bandTable = panel(el).querySelector('.stats table')!;
    const bandOf = (km: number) => [10, 25, 50].filter((edge) => km >= edge).length;
    const sureIn = (band: number) => chosen.filter(({ p, km }) => bandOf(Math.max(0, km - p.uncertainty_km)) === band && bandOf(km + p.uncertainty_km) === band).length;
    expect(rowsOf(bandTable).map((cells) => cells.at(-1)!.split(' ')[0])).toEqual([0, 1, 2, 3].map((band) => String(sureIn(band))));

    // The map draws the chosen events only (all of them are in view: the file was fitted).
    await idle(el);
    const layerId = controller(el).dropped[0].layerId;
    expect(el.map!.getLayer(`${layerId}-heat`), '300 pins are not dense enough for a density layer').toBeUndefined();
    const drawn = new Set(el.map!.queryRenderedFeatures({ layers: [`${layerId}-circle`] }).map((f) => f.properties.id));
    expect([...drawn].sort()).toEqual(chosen.map(({ p }) => p.id).sort());
  });

  it('the sliders move the period by keyboard, one year a step', async () => {
    const [fromSlider] = panel(el).querySelectorAll<HTMLInputElement>('input[type="range"]');
    fromSlider.focus();
    await userEvent.keyboard('{ArrowRight}');
    await expect.poll(() => summary(el)).toBe(`${expected('2011-01-01', '2015-12-31').length} of 300 events selected, 1 Jan 2011 to 31 Dec 2015.`);
    await userEvent.keyboard('{ArrowLeft}');
    await expect.poll(() => summary(el)).toMatch(/, 1 Jan 2010 to 31 Dec 2015\.$/);
  });

  it('ticking an actor keeps its events, with counts per actor; the link keeps period and actor', async () => {
    const actor = 'Side A 2 (sample)';
    const box = [...panel(el).querySelectorAll('fieldset')].find((f) => f.querySelector('legend')!.textContent === 'Actor')!;
    const label = [...box.querySelectorAll('label')].find((l) => l.textContent!.startsWith(`${actor} (`))!;
    expect(label.textContent).toBe(`${actor} (${expected('2010-01-01', '2015-12-31', actor).length})`);
    await userEvent.click(label.querySelector('input')!);
    const chosen = expected('2010-01-01', '2015-12-31', actor);
    await expect.poll(() => summary(el)).toBe(`${chosen.length} of 300 events selected, 1 Jan 2010 to 31 Dec 2015.`);
    const shared = () => new URLSearchParams(location.hash.slice(1));
    await expect.poll(() => [shared().get('events'), shared().getAll('events-actor')]).toEqual(['2010-01-01..2015-12-31', [actor]]);

    // A second map opened on the shared link, with the same file, starts from the same selection.
    // (At the top of the page: a map starts only once it is on screen.)
    const again = document.createElement('strike-map');
    again.setAttribute('hash', '');
    again.style.cssText = 'display:block;width:900px;--strike-map-height:400px';
    document.body.prepend(again);
    again.scrollIntoView();
    await again.ready;
    await userData(again).addFiles([new File([ucdpSample(rows)], 'ged.csv')]);
    await expect.poll(() => shadow(again, 'strike-map-events')?.shadowRoot?.querySelector('[role="status"]')?.textContent?.trim()).toBe(summary(el));
    again.remove();
  });

  it('the list shows the chosen events, sorts by distance, and opens an event’s card', async () => {
    const list = panel(el).querySelector('strike-event-list')!.shadowRoot!;
    const chosen = expected('2010-01-01', '2015-12-31', 'Side A 2 (sample)');
    expect(list.querySelector('table')!.getAttribute('aria-rowcount')).toBe(String(chosen.length + 1));
    await userEvent.click([...list.querySelectorAll('th button')].find((b) => b.textContent === 'Distance to border')!);
    const nearest = chosen.reduce((a, b) => (b.km < a.km ? b : a));
    await expect.poll(() => rowsOf(list.querySelector('table')!).find((r) => r.length > 1)![1]).toBe(nearest.p.where_coordinates);
    await userEvent.click(list.querySelector('tbody button')!);
    await expect.poll(() => shadow(el, 'strike-feature-card')?.shadowRoot?.textContent ?? '').toContain(nearest.p.source_article);
  });

  /** The open card's event, by its UCDP id, with what its distance line should say. */
  function expectRangeOnCard() {
    const card = shadow(el, 'strike-feature-card')!.shadowRoot!;
    const id = [...card.querySelectorAll('tr')].find((tr) => tr.querySelector('th')!.textContent === 'id')!.querySelector('td')!.textContent;
    const i = features.findIndex((f) => String(f.properties!.id) === id);
    const [d, r] = [km[i], features[i].properties!.uncertainty_km as number];
    // The farthest point of the disc is at least as far as the farthest of 256 points on its edge, and at most d + r.
    const edge = circle((features[i].geometry as Point).coordinates, r, { steps: 256, units: 'kilometers' }).geometry.coordinates[0];
    const far = Math.max(...edge.map((p) => nearestPointOnLine(border.features[0], p, { units: 'kilometers' }).properties.pointDistance!));
    const [, near, least, most, reaches] = card.querySelector('.meta')!.textContent!.match(/^Distance to the border: (\d+) km, somewhere between (\d+) km and (\d+) km(; the area of uncertainty reaches the border)?\.$/)!;
    expect(Number(near)).toBe(Math.round(d));
    expect(Number(least)).toBe(Math.round(Math.max(0, d - r)));
    expect(Number(most)).toBeGreaterThanOrEqual(Math.round(far));
    expect(Number(most)).toBeLessThanOrEqual(Math.round(d + r));
    expect(!!reaches).toBe(d <= r);
    // Then its date and place as precisely as the file gives them (UCDP codebook: date_prec, where_prec).
    const row = features[i].properties!;
    const day = (cell: string) => new Date(`${cell.slice(0, 10)}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
    const when = row.date_start.slice(0, 10) === row.date_end.slice(0, 10) ? day(row.date_start) : `${day(row.date_start)} to ${day(row.date_end)}`;
    const known = ['known to the day', 'known to within a few days', 'known to the week', 'known only to the month', 'known only to the year'][Number(row.date_prec) - 1];
    const within = { 1: '1 km', 2: '25 km', 3: '60 km' }[Number(row.where_prec) as 1 | 2 | 3];
    expect([...card.querySelectorAll('.meta.event')].map((line) => line.textContent)).toEqual([`Date: ${when}, ${known}.`, `Location: anywhere within ${within} of the plotted point.`]);
  }

  it('an event’s card gives its distance to the border as the range over its area of uncertainty, from the list and from the map', async () => {
    expectRangeOnCard(); // the card the test before opened from the list
    shadow<HTMLElement>(el, 'strike-feature-card')!.shadowRoot!.querySelector<HTMLButtonElement>('button.close')!.click();
    await until(() => !shadow(el, 'strike-feature-card'));
    // The list showed that event; a click on its pin measures from the event, not from the pixel clicked.
    const nearest = expected('2010-01-01', '2015-12-31', 'Side A 2 (sample)').reduce((a, b) => (b.km < a.km ? b : a));
    await idle(el);
    const { x, y } = el.map!.project((features.find((f) => f.properties === nearest.p)!.geometry as Point).coordinates as [number, number]);
    await userEvent.click(el.map!.getCanvas(), { position: { x: x + 2, y: y + 2 } });
    await until(() => shadow(el, 'strike-feature-card')?.shadowRoot?.querySelector('.meta'));
    expectRangeOnCard();
  });

  it('the counts download as a CSV, one row per year, side and band', async () => {
    const saved: Blob[] = [];
    const original = URL.createObjectURL;
    URL.createObjectURL = (blob: Blob) => (saved.push(blob), original.call(URL, blob));
    try {
      await userEvent.click([...panel(el).querySelectorAll('button')].find((b) => b.textContent === 'Download these counts (CSV)')!);
      await expect.poll(() => saved.length).toBe(1);
    } finally {
      URL.createObjectURL = original;
    }
    const lines = (await saved[0].text()).trim().split('\r\n');
    expect(lines[0]).toBe('year,side,from_km,to_km,events_sure,events_straddling');
    const chosen = expected('2010-01-01', '2015-12-31', 'Side A 2 (sample)');
    // Each event is sure in one band or straddles several: the sure counts plus the events that straddle add up to all.
    const sure = lines.slice(1).reduce((sum, line) => sum + Number(line.split(',')[4]), 0);
    const straddlers = chosen.filter(({ p, km }) => {
      const band = (d: number) => [10, 25, 50].filter((edge) => d >= edge).length;
      return band(Math.max(0, km - p.uncertainty_km)) !== band(km + p.uncertainty_km);
    }).length;
    expect(sure + straddlers).toBe(chosen.length);
  });
});

describe('analyst mode on a 375 px phone', () => {
  afterEach(unmountAll); // a map starts only on screen: the next one must not wait below a failed one

  for (const lang of ['en', 'ur', 'fa']) {
    it(`the panel's tables and its list of events fit without scrolling sideways (${lang})`, async () => {
      const el = await mountMap({ hash: '', lang }, { width: 375, height: 500 });
      await userData(el).addFiles([new File([ucdpSample(700)], 'ged.csv')]);
      await until(() => shadow(el, 'strike-map-events')?.shadowRoot?.querySelector('h2'));
      await shadow<LitElement>(el, 'strike-map-events')!.updateComplete;
      const tables = [...panel(el).querySelectorAll<HTMLElement>('.scroll')];
      expect(tables).toHaveLength(2);
      for (const box of tables) expect(box.scrollWidth, box.querySelector('caption')!.textContent!).toBeLessThanOrEqual(box.clientWidth);

      // The list: the place over the actors (the place opens the card), the distance over how widely the event is located.
      const list = panel(el).querySelector('strike-event-list')!.shadowRoot!;
      const scroller = list.querySelector<HTMLElement>('.scroller')!;
      await expect.poll(() => scroller.scrollWidth).toBeLessThanOrEqual(scroller.clientWidth);
      const features = controller(el).dropped[0].collection.features;
      const row = list.querySelector('tbody tr:not(.spacer)')!;
      const [place, distance] = [row.children[1], row.children[2]].map((cell) => [...cell.querySelectorAll('.line')].map((line) => line.textContent!.trim()));
      const atPlace = features.filter((f) => f.properties!.where_coordinates === place[0]);
      expect(atPlace.map((f) => [f.properties!.side_a, f.properties!.side_b].join(' – '))).toContain(place[1]);
      expect(distance[1]).toMatch(/^± /);
      const [button, box] = [row.querySelector('button')!.getBoundingClientRect(), scroller.getBoundingClientRect()];
      expect(button.left).toBeGreaterThanOrEqual(box.left);
      expect(button.right).toBeLessThanOrEqual(box.right);
      await userEvent.click(row.querySelector('button')!);
      await expect.poll(() => shadow(el, 'strike-feature-card')?.shadowRoot?.textContent ?? '').toContain(place[0]);
      shadow<HTMLElement>(el, 'strike-feature-card')!.shadowRoot!.querySelector<HTMLButtonElement>('button.close')!.click();
      // Rows of two lines still scroll to the last event.
      const count = Number(list.querySelector('table')!.getAttribute('aria-rowcount'));
      scroller.scrollTop = scroller.scrollHeight;
      await expect.poll(() => [...list.querySelectorAll('tbody tr:not(.spacer)')].at(-1)!.getAttribute('aria-rowindex')).toBe(String(count));
      // … which sits at the bottom of the box, where a wrong row height would leave a gap or cut it off.
      const [last, view] = [[...list.querySelectorAll('tbody tr')].at(-1)!.getBoundingClientRect(), scroller.getBoundingClientRect()];
      expect(last.bottom).toBeLessThanOrEqual(view.bottom + 1);
      expect(last.bottom).toBeGreaterThan(view.bottom - last.height / 2);
    });
  }
});

describe('<strike-map-events> on its own', () => {
  it('shows a new dataset in parts, and its updateComplete settles only once all of it is shown', async () => {
    await import('../../src/components/strike-map-events.ts');
    const { collection, format } = parseUserText('ged.csv', ucdpSample(700), 'events');
    const facts = eventFacts(format!, collection.features, collection.features.map(() => ({ km: 5, side: 'PK' as const })));
    const [first, last] = [Math.min(...facts.map((e) => e.start)), Math.max(...facts.map((e) => e.end))];
    const events = document.createElement('strike-map-events');
    events.analysed = { layerId: 'drop-x', name: 'ged.csv', format: format!, features: collection.features, facts, first, last };
    events.selection = { from: first, to: last, types: new Set(), actors: new Set() };
    document.body.append(events);
    try {
      await events.updateComplete;
      expect(events.shadowRoot!.querySelectorAll('.facets fieldset')).toHaveLength(2);
      expect(events.shadowRoot!.querySelectorAll('.scroll')).toHaveLength(2);
      expect(events.shadowRoot!.querySelector('strike-event-list')).not.toBeNull();
    } finally {
      events.remove();
    }
  });
});
