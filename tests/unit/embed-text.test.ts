/** The embed page's own words in Urdu and Persian: complete, in their own scripts, applied as text. */
import { describe, expect, it } from 'vitest';
import { EMBED_TEXT, applyEmbedText } from '../../src/embed/embed-text.ts';

describe('the embed page in three languages', () => {
  it('has every text in every language, with no Latin letters or Latin digits in Persian', () => {
    const keys = Object.keys(EMBED_TEXT.en).sort();
    for (const lang of ['ur', 'fa'] as const) {
      expect(Object.keys(EMBED_TEXT[lang]).sort()).toEqual(keys);
      for (const [key, value] of Object.entries(EMBED_TEXT[lang])) {
        expect(value, `${lang}.${key}`).not.toMatch(/[A-Za-z]/);
        expect(value.trim(), `${lang}.${key}`).not.toBe('');
      }
    }
    for (const value of Object.values(EMBED_TEXT.fa)) expect(value).not.toMatch(/[0-9]/); // Persian digits
    expect(EMBED_TEXT.fa.posterAlt).toContain('۲۶ دی ۱۴۰۲'); // 16 January 2024 in the Solar Hijri calendar
  });

  it('sets the words as text, with lang and dir, and leaves an English page as written', () => {
    const elements = new Map<string, { textContent: string }>();
    const attributes: Record<string, string> = {};
    const doc = {
      documentElement: { lang: 'en', dir: '' },
      title: 'English',
      querySelectorAll: (selector: string) => {
        if (!elements.has(selector)) elements.set(selector, { textContent: '<b>old</b>' });
        return [elements.get(selector)!];
      },
      querySelector: () => ({ setAttribute: (name: string, value: string) => (attributes[name] = value) }),
    } as unknown as Document;
    applyEmbedText(doc, 'en');
    expect(doc.title).toBe('English');
    expect(elements.size).toBe(0);
    applyEmbedText(doc, 'fa');
    expect(doc.documentElement.lang).toBe('fa');
    expect(doc.documentElement.dir).toBe('rtl');
    expect(doc.title).toBe('حمله‌های ایران و پاکستان، ژانویهٔ ۲۰۲۴');
    expect(elements.get('#toggle-table')!.textContent).toBe('جدول مکان‌ها');
    expect(elements.get('#toggle-panel')!.textContent).toBe('راهنما و گاه‌شمار');
    expect(attributes.alt).toMatch(/^نقشهٔ مرز ایران و پاکستان/);
  });
});
