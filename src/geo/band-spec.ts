/**
 * The `bands` attribute of <strike-map>: "10 25 50", "30:PK", "5mi 10nmi:IR".
 */
import type { Country } from './sides.ts';
import { convertKm, type Units } from './units.ts';

/** One band asked for: a distance in km, on both sides (null) or one. */
export interface BandRequest {
  km: number;
  side: Country | null;
}

/** A word of the list that is not a band: not a distance at all, or outside 0–{@link MAX_BAND_KM}. */
export interface BandProblem {
  word: string;
  reason: 'notDistance' | 'outOfRange';
}

/** Largest band distance accepted, in km. */
export const MAX_BAND_KM = 500;

const TOKEN = /^(\d+(?:\.\d+)?|\.\d+)(km|mi|nmi)?(?::(IR|PK))?$/i;

/**
 * Reads a list of bands: distances separated by spaces or commas, each a number in `units`
 * (or with its own unit: `km`, `mi`, `nmi`), optionally `:PK` or `:IR` for one side only.
 *
 * @param text - the attribute's value
 * @param units - the unit of bare numbers
 * @returns the bands (duplicates dropped, in the order given) and each word that is not a band, with why
 * @example
 * parseBands('10 25 30:PK', 'km').bands; // [{ km: 10, side: null }, { km: 25, side: null }, { km: 30, side: 'PK' }]
 * parseBands('ten', 'km').problems; // [{ word: 'ten', reason: 'notDistance' }]
 */
export function parseBands(text: string, units: Units): { bands: BandRequest[]; problems: BandProblem[] } {
  const bands: BandRequest[] = [];
  const problems: BandProblem[] = [];
  for (const word of text.split(/[\s,]+/).filter(Boolean)) {
    const match = TOKEN.exec(word);
    if (!match) {
      problems.push({ word, reason: 'notDistance' });
      continue;
    }
    const km = Number(match[1]) / convertKm(1, (match[2]?.toLowerCase() as Units | undefined) ?? units);
    const side = (match[3]?.toUpperCase() as Country | undefined) ?? null;
    if (!(km > 0) || km > MAX_BAND_KM) {
      problems.push({ word, reason: 'outOfRange' });
      continue;
    }
    if (!bands.some((b) => b.km === km && b.side === side)) bands.push({ km, side });
  }
  return { bands, problems };
}
