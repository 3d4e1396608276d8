/**
 * The built-in story as the element uses it: the strikes with their short map labels, in date
 * order, the border as a search index and as one line, and the shapes the map draws besides the
 * data (uncertainty discs, label points). The index's code (with flatbush and the point-in-province
 * test) and the shapes' (with Turf) load on first use, keeping them out of the start-up JavaScript.
 */
import type { Feature, LineString } from 'geojson';
import type { BorderIndex } from '../geo/border-index.ts';
import { withStrikeLabels } from './prepare.ts';
import type { BuiltinData, StrikeFeature } from './types.ts';
import type { StoryShapes } from './story-shapes.ts';

export class Story {
  readonly data: BuiltinData;
  private index?: BorderIndex;
  private indexing?: Promise<BorderIndex>;
  private shaping?: Promise<StoryShapes>;
  /** The uncertainty discs and label points, once {@link Story.loadShapes} has resolved. */
  shapes?: StoryShapes;

  constructor(data: BuiltinData) {
    const strikes = withStrikeLabels(data.strikes);
    // Sorted once here: the table, keyboard stepping and filters all read them in date order.
    strikes.features.sort((a, b) => a.properties.time_utc.localeCompare(b.properties.time_utc));
    this.data = { ...data, strikes };
  }

  get strikes(): StrikeFeature[] {
    return this.data.strikes.features;
  }

  /** The border as a search index, once {@link Story.loadBorderIndex} has resolved. */
  get borderIndex(): BorderIndex | undefined {
    return this.index;
  }

  /** Loads the index's code and builds the index (once). */
  loadBorderIndex(): Promise<BorderIndex> {
    this.indexing ??= import('../geo/border-index.ts').then(({ BorderIndex }) => (this.index = BorderIndex.fromGeoJSON(this.data.border, this.data.provinces)));
    return this.indexing;
  }

  /** Loads the shapes' code and computes them (once). */
  loadShapes(): Promise<StoryShapes> {
    this.shaping ??= import('./story-shapes.ts').then(({ storyShapes }) => (this.shapes = storyShapes(this.data)));
    return this.shaping;
  }

  /** The shipped border as one LineString (for distance bands), if it is one. */
  get borderLine(): Feature<LineString> | undefined {
    const line = this.data.border.features[0];
    return line?.geometry.type === 'LineString' ? (line as Feature<LineString>) : undefined;
  }
}
