/**
 * The explorer's "Share / embed" dialog (index.html's #share-open button; loaded by
 * src/i18n/page-lang.ts on first click). It reads the view from the page's <strike-map> (centre and
 * zoom from the map, the site and day from the element's hash state, its lang, theme, units,
 * built-in layers and bands) and offers the three snippets of src/embed/snippets.ts to copy, with
 * previews of the link at 375 and 700 px. A native modal <dialog>: Escape closes it, focus goes to
 * the first control and back to the button. Every value is set as text or as an attribute value,
 * never parsed as markup.
 */
import { buildSnippets, type ViewState } from '../embed/snippets.ts';
import { GROUPS } from '../embed/params.ts';
import { readHash } from '../components/hash-state.ts';
import { dirOf, langOf, type Lang } from '../i18n/lang.ts';
import { SHARE_TEXT } from '../i18n/share-text.ts';

interface MapElement extends HTMLElement {
  map?: { getCenter(): { lng: number; lat: number }; getZoom(): number };
}

const DEFAULT_HIDDEN = ['bands']; // src/map/layers.ts hiddenByDefault (not imported: it would pull in the map's layer code)
const PREVIEW_HEIGHT = 540;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The built-in layers the reader sees: the element's `builtin`, less the legend's switched-off groups. */
function builtinShown(map: HTMLElement): string {
  const builtin = (map.getAttribute('builtin') ?? 'all').trim() || 'all';
  const legend = map.shadowRoot?.querySelector('strike-map-legend') as (HTMLElement & { hiddenGroups?: ReadonlySet<string> }) | null;
  const hidden = legend?.hiddenGroups;
  if (!hidden) return builtin;
  const listed = builtin === 'all' ? GROUPS : builtin === 'none' ? [] : builtin.split(/\s+/).filter((g) => GROUPS.includes(g));
  // The element shows a group named in `builtin` even if hidden by default, and hides the default-hidden ones under `all`.
  const defaultShown = builtin === 'all' ? listed.filter((g) => !DEFAULT_HIDDEN.includes(g)) : listed;
  const shown = listed.filter((g) => !hidden.has(g));
  if (shown.length === defaultShown.length && shown.every((g) => defaultShown.includes(g))) return builtin;
  return shown.length ? shown.join(' ') : 'none';
}

/** The view the reader sees on `map` now; `site` is the last strike-map-select event's (undefined: none seen, so the hash's). */
export function currentView(map: MapElement, site?: string | null): ViewState {
  const hash = map.hasAttribute('hash') ? readHash(location.hash) : undefined;
  const timeline = map.shadowRoot?.querySelector('strike-map-timeline') as (HTMLElement & { day?: string | null }) | null;
  const center = map.map?.getCenter();
  const lang = langOf(map.getAttribute('lang')) ?? langOf(document.documentElement.lang) ?? 'en';
  const theme = map.getAttribute('theme');
  const units = map.getAttribute('units');
  return {
    center: center ? [center.lng, center.lat] : hash?.view?.center ?? [62.5, 27.5],
    zoom: map.map?.getZoom() ?? hash?.view?.zoom ?? 6,
    site: (site !== undefined ? site : hash?.site) ?? null,
    day: timeline?.day ?? hash?.day ?? null,
    lang,
    theme: theme === 'light' || theme === 'dark' ? theme : 'auto',
    units: units === 'mi' || units === 'nmi' ? units : 'km',
    builtin: builtinShown(map),
    bands: map.getAttribute('bands'),
    // The page's own layers by URL (a dropped file has none, so it cannot travel in a link).
    layers: [...map.querySelectorAll('strike-map-layer[src]')].map((layer) => {
      const [src, columns] = [new URL(layer.getAttribute('src')!, location.href).href, layer.getAttribute('columns')?.trim()];
      return columns ? { src, columns } : { src };
    }),
  };
}

let dialog: HTMLDialogElement | undefined;

/** Opens the dialog for `map` (`site`: as for currentView); focus returns to `opener` when it closes. */
export function openShareDialog(opener: HTMLElement, map: MapElement, site?: string | null): HTMLDialogElement {
  const pageLang: Lang = langOf(document.documentElement.lang) ?? 'en';
  const text = SHARE_TEXT[pageLang];
  const view = currentView(map, site);
  const snippets = buildSnippets(view, new URL('./', location.href).href, { title: SHARE_TEXT[view.lang].frameTitle });

  dialog?.remove();
  dialog = el('dialog', { class: 'share-dialog', 'aria-labelledby': 'share-heading', lang: pageLang, dir: dirOf(pageLang) });
  const d = dialog;
  d.append(el('h2', { id: 'share-heading' }, text.heading), el('p', { class: 'share-intro' }, text.intro));

  const status = el('p', { class: 'share-status', role: 'status', 'aria-live': 'polite' });
  let firstControl: HTMLElement | undefined;
  for (const [key, value] of [['link', snippets.link], ['iframe', snippets.iframe], ['script', snippets.script]] as const) {
    const id = `share-${key}`;
    const box = el('div', { class: 'share-snippet' });
    const area = el('textarea', { id, readonly: '', rows: key === 'link' ? '2' : key === 'iframe' ? '4' : '7', spellcheck: 'false', dir: 'ltr', autocomplete: 'off' });
    area.value = value;
    const copy = el('button', { type: 'button', class: 'share-copy', id: `${id}-copy`, 'aria-describedby': `${id}-label` }, text.copy);
    copy.addEventListener('click', () => {
      const fallback = () => {
        area.focus();
        area.select();
        status.textContent = text.copyFallback;
      };
      status.textContent = '';
      if (!navigator.clipboard?.writeText) return fallback();
      navigator.clipboard.writeText(value).then(() => (status.textContent = text.copied), fallback);
    });
    box.append(el('label', { for: id, id: `${id}-label` }, text[key]), area, copy);
    d.append(box);
    firstControl ??= area;
  }
  d.append(status);

  const previews = el('section', { class: 'share-previews', 'aria-labelledby': 'share-preview-heading' });
  previews.append(el('h3', { id: 'share-preview-heading' }, text.preview));
  const row = el('div', { class: 'share-preview-row' });
  for (const [width, caption] of [[375, text.phone], [700, text.column]] as const) {
    const figure = el('figure', { class: `share-preview share-preview-${width}` });
    const frame = el('div', { class: 'share-frame' });
    frame.append(el('iframe', { src: snippets.link, title: text.previewTitle(width), width: String(width), height: String(PREVIEW_HEIGHT), loading: 'lazy' }));
    figure.append(el('figcaption', {}, caption), frame);
    row.append(figure);
  }
  previews.append(row);
  d.append(previews);

  const close = el('button', { type: 'button', class: 'share-close' }, text.close);
  close.addEventListener('click', () => d.close());
  d.append(el('div', { class: 'share-actions' }));
  d.lastElementChild!.append(close);
  d.addEventListener('close', () => {
    opener.focus();
    d.remove();
    if (dialog === d) dialog = undefined;
  });

  document.body.append(d);
  d.showModal();
  firstControl?.focus();
  return d;
}
