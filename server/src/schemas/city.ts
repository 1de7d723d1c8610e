import { z } from "zod";

const levelName = z.tuple([z.string(), z.string()]).describe("Singular und Plural");
const germanLevelName = z
  .tuple([z.string(), z.string(), z.enum(["der", "die", "das"]).optional()])
  .describe("Singular, Plural und Artikel (fehlt er, „der“)");
const levelNames = z.object({ de: germanLevelName, nl: levelName, en: levelName });

export const citySchema = z.object({
  slug: z.string(),
  name: z.string(),
  language: z.enum(["de", "nl", "en"]).describe("Sprache, in der das Dashboard dieser Stadt startet"),
  levels: z.object({ district: levelNames, parent: levelNames }).describe("Namen der beiden Gebietsebenen"),
  basePath: z.string().describe("Pfad, unter dem die Stadt erreichbar ist („“ bei nur einer Stadt)"),
});

export const cityListSchema = z.object({ cities: z.array(citySchema) });

/** The city of this address, with what its catalogue can compute. */
export const thisCitySchema = citySchema.extend({
  indexConfigs: z
    .array(z.string())
    .describe("Konfigurationen des Status- und Dynamikindex, die ihr Katalog berechnen kann"),
  boundaries: z
    .boolean()
    .describe("Ob Stadtteilgrenzen hinterlegt sind (GET /api/geo/stadtteile); sonst zeigt die Karte Kacheln"),
});

const comparabilitySchema = z.object({
  level: z.enum(["vergleichbar", "eingeschraenkt", "nicht_vergleichbar"]),
  note: z.string().describe("Warum, aus den Katalogen der Städte"),
});

export const crossCityListSchema = z.object({
  indicators: z.array(
    z.object({
      id: z.string(),
      comparability: comparabilitySchema,
      cities: z.array(
        z.object({ slug: z.string(), title: z.string(), unit: z.string(), definition: z.string(), source: z.string() }),
      ),
    }),
  ),
  genderCoverage: z.array(
    z.object({
      city: z.string(),
      name: z.string(),
      fields: z.array(
        z.object({
          field: z.string(),
          title: z.string(),
          indicators: z.array(
            z.object({ id: z.string(), title: z.string(), bySex: z.boolean(), reason: z.string().nullable() }),
          ),
        }),
      ),
    }),
  ),
});

const comparedAreaSchema = z.object({
  code: z.string(),
  name: z.string(),
  value: z.number().nullable(),
  status: z.string(),
});

export const crossCityIndicatorSchema = z.object({
  id: z.string(),
  comparability: comparabilitySchema,
  year: z.number().int().nullable().describe("Letztes Jahr, das alle Städte haben; null: kein gemeinsames"),
  cities: z.array(
    z.object({
      slug: z.string(),
      name: z.string(),
      title: z.string(),
      unit: z.string(),
      definition: z.string(),
      published: z.boolean().describe("false: die Stadt hat noch nichts veröffentlicht"),
      year: z.number().int().nullable(),
      value: z.number().nullable(),
      status: z.string(),
      gap: z
        .object({
          groups: z.array(z.object({ label: z.string(), value: z.number().nullable() })),
          gap: z.number().nullable(),
        })
        .nullable(),
      areas: z.array(comparedAreaSchema),
    }),
  ),
  ranking: z
    .array(z.object({ city: z.string(), code: z.string(), name: z.string(), value: z.number() }))
    .nullable()
    .describe("Alle Gebiete aller Städte absteigend, nur wenn der Indikator vergleichbar ist"),
});
