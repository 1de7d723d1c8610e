import type { Generated } from "kysely";

/** The one description of the database; migrations in ./migrations create exactly this. */
export interface Database {
  districts: DistrictTable;
  extracts: ExtractTable;
  observations: ObservationTable;
  indicator_values: IndicatorValueTable;
  sozialmonitoring: SozialmonitoringTable;
  meta: MetaTable;
  disclosure_decisions: DisclosureDecisionTable;
}

/** One block's Geheimhaltung decision (JSON of `BlockDecision`), keyed by the hash of the block. */
export interface DisclosureDecisionTable {
  block: string;
  decision: string;
}

export interface DistrictTable {
  number: number;
  name: string;
  bezirk: string;
}

/** The import history: every file ever accepted, including replaced ones. */
export interface ExtractTable {
  id: Generated<number>;
  profile: string;
  office: string;
  year: number;
  stichtag: string;
  file_name: string;
  sha256: string;
  encoding: string;
  line_count: number;
  observation_count: number;
  imported_at: string;
  imported_by: string;
  replaced_by: number | null;
}

export interface ObservationTable {
  extract_id: number;
  profile: string;
  year: number;
  district: number | null;
  dims: string;
  measure: string;
  value: number | null;
}

/** Precomputed engine results: reads are lookups. */
export interface IndicatorValueTable {
  indicator: string;
  year: number;
  area: string;
  breakdown: string;
  grp: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  status: string;
  status_detail: string | null;
  suppression: string | null;
}

/** Precomputed segregation measures and social indices, one JSON document per key. */
export interface SozialmonitoringTable {
  kind: string;
  year: number;
  key: string;
  area: string;
  result: string;
}

export interface MetaTable {
  key: string;
  value: string;
}
