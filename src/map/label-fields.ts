/**
 * Which property each label layer shows, per language: a module of its own, with no fonts in it,
 * because the map's English start-up style needs it (src/map/layers.ts) and should not bring the
 * Urdu and Persian font setup of src/map/language.ts along.
 */
import type { ExpressionSpecification } from 'maplibre-gl';
import type { FontLang } from '../i18n/fonts.ts';

/** The name properties to try, best first: the reader's script, then the local one, then English. */
const NAME_KEYS: Record<FontLang, readonly string[]> = {
  en: ['name'],
  ur: ['name_ur', 'name_local', 'name'],
  fa: ['name_fa', 'name_local', 'name'],
};

/** The strike label property to show, best first (src/data/prepare.ts writes all three). */
const STRIKE_LABEL_KEYS: Record<FontLang, readonly string[]> = {
  en: ['label'],
  ur: ['label_ur', 'label'],
  fa: ['label_fa', 'label'],
};

const text = (key: string): ExpressionSpecification => ['to-string', ['coalesce', ['get', key], '']];

/** The first of these properties that is not empty (or ''). */
function firstName(keys: readonly string[]): ExpressionSpecification {
  const [key, ...rest] = keys;
  return rest.length ? ['case', ['!=', text(key), ''], text(key), firstName(rest)] : text(key);
}

/** One name, and a second, smaller line under it when the second is set and says something else. */
function twoNames(first: ExpressionSpecification, second: ExpressionSpecification, scale: number): ExpressionSpecification {
  const shown: ExpressionSpecification = ['all', ['!=', second, ''], ['!=', second, first]];
  return ['format', first, {}, ['case', shown, '\n', ''], {}, ['case', shown, second, ''], { 'font-scale': scale }];
}

/**
 * The `text-field` of each label layer that shows place names. English: the English name, with the
 * local-script name under it on provinces and towns. Urdu and Persian: the name in that language
 * (`name_ur` / `name_fa`), else the local-script name, else English; with the English name under it
 * on provinces and towns. Strike sites: their date and place in the reader's language (`label_ur` /
 * `label_fa`), else the English `label`.
 */
export function labelFields(lang: FontLang): Record<'basemap-labels' | 'province-labels' | 'district-labels' | 'towns-label' | 'settlements-label' | 'crossings-label' | 'strikes-label', ExpressionSpecification> {
  const name = firstName(NAME_KEYS[lang]);
  const placeName = lang === 'en' ? twoNames(name, text('name_local'), 0.9) : twoNames(name, text('name'), 0.9);
  return {
    'basemap-labels': ['upcase', name],
    'province-labels': placeName,
    'district-labels': name,
    'towns-label': placeName,
    'settlements-label': name,
    'crossings-label': name,
    'strikes-label': firstName(STRIKE_LABEL_KEYS[lang]),
  };
}
