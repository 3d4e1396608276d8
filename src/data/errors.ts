/**
 * A file or URL that cannot be used, and why, in words a reader can act on. The message starts
 * with the file name or URL, so it can be shown as it is.
 */
export class DataError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = 'DataError';
  }
}
