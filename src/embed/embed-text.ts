/**
 * The embed page's own words (its bar, notices and poster) in the map's language, so a frame opened
 * with `lang=ur` or `lang=fa` has no English left around the element. Set as text, never markup.
 */
import type { Lang } from '../i18n/lang.ts';
import { fillProblem, type Problem } from '../data/problems.ts';
import { problemWriting } from '../i18n/format.ts';
import type { EmbedProblemKey } from './params.ts';

export interface EmbedText {
  title: string;
  panel: string;
  table: string;
  dismiss: string;
  posterAlt: string;
  tableLink: string;
}

export const EMBED_TEXT: Record<Lang, EmbedText> = {
  en: {
    title: 'Iran–Pakistan strikes, January 2024',
    panel: 'Legend and timeline',
    table: 'Table of sites',
    dismiss: 'Dismiss',
    posterAlt:
      "Map of the Iran–Pakistan border: Iran's strike of 16 January 2024 at Koh-i-Sabz in Pakistan's Balochistan, and Pakistan's two strikes of 18 January at Haqabad and near Saravan in Iran's Sistan and Baluchestan, each drawn with a circle for how uncertain its place is.",
    tableLink: 'Table of the strike sites, with claims and sources',
  },
  ur: {
    title: 'ایران اور پاکستان کے حملے، جنوری 2024',
    panel: 'علامات اور واقعات کی ترتیب',
    table: 'مقامات کا جدول',
    dismiss: 'بند کریں',
    posterAlt:
      'ایران پاکستان سرحد کا نقشہ: 16 جنوری 2024 کو پاکستان کے بلوچستان میں کوہ سبز پر ایران کا حملہ، اور 18 جنوری کو ایران کے سیستان و بلوچستان میں حق آباد اور سراوان کے قریب پاکستان کے دو حملے؛ ہر مقام کے گرد دائرہ دکھاتا ہے کہ اس کی جگہ کتنی غیر یقینی ہے۔',
    tableLink: 'حملوں کے مقامات کا جدول، دعووں اور ذرائع کے ساتھ',
  },
  fa: {
    title: 'حمله‌های ایران و پاکستان، ژانویهٔ ۲۰۲۴',
    panel: 'راهنما و گاه‌شمار',
    table: 'جدول مکان‌ها',
    dismiss: 'بستن',
    posterAlt:
      'نقشهٔ مرز ایران و پاکستان: حملهٔ ۲۶ دی ۱۴۰۲ ایران به کوه سبز در بلوچستان پاکستان، و دو حملهٔ ۲۸ دی پاکستان به حق‌آباد و نزدیک سراوان در سیستان و بلوچستان ایران؛ دایرهٔ دور هر مکان نشان می‌دهد جای آن چقدر نامطمئن است.',
    tableLink: 'جدول مکان‌های حمله، با ادعاها و منابع',
  },
};

/** The notices about the page's URL (src/embed/params.ts) in Urdu and Persian; names and values stay as written. */
export const EMBED_NOTICES: Record<'ur' | 'fa', Record<EmbedProblemKey, string>> = {
  ur: {
    unknown: 'نامعلوم پیرامیٹر {name} نظر انداز کیا گیا۔',
    repeated: '{name} {count} بار دیا گیا؛ پہلا استعمال ہو رہا ہے۔',
    ignored: '⁦{name}={value}⁩ نظر انداز کیا گیا: {why}۔',
    badCenter: '"طول البلد,عرض البلد" ڈگریوں میں متوقع تھا',
    badZoom: '0 سے {max} تک کا عدد متوقع تھا',
    badChoice: 'ان میں سے ایک متوقع تھا: {choices}',
    badLayers: 'builtin: {words} نظر انداز کیے گئے: پرتیں all، none یا {groups} ہیں۔',
    badBands: 'فاصلوں کی فہرست نہیں',
    badSite: 'مقام کی شناخت میں صرف حروف، ہندسے، "_" اور "-" ہوتے ہیں',
    badDay: 'YYYY-MM-DD کی شکل میں تاریخ متوقع تھی',
    notUrl: 'یہ URL نہیں',
    notHttp: 'صرف http(s) فائلیں لوڈ ہو سکتی ہیں',
    otherOrigin: 'صرف {origin} کی فائلیں لوڈ ہو سکتی ہیں',
    withPassword: 'صارف نام یا پاس ورڈ والا URL',
    tooManyLayers: 'زیادہ سے زیادہ {max} پرتیں',
    noLayerForColumns: 'پہلا columns= پہلی layer= کے لیے ہے، دوسرا دوسری کے لیے، اور اس کی کوئی پرت نہیں',
    tooLong: '{max} حروف سے لمبا',
  },
  fa: {
    unknown: 'پارامتر ناشناختهٔ {name} نادیده گرفته شد.',
    repeated: '{name} {count} بار آمده است؛ نخستین به کار می‌رود.',
    ignored: '⁦{name}={value}⁩ نادیده گرفته شد: {why}.',
    badCenter: '"طول,عرض" جغرافیایی به درجه انتظار می‌رفت',
    badZoom: 'عددی از ۰ تا {max} انتظار می‌رفت',
    badChoice: 'یکی از این‌ها انتظار می‌رفت: {choices}',
    badLayers: 'builtin: {words} نادیده گرفته شد: لایه‌ها all، none یا {groups} هستند.',
    badBands: 'فهرستی از فاصله‌ها نیست',
    badSite: 'شناسهٔ مکان فقط حرف، رقم، "_" و "-" دارد',
    badDay: 'تاریخی به شکل YYYY-MM-DD انتظار می‌رفت',
    notUrl: 'این URL نیست',
    notHttp: 'فقط فایل‌های http(s) بارگیری می‌شوند',
    otherOrigin: 'فقط فایل‌های {origin} بارگیری می‌شوند',
    withPassword: 'URL با نام کاربری یا گذرواژه',
    tooManyLayers: 'حداکثر {max} لایه',
    noLayerForColumns: 'نخستین columns= برای نخستین layer= است، دومی برای دومی، و این یکی لایه‌ای ندارد',
    tooLong: 'بلندتر از {max} نویسه',
  },
};

/** A notice about the page's URL in `lang`: counts in its digits, names and values as written. */
export function embedNotice(problem: Problem, lang: Lang): string {
  if (lang === 'en') return problem.text;
  const sentence = EMBED_NOTICES[lang][problem.key as EmbedProblemKey];
  return sentence === undefined ? problem.text : fillProblem(sentence, problem.values, (p) => embedNotice(p, lang), problemWriting(lang));
}

/** Puts the page's words into `lang`, with its direction; English leaves the page as written. */
export function applyEmbedText(doc: Document, lang: Lang): void {
  if (lang === 'en') return;
  const text = EMBED_TEXT[lang];
  doc.documentElement.lang = lang;
  doc.documentElement.dir = 'rtl';
  doc.title = text.title;
  const set = (selector: string, value: string) => doc.querySelectorAll(selector).forEach((e) => (e.textContent = value));
  set('.embed-title', text.title);
  set('#toggle-panel', text.panel);
  set('#toggle-table', text.table);
  set('#embed-notices-close', text.dismiss);
  set('#embed-poster figcaption a', text.tableLink);
  doc.querySelector('#embed-poster img')?.setAttribute('alt', text.posterAlt);
}
