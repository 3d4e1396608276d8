/**
 * What the event worker and the page agree on, apart from the messages (events-client.ts): kept in
 * a module of their own so the map's layers can use them without loading the worker's client.
 */

/** A dense dataset's tiles' one layer (a map layer's `source-layer`). */
export const EVENT_TILE_LAYER = 'events';

/** A dense dataset's tiles are cut up to this zoom; MapLibre scales the last ones up beyond it. */
export const EVENT_TILE_MAXZOOM = 14;

/** Sides as the worker sends them, one byte an event. */
export const SIDE_CODES = [null, 'PK', 'IR'] as const;
