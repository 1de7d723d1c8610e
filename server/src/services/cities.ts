import { findProfile } from "@im/data-import";
import { numeratorTerms } from "@im/indicators";
import type { FastifyInstance } from "fastify";
import type { City } from "../cities.ts";
import type { AppContext } from "../context.ts";
import { type Language, translate } from "../i18n/index.ts";
import type { GapsResponse, ValuesResponse } from "../schemas/indicators.ts";
import { translated } from "./catalogue-language.ts";
import { currentCatalogue } from "./catalogue-loading.ts";
import { computableIndexConfigs } from "./sozialmonitoring-reads.ts";

/** What the dashboard and the API tell about a city (no file paths). */
export function cityFacts(city: City) {
  return { slug: city.slug, name: city.name, language: city.language, levels: city.levels, basePath: city.basePath };
}

/**
 * The city of this address, with what its catalogue can compute and whether the map has its boundaries
 * (`GET /api/city`, and inside index.html).
 */
export function thisCity(context: AppContext) {
  return {
    ...cityFacts(context.config.city),
    indexConfigs: computableIndexConfigs(context).map((c) => c.id),
    boundaries: context.config.geojsonPath !== null,
  };
}

type ComparabilityLevel = "vergleichbar" | "eingeschraenkt" | "nicht_vergleichbar";
interface Comparability {
  level: ComparabilityLevel;
  note: string;
}
const STRICTNESS: ComparabilityLevel[] = ["vergleichbar", "eingeschraenkt", "nicht_vergleichbar"];

/**
 * A catalogue indicator's stated comparability with the standard catalogue, if its catalogue states one, with the
 * note in the reader's language where the catalogue's translations have it.
 */
function statedComparability(context: AppContext, id: string, language: Language): Comparability | null {
  const indicator = currentCatalogue(context).catalogue.indicators.find((i) => i.id === id);
  if (!indicator?.comparability) return null;
  const note = translated(indicator, "comparabilityNote", language) ?? indicator.comparability.note;
  return { level: indicator.comparability.level, note };
}

/**
 * Indicators are paired across cities by id. Their comparability is the strictest any city states (an adapted
 * catalogue says how its definition departs from the standard one); unstated means unknown, never comparable.
 */
function comparabilityOf(contexts: AppContext[], id: string, language: Language): Comparability {
  const stated = contexts
    .map((c) => statedComparability(c, id, language))
    .filter((c): c is Comparability => c !== null);
  if (stated.length === 0) {
    return { level: "eingeschraenkt", note: translate(language, "cities.comparabilityUnstated") };
  }
  const level = STRICTNESS[Math.max(...stated.map((s) => STRICTNESS.indexOf(s.level)))];
  return { level, note: stated.map((s) => s.note).join(" ") };
}

const SEX_BREAKDOWN = "geschlecht";

/** A catalogue text in the reader's language where the catalogue translates it, else the German one. */
function textIn<T extends { translations?: Partial<Record<"nl" | "en", object>> }>(
  item: T | undefined,
  key: keyof T & string,
  language: Language,
): string | undefined {
  return translated(item, key, language) ?? (item?.[key] as string | undefined);
}

/** Per Handlungsfeld and city: which indicators have a breakdown by sex, and why the others have none. */
function genderCoverage(context: AppContext, language: Language) {
  const loaded = currentCatalogue(context);
  const whyNot = (id: string) => {
    const indicator = loaded.catalogue.indicators.find((i) => i.id === id);
    const lacking = (indicator ? numeratorTerms(indicator) : [])
      .map((term) => findProfile(term.selection.profile))
      .filter((profile) => profile && !profile.columns.some((c) => "dimension" in c && c.dimension === SEX_BREAKDOWN));
    // The delivery's title is the extract profile's German name.
    return lacking.length > 0
      ? translate(language, "cities.noSexInDelivery", { delivery: lacking[0]?.title ?? "" })
      : translate(language, "cities.sexNotBrokenDown");
  };
  return loaded.catalogue.fields.map((field) => ({
    field: field.id,
    title: textIn(field, "title", language) ?? field.id,
    indicators: loaded.list
      .filter((m) => m.field === field.id)
      .map((m) => {
        const bySex = m.breakdowns.includes(SEX_BREAKDOWN);
        return { id: m.id, title: textIn(m, "title", language) ?? m.id, bySex, reason: bySex ? null : whyNot(m.id) };
      }),
  }));
}

/** Every indicator at least two cities compute, with each city's definition, and each city's gender coverage. */
export function comparableIndicators(contexts: AppContext[], language: Language) {
  const byId = new Map<string, AppContext[]>();
  for (const context of contexts) {
    for (const meta of currentCatalogue(context).list) byId.set(meta.id, [...(byId.get(meta.id) ?? []), context]);
  }
  const indicators = [...byId]
    .filter(([, having]) => having.length >= 2)
    .map(([id, having]) => ({
      id,
      comparability: comparabilityOf(having, id, language),
      cities: having.map((context) => {
        const meta = currentCatalogue(context).meta.get(id);
        return {
          slug: context.config.city.slug,
          title: textIn(meta, "title", language) ?? id,
          unit: meta?.unit ?? "%",
          definition: textIn(meta, "definition", language) ?? "",
          source: textIn(meta, "source", language) ?? "",
        };
      }),
    }));
  return {
    indicators,
    genderCoverage: contexts.map((c) => ({
      city: c.config.city.slug,
      name: c.config.city.name,
      fields: genderCoverage(c, language),
    })),
  };
}

/** A city's public answer to one of its own API paths (as an outsider sees it: the latest release). */
async function publicRead<T>(
  app: FastifyInstance,
  context: AppContext,
  path: string,
  language: Language,
): Promise<T | null> {
  const answer = await app.inject({
    method: "GET",
    url: `${context.config.city.basePath}/api${path}`,
    headers: { "accept-language": language },
  });
  return answer.statusCode === 200 ? (answer.json() as T) : null;
}

/**
 * One indicator in every city that computes it, read through each city's public API (its latest release): the
 * latest year all of them have, the city value, the gap between the compared groups and every district. The
 * districts of all cities form one ranking only where the indicator is comparable.
 */
export async function compareIndicator(app: FastifyInstance, contexts: AppContext[], id: string, language: Language) {
  const having = contexts.filter((c) => currentCatalogue(c).meta.has(id));
  if (having.length < 2) return null;
  const details = await Promise.all(
    having.map((c) => publicRead<{ years: number[] }>(app, c, `/indicators/${encodeURIComponent(id)}`, language)),
  );
  const yearSets = details.map((d) => new Set(d?.years ?? []));
  const common = [...yearSets[0]].filter((y) => yearSets.every((s) => s.has(y)));
  const year = common.length > 0 ? Math.max(...common) : null;
  const cities = await Promise.all(
    having.map(async (context, i) => {
      const meta = currentCatalogue(context).meta.get(id);
      const shownYear = year ?? (details[i]?.years.length ? Math.max(...(details[i]?.years ?? [])) : null);
      const values =
        shownYear === null
          ? null
          : await publicRead<ValuesResponse>(
              app,
              context,
              `/indicators/${encodeURIComponent(id)}/values?year=${shownYear}`,
              language,
            );
      const gaps = await publicRead<GapsResponse>(
        app,
        context,
        `/indicators/${encodeURIComponent(id)}/gaps?area=stadt`,
        language,
      );
      const totals = (values?.rows ?? []).filter((r) => r.breakdown === "gesamt");
      const whole = totals.find((r) => r.area === "stadt");
      const gapRow = gaps?.rows.find((r) => r.year === shownYear);
      return {
        slug: context.config.city.slug,
        name: context.config.city.name,
        title: textIn(meta, "title", language) ?? id,
        unit: meta?.unit ?? "%",
        definition: textIn(meta, "definition", language) ?? "",
        published: details[i] !== null,
        year: shownYear,
        value: whole?.value ?? null,
        status: whole?.status ?? "missing",
        gap:
          gaps?.comparison && gapRow
            ? {
                groups: gaps.comparison.groups.map((g) => ({ label: g.label, value: gapRow.groups[g.id] ?? null })),
                gap: gapRow.gap,
              }
            : null,
        areas: totals
          .filter((r) => r.area !== "stadt" && !r.area.startsWith("bezirk:"))
          .map((r) => ({ code: r.area, name: r.areaName, value: r.value, status: r.status })),
      };
    }),
  );
  const comparability = comparabilityOf(having, id, language);
  const rankable = comparability.level === "vergleichbar" && new Set(cities.map((c) => c.unit)).size === 1;
  const ranking = rankable
    ? cities
        .flatMap((c) =>
          c.areas
            .filter((a) => a.value !== null)
            .map((a) => ({ city: c.slug, code: a.code, name: a.name, value: a.value as number })),
        )
        .sort((a, b) => b.value - a.value)
    : null;
  return { id, comparability, year, cities, ranking };
}
