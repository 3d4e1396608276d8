/**
 * How each strike's point and area of uncertainty sit against the map's outlines: the share of
 * the disc inside the named district or county, the point's distance from that outline's edge,
 * and the part of the disc that lies outside the target country (drawn distinctly on the map).
 *
 * The disc is the same one the map draws (src/geo/shapes.ts geodesicCircle, 64 vertices), so the
 * cross-border part shipped here lines up with it exactly.
 */
import { area, bbox as turfBbox, bboxClip, featureCollection, intersect } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { geodesicCircle } from '../../src/geo/shapes.ts';
import { BorderIndex } from '../../src/geo/border-index.ts';
import type { AcrossBorder, DistrictFit } from '../../src/data/types.ts';
import type { Area } from './derive-sites.ts';
import { roundGeometry } from './io.ts';

export const disc = (point: [number, number], radiusKm: number): Feature<Polygon> => geodesicCircle(point, radiusKm);

const polygonsOf = (g: Polygon | MultiPolygon): Position[][][] => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);

/** Clip an outline to a box (fast), dropping the degenerate rings clipping can leave. */
function clipTo(a: Area, box: [number, number, number, number]): Area | null {
  const clipped = bboxClip(a, box).geometry as Polygon | MultiPolygon;
  const polys = polygonsOf(clipped)
    .map((rings) => rings.filter((r) => r.length >= 4))
    .filter((rings) => rings.length > 0 && area({ type: 'Polygon', coordinates: rings }) > 0);
  return polys.length ? { type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: polys } } : null;
}

/** The part of the disc inside any of the outlines, as one MultiPolygon (null if none). */
export function partInside(d: Feature<Polygon>, outlines: Area[]): MultiPolygon | null {
  const box = turfBbox(d) as [number, number, number, number];
  const parts: Position[][][] = [];
  for (const outline of outlines) {
    const clipped = clipTo(outline, box);
    if (!clipped) continue;
    const cut = intersect(featureCollection([d, clipped]));
    if (cut) parts.push(...polygonsOf(cut.geometry));
  }
  return parts.length ? { type: 'MultiPolygon', coordinates: parts } : null;
}

const share = (part: MultiPolygon | null, whole: Feature<Polygon>) =>
  part ? Math.round((area(part) / area(whole)) * 1000) / 1000 : 0;

/** Distance (km) from a point to the nearest edge of an outline, exact on the sphere. */
export function edgeKm(point: Position, outline: Area): number {
  return new BorderIndex(polygonsOf(outline.geometry).flat()).nearest(point).km;
}

export function districtFit(point: [number, number], radiusKm: number, district: Area, note: string | null): DistrictFit {
  const d = disc(point, radiusKm);
  return {
    id: String(district.id),
    name: String(district.properties?.name),
    share: share(partInside(d, [district]), d),
    edge_km: Math.round(edgeKm(point, district) * 10) / 10,
    note,
  };
}

/** A country (or province) on the far side of the target country's border. */
export interface OtherSide {
  name: string;
  outline: Area;
}

/**
 * The part of the disc outside the target country: in the other province for the Iran–Pakistan
 * sites (OpenStreetMap outlines), in any other country for context sites (Natural Earth).
 */
export function acrossBorder(point: [number, number], radiusKm: number, others: OtherSide[], basis: string): AcrossBorder {
  const d = disc(point, radiusKm);
  const names: string[] = [];
  const parts: Position[][][] = [];
  for (const other of others) {
    const part = partInside(d, [other.outline]);
    if (!part || !(area(part) > 0)) continue;
    names.push(other.name);
    parts.push(...part.coordinates);
  }
  const geometry: MultiPolygon | null = parts.length ? { type: 'MultiPolygon', coordinates: parts } : null;
  const s = share(geometry, d);
  return { country: names.join(' and '), share: s, basis, geometry: geometry && s > 0 ? roundGeometry(geometry) : null };
}
