/** Every language has every message, none empty, each with the same {placeholders} as the English. */
import { describe, expect, test } from 'vitest';
import { en } from '../../src/i18n/en.ts';
import ur from '../../src/i18n/ur.ts';
import fa from '../../src/i18n/fa.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const catalogues: Record<string, Record<string, string>> = { ur, fa };

describe.each(Object.keys(catalogues))('the %s catalogue', (lang) => {
  const catalogue = catalogues[lang];

  test('has exactly the English keys', () => {
    expect(Object.keys(catalogue).sort()).toEqual(Object.keys(en).sort());
  });

  test.each(Object.keys(en))('%s is not empty and has the English placeholders', (key) => {
    expect(catalogue[key]?.trim()).toBeTruthy();
    expect(placeholders(catalogue[key])).toEqual(placeholders(en[key as keyof typeof en]));
  });

  test('is written in Arabic script, not left in English', () => {
    // Messages that are only a symbol, a code or a placeholder may match English; all others must not.
    const same = Object.keys(en).filter((key) => catalogue[key] === en[key as keyof typeof en]);
    expect(same).toEqual([]);
  });
});
