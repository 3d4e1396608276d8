/**
 * Keeps the shareable state of a <strike-map hash> in the page URL: the view, the selected site,
 * the timeline day, the language chosen and the analyst panel's selection. The URL is read once per attachment (a map re-created after a release keeps
 * its live state) and written as the reader moves, selects or changes the day.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Map as MlMap } from 'maplibre-gl';
import { readHash, writeHash } from './hash-state.ts';
import type { Lang } from '../i18n/lang.ts';
import type { SavedEvents } from './hash-state.ts';

export interface HashTarget {
  enabled(): boolean;
  map(): MlMap | undefined;
  selectedId(): string | null;
  day(): string | null;
  setDay(day: string | null): void;
  select(id: string | null, options: { fly: boolean }): void;
  /** The language set on the element itself, or null when it follows the page or browser. */
  lang(): Lang | null;
  setLang(lang: Lang): void;
  /** The analyst panel's selection: as the URL keeps it (null: none, or the whole dataset), and restored from it. */
  events: { readonly forUrl: SavedEvents | null; restore(saved: SavedEvents): void };
}

export class HashController implements ReactiveController {
  private restored = false;
  /** A site saved in the URL, opened once the map is drawn. */
  private pendingSite?: { id: string; fly: boolean };
  /** The site, day and language last written, so the URL is written again only when they change. */
  private written = '';
  private writtenEvents = 'null';
  private pending?: ReturnType<typeof setTimeout>;

  constructor(
    host: ReactiveControllerHost,
    private target: HashTarget,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    if (this.state() !== this.written) return this.save();
    if (JSON.stringify(this.target.events.forUrl) === this.writtenEvents) return;
    // Brushing and playing change the events' period many times a second; browsers refuse
    // history updates that come that fast, so those wait until the reader pauses.
    clearTimeout(this.pending);
    this.pending = setTimeout(() => this.save(), 300);
  }

  hostDisconnected(): void {
    window.removeEventListener('hashchange', this.onHashChange);
    clearTimeout(this.pending);
    this.restored = false;
  }

  /** On a newly loaded map: applies the saved view and day the first time, and keeps the URL in step with the view. */
  attach(map: MlMap): void {
    map.on('moveend', () => this.save());
    if (!this.target.enabled() || this.restored) return;
    this.restored = true;
    window.addEventListener('hashchange', this.onHashChange);
    const saved = readHash(location.hash);
    if (saved?.view) map.jumpTo(saved.view);
    if (saved?.day !== undefined) this.target.setDay(saved.day);
    if (saved?.lang) this.target.setLang(saved.lang);
    if (saved?.events) this.target.events.restore(saved.events);
    // Without a saved view, the site flies into view.
    if (saved?.site) this.pendingSite = { id: saved.site, fly: !saved.view };
  }

  /** Once the map is drawn: opens the site saved in the URL. */
  openSavedSite(): void {
    if (this.pendingSite) this.target.select(this.pendingSite.id, { fly: this.pendingSite.fly });
    this.pendingSite = undefined;
  }

  /** Writes the current view, site and day into the URL (when the element has `hash`). */
  save(): void {
    const map = this.target.map();
    if (!map || !this.target.enabled()) return;
    clearTimeout(this.pending);
    this.written = this.state();
    this.writtenEvents = JSON.stringify(this.target.events.forUrl);
    const view = { center: map.getCenter().toArray() as [number, number], zoom: map.getZoom() };
    history.replaceState(null, '', writeHash(location.hash, { view, site: this.target.selectedId(), day: this.target.day(), lang: this.target.lang() ?? undefined, events: this.target.events.forUrl }));
  }

  /** The site, day and language, as one string to compare. */
  private state(): string {
    return `${this.target.selectedId()} ${this.target.day()} ${this.target.lang()}`;
  }

  private onHashChange = (): void => {
    const saved = readHash(location.hash);
    if (saved?.site !== undefined && saved.site !== this.target.selectedId()) this.target.select(saved.site, { fly: false });
  };
}
