/** fetch() with the checks a map needs before trusting a response: status, type, size and time. */
import { DataError } from './errors.ts';

export const MAX_BYTES = 20 * 1024 * 1024;
export const TIMEOUT_MS = 20_000;

const jsonTypes = /^(application\/([\w.+-]*\+)?json|application\/geo\+json|text\/plain|application\/octet-stream)\b/i;

/** Fetches text, refusing error statuses, HTML pages, files over `maxBytes`, and slow servers. */
export async function fetchText(
  url: string,
  { maxBytes = MAX_BYTES, timeoutMs = TIMEOUT_MS, signal }: { maxBytes?: number; timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<string> {
  const timeout = AbortSignal.timeout(timeoutMs);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  const tooSlow = () => new DataError(url, `no answer within ${timeoutMs / 1000} s`);
  let response: Response;
  try {
    // Raced against the signal too, so a fetch that ignores its signal (a service worker, a
    // wrapper) still gives up on time.
    response = await untilAborted(fetch(url, { signal: combined, credentials: 'same-origin' }), combined);
  } catch (error) {
    if (signal?.aborted) throw error;
    if (timeout.aborted) throw tooSlow();
    throw new DataError(url, 'network error (offline, blocked, or the server refused the request)');
  }
  if (!response.ok) throw new DataError(url, `the server answered ${response.status} ${response.statusText}`.trim());
  const type = response.headers.get('content-type') ?? '';
  if (type && !jsonTypes.test(type) && !/csv/i.test(type)) {
    throw new DataError(url, `expected JSON or CSV but the server sent "${type.split(';')[0]}"`);
  }
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > maxBytes) throw new DataError(url, `file is ${formatBytes(declared)}, over the ${formatBytes(maxBytes)} limit`);
  let text: string;
  try {
    text = await untilAborted(response.text(), combined);
  } catch (error) {
    if (signal?.aborted) throw error;
    if (timeout.aborted) throw tooSlow();
    throw new DataError(url, 'the connection broke while reading the file');
  }
  if (text.length > maxBytes) throw new DataError(url, `file is over the ${formatBytes(maxBytes)} limit`);
  return text;
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
    throw new DataError(url, 'not valid JSON');
  }
}

export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(0)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
