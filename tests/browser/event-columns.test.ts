/**
 * A dropped CSV of dated points in no known convention: read at once when its columns are plain,
 * else a dialog asks which columns hold what (keyboard only here), and the answer is kept.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { mountMap, shadow, unmountAll, until } from './helpers.ts';
import type { StrikeMap } from '../../src/components/strike-map.ts';

afterEach(unmountAll);

const userData = (el: StrikeMap) => el['userData'];
/** The page's-own-data controller, loaded by a drop or a <strike-map-layer>. */
const controller = (el: StrikeMap) => el['userData'].controller!;
const dialogOf = (el: StrikeMap) => shadow<HTMLElement>(el, 'strike-event-columns')?.shadowRoot?.querySelector('dialog');
/** Drops a file and answers the column dialog with "Plain points". */
async function dropAsPlainPoints(el: StrikeMap, file: File): Promise<void> {
  const adding = userData(el).addFiles([file]);
  const dialog = await until(() => dialogOf(el));
  [...dialog.querySelectorAll('button')].find((b) => b.textContent === 'Plain points')!.click();
  await adding;
}
// Two columns of dates, neither called "date": the map cannot know which one the events happened on.
const twoDates = ['site,lon,lat,reported,happened,radius_km,side', 'Koh-i-Sabz,63.09,26.74,2024-01-17,2024-01-16,3,IR', 'Saravan,62.33,27.37,2024-01-19,2024-01-18,9,PK', 'Nowhere,,,2024-01-20,2024-01-19,2,PK'].join('\n');

describe('a CSV of events in no known convention', () => {
  it('with one "date" column: read as events without a question', async () => {
    const el = await mountMap();
    await userData(el).addFiles([new File(['name,lon,lat,date\nA,62.3,27.4,2024-01-18\nB,63.1,26.8,2024-01-16\n'], 'plain-dates.csv')]);
    expect(dialogOf(el)).toBeFalsy();
    const [layer] = controller(el).dropped;
    expect(layer.format).toBe('CSV');
    expect(layer.collection.features.map((f) => f.properties!.date)).toEqual(['2024-01-18', '2024-01-16']);
    await until(() => shadow(el, 'strike-map-events')?.shadowRoot?.querySelector('h2')?.textContent?.includes('plain-dates.csv'));
  });

  it('unsure: a modal dialog with the guess preselected; the reader picks the other date column by keyboard', async () => {
    const el = await mountMap();
    const adding = userData(el).addFiles([new File([twoDates], 'sightings.csv')]);
    const dialog = await until(() => dialogOf(el));
    await until(() => dialog.open);
    expect(dialog.matches(':modal')).toBe(true);
    expect(dialog.querySelector('h2')!.textContent).toContain('sightings.csv');
    const select = (name: string) => dialog.querySelector<HTMLSelectElement>(`select[name="${name}"]`)!;
    expect([...select('date').options].map((o) => o.value)).toEqual(['reported', 'happened']);
    expect(select('date').value).toBe('reported');
    expect(select('uncertainty_km').value).toBe('radius_km');
    expect(select('place').value).toBe('site');
    select('date').focus();
    await userEvent.keyboard('{ArrowDown}');
    expect(select('date').value).toBe('happened');
    select('actor1').value = 'side';
    dialog.querySelector<HTMLButtonElement>('button[type="submit"]')!.focus();
    await userEvent.keyboard('{Enter}');
    await adding;
    expect(dialogOf(el)).toBeFalsy();
    const [layer] = controller(el).dropped;
    expect(layer.format).toBe('CSV');
    expect(layer.collection.features.map((f) => [f.properties!.site, f.properties!.date, f.properties!.uncertainty_km, f.properties!.event_actor1])).toEqual([
      ['Koh-i-Sabz', '2024-01-16', 3, 'IR'],
      ['Saravan', '2024-01-18', 9, 'PK'],
    ]);
    // The row without coordinates is named in the notice, not lost silently.
    await until(() => el.shadowRoot!.textContent!.includes('sightings.csv, row 4'));
  });

  it('"Plain points" reads it as an ordinary layer; Escape reads nothing', async () => {
    const el = await mountMap();
    await dropAsPlainPoints(el, new File([twoDates], 'as-points.csv'));
    expect(controller(el).dropped.map((layer) => [layer.name, layer.format])).toEqual([['as-points.csv', undefined]]);

    const again = userData(el).addFiles([new File([twoDates], 'not-now.csv')]);
    const second = await until(() => dialogOf(el));
    await until(() => second.open);
    second.querySelector<HTMLSelectElement>('select')!.focus();
    await userEvent.keyboard('{Escape}');
    await again;
    expect(controller(el).dropped.map((layer) => layer.name)).toEqual(['as-points.csv']);
  });
});

describe('GeoJSON points with dates in no known convention', () => {
  const point = (site: string, at: [number, number], reported: string, happened: string, km: number) => ({ type: 'Feature', properties: { site, reported, happened, radius_km: km }, geometry: { type: 'Point', coordinates: at } });
  const sightings = JSON.stringify({
    type: 'FeatureCollection',
    features: [point('Koh-i-Sabz', [63.09, 26.74], '2024-01-17', '2024-01-16', 3), point('Saravan', [62.33, 27.37], '2024-01-19', '2024-01-18', 9)],
  });

  it('unsure: the same dialog asks; the chosen properties make them events', async () => {
    const el = await mountMap();
    const adding = userData(el).addFiles([new File([sightings], 'sightings.geojson')]);
    const dialog = await until(() => dialogOf(el));
    await until(() => dialog.open);
    expect(dialog.querySelector('h2')!.textContent).toContain('sightings.geojson');
    const select = (name: string) => dialog.querySelector<HTMLSelectElement>(`select[name="${name}"]`)!;
    expect([...select('date').options].map((o) => o.value)).toEqual(['reported', 'happened']);
    select('date').focus();
    await userEvent.keyboard('{ArrowDown}');
    dialog.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await adding;
    const [layer] = controller(el).dropped;
    expect(layer.format).toBe('CSV');
    expect(layer.collection.features.map((f) => [f.properties!.site, f.properties!.date, f.properties!.uncertainty_km])).toEqual([
      ['Koh-i-Sabz', '2024-01-16', 3],
      ['Saravan', '2024-01-18', 9],
    ]);
    await until(() => shadow(el, 'strike-map-events')?.shadowRoot?.querySelector('h2')?.textContent?.includes('sightings.geojson'));
  });

  it('"Plain points" keeps them an ordinary layer, asked once', async () => {
    const el = await mountMap();
    await dropAsPlainPoints(el, new File([sightings], 'plain.geojson'));
    expect(dialogOf(el)).toBeFalsy();
    expect(controller(el).dropped.map((layer) => [layer.name, layer.format, layer.collection.features.length])).toEqual([['plain.geojson', undefined, 2]]);
  });
});
