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

/** Both provinces on a wide map; on a phone, the border and the strike sites (the provinces would leave them tiny). */
const HOME_BOUNDS: LngLatBoundsLike = [[58.8, 24.6], [70.3, 32.2]];
const NARROW_HOME_BOUNDS: LngLatBoundsLike = [[60.6, 24.9], [66.2, 30.0]];
const DEFAULT_CENTER: [number, number] = [64.5, 28.3];

export interface StartView {
  center?: [number, number];
  zoom?: number;
}

export function createStrikeMap(container: HTMLElement, style: StyleSpecification, palette: Palette, view: StartView, fullscreenContainer: HTMLElement): MlMap {
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
    locale: {
      'CooperativeGesturesHandler.WindowsHelpText': 'Use Ctrl + scroll to zoom the map',
      'CooperativeGesturesHandler.MacHelpText': 'Use ⌘ + scroll to zoom the map',
      'CooperativeGesturesHandler.MobileHelpText': 'Use two fingers to move the map',
    },
  });
  addIcons(map, palette); // before the style loads, so no symbol waits for its image
  map.touchZoomRotate.disableRotation();
  map.keyboard.disableRotation();
  map.addControl(new AttributionControl({ compact: false, customAttribution: ATTRIBUTION }), 'bottom-right');
  map.addControl(new ScaleControl({ unit: 'metric', maxWidth: 100 }), 'bottom-left');
  map.addControl(new ScaleControl({ unit: 'imperial', maxWidth: 100 }), 'bottom-left');
  map.addControl(new NavigationControl({ showCompass: true, visualizePitch: false }), 'top-right');
  map.addControl(new FullscreenControl({ container: fullscreenContainer }), 'top-right');
  for (const layer of ['strikes-symbol', 'uncertainty-fill']) {
    map.on('mouseenter', layer, () => (map.getCanvas().style.cursor = 'pointer'));
    map.on('mouseleave', layer, () => (map.getCanvas().style.cursor = ''));
  }
  map.on('error', (event) => console.warn('strike-map:', event.error?.message ?? event));
  map
    .getCanvas()
    .setAttribute('aria-label', 'Map of the January 2024 Iran–Pakistan strikes. Arrow keys move between strike sites and open their cards; Escape closes a card; Shift and arrow keys pan; plus and minus zoom.');
  return map;
}

/** "lon,lat" as a position, or undefined when it is not one. */
export function parseCenter(value?: string): [number, number] | undefined {
  if (!value) return undefined;
  const [lon, lat] = value.split(',').map(Number);
  return Number.isFinite(lon) && Number.isFinite(lat) && Math.abs(lat) <= 90 ? [lon, lat] : undefined;
}
