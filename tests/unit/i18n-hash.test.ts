/** A shared link keeps the language it was made in. */
import { describe, expect, test } from 'vitest';
import { readHash, writeHash } from '../../src/components/hash-state.ts';

describe('the language in the URL hash', () => {
  test('is read when supported, refused (null) when not', () => {
    expect(readHash('#lang=fa')).toEqual({ lang: 'fa' });
    expect(readHash('#map=6/27.5/63.1&lang=ur')?.lang).toBe('ur');
    expect(readHash('#lang=de')).toEqual({ lang: null });
    expect(readHash('#map=6/27.5/63.1')?.lang).toBeUndefined();
  });
  test('is written beside the view and kept when the view changes', () => {
    const link = writeHash('#other=1', { view: { center: [63.1, 27.5], zoom: 6 }, lang: 'fa' });
    expect(link).toBe('#other=1&map=6.00/27.5000/63.1000&lang=fa');
    expect(writeHash(link, { view: { center: [63, 27], zoom: 7 } })).toBe('#other=1&map=7.00/27.0000/63.0000&lang=fa');
    expect(writeHash(link, { lang: null })).toBe('#other=1&map=6.00/27.5000/63.1000');
  });
});
