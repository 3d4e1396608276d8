/**
 * The WOFF2 files strike-map ships for Urdu and Persian, and `npm run fonts`, which copies them and
 * each font's OFL licence from the pinned @fontsource packages into src/i18n/fonts/. The copies are
 * committed, so a build needs no font package; tests/unit/glyph-coverage.test.ts fails if they
 * drift from the pinned packages. Run it again after bumping a @fontsource version.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface ShippedFont {
  /** The file name in src/i18n/fonts/ (as the package names it). */
  file: string;
  packageName: string;
  /** The licence's file name in src/i18n/fonts/. */
  licence: string;
}

/** Only the Arabic-script subset of each face: Latin text falls through to the page's fonts. */
export const SHIPPED_FONTS: readonly ShippedFont[] = [
  { packageName: '@fontsource/noto-nastaliq-urdu', file: 'noto-nastaliq-urdu-arabic-400-normal.woff2', licence: 'noto-nastaliq-urdu-OFL.txt' },
  { packageName: '@fontsource/noto-naskh-arabic', file: 'noto-naskh-arabic-arabic-400-normal.woff2', licence: 'noto-naskh-arabic-OFL.txt' },
  { packageName: '@fontsource/vazirmatn', file: 'vazirmatn-arabic-400-normal.woff2', licence: 'vazirmatn-OFL.txt' },
  { packageName: '@fontsource/vazirmatn', file: 'vazirmatn-arabic-700-normal.woff2', licence: 'vazirmatn-OFL.txt' },
];

export const FONTS_DIR = fileURLToPath(new URL('../src/i18n/fonts/', import.meta.url));
const packageDir = (font: ShippedFont) => fileURLToPath(new URL(`../node_modules/${font.packageName}/`, import.meta.url));
export const packageFile = (font: ShippedFont) => `${packageDir(font)}files/${font.file}`;
export const packageLicence = (font: ShippedFont) => `${packageDir(font)}LICENSE`;

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  mkdirSync(FONTS_DIR, { recursive: true });
  for (const font of SHIPPED_FONTS) {
    copyFileSync(packageFile(font), FONTS_DIR + font.file);
    copyFileSync(packageLicence(font), FONTS_DIR + font.licence);
    console.log(`${font.file} and ${font.licence} from ${font.packageName}`);
  }
}
