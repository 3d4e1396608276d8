/**
 * Every language has every message and every data problem's sentence, none empty, each with the
 * same {placeholders} as the English.
 */
import { describe, expect, test } from 'vitest';
import { en } from '../../src/i18n/en.ts';
import ur, { problems as urProblems } from '../../src/i18n/ur.ts';
import fa, { problems as faProblems } from '../../src/i18n/fa.ts';
import { GENERAL_PROBLEMS } from '../../src/data/problems.ts';
import { GEOJSON_PROBLEMS } from '../../src/data/validate.ts';
import { CSV_PROBLEMS } from '../../src/data/csv.ts';
import { EVENT_PROBLEMS } from '../../src/data/events.ts';
import { FETCH_PROBLEMS } from '../../src/data/fetch-json.ts';
import { LIMIT_PROBLEMS } from '../../src/data/limits.ts';
import { CONTENT_PROBLEMS } from '../../src/data/content-i18n.ts';

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

/** The sentences for data problems: each module's English table, and a translation of every key. */
const english: Record<string, Readonly<Record<string, string>>> = { GENERAL_PROBLEMS, GEOJSON_PROBLEMS, CSV_PROBLEMS, EVENT_PROBLEMS, FETCH_PROBLEMS, LIMIT_PROBLEMS, CONTENT_PROBLEMS };
const englishProblems: Record<string, string> = Object.assign({}, ...Object.values(english));
const problemTables: Record<string, Record<string, string>> = { ur: urProblems, fa: faProblems };

describe('data problems', () => {
  test('no two modules use the same key (a translation would say the wrong thing)', () => {
    const keys = Object.values(english).flatMap((table) => Object.keys(table));
    expect(keys.length).toBe(new Set(keys).size);
  });

  describe.each(Object.keys(problemTables))('the %s problem table', (lang) => {
    const table = problemTables[lang];
    test('has exactly the English keys', () => {
      expect(Object.keys(table).sort()).toEqual(Object.keys(englishProblems).sort());
    });
    test.each(Object.keys(englishProblems))('%s is not empty and has the English placeholders', (key) => {
      expect(table[key]?.trim()).toBeTruthy();
      expect(placeholders(table[key])).toEqual(placeholders(englishProblems[key]));
    });
    test('is translated, apart from sentences that are only placeholders', () => {
      const same = Object.keys(englishProblems).filter((key) => table[key] === englishProblems[key]);
      expect(same.sort()).toEqual(['inFile', 'unexpected']);
    });
  });
});
