/**
 * Moving the view: to a strike site beside (or above) its card, and around a set of features.
 * Views jump instead of gliding when the reader asked the system for less motion.
 */
import type { Map as MlMap } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { bbox } from '@turf/turf';
import { isDense } from '../data/dense.ts';

export function prefersReducedMotion(): boolean {
  return matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** Map padding that keeps a site clear of its card: beside it when wide, above the sheet when narrow. */
export function cardPadding(width: number, height: number): { left: number; top: number; right: number; bottom: number } {
  // Narrow: the card is a sheet over the lower 55 %, and the measuring bar takes the top ~60 px.
  return width >= 480 ? { left: Math.min(396, width / 2), top: 0, right: 0, bottom: 0 } : { left: 0, top: 60, right: 0, bottom: height * 0.55 };
}

/** Brings a selected site into view next to its card. */
export function flyToSite(map: MlMap, site: [number, number]): void {
  const { clientWidth: width, clientHeight: height } = map.getContainer();
  // On a small map the sites sit close together: come in close enough to tell them apart.
  const zoom = width < 480 ? Math.max(map.getZoom(), 6) : map.getZoom();
  map.easeTo({ center: site, zoom, padding: cardPadding(width, height), duration: prefersReducedMotion() ? 0 : 600 });
}

/**
 * Fits the view to a set of features, never closer than zoom 9. A dense dataset jumps there: a
 * flight would have the map cut, send and lay out tiles of every event for the views on the way.
 */
export function fitCollection(map: MlMap, collection: FeatureCollection): void {
  const [w, s, e, n] = bbox(collection);
  const jump = prefersReducedMotion() || isDense(collection.features);
  map.fitBounds([[w, s], [e, n]], { padding: 48, maxZoom: 9, duration: jump ? 0 : 600 });
}
