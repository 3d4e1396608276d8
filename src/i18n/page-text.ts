/**
 * The explorer page's own words (index.html: its title, heading, introduction and footer) in each
 * language. Loaded by the page's script (src/i18n/page-lang.ts) only when the page is shown in Urdu
 * or Persian; it is not part of the <strike-map> element. English is also in index.html itself,
 * and tests/unit/page-text.test.ts checks that the two agree.
 *
 * Dates follow the element's conventions (README "Languages"): Urdu with Latin digits, as Pakistani
 * papers print them; Persian in the Solar Hijri calendar with Persian digits and the Gregorian date
 * beside it.
 */
import { dirOf, type Lang } from './lang.ts';

export interface PageText {
  /** The document's `<title>`. */
  title: string;
  /** `<meta name="description">`. */
  description: string;
  heading: string;
  /** The one-sentence summary (in bold). */
  lead: string;
  intro: string;
  footer: string;
  /** The "Share / embed" button above the map (src/explorer/share-dialog.ts). */
  share: string;
}

/** Which parts of the page carry text: the elements marked `data-page-text="heading"` and so on. */
export const PAGE_PARTS = ['heading', 'lead', 'intro', 'footer', 'share'] as const;

export const PAGE_TEXT: Record<Lang, PageText> = {
  en: {
    title: 'strike-map — the January 2024 Iran–Pakistan strikes',
    description:
      "An offline map of the January 2024 Iran–Pakistan cross-border strikes: sites, uncertainty, each side's claims, the timeline and distances to the border.",
    heading: 'Iran–Pakistan strikes, January 2024',
    lead: "In January 2024 Iran and Pakistan fired missiles and drones into each other's border areas, each saying it was hitting militants, and restored ties within two weeks.",
    intro:
      "On 16 January 2024 Iran struck a village in Panjgur district, in Pakistan's Balochistan province. Two days later Pakistan struck back in Saravan County, in Iran's Sistan and Baluchestan province. On 19 January both governments agreed to de-escalate. The map shows where each strike is thought to have landed, how uncertain that location is, and what each side said.",
    footer:
      "Boundaries © OpenStreetMap contributors (ODbL); regional outlines from Natural Earth. Strike locations are estimates; see each site's card for how it was placed and for the sources.",
    share: 'Share / embed',
  },
  ur: {
    title: 'strike-map — جنوری 2024 کے ایران پاکستان حملے',
    description: 'جنوری 2024 کے ایران پاکستان سرحد پار حملوں کا آف لائن نقشہ: حملوں کے مقامات، ان کی غیر یقینی، ہر فریق کے دعوے، واقعات کی ترتیب اور سرحد سے فاصلے۔',
    heading: 'ایران اور پاکستان کے حملے، جنوری 2024',
    lead: 'جنوری 2024 میں ایران اور پاکستان نے ایک دوسرے کے سرحدی علاقوں میں میزائل اور ڈرون داغے، دونوں نے کہا کہ وہ عسکریت پسندوں کو نشانہ بنا رہے ہیں، اور دو ہفتوں کے اندر تعلقات بحال کر لیے۔',
    intro:
      '16 جنوری 2024 کو ایران نے پاکستان کے صوبہ بلوچستان کے ضلع پنجگور کے ایک گاؤں پر حملہ کیا۔ دو دن بعد پاکستان نے ایران کے صوبہ سیستان و بلوچستان کی سراوان کاؤنٹی میں جوابی حملہ کیا۔ 19 جنوری کو دونوں حکومتوں نے کشیدگی کم کرنے پر اتفاق کیا۔ نقشے میں دکھایا گیا ہے کہ ہر حملہ کس جگہ ہوا سمجھا جاتا ہے، اس مقام کا تعین کتنا غیر یقینی ہے، اور ہر فریق نے کیا کہا۔',
    footer:
      'سرحدیں © OpenStreetMap کے معاونین (ODbL)؛ علاقائی خاکے Natural Earth سے۔ حملوں کے مقامات اندازے ہیں؛ کسی مقام کا تعین کیسے کیا گیا اور اس کے ذرائع کیا ہیں، یہ اس کے کارڈ میں دیکھیں۔',
    share: 'شیئر کریں / صفحے پر لگائیں',
  },
  fa: {
    title: 'strike-map — حمله‌های ایران و پاکستان در دی ۱۴۰۲ (ژانویهٔ ۲۰۲۴)',
    description:
      'نقشهٔ آفلاین حمله‌های برون‌مرزی ایران و پاکستان در دی ۱۴۰۲ (ژانویهٔ ۲۰۲۴): محل حمله‌ها، میزان عدم قطعیت، ادعاهای هر طرف، گاه‌شمار رویدادها و فاصله تا مرز.',
    heading: 'حمله‌های ایران و پاکستان، دی ۱۴۰۲ (ژانویهٔ ۲۰۲۴)',
    lead: 'در دی ۱۴۰۲ (ژانویهٔ ۲۰۲۴) ایران و پاکستان به مناطق مرزی یکدیگر موشک و پهپاد شلیک کردند، هر یک گفت شبه‌نظامیان را هدف گرفته است، و ظرف دو هفته روابط خود را به حالت عادی بازگرداندند.',
    intro:
      'در ۲۶ دی ۱۴۰۲ (۱۶ ژانویهٔ ۲۰۲۴) ایران به روستایی در ناحیهٔ پنجگور در استان بلوچستان پاکستان حمله کرد. دو روز بعد پاکستان در شهرستان سراوان در استان سیستان و بلوچستان ایران حملهٔ متقابل انجام داد. در ۲۹ دی (۱۹ ژانویه) دو دولت بر کاهش تنش توافق کردند. نقشه نشان می‌دهد که گمان می‌رود هر حمله کجا فرود آمده باشد، آن مکان تا چه اندازه نامطمئن است، و هر طرف چه گفته است.',
    footer:
      'مرزها © مشارکت‌کنندگان OpenStreetMap (ODbL)؛ طرح کلی مناطق از Natural Earth. محل حمله‌ها تخمینی است؛ برای چگونگی تعیین هر محل و منابع آن، کارت همان محل را ببینید.',
    share: 'هم‌رسانی / جاسازی',
  },
};

/**
 * Shows the page in `lang`: `<html lang dir>`, the title and description, and the text of every
 * element marked `data-page-text`. Text is set as text (`textContent`), never parsed as markup.
 */
export function applyPageText(doc: Document, lang: Lang): void {
  const text = PAGE_TEXT[lang];
  doc.documentElement.lang = lang;
  doc.documentElement.dir = dirOf(lang);
  doc.title = text.title;
  doc.querySelector('meta[name="description"]')?.setAttribute('content', text.description);
  for (const part of PAGE_PARTS) doc.querySelectorAll(`[data-page-text="${part}"]`).forEach((e) => (e.textContent = text[part]));
  doc.documentElement.classList.remove('page-text-pending');
}
