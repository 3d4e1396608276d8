/** One byte limit for every way data comes in: 10 MiB, counted in bytes (UTF-8 for text). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_DATA_BYTES, checkSize, checkTextSize, utf8Length } from '../../src/data/limits.ts';
import { DataError } from '../../src/data/problems.ts';
import { parseGeoJSONText } from '../../src/data/validate.ts';
import { parseCsvPoints } from '../../src/data/csv.ts';
import { checkSize as checkSizeForFiles } from '../../src/data/parse-user.ts';
import { runs } from './runs.ts';

const encoder = new TextEncoder();

describe('utf8Length', () => {
  it('equals the length of TextEncoder’s bytes for any text, lone surrogates included', () => {
    const anyUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)); // includes lone surrogates
    const text = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: anyUnit }), fc.string({ unit: fc.constantFrom('a', 'é', '€', '😀', '\ud800', '\udc00') }));
    fc.assert(
      fc.property(text, (t) => {
        expect(utf8Length(t)).toBe(encoder.encode(t).length);
      }),
      { numRuns: runs(2000, 300) },
    );
  });

  it.each([
    ['', 0], ['a', 1], ['\u007f', 1], ['\u0080', 2], ['é', 2], ['\u07ff', 2], ['\u0800', 3], ['€', 3], ['\uffff', 3],
    ['😀', 4], ['\ud83d', 3], ['\ude00', 3], ['\ude00\ud83d', 6], ['a😀b', 6],
  ])('%j is %i bytes', (text, bytes) => {
    expect(utf8Length(text)).toBe(bytes);
  });
});

describe('the limit', () => {
  it('is 10 MiB', () => {
    expect(MAX_DATA_BYTES).toBe(10_485_760);
  });

  it('accepts exactly the limit and refuses one byte more, naming the file', () => {
    expect(() => checkSize('a.geojson', 10_485_760)).not.toThrow();
    const error = (() => {
      try {
        checkSize('a.geojson', 10_485_761);
      } catch (e) {
        return e as DataError;
      }
    })();
    expect(error).toBeInstanceOf(DataError);
    expect(error!.message).toMatch(/^a\.geojson: the file is 10\.0 MB; the limit is 10 MB\. An event dataset/);
    expect(() => checkSize('b.csv', 15 * 1024 * 1024)).toThrow('b.csv: the file is 15.0 MB; the limit is 10 MB.');
    expect(checkSizeForFiles).toBe(checkSize); // the check the page runs on File.size before reading
  });

  it('counts text in UTF-8 bytes, not characters', () => {
    const chars = 5_300_000; // 10.6 million bytes of "é", in 5.3 million characters
    expect(() => checkTextSize('inline', 'é'.repeat(chars))).toThrow('inline: the file is 10.1 MB; the limit is 10 MB.');
    expect(() => checkTextSize('inline', 'e'.repeat(chars))).not.toThrow();
    expect(() => checkTextSize('inline', 'é'.repeat(MAX_DATA_BYTES / 2))).not.toThrow(); // exactly the limit
    expect(() => checkTextSize('inline', `${'é'.repeat(MAX_DATA_BYTES / 2)}x`)).toThrow(/limit is 10 MB/);
  });

  it('GeoJSON and CSV text are refused by bytes before they are parsed', () => {
    const pad = 'é'.repeat(5_300_000);
    expect(() => parseGeoJSONText('big.geojson', `{"type":"Point","coordinates":[1,2],"note":"${pad}"}`)).toThrow(/^big\.geojson: the file is 10\.1 MB/);
    expect(() => parseCsvPoints('big.csv', `name,lon,lat\n${pad},1,2\n`)).toThrow(/^big\.csv: the file is 10\.1 MB/);
    // The same number of one-byte characters is fine.
    expect(parseGeoJSONText('ok.geojson', `{"type":"Point","coordinates":[1,2],"note":"${'e'.repeat(5_300_000)}"}`).collection.features).toHaveLength(1);
    expect(parseCsvPoints('ok.csv', `name,lon,lat\n${'e'.repeat(5_300_000)},1,2\n`).collection.features).toHaveLength(1);
  });
});

describe('event datasets have their own limit', () => {
  it('250 MiB, with its own message; an ordinary file over 10 MB is told how to load a dataset instead', async () => {
    const { MAX_EVENT_BYTES, checkEventSize } = await import('../../src/data/limits.ts');
    expect(MAX_EVENT_BYTES).toBe(262_144_000);
    expect(() => checkEventSize('ged.csv', 262_144_000)).not.toThrow();
    expect(() => checkEventSize('ged.csv', 262_144_001)).toThrow('ged.csv: the file is 250.0 MB; the limit for an event dataset is 250 MB.');
    expect(() => checkSize('b.csv', 15 * 1024 * 1024)).toThrow(/An event dataset \(a UCDP GED or ACLED CSV\) up to 250 MB can be dropped on the map/);
    expect(() => checkTextSize('ged.csv', 'x'.repeat(MAX_DATA_BYTES + 1), 'events')).not.toThrow();
  });

  it('an event file is known by its name and the header at its start', async () => {
    const { sniffEventFile } = await import('../../src/data/parse-user.ts');
    const { eventFormatOfHeader } = await import('../../src/data/csv.ts');
    const ucdp = '\uFEFFid,where_prec,date_start,side_a,latitude,longitude\r\n1,1,2024-01-16,A,27,63\r\n';
    expect(eventFormatOfHeader(ucdp)).toBe('UCDP GED');
    expect(eventFormatOfHeader('"event_date","geo_precision", EVENT_TYPE ,lat,lon\n')).toBe('ACLED');
    expect(eventFormatOfHeader('name,lon,lat\nwhere_prec,date_start,side_a\n')).toBeNull(); // only the first line is the header
    expect(await sniffEventFile(new File([ucdp], 'ged.CSV'))).toEqual({ format: 'UCDP GED' });
    expect(await sniffEventFile(new File([ucdp], 'ged.geojson'))).toBeNull();
    expect(await sniffEventFile(new File(['name,lon,lat\n'], 'points.csv'))).toBeNull();
    expect(await sniffEventFile(new File(['name,lon,lat\nA,62,27\n'], 'points.csv'))).toBeNull();
    // A table of dated points in no known convention: read by the columns its names suggest.
    const dated = await sniffEventFile(new File(['name,lon,lat,date\nA,62,27,2024-01-18\n'], 'dated.csv'));
    expect(dated).toMatchObject({ format: 'CSV', guess: { mapping: { date: 'date', place: 'name' }, sure: true } });
  });
});
