/** A numbered list of source links; anything that is not an http(s) URL is shown as plain text. */
import { html } from 'lit';
import { safeHttpUrl, sourceHost } from './safe-url.ts';

export function sourceList(sources: readonly string[]) {
  return html`<ol class="sources">
    ${sources.map((source) => {
      const url = safeHttpUrl(source);
      return html`<li>${url ? html`<a href=${url} target="_blank" rel="noopener noreferrer">${sourceHost(url)}</a>` : html`<span>${source}</span>`}</li>`;
    })}
  </ol>`;
}
