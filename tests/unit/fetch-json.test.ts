/** fetchText / fetchJson in Node, against a stubbed fetch: status, type, byte limit, time limit. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DataError } from '../../src/data/problems.ts';
import { fetchJson, fetchText, formatBytes, untilAborted } from '../../src/data/fetch-json.ts';

const URL_ = 'https://example.org/data.geojson';
const MiB = 1024 * 1024;

/** A body that hands out `chunks` one per read and records how many were read and whether it was cancelled. */
function countingBody(chunks: Uint8Array[]) {
  const stats = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (stats.pulled === chunks.length) return controller.close();
        controller.enqueue(chunks[stats.pulled++]);
      },
      cancel() {
        stats.cancelled = true;
      },
    },
    { highWaterMark: 0 }, // read on demand, so `pulled` counts what the reader asked for
  );
  return { stream, stats };
}

const answer = (body: BodyInit | null, init: ResponseInit = {}) => vi.fn(async () => new Response(body, { headers: { 'content-type': 'application/json' }, ...init }));
const stubFetch = (impl: (...args: unknown[]) => Promise<Response>) => vi.stubGlobal('fetch', vi.fn(impl));
const rejection = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
};

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('fetchText: what it accepts', () => {
  it.each(['application/json', 'application/geo+json', 'application/vnd.geo+json; charset=utf-8', 'text/plain', 'application/octet-stream', 'text/csv', 'application/CSV', ''])(
    'reads a %j answer',
    async (type) => {
      vi.stubGlobal('fetch', answer('{"a":1}', { headers: type ? { 'content-type': type } : {} }));
      expect(await fetchText(URL_)).toBe('{"a":1}');
    },
  );

  it('asks with same-origin credentials and a signal', async () => {
    const fetch = answer('x');
    vi.stubGlobal('fetch', fetch);
    await fetchText(URL_);
    expect(fetch).toHaveBeenCalledWith(URL_, expect.objectContaining({ credentials: 'same-origin', signal: expect.any(AbortSignal) }));
  });

  it('decodes UTF-8 split across chunks and drops a BOM, as response.text() does', async () => {
    const bytes = new TextEncoder().encode('\ufeff{"name":"Kūh-e Sabz 😀"}');
    const { stream } = countingBody([...bytes].map((b) => Uint8Array.of(b))); // one byte per chunk
    vi.stubGlobal('fetch', answer(stream));
    expect(await fetchText(URL_)).toBe('{"name":"Kūh-e Sabz 😀"}');
  });

  it('reads an empty body as ""', async () => {
    vi.stubGlobal('fetch', answer(null));
    expect(await fetchText(URL_)).toBe('');
  });

  it('leaves no timer behind', async () => {
    vi.useFakeTimers();
    vi.stubGlobal('fetch', answer('x'));
    await fetchText(URL_);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('fetchText: what it refuses', () => {
  it.each([
    [404, 'Not Found', `${URL_}: the server answered 404 Not Found`],
    [500, '', `${URL_}: the server answered 500`],
  ])('status %i', async (status, statusText, message) => {
    vi.stubGlobal('fetch', answer('nope', { status, statusText }));
    const error = await rejection(fetchText(URL_));
    expect(error).toBeInstanceOf(DataError);
    expect(error.message).toBe(message);
  });

  it.each(['text/html; charset=utf-8', 'image/png', 'application/xml'])('a %j answer', async (type) => {
    vi.stubGlobal('fetch', answer('<html>', { headers: { 'content-type': type } }));
    expect((await rejection(fetchText(URL_))).message).toBe(`${URL_}: expected JSON or CSV but the server sent "${type.split(';')[0]}"`);
  });

  it('a network error', async () => {
    stubFetch(async () => {
      throw new TypeError('Failed to fetch');
    });
    expect((await rejection(fetchText(URL_))).message).toBe(`${URL_}: network error (offline, blocked, or the server refused the request)`);
  });

  it('a connection that breaks while the body is read', async () => {
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"a":'));
        controller.error(new TypeError('network'));
      },
    });
    vi.stubGlobal('fetch', answer(stream));
    expect((await rejection(fetchText(URL_))).message).toBe(`${URL_}: the connection broke while reading the file`);
  });
});

describe('fetchText: the byte limit (default 10 MiB, as for files)', () => {
  it('refuses by Content-Length without reading the body', async () => {
    const { stream, stats } = countingBody([new Uint8Array(10)]);
    vi.stubGlobal('fetch', answer(stream, { headers: { 'content-type': 'application/json', 'content-length': String(10 * MiB + 1) } }));
    expect((await rejection(fetchText(URL_))).message).toBe(`${URL_}: file is 10 MB, over the 10 MB limit`);
    expect(stats.pulled).toBe(0);
  });

  it('accepts a Content-Length of exactly the limit', async () => {
    vi.stubGlobal('fetch', answer('[]', { headers: { 'content-type': 'application/json', 'content-length': String(10 * MiB) } }));
    expect(await fetchText(URL_)).toBe('[]');
  });

  it('stops reading, and cancels the download, as soon as the body passes the limit', async () => {
    const chunk = new Uint8Array(MiB).fill(32);
    const { stream, stats } = countingBody(Array.from({ length: 30 }, () => chunk)); // 30 MiB, no Content-Length
    vi.stubGlobal('fetch', answer(stream));
    expect((await rejection(fetchText(URL_))).message).toBe(`${URL_}: file is over the 10 MB limit`);
    expect(stats.pulled).toBe(11); // the 11th MiB passes the limit; nothing after it is read
    expect(stats.cancelled).toBe(true);
  });

  it('counts bytes, not characters: 6 million "é" are 12 million bytes', async () => {
    vi.stubGlobal('fetch', answer(`"${'é'.repeat(6_000_000)}"`));
    expect((await rejection(fetchText(URL_))).message).toBe(`${URL_}: file is over the 10 MB limit`);
  });

  it('takes a body of exactly maxBytes and refuses one byte more', async () => {
    vi.stubGlobal('fetch', answer('x'.repeat(1000)));
    expect(await fetchText(URL_, { maxBytes: 1000 })).toHaveLength(1000);
    vi.stubGlobal('fetch', answer('x'.repeat(1001)));
    expect((await rejection(fetchText(URL_, { maxBytes: 1000 }))).message).toBe(`${URL_}: file is over the 1 KB limit`);
    vi.stubGlobal('fetch', answer('x', { headers: { 'content-type': 'application/json', 'content-length': '1001' } }));
    expect((await rejection(fetchText(URL_, { maxBytes: 1000 }))).message).toBe(`${URL_}: file is 1 KB, over the 1 KB limit`);
  });
});

describe('fetchText: a limit decided by the start of the body (event datasets)', () => {
  const text = (start: string, bytes: number) => new TextEncoder().encode(start + 'x'.repeat(bytes - start.length));

  it('judges the first line once it has arrived, and holds the body to the limit it gives', async () => {
    const starts: string[] = [];
    const limitFor = (start: string) => (starts.push(start), start.startsWith('event') ? 5000 : 1000);
    const body = (first: string) => countingBody([new TextEncoder().encode(first.slice(0, 3)), text(first.slice(3), 1500)]).stream;
    vi.stubGlobal('fetch', answer(body('events,lon,lat\n')));
    expect(await fetchText(URL_, { maxBytes: 5000, limitFor })).toHaveLength(1503);
    expect(starts).toEqual(['events,lon,lat\n' + 'x'.repeat(1500 - 'events,lon,lat\n'.length + 3)]); // judged once, when the line was complete
    vi.stubGlobal('fetch', answer(body('points,lon,lat\n')));
    expect((await rejection(fetchText(URL_, { maxBytes: 5000, limitFor }))).message).toBe(`${URL_}: file is over the 1 KB limit`);
  });

  it('never above maxBytes, whatever the start says; a body with no line break is judged at 64 KiB', async () => {
    const starts: number[] = [];
    const limitFor = (start: string) => (starts.push(start.length), 10 * MiB);
    vi.stubGlobal('fetch', answer(countingBody(Array.from({ length: 4 }, () => new Uint8Array(32 * 1024).fill(120))).stream));
    expect((await rejection(fetchText(URL_, { maxBytes: 100 * 1024, limitFor }))).message).toBe(`${URL_}: file is over the 100 KB limit`);
    expect(starts).toEqual([64 * 1024]);
  });

  it('reports the bytes read and the declared size as it goes', async () => {
    const progress: [number, number][] = [];
    vi.stubGlobal('fetch', answer(countingBody([new Uint8Array(10).fill(120), new Uint8Array(5).fill(120)]).stream, { headers: { 'content-type': 'text/csv', 'content-length': '15' } }));
    await fetchText(URL_, { onProgress: (read, total) => progress.push([read, total]) });
    expect(progress).toEqual([[10, 15], [15, 15]]);
  });
});

describe('fetchText: the time limit (fake timers)', () => {
  beforeEach(() => vi.useFakeTimers());

  const settled = (promise: Promise<unknown>) => {
    const state = { done: false };
    promise.then(
      () => (state.done = true),
      () => (state.done = true),
    );
    return state;
  };

  it('gives up on a server that never answers after exactly timeoutMs, even if fetch ignores its signal', async () => {
    stubFetch(() => new Promise<Response>(() => {}));
    const promise = fetchText(URL_, { timeoutMs: 300 });
    const state = settled(promise);
    await vi.advanceTimersByTimeAsync(299);
    expect(state.done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(state.done).toBe(true);
    const error = await rejection(promise);
    expect(error).toBeInstanceOf(DataError);
    expect(error.message).toBe(`${URL_}: no answer within 0.3 s`);
  });

  it('waits 20 s by default', async () => {
    stubFetch(() => new Promise<Response>(() => {}));
    const promise = fetchText(URL_);
    const state = settled(promise);
    await vi.advanceTimersByTimeAsync(19_999);
    expect(state.done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect((await rejection(promise)).message).toBe(`${URL_}: no answer within 20 s`);
  });

  it('gives up on a body that stops arriving', async () => {
    const stream = new ReadableStream({ start: (c) => c.enqueue(new TextEncoder().encode('{"a":')) }); // never closes
    vi.stubGlobal('fetch', answer(stream));
    const promise = fetchText(URL_, { timeoutMs: 1000 });
    const state = settled(promise);
    await vi.advanceTimersByTimeAsync(999);
    expect(state.done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect((await rejection(promise)).message).toBe(`${URL_}: no answer within 1 s`);
  });

  it('passes the caller’s abort through unchanged, before and while reading', async () => {
    stubFetch(() => new Promise<Response>(() => {}));
    const abort = new AbortController();
    const promise = fetchText(URL_, { signal: abort.signal });
    const reason = new Error('gone');
    abort.abort(reason);
    expect(await rejection(promise)).toBe(reason);

    const stream = new ReadableStream({ start: (c) => c.enqueue(new TextEncoder().encode('{')) });
    vi.stubGlobal('fetch', answer(stream));
    const reading = new AbortController();
    const promise2 = fetchText(URL_, { signal: reading.signal });
    await vi.advanceTimersByTimeAsync(10);
    reading.abort(reason);
    expect(await rejection(promise2)).toBe(reason);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('fetchJson, untilAborted, formatBytes', () => {
  it('parses JSON and names the URL when it is not', async () => {
    vi.stubGlobal('fetch', answer('{"type":"FeatureCollection","features":[]}'));
    expect(await fetchJson(URL_)).toEqual({ type: 'FeatureCollection', features: [] });
    vi.stubGlobal('fetch', answer('{"type":'));
    const error = await rejection(fetchJson(URL_));
    expect(error).toBeInstanceOf(DataError);
    expect(error.message).toBe(`${URL_}: not valid JSON`);
  });

  it('untilAborted settles like the promise, or rejects with the reason at once', async () => {
    const abort = new AbortController();
    expect(await untilAborted(Promise.resolve(7), abort.signal)).toBe(7);
    await expect(untilAborted(Promise.reject(new Error('no')), abort.signal)).rejects.toThrow('no');
    const never = new Promise<number>(() => {});
    const pending = untilAborted(never, abort.signal);
    abort.abort(new Error('stop'));
    await expect(pending).rejects.toThrow('stop');
    await expect(untilAborted(Promise.reject(new Error('late')), abort.signal)).rejects.toThrow('stop'); // already aborted
    const live = new AbortController();
    const remove = vi.spyOn(live.signal, 'removeEventListener');
    await untilAborted(Promise.resolve(1), live.signal);
    await new Promise((resolve) => setImmediate(resolve));
    expect(remove).toHaveBeenCalledWith('abort', expect.any(Function)); // no listener piles up on a long-lived signal
  });

  it.each([
    [0, '0 KB'], [1, '1 KB'], [1024, '1 KB'], [1025, '2 KB'], [MiB - 1, '1024 KB'], [MiB, '1 MB'], [10 * MiB, '10 MB'], [10 * MiB + 1, '10 MB'], [25.6 * MiB, '26 MB'],
  ])('formatBytes(%i) is %j', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});
