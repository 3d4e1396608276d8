/**
 * The locator inset of <strike-map>, loaded with the first map: it is not needed before, so its
 * code (and its element's definition) stays out of the start-up JavaScript.
 */
import type { Map as MlMap } from 'maplibre-gl';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Texts } from '../i18n/texts.ts';
import type { StrikeMapInset } from './strike-map-inset.ts';

export class InsetLoader {
  private inset?: StrikeMapInset;
  private texts?: Texts;
  private loading?: Promise<typeof StrikeMapInset>;

  /** The language of the inset's names (kept for an inset still loading). */
  setTexts(texts: Texts): void {
    this.texts = texts;
    if (this.inset) this.inset.texts = texts;
  }

  /** Loads the inset's code (once): the element starts this beside its data, so the inset is drawn with the map. */
  load(): Promise<typeof StrikeMapInset> {
    this.loading ??= import('./strike-map-inset.ts').then((module) => module.StrikeMapInset);
    return this.loading;
  }

  /** Shows the inset on `map` when `wanted`, or takes it off; `current` says whether `map` is still the element's map once the code has loaded. */
  async showOn(map: MlMap, wanted: boolean, countries: FeatureCollection<Polygon | MultiPolygon> | undefined, current: () => boolean): Promise<void> {
    const Inset = await this.load();
    this.inset ??= Object.assign(new Inset(), { countries });
    if (this.texts) this.inset.texts = this.texts;
    if (current()) this.inset.showOn(map, wanted);
  }
}
