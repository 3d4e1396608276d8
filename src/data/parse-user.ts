/**
 * Reads the reader's own files: CSV points or GeoJSON, chosen by the file name. Loaded on first
 * use (only pages with their own data need the validators), so keep it out of static imports.
 */
import { parseGeoJSONText, type ParsedLayer } from './validate.ts';
import { checkSize } from './limits.ts';
import { parseCsvPoints } from './csv.ts';
import type { FileLabel } from './problems.ts';

export { checkSize };

export function parseUserText(name: FileLabel, text: string): ParsedLayer {
  return typeof name === 'string' && /\.csv$/i.test(name.split(/[?#]/)[0]) ? parseCsvPoints(name, text) : parseGeoJSONText(name, text);
}
