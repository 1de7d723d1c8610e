import type { SozialindexConfig } from "./types.ts";

/** Berlin's method (Monitoring Soziale Stadtentwicklung), which the Münster configuration borrows where Münster publishes nothing. */
const BERLIN_METHOD = {
  lagYears: 2,
  inputsAreZ: false,
  sdDivisor: "n",
  restandardise: true,
  minPopulation: 300,
  cuts: { status: [-1, 1, 1.5], dynamics: [-1, 1] },
  labels: {
    status: ["hoch", "mittel", "niedrig", "sehr niedrig"],
    dynamics: ["positiv", "stabil", "negativ"],
  },
} as const satisfies Partial<SozialindexConfig>;

/**
 * Berlin Monitoring Soziale Stadtentwicklung from MSS 2019 on, replicated exactly from MSS 2021:
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
  ...BERLIN_METHOD,
  aggregate: "sum",
  // "Gewerbegebiet Bitterfelder Straße", excluded as an outlier since MSS 2019 (ids of the 542- and the 447-PLR geography).
  excludeUnits: ["10100205", "10010203"],
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
  ...BERLIN_METHOD,
  aggregate: "mean",
  excludeUnits: [],
};

/**
 * The Berlin MSS method (z with divisor n, sum, z of the sum, cut-offs −1/+1/+1.5 and −1/+1, areas below 300
 * inhabitants left out) on the four status indicators of MSS 2013–2017, computed from the indicator catalogue
 * for the city's own Stadtteile: S1 Arbeitslosigkeit (`arbeitslosenanteil_st`: unemployed SGB II + III per
 * 100 residents 15–64), S2 Langzeitarbeitslosigkeit, S3 Transferbezug (non-unemployed SGB II recipients,
 * HLU, Grundsicherung per 100 residents), S4 Kinderarmut (`kinder_sgb2_u15`); D1–D4 = their change in
 * percentage points over two years. Status ids are catalogue indicator ids, so the server reads the values
 * from the computed indicators. Not the published MSS: the indicators follow the catalogue's definitions (e.g.
 * Grundsicherung in Einrichtungen counts where the Sozialamt assigns it to a Stadtteil), and no Berlin
 * planning areas are excluded. Its own id keeps it apart from `berlinMss` (`berlin-mss`, S1, S3, S4 from 2019), the
 * configuration for tables of published MSS values.
 */
export const berlinMssCatalogue: SozialindexConfig = {
  ...berlinMss,
  id: "berlin-mss-s1-s4",
  name: "Berliner Verfahren auf S1–S4",
  status: [
    { id: "arbeitslosenanteil_st", label: "S1 Arbeitslosigkeit (%)" },
    { id: "mss_s2_langzeitarbeitslosigkeit", label: "S2 Langzeitarbeitslosigkeit (%)" },
    { id: "mss_s3_transferbezug", label: "S3 Transferbezug (%)" },
    { id: "kinder_sgb2_u15", label: "S4 Kinderarmut (%)" },
  ],
  dynamics: [
    {
      id: "d_arbeitslosenanteil_st",
      label: "D1 Veränderung Arbeitslosigkeit (Prozentpunkte)",
      changeOf: "arbeitslosenanteil_st",
    },
    {
      id: "d_mss_s2_langzeitarbeitslosigkeit",
      label: "D2 Veränderung Langzeitarbeitslosigkeit (Prozentpunkte)",
      changeOf: "mss_s2_langzeitarbeitslosigkeit",
    },
    {
      id: "d_mss_s3_transferbezug",
      label: "D3 Veränderung Transferbezug (Prozentpunkte)",
      changeOf: "mss_s3_transferbezug",
    },
    { id: "d_kinder_sgb2_u15", label: "D4 Veränderung Kinderarmut (Prozentpunkte)", changeOf: "kinder_sgb2_u15" },
  ],
  excludeUnits: [],
};

/** Named configurations for tables of indicator values, selectable by id (CLI `--config`). */
export const sozialindexConfigs: Record<string, SozialindexConfig> = { muenster, "berlin-mss": berlinMss };

/**
 * The configurations the server computes from the indicator catalogue for every year (status ids are
 * catalogue indicator ids), selectable by id (`GET /api/sozialmonitoring/index?config=`); the first is the default.
 */
export const catalogueIndexConfigs: readonly SozialindexConfig[] = [muenster, berlinMssCatalogue];
