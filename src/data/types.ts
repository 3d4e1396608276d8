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
  /** The place's name as Urdu writes it (built-in strikes; absent in other data). */
  name_ur?: string;
  /** The place's name as Persian writes it (built-in strikes; absent in other data). */
  name_fa?: string;
  claimed_target: string;
  weapons: Account[];
  casualties: Account[];
  casualties_disputed: boolean;
  distance_claims: Account[];
  uncertainty_km: number;
  location_basis: string;
  sources: string[];
  /** True when `time_utc` is our estimate; `time_note` then says how it was made. */
  time_estimated?: boolean;
  /** How the clock time was obtained: the method of an estimate, or who reported it. */
  time_note?: string;
  /** Reports that state the clock time (empty for an estimate). */
  time_sources?: string[];
  /** The reported facts the location was derived from, each used or set aside (with why). */
  constraints?: LocationConstraint[];
  /** Other readings of where the strike was, with their distance from the plotted point. */
  alternatives?: LocationAlternative[];
  /** How the point and its area sit in the district or county the reports name. */
  district?: DistrictFit | null;
  /** The part of the area of uncertainty that lies outside the target country. */
  across_border?: AcrossBorder;
}

/** One reported fact behind a derived location. */
export interface LocationConstraint {
  by: string;
  text: string;
  use: 'used' | 'set-aside';
  why: string;
  sources: string[];
}

/** Another reading of a strike's location. */
export interface LocationAlternative {
  name: string;
  by: string;
  note: string;
  coordinates: [number, number];
  /** Great-circle distance from the plotted point, km. */
  distance_km: number;
  radius_km: number | null;
  sources: string[];
}

/** The district or county a strike is said to be in, measured against its outline. */
export interface DistrictFit {
  id: string;
  name: string;
  /** Share (0–1) of the area of uncertainty inside the district. */
  share: number;
  /** Distance from the point to the district's edge, km. */
  edge_km: number;
  /** Why the point is near the edge, or why much of the area lies outside. */
  note: string | null;
}

/** The share of the area of uncertainty on the far side of the target country's border. */
export interface AcrossBorder {
  /** Where that part lies, by name, e.g. "Pakistan" for an Iranian site whose disc reaches into Pakistan. */
  country: string;
  /** Share (0–1) of the disc's area. */
  share: number;
  /** What the share was measured against. */
  basis: string;
  /** That part of the disc, for drawing it distinctly; null when the share is 0. */
  geometry: MultiPolygon | null;
}

export interface PlaceProperties {
  id: string;
  name: string;
  name_local: string;
  /** The name as Urdu writes it. */
  name_ur: string;
  /** The name as Persian writes it. */
  name_fa: string;
  kind: 'town' | 'capital' | 'national-capital' | 'crossing';
  country: string;
  uncertainty_km: number;
  opened: string | null;
  note: string;
  sources: string[];
}

/** A settlement from GeoNames (geodata/settlements.geojson), labelled from zoom 8. */
export interface SettlementProperties {
  /** GeoNames' name, in its Latin transliteration. */
  name: string;
  country: CountryCode;
  source: 'GeoNames';
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
  /** How the clock time was obtained: the method of an estimate, or who reported it. */
  time_note?: string;
  /** Reports that state the clock time (absent for an estimate). */
  time_sources?: string[];
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
  settlements: FeatureCollection<Point, SettlementProperties>;
  timeline: TimelineEvent[];
}
