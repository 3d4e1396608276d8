/** MapLibre filters for the strike layers: the timeline day and the context-strike toggle. */
import type { FilterSpecification } from 'maplibre-gl';

export function strikeFilter({ day, showContext }: { day: string | null; showContext: boolean }): FilterSpecification {
  const conditions: FilterSpecification[] = [];
  // ISO dates compare correctly as strings.
  if (day) conditions.push(['<=', ['get', 'date'], day]);
  if (!showContext) conditions.push(['!=', ['get', 'category'], 'context']);
  return ['all', ...conditions] as FilterSpecification;
}
