/** The floating card chrome shared by strike cards and feature cards. */
import { css } from 'lit';

export const cardStyles = css`
      :host {
        position: absolute;
        z-index: 4;
        left: 8px;
        top: 56px;
        width: min(380px, calc(100% - 16px));
        max-height: calc(100% - 100px);
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
  /* On a narrow map the card becomes a sheet over the lower part, leaving the site visible above. */
  @container (max-width: 479px) {
    :host {
      top: auto;
      bottom: 28px;
      max-height: 55%;
    }
  }
  .empty {
    margin: 8px 12px 12px;
  }
`;
