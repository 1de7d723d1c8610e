/** One count of one extract line (docs/architecture.md §1); `value: null` = withheld by the office. */
export interface Observation {
  profile: string;
  year: number;
  /** Stadtteil number, or null for profiles delivered for the whole city. */
  district: number | null;
  /** `name=code|name=code`, e.g. `geschlecht=w|alter=0-2|staatsangehoerigkeit=deutsch`. */
  dims: string;
  measure: string;
  value: number | null;
}

export interface District {
  number: number;
  name: string;
  bezirk: string;
}

export type ValueStatus = "ok" | "suppressed" | "missing" | "withheld" | "denominator_zero" | "band_split";

/**
 * One computed cell: the API's `ValueRow` plus the indicator id and, after disclosure control, why it is
 * suppressed. Non-ok rows (except `denominator_zero` and `suppressed`) carry no numbers.
 */
export interface IndicatorRow {
  indicator: string;
  year: number;
  /** `stadt`, `bezirk:<name>` or a Stadtteil number as string. */
  area: string;
  areaName: string;
  /** `gesamt`, a grouping id, `alter` or a dimension breakdown id. */
  breakdown: string;
  /** `gesamt` or the group id. */
  group: string;
  groupLabel: string;
  numerator: number | null;
  denominator: number | null;
  /** In the indicator's unit: 22.4 for 22.4 %, 3.1 for 3.1 ‰; full precision. */
  value: number | null;
  status: ValueStatus;
  /** German explanation for every status but `ok`. */
  statusDetail: string | null;
  /** Set by `applyDisclosureControl` on suppressed rows. */
  suppression?: "primary" | "secondary";
}
