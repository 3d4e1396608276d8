/**
 * The one size limit for data the map reads: a dropped or chosen file, an inline
 * `<script type="application/geo+json">`, a `<strike-map-layer src>` download. Pure: no DOM.
 */
import { DataError, problemsIn, type FileLabel } from './problems.ts';

export const LIMIT_PROBLEMS = {
  fileTooBig: 'the file is {size} MB; the limit is {limit} MB. An event dataset (a UCDP GED or ACLED CSV) up to {eventLimit} MB can be dropped on the map or chosen with “Choose files…”: it is read in the background.',
  eventFileTooBig: 'the file is {size} MB; the limit for an event dataset is {limit} MB.',
} as const;
const problem = problemsIn(LIMIT_PROBLEMS);

/**
 * Largest data accepted, in bytes (UTF-8 for text): 10 MiB = 10 * 1024 * 1024 = 10,485,760 bytes,
 * called "10 MB" in messages. Files are refused by `File.size` before they are read; downloads stop
 * reading as soon as they pass it; text is measured in UTF-8 bytes, not characters.
 */
export const MAX_DATA_BYTES = 10 * 1024 * 1024;

/** Largest event dataset (UCDP GED, ACLED) read from a dropped or chosen file, in a worker: 250 MiB. */
export const MAX_EVENT_BYTES = 250 * 1024 * 1024;

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** Number of bytes `text` takes in UTF-8 (a lone surrogate counts as U+FFFD, 3 bytes), as `TextEncoder` writes it. */
export function utf8Length(text: string): number {
  return new Blob([text]).size; // native UTF-8 encoding: milliseconds for 10 MB, in browsers and Node
}

/** Throws a {@link DataError} naming `file` when `bytes` is over {@link MAX_DATA_BYTES}, saying how larger event datasets are read. */
export function checkSize(file: FileLabel, bytes: number): void {
  if (bytes > MAX_DATA_BYTES) {
    throw new DataError(file, problem('fileTooBig', { size: mb(bytes), limit: String(MAX_DATA_BYTES / 1024 / 1024), eventLimit: String(MAX_EVENT_BYTES / 1024 / 1024) }));
  }
}

/** Throws a {@link DataError} naming `file` when an event dataset's `bytes` are over {@link MAX_EVENT_BYTES}. */
export function checkEventSize(file: FileLabel, bytes: number): void {
  if (bytes > MAX_EVENT_BYTES) throw new DataError(file, problem('eventFileTooBig', { size: mb(bytes), limit: String(MAX_EVENT_BYTES / 1024 / 1024) }));
}

/** Which limit applies: an ordinary layer's, or an event dataset's read in a worker. */
export type SizeLimit = 'layer' | 'events';

/** {@link checkSize} (or {@link checkEventSize}) for text already in memory, measured in UTF-8 bytes. */
export function checkTextSize(file: FileLabel, text: string, limit: SizeLimit = 'layer'): void {
  (limit === 'events' ? checkEventSize : checkSize)(file, utf8Length(text));
}
