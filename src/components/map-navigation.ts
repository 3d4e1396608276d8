/**
 * Keyboard, pointer and focus for <strike-map>: a click selects the strike under it (or the page's
 * own feature there), arrow keys step through the visible strike sites in date
 * order (in right-to-left languages ArrowLeft is the later site, as the reading runs that way), Enter opens or enters the card, Shift + arrows pan, Escape closes a card from anywhere in
 * the element (not from a text field), and focus goes back to where the card was opened.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Map as MlMap } from 'maplibre-gl';
import { prefersReducedMotion } from '../map/camera.ts';
import { strikeAt } from '../map/sync.ts';

/** What the navigation reads from and asks of the element. */
export interface NavigationTarget {
  map(): MlMap | undefined;
  /** The reading direction of the element's language. */
  dir(): 'ltr' | 'rtl';
  /** Ids of the strike sites the reader can see, in date order. */
  siteIds(): string[];
  selectedId(): string | null;
  select(id: string | null, options?: { fly: boolean }): void;
  /** True while a measuring tool has the map's keys. */
  measuring(): boolean;
  /** The open card of the page's own data, if any, and how to close it. */
  featureCardOpen(): boolean;
  closeFeatureCard(): void;
  /** Opens the card of the page's own feature at a pixel; false when there is none. */
  openFeatureAt(point: { x: number; y: number }): boolean;
  /** The open strike card, to move the keyboard into. */
  strikeCard(): HTMLElement | null;
}

const STEPS: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
const PAN_PX = 100;
const PAN_OFFSETS: Record<string, [number, number]> = { ArrowRight: [PAN_PX, 0], ArrowLeft: [-PAN_PX, 0], ArrowUp: [0, -PAN_PX], ArrowDown: [0, PAN_PX] };

export class MapNavigation implements ReactiveController {
  /** Where the keyboard was when a card opened, to return there when it closes. */
  private opener?: HTMLElement;

  constructor(
    private host: ReactiveControllerHost & HTMLElement,
    private target: NavigationTarget,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('keydown', this.onHostKey);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('keydown', this.onHostKey);
    this.opener = undefined;
  }

  /** Listens to the keys and clicks of a new map (the listeners go with the map and its canvas). */
  bind(map: MlMap): void {
    map.getCanvas().addEventListener('keydown', this.onMapKey, true);
    map.on('click', (event) => this.onMapClick(map, event.point));
  }

  /** One card at a time: the strike card closes as a feature card opens, and focus is noted to return to. */
  featureCardOpening(): void {
    if (!this.target.featureCardOpen() && !this.target.selectedId()) this.rememberOpener();
    if (this.target.selectedId()) this.target.select(null);
  }

  /** Notes where the focus is as a card opens over no other card. */
  rememberOpener(): void {
    this.opener = deepActiveElement(this.host.shadowRoot);
  }

  /** Puts the keyboard back where the card was opened, or on the map when that is gone. */
  returnFocus(): void {
    const back = this.opener?.isConnected ? this.opener : this.target.map()?.getCanvas();
    this.opener = undefined;
    back?.focus();
  }

  /** Closes the strike card and puts the keyboard back where it was opened (the card's close button). */
  closeCard = (): void => {
    this.target.select(null);
    this.returnFocus();
  };

  /** Forgets the opener when a card closes without focus moving (Escape from the legend, say). */
  forgetOpener(): void {
    this.opener = undefined;
  }

  /** A strike under the pointer opens; else the page's feature there; a click on nothing closes the cards. */
  private onMapClick(map: MlMap, point: { x: number; y: number }): void {
    if (this.target.measuring()) return;
    const strike = strikeAt(map, point);
    if (strike) return this.target.select(strike, { fly: false });
    if (!this.target.openFeatureAt(point)) this.target.closeFeatureCard();
    if (this.target.selectedId()) this.target.select(null);
  }

  private onMapKey = (event: KeyboardEvent): void => {
    if (this.target.measuring()) return;
    const sites = this.target.siteIds();
    if (!sites.length) return;
    const step = STEPS[event.key];
    if (step && event.shiftKey) {
      event.preventDefault();
      event.stopPropagation();
      this.target.map()?.panBy(PAN_OFFSETS[event.key], { duration: prefersReducedMotion() ? 0 : 200 });
    } else if (step && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      event.stopPropagation();
      const forward = this.target.dir() === 'rtl' && (event.key === 'ArrowLeft' || event.key === 'ArrowRight') ? -step : step;
      const at = sites.indexOf(this.target.selectedId() ?? '');
      const next = at < 0 ? (forward > 0 ? 0 : sites.length - 1) : (at + forward + sites.length) % sites.length;
      this.target.select(sites[next]);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (!this.target.selectedId()) this.target.select(sites[0]);
      else this.target.strikeCard()?.focus();
    }
  };

  private onHostKey = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    const path = event.composedPath();
    // Escape in a text field belongs to the field.
    if (path[0] instanceof HTMLInputElement || path[0] instanceof HTMLTextAreaElement || path[0] instanceof HTMLSelectElement) return;
    if (this.target.selectedId()) {
      event.preventDefault();
      // Focus goes back only if it was in the card or on the map; elsewhere it stays put.
      const canvas = this.target.map()?.getCanvas();
      const fromCardOrMap = path.some((node) => node instanceof HTMLElement && (node.localName === 'strike-card' || node === canvas));
      this.target.select(null);
      if (fromCardOrMap) this.returnFocus();
      else this.forgetOpener();
    } else if (this.target.featureCardOpen()) {
      event.preventDefault();
      this.target.closeFeatureCard();
    }
  };
}

/** The focused element, looking inside shadow roots (the table's and card's buttons live in their own). */
function deepActiveElement(root: ShadowRoot | null): HTMLElement | undefined {
  let active = root?.activeElement ?? undefined;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return (active as HTMLElement | undefined) ?? undefined;
}
