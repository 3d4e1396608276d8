/**
 * The analyst panel's selection as a MapLibre filter on an event dataset's layers: the map shows
 * what the statistics count. Dates are compared as YYYY-MM-DD text, which sorts as the days do.
 */
import type { FilterSpecification } from 'maplibre-gl';
import { FACET_COLUMNS, type EventFormat } from '../data/events.ts';
import { isoDay, type EventSelection } from '../data/event-stats.ts';

export function eventFilter(format: EventFormat, selection: EventSelection): FilterSpecification {
  const columns = FACET_COLUMNS[format];
  const oneOf = (column: string, values: ReadonlySet<string>) => ['in', ['to-string', ['get', column]], ['literal', [...values]]];
  const parts: unknown[] = [
    ['<=', ['to-string', ['get', 'date']], isoDay(selection.to)],
    ['>=', ['to-string', ['get', 'date_end']], isoDay(selection.from)],
  ];
  if (selection.types.size) parts.push(oneOf(columns.type, selection.types));
  if (selection.actors.size) parts.push(['any', ...columns.actors.map((column) => oneOf(column, selection.actors))]);
  return ['all', ...parts] as FilterSpecification;
}
