/**
 * Bringing a live map in line with the element's state: which legend groups are visible, which
 * strikes pass the filters, which one is selected, and the palette. Plain functions over the few
 * map methods they need, so they run in Node against a recording map.
 */
import type { FilterSpecification, Map as MlMap } from 'maplibre-gl';
import { builtinLayers, layerGroups, type LayerGroup } from './layers.ts';
import { strikeFilter, type StrikeFilterState } from './filters.ts';
import type { Palette } from './palette.ts';
import type { BaseStyle } from './base-style.ts';

/** The map methods the sync functions use (a MapLibre `Map` has them all). */
export interface SyncableMap {
  getLayer(id: string): unknown;
  getLayoutProperty(layer: string, name: string): unknown;
  setLayoutProperty(layer: string, name: string, value: unknown): unknown;
  setPaintProperty(layer: string, name: string, value: unknown): unknown;
  setFilter(layer: string, filter: FilterSpecification): unknown;
  setFeatureState(feature: { source: string; id: string }, state: Record<string, unknown>): unknown;
}

const ALL_GROUPS = Object.keys(layerGroups) as LayerGroup[];

/** Legend groups on screen: the `builtin` attribute's choice minus what the reader switched off. */
export function shownGroups(builtin: string, hidden: ReadonlySet<LayerGroup>): Set<LayerGroup> {
  const words = builtin.trim().split(/\s+/);
  const wanted = builtin.trim() === 'all' ? ALL_GROUPS : ALL_GROUPS.filter((group) => words.includes(group));
  return new Set(wanted.filter((group) => !hidden.has(group)));
}

/** Shows and hides whole legend groups, touching only layers whose visibility really changes. */
export function syncGroups(map: SyncableMap, shown: ReadonlySet<LayerGroup>): void {
  for (const group of ALL_GROUPS) {
    const visibility = shown.has(group) ? 'visible' : 'none';
    for (const id of layerGroups[group]) {
      // Setting even the same value makes MapLibre lay every label out again.
      if (map.getLayer(id) && (map.getLayoutProperty(id, 'visibility') ?? 'visible') !== visibility) map.setLayoutProperty(id, 'visibility', visibility);
    }
  }
}

/** Applies the timeline day, attacker and context switches to the strike and uncertainty layers. */
export function syncStrikeFilter(map: SyncableMap, state: StrikeFilterState): void {
  const filter = strikeFilter(state);
  for (const id of [...layerGroups.strikes, ...layerGroups.uncertainty]) if (map.getLayer(id)) map.setFilter(id, filter);
}

/** Rings the strikes of the chosen day, so that day's events stand out from earlier ones. */
export function ringDay(map: SyncableMap, strikes: readonly { properties: { id: string; date: string } }[], day: string | null): void {
  for (const { properties } of strikes) map.setFeatureState({ source: 'strikes', id: properties.id }, { today: properties.date === day });
}

/** Moves the `selected` feature state from one strike (and its area) to another. */
export function syncSelection(map: SyncableMap, previous: string | null, next: string | null): void {
  for (const source of ['strikes', 'uncertainty']) {
    if (previous && previous !== next) map.setFeatureState({ source, id: previous }, { selected: false });
    if (next) map.setFeatureState({ source, id: next }, { selected: true });
  }
}

/**
 * Repaints the built-in layers, and a basemap drawn in our palette (PMTiles), in a palette; layers
 * added by others (the page's own) are left alone.
 */
export function syncPalette(map: SyncableMap, palette: Palette, base?: BaseStyle): void {
  for (const layer of [...(base?.(palette).layers ?? []), ...builtinLayers(palette, !base)]) {
    if (!map.getLayer(layer.id) || !('paint' in layer) || !layer.paint) continue;
    for (const [key, value] of Object.entries(layer.paint)) map.setPaintProperty(layer.id, key, value);
  }
}

/** The id of the strike under a point of the map (its symbol first, else its area), if any. */
export function strikeAt(map: { getLayer(id: string): unknown; queryRenderedFeatures: MlMap['queryRenderedFeatures'] }, point: { x: number; y: number }): string | undefined {
  const layers = ['strikes-symbol', 'uncertainty-fill'].filter((id) => map.getLayer(id));
  const hit = map.queryRenderedFeatures([point.x, point.y], { layers });
  const strike = hit.find((f) => f.layer.id === 'strikes-symbol') ?? hit[0];
  return strike ? String(strike.properties.id) : undefined;
}
