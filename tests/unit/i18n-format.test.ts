/** Dates, numbers and distances per language; every expected string is written out by hand. */
import { describe, expect, test } from 'vitest';
import { chooseLang, dirOf, langOf } from '../../src/i18n/lang.ts';
import { formatClock, formatDay, formatDayBoth, formatDistanceIn, formatMonthSpan, formatNumber, formatPercent } from '../../src/i18n/format.ts';
import { english, loadTexts } from '../../src/i18n/texts.ts';

describe('choosing the language', () => {
  test('the first supported tag wins, regions and case ignored', () => {
    expect(chooseLang([null, 'fa-IR'])).toBe('fa');
    expect(chooseLang(['de', 'UR-pk', 'fa'])).toBe('ur');
    expect(chooseLang(['', undefined, 'en-US'])).toBe('en');
  });
  test('English when nothing is supported', () => {
    expect(chooseLang(['de', 'ar'])).toBe('en');
    expect(chooseLang([])).toBe('en');
    expect(langOf('fr')).toBeUndefined();
  });
  test('Urdu and Persian read right to left', () => {
    expect([dirOf('en'), dirOf('ur'), dirOf('fa')]).toEqual(['ltr', 'rtl', 'rtl']);
  });
});

describe('dates', () => {
  test('16 January 2024 in each language', () => {
    expect(formatDay('2024-01-16', 'en')).toBe('16 Jan 2024');
    expect(formatDay('2024-01-16', 'ur')).toBe('16 جنوری، 2024');
    expect(formatDay('2024-01-16', 'fa')).toBe('۲۶ دی ۱۴۰۲');
  });
  test('without the year', () => {
    expect(formatDay('2024-01-18', 'en', { year: false })).toBe('18 Jan');
    expect(formatDay('2024-01-18', 'fa', { year: false })).toBe('۲۸ دی');
  });
  test('Persian shows the Gregorian date beside the Solar Hijri one; the others show one date', () => {
    expect(formatDayBoth('2024-01-16', 'fa')).toBe('۲۶ دی ۱۴۰۲ (۱۶ ژانویهٔ ۲۰۲۴)');
    expect(formatDayBoth('2024-01-16', 'ur')).toBe('16 جنوری، 2024');
  });
  test('a day is the calendar day, whatever the machine’s time zone', () => {
    expect(formatDay('2023-12-31', 'en')).toBe('31 Dec 2023');
    expect(formatDay('2024-03-20', 'fa')).toBe('۱ فروردین ۱۴۰۳'); // Nowruz 1403
  });
  test('month spans', () => {
    expect(formatMonthSpan('2023-12-15', '2024-01-29', 'en')).toBe('December 2023 – January 2024');
    expect(formatMonthSpan('2023-12-15', '2024-01-29', 'fa')).toBe('۱۴۰۲ آذر – ۱۴۰۲ بهمن') // CLDR's Persian month-and-year order;
    expect(formatMonthSpan('2024-01-16', '2024-01-18', 'ur')).toBe('جنوری 2024');
  });
  test('clock times in UTC', () => {
    expect(formatClock('2024-01-16T17:30:00Z', 'en')).toBe('17:30');
    expect(formatClock('2024-01-16T05:05:00Z', 'fa')).toBe('۰۵:۰۵');
  });
});

describe('numbers and distances', () => {
  test('digits', () => {
    expect(formatNumber(1234.5, 'fa', 1)).toBe('۱٬۲۳۴٫۵');
    expect(formatNumber(1234.5, 'ur', 1)).toBe('1,234.5');
    expect(formatNumber(27.0941, 'en', 3)).toBe('27.094');
  });
  test('percentages', () => {
    expect(formatPercent(0.395, 'en')).toBe('40%');
    expect(formatPercent(0.395, 'fa')).toBe('۴۰٪');
  });
  test('distances round as formatDistance does, in the language’s digits and unit names', () => {
    expect(formatDistanceIn(12.44, 'km', 'fa', 'کیلومتر')).toBe('۱۲٫۴ کیلومتر');
    expect(formatDistanceIn(12.44, 'km', 'ur', 'کلومیٹر')).toBe('12.4 کلومیٹر');
    expect(formatDistanceIn(1024.3, 'km', 'en', 'km')).toBe('1,024 km');
    expect(formatDistanceIn(38.04, 'km', 'fa', 'کیلومتر', true)).toBe('۳۸ کیلومتر');
  });
});

describe('texts', () => {
  test('placeholders are filled, numbers in the language’s digits', async () => {
    const fa = await loadTexts('fa');
    expect(fa.t('strikeSites', { count: 5 })).toBe('محل‌های حمله (۵)');
    expect(english.t('strikeSites', { count: 5 })).toBe('Strike sites (5)');
    expect(fa.distance(50, 'mi')).toBe('۳۱٫۱ مایل');
    expect(fa.country('PK')).toBe('پاکستان');
    expect(english.country('XX')).toBe('XX');
  });
  test('a range in words', async () => {
    const ur = await loadTexts('ur');
    const range = { km: 38.2, minKm: 3.2, maxKm: 73.4, crossesBorder: true };
    expect(english.describeRange(range, 'km')).toBe('38 km, somewhere between 3 km and 73 km; the area of uncertainty reaches the border');
    expect(ur.describeRange(range, 'km')).toBe('38 کلومیٹر، یعنی 3 کلومیٹر سے 73 کلومیٹر کے درمیان کہیں؛ غیر یقینی کا دائرہ سرحد تک پہنچتا ہے');
  });
  test('parts keep non-text values in place for rendering', () => {
    const bold = { bold: true };
    expect(english.parts('aroundPoint', { uncertain: bold, coordinates: '1, 2' })).toEqual(['', bold, ' around the plotted point (', '1, 2', ').']);
  });
});
