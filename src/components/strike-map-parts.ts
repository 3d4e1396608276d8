/**
 * The parts of <strike-map> outside the map area, as templates: the side panel (language switch,
 * legend, timeline), the analyst panel of an event dataset, and the table below. They bind the reader's choices and the page's own data
 * to the child elements; the element keeps the state.
 */
import { html } from 'lit';
import type { LayerGroup } from '../map/layers.ts';
import type { BorderIndex } from '../geo/index.ts';
import type { Units } from '../geo/index.ts';
import type { StrikeFeature, TimelineEvent } from '../data/types.ts';
import type { Texts } from '../i18n/texts.ts';
import type { ReaderChoices, Attacker } from './reader-choices.ts';
import type { UserDataController } from './user-data-controller.ts';
import type { LanguageController } from './language-controller.ts';
import type { ExportKind } from './downloads.ts';
import type { EventSelection } from '../data/event-stats.ts';
import './strike-map-legend.ts';
import './strike-map-timeline.ts';

export interface PanelParts {
  texts: Texts;
  language: LanguageController;
  choices: ReaderChoices;
  /** The page's own data, once it has some. */
  userData?: UserDataController;
  builtin: string;
  events: TimelineEvent[];
  showContext(show: boolean): void;
  select(id: string): void;
}

export function renderPanel({ texts, language, choices, userData, builtin, events, showContext, select }: PanelParts) {
  return html`<div class="panel" part="panel">
    ${language.renderSwitch()}
    <strike-map-legend
      .texts=${texts}
      .hiddenGroups=${choices.hiddenGroups}
      .showContext=${choices.showContext}
      .builtin=${builtin}
      .hiddenAttackers=${choices.hiddenAttackers}
      .userLayers=${userData?.layers ?? []}
      @legend-toggle=${(e: CustomEvent<{ group: LayerGroup; visible: boolean }>) => choices.setGroupVisible(e.detail.group, e.detail.visible)}
      @context-toggle=${(e: CustomEvent<boolean>) => showContext(e.detail)}
      @user-layer-toggle=${(e: CustomEvent<{ layerId: string; visible: boolean }>) => userData?.setVisible(e.detail.layerId, e.detail.visible)}
      @attacker-toggle=${(e: CustomEvent<{ attacker: Attacker; visible: boolean }>) => choices.setAttackerVisible(e.detail.attacker, e.detail.visible)}
    ></strike-map-legend>
    <strike-map-timeline
      .texts=${texts}
      .content=${language.content}
      .events=${events}
      .day=${choices.day}
      @day-change=${(e: CustomEvent<string | null>) => choices.setDay(e.detail)}
      @event-select=${(e: CustomEvent<string>) => select(e.detail)}
    ></strike-map-timeline>
  </div>`;
}

export interface EventParts {
  texts: Texts;
  units: Units;
  userData?: UserDataController;
}

/** The analyst panel, while the page's own data includes an event dataset. */
export function renderEvents({ texts, units, userData }: EventParts) {
  const analysis = userData?.analysis;
  if (analysis?.dataset) void import('./strike-map-events.ts'); // the panel loads with the first event dataset
  return analysis?.dataset
    ? html`<strike-map-events
        part="events"
        .texts=${texts}
        .units=${units}
        .analysed=${analysis.dataset}
        .selection=${analysis.selection}
        @selection-change=${(e: CustomEvent<EventSelection>) => analysis.select(e.detail)}
        @feature-show=${(e: CustomEvent<{ layerId: string; index: number }>) => userData!.show(e.detail.layerId, e.detail.index)}
      ></strike-map-events>`
    : '';
}

export interface TableParts {
  texts: Texts;
  language: LanguageController;
  userData?: UserDataController;
  /** Reads files the reader chose (loading the page's-own-data code first). */
  addFiles(files: File[]): void;
  strikes: StrikeFeature[];
  index?: BorderIndex;
  units: Units;
  selectedId: string | null;
  select(id: string): void;
  export(kind: ExportKind): void;
}

export function renderTable({ texts, language, userData, addFiles, strikes, index, units, selectedId, select, export: exportAs }: TableParts) {
  return html`<strike-map-table
    part="table"
    .texts=${texts}
    .content=${language.content}
    .strikes=${strikes}
    .index=${index}
    .units=${units}
    .selectedId=${selectedId}
    .dropped=${userData?.dropped ?? []}
    .ownLayers=${userData?.tableLayers ?? []}
    @feature-show=${(e: CustomEvent<{ layerId: string; index: number }>) => userData?.show(e.detail.layerId, e.detail.index)}
    @row-select=${(e: CustomEvent<string>) => select(e.detail)}
    @files-chosen=${(e: CustomEvent<File[]>) => addFiles(e.detail)}
    @dropped-remove=${(e: CustomEvent<string>) => userData?.removeDropped(e.detail)}
    @export=${(e: CustomEvent<ExportKind>) => exportAs(e.detail)}
  ></strike-map-table>`;
}
