/**
 * The no-tofu check: every Urdu and Persian string strike-map can show must be drawable with the
 * fonts it ships. Reads each shipped WOFF2's cmap (fontkit) and checks every code point the face
 * claims (its `unicode-range`, where the browser will not look elsewhere first) against it.
 *
 * Two ways text is drawn, both checked:
 * - in the UI, as written: Urdu in Noto Nastaliq Urdu, Persian in Vazirmatn (400 and 700);
 * - on the map canvas, after MapLibre's own Arabic shaping (each letter becomes its initial,
 *   medial, final or isolated presentation form; MapLibre's real function is used, so what is
 *   checked is what it will draw): Urdu in Noto Naskh Arabic, Persian in Vazirmatn.
 * Data strings (names, claims, notes, sources) can appear in either language, so they are checked
 * against every font; a catalogue or translation of one language only against that language's.
 *
 * Usage: tsx scripts/check-glyphs.ts (exits 1 and lists each miss). tests/unit/glyph-coverage.test.ts runs it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as fontkit from 'fontkit';
import { ARABIC_RANGE, UI_FACES } from '../src/i18n/fonts.ts';
import { CANVAS_FONT } from '../src/map/language.ts';
import { FONTS_DIR } from './fonts.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

// MapLibre's own shaping, from the source it ships (a path tsc does not follow: it is not our code).
const shapingModule = '../node_modules/maplibre-gl/src/symbol/arabic_shaping.ts';
const { applyArabicShaping } = (await import(shapingModule)) as { applyArabicShaping(text: string): string };

type Lang = 'ur' | 'fa';
interface Face {
  file: string;
  ranges: [number, number][];
}
interface Drawing {
  lang: Lang;
  /** Files in the order they are tried: a code point goes to the first whose range claims it. */
  faces: Face[];
  /** True on the map canvas: the text is shaped into presentation forms first. */
  shaped: boolean;
}

export interface Miss {
  file: string;
  /** Where in the file: a JSON path, or a line number. */
  at: string;
  text: string;
  font: string;
  shaped: boolean;
  codePoint: string;
}

/** [first, last] code point pairs of a CSS unicode-range list. */
export function parseRanges(list: string): [number, number][] {
  return list.split(',').map((part) => {
    const [a, b] = part.trim().replace(/^U\+/i, '').split('-');
    return [parseInt(a, 16), parseInt(b ?? a, 16)];
  });
}

const fileOf = (url: string) => url.split('/').pop()!;
const claims = (face: Face, cp: number) => face.ranges.some(([a, b]) => cp >= a && cp <= b);

const DRAWINGS: readonly Drawing[] = (['ur', 'fa'] as const).flatMap((lang) => [
  // The UI: each weight on its own, as the browser picks one face per weight.
  ...UI_FACES[lang].map((face) => ({ lang, shaped: false, faces: [{ file: fileOf(face.url), ranges: parseRanges(ARABIC_RANGE) }] })),
  { lang, shaped: true, faces: CANVAS_FONT[lang].faces.map((face) => ({ file: fileOf(face.url), ranges: parseRanges(face.range) })) },
]);
const ARABIC_SCRIPT = /\p{Script=Arabic}/u;
export const hex = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

/** A text found in a file, with where it was. */
interface Found {
  at: string;
  text: string;
}

/** Every string value of a JSON document that has Arabic script in it, with its path. */
function jsonStrings(value: unknown, path: string, out: Found[]): Found[] {
  if (typeof value === 'string') {
    if (ARABIC_SCRIPT.test(value)) out.push({ at: path, text: value });
  } else if (Array.isArray(value)) value.forEach((v, i) => jsonStrings(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) jsonStrings(v, path ? `${path}.${k}` : k, out);
  return out;
}

/** Runs of Arabic-script text (with the marks, joiners and spaces inside them), line by line. */
function textRuns(text: string): Found[] {
  return text.split('\n').flatMap((line, i) => [...line.matchAll(/\p{Script=Arabic}[\p{Script=Arabic}\p{M}\u200c\u200d ]*/gu)].map((m) => ({ at: `line ${i + 1}`, text: m[0].trim() })));
}

function stringsIn(file: string): Found[] {
  const text = readFileSync(file, 'utf8');
  return /\.(geo)?json$/.test(file) ? jsonStrings(JSON.parse(text), '', []) : textRuns(text);
}

const filesIn = (dir: string): string[] =>
  existsSync(dir) ? readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? filesIn(join(dir, name)) : [join(dir, name)])) : [];

/** The files to check, each with the languages its strings are shown in. */
export function textFiles(): { file: string; langs: Lang[] }[] {
  const data = [...filesIn(join(ROOT, 'geodata')).filter((f) => /\.(geo)?json$|\.csv$|\.md$|\.txt$/.test(f))];
  const langOf = (file: string): Lang[] => {
    const name = relative(ROOT, file);
    if (/(^|[./_-])ur([./_-]|$)/.test(name.split('/').pop()!)) return ['ur'];
    if (/(^|[./_-])fa([./_-]|$)/.test(name.split('/').pop()!)) return ['fa'];
    return ['ur', 'fa'];
  };
  const catalogues = (['ur', 'fa'] as const).map((lang) => join(ROOT, 'src', 'i18n', `${lang}.ts`)).filter(existsSync);
  return [...data, ...catalogues].map((file) => ({ file, langs: langOf(file) }));
}

const cmaps = new Map<string, Set<number>>();
function cmap(font: string): Set<number> {
  let set = cmaps.get(font);
  if (!set) {
    const parsed = fontkit.openSync(join(FONTS_DIR, font));
    set = new Set(('fonts' in parsed ? parsed.fonts[0] : parsed).characterSet);
    cmaps.set(font, set);
  }
  return set;
}

/** Each code point a shipped font claims but lacks, for every string of every checked file. */
export function findMissingGlyphs(files = textFiles()): Miss[] {
  const misses: Miss[] = [];
  for (const { file, langs } of files) {
    for (const found of stringsIn(file)) {
      for (const drawing of DRAWINGS.filter((d) => langs.includes(d.lang))) {
        const drawn = drawing.shaped ? applyArabicShaping(found.text) : found.text;
        for (const cp of new Set([...drawn].map((c) => c.codePointAt(0)!))) {
          const face = drawing.faces.find((f) => claims(f, cp));
          if (face && !cmap(face.file).has(cp)) misses.push({ file: relative(ROOT, file), at: found.at, text: found.text, font: face.file, shaped: drawing.shaped, codePoint: hex(cp) });
        }
      }
    }
  }
  return misses;
}

export const describeMiss = (m: Miss) => `${m.file} (${m.at}): "${m.text}" needs ${m.codePoint}, which ${m.font} lacks${m.shaped ? ' (as MapLibre shapes it for the map)' : ''}`;

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const misses = findMissingGlyphs();
  for (const m of misses) console.error(describeMiss(m));
  console.log(misses.length ? `${misses.length} missing glyphs` : 'every Urdu and Persian string is covered by the shipped fonts');
  process.exit(misses.length ? 1 : 0);
}
