/**
 * Which strikes are shown: the timeline day, the attackers shown, and context strikes. The same
 * rule twice, side by side: as a MapLibre filter for the map and as a predicate for lists.
 */
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

/** The same rule as {@link strikeFilter}, for the table and keyboard stepping. */
export function strikeShown(p: { date: string; category: string; attacker: string }, { day, showContext, hiddenAttackers = [] }: StrikeFilterState): boolean {
  if (day && p.date > day) return false;
  if (p.category === 'context') return showContext;
  return !hiddenAttackers.includes(p.attacker);
}
