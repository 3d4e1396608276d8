/**
 * Keeps a loaded map in line with the element's state after every update: legend groups, strike
 * filters, the ringed day, the selection, the palette and the band labels' units and language. It remembers
 * what it last applied, so each change reaches MapLibre once and nothing else is touched.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Map as MlMap } from 'maplibre-gl';
import { bandLabel, type LayerGroup } from '../map/layers.ts';
import { addIcons } from '../map/icons.ts';
import type { Palette } from '../map/palette.ts';
import type { BaseStyle } from '../map/base-style.ts';
import type { StrikeFilterState } from '../map/filters.ts';
import { ringDay, shownGroups, syncGroups, syncPalette, syncSelection, syncStrikeFilter } from '../map/sync.ts';
import type { StrikeFeature } from '../data/types.ts';
import type { Units } from '../geo/index.ts';
import type { Texts } from '../i18n/texts.ts';
import { LOCALES } from '../i18n/lang.ts';

/** The state a map shows. */
export interface MapState {
  strikes: StrikeFeature[];
  builtin: string;
  hiddenGroups: ReadonlySet<LayerGroup>;
  filter: StrikeFilterState;
  selectedId: string | null;
  palette: Palette;
  /** The basemap when it is not the offline one. */
  base?: BaseStyle;
  units: Units;
  texts: Texts;
}

/** What was last applied to the map, compared with each new state. */
interface Applied {
  groups: string;
  filter: string;
  ringedDay: string | null;
  selectedId: string | null;
  palette: Palette;
  /** The band labels' units and language, as "km fa". */
  bandLabel: string;
}

export class MapSync implements ReactiveController {
  private map?: MlMap;
  private applied?: Applied;

  constructor(
    host: ReactiveControllerHost,
    private state: () => MapState | undefined,
  ) {
    host.addController(this);
  }

  /** Starts syncing a map whose style has loaded, drawn in `palette`; a new map has nothing else applied. */
  attach(map: MlMap, palette: Palette): void {
    this.map = map;
    this.applied = { groups: '', filter: '', ringedDay: null, selectedId: null, palette, bandLabel: '' };
    this.hostUpdated();
  }

  detach(): void {
    this.map = undefined;
  }

  hostUpdated(): void {
    const { map, applied: done } = this;
    const state = this.state();
    if (!map || !done || !state) return;
    const shown = shownGroups(state.builtin, state.hiddenGroups);
    const next: Applied = { groups: [...shown].join(' '), filter: JSON.stringify(state.filter), ringedDay: state.filter.day, selectedId: state.selectedId, palette: state.palette, bandLabel: `${state.units} ${state.texts.lang}` };
    if (next.groups !== done.groups) syncGroups(map, shown);
    if (next.filter !== done.filter) syncStrikeFilter(map, state.filter);
    if (next.ringedDay !== done.ringedDay) ringDay(map, state.strikes, next.ringedDay);
    if (next.selectedId !== done.selectedId) syncSelection(map, done.selectedId, next.selectedId);
    if (next.palette !== done.palette) {
      syncPalette(map, state.palette, state.base);
      addIcons(map, state.palette);
    }
    if (next.bandLabel !== done.bandLabel) map.setLayoutProperty('bands-label', 'text-field', bandLabel(state.units, LOCALES[state.texts.lang], state.texts.unit(state.units)));
    this.applied = next;
  }
}
