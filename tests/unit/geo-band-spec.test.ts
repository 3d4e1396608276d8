import { describe, expect, test } from 'vitest';
import { MAX_BAND_KM, parseBands } from '../../src/geo/band-spec.ts';

describe('parseBands (the bands attribute)', () => {
  test('distances separated by spaces or commas, in the element’s units', () => {
    expect(parseBands('10 25 50', 'km')).toEqual({ bands: [{ km: 10, side: null }, { km: 25, side: null }, { km: 50, side: null }], problems: [] });
    expect(parseBands(' 10,25 ,\n50 ', 'km').bands.map((b) => b.km)).toEqual([10, 25, 50]);
    expect(parseBands('10', 'mi').bands[0].km).toBeCloseTo(16.09344, 9);
    expect(parseBands('10', 'nmi').bands[0].km).toBeCloseTo(18.52, 9);
    expect(parseBands('2.5 .5', 'km').bands.map((b) => b.km)).toEqual([2.5, 0.5]);
  });

  test('a unit or a side on a distance', () => {
    expect(parseBands('10km 10mi 10nmi 10KM', 'mi').bands.map((b) => Math.round(b.km * 1000) / 1000)).toEqual([10, 16.093, 18.52]);
    expect(parseBands('30:PK 30:ir 30', 'km').bands).toEqual([{ km: 30, side: 'PK' }, { km: 30, side: 'IR' }, { km: 30, side: null }]);
    expect(parseBands('5mi:PK', 'km').bands).toEqual([{ km: 5 / 0.621371192237334, side: 'PK' }]);
  });

  test('empty: no bands, no problems', () => {
    expect(parseBands('', 'km')).toEqual({ bands: [], problems: [] });
    expect(parseBands('  , ', 'km')).toEqual({ bands: [], problems: [] });
  });

  test('one message per bad word; the good ones are kept', () => {
    expect(parseBands('10 ten 25', 'km')).toEqual({ bands: [{ km: 10, side: null }, { km: 25, side: null }], problems: [{ word: 'ten', reason: 'notDistance' }] });
    expect(parseBands('-5 10:AF 10ft 1e3 10:', 'km').problems).toHaveLength(5);
    expect(parseBands('0 600', 'km').problems).toEqual([{ word: '0', reason: 'outOfRange' }, { word: '600', reason: 'outOfRange' }]);
    expect(parseBands(`${MAX_BAND_KM}`, 'km').bands).toEqual([{ km: 500, side: null }]);
    expect(parseBands('400', 'mi').problems).toEqual([{ word: '400', reason: 'outOfRange' }]);
  });
});
