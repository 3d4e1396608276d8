/**
 * Tells the framing page how tall this page is, whenever that changes (panels opening and closing,
 * a phone's layout, notices), in every form a host may listen for; and again when the host asks.
 */
import { asksForHeight, heightMessages } from './messages.ts';

export function postHeights(secret?: string): void {
  if (window.parent === window) return; // not framed
  let last = -1;
  const send = (force = false) => {
    // The body, not the document: a document is never shorter than its frame, so it could not shrink.
    const height = Math.ceil(document.body.getBoundingClientRect().height);
    if (height === last && !force) return;
    last = height;
    // Any origin may frame the map, and a height is no secret: '*' is the target.
    for (const message of heightMessages(height, secret)) window.parent.postMessage(message, '*');
  };
  new ResizeObserver(() => send()).observe(document.body);
  window.addEventListener('message', (event) => {
    if (event.source === window.parent && asksForHeight(event.data, secret)) send(true);
  });
}
