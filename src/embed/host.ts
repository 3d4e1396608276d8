/**
 * embed.js, for pages that frame the embed page: every <iframe data-strike-map> takes the height its
 * page posts. Built as a classic script (no module, no inline code), so it runs under a host's
 * `script-src 'self'` when served from the host's own origin. Frames added later work too: they are
 * looked up on each message.
 */
import { PING, heightFrom } from './messages.ts';

const frames = () => document.querySelectorAll<HTMLIFrameElement>('iframe[data-strike-map]');

addEventListener('message', (event: MessageEvent) => {
  const height = heightFrom(event.data);
  if (height === undefined || !event.source) return;
  for (const frame of frames()) {
    // Only the frame's own window may resize it; any other window's message is ignored.
    if (frame.contentWindow === event.source) frame.style.height = `${height}px`;
  }
});

// A frame that loaded before this script missed nothing: ask each for its height again.
for (const frame of frames()) frame.contentWindow?.postMessage({ type: PING }, '*');
