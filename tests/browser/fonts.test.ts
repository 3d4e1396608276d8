/** The shipped Urdu and Persian fonts in a real browser: loaded from our own URL, used for text, and on the map. */
import { afterAll, describe, expect, it } from 'vitest';
import { loadFonts, FONT_FAMILY, FONT_URLS } from '../../src/i18n/fonts.ts';
import { applyMapLanguage } from '../../src/map/language.ts';
import { idle, mountMap, unmountAll, until } from './helpers.ts';

afterAll(unmountAll);

const faces = (family: string) => [...document.fonts].filter((f) => f.family.replace(/"/g, '') === family);
const fetched = (url: string) => performance.getEntriesByType('resource').some((r) => r.name === url);

/** How wide a text is drawn in a font on a 2D canvas. */
function width(font: string, text: string): number {
  const context = document.createElement('canvas').getContext('2d')!;
  context.font = font;
  return context.measureText(text).width;
}

/** The pixels of a text drawn in a font, as a string to compare. */
function pixels(font: string, text: string): string {
  const canvas = Object.assign(document.createElement('canvas'), { width: 300, height: 120 });
  const context = canvas.getContext('2d')!;
  context.font = font;
  context.direction = 'rtl';
  context.fillText(text, 280, 80);
  return Array.from(context.getImageData(0, 0, 300, 120).data.filter((_, i) => i % 4 === 3)).join(',');
}

describe('loadFonts', () => {
  it('English loads nothing', async () => {
    const before = document.fonts.size;
    await loadFonts('en');
    expect(document.fonts.size).toBe(before);
    expect(performance.getEntriesByType('resource').filter((r) => r.name.endsWith('.woff2'))).toEqual([]);
  });

  it('Urdu: the bundled Nastaliq is loaded from the library’s own URL and draws the Urdu letters', async () => {
    const urdu = 'کوہ سبز، پنجگور میں ڈرون حملے';
    await loadFonts('ur');
    expect(faces('strike-map Nastaliq Urdu').map((f) => f.status)).toEqual(['loaded']);
    expect(new URL(FONT_URLS.nastaliq).origin).toBe(location.origin);
    expect(fetched(FONT_URLS.nastaliq)).toBe(true);
    expect(document.fonts.check('32px "strike-map Nastaliq Urdu"', urdu)).toBe(true);
    // Our font, not a fallback: drawn differently from the same text in the browser's own serif.
    expect(width(`32px ${FONT_FAMILY.ur}`, urdu)).not.toBeCloseTo(width('32px serif', urdu), 0);
    expect(pixels(`32px ${FONT_FAMILY.ur}`, urdu)).not.toBe(pixels('32px serif', urdu));
  });

  it('is idempotent: a second call adds no faces and fetches nothing more', async () => {
    const before = document.fonts.size;
    const requests = performance.getEntriesByType('resource').length;
    expect(loadFonts('ur')).toBe(loadFonts('ur'));
    await loadFonts('ur');
    expect(document.fonts.size).toBe(before);
    expect(performance.getEntriesByType('resource').length).toBe(requests);
  });

  it('Persian: Vazirmatn, regular and bold, loaded and drawing Persian text', async () => {
    const persian = 'ژاندارمری سراوان، ۲۸ دی ۱۴۰۲';
    await loadFonts('fa');
    expect(faces('strike-map Vazirmatn').map((f) => `${f.weight} ${f.status}`).sort()).toEqual(['400 loaded', '700 loaded']);
    expect(document.fonts.check('bold 20px "strike-map Vazirmatn"', persian)).toBe(true);
    expect(pixels(`20px ${FONT_FAMILY.fa}`, persian)).not.toBe(pixels('20px sans-serif', persian));
  });
});

describe('map labels', () => {
  it('Urdu labels use the shipped Naskh on the canvas; back to English drops it', async () => {
    const el = await mountMap();
    const errors: string[] = [];
    el.map!.on('error', (event) => errors.push(String(event.error?.message)));
    applyMapLanguage(el.map!, 'ur');
    await idle(el);
    expect(el.map!.getLayoutProperty('towns-label', 'text-font')).toEqual(['Noto Naskh Arabic Regular']);
    expect(JSON.stringify(el.map!.getLayoutProperty('towns-label', 'text-field'))).toContain('name_ur');
    expect(JSON.stringify(el.map!.getFontFaces())).toContain(FONT_URLS.naskh);
    // MapLibre fetched the file itself and registered it for drawing.
    await until(() => fetched(FONT_URLS.naskh), 20_000);
    await until(() => [...document.fonts].some((f) => f.family.startsWith('maplibre-gl-font-face') && f.status === 'loaded'), 20_000);
    expect(el.map!.queryRenderedFeatures({ layers: ['towns-label'] }).length).toBeGreaterThan(0);

    applyMapLanguage(el.map!, 'en');
    await idle(el);
    expect(el.map!.getLayoutProperty('towns-label', 'text-font')).toBeUndefined();
    expect(el.map!.getFontFaces()).toBeFalsy();
    expect(errors).toEqual([]);
  });
});
