/**
 * What lies over the map area besides the cards: the snapshot of a released map, the message for
 * a map that could not start, and dismissible notices.
 */
import { html } from 'lit';

export interface Overlays {
  snapshot?: string;
  failure: string;
  notices: string[];
  dismiss(index: number): void;
}

export function renderOverlays({ snapshot, failure, notices, dismiss }: Overlays) {
  return html`
    ${snapshot ? html`<img class="snapshot" part="snapshot" src=${snapshot} alt="Snapshot of the map; it comes back when scrolled into view." />` : ''}
    ${failure
      ? html`<div class="fallback" role="alert">
          <strong>The interactive map could not start.</strong>
          <span>${failure}</span>
          <span>The strike sites are listed in the table below.</span>
        </div>`
      : ''}
    <div class="notices">
      ${notices.map(
        (notice, i) => html`<div class="notice" role="alert">
          <span>${notice}</span>
          <button type="button" aria-label="Dismiss message" @click=${() => dismiss(i)}>×</button>
        </div>`,
      )}
    </div>
  `;
}
