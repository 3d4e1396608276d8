/**
 * Whether features are a dense event dataset's: parse-user.ts gives those the size of their area's
 * circle (`area_px0`), and the map draws them as density, circles and tiles, not one by one. A
 * module of its own so that the camera can ask without loading the event conventions.
 */
import type { Feature } from 'geojson';

export const isDense = (features: readonly Feature[]): boolean => typeof features[0]?.properties?.area_px0 === 'number';
