/**
 * Keeps the shareable state of a <strike-map hash> in the page URL: the view, the selected site,
 * the timeline day and the language chosen. The URL is read once per attachment (a map re-created after a release keeps
 * its live state) and written as the reader moves, selects or changes the day.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Map as MlMap } from 'maplibre-gl';
import { readHash, writeHash } from './hash-state.ts';
import type { Lang } from '../i18n/lang.ts';

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
}

export class HashController implements ReactiveController {
  private restored = false;
  /** A site saved in the URL, opened once the map is drawn. */
  private pendingSite?: { id: string; fly: boolean };
  /** The site and day last written, so the URL is written again only when they change. */
  private written = '';

  constructor(
    host: ReactiveControllerHost,
    private target: HashTarget,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    const now = `${this.target.selectedId()} ${this.target.day()} ${this.target.lang()}`;
    if (now !== this.written) this.save();
  }

  hostDisconnected(): void {
    window.removeEventListener('hashchange', this.onHashChange);
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
    this.written = `${this.target.selectedId()} ${this.target.day()} ${this.target.lang()}`;
    const view = { center: map.getCenter().toArray() as [number, number], zoom: map.getZoom() };
    history.replaceState(null, '', writeHash(location.hash, { view, site: this.target.selectedId(), day: this.target.day(), lang: this.target.lang() ?? undefined }));
  }

  private onHashChange = (): void => {
    const saved = readHash(location.hash);
    if (saved?.site !== undefined && saved.site !== this.target.selectedId()) this.target.select(saved.site, { fly: false });
  };
}
