import type { Generated } from "kysely";

/** The one description of the database; migrations in ./migrations create exactly this. */
export interface Database {
  districts: DistrictTable;
  accounts: AccountTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  audit_log: AuditLogTable;
  extracts: ExtractTable;
  /** A view over `observation_values` joined with `observation_keys`; inserts into it are split by a trigger. */
  observations: ObservationTable;
  observation_keys: ObservationKeyTable;
  observation_values: ObservationValueTable;
  indicator_values: IndicatorValueTable;
  sozialmonitoring: SozialmonitoringTable;
  meta: MetaTable;
  disclosure_decisions: DisclosureDecisionTable;
  releases: ReleaseTable;
  release_revisions: ReleaseRevisionTable;
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

/** Each (profile, dims, measure) once; the import gives new keys the next ids under the write lock. */
export interface ObservationKeyTable {
  id: number;
  profile: string;
  dims: string;
  measure: string;
}

/** The stored values, narrow: everything repeated from row to row is in the key. */
export interface ObservationValueTable {
  extract_id: number;
  year: number;
  district: number | null;
  key_id: number;
  value: number | null;
}

/** Precomputed engine results: reads are lookups. */
export interface IndicatorValueTable {
  /** 0: the current draft; else the release whose frozen copy this row is. */
  release: Generated<number>;
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
  /** 0: the current draft; else the release whose frozen copy this row is. */
  release: Generated<number>;
  kind: string;
  year: number;
  key: string;
  area: string;
  result: string;
}

/** A published state of the results: what the public reads, frozen with everything needed to read it again. */
export interface ReleaseTable {
  id: Generated<number>;
  title: string;
  note: string | null;
  published_at: string;
  published_by: string;
  catalogue_version: string;
  /** The catalogue file's text. */
  catalogue: string;
  /** JSON: the district list. */
  districts: string;
  /** JSON: the current extracts (`ReleaseExtract[]`). */
  extracts: string;
  /** When the frozen results were computed. */
  computed_at: string;
}

/** A public value of a release that differs from the previous release. */
export interface ReleaseRevisionTable {
  release: number;
  previous_release: number;
  indicator: string;
  year: number;
  area: string;
  breakdown: string;
  grp: string;
  previous_value: number | null;
  value: number | null;
  previous_status: string;
  status: string;
  reason: string;
}

export interface MetaTable {
  key: string;
  value: string;
}

/** A person who signs in: analysts import and publish, admins also manage accounts. */
export interface AccountTable {
  id: Generated<number>;
  name: string;
  /** "analyst" | "admin" */
  role: string;
  /** `scrypt$N$r$p$salt$hash` (base64url), see repositories/accounts.ts. */
  password_hash: string;
  /** 1: may not sign in; sessions and tokens stop working. */
  disabled: Generated<number>;
  created_at: string;
  password_changed_at: string;
}

/** A browser session; the cookie carries a random id, the table only its SHA-256. */
export interface SessionTable {
  id_hash: string;
  account_id: number;
  /** Sent back in `X-CSRF-Token` with every writing request of this session. */
  csrf_token: string;
  created_at: string;
  /** Moves forward with use (idle limit), never past `created_at` plus the absolute limit. */
  expires_at: string;
}

/** An API token for scripts: only its SHA-256 is kept, the token itself is shown once. */
export interface ApiTokenTable {
  id: Generated<number>;
  account_id: number;
  label: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

/** Who did what when: logins, imports, publications, account and token changes. */
export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  /** Account name, "MONITOR_ADMIN_TOKEN", "CLI (user)" or null for an unknown sender. */
  actor: string | null;
  action: string;
  detail: string;
}
