/** The height messages between the embed page and embed.js, and the oEmbed answer. */
import { describe, expect, it } from 'vitest';
import { MAX_HEIGHT, MIN_HEIGHT, PING, RESIZE, asksForHeight, heightFrom, heightMessages } from '../../src/embed/messages.ts';
import { embedHtml, oembed, oembedFileName } from '../../src/embed/oembed.ts';

describe('height messages', () => {
  it('are sent in our form, AMP’s, and wp-embed’s only with a secret', () => {
    expect(heightMessages(600)).toEqual([
      { type: RESIZE, height: 600 },
      { sentinel: 'amp', type: 'embed-size', height: 600 },
    ]);
    expect(heightMessages(600, 'abc')).toContainEqual({ message: 'height', value: 600, secret: 'abc' });
  });

  it('are read back by embed.js, clamped to a sane range', () => {
    expect(heightFrom({ type: RESIZE, height: 612.4 })).toBe(612);
    expect(heightFrom({ type: RESIZE, height: -50 })).toBe(MIN_HEIGHT);
    expect(heightFrom({ type: RESIZE, height: 1e9 })).toBe(MAX_HEIGHT);
    expect(heightFrom({ type: RESIZE, height: Infinity })).toBe(MAX_HEIGHT);
  });

  it.each([null, undefined, 600, 'strike-map:resize', [RESIZE, 600], { type: RESIZE }, { type: RESIZE, height: NaN }, { type: RESIZE, height: '600' }, { type: 'other', height: 600 }, { sentinel: 'amp', type: 'embed-size', height: 600 }])(
    'ignores %o',
    (data) => expect(heightFrom(data)).toBeUndefined(),
  );

  it('are asked for again by our ping, or by wp-embed’s ready with the right secret', () => {
    expect(asksForHeight({ type: PING })).toBe(true);
    expect(asksForHeight({ message: 'ready', secret: 'abc' }, 'abc')).toBe(true);
    expect(asksForHeight({ message: 'ready', secret: 'xyz' }, 'abc')).toBe(false);
    expect(asksForHeight({ message: 'ready' })).toBe(false);
    expect(asksForHeight('ping')).toBe(false);
  });
});

describe('oEmbed', () => {
  it('answers type rich with the iframe and embed.js, escaped', () => {
    const answer = oembed({ embedUrl: 'https://maps.example.org/embed/', params: { site: 'strike_ir_kohisabz_20240116', day: '2024-01-16' } });
    expect(answer).toMatchObject({ version: '1.0', type: 'rich', provider_url: 'https://maps.example.org/', width: 640, height: 540 });
    expect(answer.html).toBe(
      '<iframe data-strike-map src="https://maps.example.org/embed/?site=strike_ir_kohisabz_20240116&amp;day=2024-01-16" width="100%" height="540" ' +
        'title="Iran–Pakistan strikes, January 2024: map" loading="lazy" allowfullscreen></iframe><script async src="https://maps.example.org/embed/embed.js"></script>',
    );
  });

  it('writes relative URLs without a public URL, and no provider URL', () => {
    const answer = oembed({ embedUrl: '' });
    expect(answer.provider_url).toBeUndefined();
    expect(embedHtml({ embedUrl: '' })).toMatch(/src="\.\/".*src="\.\/embed\.js"/);
  });

  it('names each view’s file by its parameters', () => {
    expect(oembedFileName()).toBe('oembed.json');
    expect(oembedFileName({ site: 'a_b', day: '2024-01-16' })).toBe('oembed.site-a_b.day-2024-01-16.json');
    expect(oembedFileName({ center: '62.5,27' })).toBe('oembed.center-62.5_27.json');
  });
});
