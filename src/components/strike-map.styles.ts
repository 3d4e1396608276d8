import { css } from 'lit';
import { controlStyles, themeTokens } from './shared-styles.ts';

export const strikeMapStyles = [
  themeTokens,
  controlStyles,
  css`
    :host {
      display: block;
      container-type: inline-size;
      background: var(--_bg);
      border: 1px solid var(--_line);
      border-radius: 8px;
      overflow: hidden;
      font-size: 14px;
      line-height: 1.4;
    }
    .frame {
      position: relative;
      display: grid;
      grid-template-columns: minmax(0, 1fr) 320px;
      grid-template-areas: 'map panel' 'events events' 'table table';
      background: var(--_bg);
      color: var(--_fg);
    }
    /* Fullscreen: the map and panel fill the screen; the table waits until the reader leaves it. */
    /* Urdu and Persian in the shipped fonts once loaded (LanguageController), or a page's own; Nastaliq needs taller lines. */
    .frame:lang(ur) {
      font-family: var(--strike-map-font-ur, var(--_lang-font, system-ui, sans-serif));
      line-height: 1.9;
    }
    .frame:lang(fa) {
      font-family: var(--strike-map-font-fa, var(--_lang-font, system-ui, sans-serif));
    }
    /* MapLibre's own stylesheet gives its controls Helvetica; ours (the measuring bar) follow the element's font and language. */
    .maplibregl-map {
      font-family: inherit;
    }
    :host(:fullscreen) .frame {
      grid-template-rows: minmax(0, 1fr);
      grid-template-areas: 'map panel';
      height: 100vh;
    }
    :host(:fullscreen) strike-map-table,
    :host(:fullscreen) strike-map-events {
      display: none;
    }
    :host(:fullscreen) .panel {
      max-height: none;
    }
    .map-area {
      grid-area: map;
      position: relative;
      height: var(--strike-map-height, 560px);
      min-height: 280px;
    }
    :host(:fullscreen) .map-area {
      height: auto;
    }
    #map {
      position: absolute;
      inset: 0;
    }
    /*
     * MapLibre's corners in logical terms, so in Urdu and Persian the controls swap sides like the
     * rest of the UI (the map itself is not mirrored). The measuring bar (top start) wraps before
     * it reaches the zoom buttons.
     */
    .maplibregl-ctrl-top-left,
    .maplibregl-ctrl-bottom-left {
      left: auto;
      inset-inline-start: 0;
    }
    .maplibregl-ctrl-top-right,
    .maplibregl-ctrl-bottom-right {
      right: auto;
      inset-inline-end: 0;
    }
    .maplibregl-ctrl-top-left {
      inset-inline-end: 56px;
    }
    /* The credits wrap before they reach the scale bars (at most 100 px wide, 10 px in). */
    .maplibregl-ctrl-bottom-right {
      inset-inline-start: 120px;
    }
    .maplibregl-ctrl-top-left .maplibregl-ctrl,
    .maplibregl-ctrl-bottom-left .maplibregl-ctrl {
      float: inline-start;
      margin-inline: 10px 0;
    }
    .maplibregl-ctrl-top-right .maplibregl-ctrl,
    .maplibregl-ctrl-bottom-right .maplibregl-ctrl {
      float: inline-end;
      margin-inline: 0 10px;
    }
    /* While measuring, a crosshair marks the map centre, where Enter drops a point. */
    .map-area.measuring::after {
      content: '';
      position: absolute;
      left: 50%;
      top: 50%;
      width: 22px;
      height: 22px;
      margin: -11px 0 0 -11px;
      pointer-events: none;
      z-index: 1;
      background:
        linear-gradient(var(--_fg), var(--_fg)) center / 2px 100% no-repeat,
        linear-gradient(var(--_fg), var(--_fg)) center / 100% 2px no-repeat;
      opacity: 0.7;
    }
    ::slotted([slot='poster']) {
      position: absolute;
      inset: 0;
      width: 100%;
      height: 100%;
      margin: 0;
      object-fit: contain;
    }
    strike-card,
    strike-feature-card {
      position: absolute;
      z-index: 4;
      inset-inline-start: 8px;
      top: 56px;
      width: min(380px, calc(100% - 16px));
      max-height: calc(100% - 100px);
      /* Below the notices, however tall they are (Urdu lines are tall), so that none is hidden. */
      top: max(56px, calc(anchor(--notices bottom) + 6px));
      max-height: calc(100% - 44px - max(56px, calc(anchor-size(--notices height) + 14px)));
    }
    /* An event file being read in the background: its progress and a way to stop, at the foot of the map. */
    .reading {
      position: absolute;
      z-index: 5;
      inset-inline: 8px;
      bottom: 32px;
      display: flex;
      flex-wrap: wrap;
      gap: 6px 12px;
      align-items: center;
      padding: 8px 12px;
      background: var(--_surface);
      border: 1px solid var(--_line);
      border-radius: 6px;
    }
    .reading label {
      display: flex;
      flex-wrap: wrap;
      gap: 6px 12px;
      align-items: center;
      flex: 1 1 200px;
    }
    .reading progress {
      flex: 1 1 120px;
      accent-color: var(--_accent);
    }
    /* Files waiting for the code that reads them: shown only if the wait is long enough to notice. */
    .reading.opening {
      animation: appear 0s 0.2s both;
    }
    @keyframes appear {
      from {
        visibility: hidden;
      }
    }
    /* On a narrow map a card is a sheet over the lower part, leaving the site visible above. */
    @container (max-width: 479px) {
      strike-card,
      strike-feature-card {
        top: auto;
        bottom: 28px;
        max-height: 55%;
        max-height: min(55%, calc(100% - 42px - anchor-size(--notices height)));
      }
    }
    /* Shown only when focused: lets keyboard users pass the map and panel in one step. */
    .skip {
      position: absolute;
      z-index: 10;
      inset-inline-start: 8px;
      top: 8px;
      transform: translateY(-200%);
    }
    .skip:focus {
      transform: none;
    }
    .snapshot {
      position: absolute;
      inset: 0;
      width: 100%;
      height: 100%;
      z-index: 1;
    }
    .panel {
      grid-area: panel;
      border-inline-start: 1px solid var(--_line);
      overflow: auto;
      max-height: var(--strike-map-height, 560px);
      display: flex;
      flex-direction: column;
    }
    .languages {
      display: flex;
      flex-wrap: wrap;
      gap: 4px;
      padding: 8px 12px 0;
    }
    .languages button {
      min-height: 28px;
      padding-block: 0;
    }
    /* The timeline's event list scrolls on its own, so its controls stay in view. */
    strike-map-timeline {
      flex: 1 1 auto;
      min-height: 200px;
    }
    strike-map-events {
      grid-area: events;
      min-width: 0;
    }
    strike-map-table {
      grid-area: table;
      border-top: 1px solid var(--_line);
    }
    @container (max-width: 719px) {
      .frame {
        grid-template-columns: minmax(0, 1fr);
        grid-template-areas: 'map' 'panel' 'events' 'table';
      }
      .map-area {
        height: min(var(--strike-map-height, 560px), 70vh);
      }
      .panel {
        border-inline-start: 0;
        border-top: 1px solid var(--_line);
        max-height: none;
      }
      :host(:fullscreen) .frame {
        grid-template-areas: 'map' 'panel';
        grid-template-rows: minmax(0, 1fr) auto;
      }
      :host(:fullscreen) .panel {
        max-height: 40vh;
      }
    }
    .notices {
      anchor-name: --notices;
      position: absolute;
      top: 8px;
      inset-inline: 8px 56px;
      display: grid;
      gap: 6px;
      z-index: 3;
      pointer-events: none;
      /* However many there are, half the map stays in view: the list scrolls. */
      max-block-size: 50%;
      overflow-y: auto;
    }
    .notice {
      pointer-events: auto;
      display: flex;
      gap: 8px;
      align-items: start;
      justify-content: space-between;
      background: var(--_bg);
      color: var(--_fg);
      border: 1px solid var(--_warn);
      border-inline-start-width: 4px;
      border-radius: 6px;
      padding: 6px 8px;
      box-shadow: 0 1px 4px rgb(0 0 0 / 0.2);
      overflow-wrap: anywhere;
    }
    .notice summary {
      cursor: pointer;
      color: var(--_accent);
    }
    .notice details ul {
      margin: 4px 0 0;
      padding-inline-start: 1.2em;
      max-block-size: 10em;
      overflow-y: auto;
    }
    .fallback {
      position: absolute;
      inset: 0;
      display: grid;
      place-content: center;
      gap: 6px;
      padding: 24px;
      text-align: center;
      background: var(--_surface);
    }
    /* A dense dataset's density lies over the whole map: blended, so the border, strike sites and labels show through it. */
    .strike-map-density {
      mix-blend-mode: multiply;
    }
    [data-theme='dark'] .strike-map-density {
      mix-blend-mode: screen;
    }
    /* MapLibre controls follow the theme. */
    [data-theme='dark'] .maplibregl-ctrl-group,
    [data-theme='dark'] .maplibregl-ctrl-attrib,
    [data-theme='dark'] .maplibregl-ctrl-scale {
      background: rgb(17 22 28 / 0.85);
      color: var(--_fg);
      border-color: var(--_muted);
    }
    [data-theme='dark'] .maplibregl-ctrl-attrib a {
      color: var(--_fg);
    }
    [data-theme='dark'] .maplibregl-ctrl button .maplibregl-ctrl-icon {
      filter: invert(1);
    }
    .maplibregl-ctrl-group button {
      min-height: 0;
      border-radius: 0;
      border: 0;
      padding: 0;
      background: transparent;
    }
    .maplibregl-ctrl-attrib {
      font-size: 11px;
    }
    /* The credits are English names and the scale bars MapLibre's "100 km": laid out left to right in an
       Urdu or Persian map too, so "©" stays in front and the number before its unit. */
    .maplibregl-ctrl-attrib-inner,
    .maplibregl-ctrl-scale {
      direction: ltr;
      unicode-bidi: isolate;
    }
  `,
];
