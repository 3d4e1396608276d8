/**
 * Vite plugin (Node side) for the embed page: writes embed/embed.js (src/embed/host.ts as one
 * minified classic script), embed/oembed.json (the default view), poster.svg (the still map shown
 * before the live one, scripts/poster.ts) and embed/sites.html (the table of sites for readers
 * without JavaScript or WebGL); adds the oEmbed discovery link to the embed page and puts the
 * poster inside it, as a data: URL.
 * STRIKE_MAP_EMBED_URL, the public URL of the embed page's folder, makes those URLs absolute, as WordPress and Ghost need; without it they are relative to the folder.
 */
import { build, type Plugin, type Rolldown } from 'vite';
import { fileURLToPath } from 'node:url';
import { oembed, TITLE } from './oembed.ts';
import { shippedPoster } from '../../scripts/poster.ts';
import { shippedSitesPage, SITES_CSS } from '../../scripts/sites-page.ts';

const hostEntry = fileURLToPath(new URL('./host.ts', import.meta.url));

/** The configured public URL of the embed folder, with a trailing slash, or "". */
export function embedUrlFromEnv(value = process.env.STRIKE_MAP_EMBED_URL): string {
  if (!value) return '';
  const url = new URL(value); // throws on a malformed value: better than shipping a broken link
  if (!/^https?:$/.test(url.protocol)) throw new Error(`STRIKE_MAP_EMBED_URL must be http(s): ${value}`);
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/** embed.js: host.ts bundled into one IIFE, so nothing leaks into the host page's globals. */
export async function buildHostScript(): Promise<string> {
  const result = (await build({
    configFile: false,
    envFile: false,
    logLevel: 'silent',
    publicDir: false,
    build: {
      write: false,
      target: 'es2017', // a classic script for old browsers too
      minify: true,
      lib: { entry: hostEntry, formats: ['iife'], name: 'strikeMapEmbed', fileName: () => 'embed.js' },
    },
  })) as Rolldown.RolldownOutput[];
  return result[0].output[0].code;
}

const isEmbedPage = (path: string) => /(^|\/)embed\/index\.html$/.test(path);

/**
 * An SVG as a `data:` URL for an HTML attribute: only what a URL or a double-quoted attribute cannot
 * hold is percent-encoded (`"`, `&`, `<`, `>`, `#`, `%`, line breaks), so gzip still shrinks it.
 */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml,${svg.replace(/["&<>#%\r\n]/g, encodeURIComponent)}`;
}

/**
 * `library`: in the library build, the URL (from the embed page) of the built strike-map.js to load
 * instead of bundling src/index.ts again, so the library's files stay as they are without the page.
 */
export function embedPage({ library }: { library?: string } = {}): Plugin {
  const embedUrl = embedUrlFromEnv();
  return {
    name: 'strike-map:embed-page',
    apply: 'build',
    transformIndexHtml: {
      order: 'pre',
      handler(html, context) {
        if (!isEmbedPage(context.path)) return;
        const page = library ? html.replace('<script type="module" src="/src/index.ts">', `<script type="module" src="${library}" vite-ignore>`) : html;
        if (page === html && library) throw new Error('embed page: the /src/index.ts script to replace is gone');
        // The poster travels inside the page, so it is drawn with the page's first paint instead of
        // waiting for its own request behind the scripts on a slow connection.
        const withPoster = page.replace('src="../poster.svg"', `src="${svgDataUrl(shippedPoster())}"`);
        if (withPoster === page) throw new Error('embed page: the poster <img src="../poster.svg"> to inline is gone');
        return { html: withPoster, tags: [{ tag: 'link', injectTo: 'head', attrs: { rel: 'alternate', type: 'application/json+oembed', href: `${embedUrl}oembed.json`, title: TITLE } }] };
      },
    },
    async generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'embed/embed.js', source: await buildHostScript() });
      this.emitFile({ type: 'asset', fileName: 'embed/oembed.json', source: `${JSON.stringify(oembed({ embedUrl }), null, 2)}\n` });
      // Beside strike-map.js in the library, so a page's <img slot="poster"> finds it there too.
      this.emitFile({ type: 'asset', fileName: 'poster.svg', source: shippedPoster() });
      this.emitFile({ type: 'asset', fileName: 'embed/sites.html', source: shippedSitesPage() });
      this.emitFile({ type: 'asset', fileName: 'embed/sites.css', source: SITES_CSS });
    },
  };
}
