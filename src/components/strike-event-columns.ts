/**
 * <strike-event-columns>: asks which columns of a dropped CSV hold an event's date, end, uncertainty,
 * type, actors and place, when the file is in no convention the map knows and its columns leave
 * room for doubt (src/data/event-columns.ts guesses, and preselects its guess). A modal dialog:
 * focus stays in it, Escape cancels. Column names are shown as text only.
 */
import { LitElement, html, css, nothing } from 'lit';
import { property, query } from 'lit/decorators.js';
import { customElement } from './define.ts';
import { controlStyles } from './shared-styles.ts';
import { english, type MessageKey } from '../i18n/texts.ts';
import { UNSTATED_UNCERTAINTY_KM, type ColumnMapping } from '../data/events.ts';
import type { ColumnGuess } from '../data/event-columns.ts';

/** The reader's answer: the columns, `null` for plain points, `undefined` for not reading the file. */
export type ColumnAnswer = ColumnMapping | null | undefined;

/**
 * @summary Dialog mapping a CSV's columns to an event's fields.
 * @event answer - `detail.mapping`: the chosen columns, null (read as plain points) or undefined (cancelled).
 */
@customElement('strike-event-columns')
export class StrikeEventColumns extends LitElement {
  static styles = [
    controlStyles,
    css`
      dialog {
        max-width: min(30rem, calc(100vw - 32px));
        border: 1px solid var(--_line);
        border-radius: 8px;
        background: var(--_bg);
        color: var(--_fg);
        padding: 16px;
      }
      dialog::backdrop {
        background: rgb(0 0 0 / 0.35);
      }
      h2 {
        font-size: 1.05rem;
        margin: 0 0 6px;
        overflow-wrap: anywhere;
      }
      p {
        margin: 0 0 12px;
        color: var(--_muted);
      }
      .fields {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 6px 10px;
        align-items: center;
      }
      select {
        min-width: 0;
        max-width: 100%;
        font: inherit;
      }
      button.primary {
        background: var(--_accent);
        border-color: var(--_accent);
        color: var(--_bg);
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
        justify-content: flex-end;
        margin-top: 14px;
      }
    `,
  ];

  @property({ attribute: false }) fileName = '';
  @property({ attribute: false }) guess?: ColumnGuess;
  @property({ attribute: false }) texts = english;
  @query('dialog') private dialog!: HTMLDialogElement;
  @query('form') private form!: HTMLFormElement;

  protected firstUpdated(): void {
    this.dialog.showModal();
  }

  render() {
    const guess = this.guess;
    if (!guess) return nothing;
    const t = this.texts;
    const { mapping } = guess;
    const field = (name: string, label: MessageKey, columns: readonly string[], chosen: string | undefined, none?: string) => html`
      <label for=${name}>${t.t(label)}</label>
      <select id=${name} name=${name}>
        ${none === undefined ? nothing : html`<option value="" ?selected=${chosen === undefined}>${none}</option>`}
        ${columns.map((column) => html`<option .value=${column} ?selected=${column === chosen}>${column}</option>`)}
      </select>`;
    const none = t.t('columnsNone');
    return html`<dialog aria-labelledby="title" aria-describedby="intro" @cancel=${(e: Event) => this.answer(e, undefined)}>
      <form method="dialog" @submit=${(e: SubmitEvent) => this.answer(e, this.chosen())}>
        <h2 id="title">${t.t('columnsTitle', { name: this.fileName })}</h2>
        <p id="intro">${t.t('columnsIntro')}</p>
        <div class="fields">
          ${field('date', 'columnsDate', guess.dateColumns, mapping.date)}
          ${field('date_end', 'columnsEnd', guess.dateColumns, mapping.date_end, none)}
          ${field('uncertainty_km', 'columnsUncertainty', guess.numberColumns, mapping.uncertainty_km, t.t('columnsNoUncertainty', { km: t.number(UNSTATED_UNCERTAINTY_KM) }))}
          ${field('type', 'columnsType', guess.header, mapping.type, none)}
          ${field('actor1', 'columnsActor', guess.header, mapping.actors?.[0], none)}
          ${field('actor2', 'columnsActor2', guess.header, mapping.actors?.[1], none)}
          ${field('place', 'columnsPlace', guess.header, mapping.place, none)}
        </div>
        <div class="actions">
          <button type="button" @click=${(e: Event) => this.answer(e, undefined)}>${t.t('cancelReading')}</button>
          <button type="button" @click=${(e: Event) => this.answer(e, null)}>${t.t('columnsPoints')}</button>
          <button type="submit" class="primary">${t.t('columnsEvents')}</button>
        </div>
      </form>
    </dialog>`;
  }

  /** The mapping the selects show. */
  private chosen(): ColumnMapping {
    const value = (name: string) => (this.form.elements.namedItem(name) as HTMLSelectElement).value || undefined;
    const actors = [value('actor1'), value('actor2')].filter((a): a is string => a !== undefined);
    const mapping: ColumnMapping = { date: value('date')! };
    for (const key of ['date_end', 'uncertainty_km', 'type', 'place'] as const) {
      const column = value(key);
      if (column) mapping[key] = column;
    }
    if (actors.length) mapping.actors = actors;
    return mapping;
  }

  private answer(event: Event, mapping: ColumnAnswer): void {
    event.preventDefault();
    this.dialog.close();
    this.dispatchEvent(new CustomEvent('answer', { detail: { mapping } }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'strike-event-columns': StrikeEventColumns;
  }
}
