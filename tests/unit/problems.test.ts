/**
 * Data problems in the reader's language: what the validators find, written in English, Urdu and
 * Persian, with the file, the feature or row and the nested reasons each in its place.
 */
import { describe, expect, test } from 'vitest';
import { DataError, fillProblem, generalProblem, problemOf, problemsIn } from '../../src/data/problems.ts';
import { parseGeoJSONText } from '../../src/data/validate.ts';
import { parseCsvPoints } from '../../src/data/csv.ts';
import { checkSize } from '../../src/data/limits.ts';
import { english, loadTexts, Texts } from '../../src/i18n/texts.ts';
import { en } from '../../src/i18n/en.ts';

const point = (coordinates: unknown) => ({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates } });
const file = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
/** Text from the data inside a right-to-left sentence, set apart by Unicode's first-strong isolate (U+2068 … U+2069). */
const apart = (text: string) => `\u2068${text}\u2069`;

/** The DataError a call throws. */
function thrown(run: () => unknown): DataError {
  try {
    run();
  } catch (error) {
    if (error instanceof DataError) return error;
    throw error;
  }
  throw new Error('nothing was thrown');
}

describe('a problem in each language', () => {
  const parsed = parseGeoJSONText('mine.geojson', file(point([63, 27]), point([200, 27])));
  const [skipped] = parsed.problems;

  test('English: the sentence it was made with, also the error message', () => {
    expect(english.problem(skipped)).toBe('mine.geojson, feature 1: longitude 200 is outside -180…180.');
    const error = thrown(() => parseGeoJSONText('mine.geojson', '{"type": "Topology"}'));
    expect(error.message).toBe('mine.geojson: "Topology" is not a GeoJSON type.');
    expect(english.problem(error.problem)).toBe(error.message);
  });

  test('Persian: the place and the reason translated, the count in Persian digits, the value and file as written and set apart', async () => {
    const fa = await loadTexts('fa');
    expect(fa.problem(skipped)).toBe(`${apart('mine.geojson')}، عارضهٔ ۱: طول جغرافیایی ${apart('200')} خارج از بازهٔ \u2066-180…180\u2069 است.`);
  });

  test('Urdu: Latin digits, as Pakistani Urdu media write them', async () => {
    const ur = await loadTexts('ur');
    expect(ur.problem(skipped)).toBe(`${apart('mine.geojson')}، عنصر 1: طول البلد ${apart('200')} حد \u2066-180…180\u2069 سے باہر ہے۔`);
  });

  test('nested problems: a file none of whose rows can be shown lists its first three, each translated', async () => {
    const error = thrown(() => parseCsvPoints('rows.csv', 'name,lon,lat\nA,x,1\nB,2,y\nC,,\nD,z,z\n'));
    expect(error.message).toBe(
      'rows.csv: no row has usable coordinates. rows.csv, row 2: coordinates must be numbers (found NaN or text). rows.csv, row 3: coordinates must be numbers (found NaN or text). rows.csv, row 4: coordinates must be numbers (found NaN or text).',
    );
    const fa = await loadTexts('fa');
    const again = 'مختصات باید عدد باشند (NaN یا متن پیدا شد).';
    const rows = apart('rows.csv');
    expect(fa.problem(error.problem)).toBe(`${rows}: هیچ ردیفی مختصات قابل استفاده ندارد. ${rows}، ردیف ۲: ${again} ${rows}، ردیف ۳: ${again} ${rows}، ردیف ۴: ${again}`);
  });

  test('a label written in the reader’s language stands in for a file name', async () => {
    const error = thrown(() => checkSize(generalProblem('inlineLayer'), 11 * 1024 * 1024));
    expect(error.message).toBe('Inline layer: the file is 11.0 MB; the limit is 10 MB. An event dataset (a UCDP GED or ACLED CSV) up to 250 MB can be dropped on the map or chosen with “Choose files…”: it is read in the background.');
    const ur = await loadTexts('ur');
    expect(ur.problem(error.problem)).toBe(
      `صفحے میں درج پرت: فائل ${apart('11.0')} MB کی ہے؛ حد ${apart('10')} MB ہے۔ واقعات کا ڈیٹا سیٹ (UCDP GED یا ACLED کی CSV) ${apart('250')} MB تک نقشے پر چھوڑا جا سکتا ہے یا «فائلیں منتخب کریں…» سے منتخب کیا جا سکتا ہے: اسے پس منظر میں پڑھا جاتا ہے۔`,
    );
    expect(ur.fileLabel('clinics.geojson')).toBe('clinics.geojson');
    expect(ur.fileLabel(generalProblem('inlineLayer'))).toBe('صفحے میں درج پرت');
  });

  test('a key missing from a table falls back to its English sentence, the rest still translated', () => {
    const partial = new Texts('fa', en, { inFile: '{file} — {problem}' } as never);
    const error = thrown(() => parseGeoJSONText('x.json', '[]'));
    expect(partial.problem(error.problem)).toBe(`${apart('x.json')} — this is JSON but not GeoJSON (no "type" member).`);
  });
});

describe('fillProblem and problemOf', () => {
  test('fills strings as written, numbers through the formatter, lists of problems joined by spaces', () => {
    const make = problemsIn({ a: 'A {n}.', b: 'B {word}.' });
    const values = { word: '{n}', n: 3, list: [make('a', { n: 1 }), make('b', { word: 'x' })] };
    const writing = { number: (n: number) => `#${n}`, text: (s: string) => `'${s}'`, comma: ' / ' };
    expect(fillProblem('{word} {n} {list} {missing}', values, (p) => `<${p.text}>`, writing)).toBe("'{n}' #3 <A 1.> <B x.> {missing}");
    expect(fillProblem('rows {rows}', { rows: [2, 30, 400] }, () => '', writing)).toBe('rows #2 / #30 / #400');
    expect(make('a', { n: 2.5 }).text).toBe('A 2.5.');
  });

  test('English groups thousands, in counts and in lists of rows alike', () => {
    const make = problemsIn({ rows: '{count} rows ({rows})' });
    expect(make('rows', { count: 14286, rows: [1002, 25000] }).text).toBe('14,286 rows (1,002, 25,000)');
  });

  test('Persian writes a list of rows in its digits with its comma; Urdu keeps Latin digits but its comma', async () => {
    const problem = generalProblem('atRows', { file: 'f.csv', count: 2, rows: [1200, 7], problem: generalProblem('noData') });
    expect((await loadTexts('fa')).problem(problem)).toContain('(۱٬۲۰۰، ۷)');
    expect((await loadTexts('ur')).problem(problem)).toContain('(1,200، 7)');
    expect(english.problem(problem)).toContain('(1,200, 7)');
  });

  test('any error becomes a problem: a DataError its own, anything else its message as it is', () => {
    const error = new DataError('f.json', generalProblem('noData'));
    expect(problemOf(error)).toBe(error.problem);
    expect(error.problem.key).toBe('inFile');
    expect(error.name).toBe('DataError');
    expect(problemOf(new TypeError('boom')).text).toBe('boom');
    expect(problemOf('plain').text).toBe('plain');
  });
});
