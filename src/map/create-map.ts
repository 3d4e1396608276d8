/**
 * A MapLibre map set up the way strike-map wants it: no rotation or pitch, cooperative gestures
 * (the page scrolls past the map), attribution, both scale bars, zoom and fullscreen controls, and
 * an accessible name on the canvas that says what the keys do.
 */
import { Map as MlMap, AttributionControl, NavigationControl, ScaleControl, FullscreenControl, type LngLatBoundsLike, type StyleSpecification } from 'maplibre-gl';
import { configureWorker } from './worker.ts';
import { ATTRIBUTION } from './style.ts';
import { addIcons } from './icons.ts';
import type { Palette } from './palette.ts';
import type { Texts } from '../i18n/texts.ts';

/** Both provinces on a wide map; on a phone, the border and the strike sites (the provinces would leave them tiny). */
const HOME_BOUNDS: LngLatBoundsLike = [[58.8, 24.6], [70.3, 32.2]];
const NARROW_HOME_BOUNDS: LngLatBoundsLike = [[60.6, 24.9], [66.2, 30.0]];
const DEFAULT_CENTER: [number, number] = [64.5, 28.3];

export interface StartView {
  center?: [number, number];
  zoom?: number;
}

export function createStrikeMap(container: HTMLElement, style: StyleSpecification, palette: Palette, view: StartView, fullscreenContainer: HTMLElement, texts: Texts): MlMap {
  configureWorker();
  const start =
    view.center || view.zoom !== undefined
      ? { center: view.center ?? DEFAULT_CENTER, zoom: view.zoom ?? 5 }
      : { bounds: container.clientWidth < 480 ? NARROW_HOME_BOUNDS : HOME_BOUNDS, fitBoundsOptions: { padding: { top: 56, bottom: 16, left: 16, right: 16 } } };
  const map = new MlMap({
    container,
    style,
    ...start,
    attributionControl: false,
    cooperativeGestures: true,
    dragRotate: false,
    pitchWithRotate: false,
    maxPitch: 0,
    locale: mapLocale(texts),
  });
  addIcons(map, palette); // before the style loads, so no symbol waits for its image
  map.touchZoomRotate.disableRotation();
  map.keyboard.disableRotation();
  map.addControl(new AttributionControl({ compact: false, customAttribution: ATTRIBUTION }), 'bottom-right');
  map.addControl(new ScaleControl({ unit: 'metric', maxWidth: 100 }), 'bottom-left');
  map.addControl(new ScaleControl({ unit: 'imperial', maxWidth: 100 }), 'bottom-left');
  scaleDigits.set(map, new ScaleDigits(container, texts));
  map.addControl(new NavigationControl({ showCompass: true, visualizePitch: false }), 'top-right');
  map.addControl(new FullscreenControl({ container: fullscreenContainer }), 'top-right');
  for (const layer of ['strikes-symbol', 'uncertainty-fill']) {
    map.on('mouseenter', layer, () => (map.getCanvas().style.cursor = 'pointer'));
    map.on('mouseleave', layer, () => (map.getCanvas().style.cursor = ''));
  }
  map.on('error', (event) => console.warn('strike-map:', event.error?.message ?? event));
  map.getCanvas().setAttribute('aria-label', texts.t('mapLabel'));
  return map;
}

/** MapLibre's own words (control titles, gesture hints) in the reader's language. */
function mapLocale(texts: Texts): Record<string, string> {
  return {
    'CooperativeGesturesHandler.WindowsHelpText': texts.t('gestureWindows'),
    'CooperativeGesturesHandler.MacHelpText': texts.t('gestureMac'),
    'CooperativeGesturesHandler.MobileHelpText': texts.t('gestureMobile'),
    'NavigationControl.ZoomIn': texts.t('zoomIn'),
    'NavigationControl.ZoomOut': texts.t('zoomOut'),
    'NavigationControl.ResetBearing': texts.t('resetBearing'),
    'FullscreenControl.Enter': texts.t('fullscreenEnter'),
    'FullscreenControl.Exit': texts.t('fullscreenExit'),
    'AttributionControl.ToggleAttribution': texts.t('toggleAttribution'),
    'ScaleControl.Kilometers': texts.unit('km'),
    'ScaleControl.Meters': texts.t('unitM'),
    'ScaleControl.Miles': texts.unit('mi'),
    'ScaleControl.Feet': texts.t('unitFt'),
    'ScaleControl.NauticalMiles': texts.unit('nmi'),
  };
}

/**
 * MapLibre's scale bars write "50 km" with the unit from the map's locale but the number always
 * in ASCII digits; this writes the number again in the reader's digits (Persian ones in Persian)
 * each time MapLibre changes the text.
 */
class ScaleDigits {
  private observer = new MutationObserver(() => this.rewrite());
  private bars: Element[];
  constructor(
    container: HTMLElement,
    public texts: Texts,
  ) {
    // The bars only, not the whole map: MapLibre rewrites them on every frame of a move.
    this.bars = [...container.querySelectorAll('.maplibregl-ctrl-scale')];
    for (const bar of this.bars) this.observer.observe(bar, { subtree: true, childList: true, characterData: true });
    this.rewrite(); // what the bars already say
  }

  private rewrite(): void {
    for (const bar of this.bars) {
      const [, number, unit] = /^(\d+(?:\.\d+)?)\u00a0(.*)$/.exec(bar.textContent ?? '') ?? [];
      const text = number === undefined ? undefined : `${this.texts.number(Number(number))}\u00a0${unit}`;
      if (text !== undefined && text !== bar.textContent) bar.textContent = text;
    }
  }
}
const scaleDigits = new WeakMap<MlMap, ScaleDigits>();

/**
 * Switches a live map's own words to another language. MapLibre reads its locale when a control
 * is made and when a title changes (fullscreen), so the text already shown is replaced here and
 * the locale it reads later is updated in place (MapLibre has no public setter for it).
 */
export function localizeMap(map: MlMap, texts: Texts): void {
  const locale = mapLocale(texts);
  Object.assign((map as unknown as { _locale: Record<string, string> })._locale, locale);
  const container = map.getContainer();
  const titled: [string, string][] = [
    ['.maplibregl-ctrl-zoom-in', locale['NavigationControl.ZoomIn']],
    ['.maplibregl-ctrl-zoom-out', locale['NavigationControl.ZoomOut']],
    ['.maplibregl-ctrl-compass', locale['NavigationControl.ResetBearing']],
    ['.maplibregl-ctrl-fullscreen', locale['FullscreenControl.Enter']],
    ['.maplibregl-ctrl-shrink', locale['FullscreenControl.Exit']],
    ['.maplibregl-ctrl-attrib-button', locale['AttributionControl.ToggleAttribution']],
  ];
  for (const [selector, title] of titled) {
    container.querySelectorAll(selector).forEach((button) => {
      button.setAttribute('title', title);
      button.setAttribute('aria-label', title);
    });
  }
  const gestures: [string, string][] = [
    ['.maplibregl-desktop-message', locale[/Mac/.test(navigator.platform) ? 'CooperativeGesturesHandler.MacHelpText' : 'CooperativeGesturesHandler.WindowsHelpText']],
    ['.maplibregl-mobile-message', locale['CooperativeGesturesHandler.MobileHelpText']],
  ];
  for (const [selector, text] of gestures) container.querySelectorAll(selector).forEach((el) => (el.textContent = text));
  map.getCanvas().setAttribute('aria-label', texts.t('mapLabel'));
  const digits = scaleDigits.get(map);
  if (digits) digits.texts = texts;
  map.fire('move'); // the scale bars write their text again, in the new units and digits
}

/** "lon,lat" as a position, or undefined when it is not one. */
export function parseCenter(value?: string): [number, number] | undefined {
  if (!value) return undefined;
  const [lon, lat] = value.split(',').map(Number);
  return Number.isFinite(lon) && Number.isFinite(lat) && Math.abs(lat) <= 90 ? [lon, lat] : undefined;
}
