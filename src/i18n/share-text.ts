/**
 * The words of the explorer's "Share / embed" dialog (src/explorer/share-dialog.ts) in each
 * language; loaded with the dialog, on first use. The button's own label is in src/i18n/page-text.ts
 * (part "share"), as it is on the page from the start. Urdu writes Latin digits, Persian its own.
 */
import type { Lang } from './lang.ts';

export interface ShareText {
  heading: string;
  intro: string;
  link: string;
  iframe: string;
  script: string;
  copy: string;
  copied: string;
  /** When the clipboard cannot be written: the text is selected instead. */
  copyFallback: string;
  preview: string;
  phone: string;
  column: string;
  close: string;
  /** The embedded map's accessible name (the snippet's iframe title), in the map's language. */
  frameTitle: string;
  /** A preview frame's accessible name. */
  previewTitle: (width: number) => string;
}

export const SHARE_TEXT: Record<Lang, ShareText> = {
  en: {
    heading: 'Share or embed this map',
    intro: 'The link and the snippets show the map as you see it now: the view, the selected site, the day, the language, the layers and the distance bands.',
    link: 'Link to the map',
    iframe: 'For a web page or a CMS: an iframe, with embed.js to fit its height',
    script: 'For a page that loads the map itself: the script tag and the element',
    copy: 'Copy',
    copied: 'Copied to the clipboard.',
    copyFallback: 'The text is selected: press Ctrl+C (⌘C on a Mac) to copy it.',
    preview: 'Preview',
    phone: 'On a phone, 375 px wide',
    column: 'In a column, 700 px wide',
    close: 'Close',
    frameTitle: 'Map of the January 2024 Iran–Pakistan strikes',
    previewTitle: (width) => `Preview of the embedded map, ${width} px wide`,
  },
  ur: {
    heading: 'یہ نقشہ شیئر کریں یا اپنے صفحے پر لگائیں',
    intro: 'لنک اور کوڈ نقشے کو ویسا ہی دکھاتے ہیں جیسا آپ اسے ابھی دیکھ رہے ہیں: منظر، منتخب مقام، دن، زبان، پرتیں اور فاصلے کی پٹیاں۔',
    link: 'نقشے کا لنک',
    iframe: 'ویب صفحے یا سی ایم ایس کے لیے: آئی فریم، جس کی اونچائی خود بخود طے ہوتی ہے',
    script: 'اس صفحے کے لیے جو نقشہ خود لوڈ کرے: اسکرپٹ ٹیگ اور عنصر',
    copy: 'کاپی کریں',
    copied: 'کلپ بورڈ پر کاپی ہو گیا۔',
    copyFallback: 'متن منتخب ہے: کاپی کرنے کے لیے Ctrl+C دبائیں۔',
    preview: 'پیش نظارہ',
    phone: 'فون پر، 375 پکسل چوڑا',
    column: 'کالم میں، 700 پکسل چوڑا',
    close: 'بند کریں',
    frameTitle: 'جنوری 2024 کے ایران پاکستان حملوں کا نقشہ',
    previewTitle: (width) => `لگائے گئے نقشے کا پیش نظارہ، ${width} پکسل چوڑا`,
  },
  fa: {
    heading: 'هم‌رسانی یا جاسازی این نقشه',
    intro: 'پیوند و کدها نقشه را همان‌طور که اکنون می‌بینید نشان می‌دهند: نما، محل انتخاب‌شده، روز، زبان، لایه‌ها و نوارهای فاصله.',
    link: 'پیوند نقشه',
    iframe: 'برای صفحهٔ وب یا سامانهٔ مدیریت محتوا: آی‌فریم، که ارتفاعش خودکار تنظیم می‌شود',
    script: 'برای صفحه‌ای که خودش نقشه را بارگذاری می‌کند: برچسب اسکریپت و عنصر',
    copy: 'رونوشت',
    copied: 'در حافظهٔ موقت رونوشت شد.',
    copyFallback: 'متن انتخاب شده است: برای رونوشت Ctrl+C را بزنید.',
    preview: 'پیش‌نمایش',
    phone: 'روی تلفن همراه، ۳۷۵ پیکسل عرض',
    column: 'در یک ستون، ۷۰۰ پیکسل عرض',
    close: 'بستن',
    frameTitle: 'نقشهٔ حمله‌های ایران و پاکستان در دی ۱۴۰۲ (ژانویهٔ ۲۰۲۴)',
    previewTitle: (width) => `پیش‌نمایش نقشهٔ جاسازی‌شده، ${width.toLocaleString('fa-IR')} پیکسل عرض`,
  },
};
