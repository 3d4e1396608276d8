/**
 * The explorer page's language: `?lang=fa` (or a shared link's `#…&lang=fa`) opens its maps in
 * that language before they first draw, and shows the page's own heading, introduction and footer
 * in it (src/i18n/page-text.ts, fetched only for Urdu and Persian). The map's `hash` keeps a choice
 * made in the panel, and the page follows that choice too.
 */
import { langOf, type Lang } from './lang.ts';
import { readHash } from '../components/hash-state.ts';

const chosen = readHash(location.hash)?.lang ?? langOf(new URLSearchParams(location.search).get('lang'));
const maps = [...document.querySelectorAll('strike-map')];
if (chosen) maps.forEach((map) => map.setAttribute('lang', chosen));

let shown: Lang = 'en';
let latest: Lang = 'en';

/** The page's own words in `lang`; English is in the HTML, so an English page loads nothing. */
function showPage(lang: Lang): void {
  latest = lang;
  if (lang === shown) return document.documentElement.classList.remove('page-text-pending');
  void import('./page-text.ts').then(
    ({ applyPageText }) => {
      if (latest !== lang) return; // a newer choice came in meanwhile
      applyPageText(document, lang);
      shown = lang;
      if (lang !== 'en') void import('./fonts.ts').then(({ loadFonts }) => loadFonts(lang).catch((error: Error) => console.warn(error.message)));
    },
    (error: Error) => {
      document.documentElement.classList.remove('page-text-pending'); // the English text, rather than none
      console.warn(`strike-map: the page's ${lang} text could not be loaded (${error.message})`);
    },
  );
}

showPage(chosen ?? 'en');

// A language picked in the map's panel becomes the map's `lang`: the page follows it.
const first = maps[0];
if (first) {
  new MutationObserver(() => {
    const lang = langOf(first.getAttribute('lang'));
    if (lang) showPage(lang);
  }).observe(first, { attributeFilter: ['lang'] });
}

// The "Share / embed" button (index.html): the dialog's code loads on first use; the site is the last one selected.
const share = document.getElementById('share-open');
if (first && share) {
  let site: string | null | undefined;
  first.addEventListener('strike-map-select', (e) => (site = (e as CustomEvent<{ id: string | null }>).detail.id));
  share.addEventListener('click', () => void import('../explorer/share-dialog.ts').then(({ openShareDialog }) => openShareDialog(share, first, site)));
}
