/** Map labels per language: the text a reader sees on each label, and the fonts the map is told to use. */
import { describe, expect, it } from 'vitest';
import { createPropertyExpression, latest, validateStyleMin, type Formatted, type StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import { applyMapLanguage, labelFields, mapLanguage, styleInLanguage, TEXT_LAYERS, type LanguageMap } from '../../src/map/language.ts';
import { builtinLayers } from '../../src/map/layers.ts';
import { palettes } from '../../src/map/palette.ts';

type Layer = keyof ReturnType<typeof labelFields>;

/** The label MapLibre would draw for a feature: its lines, each with its font scale. */
function label(lang: 'en' | 'ur' | 'fa', layer: Layer, properties: Record<string, unknown>): { text: string; scale: number | null }[] {
  const parsed = createPropertyExpression(labelFields(lang)[layer], 'text-field', latest.layout_symbol['text-field'] as never);
  if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
  const value = parsed.value.evaluate({ zoom: 7 }, { type: 'Point', properties } as never) as Formatted | string;
  const sections = typeof value === 'string' ? [{ text: value, scale: null }] : value.sections.map((s) => ({ text: s.text, scale: s.scale }));
  return sections.filter((s) => s.text !== '');
}

const panjgur = { name: 'Panjgur', name_local: 'پنجگور', name_ur: 'پنجگور', name_fa: 'پنجگور' };
const saravan = { name: 'Saravan', name_local: 'سراوان', name_ur: 'سراوان', name_fa: 'سراوان' };
const zahedan = { name: 'Zahedan', name_local: 'زاهدان', name_ur: 'زاہدان', name_fa: 'زاهدان' };

describe('label text', () => {
  it('English: the English name, with the local-script name smaller under it', () => {
    expect(label('en', 'towns-label', panjgur)).toEqual([{ text: 'Panjgur', scale: null }, { text: '\n', scale: null }, { text: 'پنجگور', scale: 0.9 }]);
    expect(label('en', 'towns-label', { name: 'Parom', name_local: null })).toEqual([{ text: 'Parom', scale: null }]);
    expect(label('en', 'district-labels', { name: 'Kech', name_local: null })).toEqual([{ text: 'Kech', scale: null }]);
    expect(label('en', 'basemap-labels', { name: 'Afghanistan' })).toEqual([{ text: 'AFGHANISTAN', scale: null }]);
  });

  it("Urdu and Persian: the name in the reader's language first, the English one smaller under it", () => {
    expect(label('ur', 'towns-label', zahedan)).toEqual([{ text: 'زاہدان', scale: null }, { text: '\n', scale: null }, { text: 'Zahedan', scale: 0.9 }]);
    expect(label('fa', 'towns-label', zahedan)).toEqual([{ text: 'زاهدان', scale: null }, { text: '\n', scale: null }, { text: 'Zahedan', scale: 0.9 }]);
    expect(label('fa', 'province-labels', saravan).map((s) => s.text)).toEqual(['سراوان', '\n', 'Saravan']);
    expect(label('ur', 'crossings-label', panjgur)).toEqual([{ text: 'پنجگور', scale: null }]);
  });

  it('falls back to the local-script name, then to English, and never repeats a name', () => {
    expect(label('ur', 'towns-label', { name: 'Sirkan', name_local: 'سیرکان' }).map((s) => s.text)).toEqual(['سیرکان', '\n', 'Sirkan']);
    expect(label('fa', 'towns-label', { name: 'Sirkan', name_local: 'سیرکان', name_fa: '' }).map((s) => s.text)).toEqual(['سیرکان', '\n', 'Sirkan']);
    expect(label('ur', 'towns-label', { name: 'Parom', name_local: null })).toEqual([{ text: 'Parom', scale: null }]);
    expect(label('fa', 'district-labels', { name: 'Kech', name_local: null })).toEqual([{ text: 'Kech', scale: null }]);
    expect(label('ur', 'basemap-labels', { name: 'Oman', name_ur: 'عمان' })).toEqual([{ text: 'عمان', scale: null }]);
  });
});

describe('strike labels', () => {
  const kohiSabz = { label: '16 Jan · Koh-i-Sabz', label_ur: '16 جنوری · کوہ سبز', label_fa: '۲۶ دی · کوه سبز' };
  it("show the label in the reader's language", () => {
    expect(label('en', 'strikes-label', kohiSabz)).toEqual([{ text: '16 Jan · Koh-i-Sabz', scale: null }]);
    expect(label('ur', 'strikes-label', kohiSabz)).toEqual([{ text: '16 جنوری · کوہ سبز', scale: null }]);
    expect(label('fa', 'strikes-label', kohiSabz)).toEqual([{ text: '۲۶ دی · کوه سبز', scale: null }]);
  });

  it('fall back to the English label on a strike without translated ones', () => {
    expect(label('ur', 'strikes-label', { label: '16 Jan · Gwadar' })).toEqual([{ text: '16 Jan · Gwadar', scale: null }]);
    expect(label('fa', 'strikes-label', { label: '16 Jan · Gwadar', label_fa: '' })).toEqual([{ text: '16 Jan · Gwadar', scale: null }]);
  });
});

describe('fonts on the map', () => {
  it('English downloads nothing and keeps MapLibre’s default fonts', () => {
    const { fontFaces, layout } = mapLanguage('en');
    expect(fontFaces).toBeNull();
    for (const id of TEXT_LAYERS) expect(layout[id]['text-font']).toBeUndefined();
  });

  it('Urdu draws every label layer with the shipped Noto Naskh Arabic', () => {
    const { fontFaces, layout } = mapLanguage('ur');
    for (const id of TEXT_LAYERS) expect(layout[id]['text-font']).toEqual(['Noto Naskh Arabic Regular']);
    const faces = fontFaces!['Noto Naskh Arabic Regular'] as { url: string; 'unicode-range': string[] }[];
    expect(faces.map((f) => f.url.split('/').pop())).toEqual(['noto-naskh-arabic-arabic-400-normal.woff2']);
    expect(faces[0]['unicode-range']).toContain('U+FB50-FDFF'); // the presentation forms MapLibre draws
  });

  it('Persian draws with Vazirmatn, and Naskh only for the form Vazirmatn lacks', () => {
    const { fontFaces, layout } = mapLanguage('fa');
    expect(layout['towns-label']['text-font']).toEqual(['Vazirmatn Regular']);
    const faces = fontFaces!['Vazirmatn Regular'] as { url: string; 'unicode-range': string[] }[];
    expect(faces.map((f) => f.url.split('/').pop())).toEqual(['vazirmatn-arabic-400-normal.woff2', 'noto-naskh-arabic-arabic-400-normal.woff2']);
    expect(faces[0]['unicode-range']).toEqual(expect.arrayContaining(['U+FB50-FBA5', 'U+FBA7-FDFF']));
  });

  it('a style in each language is valid MapLibre style (font-faces and text-font without a glyphs URL)', () => {
    const base: StyleSpecification = { version: 8, sources: {}, layers: builtinLayers(palettes.light, true) };
    for (const lang of ['en', 'ur', 'fa'] as const) {
      const style = styleInLanguage(base, lang);
      expect(validateStyleMin(style).filter((e) => !/source/.test(e.message))).toEqual([]);
      const towns = style.layers.find((l) => l.id === 'towns-label') as { layout: Record<string, unknown> };
      expect(towns.layout['text-field']).toEqual(labelFields(lang)['towns-label']);
      expect('text-font' in towns.layout).toBe(lang !== 'en');
      expect('font-faces' in style).toBe(lang !== 'en');
    }
    // Back to English from Urdu: no font-faces left behind.
    expect('font-faces' in styleInLanguage(styleInLanguage(base, 'ur'), 'en')).toBe(false);
  });
});

describe('applyMapLanguage', () => {
  it('sets the fonts and the label layers that are on the map, and skips the others', () => {
    const calls: unknown[][] = [];
    const present = new Set(['towns-label', 'strikes-label']);
    const map: LanguageMap = {
      getLayer: (id) => (present.has(id) ? {} : undefined),
      setLayoutProperty: (...args) => calls.push(['layout', ...args]),
      setFontFaces: (faces) => calls.push(['fonts', faces]),
    };
    applyMapLanguage(map, 'ur');
    expect(calls[0]).toEqual(['fonts', mapLanguage('ur').fontFaces]);
    expect(calls.slice(1)).toEqual([
      ['layout', 'towns-label', 'text-font', ['Noto Naskh Arabic Regular']],
      ['layout', 'towns-label', 'text-field', labelFields('ur')['towns-label']],
      ['layout', 'strikes-label', 'text-font', ['Noto Naskh Arabic Regular']],
      ['layout', 'strikes-label', 'text-field', labelFields('ur')['strikes-label']],
    ]);
  });
});
