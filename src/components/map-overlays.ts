/**
 * What lies over the map area besides the cards: the snapshot of a released map, the message for
 * a map that could not start, and dismissible notices.
 */
import { html } from 'lit';
import type { Texts } from '../i18n/texts.ts';

/** A message over the map; long details (which rows a file lost, and why) stay folded until asked for. */
export interface Notice {
  message: string;
  details: string[];
}

export interface Overlays {
  texts: Texts;
  snapshot?: string;
  failure: string;
  notices: Notice[];
  dismiss(index: number): void;
}

export function renderOverlays({ texts, snapshot, failure, notices, dismiss }: Overlays) {
  return html`
    ${snapshot ? html`<img class="snapshot" part="snapshot" src=${snapshot} alt=${texts.t('snapshotAlt')} />` : ''}
    ${failure
      ? html`<div class="fallback" role="alert">
          <strong>${texts.t('mapFailed')}</strong>
          <span>${failure}</span>
          <span>${texts.t('tableInstead')}</span>
        </div>`
      : ''}
    <div class="notices">
      ${notices.map(
        ({ message, details }, i) => html`<div class="notice" role="alert">
          <div>
            <span>${message}</span>
            ${details.length ? html`<details><summary>${texts.t('skippedWhich')}</summary><ul>${details.map((line) => html`<li>${line}</li>`)}</ul></details>` : ''}
          </div>
          <button type="button" aria-label=${texts.t('dismiss')} @click=${() => dismiss(i)}>×</button>
        </div>`,
      )}
    </div>
  `;
}
