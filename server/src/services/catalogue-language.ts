import { AGE_BREAKDOWN, type BreakdownInfo, type Catalogue, type GroupRef, TOTAL } from "@im/indicators";
import { type Language, translate } from "../i18n/index.ts";
import type { LoadedCatalogue } from "./catalogue-loading.ts";

type Translatable = { translations?: Partial<Record<"nl" | "en", object>> };
type Labelled = { label: string } & Translatable;

/**
 * A catalogue text (`title`, `label`, `comparabilityNote` …) in `language` where the catalogue translates it;
 * undefined in German and where it has no translation, so the caller names the German fallback.
 */
export function translated(item: Translatable | undefined, key: string, language: Language): string | undefined {
  if (language === "de") return undefined;
  const text = (item?.translations?.[language] as Record<string, unknown> | undefined)?.[key];
  return typeof text === "string" ? text : undefined;
}

const labelIn = (item: Labelled, language: Language) => translated(item, "label", language) ?? item.label;

/** An age group's label from its id (`0-5`, `65+`, `18-18`), as describe.ts words it in German. */
function ageLabel(id: string, language: Language): string {
  const [, from, to] = id.match(/^(\d+)(?:-(\d+)|\+)$/) ?? [];
  if (from === undefined) return id;
  if (to === undefined) return translate(language, "age.andOver", { from });
  return translate(language, from === to ? "age.single" : "age.range", { from, to });
}

/** The labels of a breakdown and its groups in `language`, from the catalogue's translations where it has them. */
function breakdownIn(catalogue: Catalogue, breakdown: BreakdownInfo, language: Language): BreakdownInfo {
  if (breakdown.id === TOTAL.id) {
    const label = translate(language, "group.total");
    return { id: TOTAL.id, label, groups: [{ id: TOTAL.id, label }] };
  }
  if (breakdown.id === AGE_BREAKDOWN) {
    return {
      id: breakdown.id,
      label: translate(language, "breakdown.age"),
      groups: breakdown.groups.map((g) => ({ id: g.id, label: ageLabel(g.id, language) })),
    };
  }
  const declared = catalogue.groupings[breakdown.id] ?? catalogue.dimensionBreakdowns[breakdown.id];
  if (!declared) return breakdown;
  const groups = new Map<string, Labelled>(declared.groups.map((g) => [g.id, g]));
  const group = (g: GroupRef): GroupRef => {
    const found = groups.get(g.id);
    return { id: g.id, label: found ? labelIn(found, language) : g.label };
  };
  return { id: breakdown.id, label: labelIn(declared, language), groups: breakdown.groups.map(group) };
}

/**
 * The catalogue as a reader of `language` gets it: breakdown and group labels (the comparison's too) in that
 * language, German where the catalogue has no translation. Titles, definitions and notes keep their German
 * text beside their `translations`, which the dashboard picks from; the computation never sees any of this.
 */
export function catalogueIn(loaded: LoadedCatalogue, language: Language): LoadedCatalogue {
  if (language === "de") return loaded;
  const { catalogue } = loaded;
  const breakdowns = new Map(
    [...loaded.breakdowns].map(([id, list]) => [id, list.map((b) => breakdownIn(catalogue, b, language))]),
  );
  const groupLabels = new Map(
    [...breakdowns].map(([id, list]) => [
      id,
      new Map(list.map((b) => [b.id, new Map(b.groups.map((g) => [g.id, g.label]))])),
    ]),
  );
  const noDistinction = translate("de", "migration.noDistinction");
  const meta = new Map(
    [...loaded.meta].map(([id, m]) => {
      const comparison = m.comparison && breakdowns.get(id)?.find((b) => b.id === m.comparison?.id);
      return [
        id,
        {
          ...m,
          comparison: comparison ? { id: comparison.id, groups: comparison.groups } : m.comparison,
          migrationDefinition:
            m.migrationDefinition === noDistinction
              ? translate(language, "migration.noDistinction")
              : m.migrationDefinition,
        },
      ];
    }),
  );
  return { ...loaded, meta, list: loaded.list.map((m) => meta.get(m.id) ?? m), breakdowns, groupLabels };
}
