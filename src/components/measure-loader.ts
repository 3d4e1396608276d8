/**
 * The measuring tools of <strike-map>, loaded beside the first map's data. The bar is a MapLibre
 * control, so nothing of it shows before there is a map, and its code (and its element's
 * definition) stays out of the start-up JavaScript. Settings given before the code has loaded are
 * kept and handed over when it has.
 */
import type { StrikeMapMeasure } from './strike-map-measure.ts';

export type { MeasureMode } from './strike-map-measure.ts';

export type MeasureSettings = Partial<Pick<StrikeMapMeasure, 'texts' | 'units' | 'bands' | 'bandsShown' | 'borderLine' | 'provinces' | 'borderIndex'>>;

export class MeasureLoader {
  private settings: MeasureSettings = {};
  private loading?: Promise<StrikeMapMeasure>;
  /** The control, once its code has loaded. */
  control?: StrikeMapMeasure;

  set(settings: MeasureSettings): void {
    Object.assign(this.settings, settings);
    if (this.control) Object.assign(this.control, settings);
  }

  /** Loads the control's code (once) and makes the control with the settings given so far. */
  load(): Promise<StrikeMapMeasure> {
    this.loading ??= import('./strike-map-measure.ts').then(({ StrikeMapMeasure }) => (this.control = Object.assign(new StrikeMapMeasure(), this.settings)));
    return this.loading;
  }
}
