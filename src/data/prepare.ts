/** The strikes' short map labels in each language, and English dates. */
import type { FeatureCollection, Point } from 'geojson';
import { formatDay } from '../i18n/format.ts';
import type { Lang } from '../i18n/lang.ts';
import type { StrikeProperties } from './types.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2024-01-16" → "16 Jan 2024" (dates are calendar dates at the place, not instants). */
export function formatDate(isoDate: string, withYear = true): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return `${d} ${MONTHS[m - 1]}${withYear ? ` ${y}` : ''}`;
}

/** The first part of an English place description: "Koh-i-Sabz (also written …), a village" → "Koh-i-Sabz". */
function shortPlace(place: string): string {
  return place.split(/[,(—–]/)[0].trim();
}

/**
 * The short map label of a strike in `lang`: its date without the year and its place name.
 * English: "16 Jan · Koh-i-Sabz" (the first part of `place`). Urdu and Persian: the date as the
 * language writes it and the place's `name_ur` / `name_fa`, "16 جنوری · کوہ سبز", "۲۶ دی · کوه سبز";
 * the English place where the data has no name in that language.
 */
export function strikeLabel(p: StrikeProperties, lang: Lang = 'en'): string {
  if (lang === 'en') return `${formatDate(p.date, false)} · ${shortPlace(p.place)}`;
  const name = (lang === 'ur' ? p.name_ur : p.name_fa)?.trim() || shortPlace(p.place);
  return `${formatDay(p.date, lang, { year: false })} · ${name}`;
}

/** The map label of a strike in each language: `label` (English), `label_ur`, `label_fa`; the map shows the reader's. */
export interface StrikeLabels {
  label: string;
  label_ur: string;
  label_fa: string;
}

export function withStrikeLabels(strikes: FeatureCollection<Point, StrikeProperties>): FeatureCollection<Point, StrikeProperties & StrikeLabels> {
  return {
    type: 'FeatureCollection',
    features: strikes.features.map((f) => ({
      ...f,
      properties: { ...f.properties, label: strikeLabel(f.properties), label_ur: strikeLabel(f.properties, 'ur'), label_fa: strikeLabel(f.properties, 'fa') },
    })),
  };
}
