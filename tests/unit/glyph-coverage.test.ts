/** The shipped Urdu and Persian fonts: what they are, and that no string we show falls outside them. */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { describeMiss, findMissingGlyphs, parseRanges } from '../../scripts/check-glyphs.ts';
import { FONTS_DIR, SHIPPED_FONTS, packageFile, packageLicence } from '../../scripts/fonts.ts';
import { ARABIC_RANGE, FONT_URLS } from '../../src/i18n/fonts.ts';

const open = (file: string) => fontkit.openSync(join(FONTS_DIR, file)) as fontkit.Font;
const cmaps = new Map<string, Set<number>>();
const cmap = (file: string) => cmaps.get(file) ?? cmaps.set(file, new Set(open(file).characterSet)).get(file)!;
const chars = (text: string) => [...text].map((c) => c.codePointAt(0)!);

describe('the shipped fonts', () => {
  it('are the pinned @fontsource files, as WOFF2, each with its OFL licence beside it', () => {
    for (const font of SHIPPED_FONTS) {
      expect(readFileSync(join(FONTS_DIR, font.file)).equals(readFileSync(packageFile(font))), `${font.file}: run npm run fonts`).toBe(true);
      expect(open(font.file).type).toBe('WOFF2');
      const licence = readFileSync(join(FONTS_DIR, font.licence), 'utf8');
      expect(licence).toBe(readFileSync(packageLicence(font), 'utf8'));
      expect(licence).toContain('SIL Open Font License, Version 1.1');
    }
  });

  it('are the files the browser code points at', () => {
    expect(Object.values(FONT_URLS).map((url) => url.split('/').pop()).sort()).toEqual(SHIPPED_FONTS.map((f) => f.file).sort());
  });

  it("claim exactly fontsource's Arabic subset (the packages' unicode-range metadata)", () => {
    for (const name of ['noto-nastaliq-urdu', 'noto-naskh-arabic', 'vazirmatn']) {
      const meta = JSON.parse(readFileSync(`node_modules/@fontsource/${name}/unicode.json`, 'utf8')) as { arabic: string };
      // The metadata also lists rare astral blocks (Rumi numerals, Arabic mathematical letters) that none of our text uses.
      const bmp = parseRanges(meta.arabic).filter(([a]) => a <= 0xffff);
      expect(parseRanges(ARABIC_RANGE)).toEqual(bmp);
    }
  });

  it('have the letters Urdu and Persian need, ZWNJ and the Persian digits', () => {
    const urdu = 'ہےںٹڈڑۓیکگپچ';
    const persian = 'یکگپچژ\u200c۰۱۲۳۴۵۶۷۸۹';
    for (const file of ['noto-nastaliq-urdu-arabic-400-normal.woff2', 'noto-naskh-arabic-arabic-400-normal.woff2']) {
      expect(chars(urdu + persian).filter((cp) => !cmap(file).has(cp))).toEqual([]);
    }
    for (const file of ['vazirmatn-arabic-400-normal.woff2', 'vazirmatn-arabic-700-normal.woff2']) {
      expect(chars(urdu + persian).filter((cp) => !cmap(file).has(cp))).toEqual([]);
    }
  });

  it('Nastaliq has almost no presentation forms, which is why the map draws Urdu in Naskh', () => {
    // ہ's four forms, ے's two and ٹ's four, as MapLibre's shaping turns the letters into.
    const forms = [0xfba6, 0xfba7, 0xfba8, 0xfba9, 0xfbae, 0xfbaf, 0xfb66, 0xfb67, 0xfb68, 0xfb69];
    expect(forms.filter((cp) => cmap('noto-nastaliq-urdu-arabic-400-normal.woff2').has(cp))).toEqual([]);
    expect(forms.filter((cp) => !cmap('noto-naskh-arabic-arabic-400-normal.woff2').has(cp))).toEqual([]);
  });
});

describe('no tofu', () => {
  it('every Urdu and Persian string in the data, catalogues and translations is covered', () => {
    const misses = findMissingGlyphs();
    expect(misses.map(describeMiss)).toEqual([]);
  });

  it('names the file, the string and the missing code point when a glyph is missing', () => {
    // Kurdish ڕ (U+0695) is in Naskh and Vazirmatn but not in Noto Nastaliq Urdu.
    const file = join(mkdtempSync(join(tmpdir(), 'glyphs-')), 'content.ur.json');
    writeFileSync(file, JSON.stringify({ notes: ['پنجگور', 'ڕێگا'] }));
    const misses = findMissingGlyphs([{ file, langs: ['ur'] }]);
    expect(misses).toHaveLength(1);
    expect(misses[0]).toMatchObject({ at: 'notes[1]', text: 'ڕێگا', codePoint: 'U+0695', font: 'noto-nastaliq-urdu-arabic-400-normal.woff2', shaped: false });
    expect(describeMiss(misses[0])).toContain('content.ur.json');
  });

  it('checks map labels as MapLibre shapes them: the isolated heh goal of کوہ on a Persian map', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'glyphs-')), 'places.fa.json');
    writeFileSync(file, JSON.stringify({ name: 'کوہ' }));
    // Vazirmatn lacks U+FBA6, so the Persian canvas hands it to Naskh, which has it: no miss.
    expect(cmap('vazirmatn-arabic-400-normal.woff2').has(0xfba6)).toBe(false);
    expect(findMissingGlyphs([{ file, langs: ['fa'] }])).toEqual([]);
  });
});
