/**
 * The postMessage protocol between the embed page and the pages that frame it. Shared by the page
 * (src/embed/page.ts) and the host script (src/embed/host.ts, built as embed.js), so both sides
 * agree on names and limits.
 */

export const RESIZE = 'strike-map:resize';
/** Sent by embed.js to a frame that may have posted its height before embed.js was listening. */
export const PING = 'strike-map:ping';
/** Heights outside this range are clamped: a frame cannot collapse to nothing or grow without end. */
export const MIN_HEIGHT = 150;
export const MAX_HEIGHT = 5000;

/** Every message one height is sent as: ours, AMP's, and wp-embed's when WordPress gave a secret. */
export function heightMessages(height: number, secret?: string): object[] {
  const messages: object[] = [
    { type: RESIZE, height },
    { sentinel: 'amp', type: 'embed-size', height },
  ];
  if (secret) messages.push({ message: 'height', value: height, secret });
  return messages;
}

/** The height in our own resize message, clamped; undefined for anything else (non-objects, NaN, other types). */
export function heightFrom(data: unknown): number | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const { type, height } = data as { type?: unknown; height?: unknown };
  if (type !== RESIZE || typeof height !== 'number' || Number.isNaN(height)) return undefined;
  return Math.round(Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, height)));
}

/** Whether a message from the parent asks the page to send its height again (our ping, or wp-embed's "ready"). */
export function asksForHeight(data: unknown, secret?: string): boolean {
  if (typeof data !== 'object' || data === null) return false;
  const { type, message, secret: theirs } = data as { type?: unknown; message?: unknown; secret?: unknown };
  return type === PING || (Boolean(secret) && message === 'ready' && theirs === secret);
}
