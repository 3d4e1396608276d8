/**
 * strike-map/geo — pure geometry for the Iran–Pakistan border map.
 * No DOM, no MapLibre: runs in Node and in the browser.
 *
 * `BandMaker` (distance bands) is deliberately NOT re-exported here: it brings Clipper2 with it.
 * The map loads `src/geo/offset-bands.ts` on demand, in a worker (src/workers/bands-client.ts).
 */
export { BorderIndex } from './border-index.ts';
export type { BorderIndexOptions, BorderInput, NearestResult } from './border-index.ts';
export { CountrySides } from './sides.ts';
export type { Country, ProvinceCollection } from './sides.ts';
export { distanceRange, describeRange, formatRange } from './distance-range.ts';
export type { DistanceRange, DistanceRangeOptions } from './distance-range.ts';
export { geodesicCircle, densifyGreatCircle, discPixelsAtZoom0 } from './shapes.ts';
export { measurePath } from './path.ts';
export type { PathMeasure } from './path.ts';
export { EARTH_RADIUS_KM, convertKm, formatDistance } from './units.ts';
export type { FormatOptions, Units } from './units.ts';
export type { BandProperties, BandFeature } from './offset-bands.ts'; // types only: no runtime import of Clipper2
