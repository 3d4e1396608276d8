/** The details of the events <strike-map> fires (all bubble and cross shadow roots). */
import type { StrikeFeature } from '../data/types.ts';

/** Detail of `strike-map-select`: the chosen strike id, or null when the card closes. */
export interface SelectDetail {
  id: string | null;
  feature: StrikeFeature | null;
}

/** Detail of `strike-map-error`. */
export interface ErrorDetail {
  message: string;
  source?: string;
}

/** Fires one of the element's public events from `target`. */
export function emit<T>(target: EventTarget, type: string, detail: T): void {
  target.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true, composed: true }));
}
