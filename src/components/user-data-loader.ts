/**
 * The page's own data on a <strike-map>, loaded when there is some: most pages have none, so the
 * code that reads, draws and analyses it (UserDataController, <strike-map-layer>, the event
 * conventions and statistics) stays out of the start-up JavaScript until a <strike-map-layer>
 * child appears or the reader drops or chooses a file.
 */
import { html, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { UserDataController, UserDataTarget } from './user-data-controller.ts';
import type { SavedEvents } from './hash-state.ts';
import { problemOf } from '../data/problems.ts';

export class UserDataLoader implements ReactiveController {
  /** The controller, once loaded. */
  controller?: UserDataController;
  private loading?: Promise<UserDataController | undefined>;
  private mapReady = false;
  /** A selection of events from the URL, handed to the controller when it loads. */
  private saved?: SavedEvents;
  /** Names of files dropped or chosen while the controller's code downloads: shown as being opened. */
  private opening: string[] = [];
  private observer = new MutationObserver(() => this.loadIfLayers());

  constructor(
    private host: ReactiveControllerHost & HTMLElement,
    private target: UserDataTarget,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('dragover', this.onDragOver);
    this.host.addEventListener('drop', this.onDrop);
    if (!this.loading) this.observer.observe(this.host, { childList: true });
    this.loadIfLayers();
  }

  hostDisconnected(): void {
    this.host.removeEventListener('dragover', this.onDragOver);
    this.host.removeEventListener('drop', this.onDrop);
    this.observer.disconnect();
  }

  /** Reads dropped or chosen files (loading the controller first). */
  async addFiles(files: Iterable<File>): Promise<void> {
    const list = [...files];
    if (!this.controller && list.length) this.setOpening(list.map((file) => file.name));
    const controller = await this.load();
    this.setOpening([]);
    await controller?.addFiles(list);
  }

  /** What the page's own data shows over the map: the controller's cards and progress, or the files waiting for its code. */
  renderOverlay() {
    if (this.controller) return this.controller.renderOverlay();
    if (!this.opening.length) return '';
    const texts = this.target.texts();
    return html`<div class="reading opening" role="status"><label>${texts.t('openingFiles', { names: texts.list(this.opening) })} <progress></progress></label></div>`;
  }

  onMapReady(): void {
    this.mapReady = true;
    this.controller?.onMapReady();
  }

  onMapRemoved(): void {
    this.mapReady = false;
    this.controller?.onMapRemoved();
  }

  /** The analyst panel's selection as the URL keeps it (null while there is no dataset). */
  get forUrl(): SavedEvents | null {
    return this.controller?.analysis.forUrl ?? null;
  }

  /** A selection read from the URL: the controller applies it when its dataset arrives. */
  restore(saved: SavedEvents): void {
    if (this.controller) this.controller.analysis.restore(saved);
    else this.saved = saved;
  }

  private setOpening(names: string[]): void {
    if (!names.length && !this.opening.length) return;
    this.opening = names;
    this.host.requestUpdate();
  }

  private loadIfLayers(): void {
    if (this.host.querySelector(':scope > strike-map-layer')) void this.load();
  }

  /** Loads the controller (once; again after a failed download), saying so on the map if it cannot. */
  private load(): Promise<UserDataController | undefined> {
    this.loading ??= import('./user-data-controller.ts').then(
      ({ UserDataController }) => {
        this.observer.disconnect(); // the controller watches the children from now on
        const controller = (this.controller = new UserDataController(this.host, this.target));
        if (this.saved) controller.analysis.restore(this.saved);
        if (this.mapReady) controller.onMapReady(); // draws the layers on the map there already is
        this.host.requestUpdate();
        return controller;
      },
      (error) => {
        this.loading = undefined;
        this.target.notice(this.target.texts().problem(problemOf(error)), '');
        return undefined;
      },
    );
    return this.loading;
  }

  private onDragOver = (event: DragEvent): void => {
    if (event.dataTransfer?.types.includes('Files')) {
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    }
  };

  private onDrop = (event: DragEvent): void => {
    if (!event.dataTransfer?.files.length) return;
    event.preventDefault();
    void this.addFiles(event.dataTransfer.files);
  };
}
