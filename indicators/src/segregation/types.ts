/** Counts per spatial unit and group for one city and one year. */
export interface CountTable {
  /** Column order; a unit's population is the sum of these groups (materialise "rest" groups explicitly). */
  groups: string[];
  /** `counts` must hold a non-negative finite number for every listed group; extra keys are ignored. */
  units: { unit: string; counts: Record<string, number> }[];
}

export interface SegregationOptions {
  /** Focal group x. Default: the first group when the table has exactly two groups, otherwise none. */
  focal?: string;
  /** Compare the focal group with this group only (ID, units hold only the two groups); default: everybody else (IS). */
  other?: string;
  /** Atkinson parameter b in (0, 1); default 0.5. */
  atkinsonB?: number;
}

/** Two-group measures on [0, 1]; the keys of the published reference cases in brackets. */
export interface TwoGroupMeasures {
  /** Index of dissimilarity D; IS against the rest, ID against `other` [D]. */
  dissimilarity: number | null;
  /** ½ Σ |x_i/X − t_i/T|, the focal group against the total population [D_total]. */
  dissimilarity_total: number | null;
  /** Gini segregation index [Gini]. */
  gini: number | null;
  /** Theil's information index H [H]. */
  entropy: number | null;
  /** Atkinson index with b = profile.atkinsonB [A_b0.5 by default]. */
  atkinson: number | null;
  /** Isolation of the focal group xPx [xPx]. */
  isolation: number | null;
  /** Exposure of the focal group to the comparison group xPy [xPy]. */
  exposure: number | null;
  /** Exposure of the comparison group to the focal group yPx [yPx]. */
  exposure_other: number | null;
  /** Isolation of the comparison group yPy [yPy]. */
  isolation_other: number | null;
  /** Correlation ratio Eta² (size-adjusted isolation) [Eta2]. */
  eta2: number | null;
}

/** Multigroup measures (groups with zero city-wide total are dropped first). */
export interface MultigroupMeasures {
  /** Sakoda's multigroup dissimilarity [D_multi]. */
  dissimilarity_multi: number | null;
  /** Multigroup Gini [Gini_multi]. */
  gini_multi: number | null;
  /** Theil's information theory index H, the recommended headline measure [H_multi]. */
  entropy_multi: number | null;
  /** Mutual information index M in nats, = diversity · entropy_multi [M_mutual]. */
  mutual_information: number | null;
  /** Normalised exposure [P_multi]. */
  normalized_exposure: number | null;
  /** Relative diversity [R_multi]. */
  relative_diversity: number | null;
  /** Squared coefficient of variation [C_multi]. */
  squared_variation: number | null;
  /** City diversity E = −Σ P_k ln P_k in nats [E_entropy]. */
  diversity: number | null;
  /** E / ln K [E_norm]. */
  diversity_normalized: number | null;
  /** Simpson interaction I = Σ P_k (1 − P_k) [I_simpson]. */
  simpson_interaction: number | null;
}

export interface UnitProfile {
  unit: string;
  /** Sum of the listed groups. */
  population: number;
  /** (N_ik/t_i) / (X_k/T); null for an empty unit or a group absent city-wide [LQ]. */
  location_quotients: Record<string, number | null>;
  /** −Σ p_ik ln p_ik / ln K with K = number of listed groups; null for an empty unit [E_local_norm]. */
  local_entropy: number | null;
}

export interface SegregationProfile {
  focal: string | null;
  /** The comparison group, or null when the focal group is compared with everybody else. */
  other: string | null;
  /** City-wide share of the focal group within the compared population [P]. */
  P: number | null;
  atkinsonB: number;
  measures: TwoGroupMeasures;
  multigroup: MultigroupMeasures;
  units: UnitProfile[];
  /** Why a value is null, keyed by measure name (or `location_quotients.<group>`, `units.<unit>`), in German. */
  undefinedReasons: Record<string, string>;
}
