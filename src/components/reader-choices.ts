/**
 * What the reader chose to see: the timeline day, the legend's layer groups, the context strikes
 * and the attackers. Each change is a new value (a new Set), so the children that receive them as
 * properties see it, and the host re-renders.
 */
import type { ReactiveControllerHost } from 'lit';
import { hiddenByDefault, type LayerGroup } from '../map/layers.ts';
import { strikeShown, type StrikeFilterState } from '../map/filters.ts';
import type { StrikeFeature } from '../data/types.ts';

export type Attacker = 'IR' | 'PK';

export class ReaderChoices {
  /** Show the story up to and including this day (YYYY-MM-DD); null shows everything. */
  day: string | null = null;
  hiddenGroups: ReadonlySet<LayerGroup> = new Set(hiddenByDefault);
  showContext = false;
  hiddenAttackers: ReadonlySet<Attacker> = new Set();

  constructor(private host: ReactiveControllerHost) {}

  get filter(): StrikeFilterState {
    return { day: this.day, showContext: this.showContext, hiddenAttackers: [...this.hiddenAttackers] };
  }

  /** The strikes that pass the filters, in the order given. */
  shown(strikes: StrikeFeature[]): StrikeFeature[] {
    const filter = this.filter;
    return strikes.filter((f) => strikeShown(f.properties, filter));
  }

  setDay(day: string | null): void {
    this.day = day;
    this.host.requestUpdate();
  }

  setGroupVisible(group: LayerGroup, visible: boolean): void {
    this.hiddenGroups = toggled(this.hiddenGroups, group, visible);
    this.host.requestUpdate();
  }

  setShowContext(show: boolean): void {
    this.showContext = show;
    this.host.requestUpdate();
  }

  setAttackerVisible(attacker: Attacker, visible: boolean): void {
    this.hiddenAttackers = toggled(this.hiddenAttackers, attacker, visible);
    this.host.requestUpdate();
  }
}

/** A new set with `item` shown (removed) or hidden (added). */
function toggled<T>(hidden: ReadonlySet<T>, item: T, visible: boolean): Set<T> {
  const next = new Set(hidden);
  if (visible) next.delete(item);
  else next.add(item);
  return next;
}
