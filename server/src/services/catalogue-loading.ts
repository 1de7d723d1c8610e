import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { type ExtractProfile, profiles } from "@im/data-import";
import {
  type BreakdownInfo,
  type Catalogue,
  CatalogueError,
  type IndicatorMeta,
  indicatorBreakdowns,
  indicatorMeta,
  numeratorTerms,
  parseCatalogue,
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
 * Reads and validates a catalogue file against the real extract profiles. Every problem is reported at once
 * as a `CatalogueError` with German messages, so a broken file stops the start-up with a usable list.
 */
export function readCatalogue(path: string): LoadedCatalogue {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new CatalogueError([
      { path: "", message: `Die Katalogdatei ${path} kann nicht gelesen werden (${(error as Error).message}).` },
    ]);
  }
  return parseCatalogueText(text, path);
}

/** A catalogue from its file's text (also a release's frozen copy, with `path` naming where it came from). */
export function parseCatalogueText(text: string, path: string): LoadedCatalogue {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new CatalogueError([
      { path: "", message: `Die Katalogdatei ${path} ist kein gültiges JSON (${(error as Error).message}).` },
    ]);
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
  const read = new Set(
    catalogue.indicators.flatMap((i) => [
      ...numeratorTerms(i).map((term) => term.selection.profile),
      i.denominator.profile,
    ]),
  );
  return {
    catalogue,
    path,
    profiles: profiles.filter((p) => read.has(p.id)),
    sha256: createHash("sha256").update(text).digest("hex"),
    list: [...meta.values()].filter((m) => !m.retired),
    meta,
    breakdowns,
    groupLabels,
  };
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
