/**
 * The embed page (embed/index.html): one <strike-map> filling the frame, set up from the URL's query
 * (src/embed/params.ts), with buttons that open the table and, on a phone, the legend and timeline.
 * The elements come from the page's other script (the library), as on any host page.
 */
import type { StrikeMap } from '../components/strike-map.ts';
import { parseEmbedUrl } from './params.ts';
import { postHeights } from './sizer.ts';
import { keepMapHeight } from './steady-height.ts';
import { applyEmbedText, embedNotice } from './embed-text.ts';
import type { Problem } from '../data/problems.ts';
import type { Lang } from '../i18n/lang.ts';

const options = parseEmbedUrl(location.href);
const lang = (options.attributes.lang ?? 'en') as Lang;
applyEmbedText(document, lang);
const notices = document.getElementById('embed-notices')!;
const noticeList = document.getElementById('embed-notice-list')!;

function notice(problem: Problem): void {
  console.warn(`strike-map embed: ${problem.text}`);
  const item = document.createElement('li');
  item.textContent = embedNotice(problem, lang); // text, never markup: it may quote the URL
  noticeList.append(item);
  notices.hidden = false;
}

document.getElementById('embed-notices-close')!.addEventListener('click', () => {
  noticeList.replaceChildren();
  notices.hidden = true;
});

const map = document.createElement('strike-map') as StrikeMap;
for (const [name, value] of Object.entries(options.attributes)) map.setAttribute(name, value);
for (const { src, columns } of options.layers) {
  const layer = document.createElement('strike-map-layer');
  layer.setAttribute('src', src);
  if (columns) layer.setAttribute('columns', columns);
  map.append(layer);
}
map.dataset.table = 'closed';
map.dataset.panel = 'closed';
// The poster the page showed before any script ran stays in view, inside the element, until its map is ready.
const poster = document.getElementById('embed-poster');
if (poster) {
  poster.slot = 'poster';
  map.append(poster);
}
document.getElementById('embed-map')!.append(map);

/** A bar button that opens and closes one part of the element. */
function toggle(id: string, part: 'table' | 'panel'): void {
  const button = document.getElementById(id) as HTMLButtonElement;
  button.addEventListener('click', () => {
    const open = map.dataset[part] === 'closed';
    map.dataset[part] = open ? 'open' : 'closed';
    button.setAttribute('aria-expanded', String(open));
  });
}
toggle('toggle-table', 'table');
toggle('toggle-panel', 'panel');

options.notices.forEach((problem) => notice(problem));
postHeights(options.secret);
await customElements.whenDefined('strike-map');
keepMapHeight(map);
