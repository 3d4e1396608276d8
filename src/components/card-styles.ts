/**
 * The card chrome shared by strike cards and feature cards. Where a card floats over the map is
 * set by <strike-map> (strike-map.styles.ts), which knows its own width.
 */
import { css } from 'lit';

export const cardStyles = css`
      :host {
        display: block;
        overflow: auto;
        background: var(--_bg);
        color: var(--_fg);
        border: 1px solid var(--_line);
        border-radius: 8px;
        box-shadow: 0 4px 18px rgb(0 0 0 / 0.25);
        font-size: 13.5px;
      }
      header {
        position: sticky;
        top: 0;
        background: var(--_bg);
        padding: 10px 12px 6px;
        border-bottom: 1px solid var(--_line);
        display: grid;
        grid-template-columns: 1fr auto;
        gap: 4px 8px;
      }
      header .close {
        align-self: start;
        width: 32px;
        height: 32px;
        padding: 0;
        font-size: 18px;
        line-height: 1;
      }
      h2 {
        font-size: 15px;
        margin: 0;
        line-height: 1.3;
      }
      .meta {
        color: var(--_muted);
        grid-column: 1 / -1;
      }
      .local {
        font-size: 14px;
      }
  .empty {
    margin: 8px 12px 12px;
  }
`;
