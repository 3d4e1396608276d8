/**
 * The embed page's own words (its bar, notices and poster) in the map's language, so a frame opened
 * with `lang=ur` or `lang=fa` has no English left around the element. Set as text, never markup.
 */
import type { Lang } from '../i18n/lang.ts';

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
