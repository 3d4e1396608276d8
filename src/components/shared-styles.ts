/** Theme tokens (declared once, by <strike-map>, and inherited by its parts) and shared control styles. */
import { css } from 'lit';

export const themeTokens = css`
  :host {
    --_bg: var(--strike-map-bg, #ffffff);
    --_fg: var(--strike-map-fg, #1f2328);
    --_muted: var(--strike-map-muted, #57606a);
    --_line: var(--strike-map-line, #d0d7de);
    --_surface: var(--strike-map-surface, #f6f8fa);
    --_accent: var(--strike-map-accent, #0b5cad);
    --_ir: var(--strike-map-ir, #7e22ce);
    --_pk: var(--strike-map-pk, #0f766e);
    --_warn: var(--strike-map-warn, #9a3412);
    font-family: var(--strike-map-font, system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif);
    color: var(--_fg);
  }
  :host([data-theme='dark']),
  [data-theme='dark'] {
    --_bg: var(--strike-map-bg, #11161c);
    --_fg: var(--strike-map-fg, #e6edf3);
    --_muted: var(--strike-map-muted, #9ba7b4);
    --_line: var(--strike-map-line, #30363d);
    --_surface: var(--strike-map-surface, #1b222b);
    --_accent: var(--strike-map-accent, #6cb6ff);
    --_ir: var(--strike-map-ir, #d8b4fe);
    --_pk: var(--strike-map-pk, #5eead4);
    --_warn: var(--strike-map-warn, #fdba74);
  }
`;

export const controlStyles = css`
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  button {
    font: inherit;
    color: inherit;
    background: var(--_surface);
    border: 1px solid var(--_line);
    border-radius: 6px;
    padding: 0.3em 0.7em;
    cursor: pointer;
    min-height: 32px;
  }
  button:hover {
    border-color: var(--_accent);
  }
  button[aria-pressed='true'] {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_bg);
  }
  :focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  a {
    color: var(--_accent);
  }
  /* Marks a figure the accounts disagree on. */
  .badge {
    font-size: 11px;
    text-transform: uppercase;
    letter-spacing: 0.04em;
    border: 1px solid var(--_warn);
    color: var(--_warn);
    border-radius: 4px;
    padding: 0 4px;
  }
  /* Touch targets of at least 24 px for small controls and links in lists. */
  summary {
    display: list-item; /* keeps the disclosure triangle */
    min-height: 24px;
    padding-block: 3px;
    cursor: pointer;
  }
  .sources a {
    display: inline-block;
    min-height: 24px;
    padding-block: 3px;
  }
  input[type='file']::file-selector-button {
    font: inherit;
    color: var(--_fg);
    background: var(--_surface);
    border: 1px solid var(--_line);
    border-radius: 6px;
    padding: 0.3em 0.7em;
    margin-inline-end: 8px;
  }
`;

/** A section of the side panel: padding and a small uppercase heading. */
export const panelStyles = css`
  :host {
    display: block;
    padding: 10px 12px;
  }
  h2 {
    font-size: 13px;
    margin: 0 0 6px;
    text-transform: uppercase;
    letter-spacing: 0.05em;
    color: var(--_muted);
  }
`;

/** A table's sort buttons in its header cells: they read as the column's title, underlined dotted. */
export const sortButtonStyles = css`
  th button {
    background: none;
    border: 0;
    padding: 0;
    min-height: 24px;
    font-weight: 700;
    color: inherit;
    text-decoration: underline dotted;
  }
`;
