/**
 * <strike-map>: one MapLibre map in a shadow root, showing the January 2024 Iran–Pakistan strikes
 * over an offline basemap, with the story's UI (legend, timeline, measuring, strike cards, table).
 */
import { LitElement, html, unsafeCSS, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { Map as MlMap, AttributionControl, NavigationControl, ScaleControl, FullscreenControl, type StyleSpecification } from 'maplibre-gl';
import type { Feature, LineString } from 'geojson';
import maplibreCss from 'maplibre-gl/dist/maplibre-gl.css?inline';
import { configureWorker } from '../map/worker.ts';
import { palettes, type Palette } from '../map/palette.ts';
import { builtinLayers, builtinSources, layerGroups, hiddenByDefault, type LayerGroup } from '../map/layers.ts';
import { buildStyle, ATTRIBUTION } from '../map/style.ts';
import { addIcons } from '../map/icons.ts';
import { loadBuiltinData } from '../data/builtin.ts';
import { fetchJson } from '../data/fetch-json.ts';
import { labelPoints, uncertaintyDiscs, withStrikeLabels } from '../data/prepare.ts';
import type { BuiltinData, StrikeFeature } from '../data/types.ts';
import { BorderIndex, formatDistance, type Units } from '../geo/index.ts';
import { strikeMapStyles } from './strike-map.styles.ts';
import { readHash, writeHash } from './hash-state.ts';
import { strikeFilter, strikeShown, type StrikeFilterState } from '../map/filters.ts';
import { bandLabel } from '../map/layers.ts';
import { UserDataController } from './user-data-controller.ts';
import { setUserLayerVisible } from '../map/user-layers.ts';
import { bbox } from '@turf/turf';
import type { FeatureCollection } from 'geojson';
import { claimSlot, freeSlot, touchSlot, type BudgetedMap } from './map-budget.ts';
import './strike-map-inset.ts';
import './strike-map-layer.ts';
import './strike-map-legend.ts';
import './strike-map-timeline.ts';
import './strike-map-measure.ts';

export type Theme = 'light' | 'dark' | 'auto';

/** Detail of `strike-map-select`: the chosen strike id, or null when the card closes. */
export interface SelectDetail {
  id: string | null;
  feature: StrikeFeature | null;
}
/** Detail of `strike-map-error`. */
export interface ErrorDetail {
  message: string;
  source?: string;
}

/** Both provinces on a wide map; on a phone, the border and the strike sites (the provinces would leave them tiny). */
const HOME_BOUNDS: [[number, number], [number, number]] = [[58.8, 24.6], [70.3, 32.2]];
const NARROW_HOME_BOUNDS: [[number, number], [number, number]] = [[60.6, 24.9], [66.2, 30.0]];

/**
 * @summary The strike map: border, provinces, strike sites with uncertainty, timeline and measuring.
 * @slot - `<strike-map-layer>` elements adding the page's own GeoJSON.
 * @event strike-map-ready - the style, built-in layers and data have loaded and the map is idle. Detail: `{ map }`.
 * @event strike-map-select - a strike was selected or the card closed. Detail: `SelectDetail`.
 * @event strike-map-measure - a measurement was made. Detail: `MeasureDetail`.
 * @event strike-map-error - something could not be loaded or shown. Detail: `ErrorDetail`.
 * @csspart map - the map container.
 * @csspart panel - the side panel with legend and timeline.
 * @csspart card - the strike card.
 * @csspart table - the table view.
 * @csspart snapshot - the still picture shown while an off-screen map is released to save WebGL contexts.
 * @cssproperty --strike-map-height - height of the element when no height is set (default 560px).
 * @cssproperty --strike-map-font - font family of the UI.
 * @cssproperty --strike-map-accent - accent colour of buttons and focus rings.
 */
@customElement('strike-map')
export class StrikeMap extends LitElement implements BudgetedMap {
  static styles = [unsafeCSS(maplibreCss), strikeMapStyles];

  /** Initial centre as "lon,lat"; defaults to a view of both provinces. */
  @property() center?: string;
  /** Initial zoom level. */
  @property({ type: Number }) zoom?: number;
  /** Colour theme; `auto` follows the reader's system setting. */
  @property({ reflect: true }) theme: Theme = 'auto';
  /** `offline` (built-in basemap) or the URL of a MapLibre style to draw under our layers. */
  @property() basemap = 'offline';
  /** Units for distances: `km`, `mi` or `nmi`. */
  @property() units: Units = 'km';
  /** Keep view, selection and timeline day in the page URL's hash. */
  @property({ type: Boolean }) hash = false;
  /** Which built-in layers appear: `all`, `none`, or a space-separated list of legend groups. */
  @property() builtin = 'all';

  /** The MapLibre map, once created (undefined while the element is detached). */
  map?: MlMap;

  @state() protected data?: BuiltinData;
  @state() protected selectedId: string | null = null;
  @state() protected day: string | null = null;
  @state() protected hiddenGroups = new Set<LayerGroup>(hiddenByDefault);
  @state() protected showContext = false;
  /** The page's own layers the reader switched off in the legend. */
  @state() protected hiddenUserLayers = new Set<string>();
  /** Attackers whose strikes the reader switched off in the legend. */
  @state() protected hiddenAttackers = new Set<'IR' | 'PK'>();
  @state() protected announcement = '';
  @state() protected notices: string[] = [];
  @state() protected failed = '';
  @state() protected resolvedTheme: 'light' | 'dark' = 'light';
  /** True while a map is ready on screen (drives the parts that need a live map). */
  @state() protected live = false;

  /** A feature of the page's own data that the reader clicked. */
  @state() protected userFeature?: { layer: string; properties: Record<string, unknown>; distance: string };

  private userData = new UserDataController(this);
  /** A picture of the map while its WebGL context is released (see map-budget.ts). */
  @state() protected snapshot?: string;
  /** True while the element is on screen; maps are created only then. */
  visible = false;
  private savedView?: { center: [number, number]; zoom: number };
  private ringedDay: string | null = null;
  private hashRestored = false;
  private intersection?: IntersectionObserver;
  private deferred = createDeferred();
  private abort?: AbortController;
  private darkQuery = matchMedia('(prefers-color-scheme: dark)');
  private borderIndex?: BorderIndex;

  /** Resolves once the style, built-in layers and data have loaded and the map is idle. */
  get ready(): Promise<void> {
    return this.deferred.promise;
  }

  /** The palette in use, for child components that draw on the map. */
  get palette(): Palette {
    return palettes[this.resolvedTheme];
  }

  /** Great-circle distance from a point to the Iran–Pakistan border, and the border point nearest to it. */
  async distanceToBorder(lonLat: [number, number]): Promise<{ km: number; point: [number, number]; side: 'IR' | 'PK' | null }> {
    // Pure geometry: needs the data, not a map (works off-screen and without WebGL).
    this.adopt(await loadBuiltinData());
    const index = this.getBorderIndex()!;
    return { ...index.nearest(lonLat), side: index.side(lonLat) };
  }

  /** Keeps the built-in data (once), with the short map labels of the strikes added, in date order. */
  private adopt(data: BuiltinData): void {
    if (this.data) return;
    const strikes = withStrikeLabels(data.strikes);
    // Sorted once here: the table, keyboard stepping and filters all read them in date order.
    strikes.features.sort((a, b) => a.properties.time_utc.localeCompare(b.properties.time_utc));
    this.data = { ...data, strikes };
  }

  /** The border index of the built-in data (built on first use). */
  getBorderIndex(): BorderIndex | undefined {
    if (!this.data) return undefined;
    this.borderIndex ??= BorderIndex.fromGeoJSON(this.data.border, this.data.provinces);
    return this.borderIndex;
  }

  /** Strike features (with labels) in date order. */
  get strikes(): StrikeFeature[] {
    return this.data?.strikes.features ?? [];
  }

  private filterState(): StrikeFilterState {
    return { day: this.day, showContext: this.showContext, hiddenAttackers: [...this.hiddenAttackers] };
  }

  /** Strikes the reader can currently see (timeline day and context toggle applied). */
  get visibleStrikes(): StrikeFeature[] {
    const state = this.filterState();
    return this.strikes.filter((f) => strikeShown(f.properties, state));
  }

  connectedCallback(): void {
    super.connectedCallback();
    this.darkQuery.addEventListener('change', this.onSchemeChange);
    this.addEventListener('keydown', this.onHostKey);
    this.onSchemeChange();
    void loadBuiltinData().catch(() => {}); // start the download now; the map waits until it is on screen
    if (this.hasUpdated) this.observeVisibility();
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.darkQuery.removeEventListener('change', this.onSchemeChange);
    this.removeEventListener('keydown', this.onHostKey);
    window.removeEventListener('hashchange', this.onHashChange);
    this.intersection?.disconnect();
    this.visible = false;
    freeSlot(this);
    this.savedView = undefined;
    this.snapshot = undefined;
    this.hashRestored = false;
    this.stop();
  }

  protected firstUpdated(): void {
    this.observeVisibility();
  }

  /** Creates the map when the element first comes into view (also when a hidden tab or <details> opens). */
  private observeVisibility(): void {
    if (!('IntersectionObserver' in window)) {
      this.visible = true;
      void this.start();
      return;
    }
    this.intersection = new IntersectionObserver(
      ([entry]) => {
        this.visible = entry.isIntersecting;
        if (!this.visible) return;
        if (this.map || this.abort) touchSlot(this);
        else void this.start();
      },
      { rootMargin: '200px' },
    );
    this.intersection.observe(this);
  }

  /** Frees the WebGL context while off-screen, keeping a snapshot and the view for when it returns. */
  release(): void {
    const map = this.map;
    if (!map) return;
    map.redraw(); // draw now, so the canvas still holds the frame when it is read
    this.snapshot = map.getCanvas().toDataURL('image/png');
    const { lng, lat } = map.getCenter();
    this.savedView = { center: [lng, lat], zoom: map.getZoom() };
    this.stop();
  }

  protected willUpdate(changed: PropertyValues): void {
    if (changed.has('units') && !['km', 'mi', 'nmi'].includes(this.units)) {
      this.reportError(`units="${this.units}" is not one of km, mi, nmi; showing km.`);
      this.units = 'km';
    }
    if (changed.has('theme') && !['light', 'dark', 'auto'].includes(this.theme)) this.theme = 'auto';
    if (changed.has('theme')) this.onSchemeChange();
    if (changed.has('resolvedTheme')) this.dataset.theme = this.resolvedTheme;
  }

  protected updated(changed: PropertyValues): void {
    if (changed.has('basemap') && changed.get('basemap') !== undefined && this.map) {
      this.restart(); // a different base style means a new map
      return;
    }
    if (!this.map || !this.data) return;
    if (changed.has('resolvedTheme') && changed.get('resolvedTheme')) this.applyTheme();
    if (changed.has('center') || changed.has('zoom')) this.applyView();
    if (changed.has('units')) this.map.setLayoutProperty('bands-label', 'text-field', bandLabel(this.units));
    if (['day', 'showContext', 'hiddenGroups', 'hiddenAttackers', 'builtin'].some((key) => changed.has(key))) this.applyFilters();
    if (changed.has('selectedId')) this.applySelection(changed.get('selectedId') ?? null);
    if (this.hash && (changed.has('day') || changed.has('selectedId'))) this.saveHash();
  }

  /** Selects a strike by id (null closes the card), announcing it and moving the map to it. */
  select(id: string | null, { fly = true } = {}): void {
    const feature = id ? this.strikes.find((f) => f.properties.id === id) ?? null : null;
    if (feature) void import('./strike-card.ts'); // cards load on first use, keeping start-up small
    if (feature && !this.selectedId) this.opener = deepActiveElement(this.shadowRoot);
    if (feature) this.userFeature = undefined; // one card at a time
    this.selectedId = feature ? id : null;
    if (feature) {
      this.announcement = `Selected: ${feature.properties.place}, ${feature.properties.date}. Uncertainty ${feature.properties.uncertainty_km} km.`;
      if (fly && this.map) {
        // On a small map the sites sit close together: come in close enough to tell them apart.
        const narrow = this.map.getContainer().clientWidth < 480;
        const zoom = narrow ? Math.max(this.map.getZoom(), 6) : this.map.getZoom();
        this.map.easeTo({ center: feature.geometry.coordinates as [number, number], zoom, padding: this.cardPadding(), duration: prefersReducedMotion() ? 0 : 600 });
      }
    } else {
      this.announcement = 'Card closed.';
    }
    this.emit<SelectDetail>('strike-map-select', { id: this.selectedId, feature });
  }

  /** Shows the story up to and including `day` (YYYY-MM-DD), or everything with null. */
  setDay(day: string | null): void {
    this.day = day;
  }

  setGroupVisible(group: LayerGroup, visible: boolean): void {
    this.hiddenGroups = withHidden(this.hiddenGroups, group, visible);
  }

  setShowContext(show: boolean): void {
    this.showContext = show;
    // The context strikes are in Iraq and Syria, far off the default view: bring them into it.
    if (show && this.map) this.fitTo({ type: 'FeatureCollection', features: this.strikes });
  }

  isUserLayerHidden(layerId: string): boolean {
    return this.hiddenUserLayers.has(layerId);
  }

  /** Shows or hides one of the page's own layers. */
  setUserLayerVisible(layerId: string, visible: boolean): void {
    this.hiddenUserLayers = withHidden(this.hiddenUserLayers, layerId, visible);
    if (this.map) setUserLayerVisible(this.map, layerId, visible);
  }

  /** Shows or hides the cross-border strikes launched by one country. */
  setAttackerVisible(attacker: 'IR' | 'PK', visible: boolean): void {
    this.hiddenAttackers = withHidden(this.hiddenAttackers, attacker, visible);
  }

  /** Says something to screen-reader users through the live region. */
  announce(text: string): void {
    this.announcement = text;
  }

  /** Moves the view to show a collection of features. */
  fitTo(collection: FeatureCollection): void {
    const [w, s, e, n] = bbox(collection);
    this.map?.fitBounds([[w, s], [e, n]], { padding: 48, maxZoom: 9, duration: prefersReducedMotion() ? 0 : 600 });
  }

  /** Shows a message inside the map and fires `strike-map-error`. */
  reportError(message: string, source?: string): void {
    this.notices = [...this.notices, message];
    this.emit<ErrorDetail>('strike-map-error', { message, source });
  }

  protected emit<T>(type: string, detail: T): void {
    this.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true, composed: true }));
  }

  private onSchemeChange = (): void => {
    this.resolvedTheme = this.theme === 'auto' ? (this.darkQuery.matches ? 'dark' : 'light') : this.theme;
  };

  private async start(): Promise<void> {
    if (this.map || this.abort) return;
    this.failed = ''; // a new attempt: an earlier failure no longer applies
    const abort = (this.abort = new AbortController());
    const deferred = this.deferred;
    try {
      const data = await loadBuiltinData(abort.signal);
      const base = this.basemap !== 'offline' ? await this.loadBaseStyle(abort.signal) : undefined;
      if (abort.signal.aborted) return;
      this.adopt(data);
      claimSlot(this);
      this.createMap(base);
      await this.whenLoaded(this.map!);
      // The URL is read once per attachment; a map re-created after a release keeps the live state.
      const restored = this.hash && !this.hashRestored ? this.restoreHash() : undefined;
      this.hashRestored = true;
      this.applyFilters();
      this.applySelection(null); // a re-created map starts without feature states
      this.map!.setLayoutProperty('bands-label', 'text-field', bandLabel(this.units));
      this.userData.onMapReady();
      await new Promise<void>((resolve) => this.map!.once('idle', () => resolve()));
      if (abort.signal.aborted) return;
      this.snapshot = undefined;
      this.live = true;
      loadTable();
      // The saved site opens once the map is drawn; without a saved view, it flies into view.
      if (restored?.site) this.select(restored.site, { fly: !restored.view });
      deferred.resolve();
      this.emit('strike-map-ready', { map: this.map });
    } catch (error) {
      if (abort.signal.aborted) return;
      const message = error instanceof Error ? error.message : String(error);
      this.failed = message;
      loadTable(); // the table is what readers get instead of the map
      this.removeMap();
      freeSlot(this);
      deferred.reject(new Error(`strike-map could not start: ${message}`));
      this.emit<ErrorDetail>('strike-map-error', { message });
    }
  }

  /** Moves the view when `center` or `zoom` change after the map has started. */
  private applyView(): void {
    const center = parseCenter(this.center);
    this.map!.jumpTo({ ...(center ? { center } : {}), ...(this.zoom !== undefined ? { zoom: this.zoom } : {}) });
  }

  private restart(): void {
    this.savedView = undefined;
    this.stop();
    void this.start();
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
    // map.remove() frees the WebGL context (MapLibre calls WEBGL_lose_context).
    this.map?.remove();
    this.map = undefined;
    this.live = false;
    this.ringedDay = null;
    this.userData.onMapRemoved();
  }

  private async loadBaseStyle(signal: AbortSignal): Promise<StyleSpecification | undefined> {
    try {
      return await fetchJson<StyleSpecification>(this.basemap, { signal, timeoutMs: 10_000 });
    } catch (error) {
      if (signal.aborted) throw error;
      this.reportError(`The online basemap could not be loaded, so the offline basemap is shown instead. (${(error as Error).message})`, this.basemap);
      return undefined;
    }
  }

  private createMap(base?: StyleSpecification): void {
    configureWorker();
    const container = this.renderRoot.querySelector<HTMLElement>('#map')!;
    const center = parseCenter(this.center);
    const view = this.savedView ?? (center || this.zoom !== undefined ? { center: center ?? [64.5, 28.3], zoom: this.zoom ?? 5 } : undefined);
    const map = new MlMap({
      container,
      style: this.composeStyle(base),
      ...(view ?? { bounds: container.clientWidth < 480 ? NARROW_HOME_BOUNDS : HOME_BOUNDS, fitBoundsOptions: { padding: { top: 56, bottom: 16, left: 16, right: 16 } } }),
      attributionControl: false,
      cooperativeGestures: true,
      dragRotate: false,
      pitchWithRotate: false,
      maxPitch: 0,
      locale: { 'CooperativeGesturesHandler.WindowsHelpText': 'Use Ctrl + scroll to zoom the map', 'CooperativeGesturesHandler.MacHelpText': 'Use ⌘ + scroll to zoom the map', 'CooperativeGesturesHandler.MobileHelpText': 'Use two fingers to move the map' },
    });
    map.touchZoomRotate.disableRotation();
    map.keyboard.disableRotation();
    map.addControl(new AttributionControl({ compact: false, customAttribution: ATTRIBUTION }), 'bottom-right');
    map.addControl(new ScaleControl({ unit: 'metric', maxWidth: 100 }), 'bottom-left');
    map.addControl(new ScaleControl({ unit: 'imperial', maxWidth: 100 }), 'bottom-left');
    map.addControl(new NavigationControl({ showCompass: true, visualizePitch: false }), 'top-right');
    map.addControl(new FullscreenControl({ container: this }), 'top-right');
    addIcons(map, this.palette); // before the style loads, so no symbol waits for its image
    map.on('error', (event) => console.warn('strike-map:', event.error?.message ?? event));
    map.getCanvas().setAttribute('aria-label', 'Map of the January 2024 Iran–Pakistan strikes. Arrow keys move between strike sites and open their cards; Escape closes a card; Shift and arrow keys pan; plus and minus zoom.');
    this.map = map;
    this.bindInteraction(map);
  }

  private composeStyle(base?: StyleSpecification): StyleSpecification {
    const data = this.data!;
    return buildStyle(builtinSources(data, uncertaintyDiscs(data.strikes), labelPoints(data.provinces), labelPoints(data.basemapCountries)), this.palette, base);
  }

  private whenLoaded(map: MlMap): Promise<void> {
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

  private bindInteraction(map: MlMap): void {
    const pickable = ['strikes-symbol', 'uncertainty-fill'];
    map.on('click', (event) => {
      if (this.renderRoot.querySelector('strike-map-measure')?.active) return;
      const hit = map.queryRenderedFeatures(event.point, { layers: pickable.filter((id) => map.getLayer(id)) });
      const strike = hit.find((f) => f.layer.id === 'strikes-symbol') ?? hit[0];
      if (strike) return this.select(String(strike.properties.id), { fly: false });
      this.userFeature = this.userFeatureAt(event.point);
      if (this.selectedId) this.select(null);
    });
    for (const layer of pickable) {
      map.on('mouseenter', layer, () => (map.getCanvas().style.cursor = 'pointer'));
      map.on('mouseleave', layer, () => (map.getCanvas().style.cursor = ''));
    }
    map.getCanvas().addEventListener('keydown', this.onMapKey, true);
    map.on('moveend', () => this.hash && this.saveHash());
  }

  private userFeatureAt(point: { x: number; y: number }): StrikeMap['userFeature'] {
    const map = this.map!;
    const layers = map.getStyle().layers.map((l) => l.id).filter((id) => /^(user|drop)-\d+-(fill|line|circle)$/.test(id));
    const [hit] = layers.length ? map.queryRenderedFeatures([point.x, point.y], { layers }) : [];
    if (!hit) return undefined;
    void import('./feature-card.ts');
    const name = this.userData.layerName(String(hit.source)) ?? 'Your data';
    const at = map.unproject([point.x, point.y]).toArray() as [number, number];
    const index = this.getBorderIndex()!;
    const km = index.nearest(at).km;
    return { layer: name, properties: hit.properties, distance: `${formatDistance(km, this.units)} from the border at the clicked point` };
  }

  /** Opens the card of one feature of the page's own layers and shows it (the table's "Show" buttons). */
  showUserFeature(layerId: string, index: number): void {
    const feature = this.userData.featuresOf(layerId)[index];
    if (!feature) return;
    void import('./feature-card.ts');
    this.opener = deepActiveElement(this.shadowRoot);
    if (this.selectedId) this.select(null);
    const at = feature.geometry?.type === 'Point' ? (feature.geometry.coordinates as [number, number]) : undefined;
    const km = at ? this.getBorderIndex()?.nearest(at).km : undefined;
    const name = this.userData.layerName(layerId) ?? 'Your data';
    this.userFeature = { layer: name, properties: feature.properties ?? {}, distance: km === undefined ? '' : `${formatDistance(km, this.units)} from the border` };
    this.announce(`${name}, feature ${index + 1} shown.`);
    this.fitTo({ type: 'FeatureCollection', features: [feature] });
  }

  private closeUserFeature = (): void => {
    this.userFeature = undefined;
    if (this.opener?.isConnected) this.opener.focus();
    this.opener = undefined;
  };

  /** Where the keyboard was when a card opened, to return there when it closes. */
  private opener?: HTMLElement;

  /** Closing the card puts the keyboard back where it was (a table row, or the map), not at the page's top. */
  private closeCard = (): void => {
    const back = this.opener?.isConnected ? this.opener : this.map?.getCanvas();
    this.select(null);
    back?.focus();
  };

  /** Arrow keys step through the visible strikes in date order; Enter opens, Escape closes. */
  private onMapKey = (event: KeyboardEvent): void => {
    if (this.renderRoot.querySelector('strike-map-measure')?.active) return;
    const sites = this.visibleStrikes;
    if (!sites.length) return;
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
    if (step && event.shiftKey) {
      // Shift + arrows pan (plain arrows belong to the strike sites).
      event.preventDefault();
      event.stopPropagation();
      const by = 100;
      const offsets: Record<string, [number, number]> = { ArrowRight: [by, 0], ArrowLeft: [-by, 0], ArrowUp: [0, -by], ArrowDown: [0, by] };
      this.map?.panBy(offsets[event.key], { duration: prefersReducedMotion() ? 0 : 200 });
    } else if (step && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      event.stopPropagation();
      const at = sites.findIndex((f) => f.properties.id === this.selectedId);
      const next = at < 0 ? (step > 0 ? 0 : sites.length - 1) : (at + step + sites.length) % sites.length;
      this.select(sites[next].properties.id);
    } else if (event.key === 'Enter') {
      // Enter selects the first site, or takes the keyboard into the open card.
      event.preventDefault();
      if (!this.selectedId) this.select(sites[0].properties.id);
      else (this.renderRoot.querySelector('strike-card') as HTMLElement | null)?.focus();
    }
  };

  /** Escape closes the card wherever the focus is inside the element (map, card, table, controls). */
  private onHostKey = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    const path = event.composedPath();
    // Escape in a text field belongs to the field.
    if (path[0] instanceof HTMLInputElement || path[0] instanceof HTMLTextAreaElement || path[0] instanceof HTMLSelectElement) return;
    if (this.selectedId) {
      event.preventDefault();
      // Focus goes back only if it was in the card or on the map; elsewhere it stays put.
      const fromCardOrMap = path.some((node) => node instanceof HTMLElement && (node.localName === 'strike-card' || node === this.map?.getCanvas()));
      if (fromCardOrMap) this.closeCard();
      else this.select(null);
    } else if (this.userFeature) {
      event.preventDefault();
      this.userFeature = undefined;
    }
  };

  /** Repaints our layers in the new palette; layers added by others (user layers) are left alone. */
  private applyTheme(): void {
    const map = this.map!;
    for (const layer of builtinLayers(this.palette, this.basemap === 'offline')) {
      if (!map.getLayer(layer.id) || !('paint' in layer) || !layer.paint) continue;
      for (const [key, value] of Object.entries(layer.paint)) map.setPaintProperty(layer.id, key as never, value as never);
    }
    addIcons(map, this.palette);
  }

  private applyFilters(): void {
    const map = this.map;
    if (!map?.isStyleLoaded()) return;
    const shown = this.shownGroups();
    for (const [group, ids] of Object.entries(layerGroups) as [LayerGroup, readonly string[]][]) {
      const visibility = shown.has(group) ? 'visible' : 'none';
      // Only real changes: setting even the same value makes MapLibre lay the labels out again.
      for (const id of ids) if (map.getLayer(id) && (map.getLayoutProperty(id, 'visibility') ?? 'visible') !== visibility) map.setLayoutProperty(id, 'visibility', visibility);
    }
    const filter = strikeFilter(this.filterState());
    for (const id of [...layerGroups.strikes, ...layerGroups.uncertainty]) map.setFilter(id, filter);
    // Ring the strikes of the chosen day, so the day's events stand out from earlier ones.
    if (this.day !== this.ringedDay) {
      for (const f of this.strikes) map.setFeatureState({ source: 'strikes', id: f.properties.id }, { today: f.properties.date === this.day });
      this.ringedDay = this.day;
    }
  }

  /** Legend groups on screen: the `builtin` attribute's choice minus what the reader switched off. */
  private shownGroups(): Set<LayerGroup> {
    const all = Object.keys(layerGroups) as LayerGroup[];
    const wanted = this.builtin.trim() === 'all' ? all : all.filter((g) => this.builtin.split(/\s+/).includes(g));
    return new Set(wanted.filter((g) => !this.hiddenGroups.has(g)));
  }

  private applySelection(previous: string | null): void {
    const map = this.map!;
    for (const source of ['strikes', 'uncertainty']) {
      if (previous) map.setFeatureState({ source, id: previous }, { selected: false });
      if (this.selectedId) map.setFeatureState({ source, id: this.selectedId }, { selected: true });
    }
  }

  /** Restores view and day from the URL; the caller opens the saved site once the map is drawn. */
  private restoreHash(): ReturnType<typeof readHash> {
    window.addEventListener('hashchange', this.onHashChange);
    const saved = readHash(location.hash);
    if (saved?.view) this.map!.jumpTo(saved.view);
    if (saved?.day !== undefined) this.day = saved.day;
    return saved;
  }

  private onHashChange = (): void => {
    const saved = readHash(location.hash);
    if (saved?.site !== undefined && saved.site !== this.selectedId) this.select(saved.site, { fly: false });
  };

  private saveHash(): void {
    const map = this.map;
    if (!map) return;
    const { lng, lat } = map.getCenter();
    history.replaceState(null, '', writeHash(location.hash, { view: { center: [lng, lat], zoom: map.getZoom() }, site: this.selectedId, day: this.day }));
  }

  /** The shipped border line as one feature (for buffer bands). */
  get borderFeature(): Feature<LineString> | undefined {
    const feature = this.data?.border.features[0];
    return feature?.geometry.type === 'LineString' ? (feature as Feature<LineString>) : undefined;
  }

  /** Map padding that keeps a selected site clear of its card (beside it when wide, above it when narrow). */
  private cardPadding(): { left: number; bottom: number; top: number; right: number } {
    const { clientWidth: width, clientHeight: height } = this.map!.getContainer();
    // Narrow: the card is a sheet over the lower 55 %, and the measuring bar takes the top ~60 px.
    return width >= 480 ? { left: Math.min(396, width / 2), top: 0, right: 0, bottom: 0 } : { left: 0, top: 60, right: 0, bottom: height * 0.55 };
  }

  /** Downloads the map as a captioned PNG, or the strike sites as GeoJSON or CSV. */
  async export(kind: 'png' | 'geojson' | 'csv'): Promise<void> {
    if (!this.data) return;
    const { download, mapPng, strikesCsv, strikesGeoJSON } = await import('./downloads.ts');
    if (kind === 'geojson') return download('strike-sites-2024-01.geojson', strikesGeoJSON(this.data.strikes));
    if (kind === 'csv') return download('strike-sites-2024-01.csv', strikesCsv(this.data.strikes));
    if (!this.map) return;
    const caption = `Iran–Pakistan strikes, January 2024${this.day ? ` (events up to ${this.day})` : ''} — strike-map`;
    const attribution = 'Boundaries © OpenStreetMap contributors (ODbL) · Natural Earth · strike locations are estimates, see sources';
    download('strike-map.png', await mapPng(this.map, caption, attribution, this.resolvedTheme === 'dark'));
  }

  protected render() {
    const selected = this.selectedId ? this.strikes.find((f) => f.properties.id === this.selectedId) : undefined;
    const index = this.data ? this.getBorderIndex() : undefined;
    return html`
      <div class="frame" data-theme=${this.resolvedTheme}>
        <button class="skip" type="button" @click=${() => (this.renderRoot.querySelector('strike-map-table') as HTMLElement | null)?.focus()}>Skip to the table of strike sites</button>
        <div class="map-area">
          <div id="map" part="map"></div>
          ${this.snapshot ? html`<img class="snapshot" part="snapshot" src=${this.snapshot} alt="Snapshot of the map; it comes back when scrolled into view." />` : ''}
          ${this.failed
            ? html`<div class="fallback" role="alert">
                <strong>The interactive map could not start.</strong>
                <span>${this.failed}</span>
                <span>The strike sites are listed in the table below.</span>
              </div>`
            : ''}
          <div class="notices">
            ${this.notices.map(
              (notice, i) => html`<div class="notice" role="alert">
                <span>${notice}</span>
                <button type="button" aria-label="Dismiss message" @click=${() => (this.notices = this.notices.filter((_, j) => j !== i))}>×</button>
              </div>`,
            )}
          </div>
          ${selected && index
            ? html`<strike-card
                part="card"
                .feature=${selected}
                .index=${index}
                .units=${this.units}
                @close=${this.closeCard}
              ></strike-card>`
            : ''}
          ${this.userFeature
            ? html`<strike-feature-card
                .layerName=${this.userFeature.layer}
                .properties=${this.userFeature.properties}
                .distance=${this.userFeature.distance}
                @close=${this.closeUserFeature}
              ></strike-feature-card>`
            : ''}
          <strike-map-measure .host=${this} .units=${this.units} .live=${this.live}></strike-map-measure>
          ${this.live && this.builtin.trim() === 'all' ? html`<strike-map-inset .map=${this.map} .countries=${this.data?.basemapCountries}></strike-map-inset>` : ''}
        </div>
        <div class="panel" part="panel">
          <strike-map-legend
            .hiddenGroups=${this.hiddenGroups}
            .showContext=${this.showContext}
            .builtin=${this.builtin}
            @legend-toggle=${(e: CustomEvent<{ group: LayerGroup; visible: boolean }>) => this.setGroupVisible(e.detail.group, e.detail.visible)}
            @context-toggle=${(e: CustomEvent<boolean>) => this.setShowContext(e.detail)}
            .hiddenAttackers=${this.hiddenAttackers}
            .userLayers=${this.userData.layers.map((layer) => ({ ...layer, visible: !this.hiddenUserLayers.has(layer.layerId) }))}
            @user-layer-toggle=${(e: CustomEvent<{ layerId: string; visible: boolean }>) => this.setUserLayerVisible(e.detail.layerId, e.detail.visible)}
            @attacker-toggle=${(e: CustomEvent<{ attacker: 'IR' | 'PK'; visible: boolean }>) => this.setAttackerVisible(e.detail.attacker, e.detail.visible)}
          ></strike-map-legend>
          <strike-map-timeline
            .events=${this.data?.timeline ?? []}
            .day=${this.day}
            @day-change=${(e: CustomEvent<string | null>) => this.setDay(e.detail)}
            @event-select=${(e: CustomEvent<string>) => this.select(e.detail)}
          ></strike-map-timeline>
        </div>
        <strike-map-table
          part="table"
          .strikes=${this.visibleStrikes}
          .index=${index}
          .units=${this.units}
          .selectedId=${this.selectedId}
          .dropped=${this.userData.dropped}
          .ownLayers=${this.userData.layers.filter((layer) => layer.layerId.startsWith('user-')).map((layer) => ({ ...layer, features: this.userData.featuresOf(layer.layerId) }))}
          @feature-show=${(e: CustomEvent<{ layerId: string; index: number }>) => this.showUserFeature(e.detail.layerId, e.detail.index)}
          @row-select=${(e: CustomEvent<string>) => this.select(e.detail)}
          @files-chosen=${(e: CustomEvent<File[]>) => this.userData.addFiles(e.detail)}
          @dropped-remove=${(e: CustomEvent<string>) => this.userData.removeDropped(e.detail)}
          @export=${(e: CustomEvent<'png' | 'geojson' | 'csv'>) => this.export(e.detail)}
        ></strike-map-table>
        <div class="sr-only" aria-live="polite">${this.announcement}</div>
        <slot></slot>
      </div>
    `;
  }
}

/** A new set of hidden things with `item` shown or hidden (a new object, so Lit sees the change). */
function withHidden<T>(hidden: Set<T>, item: T, visible: boolean): Set<T> {
  const next = new Set(hidden);
  if (visible) next.delete(item);
  else next.add(item);
  return next;
}

function parseCenter(value?: string): [number, number] | undefined {
  if (!value) return undefined;
  const [lon, lat] = value.split(',').map(Number);
  return Number.isFinite(lon) && Number.isFinite(lat) && Math.abs(lat) <= 90 ? [lon, lat] : undefined;
}

/** The table sits below the map: it loads once the map is ready (or has failed), not before. */
function loadTable(): void {
  void import('./strike-map-table.ts');
}

/** The focused element, looking inside shadow roots (the table's and card's buttons live in their own). */
function deepActiveElement(root: ShadowRoot | null): HTMLElement | undefined {
  let active = root?.activeElement ?? undefined;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return (active as HTMLElement | undefined) ?? undefined;
}

function prefersReducedMotion(): boolean {
  return matchMedia('(prefers-reduced-motion: reduce)').matches;
}

function createDeferred() {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
  promise.catch(() => {}); // callers who await `ready` still see the rejection
  return { promise, resolve, reject };
}

declare global {
  interface HTMLElementTagNameMap {
    'strike-map': StrikeMap;
  }
  interface HTMLElementEventMap {
    'strike-map-ready': CustomEvent<{ map: MlMap }>;
    'strike-map-select': CustomEvent<SelectDetail>;
    'strike-map-error': CustomEvent<ErrorDetail>;
  }
}
