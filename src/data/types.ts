/** Shapes of the built-in data files in geodata/ (see geodata/README.md). */
import type { Feature, FeatureCollection, LineString, MultiLineString, MultiPolygon, Point, Polygon } from 'geojson';

export type CountryCode = 'IR' | 'PK';

/** One party's version of a fact (weapons used, casualties, distance), with its sources. */
export interface Account {
  by: string;
  side: 'IR' | 'PK' | 'other';
  text: string;
  killed?: number;
  injured?: number;
  sources: string[];
}

export interface StrikeProperties {
  id: string;
  category: 'cross-border' | 'context';
  date: string;
  time_local: string;
  time_utc: string;
  attacker: CountryCode;
  target_country: string;
  target_province: string | null;
  place: string;
  place_local: string;
  claimed_target: string;
  weapons: Account[];
  casualties: Account[];
  casualties_disputed: boolean;
  distance_claims: Account[];
  uncertainty_km: number;
  location_basis: string;
  sources: string[];
}

export interface PlaceProperties {
  id: string;
  name: string;
  name_local: string;
  kind: 'town' | 'capital' | 'national-capital' | 'crossing';
  country: string;
  uncertainty_km: number;
  opened: string | null;
  note: string;
  sources: string[];
}

export interface ProvinceProperties {
  id: string;
  name: string;
  name_local: string;
  country: CountryCode;
  iso_3166_2: string;
  area_km2: number;
}

export interface TimelineEvent {
  id: string;
  date: string;
  time_utc?: string;
  /** The clock time is our estimate (e.g. from the sunset time), not a reported one. */
  time_estimated?: boolean;
  kind: 'strike' | 'diplomacy' | 'incident' | 'context';
  title: string;
  summary: string;
  sources: string[];
  place_id?: string;
}

export type StrikeFeature = Feature<Point, StrikeProperties>;
export type PlaceFeature = Feature<Point, PlaceProperties>;

/** Everything the built-in story needs, decoded and ready for MapLibre. */
export interface BuiltinData {
  border: FeatureCollection<LineString | MultiLineString>;
  provinces: FeatureCollection<Polygon | MultiPolygon, ProvinceProperties>;
  districts: FeatureCollection<Polygon | MultiPolygon>;
  basemapCountries: FeatureCollection<Polygon | MultiPolygon>;
  basemapBoundaries: FeatureCollection<LineString | MultiLineString>;
  strikes: FeatureCollection<Point, StrikeProperties>;
  places: FeatureCollection<Point, PlaceProperties>;
  timeline: TimelineEvent[];
}
