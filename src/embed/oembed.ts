/**
 * The oEmbed answer (type "rich") for one view of the embed page: the iframe that follows its
 * page's height through embed.js. Pure, shared by the build (the default view) and `npm run oembed`.
 */

export const TITLE = 'Iran–Pakistan strikes, January 2024';
export const WIDTH = 640;
/** The bar and the map at their desktop heights (the phone layout is shorter); embed.js corrects it. */
export const HEIGHT = 540;

export interface OembedView {
  /** Public URL of the embed page's folder, ending in "/"; "" writes URLs relative to it. */
  embedUrl: string;
  /** Query parameters of the view (site, day, zoom, …), already checked. */
  params?: Record<string, string>;
  width?: number;
  height?: number;
}

export interface Oembed {
  version: '1.0';
  type: 'rich';
  title: string;
  provider_name: string;
  provider_url?: string;
  width: number;
  height: number;
  html: string;
}

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The embed page's URL for a view. */
export function viewUrl(embedUrl: string, params: Record<string, string> = {}): string {
  const query = new URLSearchParams(params).toString();
  return `${embedUrl || './'}${query ? `?${query}` : ''}`;
}

/** The snippet a host page pastes: the iframe, and embed.js to make it follow its content's height. */
export function embedHtml({ embedUrl, params, height = HEIGHT }: OembedView): string {
  const src = escapeAttribute(viewUrl(embedUrl, params));
  const script = escapeAttribute(`${embedUrl || './'}embed.js`);
  return (
    `<iframe data-strike-map src="${src}" width="100%" height="${height}" title="${escapeAttribute(TITLE)}: map" ` +
    `loading="lazy" allowfullscreen></iframe><script async src="${script}"></script>`
  );
}

export function oembed(view: OembedView): Oembed {
  const { site, day } = view.params ?? {};
  const title = [TITLE, site && `site ${site}`, day && `up to ${day}`].filter(Boolean).join(', ');
  return {
    version: '1.0',
    type: 'rich',
    title,
    provider_name: 'strike-map',
    ...(view.embedUrl ? { provider_url: new URL('/', view.embedUrl).href } : {}),
    width: view.width ?? WIDTH,
    height: view.height ?? HEIGHT,
    html: embedHtml(view),
  };
}

/** File name of a view's oEmbed JSON, beside the embed page. */
export function oembedFileName(params: Record<string, string> = {}): string {
  const parts = Object.entries(params).map(([key, value]) => `${key}-${value}`.replace(/[^\w.-]+/g, '_'));
  return `oembed${parts.length ? `.${parts.join('.')}` : ''}.json`;
}
