/** fetch() with the checks a map needs before trusting a response: status, type, size and time. */
import { DataError, problemsIn } from './problems.ts';
import { MAX_DATA_BYTES } from './limits.ts';

export const TIMEOUT_MS = 20_000;

export const FETCH_PROBLEMS = {
  noAnswer: 'no answer within {seconds} s',
  network: 'network error (offline, blocked, or the server refused the request)',
  status: 'the server answered {status}',
  wrongType: 'expected JSON or CSV but the server sent "{type}"',
  declaredTooBig: 'file is {size}, over the {limit} limit',
  readTooBig: 'file is over the {limit} limit',
  broken: 'the connection broke while reading the file',
  responseNotJson: 'not valid JSON',
} as const;
const problem = problemsIn(FETCH_PROBLEMS);

const jsonTypes = /^(application\/([\w.+-]*\+)?json|application\/geo\+json|text\/plain|application\/octet-stream)\b/i;

/** Options of {@link fetchText}. */
export interface FetchTextOptions {
  /** The most bytes read (default: the 10 MiB limit). */
  maxBytes?: number;
  /** A lower limit decided by the start of the body (its first line, or first 64 KiB). */
  limitFor?: (start: string) => number;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Bytes read so far, and the declared size (0 if none). */
  onProgress?: (read: number, total: number) => void;
}

/**
 * Fetches text, refusing error statuses, HTML pages, bodies over `maxBytes` bytes (by
 * Content-Length before reading, and by counting while reading, which stops at the limit), and
 * servers that do not finish within `timeoutMs`.
 */
export async function fetchText(url: string, { maxBytes = MAX_DATA_BYTES, limitFor, timeoutMs = TIMEOUT_MS, signal, onProgress }: FetchTextOptions = {}): Promise<string> {
  // A plain timer (not AbortSignal.timeout) so it is cleared when done and fake timers can drive it.
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(new DOMException(`no answer within ${timeoutMs} ms`, 'TimeoutError')), timeoutMs);
  const combined = signal ? AbortSignal.any([signal, timeout.signal]) : timeout.signal;
  const tooSlow = () => new DataError(url, problem('noAnswer', { seconds: String(timeoutMs / 1000) }));
  try {
    let response: Response;
    try {
      // Raced against the signal too, so a fetch that ignores its signal (a service worker, a
      // wrapper) still gives up on time.
      response = await untilAborted(fetch(url, { signal: combined, credentials: 'same-origin' }), combined);
    } catch (error) {
      if (signal?.aborted) throw error;
      if (timeout.signal.aborted) throw tooSlow();
      throw new DataError(url, problem('network'));
    }
    if (!response.ok) throw new DataError(url, problem('status', { status: `${response.status} ${response.statusText}`.trim() }));
    const type = response.headers.get('content-type') ?? '';
    if (type && !jsonTypes.test(type) && !/csv/i.test(type)) {
      throw new DataError(url, problem('wrongType', { type: type.split(';')[0] }));
    }
    const declared = Number(response.headers.get('content-length') ?? 0);
    if (declared > maxBytes) throw new DataError(url, problem('declaredTooBig', { size: formatBytes(declared), limit: formatBytes(maxBytes) }));
    try {
      return await readText(response, { maxBytes, limitFor, onProgress: onProgress && ((read) => onProgress(read, declared)) }, combined, url);
    } catch (error) {
      if (error instanceof DataError) throw error;
      if (signal?.aborted) throw error;
      if (timeout.signal.aborted) throw tooSlow();
      throw new DataError(url, problem('broken'));
    }
  } finally {
    clearTimeout(timer);
  }
}

/** Bytes a body's start is judged on by `limitFor`, at most (less if its first line ends sooner). */
const START_BYTES = 64 * 1024;

/** The body as UTF-8 text (as `response.text()` decodes it), read no further than the limit. */
async function readText(
  response: Response,
  { maxBytes, limitFor, onProgress }: { maxBytes: number; limitFor?: (start: string) => number; onProgress?: (read: number) => void },
  signal: AbortSignal,
  url: string,
): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder(); // UTF-8, drops a leading BOM, like response.text()
  let [bytes, limit, judged] = [0, maxBytes, !limitFor];
  let text = '';
  try {
    for (;;) {
      const { done, value } = await untilAborted(reader.read(), signal);
      if (done) return text + decoder.decode();
      bytes += value.byteLength;
      text += decoder.decode(value, { stream: true });
      if (!judged && (text.includes('\n') || bytes >= START_BYTES)) {
        judged = true;
        limit = Math.min(maxBytes, limitFor!(text));
      }
      if (bytes > limit) throw new DataError(url, problem('readTooBig', { limit: formatBytes(limit) }));
      onProgress?.(bytes);
    }
  } catch (error) {
    reader.cancel().catch(() => {}); // stop the download
    throw error;
  }
}

/** Settles like `promise`, or rejects with the signal's reason as soon as it aborts. */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    promise.catch(() => {});
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

export async function fetchJson<T>(url: string, options?: Parameters<typeof fetchText>[1]): Promise<T> {
  const text = await fetchText(url, options);
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new DataError(url, problem('responseNotJson'));
  }
}

/** "10 MB", "3 KB": whole MiB from 1 MiB up, else KiB rounded up. */
export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(0)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
