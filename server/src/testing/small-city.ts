// A hand-made city for route tests: four Stadtteile (11, 12, 13 in Bezirk Mitte, 21 in Nord with 250
// inhabitants), einwohner for 2018 and 2020, SGB II for both years, and a five-indicator catalogue.
// With `{ mss: true }` also unemployment and Sozialamt counts and the catalogue's S1–S3 indicators of the
// S1–S4 index (Berlin method). Every expected value in the tests is computed by hand from the tables below.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CatalogueInput } from "@im/indicators";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../app.ts";
import { loadConfig } from "../config.ts";
import { type AppContext, openAppContext } from "../context.ts";
import type { DatabaseHandle } from "../db/connection.ts";
import { type Conn, type EngineKind, explicitIdsStored, insertRows } from "../db/engine.ts";
import type { ObservationTable } from "../db/schema.ts";
import { postgresTestSchema } from "./engines.ts";

export const districts = [
  { number: 11, name: "Altstadt", bezirk: "Mitte" },
  { number: 12, name: "Hafen", bezirk: "Mitte" },
  { number: 13, name: "Neustadt", bezirk: "Mitte" },
  { number: 21, name: "Feld", bezirk: "Nord" },
];

type Cell = [staatsangehoerigkeit: string, migration: string, alter: string, count: number];

/** Einwohner 2020: Ausländer 150 / 250 / 70 / 2 of 1000 / 1000 / 500 / 250. */
export const einwohner: Record<number, Cell[]> = {
  11: [
    ["deutsch", "ohne", "0-14", 100],
    ["deutsch", "ohne", "15-17", 20],
    ["deutsch", "ohne", "18-64", 500],
    ["deutsch", "ohne", "65+", 180],
    ["deutsch", "persoenlich", "18-64", 50],
    ["EU", "auslaendisch", "18-64", 100],
    ["Drittstaat", "auslaendisch", "0-14", 20],
    ["Drittstaat", "auslaendisch", "15-17", 5],
    ["Drittstaat", "auslaendisch", "18-64", 25],
  ],
  12: [
    ["deutsch", "ohne", "0-14", 80],
    ["deutsch", "ohne", "15-17", 20],
    ["deutsch", "ohne", "18-64", 450],
    ["deutsch", "ohne", "65+", 100],
    ["deutsch", "vererbt", "0-14", 50],
    ["deutsch", "vererbt", "15-17", 10],
    ["deutsch", "persoenlich", "18-64", 40],
    ["EU", "auslaendisch", "18-64", 100],
    ["Drittstaat", "auslaendisch", "0-14", 40],
    ["Drittstaat", "auslaendisch", "15-17", 10],
    ["Drittstaat", "auslaendisch", "18-64", 90],
    ["Drittstaat", "auslaendisch", "65+", 10],
  ],
  13: [
    ["deutsch", "ohne", "0-14", 60],
    ["deutsch", "ohne", "15-17", 15],
    ["deutsch", "ohne", "18-64", 250],
    ["deutsch", "ohne", "65+", 75],
    ["deutsch", "persoenlich", "18-64", 30],
    ["EU", "auslaendisch", "18-64", 40],
    ["Drittstaat", "auslaendisch", "0-14", 10],
    ["Drittstaat", "auslaendisch", "15-17", 5],
    ["Drittstaat", "auslaendisch", "18-64", 15],
  ],
  21: [
    ["deutsch", "ohne", "0-14", 30],
    ["deutsch", "ohne", "15-17", 10],
    ["deutsch", "ohne", "18-64", 150],
    ["deutsch", "ohne", "65+", 58],
    ["Drittstaat", "auslaendisch", "18-64", 2],
  ],
};

/** 2018 differs only in the children's migration history of Altstadt and Hafen (same totals). */
const changes2018: Record<string, number> = {
  "11|deutsch|ohne|0-14": 105,
  "11|Drittstaat|auslaendisch|0-14": 15,
  "12|deutsch|ohne|0-14": 90,
  "12|deutsch|vererbt|0-14": 40,
};

export function einwohnerIn(year: number): Record<number, Cell[]> {
  if (year !== 2018) return einwohner;
  return Object.fromEntries(
    Object.entries(einwohner).map(([number, cells]) => [
      number,
      cells.map(
        ([sta, mv, alter, count]): Cell => [sta, mv, alter, changes2018[`${number}|${sta}|${mv}|${alter}`] ?? count],
      ),
    ]),
  );
}

type SgbCell = [nationalitaet: string, alter: string, count: number];

/** SGB-II-Leistungsberechtigte; in 2018 Feld has 200 under 65 but only 192 inhabitants under 65. */
export const sgb2: Record<number, Record<number, SgbCell[]>> = {
  2018: {
    11: [
      ["deutsch", "0-14", 12],
      ["deutsch", "15-64", 45],
      ["auslaendisch", "0-14", 6],
      ["auslaendisch", "15-64", 17],
    ],
    12: [
      ["deutsch", "0-14", 30],
      ["deutsch", "15-64", 70],
      ["auslaendisch", "0-14", 25],
      ["auslaendisch", "15-64", 90],
    ],
    13: [
      ["deutsch", "0-14", 8],
      ["deutsch", "15-64", 22],
      ["auslaendisch", "0-14", 4],
      ["auslaendisch", "15-64", 10],
    ],
    21: [
      ["deutsch", "0-14", 3],
      ["deutsch", "15-64", 197],
    ],
  },
  2020: {
    11: [
      ["deutsch", "0-14", 10],
      ["deutsch", "15-64", 40],
      ["auslaendisch", "0-14", 5],
      ["auslaendisch", "15-64", 15],
    ],
    12: [
      ["deutsch", "0-14", 20],
      ["deutsch", "15-64", 60],
      ["auslaendisch", "0-14", 20],
      ["auslaendisch", "15-64", 80],
    ],
    13: [
      ["deutsch", "0-14", 8],
      ["deutsch", "15-64", 20],
      ["auslaendisch", "0-14", 4],
      ["auslaendisch", "15-64", 10],
    ],
    21: [
      ["deutsch", "0-14", 3],
      ["deutsch", "15-64", 7],
    ],
  },
};

type MssCell = [arbeitslose: number, arbeitsloseSgb2: number, langzeitarbeitslose: number, hlu: number, gs: number];

/**
 * Only with `{ mss: true }`: Arbeitslose, of which in the SGB II, Langzeitarbeitslose (one arbeitsmarkt line
 * "deutsch, 15-64" per Stadtteil) and HLU / Grundsicherung (sozialamt lines "18-64" / "65+").
 * 2020: Neustadt (13) has 2 Langzeitarbeitslose and Feld (21) 1 — cells the public must not see.
 */
export const mss: Record<number, Record<number, MssCell>> = {
  2018: { 11: [42, 25, 21, 3, 7], 12: [72, 55, 36, 5, 15], 13: [30, 14, 5, 1, 4], 21: [6, 5, 3, 0, 2] },
  2020: { 11: [35, 20, 14, 3, 7], 12: [72, 50, 36, 5, 15], 13: [25, 12, 2, 1, 4], 21: [6, 3, 1, 0, 2] },
};

const einwohnerAll = { profile: "einwohner", measures: ["einwohner"] };
const sgb2Sel = (from: number, to: number) => ({
  profile: "arbeitsmarkt",
  measures: ["sgb2_leistungsberechtigte"],
  age: { from, to },
});
const einwohnerAge = (from: number, to: number) => ({ ...einwohnerAll, age: { from, to } });
const texts = (title: string) => ({
  title,
  shortTitle: title,
  definition: `${title} (Testdefinition)`,
  numeratorLabel: "Zähler",
  denominatorLabel: "Nenner",
  source: "Testdaten",
});

export const catalogue: CatalogueInput = {
  version: "test-2026.1",
  title: "Testkatalog",
  fields: [
    { id: "GD", title: "Grunddaten" },
    { id: "KJS", title: "Soziale Leistungen" },
  ],
  groupings: {
    migration: {
      label: "Migrationsvorgeschichte",
      groups: [
        { id: "mit", label: "mit Migrationsvorgeschichte" },
        { id: "ohne", label: "ohne Migrationsvorgeschichte" },
      ],
    },
    nationalitaet: {
      label: "Staatsangehörigkeit",
      groups: [
        { id: "auslaendisch", label: "Ausländer/-innen" },
        { id: "deutsch", label: "Deutsche" },
      ],
    },
  },
  indicators: [
    {
      id: "auslaenderanteil",
      field: "GD",
      unit: "%",
      ...texts("Ausländeranteil"),
      numerator: { ...einwohnerAll, filter: { staatsangehoerigkeit: ["EU", "Drittstaat", "ungeklaert"] } },
      denominator: einwohnerAll,
    },
    {
      id: "sgb2_quote",
      field: "KJS",
      unit: "%",
      ...texts("SGB-II-Quote"),
      numerator: sgb2Sel(0, 64),
      denominator: einwohnerAge(0, 64),
      comparison: "nationalitaet",
    },
    {
      id: "sgb2_15_64_st",
      field: "KJS",
      unit: "%",
      ...texts("SGB-II-Bezug 15–64"),
      numerator: sgb2Sel(15, 64),
      denominator: einwohnerAge(15, 64),
    },
    {
      id: "kinder_sgb2_u15",
      field: "KJS",
      unit: "%",
      ...texts("Kinderarmut"),
      numerator: sgb2Sel(0, 14),
      denominator: einwohnerAge(0, 14),
    },
    {
      id: "anteil_mv_u18",
      field: "GD",
      unit: "%",
      ...texts("Minderjährige mit Migrationsvorgeschichte"),
      numerator: {
        ...einwohnerAge(0, 17),
        filter: { migrationsvorgeschichte: ["persoenlich", "vererbt", "auslaendisch"] },
      },
      denominator: einwohnerAge(0, 17),
    },
  ],
};

/** The indicators S1–S3 of the S1–S4 index (Berlin method), as in the shipped catalogue (S4 is kinder_sgb2_u15). */
const MSS_INDICATORS = ["arbeitslosenanteil_st", "mss_s2_langzeitarbeitslosigkeit", "mss_s3_transferbezug"];

/** The small catalogue plus S1–S3 taken from the shipped catalogue file. */
export function catalogueWithMss(): CatalogueInput {
  const shipped = JSON.parse(
    readFileSync(new URL("../../../indicators/catalogue/catalogue.json", import.meta.url), "utf8"),
  ) as CatalogueInput;
  return {
    ...catalogue,
    fields: [...catalogue.fields, { id: "WA", title: "Wirtschaft und Arbeit" }],
    migrationDefinitions: { staatsangehoerigkeit: "Ausländer/-innen: ohne deutsche Staatsangehörigkeit." },
    indicators: [...catalogue.indicators, ...shipped.indicators.filter((i) => MSS_INDICATORS.includes(i.id))],
  };
}

interface SmallCityExtract {
  id: number;
  profile: string;
  year: number;
  stichtag: string;
  file_name: string;
  sha256: string;
  replaced_by: number | null;
}
type SmallCityObservation = Omit<ObservationTable, "extract_id"> & { extract_id: number };

/**
 * Writes the small city into an opened database, like a finished import would leave it. On SQLite it is written
 * before this returns (tests that do not await it rely on that); on PostgreSQL in one transaction.
 */
export function insertSmallCity(database: DatabaseHandle, options: { mss?: boolean } = {}): Promise<void> {
  const extracts: SmallCityExtract[] = [];
  const observations: SmallCityObservation[] = [];
  const addExtract = (profile: string, year: number, replacedBy: number | null = null) => {
    const id = extracts.length + 1;
    extracts.push({
      id,
      profile,
      year,
      stichtag: `${year}-12-31`,
      file_name: `${profile}-${year}.csv`,
      sha256: `${profile}-${year}-${replacedBy}`,
      replaced_by: replacedBy,
    });
    return id;
  };
  const observation = (
    extract: number,
    profile: string,
    year: number,
    district: number | null,
    dims: string,
    measure: string,
    value: number | null,
  ) => observations.push({ extract_id: extract, profile, year, district, dims, measure, value });

  // A replaced delivery whose lines must not count.
  const replaced = addExtract("einwohner", 2020);
  for (const year of [2018, 2020]) {
    const id = addExtract("einwohner", year);
    if (year === 2020) {
      extracts[replaced - 1].replaced_by = id;
      observation(
        replaced,
        "einwohner",
        2020,
        12,
        "geschlecht=w|alter=18-64|staatsangehoerigkeit=Drittstaat|migrationsvorgeschichte=auslaendisch",
        "einwohner",
        1000,
      );
    }
    for (const [number, cells] of Object.entries(einwohnerIn(year))) {
      for (const [sta, mv, alter, count] of cells) {
        const dims = `geschlecht=w|alter=${alter}|staatsangehoerigkeit=${sta}|migrationsvorgeschichte=${mv}`;
        observation(id, "einwohner", year, Number(number), dims, "einwohner", count);
      }
    }
    const sgb = addExtract("arbeitsmarkt", year);
    for (const [number, cells] of Object.entries(sgb2[year])) {
      for (const [nat, alter, count] of cells) {
        observation(
          sgb,
          "arbeitsmarkt",
          year,
          Number(number),
          `geschlecht=w|alter=${alter}|nationalitaet=${nat}`,
          "sgb2_leistungsberechtigte",
          count,
        );
      }
    }
    if (options.mss) {
      const sozialamt = addExtract("sozialamt", year);
      for (const [number, [al, alSgb2, long, hlu, gs]] of Object.entries(mss[year])) {
        const line = "geschlecht=w|alter=15-64|nationalitaet=deutsch";
        observation(sgb, "arbeitsmarkt", year, Number(number), line, "arbeitslose", al);
        observation(sgb, "arbeitsmarkt", year, Number(number), line, "arbeitslose_sgb2", alSgb2);
        observation(sgb, "arbeitsmarkt", year, Number(number), line, "langzeitarbeitslose", long);
        const adult = "geschlecht=w|alter=18-64|nationalitaet=deutsch";
        observation(sozialamt, "sozialamt", year, Number(number), adult, "hlu", hlu);
        const elderly = "geschlecht=w|alter=65+|nationalitaet=deutsch";
        observation(sozialamt, "sozialamt", year, Number(number), elderly, "grundsicherung_alter", gs);
      }
    }
  }

  const rows = {
    districts: [...districts],
    // Referenced extracts first: the replaced one points to its successor.
    extracts: [
      ...extracts.filter((e) => e.replaced_by === null),
      ...extracts.filter((e) => e.replaced_by !== null),
    ].map((e) => ({
      ...e,
      office: "Test",
      encoding: "utf-8",
      line_count: 0,
      observation_count: 0,
      imported_at: "2026-11-22T00:00:00Z",
      imported_by: "test",
    })),
    observations,
  };
  const steps = (conn: Conn) => [
    () => insertRows(conn, "districts", ["number", "name", "bezirk"], rows.districts),
    () =>
      insertRows(
        conn,
        "extracts",
        [
          "id",
          "profile",
          "office",
          "year",
          "stichtag",
          "file_name",
          "sha256",
          "encoding",
          "line_count",
          "observation_count",
          "imported_at",
          "imported_by",
          "replaced_by",
        ],
        rows.extracts,
      ),
    () =>
      insertRows(
        conn,
        "observations",
        ["extract_id", "profile", "year", "district", "dims", "measure", "value"],
        rows.observations,
      ),
    () => explicitIdsStored(conn, "extracts"),
  ];
  if (database.engine === "sqlite") {
    // SQLite's bulk writer is synchronous: every step has run when its promise is created.
    for (const step of steps(database)) void step();
    return Promise.resolve();
  }
  return database.transaction(async (tx) => {
    for (const step of steps(tx)) await step();
  });
}

export const ADMIN_TOKEN = "test-token-analyst";

export interface SmallCity {
  app: FastifyInstance;
  /** The app's context, for services called beside it (recompute) to share its read cache. */
  context: AppContext;
  database: DatabaseHandle;
  dir: string;
  close(): Promise<void>;
}

/**
 * A temp SQLite file with the small city and its catalogue, and the app built on it (results computed at
 * start-up). `mss: true` adds the data and indicators of the S1–S4 index (Berlin method); `catalogue` replaces
 * the small catalogue. The public reads the draft unless `publicDraft: false`.
 */
export async function openSmallCity(
  options: { mss?: boolean; catalogue?: CatalogueInput; publicDraft?: boolean; engine?: EngineKind } = {},
): Promise<SmallCity> {
  const dir = mkdtempSync(join(tmpdir(), "im-small-city-"));
  const cataloguePath = join(dir, "catalogue.json");
  const chosen = options.catalogue ?? (options.mss ? catalogueWithMss() : catalogue);
  writeFileSync(cataloguePath, JSON.stringify(chosen, null, 2));
  // On PostgreSQL (`engine: "postgres"`, needs MONITOR_TEST_PG_URL) a fresh schema, dropped by close().
  const schema = options.engine === "postgres" ? postgresTestSchema() : null;
  const config = loadConfig(["--db", schema?.url ?? join(dir, "test.sqlite")], {
    MONITOR_ADMIN_TOKEN: ADMIN_TOKEN,
    MONITOR_CATALOGUE: cataloguePath,
    MONITOR_DEMO: "0",
    // Most route tests read the draft as the public; releases.test.ts reads as a city publishing releases does.
    MONITOR_PUBLIC_DRAFT: options.publicDraft === false ? "0" : "1",
  });
  const context = await openAppContext(config);
  const { database } = context;
  await insertSmallCity(database, options);
  const app = await buildApp({ context });
  return {
    app,
    context,
    database,
    dir,
    async close() {
      await app.close();
      await database.close();
      await schema?.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
