import type { ComparisonConfig } from "./comparisons.ts";

interface ComparisonTexts {
  label: string;
  reference: string;
  /** Group id → label. */
  groups: Record<string, string>;
}

/** The comparisons' names in Dutch and English (their German names are in comparisons.ts). */
const TEXTS: Record<string, Record<"nl" | "en", ComparisonTexts>> = {
  auslaender_deutsche: {
    nl: {
      label: "Buitenlanders en Duitsers",
      reference: "Inwoners (bevolkingsregister) naar nationaliteit",
      groups: { auslaender: "buitenlanders", deutsche: "Duitsers" },
    },
    en: {
      label: "Foreign nationals and Germans",
      reference: "Residents (population register) by nationality",
      groups: { auslaender: "foreign nationals", deutsche: "Germans" },
    },
  },
  mv_ohne_mv: {
    nl: {
      label: "Met en zonder migratiegeschiedenis",
      reference: "Inwoners (bevolkingsregister) naar migratiegeschiedenis",
      groups: { mit: "met migratiegeschiedenis", ohne: "zonder migratiegeschiedenis" },
    },
    en: {
      label: "With and without a migration history",
      reference: "Residents (population register) by migration history",
      groups: { mit: "with a migration history", ohne: "without a migration history" },
    },
  },
  minderjaehrige_mv: {
    nl: {
      label: "Minderjarigen met en zonder migratiegeschiedenis",
      reference: "Inwoners jonger dan 18 jaar (bevolkingsregister) naar migratiegeschiedenis",
      groups: { mit: "jonger dan 18, met migratiegeschiedenis", ohne: "jonger dan 18, zonder migratiegeschiedenis" },
    },
    en: {
      label: "Minors with and without a migration history",
      reference: "Residents under 18 (population register) by migration history",
      groups: { mit: "under 18 with a migration history", ohne: "under 18 without a migration history" },
    },
  },
  sgb2_u65: {
    nl: {
      label: "Ontvangers van SGB II-uitkering en overige bevolking jonger dan 65",
      reference:
        "Inwoners jonger dan 65 jaar (bevolkingsregister); overige = inwoners jonger dan 65 − ontvangers van SGB II jonger dan 65 (statistiek van de Bundesagentur für Arbeit)",
      groups: { sgb2: "ontvangers van SGB II jonger dan 65", uebrige: "overige inwoners jonger dan 65" },
    },
    en: {
      label: "SGB II benefit recipients and the rest of the population under 65",
      reference:
        "Residents under 65 (population register); rest = residents under 65 − SGB II recipients under 65 (Federal Employment Agency statistics)",
      groups: { sgb2: "SGB II recipients under 65", uebrige: "other residents under 65" },
    },
  },
  staatsangehoerigkeit: {
    nl: {
      label: "Nationaliteit (Duits, EU, derde land, onbekend)",
      reference: "Inwoners (bevolkingsregister) naar nationaliteit",
      groups: { deutsch: "Duits", EU: "EU-land", Drittstaat: "derde land", ungeklaert: "onbekend/staatloos" },
    },
    en: {
      label: "Nationality (German, EU, third country, unknown)",
      reference: "Residents (population register) by nationality",
      groups: { deutsch: "German", EU: "EU country", Drittstaat: "third country", ungeklaert: "unknown/stateless" },
    },
  },
  herkomst_buitenland_nl: {
    nl: {
      label: "Herkomst buiten Nederland en Nederlandse herkomst",
      reference: "Inwoners (BRP) naar herkomst (CBS-indeling 2022)",
      groups: { buitenland: "herkomst buiten Nederland", nederland: "Nederlandse herkomst" },
    },
    en: {
      label: "Origin outside the Netherlands and Dutch origin",
      reference: "Residents (BRP) by origin (CBS classification of 2022)",
      groups: { buitenland: "origin outside the Netherlands", nederland: "Dutch origin" },
    },
  },
  minderjaehrige_herkomst: {
    nl: {
      label: "Minderjarigen met herkomst buiten Nederland en met Nederlandse herkomst",
      reference: "Inwoners jonger dan 18 jaar (BRP) naar herkomst (CBS-indeling 2022)",
      groups: {
        buitenland: "jonger dan 18, herkomst buiten Nederland",
        nederland: "jonger dan 18, Nederlandse herkomst",
      },
    },
    en: {
      label: "Minors of origin outside the Netherlands and of Dutch origin",
      reference: "Residents under 18 (BRP) by origin (CBS classification of 2022)",
      groups: { buitenland: "under 18, origin outside the Netherlands", nederland: "under 18, Dutch origin" },
    },
  },
  herkomst: {
    nl: {
      label: "Herkomst (Nederland, overig Europa, buiten Europa)",
      reference: "Inwoners (BRP) naar herkomst (CBS-indeling 2022)",
      groups: { nederland: "Nederland", europa: "Europa exclusief Nederland", buiten_europa: "buiten Europa" },
    },
    en: {
      label: "Origin (the Netherlands, rest of Europe, outside Europe)",
      reference: "Residents (BRP) by origin (CBS classification of 2022)",
      groups: {
        nederland: "the Netherlands",
        europa: "Europe excluding the Netherlands",
        buiten_europa: "outside Europe",
      },
    },
  },
};

/**
 * A comparison's name, reference population and group names in the reader's language (German: as configured).
 * The stored results keep the German names they were computed with.
 */
export function comparisonIn(config: ComparisonConfig, language: string): ComparisonConfig {
  const texts = language === "nl" || language === "en" ? TEXTS[config.id]?.[language] : undefined;
  if (!texts) return config;
  return {
    ...config,
    label: texts.label,
    reference: texts.reference,
    groups: config.groups.map((g) => ({ ...g, label: texts.groups[g.id] ?? g.label })),
  };
}
