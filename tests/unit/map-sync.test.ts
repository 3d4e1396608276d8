import { describe, expect, it } from 'vitest';
import { ringDay, shownGroups, strikeAt, syncGroups, syncPalette, syncSelection, syncStrikeFilter, type SyncableMap } from '../../src/map/sync.ts';
import { palettes } from '../../src/map/palette.ts';

/** A map with a few layers that records every change made to it. */
function recordingMap(layerIds: string[], visibility: Record<string, string> = {}) {
  const calls: string[] = [];
  const states = new Map<string, Record<string, unknown>>();
  const map: SyncableMap = {
    getLayer: (id) => (layerIds.includes(id) ? { id } : undefined),
    getLayoutProperty: (id, name) => (name === 'visibility' ? visibility[id] : undefined),
    setLayoutProperty: (id, name, value) => {
      calls.push(`layout ${id} ${name}=${value}`);
      if (name === 'visibility') visibility[id] = String(value);
    },
    setPaintProperty: (id, name) => calls.push(`paint ${id} ${name}`),
    setFilter: (id) => calls.push(`filter ${id}`),
    setFeatureState: ({ source, id }, state) => {
      calls.push(`state ${source}/${id} ${JSON.stringify(state)}`);
      states.set(`${source}/${id}`, { ...states.get(`${source}/${id}`), ...state });
    },
  };
  return { map, calls, states };
}

describe('shownGroups', () => {
  it('shows every group for "all", only the named ones otherwise, minus those switched off', () => {
    expect([...shownGroups('all', new Set())]).toContain('towns');
    expect([...shownGroups('  all ', new Set(['towns']))]).not.toContain('towns');
    expect([...shownGroups('border strikes', new Set())].sort()).toEqual(['border', 'strikes']);
    expect([...shownGroups('border strikes', new Set(['strikes']))]).toEqual(['border']);
    expect([...shownGroups('none', new Set())]).toEqual([]);
    expect([...shownGroups('bogus', new Set())]).toEqual([]);
  });
});

describe('syncGroups', () => {
  it('hides the layers of hidden groups and touches only layers whose visibility changes', () => {
    const { map, calls } = recordingMap(['border-line', 'border-casing', 'towns-symbol'], { 'towns-symbol': 'visible' });
    syncGroups(map, new Set(['towns']));
    expect(calls.sort()).toEqual(['layout border-casing visibility=none', 'layout border-line visibility=none']);
    calls.length = 0;
    syncGroups(map, new Set(['towns'])); // nothing changed: MapLibre is left alone
    expect(calls).toEqual([]);
    syncGroups(map, new Set(['towns', 'border']));
    expect(calls.sort()).toEqual(['layout border-casing visibility=visible', 'layout border-line visibility=visible']);
  });
});

describe('syncStrikeFilter', () => {
  it('filters the strike and uncertainty layers that exist, and no others', () => {
    const { map, calls } = recordingMap(['strikes-symbol', 'uncertainty-fill', 'border-line']);
    syncStrikeFilter(map, { day: '2024-01-16', showContext: false });
    expect(calls.sort()).toEqual(['filter strikes-symbol', 'filter uncertainty-fill']);
  });
});

describe('ringDay and syncSelection', () => {
  const strikes = [
    { properties: { id: 'a', date: '2024-01-16' } },
    { properties: { id: 'b', date: '2024-01-18' } },
  ];

  it('rings exactly the strikes of the chosen day', () => {
    const { map, states } = recordingMap([]);
    ringDay(map, strikes, '2024-01-18');
    expect(states.get('strikes/a')).toEqual({ today: false });
    expect(states.get('strikes/b')).toEqual({ today: true });
    ringDay(map, strikes, null);
    expect(states.get('strikes/b')).toEqual({ today: false });
  });

  it('moves the selected state between strikes and their areas, and clears it on close', () => {
    const { map, states, calls } = recordingMap([]);
    syncSelection(map, null, 'a');
    expect(states.get('strikes/a')).toEqual({ selected: true });
    expect(states.get('uncertainty/a')).toEqual({ selected: true });
    syncSelection(map, 'a', 'b');
    expect(states.get('strikes/a')).toEqual({ selected: false });
    expect(states.get('uncertainty/b')).toEqual({ selected: true });
    syncSelection(map, 'b', null);
    expect(states.get('strikes/b')).toEqual({ selected: false });
    calls.length = 0;
    syncSelection(map, 'b', 'b'); // re-selecting keeps it selected, never switching it off in between
    expect(calls.every((call) => call.endsWith('{"selected":true}'))).toBe(true);
  });
});

describe('syncPalette', () => {
  it('repaints every paint property of the built-in layers present, and nothing of other layers', () => {
    const { map, calls } = recordingMap(['border-line', 'user-1-circle']);
    syncPalette(map, palettes.dark);
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.every((call) => call.startsWith('paint border-line '))).toBe(true);
  });
});

describe('strikeAt', () => {
  const feature = (layer: string, id: string) => ({ layer: { id: layer }, properties: { id } });

  it('prefers the strike symbol over an overlapping area, and finds nothing on empty ground', () => {
    const hits = [feature('uncertainty-fill', 'area'), feature('strikes-symbol', 'symbol')];
    const map = { getLayer: () => true, queryRenderedFeatures: (() => hits) as never };
    expect(strikeAt(map, { x: 1, y: 2 })).toBe('symbol');
    expect(strikeAt({ getLayer: () => true, queryRenderedFeatures: (() => [feature('uncertainty-fill', 'area')]) as never }, { x: 1, y: 2 })).toBe('area');
    expect(strikeAt({ getLayer: () => true, queryRenderedFeatures: (() => []) as never }, { x: 1, y: 2 })).toBeUndefined();
  });
});
