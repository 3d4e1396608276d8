/** Assembles the MapLibre style: our offline basemap, or a user's online style, under our layers. */
import type { StyleSpecification, SourceSpecification, LayerSpecification } from 'maplibre-gl';
import { builtinLayers, builtinSources } from './layers.ts';
import type { Palette } from './palette.ts';
import type { BuiltinData } from '../data/types.ts';
import type { StoryShapes } from '../data/story-shapes.ts';

export const ATTRIBUTION =
  '<a href="https://www.openstreetmap.org/copyright" target="_blank" rel="noopener">© OpenStreetMap contributors</a> (ODbL) · ' +
  '<a href="https://www.naturalearthdata.com/" target="_blank" rel="noopener">Natural Earth</a> · ' +
  '<a href="https://www.geonames.org/" target="_blank" rel="noopener">GeoNames</a> (CC BY 4.0)';

/**
 * `base` is an online style to draw under our layers, or undefined for the offline basemap.
 * No `glyphs` URL in the offline style: MapLibre then draws text with the system's fonts.
 */
export function buildStyle(
  sources: Record<string, SourceSpecification>,
  palette: Palette,
  base?: StyleSpecification,
): StyleSpecification {
  const ours = builtinLayers(palette, !base);
  if (!base) return { version: 8, name: 'strike-map offline', sources, layers: ours };
  return {
    ...base,
    sources: { ...base.sources, ...sources },
    layers: [...(base.layers as LayerSpecification[]), ...ours],
  };
}

/** The whole style for the built-in story: its sources (with the uncertainty discs and label points) and layers. */
export function storyStyle(data: BuiltinData, shapes: StoryShapes, palette: Palette, base?: StyleSpecification): StyleSpecification {
  return buildStyle(builtinSources(data, shapes), palette, base);
}
