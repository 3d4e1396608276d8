/** Shared set-up for browser tests: mount a <strike-map>, wait for it, and tidy up. */
import '../../src/index.ts';
// Parts the element loads on first use; defined up front so tests need not wait for them.
// (The e2e tests exercise the lazy loading in the production build.)
import '../../src/components/strike-card.ts';
import '../../src/components/feature-card.ts';
import '../../src/components/strike-map-table.ts';
import type { StrikeMap } from '../../src/components/strike-map.ts';

export async function mountMap(attributes: Record<string, string> = {}, size = { width: 900, height: 600 }): Promise<StrikeMap> {
  const el = document.createElement('strike-map');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  el.style.cssText = `display:block;width:${size.width}px;--strike-map-height:${size.height}px`;
  document.body.append(el);
  await el.ready;
  return el;
}

export function unmountAll(): void {
  document.querySelectorAll('strike-map').forEach((el) => el.remove());
}

/** Distinct values of a property over rendered features (a feature spanning tiles comes back once per tile). */
export function renderedValues(el: StrikeMap, layer: string, property: string): Set<unknown> {
  return new Set(el.map!.queryRenderedFeatures({ layers: [layer] }).map((f) => f.properties[property]));
}

/** Waits until MapLibre has finished drawing the latest change. */
export function idle(el: StrikeMap): Promise<void> {
  return new Promise((resolve) => {
    el.map!.once('idle', () => resolve());
    el.map!.triggerRepaint();
  });
}

export const shadow = <T extends Element>(el: Element, selector: string): T | null =>
  (el.shadowRoot?.querySelector(selector) as T | null) ?? null;

/** Waits until `check` returns something truthy (e.g. a download captured after a lazy import); the limit only catches a hang. */
export async function until<T>(check: () => T, timeoutMs = 60_000): Promise<NonNullable<T>> {
  const end = performance.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value as NonNullable<T>;
    if (performance.now() > end) throw new Error('timed out waiting for a condition');
    await new Promise((r) => setTimeout(r, 20));
  }
}
