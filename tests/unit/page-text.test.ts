/**
 * The explorer page's own words (src/i18n/page-text.ts): English the same as index.html, Urdu and
 * Persian complete, written with their own digits and letters, and drawable by the shipped fonts;
 * the strikes' Urdu and Persian map labels drawable too.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FeatureCollection, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { describeMiss, findMissingGlyphs } from '../../scripts/check-glyphs.ts';
import { PAGE_PARTS, PAGE_TEXT } from '../../src/i18n/page-text.ts';
import { withStrikeLabels } from '../../src/data/prepare.ts';
import type { StrikeProperties } from '../../src/data/types.ts';

const html = readFileSync(new URL('../../index.html', import.meta.url), 'utf8');
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
/** The text of the element marked data-page-text="part" in index.html (its markup has no child elements). */
const inHtml = (part: string) => squash(html.match(new RegExp(`data-page-text="${part}">([^<]*)<`))?.[1] ?? '').replace(/&amp;/g, '&');

describe('the explorer page in three languages', () => {
  it('English is what index.html says', () => {
    for (const part of PAGE_PARTS) expect(PAGE_TEXT.en[part], part).toBe(inHtml(part));
    expect(html).toContain(`<title>${PAGE_TEXT.en.title}</title>`);
    expect(html).toContain(`<meta name="description" content="${PAGE_TEXT.en.description}" />`);
  });

  it('Urdu and Persian have every part, with no English but the names of the data and the project', () => {
    const names = /OpenStreetMap|ODbL|Natural Earth|strike-map/g;
    for (const lang of ['ur', 'fa'] as const) {
      for (const [part, text] of Object.entries(PAGE_TEXT[lang])) {
        expect(text.trim(), `${lang} ${part}`).not.toBe('');
        expect(text.replace(names, '').match(/[A-Za-z]+/g), `${lang} ${part}`).toBeNull();
      }
    }
  });

  it('Urdu writes Latin digits (as Pakistani papers do); Persian writes Persian digits and Persian ی and ک', () => {
    const ur = Object.values(PAGE_TEXT.ur).join(' ');
    const fa = Object.values(PAGE_TEXT.fa).join(' ');
    expect(ur).toMatch(/16 جنوری 2024/);
    expect(ur).not.toMatch(/[\u06f0-\u06f9\u0660-\u0669]/);
    expect(fa).toMatch(/۲۶ دی ۱۴۰۲ \(۱۶ ژانویهٔ ۲۰۲۴\)/); // 16 January 2024 = 26 Dey 1402
    expect(fa).toMatch(/۲۹ دی \(۱۹ ژانویه\)/); // 19 January = 29 Dey
    expect(fa).not.toMatch(/[0-9\u0660-\u0669\u064a\u0643]/); // no Latin or Arabic-Indic digits, no Arabic ي or ك
  });

  it('every Urdu and Persian letter, on the page and in the strikes’ map labels, is in the shipped fonts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'page-text-'));
    const strikes = JSON.parse(readFileSync(new URL('../../geodata/strikes.geojson', import.meta.url), 'utf8')) as FeatureCollection<Point, StrikeProperties>;
    const labels = withStrikeLabels(strikes).features.map((f) => f.properties);
    const files = (['ur', 'fa'] as const).map((lang) => {
      const file = join(dir, `page.${lang}.json`);
      writeFileSync(file, JSON.stringify({ page: PAGE_TEXT[lang], labels: labels.map((p) => p[`label_${lang}`]) }));
      return { file, langs: [lang] };
    });
    expect(findMissingGlyphs(files).map(describeMiss)).toEqual([]);
  });
});
