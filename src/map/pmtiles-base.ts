/**
 * A self-hosted PMTiles archive as the basemap (`basemap="…/region.pmtiles"`, e.g. a Protomaps
 * extract): full OpenStreetMap detail with no tile server. Registers the `pmtiles://` protocol with
 * MapLibre once per page and reads the archive's header and metadata first, so that a wrong file
 * fails here with a clear message (the map then keeps its offline basemap). Vector archives in the
 * Protomaps basemap schema get land, water, roads and place names in the map's palette; any other
 * vector layer is drawn plainly by geometry type; raster archives are drawn as they are.
 * Loaded on demand only: the pmtiles package stays out of the start-up JavaScript.
 */
import { addProtocol, type ExpressionSpecification, type LayerSpecification, type SourceSpecification, type StyleSpecification } from 'maplibre-gl';
import { PMTiles, Protocol, TileType } from 'pmtiles';
import type { Palette } from './palette.ts';


/** The source id our PMTiles layers draw from. */
export const PMTILES_SOURCE = 'pmtiles-basemap';

let protocol: Protocol | undefined;

/** The archive's metadata fields we read (PMTiles spec: TileJSON-like JSON). */
interface Metadata {
  vector_layers?: { id: string }[];
  attribution?: string;
}

/**
 * @param url - absolute URL of the archive, or `pmtiles://` followed by one
 * @returns the basemap style in any palette (a BaseStyle, src/map/base-style.ts)
 * @throws when the archive cannot be read or is not a PMTiles archive (the message says which)
 */
export async function pmtilesBase(url: string): Promise<(palette: Palette) => StyleSpecification> {
  // A relative URL is relative to the page, as for any other attribute.
  const archiveUrl = new URL(url.replace(/^pmtiles:\/\//i, ''), document.baseURI).href;
  const archive = new PMTiles(archiveUrl);
  const header = await archive.getHeader();
  const metadata = ((await archive.getMetadata()) ?? {}) as Metadata;
  if (!protocol) {
    protocol = new Protocol({ metadata: true });
    addProtocol('pmtiles', protocol.tile);
  }
  protocol.add(archive);
  const vector = header.tileType === TileType.Mvt;
  if (!vector && header.tileType !== TileType.Png && header.tileType !== TileType.Jpeg && header.tileType !== TileType.Webp) {
    throw new Error(`${archiveUrl}: tiles of type ${TileType[header.tileType] ?? header.tileType} cannot be drawn (vector MVT, PNG, JPEG or WebP can)`);
  }
  const layerIds = (metadata.vector_layers ?? []).map((layer) => layer.id);
  if (vector && !layerIds.length) throw new Error(`${archiveUrl}: its metadata lists no vector_layers, so there is nothing to draw`);
  const source: SourceSpecification = { type: vector ? 'vector' : 'raster', url: `pmtiles://${archiveUrl}`, ...(vector ? {} : { tileSize: 256 }) };
  return (palette) => ({
    version: 8,
    name: 'strike-map PMTiles basemap',
    sources: { [PMTILES_SOURCE]: source },
    layers: vector ? vectorLayers(layerIds, palette) : [{ id: 'pmtiles-raster', type: 'raster', source: PMTILES_SOURCE }],
  });
}

/** Our layers for the archive's vector layers, bottom to top: sea, land, water, roads, boundaries, names. */
export function vectorLayers(ids: readonly string[], p: Palette): LayerSpecification[] {
  const from = (id: string) => ({ source: PMTILES_SOURCE, 'source-layer': id });
  const halo = { 'text-color': p.place, 'text-halo-color': p.textHalo, 'text-halo-width': 1.4 };
  const geometry = (type: string): ExpressionSpecification => ['==', ['geometry-type'], type];
  const [polygons, lines, points] = [geometry('Polygon'), geometry('LineString'), geometry('Point')];
  const known: Record<string, LayerSpecification[]> = {
    earth: [{ id: 'pmtiles-earth', type: 'fill', ...from('earth'), paint: { 'fill-color': p.land } }],
    landcover: [],
    landuse: [],
    buildings: [],
    pois: [],
    transit: [],
    water: [{ id: 'pmtiles-water', type: 'fill', ...from('water'), filter: polygons, paint: { 'fill-color': p.sea } }],
    roads: [{ id: 'pmtiles-roads', type: 'line', ...from('roads'), paint: { 'line-color': p.neighbourLine, 'line-opacity': 0.7, 'line-width': ['match', ['get', 'kind'], 'highway', 1.6, 'major_road', 1.1, 0.5] } }],
    boundaries: [{ id: 'pmtiles-boundaries', type: 'line', ...from('boundaries'), paint: { 'line-color': p.neighbourLine, 'line-width': 0.8, 'line-dasharray': [3, 2] } }],
    places: [{ id: 'pmtiles-places', type: 'symbol', ...from('places'), filter: points, layout: { 'text-field': ['to-string', ['get', 'name']], 'text-size': ['match', ['get', 'kind'], 'country', 13, 'region', 12, 11], 'text-optional': true }, paint: halo }],
  };
  const plain = (id: string): LayerSpecification[] => [
    { id: `pmtiles-${id}-fill`, type: 'fill', ...from(id), filter: polygons, paint: { 'fill-color': p.neighbour, 'fill-opacity': 0.5 } },
    { id: `pmtiles-${id}-line`, type: 'line', ...from(id), filter: lines, paint: { 'line-color': p.neighbourLine, 'line-width': 0.7 } },
    { id: `pmtiles-${id}-label`, type: 'symbol', ...from(id), filter: ['all', points, ['has', 'name']], layout: { 'text-field': ['to-string', ['get', 'name']], 'text-size': 11, 'text-optional': true }, paint: halo },
  ];
  const order = ['earth', 'landcover', 'landuse', 'water', 'buildings', 'roads', 'transit', 'boundaries', 'pois', 'places'];
  const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.indexOf('roads'));
  const sorted = [...ids].sort((a, b) => rank(a) - rank(b));
  // Protomaps draws land ("earth") on sea; other archives get land under everything.
  const background = ids.includes('earth') ? p.sea : p.land;
  return [{ id: 'pmtiles-background', type: 'background', paint: { 'background-color': background } }, ...sorted.flatMap((id) => known[id] ?? plain(id))];
}
