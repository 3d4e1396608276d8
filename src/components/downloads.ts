/**
 * Files the reader can take away: the map as a captioned PNG, the strike sites as GeoJSON or CSV,
 * and distances for the reader's own points. Loaded on first use, not at start-up.
 */
import type { Map as MlMap } from 'maplibre-gl';
import type { FeatureCollection, Point } from 'geojson';
import type { StrikeProperties } from '../data/types.ts';
import { toCsv } from '../data/csv-export.ts';
import type { MeasuredPoint } from './user-data-controller.ts';
import type { Texts } from '../i18n/texts.ts';

export function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The map canvas with a caption above and the attribution below, as a PNG. */
export async function mapPng(map: MlMap, caption: string, attribution: string, dark: boolean, rtl = false): Promise<Blob> {
  const source = map.getCanvas();
  const scale = source.width / source.clientWidth || 1;
  const pad = Math.round(10 * scale);
  const lineHeight = Math.round(18 * scale);
  const canvas = document.createElement('canvas');
  canvas.width = source.width;
  canvas.height = source.height + lineHeight * 2 + pad * 3;
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = dark ? '#11161c' : '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = dark ? '#e6edf3' : '#1f2328';
  ctx.textBaseline = 'top';
  ctx.direction = rtl ? 'rtl' : 'ltr';
  const x = rtl ? canvas.width - pad : pad; // text starts at the right in Urdu and Persian
  ctx.font = `600 ${Math.round(14 * scale)}px system-ui, sans-serif`;
  ctx.fillText(caption, x, pad, canvas.width - 2 * pad);
  map.redraw(); // draw the latest frame so the canvas is not blank
  ctx.drawImage(source, 0, lineHeight + pad * 2);
  // A dense dataset's density lies over the map in a canvas of its own, blended as on screen.
  ctx.globalCompositeOperation = dark ? 'screen' : 'multiply';
  for (const density of map.getCanvasContainer().querySelectorAll('canvas.strike-map-density')) ctx.drawImage(density as HTMLCanvasElement, 0, lineHeight + pad * 2);
  ctx.globalCompositeOperation = 'source-over';
  ctx.font = `${Math.round(11 * scale)}px system-ui, sans-serif`;
  ctx.fillText(attribution, x, source.height + lineHeight + pad * 2.5, canvas.width - 2 * pad);
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG export failed'))), 'image/png'));
}

export function strikesGeoJSON(strikes: FeatureCollection<Point, StrikeProperties>): Blob {
  return new Blob([JSON.stringify(strikes, null, 2)], { type: 'application/geo+json' });
}

export function strikesCsv(strikes: FeatureCollection<Point, StrikeProperties>): Blob {
  const header = ['id', 'date', 'attacker', 'target_country', 'place', 'lon', 'lat', 'uncertainty_km', 'claimed_target', 'casualties', 'location_basis', 'sources'];
  const rows = strikes.features.map(({ properties: p, geometry }) => [
    p.id,
    p.date,
    p.attacker,
    p.target_country,
    p.place,
    geometry.coordinates[0],
    geometry.coordinates[1],
    p.uncertainty_km,
    p.claimed_target,
    p.casualties.map((a) => `${a.by}: ${a.text}`).join(' | '),
    p.location_basis,
    p.sources.join(' | '),
  ]);
  return new Blob([toCsv(header, rows)], { type: 'text/csv' });
}

/** The reader's own points with their distance to the border. */
export function measuredPointsCsv(points: MeasuredPoint[]): Blob {
  const rows = points.map((p) => [p.name, p.lon, p.lat, p.km.toFixed(3), p.side ?? '']);
  return new Blob([toCsv(['name', 'lon', 'lat', 'distance_to_border_km', 'side'], rows)], { type: 'text/csv' });
}

export type ExportKind = 'png' | 'geojson' | 'csv';

/** Downloads the map as a captioned PNG (when there is a map), or the strike sites as GeoJSON or CSV. */
export async function exportFile(kind: ExportKind, strikes: FeatureCollection<Point, StrikeProperties>, view: { map?: MlMap; day: string | null; dark: boolean; texts: Texts }): Promise<void> {
  if (kind === 'geojson') return download('strike-sites-2024-01.geojson', strikesGeoJSON(strikes));
  if (kind === 'csv') return download('strike-sites-2024-01.csv', strikesCsv(strikes));
  if (!view.map) return;
  const { texts } = view;
  const caption = view.day ? texts.t('exportCaptionDay', { date: texts.day(view.day) }) : texts.t('exportCaption');
  const attribution = texts.t('exportAttribution');
  download('strike-map.png', await mapPng(view.map, caption, attribution, view.dark, texts.dir === 'rtl'));
}
