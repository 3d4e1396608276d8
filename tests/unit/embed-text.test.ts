/** The embed page's own words in Urdu and Persian: complete, in their own scripts, applied as text. */
import { describe, expect, it } from 'vitest';
import { EMBED_NOTICES, EMBED_TEXT, applyEmbedText, embedNotice } from '../../src/embed/embed-text.ts';
import { EMBED_PROBLEMS, parseEmbedUrl } from '../../src/embed/params.ts';

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

describe('the notices about the page’s URL, in Urdu and Persian', () => {
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

  it('has a sentence for every notice, with the English placeholders', () => {
    for (const lang of ['ur', 'fa'] as const) {
      expect(Object.keys(EMBED_NOTICES[lang]).sort()).toEqual(Object.keys(EMBED_PROBLEMS).sort());
      for (const [key, english] of Object.entries(EMBED_PROBLEMS)) {
        expect(placeholders(EMBED_NOTICES[lang][key as keyof typeof EMBED_PROBLEMS]), `${lang}.${key}`).toEqual(placeholders(english));
      }
    }
  });

  it('writes a refused parameter in the page’s language, the name and value as given, counts in its digits', () => {
    const { notices } = parseEmbedUrl('https://maps.example.org/embed/?zoom=99&zoom=3&lang=fa&dragon=1');
    expect(notices.map((n) => embedNotice(n, 'en'))).toEqual(['Unknown parameter "dragon" ignored.', 'zoom was given 2 times; the first is used.', 'zoom="99" ignored: expected a number from 0 to 22.']);
    // Names and values from the URL are set apart (U+2068 … U+2069), so they cannot reorder the sentence;
    // name=value reads left to right as one piece (U+2066 … U+2069).
    const apart = (text: string) => `\u2068${text}\u2069`;
    expect(notices.map((n) => embedNotice(n, 'fa'))).toEqual([
      `پارامتر ناشناختهٔ ${apart('"dragon"')} نادیده گرفته شد.`,
      `${apart('zoom')} ۲ بار آمده است؛ نخستین به کار می‌رود.`,
      `\u2066${apart('zoom')}=${apart('"99"')}\u2069 نادیده گرفته شد: عددی از ۰ تا ۲۲ انتظار می‌رفت.`,
    ]);
    expect(embedNotice(notices[2], 'ur')).toBe(`\u2066${apart('zoom')}=${apart('"99"')}\u2069 نظر انداز کیا گیا: 0 سے 22 تک کا عدد متوقع تھا۔`);
  });
});
