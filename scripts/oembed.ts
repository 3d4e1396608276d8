/**
 * Writes the oEmbed JSON of one view of the embed page, beside the built page.
 *
 *   npm run oembed -- --site strike_ir_kohisabz_20240116 --day 2024-01-16 [--zoom 8 …]
 *                     [--url https://maps.example.org/embed/] [--out dist/embed] [--height 540]
 *
 * Every other `--name value` is a query parameter of the view, checked by the embed page's own
 * rules (src/embed/params.ts); `site` must be a strike in geodata/strikes.geojson. --url defaults
 * to STRIKE_MAP_EMBED_URL (without either, the URLs are relative to the embed folder).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEmbedUrl } from '../src/embed/params.ts';
import { HEIGHT, oembed, oembedFileName } from '../src/embed/oembed.ts';
import { embedUrlFromEnv } from '../src/embed/build.ts';

/** `--name value` and `--name=value` pairs. */
const args: Record<string, string> = {};
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const match = /^--([\w-]+)(?:=(.*))?$/.exec(argv[i]);
  if (!match) fail(`Unexpected argument ${argv[i]}: options are --name value`);
  const value = match[2] ?? argv[++i];
  if (value === undefined) fail(`--${match[1]} needs a value`);
  args[match[1]] = value;
}
const { url, out = 'dist/embed', height: heightArg, ...params } = args; // the rest is the view

const checked = parseEmbedUrl(`http://localhost/embed/?${new URLSearchParams(params)}`);
if (checked.notices.length) fail(checked.notices.join('\n'));
const strikes = JSON.parse(readFileSync(new URL('../geodata/strikes.geojson', import.meta.url), 'utf8')) as { features: { properties: { id: string } }[] };
const ids = strikes.features.map((f) => f.properties.id);
if (params.site && !ids.includes(params.site)) fail(`--site ${params.site} is no strike; the sites are:\n  ${ids.join('\n  ')}`);

const height = heightArg === undefined ? HEIGHT : Number(heightArg);
if (!Number.isInteger(height) || height < 150 || height > 5000) fail('--height must be a whole number of pixels from 150 to 5000');

let embedUrl = '';
try {
  embedUrl = embedUrlFromEnv(url ?? process.env.STRIKE_MAP_EMBED_URL);
} catch (error) {
  fail(`--url: ${(error as Error).message}`);
}
const file = join(out, oembedFileName(params));
mkdirSync(out, { recursive: true });
writeFileSync(file, `${JSON.stringify(oembed({ embedUrl, params, height }), null, 2)}\n`);
console.log(file);
if (!embedUrl) console.warn('No --url or STRIKE_MAP_EMBED_URL: the iframe URL is relative, so other sites cannot use this file as it is.');

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}
