/**
 * sites.html: every strike site as a plain table (date, place, who struck, each claim on its own
 * line, the uncertainty, the sources as links), for readers whose browser runs no JavaScript or
 * has no WebGL. Static HTML written by the build; every value is escaped text; no script.
 */
import { readFileSync } from 'node:fs';
import type { FeatureCollection, Point } from 'geojson';
import type { Account, StrikeProperties } from '../src/data/types.ts';
import { formatDate } from '../src/data/prepare.ts';
import { safeHttpUrl, sourceHost } from '../src/components/safe-url.ts';
import { escapeMarkup as esc } from './escape-markup.ts';

export const SITES_TITLE = 'Strike sites of the January 2024 Iran–Pakistan strikes';
const STRUCK_BY: Record<string, string> = { IR: 'Iran', PK: 'Pakistan' };

const sourceLinks = (sources: readonly string[]) =>
  sources
    .map((source) => {
      const url = safeHttpUrl(source);
      return url ? `<li><a href="${esc(url)}">${esc(sourceHost(url))}</a></li>` : `<li>${esc(source)}</li>`;
    })
    .join('');

/** One claim per line: who said it, then what. */
const claims = (p: StrikeProperties) =>
  [
    `<li>Target, as claimed: ${esc(p.claimed_target)}</li>`,
    ...[...p.weapons, ...p.casualties, ...p.distance_claims].map((a: Account) => `<li>${esc(a.by)}: ${esc(a.text)}</li>`),
  ].join('');

function row({ properties: p }: { properties: StrikeProperties }): string {
  const context = p.category === 'context' ? ' <em>(context: outside the border region)</em>' : '';
  return (
    `<tr id="${esc(p.id)}"><td>${esc(formatDate(p.date))}</td><td>${esc(p.place)}${context}</td><td>${esc(STRUCK_BY[p.attacker] ?? p.attacker)}</td>` +
    `<td><ul>${claims(p)}</ul></td><td>within about ${esc(String(p.uncertainty_km))} km of the point shown on the map</td>` +
    `<td><ol>${sourceLinks(p.sources)}</ol></td></tr>`
  );
}

/** The page; `stylesheet` is its CSS file's URL relative to the page. */
export function sitesPage(strikes: FeatureCollection<Point, StrikeProperties>, stylesheet = 'sites.css'): string {
  const rows = [...strikes.features].sort((a, b) => a.properties.date.localeCompare(b.properties.date)).map(row);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${esc(SITES_TITLE)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${esc(stylesheet)}">
</head>
<body>
<main>
<h1>${esc(SITES_TITLE)}</h1>
<p>Where each strike is thought to have landed is an estimate: no source gives coordinates. Each row gives the claims of both sides as reported, how far off the plotted point may be, and the reports it rests on.</p>
<div class="scroll" tabindex="0" role="region" aria-label="Table of strike sites">
<table>
<thead><tr><th scope="col">Date</th><th scope="col">Place</th><th scope="col">Struck by</th><th scope="col">Claims</th><th scope="col">Uncertainty</th><th scope="col">Sources</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
</div>
<p class="credit">© OpenStreetMap contributors, Natural Earth. Compiled from published reporting.</p>
</main>
</body>
</html>
`;
}

/** Its stylesheet: readable on a 375 px phone (the table scrolls sideways), light or dark. */
export const SITES_CSS = `body{margin:0;font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans',sans-serif}
main{max-width:72rem;margin:0 auto;padding:12px}
h1{font-size:1.25rem}
.scroll{overflow-x:auto}
table{border-collapse:collapse;min-width:48rem}
th,td{border:1px solid color-mix(in srgb,currentColor 25%,transparent);padding:6px 8px;text-align:start;vertical-align:top}
ul,ol{margin:0;padding-inline-start:1.1rem}
a{color:LinkText}
.credit{font-size:.85rem}
`;

/** The page of the shipped strikes. */
export function shippedSitesPage(): string {
  return sitesPage(JSON.parse(readFileSync(new URL('../geodata/strikes.geojson', import.meta.url), 'utf8')) as FeatureCollection<Point, StrikeProperties>);
}
