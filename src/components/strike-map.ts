/**
 * <strike-map>: one MapLibre map in a shadow root, showing the January 2024 Iran–Pakistan strikes
 * with the story's UI (legend, timeline, measuring, cards, table). The element holds the reader's
 * state and renders it; controllers create and free the map (MapLifecycle), keep it in step with
 * the state (MapSync), handle keys and focus (MapNavigation), the URL (HashController), the theme,
 * the language (LanguageController) and the page's own data (UserDataLoader, which loads its
 * controller once there is some).
 */
import { LitElement, html, unsafeCSS, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { customElement } from './define.ts';
import type { Map as MlMap } from 'maplibre-gl';
import maplibreCss from 'maplibre-gl/dist/maplibre-gl.css?inline';
import { storyStyle } from '../map/style.ts';
import { createStrikeMap, parseCenter } from '../map/create-map.ts';
import { fitCollection, flyToSite } from '../map/camera.ts';
import { shownGroups } from '../map/sync.ts';
import { loadBuiltinData } from '../data/builtin.ts';
import { loadBaseStyle, type BaseStyle } from '../map/base-style.ts';
import { Story } from '../data/story.ts';
import type { BuiltinData, StrikeFeature } from '../data/types.ts';
import type { Units } from '../geo/index.ts';
import { strikeMapStyles } from './strike-map.styles.ts';
import { MapLifecycle } from './map-lifecycle.ts';
import { MapNavigation } from './map-navigation.ts';
import { MapSync } from './map-sync.ts';
import { HashController } from './hash-controller.ts';
import { isDay } from './hash-state.ts';
import { UserDataLoader } from './user-data-loader.ts';
import { emit, type ErrorDetail, type SelectDetail } from './events.ts';
import { renderOverlays, type Notice } from './map-overlays.ts';
import { renderEvents, renderPanel, renderTable } from './strike-map-parts.ts';
import { ThemeController, type Theme } from './theme-controller.ts';
import { ReaderChoices, type Attacker } from './reader-choices.ts';
import { LanguageController } from './language-controller.ts';
import type { Texts } from '../i18n/texts.ts';
import type { ExportKind } from './downloads.ts';
import { MeasureLoader, type MeasureMode } from './measure-loader.ts';
import { InsetLoader } from './inset-loader.ts';

/**
 * @summary The strike map: border, provinces, strike sites with uncertainty, timeline and measuring.
 * @slot - `<strike-map-layer>` elements adding the page's own GeoJSON.
 * @slot poster - a still picture (such as the build's poster.svg) shown in the map area until the map is ready.
 * @event strike-map-ready - the style, built-in layers and data have loaded and the map is idle. Detail: `{ map }`.
 * @event strike-map-select - a strike was selected or the card closed. Detail: `SelectDetail`.
 * @event strike-map-measure - a measurement was made. Detail: `MeasureDetail`.
 * @event strike-map-error - something could not be loaded or shown. Detail: `ErrorDetail`.
 * @csspart map - the map container.
 * @csspart panel - the side panel with legend and timeline.
 * @csspart card - the strike card.
 * @csspart events - the analyst panel of an event dataset (time histogram, facets, counts by distance band, list of events).
 * @csspart table - the table view.
 * @csspart snapshot - the still picture shown while an off-screen map is released to save WebGL contexts.
 * @cssproperty --strike-map-height - height of the element when no height is set (default 560px).
 * @cssproperty --strike-map-font - font family of the UI.
 * @cssproperty --strike-map-accent - accent colour of buttons and focus rings.
 */
@customElement('strike-map')
export class StrikeMap extends LitElement {
  static styles = [unsafeCSS(maplibreCss), strikeMapStyles];

  /** Initial centre as "lon,lat"; defaults to a view of both provinces. */
  @property() center?: string;
  /** Initial zoom level. */
  @property({ type: Number }) zoom?: number;
  /** Colour theme; `auto` follows the reader's system setting. */
  @property({ reflect: true }) theme: Theme = 'auto';
  /** `offline` (built-in basemap), the URL of a MapLibre style to draw under our layers, or of a PMTiles archive (`….pmtiles`). */
  @property() basemap = 'offline';
  /** Units for distances: `km`, `mi` or `nmi`. */
  @property() units: Units = 'km';
  /** Keep view, selection and timeline day in the page URL's hash. */
  @property({ type: Boolean }) hash = false;
  /** Which built-in layers appear: `all`, `none`, or a space-separated list of legend groups. */
  @property() builtin = 'all';
  // `lang` (en, ur, fa) is the standard HTML attribute, read by LanguageController: not a Lit property.
  /** Distance bands to draw, e.g. `10 25 50` or `30:PK` (in `units`; `:PK`/`:IR` for one side); replaces the shipped 10/25/50 km set, `""` draws none. */
  @property() bands?: string;
  /** Id of a strike site whose card opens once the map is ready (without moving a view set by `center`/`zoom`); changing it opens another. */
  @property() site?: string;
  /** Shows the story up to and including this day (YYYY-MM-DD), as `setDay()` does; absent or `""` shows everything. */
  @property() day?: string;

  @state() private story?: Story;
  @state() private selectedId: string | null = null;
  @state() private announcement = '';
  @state() private notices: Notice[] = [];
  @state() private measuring = false;

  private base?: BaseStyle;
  private mapShown = false; // the map has been ready once: the page's poster is no longer shown
  private themes = new ThemeController(this);
  private language = new LanguageController(this, {
    map: () => this.map,
    changed: (texts) => this.inset.setTexts(texts),
    problem: (message) => this.reportError(message),
  });
  private choices = new ReaderChoices(this);
  private measure = new MeasureLoader();
  private inset = new InsetLoader();

  private lifecycle = new MapLifecycle(this, {
    prepare: (signal) => this.prepare(signal),
    create: (savedView) => this.createMap(savedView),
    loaded: (map) => this.drawState(map),
    ready: () => {
      this.mapShown = true;
      this.requestUpdate(); // the snapshot and the poster give way to the live map
      void import('./strike-map-table.ts'); // the table sits below the map: it loads once the map is ready
      this.hashSync.openSavedSite();
      if (this.site && !this.selectedId) this.openSite(this.site, !this.center && this.zoom === undefined);
    },
    failed: (message) => {
      void import('./strike-map-table.ts'); // the table is what readers get instead of the map
      emit<ErrorDetail>(this, 'strike-map-error', { message });
      this.requestUpdate();
    },
    removed: () => (this.mapSync.detach(), this.userData.onMapRemoved()),
  });
  private mapSync = new MapSync(this, () =>
    this.story && { strikes: this.strikes, builtin: this.builtin, hiddenGroups: this.choices.hiddenGroups, filter: this.choices.filter, selectedId: this.selectedId, palette: this.themes.palette, base: this.base, units: this.units, texts: this.texts },
  );
  private navigation = new MapNavigation(this, {
    map: () => this.map,
    dir: () => this.texts.dir,
    siteIds: () => this.visibleStrikes.map((f) => f.properties.id),
    selectedId: () => this.selectedId,
    select: (id, options) => this.select(id, options),
    measuring: () => this.measuring,
    featureCardOpen: () => Boolean(this.userData.controller?.feature),
    closeFeatureCard: () => this.userData.controller?.close(false),
    openFeatureAt: (point) => this.userData.controller?.openAt(point) ?? false,
    strikeCard: () => this.renderRoot.querySelector('strike-card'),
  });
  private userData = new UserDataLoader(this, {
    map: () => this.map,
    palette: () => this.themes.palette,
    story: () => this.story,
    units: () => this.units,
    texts: () => this.texts,
    fitTo: (collection) => this.map && fitCollection(this.map, collection),
    notice: (message, source, details) => this.reportError(message, source, details),
    announce: (text) => (this.announcement = text),
    cardOpening: () => this.navigation.featureCardOpening(),
    cardClosed: () => this.navigation.returnFocus(),
  });
  private hashSync = new HashController(this, {
    enabled: () => this.hash,
    map: () => this.map,
    selectedId: () => this.selectedId,
    day: () => this.choices.day,
    setDay: (day) => this.choices.setDay(day),
    select: (id, options) => this.select(id, options),
    lang: () => (this.hasAttribute('lang') ? this.language.wanted : null),
    setLang: (lang) => this.setAttribute('lang', lang),
    events: this.userData,
  });

  /** The MapLibre map, once created (undefined while the element is detached or off-screen). */
  get map(): MlMap | undefined {
    return this.lifecycle.map;
  }

  /** @internal The messages and formats of the language shown. */
  get texts(): Texts {
    return this.language.texts;
  }

  /** Resolves once the style, built-in layers and data have loaded and the map is idle. */
  get ready(): Promise<void> {
    return this.lifecycle.ready;
  }

  /** Great-circle distance from a point to the Iran–Pakistan border, the nearest border point and its segment, and the side the point is on. */
  async distanceToBorder(lonLat: [number, number]): Promise<{ km: number; point: [number, number]; segment: number; side: Attacker | null }> {
    // Pure geometry: needs the data, not a map (works off-screen and without WebGL).
    this.adopt(await loadBuiltinData());
    const index = await this.story!.loadBorderIndex();
    return { ...index.nearest(lonLat), side: index.side(lonLat) };
  }

  /** @internal Strike features (with labels) in date order. */
  get strikes(): StrikeFeature[] {
    return this.story?.strikes ?? [];
  }

  /** @internal Strikes the reader can currently see (timeline day, attacker and context switches applied). */
  get visibleStrikes(): StrikeFeature[] {
    return this.choices.shown(this.strikes);
  }

  /** Selects a strike by id and opens its card; null, or an id that is not a strike, closes the card. */
  select(id: string | null, { fly = true } = {}): void {
    const feature = id ? this.strikes.find((f) => f.properties.id === id) ?? null : null;
    if (feature) {
      void import('./strike-card.ts'); // cards load on first use, keeping start-up small
      if (!this.selectedId && !this.userData.controller?.feature) this.navigation.rememberOpener();
      this.userData.controller?.close(false); // one card at a time
      const p = feature.properties;
      const place = this.language.content?.text(p.id, 'place') ?? p.place;
      this.announcement = this.texts.t('selected', { place, date: this.texts.day(p.date), distance: this.texts.distance(p.uncertainty_km, this.units) });
      if (fly && this.map) flyToSite(this.map, feature.geometry.coordinates as [number, number]);
    } else {
      this.announcement = this.texts.t('cardClosed');
    }
    this.selectedId = feature ? feature.properties.id : null;
    emit<SelectDetail>(this, 'strike-map-select', { id: this.selectedId, feature });
  }

  /** Shows the story up to and including `day` (YYYY-MM-DD), or everything with null. */
  setDay(day: string | null): void {
    this.choices.setDay(day);
  }

  /** @internal Downloads the map as a captioned PNG, or the strike sites as GeoJSON or CSV (the table's buttons). */
  async export(kind: ExportKind): Promise<void> {
    if (!this.story) return;
    const { exportFile } = await import('./downloads.ts');
    await exportFile(kind, this.story.data.strikes, { map: this.map, day: this.choices.day, dark: this.themes.resolved === 'dark', texts: this.texts });
  }

  connectedCallback(): void {
    super.connectedCallback();
    void loadBuiltinData().catch(() => {}); // start the download now; the map waits until it is on screen
    void Promise.all([import('../geo/border-index.ts'), import('../data/story-shapes.ts'), this.inset.load(), this.measure.load()]).catch(() => {}); // and the code the map needs first, beside it
  }

  protected willUpdate(changed: PropertyValues): void {
    if (changed.has('units') && !['km', 'mi', 'nmi'].includes(this.units)) {
      this.reportError(this.texts.t('badUnits', { value: this.units }));
      this.units = 'km';
    }
    if (changed.has('day')) this.choices.setDay(this.day && isDay(this.day) ? this.day : null);
    if (changed.has('day') && this.day && !isDay(this.day)) this.reportError(this.texts.t('badDay', { value: this.day }));
    if (changed.has('site') && this.mapShown) this.openSite(this.site ?? null, true);
    if (changed.has('builtin') && this.builtin.split(/\s+/).includes('bands')) this.choices.setGroupVisible('bands', true); // asked for by name: shown
    this.measure.set({ texts: this.texts, units: this.units, bands: this.bands, bandsShown: shownGroups(this.builtin, this.choices.hiddenGroups).has('bands') });
  }

  protected updated(changed: PropertyValues): void {
    if (changed.has('basemap') && changed.get('basemap') !== undefined && this.map) return this.lifecycle.restart(); // a different base style means a new map
    const map = this.map;
    if (!map) return;
    if (changed.has('center') || changed.has('zoom')) map.jumpTo({ center: parseCenter(this.center) ?? map.getCenter(), zoom: this.zoom ?? map.getZoom() });
    if (changed.has('builtin')) this.showInset(map);
  }

  /** Opens the card the `site` attribute names, with a notice when no strike has that id. */
  private openSite(id: string | null, fly: boolean): void {
    this.select(id, { fly });
    if (id && !this.selectedId) this.reportError(this.texts.t('noSuchSite', { value: id }));
  }

  /** Keeps the built-in story (once) and hands the measuring tools their part of it. */
  private adopt(data: BuiltinData): void {
    if (this.story) return;
    const story = (this.story = new Story(data));
    this.measure.set({ borderLine: story.borderLine, provinces: data.provinces });
    void story.loadBorderIndex().then((index) => {
      this.measure.set({ borderIndex: index });
      this.requestUpdate(); // cards and table show distances from now on
    });
  }

  private async prepare(signal: AbortSignal): Promise<void> {
    const data = await loadBuiltinData(signal);
    const url = this.basemap;
    this.base = url === 'offline' ? undefined : await loadBaseStyle(url, signal, (error) => this.reportError(this.texts.t('basemapFallback', { error }), url));
    this.adopt(data);
    await Promise.all([this.story!.loadBorderIndex(), this.story!.loadShapes(), this.inset.load(), this.measure.load()]); // the page's own layers measure their points as the map loads; the inset and the measuring bar are drawn with it
  }

  private createMap(savedView?: { center: [number, number]; zoom: number }): MlMap {
    const style = storyStyle(this.story!.data, this.story!.shapes!, this.themes.palette, this.base?.(this.themes.palette));
    const container = this.renderRoot.querySelector<HTMLElement>('#map')!;
    const map = createStrikeMap(container, style, this.themes.palette, savedView ?? { center: parseCenter(this.center), zoom: this.zoom }, this, this.texts);
    if (this.measure.control) map.addControl(this.measure.control, 'top-left');
    this.navigation.bind(map);
    return map;
  }

  /** Draws the element's state on a newly loaded map (also one re-created after a release). */
  private drawState(map: MlMap): void {
    this.hashSync.attach(map);
    this.mapSync.attach(map, this.themes.palette);
    this.showInset(map);
    this.userData.onMapReady();
    this.language.mapLoaded(map);
  }

  /** The locator belongs to the full story, not to a page's own map (`builtin` other than `all`). */
  private showInset(map: MlMap): void {
    void this.inset.showOn(map, this.builtin.trim() === 'all', this.story?.data.basemapCountries, () => this.map === map);
  }

  private setShowContext(show: boolean): void {
    this.choices.setShowContext(show);
    // The context strikes are in Iraq and Syria, far off the default view: bring them into it.
    if (show && this.map) fitCollection(this.map, { type: 'FeatureCollection', features: this.strikes });
  }

  /** Shows a message inside the map (its details folded) and fires `strike-map-error` with all of it. */
  private reportError(message: string, source?: string, details: string[] = []): void {
    this.notices = [...this.notices, { message, details }];
    emit<ErrorDetail>(this, 'strike-map-error', { message: [message, ...details].join(' '), source });
  }

  protected render() {
    const selected = this.selectedId ? this.strikes.find((f) => f.properties.id === this.selectedId) : undefined;
    const index = this.story?.borderIndex;
    const { snapshot, failure } = this.lifecycle;
    const texts = this.texts;
    return html`
      <div class="frame" data-theme=${this.themes.resolved} dir=${texts.dir} lang=${texts.lang}>
        <button class="skip" type="button" @click=${() => this.renderRoot.querySelector<HTMLElement>('strike-map-table')?.focus()}>${texts.t('skipToTable')}</button>
        <div
          class="map-area ${this.measuring ? 'measuring' : ''}"
          @measure-mode=${(e: CustomEvent<MeasureMode | null>) => (this.measuring = e.detail !== null)}
          @bands-toggle=${(e: CustomEvent<boolean>) => this.choices.setGroupVisible('bands', e.detail)}
          @measure-problem=${(e: CustomEvent<string>) => this.reportError(e.detail)}
        >
          <div id="map" part="map"></div>
          ${this.mapShown ? '' : html`<slot name="poster"></slot>`}
          ${renderOverlays({ texts, snapshot, failure, notices: this.notices, dismiss: (i) => (this.notices = this.notices.filter((_, j) => j !== i)) })}
          ${selected && index ? html`<strike-card part="card" .feature=${selected} .index=${index} .units=${this.units} .texts=${texts} .content=${this.language.content} @close=${this.navigation.closeCard}></strike-card>` : ''}
          ${this.userData.renderOverlay()}
        </div>
        ${renderPanel({ texts, language: this.language, choices: this.choices, userData: this.userData.controller, builtin: this.builtin, events: this.story?.data.timeline ?? [], showContext: (show) => this.setShowContext(show), select: (id) => this.select(id) })}
        ${renderEvents({ texts, units: this.units, userData: this.userData.controller })}
        ${renderTable({ texts, language: this.language, userData: this.userData.controller, addFiles: (files) => this.userData.addFiles(files), strikes: this.visibleStrikes, index, units: this.units, selectedId: this.selectedId, select: (id) => this.select(id), export: (kind) => this.export(kind) })}
        <div class="sr-only" aria-live="polite">${this.announcement}</div>
        <slot></slot>
      </div>
    `;
  }
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
