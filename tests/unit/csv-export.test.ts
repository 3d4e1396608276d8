/** CSV written for spreadsheets: quoting, formula defusing, CRLF rows; and the CSV reader’s BOM. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../src/data/csv-export.ts';
import { parseCsv, parseCsvPoints } from '../../src/data/csv.ts';
import { runs } from './runs.ts';

describe('csvCell', () => {
  it.each([
    [null, ''], [undefined, ''], ['', ''], ['plain', 'plain'], [42, '42'], [-3.5, '-3.5'], [0, '0'], [true, 'true'],
    ['a,b', '"a,b"'], ['say "hi"', '"say ""hi"""'], ['two\nlines', '"two\nlines"'], ['cr\rhere', '"cr\rhere"'], ['"', '""""'],
  ])('%j → %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it.each([
    ['=1+1', "'=1+1"], ['+44 20', "'+44 20"], ['-x', "'-x"], ['-', "'-"], ['@SUM(A1)', "'@SUM(A1)"], ['\tTab', "'\tTab"], ['\rcr', '"\'\rcr"'],
    ['=HYPERLINK("http://x","y")', '"\'=HYPERLINK(""http://x"",""y"")"'], ['-1e5', "'-1e5"], ['--1', "'--1"], ['-1.', "'-1."],
  ])('defuses the formula %j → %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it.each(['-1', '-12.5', '-0.001', '12', '+', '1=1', 'a@b'])('leaves %j as it is', (text) => {
    const expected = text === '+' ? "'+" : text;
    expect(csvCell(text)).toBe(expected);
  });
});

describe('toCsv', () => {
  it('writes CRLF rows, one after the header and each row, ending with CRLF', () => {
    expect(toCsv(['name', 'km'], [['A', 1.5], ['B, C', null]])).toBe('name,km\r\nA,1.5\r\n"B, C",\r\n');
    expect(toCsv(['only'], [])).toBe('only\r\n');
  });

  it('reads back (RFC 4180) as the cells it was given, formulas prefixed with an apostrophe', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\n', '\r', '=', '+', '-', '@', '\t', ' ', '1', '.', 'é') });
    fc.assert(
      fc.property(fc.array(fc.array(text, { minLength: 2, maxLength: 2 }), { maxLength: 5 }), (rows) => {
        const csv = toCsv(['x', 'y'], rows);
        expect(csv.endsWith('\r\n')).toBe(true);
        const back = parseCsv(csv);
        const defused = (t: string) => (/^[=+\-@\t\r]/.test(t) && !/^-?\d+(\.\d+)?$/.test(t) ? `'${t}` : t);
        expect(back).toEqual([['x', 'y'], ...rows.map((r) => r.map(defused))]);
      }),
      { numRuns: runs(500, 100) },
    );
  });
});

describe('reading CSV', () => {
  it('ignores a byte-order mark before the header (as Excel writes it)', () => {
    const parsed = parseCsvPoints('bom.csv', '\uFEFFlon,lat,name\n63,27,A\n');
    expect(parsed.collection.features[0].geometry).toEqual({ type: 'Point', coordinates: [63, 27] });
    expect(parsed.collection.features[0].properties).toEqual({ name: 'A' });
  });
});
