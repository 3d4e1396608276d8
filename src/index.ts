/**
 * strike-map: importing this module defines the elements a page writes. The measuring bar and the
 * locator inset (with the first map), the table (once the map is ready), the strike and feature
 * cards and the download helpers (on first use) load later, and <strike-map-layer> with the first
 * one a <strike-map> has as a child, so only their types are exported here.
 */
export { StrikeMap } from './components/strike-map.ts';
export type { SelectDetail, ErrorDetail } from './components/events.ts';
export type { Theme } from './components/theme-controller.ts';
export type { StrikeCard } from './components/strike-card.ts';
export { StrikeMapLegend } from './components/strike-map-legend.ts';
export { StrikeMapTimeline } from './components/strike-map-timeline.ts';
export type { StrikeMapTable } from './components/strike-map-table.ts';
export type { StrikeMapLayer } from './components/strike-map-layer.ts';
export type { StrikeFeatureCard } from './components/feature-card.ts';
export type { StrikeMapInset } from './components/strike-map-inset.ts';
export type { StrikeMapMeasure, MeasureDetail, MeasureMode } from './components/strike-map-measure.ts';
export type * from './data/types.ts';
