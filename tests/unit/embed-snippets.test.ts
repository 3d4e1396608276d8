/** The explorer's share snippets (src/embed/snippets.ts) read back through the embed page's rules (src/embed/params.ts) to the same view. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { GROUPS, parseEmbedUrl } from '../../src/embed/params.ts';
import { buildSnippets, embedLink, escapeAttr, normalView, type ViewState } from '../../src/embed/snippets.ts';

const base = 'https://maps.example.org/';

/** The attributes of the first `<tag …>` in `html`, unescaped as a browser would. */
function attrs(html: string, tag: string): Record<string, string> {
  const open = new RegExp(`<${tag}\\b([^>]*)>`).exec(html);
  if (!open) throw new Error(`no <${tag}> in ${html}`);
  const out: Record<string, string> = {};
  for (const m of open[1].matchAll(/([\w-]+)(?:="([^"]*)")?/g)) out[m[1]] = unescape(m[2] ?? '');
  return out;
}
const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** What the embed page would show for `state`, as params.ts gives it. */
function expected(state: ViewState) {
  const { center, zoom } = normalView(state);
  const attributes: Record<string, string> = { center: `${center[0]},${center[1]}`, zoom: String(zoom) };
  if (state.theme !== 'auto') attributes.theme = state.theme;
  if (state.units !== 'km') attributes.units = state.units;
  if (state.builtin !== 'all') attributes.builtin = state.builtin;
  if (state.lang !== 'en') attributes.lang = state.lang;
  if (state.bands !== null) attributes.bands = state.bands;
  if (state.site) attributes.site = state.site;
  if (state.day) attributes.day = state.day;
  return { attributes, layers: state.layers ?? [] };
}

const day = fc.date({ min: new Date('2023-01-01T00:00:00Z'), max: new Date('2025-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const state: fc.Arbitrary<ViewState> = fc.record({
  center: fc.tuple(fc.double({ min: -540, max: 540, noNaN: true }), fc.double({ min: -90, max: 90, noNaN: true })),
  zoom: fc.double({ min: 0, max: 22, noNaN: true }),
  site: fc.option(fc.stringMatching(/^[\w-]{1,80}$/)),
  day: fc.option(day),
  lang: fc.constantFrom('en' as const, 'ur' as const, 'fa' as const),
  theme: fc.constantFrom('light' as const, 'dark' as const, 'auto' as const),
  units: fc.constantFrom('km' as const, 'mi' as const, 'nmi' as const),
  builtin: fc.oneof(fc.constantFrom('all', 'none'), fc.uniqueArray(fc.constantFrom(...GROUPS), { minLength: 1 }).map((g) => g.join(' '))),
  bands: fc.option(fc.array(fc.tuple(fc.integer({ min: 1, max: 500 }), fc.constantFrom('', ':PK', ':IR')), { maxLength: 5 }).map((b) => b.map(([d, s]) => `${d}${s}`).join(' '))),
  layers: fc.array(
    fc.record({
      src: fc.webPath().map((p) => new URL(`/data/${encodeURIComponent(p)}.csv`, base).href),
      columns: fc.option(fc.constantFrom('date: seen', 'date: day; actors: a, b', 'date: "x" & <y>'), { nil: undefined }),
    }).map(({ src, columns }) => (columns ? { src, columns } : { src })),
    { maxLength: 5 },
  ),
});

describe('buildSnippets', () => {
  it('the link, the iframe and the script-tag snippet all read back to the same view (random views)', () => {
    fc.assert(
      fc.property(state, (s) => {
        const want = expected(s);
        const { link, iframe, script } = buildSnippets(s, base);
        const fromLink = parseEmbedUrl(link);
        expect(fromLink).toEqual({ ...want, notices: [] });

        const frame = attrs(iframe, 'iframe');
        expect(frame.src).toBe(link);
        expect(frame).toMatchObject({ 'data-strike-map': '', loading: 'lazy', width: '100%', height: '540' });
        expect(attrs(iframe, 'script').src).toBe('https://maps.example.org/embed/embed.js');

        expect(attrs(script, 'script')).toMatchObject({ type: 'module', src: 'https://maps.example.org/lib/strike-map.js' });
        const element = attrs(script, 'strike-map');
        expect(element).toEqual(want.attributes);
        // …and the same attributes pass the embed page's rules unchanged.
        expect(parseEmbedUrl(`${base}embed/?${new URLSearchParams(element)}`).attributes).toEqual(want.attributes);
        const declared = [...script.matchAll(/<strike-map-layer src="([^"]*)"(?: columns="([^"]*)")?>/g)].map(([, src, columns]) => (columns ? { src: unescape(src), columns: unescape(columns) } : { src: unescape(src) }));
        expect(declared).toEqual(want.layers);
        expect(script).not.toContain('<script type="module">'); // no inline code, whatever the view: the site and day are attributes
      }),
      { numRuns: 300 },
    );
  });

  it('leaves out what is the default, rounds the centre to 4 decimals and the zoom to 2', () => {
    const view: ViewState = { center: [62.123456, 27.987654], zoom: 7.12345, site: null, day: null, lang: 'en', theme: 'auto', units: 'km', builtin: 'all', bands: null };
    expect(embedLink(view, base)).toBe('https://maps.example.org/embed/?center=62.1235,27.9877&zoom=7.12');
    expect(embedLink({ ...view, center: [200, 91], zoom: 30, lang: 'fa', site: 'strike_ir_kohisabz_20240116', day: '2024-01-16', bands: '' }, 'https://example.org/maps/')).toBe(
      'https://example.org/maps/embed/?center=-160,90&zoom=22&lang=fa&bands=&site=strike_ir_kohisabz_20240116&day=2024-01-16',
    );
    const { script } = buildSnippets(view, base);
    expect(script).toBe('<script type="module" src="https://maps.example.org/lib/strike-map.js"></script>\n<strike-map center="62.1235,27.9877" zoom="7.12"></strike-map>');
  });

  it('escapes hostile strings: no markup or attribute breaks out, and they read back as the same text', () => {
    const hostile = ['"><script>alert(1)</script>', "' onmouseover='alert(1)", '</iframe><img src=x onerror=alert(1)>', '&quot;&amp;', '\u2028`${x}`'];
    for (const text of hostile) {
      const view: ViewState = { center: [62, 27], zoom: 6, site: text, day: text, lang: 'en', theme: 'auto', units: 'km', builtin: text, bands: text };
      const { link, iframe, script } = buildSnippets(view, base, { title: text });
      const url = new URL(link);
      expect(url.searchParams.get('site')).toBe(text);
      expect(url.searchParams.get('bands')).toBe(text);
      expect(link).not.toMatch(/[<>"' ]/);
      // Only the snippet's own tags and quotes: each attribute value has no < > " '.
      expect([...iframe.matchAll(/<\/?[a-z]+/g)].map((m) => m[0])).toEqual(['<iframe', '</iframe', '<script', '</script']);
      expect(attrs(iframe, 'iframe').title).toBe(text);
      expect(attrs(iframe, 'iframe').src).toBe(link);
      expect([...script.matchAll(/<\/?[a-z-]+/g)].map((m) => m[0])).toEqual(['<script', '</script', '<strike-map', '</strike-map']);
      const element = attrs(script, 'strike-map');
      expect(element).toMatchObject({ builtin: text, bands: text, site: text, day: text });
    }
    expect(escapeAttr(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});
