/**
 * Browsers keep only a handful of WebGL contexts per page (Chromium: 16) and silently kill the
 * oldest beyond that. Maps claim a slot when they come into view; past the budget, the least
 * recently visible map that is off-screen is released (it shows a snapshot until it returns).
 */
export const MAX_LIVE_MAPS = 6;

export interface BudgetedMap {
  /** True while the element intersects the viewport. */
  readonly visible: boolean;
  /** Frees the map's WebGL context, keeping a snapshot and the view to restore later. */
  release(): void;
}

// A Set iterates in insertion order, so re-inserting on every claim keeps it sorted by recency.
const live = new Set<BudgetedMap>();

/** Records that `map` holds (or is about to hold) a WebGL context, releasing others if needed. */
export function claimSlot(map: BudgetedMap): void {
  live.delete(map);
  live.add(map);
  for (const candidate of live) {
    if (live.size <= MAX_LIVE_MAPS) break;
    // A visible map is never released: that would only make it claim a slot straight back.
    if (candidate !== map && !candidate.visible) {
      live.delete(candidate);
      candidate.release();
    }
  }
}

/** Marks the map as recently seen without claiming a new slot. */
export function touchSlot(map: BudgetedMap): void {
  if (live.delete(map)) live.add(map);
}

export function freeSlot(map: BudgetedMap): void {
  live.delete(map);
}
