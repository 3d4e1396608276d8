/** The data's texts in the reader's language, where the project has translated them. */
import type { ContentTexts } from '../data/content-i18n.ts';

/**
 * A copy of `item` with every text that has a translation replaced by it, found by the item's id
 * and the text's path (`weapons.0.text`); sources and other texts stay as published.
 */
export function translated<T extends object>(item: T, id: string, content: ContentTexts): T {
  const walk = (value: unknown, path: string): unknown => {
    if (typeof value === 'string') return content.text(id, path) ?? value;
    if (Array.isArray(value)) return path === 'sources' || path.endsWith('_sources') ? value : value.map((v, i) => walk(v, `${path}.${i}`));
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, walk(v, path ? `${path}.${key}` : key)]));
    return value;
  };
  return walk(item, '') as T;
}
