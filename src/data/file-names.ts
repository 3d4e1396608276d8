/** What a file is by its name. Pure, and light enough for the start-up code. */
import type { FileLabel } from './problems.ts';

/**
 * Whether a file name or URL names a CSV: it ends in `.csv` (any case), before any query or fragment.
 * An inline layer's label (not a string) is never one.
 *
 * @example
 * isCsvName('data/ged.CSV?v=2'); // true
 */
export function isCsvName(name: FileLabel): boolean {
  return typeof name === 'string' && /\.csv$/i.test(name.split(/[?#]/)[0]);
}
