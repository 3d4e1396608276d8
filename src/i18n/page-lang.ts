/**
 * The explorer page's language: `?lang=fa` (or a shared link's `#…&lang=fa`) opens its maps in
 * that language before they first draw. The map's `hash` keeps a choice made in the panel.
 */
import { langOf } from './lang.ts';
import { readHash } from '../components/hash-state.ts';

const lang = readHash(location.hash)?.lang ?? langOf(new URLSearchParams(location.search).get('lang'));
if (lang) document.querySelectorAll('strike-map').forEach((map) => map.setAttribute('lang', lang));
