/** MapLibre filters for the strike layers: the timeline day, the attackers shown, and context strikes. */
import type { FilterSpecification } from 'maplibre-gl';

export interface StrikeFilterState {
  day: string | null;
  showContext: boolean;
  hiddenAttackers?: string[];
}

export function strikeFilter({ day, showContext, hiddenAttackers = [] }: StrikeFilterState): FilterSpecification {
  const conditions: FilterSpecification[] = [];
  // ISO dates compare correctly as strings.
  if (day) conditions.push(['<=', ['get', 'date'], day]);
  if (!showContext) conditions.push(['!=', ['get', 'category'], 'context']);
  // Context strikes have their own switch, so the attacker switches leave them alone.
  if (hiddenAttackers.length) conditions.push(['any', ['==', ['get', 'category'], 'context'], ['!', ['in', ['get', 'attacker'], ['literal', hiddenAttackers]]]]);
  return ['all', ...conditions] as FilterSpecification;
}
