/**
 * The one size limit for data the map reads: a dropped or chosen file, an inline
 * `<script type="application/geo+json">`, a `<strike-map-layer src>` download. Pure: no DOM.
 */
import { DataError, problemsIn, type FileLabel } from './problems.ts';

export const LIMIT_PROBLEMS = { fileTooBig: 'the file is {size} MB; the limit is {limit} MB.' } as const;
const problem = problemsIn(LIMIT_PROBLEMS);

/**
 * Largest data accepted, in bytes (UTF-8 for text): 10 MiB = 10 * 1024 * 1024 = 10,485,760 bytes,
 * called "10 MB" in messages. Files are refused by `File.size` before they are read; downloads stop
 * reading as soon as they pass it; text is measured in UTF-8 bytes, not characters.
 */
export const MAX_DATA_BYTES = 10 * 1024 * 1024;

/** Number of bytes `text` takes in UTF-8 (a lone surrogate counts as U+FFFD, 3 bytes), as `TextEncoder` writes it. */
export function utf8Length(text: string): number {
  return new Blob([text]).size; // native UTF-8 encoding: milliseconds for 10 MB, in browsers and Node
}

/** Throws a {@link DataError} naming `file` when `bytes` is over {@link MAX_DATA_BYTES}. */
export function checkSize(file: FileLabel, bytes: number): void {
  if (bytes > MAX_DATA_BYTES) {
    throw new DataError(file, problem('fileTooBig', { size: (bytes / 1024 / 1024).toFixed(1), limit: String(MAX_DATA_BYTES / 1024 / 1024) }));
  }
}

/** {@link checkSize} for text already in memory (inline data), measured in UTF-8 bytes. */
export function checkTextSize(file: FileLabel, text: string): void {
  checkSize(file, utf8Length(text));
}
