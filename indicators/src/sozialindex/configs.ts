import type { SozialindexConfig } from "./types.ts";

const BERLIN_CUTS = { status: [-1, 1, 1.5], dynamics: [-1, 1] } as const;
const LABELS = {
  status: ["hoch", "mittel", "niedrig", "sehr niedrig"],
  dynamics: ["positiv", "stabil", "negativ"],
} as const;

/**
 * Berlin Monitoring Soziale Stadtentwicklung from MSS 2019 on (spec §7.1), replicated exactly from MSS 2021:
 * S1 Arbeitslosigkeit (SGB II), S3 Transferbezug, S4 Kinderarmut in percent, and D1/D3/D4 = their change in
 * percentage points over two years; z with unweighted mean and SD divisor n, sum, z of the sum,
 * cut-offs −1/+1/+1.5 (status) and −1/+1 (dynamics); planning areas below 300 inhabitants are left out.
 */
export const berlinMss: SozialindexConfig = {
  id: "berlin-mss",
  name: "Berlin MSS (ab 2019)",
  status: [
    { id: "S1", label: "Arbeitslosigkeit SGB II (%)" },
    { id: "S3", label: "Transferbezug (%)" },
    { id: "S4", label: "Kinderarmut (%)" },
  ],
  dynamics: [
    { id: "D1", label: "Veränderung Arbeitslosigkeit (Prozentpunkte)", changeOf: "S1" },
    { id: "D3", label: "Veränderung Transferbezug (Prozentpunkte)", changeOf: "S3" },
    { id: "D4", label: "Veränderung Kinderarmut (Prozentpunkte)", changeOf: "S4" },
  ],
  lagYears: 2,
  inputsAreZ: false,
  sdDivisor: "n",
  aggregate: "sum",
  restandardise: true,
  minPopulation: 300,
  // "Gewerbegebiet Bitterfelder Straße", excluded as an outlier since MSS 2019 (ids of the 542- and the 447-PLR geography).
  excludeUnits: ["10100205", "10010203"],
  cuts: BERLIN_CUTS,
  labels: LABELS,
};

/**
 * Münster Sozialmonitoring (45 Stadtteile): the three core indicators K1 SGB-II-Bezug 15–64, K2 Kinder unter 15
 * im SGB II, K3 Minderjährige mit Migrationsvorgeschichte, each z-standardised and averaged with equal weights
 * (published method); dynamics = change of the same three in percentage points over two years.
 * Münster publishes neither its SD divisor nor its class cut-offs, so this config re-standardises the mean and
 * uses Berlin's divisor n and cut-offs; after re-standardisation mean and sum give the same index.
 */
export const muenster: SozialindexConfig = {
  id: "muenster",
  name: "Münster Sozialmonitoring (Kernindikatoren)",
  status: [
    { id: "sgb2_15_64_st", label: "SGB-II-Bezug 15–64 (%)" },
    { id: "kinder_sgb2_u15", label: "Kinder unter 15 im SGB II (%)" },
    { id: "anteil_mv_u18", label: "Minderjährige mit Migrationsvorgeschichte (%)" },
  ],
  dynamics: [
    { id: "d_sgb2_15_64_st", label: "Veränderung SGB-II-Bezug 15–64 (Prozentpunkte)", changeOf: "sgb2_15_64_st" },
    { id: "d_kinder_sgb2_u15", label: "Veränderung Kinder im SGB II (Prozentpunkte)", changeOf: "kinder_sgb2_u15" },
    { id: "d_anteil_mv_u18", label: "Veränderung Minderjährige mit MV (Prozentpunkte)", changeOf: "anteil_mv_u18" },
  ],
  lagYears: 2,
  inputsAreZ: false,
  sdDivisor: "n",
  aggregate: "mean",
  restandardise: true,
  minPopulation: 300,
  excludeUnits: [],
  cuts: BERLIN_CUTS,
  labels: LABELS,
};

/** Named configurations, selectable by id (CLI `--config`). */
export const sozialindexConfigs: Record<string, SozialindexConfig> = { muenster, "berlin-mss": berlinMss };
