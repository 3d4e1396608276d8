/**
 * Vector tiles of a dense event dataset, cut in the event worker from its map copy
 * (src/data/map-copy.ts): the page then hands MapLibre nothing but the few tiles it draws, instead
 * of copying every event to MapLibre's worker on its own main thread (over a second for 100,000 events
 * on this machine). Pure: runs in Node too.
 */
import type { Feature, Point } from 'geojson';
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { mapCopyKeys, mapCopyOf } from '../data/map-copy.ts';
import { EVENT_TILE_LAYER, EVENT_TILE_MAXZOOM } from './event-codes.ts';

// A tile's width in its own units, and how far past its edges it carries features: MapLibre's own
// GeoJSON sources use the same ratio (128 of 8192).
const EXTENT = 4096;
const BUFFER = 64;

/** Cuts tiles of the events: the tile's Mapbox Vector Tile bytes, or null where it has no events. */
export type TileCutter = (z: number, x: number, y: number) => Uint8Array | null;

/**
 * @param features - the dataset's events, in order (each tile feature's id is its index here)
 * @param label - the column the layer is labelled by, if any
 */
export function eventTiles(features: readonly Feature<Point>[], label?: string): TileCutter {
  const keys = mapCopyKeys(label);
  // Stryker disable next-line ObjectLiteral: the options are geojson-vt's defaults, spelled out as the source's maxzoom and vt-pbf must match them
  const index = new GeoJSONVT({ type: 'FeatureCollection', features: features.map((f, i) => mapCopyOf(f, i, keys)) }, { maxZoom: EVENT_TILE_MAXZOOM, extent: EXTENT, buffer: BUFFER });
  return (z, x, y) => {
    const tile = index.getTile(z, x, y);
    // Stryker disable next-line ObjectLiteral: vt-pbf's defaults are version 2 with the tile's own extent
    return tile && tile.features.length ? fromGeojsonVt({ [EVENT_TILE_LAYER]: tile }, { version: 2, extent: EXTENT }) : null;
  };
}
