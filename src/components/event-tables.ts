/**
 * The analyst panel's tables, as templates: a facet's choices with their counts, the selected
 * events by distance band and side (sure and straddling), and the events within the first band by
 * year, with the counts as a CSV download. Values from the data are rendered as text.
 */
import { html, css } from 'lit';
import type { Texts } from '../i18n/texts.ts';
import type { Units } from '../geo/units.ts';
import type { EventFormat } from '../data/events.ts';
import { BAND_COUNT_COLUMNS, BAND_EDGES_KM, bandCountRows, bandCounts, yearOf, type BandCounts, type EventFacts } from '../data/event-stats.ts';

export const eventTableStyles = css`
  fieldset {
    border: 1px solid var(--_line);
    border-radius: 6px;
    margin: 0;
    padding: 4px 8px 6px;
    min-width: 0;
    flex: 1 1 220px;
  }
  legend {
    font-weight: 600;
    font-size: 13px;
  }
  .choices {
    max-height: 150px;
    overflow: auto;
    display: grid;
    gap: 2px;
  }
  .choices label {
    display: flex;
    gap: 6px;
    align-items: baseline;
    min-height: 24px;
    overflow-wrap: anywhere;
  }
  .stats {
    display: flex;
    align-items: flex-start;
    flex-wrap: wrap;
    gap: 8px 24px;
    margin-top: 8px;
  }
  table {
    border-collapse: collapse;
    font-size: 13px;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding: 4px 0;
  }
  th,
  td {
    text-align: start;
    padding: 4px 8px;
    border-bottom: 1px solid var(--_line);
    vertical-align: top;
  }
  td.num {
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .straddling {
    display: block;
    color: var(--_muted);
    font-size: 12px;
  }
  .scroll {
    max-width: 100%;
    overflow-x: auto;
  }
  /* On a phone the band table fits without sideways scrolling: narrower cells, "straddling" under its count. */
  @container (max-width: 479px) {
    table {
      font-size: 12px;
    }
    th,
    td {
      padding: 4px 3px;
    }
    td.num {
      white-space: normal;
    }
    .straddling {
      font-size: 11px;
    }
  }
`;

/** A facet value as the reader reads it: UCDP's violence types by name, others as the file has them. */
function facetLabel(t: Texts, facet: 'types' | 'actors', format: EventFormat, value: string): string {
  const key = `violence${value.trim()}` as const;
  return facet === 'types' && format === 'UCDP GED' && ['violence1', 'violence2', 'violence3'].includes(key) ? t.t(key as 'violence1') : value;
}

/** One facet as checkboxes with counts; none ticked means all. */
export function renderFacet(t: Texts, facet: 'types' | 'actors', counts: [string, number][], chosen: ReadonlySet<string>, format: EventFormat, toggle: (value: string | null, on: boolean) => void) {
  // Values ticked but absent from the counts (none left in the period) stay listed, so they can be unticked.
  const shown = [...counts, ...[...chosen].filter((value) => !counts.some(([v]) => v === value)).map((value): [string, number] => [value, 0])];
  return html`<fieldset>
    <legend>${t.t(facet === 'types' ? 'facetTypes' : 'facetActors')}</legend>
    <div class="choices">
      <label><input type="checkbox" .checked=${chosen.size === 0} ?disabled=${chosen.size === 0} @change=${() => toggle(null, false)} />${t.t('facetClear')}</label>
      ${shown.map(
        ([value, count]) =>
          html`<label><input type="checkbox" .checked=${chosen.has(value)} @change=${(e: Event) => toggle(value, (e.target as HTMLInputElement).checked)} /><span><bdi>${facetLabel(t, facet, format, value)}</bdi> (${t.number(count)})</span></label>`,
      )}
    </div>
  </fieldset>`;
}

const SIDES = ['PK', 'IR', ''] as const;

function countCell(t: Texts, counts: BandCounts | undefined, band: number) {
  const [sure, straddling] = counts ? [counts.sure[band], counts.straddling[band]] : [0, 0];
  return html`<td class="num">${t.number(sure)}${straddling ? html` <span class="straddling">${t.t('straddlingN', { count: straddling })}</span>` : ''}</td>`;
}

/** The bands' names in the reader's units: "0 to 10 km" … "50 km or more". */
function bandNames(t: Texts, units: Units): string[] {
  const edges = [0, ...BAND_EDGES_KM];
  return edges.map((km, i) => (i + 1 < edges.length ? t.t('bandRange', { min: t.distance(km, units, true), max: t.distance(edges[i + 1], units, true) }) : t.t('bandBeyond', { min: t.distance(km, units, true) })));
}

/** Two groups' counts together (each event is in one group, so its counts are in one of the two). */
const added = (a: BandCounts | undefined, b: BandCounts): BandCounts =>
  a ? { total: a.total + b.total, sure: a.sure.map((n, i) => n + b.sure[i]), straddling: a.straddling.map((n, i) => n + b.straddling[i]) } : b;

/** The selected events by band and side, and within the first band by year. */
export function renderBandTables(t: Texts, units: Units, events: readonly EventFacts[], name: string) {
  const bySide = bandCounts(events, (e) => e.side ?? '');
  const all = [...bySide.values()].reduce(added, undefined);
  const sides = SIDES.filter((side) => bySide.has(side));
  const byYear = [...bandCounts(events, yearOf)].sort(([a], [b]) => (a < b ? -1 : 1));
  const near = t.distance(BAND_EDGES_KM[0], units, true);
  const download = async () => {
    const [{ download: save }, { toCsv }] = await Promise.all([import('./downloads.ts'), import('../data/csv-export.ts')]);
    save(`${name.replace(/\.[^.]+$/, '')}-distance-counts.csv`, new Blob([toCsv(BAND_COUNT_COLUMNS, bandCountRows(events))], { type: 'text/csv' }));
  };
  return html`<div class="stats">
      <div class="scroll"><table>
        <caption>${t.t('bandsByDistance')}</caption>
        <thead>
          <tr><th scope="col">${t.t('bandColumn')}</th>${sides.map((side) => html`<th scope="col">${side ? t.country(side) : t.t('outsideProvinces')}</th>`)}<th scope="col">${t.t('allSides')}</th></tr>
        </thead>
        <tbody>
          ${bandNames(t, units).map((band, i) => html`<tr><th scope="row">${band}</th>${sides.map((side) => countCell(t, bySide.get(side), i))}${countCell(t, all, i)}</tr>`)}
        </tbody>
      </table></div>
      <div class="scroll"><table>
        <caption>${t.t('withinByYear', { distance: near })}</caption>
        <thead>
          <tr><th scope="col">${t.t('columnYear')}</th><th scope="col">${t.t('columnEvents')}</th><th scope="col">${t.t('columnWithin', { distance: near })}</th><th scope="col">${t.t('columnPossibly', { distance: near })}</th></tr>
        </thead>
        <tbody>
          ${byYear.map(([year, c]) => html`<tr><th scope="row">${t.year(Number(year))}</th><td class="num">${t.number(c.total)}</td><td class="num">${t.number(c.sure[0])}</td><td class="num">${t.number(c.sure[0] + c.straddling[0])}</td></tr>`)}
        </tbody>
      </table></div>
    </div>
    <p class="note">${t.t('straddlingNote')}</p>
    <div class="actions"><button type="button" @click=${download}>${t.t('downloadCounts')}</button></div>`;
}
