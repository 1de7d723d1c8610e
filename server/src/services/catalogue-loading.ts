import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { type ExtractProfile, profiles } from "@im/data-import";
import {
  type BreakdownInfo,
  type Catalogue,
  CatalogueError,
  type IndicatorMeta,
  indicatorBreakdowns,
  indicatorMeta,
  mergeTranslations,
  parseCatalogue,
  profilesReadBy,
  translationsPathOf,
} from "@im/indicators";
import type { AppContext } from "../context.ts";

/** A validated catalogue with the lookups the routes need, built once per load. */
export interface LoadedCatalogue {
  catalogue: Catalogue;
  path: string;
  sha256: string;
  /** Indicators shown in lists (not retired), in file order. */
  list: IndicatorMeta[];
  meta: Map<string, IndicatorMeta>;
  breakdowns: Map<string, BreakdownInfo[]>;
  /** indicator → breakdown → group → label. */
  groupLabels: Map<string, Map<string, Map<string, string>>>;
  /** The extract profiles the catalogue reads: the ones the city accepts (in the order of the profile list). */
  profiles: ExtractProfile[];
}

/**
 * Reads and validates a catalogue file against the real extract profiles, with the texts of its translations
 * file (`catalogue.translations.json` beside `catalogue.json`) when there is one. Every problem is reported at
 * once as a `CatalogueError` with German messages, so a broken file stops the start-up with a usable list.
 */
export function readCatalogue(path: string): LoadedCatalogue {
  return parseCatalogueText(readText(path), path, translationsOf(path));
}

/**
 * A catalogue from its file's text (also a release's frozen copy, with `path` naming where it came from) and the
 * text of its translations file. The hash is the catalogue file's alone: translating changes no result. A frozen
 * copy takes today's translations as far as they fit (`lenient`): an indicator retired since has none.
 */
export function parseCatalogueText(
  text: string,
  path: string,
  translations: string | null = null,
  options: { lenient?: boolean } = {},
): LoadedCatalogue {
  let json = parseJson(text, path);
  if (translations !== null) {
    const { merged, problems } = mergeTranslations(json, parseJson(translations, translationsPathOf(path)));
    if (problems.length > 0 && !options.lenient) throw new CatalogueError(problems);
    json = merged;
  }
  const catalogue = parseCatalogue(json, profiles);
  const meta = new Map(catalogue.indicators.map((ind) => [ind.id, indicatorMeta(catalogue, ind)]));
  const breakdowns = new Map(catalogue.indicators.map((ind) => [ind.id, indicatorBreakdowns(catalogue, ind)]));
  const groupLabels = new Map(
    [...breakdowns].map(([id, list]) => [
      id,
      new Map(list.map((b) => [b.id, new Map(b.groups.map((g) => [g.id, g.label]))])),
    ]),
  );
  return {
    catalogue,
    path,
    profiles: profilesReadBy(catalogue, profiles),
    sha256: createHash("sha256").update(text).digest("hex"),
    list: [...meta.values()].filter((m) => !m.retired),
    meta,
    breakdowns,
    groupLabels,
  };
}

/** The text of the translations file beside a catalogue file, or null when it has none. */
export function translationsOf(cataloguePath: string): string | null {
  const path = translationsPathOf(cataloguePath);
  return existsSync(path) ? readText(path) : null;
}

function readText(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    throw new CatalogueError([
      { path: "", message: `Die Katalogdatei ${path} kann nicht gelesen werden (${(error as Error).message}).` },
    ]);
  }
}

function parseJson(text: string, path: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new CatalogueError([
      { path: "", message: `Die Katalogdatei ${path} ist kein gültiges JSON (${(error as Error).message}).` },
    ]);
  }
}

/** The context's catalogue, read and checked on first use. */
export function currentCatalogue(context: AppContext): LoadedCatalogue {
  context.catalogue ??= readCatalogue(context.config.cataloguePath);
  return context.catalogue;
}

/** Reads the file again (recompute does this, so an edited catalogue takes effect with the next import). */
export function reloadCatalogue(context: AppContext): LoadedCatalogue {
  context.catalogue = readCatalogue(context.config.cataloguePath);
  return context.catalogue;
}
