/**
 * The life of one element's MapLibre map: created when the element first comes into view, freed
 * (with a snapshot) when the page holds too many WebGL contexts, re-created when it returns, and
 * removed on disconnect. Owns the `ready` promise and the start-up failure message.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Map as MlMap } from 'maplibre-gl';
import { claimSlot, freeSlot, touchSlot, type BudgetedMap } from './map-budget.ts';

export interface MapView {
  center: [number, number];
  zoom: number;
}

/** What the element does at each step; the controller decides when. */
export interface MapSteps {
  /** Loads what the map needs (data, a base style) before it can be created. */
  prepare(signal: AbortSignal): Promise<void>;
  /** Creates the map in the element, at `view` if there is one to restore. */
  create(view: MapView | undefined): MlMap;
  /** The style has loaded: draw the element's state on the new map. */
  loaded(map: MlMap): void;
  /** The map is drawn and idle. */
  ready(map: MlMap): void;
  /** The map could not start; the message says why. */
  failed(message: string): void;
  /** The map is gone (released, failed or disconnected). */
  removed(): void;
}

export class MapLifecycle implements ReactiveController, BudgetedMap {
  map?: MlMap;
  /** True while the element intersects the viewport (maps are created only then). */
  visible = false;
  /** A picture of the map while its WebGL context is released. */
  snapshot?: string;
  /** Why the map could not start ('' while it has not failed). */
  failure = '';
  private savedView?: MapView;
  private abort?: AbortController;
  private intersection?: IntersectionObserver;
  private observing = false;
  private deferred = createDeferred();

  constructor(
    private host: ReactiveControllerHost & HTMLElement & { hasUpdated: boolean },
    private steps: MapSteps,
  ) {
    host.addController(this);
  }

  /** Resolves once the map has loaded and is idle; rejects if it cannot start or is removed first. */
  get ready(): Promise<void> {
    return this.deferred.promise;
  }

  hostConnected(): void {
    if (this.host.hasUpdated) this.observeVisibility();
  }

  hostUpdated(): void {
    if (!this.observing) this.observeVisibility(); // the first render made the map's container
  }

  hostDisconnected(): void {
    this.intersection?.disconnect();
    this.observing = false;
    this.visible = false;
    freeSlot(this);
    this.savedView = undefined;
    this.snapshot = undefined;
    this.stop();
  }

  /** Frees the WebGL context while off-screen, keeping a snapshot and the view for when it returns. */
  release(): void {
    const map = this.map;
    if (!map) return;
    map.redraw(); // draw now, so the canvas still holds the frame when it is read
    this.snapshot = map.getCanvas().toDataURL('image/png');
    this.savedView = { center: map.getCenter().toArray() as [number, number], zoom: map.getZoom() };
    this.stop();
    this.host.requestUpdate();
  }

  /** A new map from scratch (a different base style), forgetting the current view. */
  restart(): void {
    this.savedView = undefined;
    this.stop();
    void this.start();
  }

  private observeVisibility(): void {
    this.observing = true;
    if (!('IntersectionObserver' in window)) {
      this.visible = true;
      void this.start();
      return;
    }
    // Also fires when a hidden tab or <details> around the element opens.
    this.intersection = new IntersectionObserver(
      ([entry]) => {
        this.visible = entry.isIntersecting;
        if (!this.visible) return;
        if (this.map || this.abort) touchSlot(this);
        else void this.start();
      },
      { rootMargin: '200px' },
    );
    this.intersection.observe(this.host);
  }

  private async start(): Promise<void> {
    if (this.map || this.abort) return;
    this.failure = ''; // a new attempt: an earlier failure no longer applies
    const abort = (this.abort = new AbortController());
    const deferred = this.deferred;
    try {
      await this.steps.prepare(abort.signal);
      if (abort.signal.aborted) return;
      claimSlot(this);
      const map = (this.map = this.steps.create(this.savedView));
      await whenLoaded(map);
      this.steps.loaded(map);
      await new Promise<void>((resolve) => map.once('idle', () => resolve()));
      if (abort.signal.aborted) return;
      this.snapshot = undefined;
      this.steps.ready(map);
      deferred.resolve();
      this.host.dispatchEvent(new CustomEvent('strike-map-ready', { detail: { map }, bubbles: true, composed: true }));
    } catch (error) {
      if (abort.signal.aborted) return;
      const message = error instanceof Error ? error.message : String(error);
      this.failure = message;
      this.removeMap();
      freeSlot(this);
      this.steps.failed(message);
      deferred.reject(new Error(`strike-map could not start: ${message}`));
    }
  }

  private stop(): void {
    this.abort?.abort();
    this.abort = undefined;
    this.removeMap();
    // Whoever still waits for this map learns that it will not come; the next map gets a new promise.
    this.deferred.reject(new DOMException('The map was removed before it was ready.', 'AbortError'));
    this.deferred = createDeferred();
  }

  private removeMap(): void {
    if (!this.map) return;
    // map.remove() frees the WebGL context (MapLibre calls WEBGL_lose_context) and removes the controls.
    this.map.remove();
    this.map = undefined;
    this.steps.removed();
  }
}

/** Resolves on the map's first `load`; rejects on the errors that mean it never will. */
function whenLoaded(map: MlMap): Promise<void> {
  return new Promise((resolve, reject) => {
    const failure = map.on('error', ({ error }) => {
      if (!map.loaded() && /worker|webgl|style/i.test(error?.message ?? '')) reject(error);
    });
    map.once('load', () => {
      failure.unsubscribe();
      resolve();
    });
  });
}

function createDeferred() {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
  promise.catch(() => {}); // callers who await `ready` still see the rejection
  return { promise, resolve, reject };
}
