/**
 * Urdu and Persian content: the build's rules for the translation files (each broken input stops
 * the build with the item and field named), the shipped content files, and loadContent in Node.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FeatureCollection, Point } from 'geojson';
import type { StrikeProperties, TimelineEvent } from '../../src/data/types.ts';
import { checkTranslations, contentFile, englishFields, type FieldTexts } from '../../scripts/geodata/translations.ts';
import { rowNames } from '../../scripts/geodata/content.ts';
import { MAX_DATA_BYTES } from '../../src/data/limits.ts';
import { failure } from './build-failure.ts';

const geodata = (name: string) => JSON.parse(readFileSync(new URL(`../../geodata/${name}`, import.meta.url), 'utf8'));
const strikes = (geodata('strikes.geojson') as FeatureCollection<Point, StrikeProperties>).features.map((f) => f.properties);
const timeline = (geodata('timeline.json') as { events: TimelineEvent[] }).events;

/** A small strike and timeline item, and their fields written out by hand. */
const strike = {
  id: 's1',
  place: 'Somewhere',
  time_local: 'at dawn',
  time_note: 'Reported by one paper.',
  claimed_target: 'It said it hit "a depot".',
  location_basis: 'About 12 km from the border.',
  weapons: [{ by: 'Army', side: 'PK', text: 'Two drones.', sources: [] }],
  casualties: [],
  distance_claims: [{ by: 'Paper', side: 'other', text: '30 miles (48 km) inside.', sources: [] }],
  constraints: [{ by: 'Paper', text: 'Near the river.', use: 'used', why: 'Only reading.', sources: [] }],
  alternatives: [],
  district: { id: 'd', name: 'D', share: 1, edge_km: 3, note: null },
  across_border: { country: '', share: 0, basis: 'Some outlines', geometry: null },
} as unknown as StrikeProperties;
const item = { id: 't1', date: '2024-01-16', kind: 'diplomacy', title: 'A call', summary: 'They spoke.', sources: [] } as TimelineEvent;
const ENGLISH_PATHS = {
  s1: ['place', 'time_local', 'time_note', 'claimed_target', 'location_basis', 'weapons.0.by', 'weapons.0.text', 'distance_claims.0.by', 'distance_claims.0.text', 'constraints.0.by', 'constraints.0.text', 'constraints.0.why', 'across_border.basis'],
  t1: ['title', 'summary'],
};
const persian = (): FieldTexts => ({
  s1: {
    place: 'جایی',
    time_local: 'سپیده‌دم',
    time_note: 'یک روزنامه گزارش داد.',
    claimed_target: 'گفت به «یک انبار» حمله کرده است.',
    location_basis: 'حدود ۱۲ کیلومتر از مرز.',
    'weapons.0.by': 'ارتش',
    'weapons.0.text': 'دو پهپاد.',
    'distance_claims.0.by': 'روزنامه',
    'distance_claims.0.text': '۳۰ مایل (۴۸ کیلومتر) درون خاک.',
    'constraints.0.by': 'روزنامه',
    'constraints.0.text': 'نزدیک رود.',
    'constraints.0.why': 'تنها خوانش.',
    'across_border.basis': 'چند مرز',
  },
  t1: { title: 'یک تماس', summary: 'گفت‌وگو کردند.' },
});
const english = () => englishFields([strike], [item]);
const check = (translated: FieldTexts, lang: 'fa' | 'ur' = 'fa') => () => checkTranslations(lang, english(), translated);

describe('englishFields', () => {
  it('lists every reader-facing text by id and path, skipping empty and null ones', () => {
    const fields = english();
    expect(Object.fromEntries(Object.entries(fields).map(([id, f]) => [id, Object.keys(f)]))).toEqual(ENGLISH_PATHS);
    expect(fields.s1['distance_claims.0.text']).toBe('30 miles (48 km) inside.');
  });
});

describe('the translation rules', () => {
  it('accept a complete, faithful translation', () => {
    expect(check(persian())).not.toThrow();
  });

  it('name a field that has no translation', () => {
    const t = persian();
    delete t.s1['weapons.0.text'];
    expect(failure(check(t))).toBe('translations/fa.json: s1 weapons.0.text: has no translation');
  });

  it('name every field of an item left out altogether', () => {
    const t = persian();
    delete t.t1;
    expect(failure(check(t))).toBe('translations/fa.json: t1 title: has no translation\ntranslations/fa.json: t1 summary: has no translation');
  });

  it('name a key that matches nothing, and an id that matches no item', () => {
    const t = persian();
    t.s1['weapons.1.text'] = 'سه پهپاد.';
    t.t9 = { title: 'عنوان' };
    expect(failure(check(t))).toBe(
      'translations/fa.json: s1 weapons.1.text: matches no translatable field\ntranslations/fa.json: t9: matches no strike or timeline item',
    );
  });

  it('refuse an empty text', () => {
    const t = persian();
    t.t1.summary = '  ';
    expect(failure(check(t))).toBe('translations/fa.json: t1 summary: is empty');
  });

  it('refuse a translation that drops the quotation marks of a quoted statement', () => {
    const t = persian();
    t.s1.claimed_target = 'گفت به یک انبار حمله کرده است.';
    expect(failure(check(t))).toBe('translations/fa.json: s1 claimed_target: loses a quotation: the English quotes 1, the translation 0 (write « … »)');
  });

  it('want Urdu quotations in ” … “, not straight quotes', () => {
    const urdu: FieldTexts = {
      s1: {
        place: 'کہیں', time_local: 'صبح', time_note: 'ایک اخبار کی رپورٹ۔', claimed_target: 'کہا کہ ”ایک گودام“ کو نشانہ بنایا۔',
        location_basis: 'سرحد سے تقریباً 12 کلومیٹر۔', 'weapons.0.by': 'فوج', 'weapons.0.text': 'دو ڈرون۔', 'distance_claims.0.by': 'اخبار',
        'distance_claims.0.text': '30 میل (48 کلومیٹر) اندر۔', 'constraints.0.by': 'اخبار', 'constraints.0.text': 'دریا کے قریب۔',
        'constraints.0.why': 'واحد مطلب۔', 'across_border.basis': 'کچھ حدود',
      },
      t1: { title: 'ایک کال', summary: 'بات ہوئی۔' },
    };
    expect(check(urdu, 'ur')).not.toThrow();
    urdu.s1.claimed_target = 'کہا کہ "ایک گودام" کو نشانہ بنایا۔';
    expect(failure(check(urdu, 'ur'))).toBe('translations/ur.json: s1 claimed_target: loses a quotation: the English quotes 1, the translation 0 (write ” … “)');
  });

  it('refuse a translation that loses a figure, in whatever digits it is written', () => {
    const t = persian();
    t.s1['distance_claims.0.text'] = '۳۰ مایل درون خاک.';
    expect(failure(check(t))).toBe('translations/fa.json: s1 distance_claims.0.text: loses the figure 48 that the English gives');
  });

  it('refuse Arabic letters in Persian, Persian heh in Urdu, and the other language\u2019s digits', () => {
    const t = persian();
    t.t1.title = 'يک تماس'; // Arabic yeh U+064A
    expect(failure(check(t))).toBe('translations/fa.json: t1 title: uses ي (U+064A); write ی (U+06CC)');
    const digits = persian();
    digits.s1.location_basis = 'حدود 12 کیلومتر از مرز.';
    expect(failure(check(digits))).toBe('translations/fa.json: s1 location_basis: has the digit 1; Persian text uses Persian digits (۰–۹)');
    expect(failure(() => rowNames({ id: 'town_x', name_local: 'زاهدان', name_ur: 'زاهدان', name_fa: 'زاهدان' }))).toBe(
      'places.csv: row town_x: name_ur uses ه (U+0647); write ہ (U+06C1) or ھ (U+06BE)',
    );
  });

  it('keep the English order of items and fields, and mark the file as made for this project', () => {
    const t = persian();
    const reversed: FieldTexts = Object.fromEntries(Object.entries(t).reverse().map(([id, f]) => [id, Object.fromEntries(Object.entries(f).reverse())]));
    const file = contentFile('fa', english(), reversed);
    expect(Object.keys(file.items)).toEqual(['s1', 't1']);
    expect(Object.keys(file.items.s1)).toEqual(ENGLISH_PATHS.s1);
    expect(file).toMatchObject({ lang: 'fa', translated_from: 'en', made_for_this_project: true });
    expect(file.items.t1.title).toBe('یک تماس');
  });
});

describe('place names in Urdu and Persian (places.csv name_ur, name_fa)', () => {
  it('are required wherever a row has a local name', () => {
    expect(failure(() => rowNames({ id: 'town_x', name_local: 'خاش', name_ur: 'خاش', name_fa: '' }))).toBe('places.csv: row town_x: name_fa is empty');
    expect(rowNames({ id: 'town_y', name_local: '', name_ur: '', name_fa: '' })).toEqual({ name_ur: '', name_fa: '' });
  });

  it('ship on every built-in place and strike, as the press of each country writes them', () => {
    const places = (geodata('places.geojson') as FeatureCollection<Point>).features.map((f) => f.properties!);
    for (const p of [...places, ...strikes]) {
      expect(p.name_ur, String(p.id)).toMatch(/\p{Script=Arabic}/u);
      expect(p.name_fa, String(p.id)).toMatch(/\p{Script=Arabic}/u);
    }
    const quetta = places.find((p) => p.id === 'capital_quetta')!;
    expect([quetta.name_ur, quetta.name_fa]).toEqual(['کوئٹہ', 'کویته']);
    const tehran = places.find((p) => p.id === 'capital_tehran')!;
    expect([tehran.name_ur, tehran.name_fa]).toEqual(['تہران', 'تهران']);
  });
});

describe('the shipped content files', () => {
  for (const lang of ['ur', 'fa'] as const) {
    it(`content.${lang}.json translates every account, constraint and timeline text`, () => {
      const file = geodata(`content.${lang}.json`);
      expect(file).toMatchObject({ lang, translated_from: 'en', made_for_this_project: true });
      for (const s of strikes) {
        const keys = Object.keys(file.items[s.id]);
        for (const list of ['weapons', 'casualties', 'distance_claims'] as const) {
          s[list].forEach((_, i) => expect(keys, `${s.id} ${list}.${i}`).toEqual(expect.arrayContaining([`${list}.${i}.by`, `${list}.${i}.text`])));
        }
        (s.constraints ?? []).forEach((_, i) => expect(keys).toEqual(expect.arrayContaining([`constraints.${i}.why`])));
        expect(keys).toEqual(expect.arrayContaining(['place', 'claimed_target', 'location_basis']));
      }
      for (const e of timeline) expect(Object.keys(file.items[e.id]), e.id).toEqual(expect.arrayContaining(['title', 'summary']));
    });
  }

  it('keep quoted statements quoted and attributed', () => {
    const fa = geodata('content.fa.json').items, ur = geodata('content.ur.json').items;
    const ispr = 'strike_pk_haqabad_shamsar_20240118';
    expect(fa[ispr]['weapons.0.text']).toMatch(/^«[^»]+»/);
    expect(fa[ispr]['weapons.0.by']).toContain('ارتش پاکستان');
    expect(ur[ispr]['weapons.0.text']).toMatch(/^\u201D[^\u201C]+\u201C/);
    expect(ur[ispr]['weapons.0.by']).toContain('آئی ایس پی آر');
    expect(fa.t20240117_fm_call.summary).toContain('«حق پاسخ را برای خود محفوظ می‌داند»');
  });
});

// ------------------------------------------------------------------ loadContent (runtime)

function diskFetch() {
  return vi.fn(async (url: string | URL) => new Response(readFileSync(fileURLToPath(String(url))), { headers: { 'content-type': 'application/json' } }));
}
const freshModule = async () => {
  vi.resetModules();
  return import('../../src/data/content-i18n.ts');
};

describe('loadContent', () => {
  beforeEach(() => vi.stubGlobal('fetch', diskFetch()));
  afterEach(() => vi.unstubAllGlobals());

  it('fetches the language\u2019s file beside the library and looks texts up by id and field', async () => {
    const { loadContent } = await freshModule();
    const fa = await loadContent('fa');
    expect(vi.mocked(fetch).mock.calls.map(([url]) => String(url))).toEqual([new URL('../../geodata/content.fa.json', import.meta.url).href]);
    expect(fa.lang).toBe('fa');
    expect(fa.text('t20240118_strike', 'title')).toBe('حمله پاکستان به شهرستان سراوان');
    expect(fa.text('strike_ir_kohisabz_20240116', 'casualties.0.text')).toBe('دو کودک کشته و سه دختر زخمی.');
    expect(fa.text('t20240118_strike', 'sources')).toBeUndefined();
    expect(fa.text('no_such_item', 'title')).toBeUndefined();
    expect(fa.text('t20240118_strike', 'constructor')).toBeUndefined();
  });

  it('reads from another folder when given one, and downloads each file once per page', async () => {
    const { loadContent } = await freshModule();
    const base = new URL('../../geodata/', import.meta.url).href;
    const [a, b] = await Promise.all([loadContent('ur', base), loadContent('ur', base)]);
    expect(a).toBe(b);
    expect(vi.mocked(fetch)).toHaveBeenCalledTimes(1);
    expect(String(vi.mocked(fetch).mock.calls[0][0])).toBe(`${base}content.ur.json`);
    expect(a.text('t20240127_sirkan', 'title')).toBe('سیرکان میں نو پاکستانی مزدور قتل');
  });

  it('refuses the other language\u2019s file, an oversized file and a failed request, then retries', async () => {
    const { loadContent } = await freshModule();
    const ur = new URL('../../geodata/content.ur.json', import.meta.url);
    vi.mocked(fetch).mockImplementationOnce(async () => new Response(readFileSync(ur), { headers: { 'content-type': 'application/json' } }));
    await expect(loadContent('fa')).rejects.toThrow(/content\.fa\.json: not the fa content file/);

    vi.mocked(fetch).mockImplementationOnce(async () => new Response('{}', { headers: { 'content-type': 'application/json', 'content-length': String(MAX_DATA_BYTES + 1) } }));
    await expect(loadContent('fa')).rejects.toThrow(/content\.fa\.json: file is .* over the .* limit/);

    vi.mocked(fetch).mockImplementationOnce(async () => new Response('gone', { status: 404, statusText: 'Not Found' }));
    await expect(loadContent('fa')).rejects.toThrow(/content\.fa\.json: the server answered 404 Not Found/);

    const fa = await loadContent('fa');
    expect(fa.text('t20240129_talks', 'title')).toBe('گفت‌وگوها در اسلام‌آباد');
  });
});

describe('englishText', () => {
  it('finds the English original by the same path', async () => {
    const { englishText } = await freshModule();
    const kohisabz = strikes.find((s) => s.id === 'strike_ir_kohisabz_20240116')!;
    expect(englishText(kohisabz, 'casualties.0.text')).toBe('Two children dead and three girls hurt.');
    expect(englishText(kohisabz, 'constraints.1.why')).toBe('A round figure, so ±5 km is allowed.');
    expect(englishText(kohisabz, 'weapons.99.text')).toBeUndefined();
    expect(englishText(kohisabz, 'casualties')).toBeUndefined();
  });
});
