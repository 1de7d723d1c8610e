import { z } from "zod";
import { type ProfileShape, profileCodes, profileHasAge, profileMeasures } from "./profile-shape.ts";
import {
  AGE_BREAKDOWN,
  type AgeRange,
  type Catalogue,
  catalogueSchema,
  type Goal,
  goalSchema,
  type Indicator,
  indicatorSchema,
  numeratorTerms,
  type Selection,
  type Term,
} from "./schema.ts";
import { TOTAL } from "./total.ts";

/** One problem in the catalogue file: where (`indicators[3].numerator.measures[0]`) and what, in German. */
export interface CatalogueProblem {
  path: string;
  message: string;
}

export interface CatalogueValidation {
  /** The catalogue with defaults applied, or null when there is any problem. */
  catalogue: Catalogue | null;
  /** Every problem at once, in file order. */
  problems: CatalogueProblem[];
}

/** Thrown by `parseCatalogue`; `message` lists every problem, `problems` has them one by one. */
export class CatalogueError extends Error {
  readonly problems: CatalogueProblem[];
  constructor(problems: CatalogueProblem[]) {
    const list = problems.map((p) => `- ${p.path || "(Datei)"}: ${p.message}`).join("\n");
    super(
      `Der Indikatorenkatalog ist ungültig (${problems.length} Problem${problems.length === 1 ? "" : "e"}):\n${list}`,
    );
    this.name = "CatalogueError";
    this.problems = problems;
  }
}

/**
 * Validates a parsed catalogue file against its schema and against the extract profiles: every referenced
 * profile, measure, dimension, code, grouping, breakdown, field and definition must exist. Returns all
 * problems at once with German messages; `catalogue` is null unless there are none.
 *
 * @example
 * const { catalogue, problems } = validateCatalogue(JSON.parse(text), profiles);
 * if (!catalogue) for (const p of problems) console.error(`${p.path}: ${p.message}`);
 * // e.g. "indicators[3].numerator.measures[0]: Indikator „einbuergerungsquote“: Messgröße „einbuergerung“ gibt es im Profil „einbuergerung“ nicht (vorhanden: einbuergerungen)."
 */
export function validateCatalogue(input: unknown, profiles: readonly ProfileShape[]): CatalogueValidation {
  // The indicators are parsed one by one so that one broken indicator does not hide the others' problems.
  const outer = catalogueSchema.extend({
    indicators: z.array(z.unknown()).min(1, "braucht mindestens einen Indikator"),
    goals: z.array(z.unknown()).default([]),
  });
  const problems: CatalogueProblem[] = [];
  const top = outer.safeParse(input, { error: germanIssue });
  if (!top.success) problems.push(...zodProblems(top.error.issues, []));
  const rawIndicators = top.success ? top.data.indicators : indicatorsOf(input);
  const indicators: (Indicator | null)[] = rawIndicators.map((raw, i) => {
    const parsed = indicatorSchema.safeParse(raw, { error: germanIssue });
    if (parsed.success) return parsed.data;
    const indicatorId = typeof (raw as { id?: unknown })?.id === "string" ? (raw as { id: string }).id : null;
    problems.push(...zodProblems(parsed.error.issues, ["indicators", i], indicatorId, raw));
    return null;
  });
  const goals = (top.success ? top.data.goals : listOf(input, "goals")).map((raw, i) => {
    const parsed = goalSchema.safeParse(raw, { error: germanIssue });
    if (parsed.success) return parsed.data;
    const goalId = typeof (raw as { id?: unknown })?.id === "string" ? (raw as { id: string }).id : null;
    problems.push(
      ...zodProblems(parsed.error.issues, ["goals", i]).map((p) => ({
        ...p,
        message: goalId ? `Ziel „${goalId}“: ${p.message}` : p.message,
      })),
    );
    return null;
  });
  if (top.success) {
    const catalogue = {
      ...top.data,
      indicators: indicators.filter((x): x is Indicator => x !== null),
      goals: goals.filter((x): x is Goal => x !== null),
    };
    problems.push(...referenceProblems(catalogue, indicators, profiles));
    if (problems.length === 0) return { catalogue, problems };
  }
  return { catalogue: null, problems };
}

/**
 * Like `validateCatalogue`, but throws a `CatalogueError` listing every problem. Use at start-up.
 *
 * @example
 * const catalogue = parseCatalogue(JSON.parse(readFileSync("indicators/catalogue/catalogue.json", "utf8")), profiles);
 * console.log(`Indikatorenkatalog ${catalogue.version}: ${catalogue.indicators.length} Indikatoren`);
 */
export function parseCatalogue(input: unknown, profiles: readonly ProfileShape[]): Catalogue {
  const { catalogue, problems } = validateCatalogue(input, profiles);
  if (!catalogue) throw new CatalogueError(problems);
  return catalogue;
}

function indicatorsOf(input: unknown): unknown[] {
  return listOf(input, "indicators");
}

function listOf(input: unknown, key: string): unknown[] {
  const list = (input as Record<string, unknown> | null)?.[key];
  return Array.isArray(list) ? list : [];
}

/** `["indicators", 3, "numerator", "measures", 0]` → `indicators[3].numerator.measures[0]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** The value at `path` inside `root` (for messages about a value the issue no longer carries). */
function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) value = (value as Record<PropertyKey, unknown> | null | undefined)?.[key];
  return value;
}

export function zodProblems(
  issues: readonly z.core.$ZodIssue[],
  prefix: PropertyKey[],
  indicatorId: string | null = null,
  input: unknown = undefined,
): CatalogueProblem[] {
  const say = (message: string) => (indicatorId ? `Indikator „${indicatorId}“: ${message}` : message);
  return issues.flatMap((issue): CatalogueProblem[] => {
    // An unknown key is reported at the key itself, so the editor finds the typo.
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({
        path: formatPath([...prefix, ...issue.path, key]),
        message: say(`unbekannte Angabe „${key}“ (Tippfehler?)`),
      }));
    }
    if (issue.code === "invalid_union") {
      // A numerator is a selection or a list of terms: report the problems of the form the editor chose
      // (the option that failed for more than the wrong type), not "invalid input".
      const chosen = issue.errors.filter(
        (errors) => !errors.every((e) => e.code === "invalid_type" && e.path.length === 0),
      );
      const at = valueAt(input, issue.path);
      if (chosen.length === 1) return zodProblems(chosen[0], [...prefix, ...issue.path], indicatorId, at);
      if (chosen.length === 0 && issue.errors.length > 1) {
        return [
          {
            path: formatPath([...prefix, ...issue.path]),
            message: say(`erwartet ein Objekt {...} oder eine Liste [...] von Termen, gefunden ${received(at)}`),
          },
        ];
      }
    }
    return [{ path: formatPath([...prefix, ...issue.path]), message: say(issue.message) }];
  });
}

const typeNames: Record<string, string> = {
  string: "ein Text",
  number: "eine Zahl",
  int: "eine ganze Zahl",
  boolean: "true oder false",
  array: "eine Liste [...]",
  object: "ein Objekt {...}",
  record: "ein Objekt {...}",
  null: "null",
};

function received(input: unknown): string {
  if (input === null) return "null";
  if (Array.isArray(input)) return "eine Liste";
  if (typeof input === "string") return `den Text „${input}“`;
  if (typeof input === "number" || typeof input === "boolean") return `den Wert ${String(input)}`;
  return typeof input === "object" ? "ein Objekt" : typeof input;
}

const fallback = z.locales.de().localeError;

/** German messages for schema issues that carry no own message (per-parse error map; the global zod config stays untouched). */
export function germanIssue(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return "Pflichtangabe fehlt";
      return `erwartet ${typeNames[issue.expected] ?? issue.expected}, gefunden ${received(issue.input)}`;
    case "too_small":
      if (issue.origin === "array") return `braucht mindestens ${issue.minimum} Einträge`;
      if (issue.origin === "number") return `muss mindestens ${issue.minimum} sein`;
      return "ist zu kurz";
    case "too_big":
      if (issue.origin === "number") return `darf höchstens ${issue.maximum} sein`;
      return "ist zu lang";
    default: {
      const message = fallback(issue as Parameters<typeof fallback>[0]);
      return typeof message === "string" ? message : message?.message;
    }
  }
}

function ageText(range: AgeRange): string {
  return range.to === null ? `ab ${range.from} Jahren` : `${range.from}–${range.to} Jahre`;
}

function within(inner: AgeRange, outer: AgeRange | undefined): boolean {
  if (!outer) return true;
  if (inner.from < outer.from) return false;
  if (outer.to === null) return true;
  return inner.to !== null && inner.to <= outer.to;
}

function overlap(a: AgeRange, b: AgeRange): boolean {
  const aTo = a.to ?? Number.POSITIVE_INFINITY;
  const bTo = b.to ?? Number.POSITIVE_INFINITY;
  return a.from <= bTo && b.from <= aTo;
}

const list = (xs: readonly string[]) => (xs.length ? xs.join(", ") : "keine");

function referenceProblems(
  catalogue: Catalogue,
  indicators: readonly (Indicator | null)[],
  profiles: readonly ProfileShape[],
): CatalogueProblem[] {
  const problems: CatalogueProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  const byId = new Map(profiles.map((p) => [p.id, p]));

  // Catalogue-level declarations.
  const fieldIds = new Set<string>();
  catalogue.fields.forEach((f, i) => {
    if (fieldIds.has(f.id)) add(`fields[${i}].id`, `Handlungsfeld „${f.id}“ ist doppelt angegeben.`);
    fieldIds.add(f.id);
  });
  for (const [gid, grouping] of Object.entries(catalogue.groupings)) {
    if (gid === AGE_BREAKDOWN || gid === TOTAL.id) {
      add(`groupings.${gid}`, `„${gid}“ ist als Name einer Gruppierung reserviert.`);
    }
    checkGroupIds(grouping.groups, `groupings.${gid}.groups`, add);
  }
  for (const [bid, breakdown] of Object.entries(catalogue.dimensionBreakdowns)) {
    if (bid === AGE_BREAKDOWN || bid === TOTAL.id || bid in catalogue.groupings) {
      add(`dimensionBreakdowns.${bid}`, `„${bid}“ ist schon als Gruppierung oder reservierter Name vergeben.`);
    }
    checkGroupIds(breakdown.groups, `dimensionBreakdowns.${bid}.groups`, add);
  }

  const seen = new Map<string, number>();
  indicators.forEach((ind, i) => {
    if (!ind) return;
    const at = (suffix: string) => `indicators[${i}]${suffix}`;
    const say = (suffix: string, message: string) => add(at(suffix), `Indikator „${ind.id}“: ${message}`);

    const first = seen.get(ind.id);
    if (first !== undefined) say(".id", `die Kennung ist schon an indicators[${first}] vergeben.`);
    else seen.set(ind.id, i);
    if (!fieldIds.has(ind.field)) {
      say(
        ".field",
        `Handlungsfeld „${ind.field}“ ist unter „fields“ nicht erklärt (vorhanden: ${list([...fieldIds])}).`,
      );
    }
    ind.seriesBreaks.forEach((b, k) => {
      if (/^\s*(Beispiel|TODO|Platzhalter)\b/i.test(b.note) && !b.placeholder)
        say(
          `.seriesBreaks[${k}].note`,
          `„${b.note.slice(0, 40)}…“ sieht nach einem Platzhalter aus: recherchieren oder mit "placeholder": true markieren (wird dann nie veröffentlicht).`,
        );
    });
    ind.migrationDefinitions.forEach((key, k) => {
      if (!(key in catalogue.migrationDefinitions)) {
        say(
          `.migrationDefinitions[${k}]`,
          `Definition „${key}“ ist unter „migrationDefinitions“ nicht erklärt (vorhanden: ${list(Object.keys(catalogue.migrationDefinitions))}).`,
        );
      }
    });

    // Every selection the indicator sums: the numerator's terms (or its one selection) and the denominator.
    const composite = Array.isArray(ind.numerator);
    const sides = [
      ...numeratorTerms(ind).map((term, k) => ({
        numerator: true,
        name: composite ? `Zähler, Term ${k + 1}` : "Zähler",
        genitive: composite ? `Zählers, Term ${k + 1}` : "Zählers",
        path: composite ? `numerator[${k}].selection` : "numerator",
        sel: term.selection,
      })),
      { numerator: false, name: "Nenner", genitive: "Nenners", path: "denominator", sel: ind.denominator },
    ];
    const sideProfiles: (ProfileShape | undefined)[] = sides.map(({ path, name, sel }) =>
      checkSelection(sel, byId, (suffix, message) => say(`.${path}${suffix}`, `${name}: ${message}`)),
    );
    if (Array.isArray(ind.numerator)) checkTerms(ind.numerator, (message) => say(".numerator", `Zähler: ${message}`));

    const checkGrouping = (gid: string, suffix: string, asComparison: boolean) => {
      const grouping = catalogue.groupings[gid];
      if (!grouping) {
        say(
          suffix,
          `Gruppierung „${gid}“ ist unter „groupings“ nicht erklärt (vorhanden: ${list(Object.keys(catalogue.groupings))}).`,
        );
        return;
      }
      if (asComparison && grouping.groups.length !== 2) {
        say(
          suffix,
          `ein Vergleich braucht eine Gruppierung mit genau zwei Gruppen; „${gid}“ hat ${grouping.groups.length}.`,
        );
      }
      sides.forEach(({ name }, s) => {
        const profile = sideProfiles[s];
        if (!profile) return;
        const mapping = profile.groupings?.[gid];
        if (!mapping) {
          say(
            suffix,
            `${name}: das Profil „${profile.id}“ kennt die Gruppierung „${gid}“ nicht (vorhanden: ${list(Object.keys(profile.groupings ?? {}))}).`,
          );
          return;
        }
        for (const group of grouping.groups) {
          const filter = mapping[group.id];
          if (!filter) {
            say(
              suffix,
              `${name}: das Profil „${profile.id}“ ordnet der Gruppe „${group.id}“ der Gruppierung „${gid}“ keine Codes zu.`,
            );
            continue;
          }
          for (const [dim, codes] of Object.entries(filter))
            checkCodes(profile, dim, codes, (m) => say(suffix, `${name}: ${m}`));
        }
      });
    };

    if (ind.comparison !== null) checkGrouping(ind.comparison, ".comparison", true);

    const listed = new Set<string>();
    ind.breakdowns.forEach((bid, b) => {
      const suffix = `.breakdowns[${b}]`;
      if (listed.has(bid)) say(suffix, `Aufschlüsselung „${bid}“ ist doppelt angegeben.`);
      listed.add(bid);
      if (bid === AGE_BREAKDOWN) {
        sides.forEach(({ name }, s) => {
          const profile = sideProfiles[s];
          if (profile && !profileHasAge(profile))
            say(suffix, `${name}: das Profil „${profile.id}“ hat keine Altersangabe.`);
        });
        if (!ind.ageGroups || ind.ageGroups.length === 0)
          say(suffix, "für „alter“ fehlen die Altersgruppen unter „ageGroups“.");
      } else if (bid in catalogue.groupings) {
        checkGrouping(bid, suffix, false);
      } else if (bid in catalogue.dimensionBreakdowns) {
        const breakdown = catalogue.dimensionBreakdowns[bid];
        sides.forEach(({ name, numerator }, s) => {
          const profile = sideProfiles[s];
          if (!profile || (breakdown.appliesTo === "numerator" && !numerator)) return;
          for (const group of breakdown.groups) {
            checkCodes(profile, breakdown.dimension, group.codes, (m) => say(suffix, `${name}: ${m}`));
          }
        });
      } else {
        const known = [
          AGE_BREAKDOWN,
          ...Object.keys(catalogue.groupings),
          ...Object.keys(catalogue.dimensionBreakdowns),
        ];
        say(suffix, `Aufschlüsselung „${bid}“ ist unbekannt (möglich: ${list(known)}).`);
      }
    });

    if (ind.ageGroups && !listed.has(AGE_BREAKDOWN)) {
      say(".ageGroups", "Altersgruppen sind angegeben, aber „alter“ fehlt unter „breakdowns“.");
    }
    ind.ageGroups?.forEach((group, g) => {
      for (const { path, genitive, sel } of sides) {
        if (!within(group, sel.age)) {
          say(
            `.ageGroups[${g}]`,
            `die Altersgruppe ${ageText(group)} liegt nicht im Altersbereich des ${genitive} (${sel.age ? ageText(sel.age) : "alle"}, ${path}.age).`,
          );
        }
      }
      ind.ageGroups?.slice(0, g).forEach((other, o) => {
        if (overlap(group, other))
          say(
            `.ageGroups[${g}]`,
            `die Altersgruppe ${ageText(group)} überschneidet sich mit ageGroups[${o}] (${ageText(other)}).`,
          );
      });
    });
  });
  problems.push(...goalProblems(catalogue, fieldIds));
  return problems;
}

/** Goals refer to declared fields and indicators; a gap goal needs an indicator with a comparison. */
function goalProblems(catalogue: Catalogue, fieldIds: ReadonlySet<string>): CatalogueProblem[] {
  const problems: CatalogueProblem[] = [];
  const indicators = new Map(catalogue.indicators.map((i) => [i.id, i]));
  const seen = new Set<string>();
  catalogue.goals.forEach((goal, i) => {
    const say = (suffix: string, message: string) =>
      problems.push({ path: `goals[${i}]${suffix}`, message: `Ziel „${goal.id}“: ${message}` });
    if (seen.has(goal.id)) say(".id", "die Kennung ist doppelt vergeben.");
    seen.add(goal.id);
    if (!fieldIds.has(goal.field))
      say(
        ".field",
        `Handlungsfeld „${goal.field}“ ist unter „fields“ nicht erklärt (vorhanden: ${list([...fieldIds])}).`,
      );
    goal.measures.forEach((measure, m) => {
      const at = `.measures[${m}]`;
      const indicator = indicators.get(measure.indicator);
      if (!indicator) {
        say(`${at}.indicator`, `Indikator „${measure.indicator}“ gibt es im Katalog nicht.`);
        return;
      }
      if (measure.direction === "close_gap" && indicator.comparison === null)
        say(
          `${at}.direction`,
          `„close_gap“ braucht einen Indikator mit Vergleichsgruppen; „${indicator.id}“ hat keinen Vergleich („comparison“).`,
        );
      if (measure.target && measure.baseYear !== undefined && measure.target.year <= measure.baseYear)
        say(
          `${at}.target.year`,
          `das Zieljahr ${measure.target.year} muss nach dem Basisjahr ${measure.baseYear} liegen.`,
        );
      if (measure.target && measure.target.value < 0)
        say(`${at}.target.value`, "der Zielwert darf nicht negativ sein (ein Abstand wird als Betrag angegeben).");
      if (measure.target && indicator.unit === "%" && measure.direction !== "close_gap" && measure.target.value > 100)
        say(`${at}.target.value`, `ein Anteil in % kann nicht über 100 liegen (${measure.target.value}).`);
    });
  });
  return problems;
}

function checkGroupIds(groups: readonly { id: string }[], path: string, add: (path: string, message: string) => void) {
  const ids = new Set<string>();
  groups.forEach((g, i) => {
    if (g.id === TOTAL.id) add(`${path}[${i}].id`, `„${TOTAL.id}“ ist als Gruppenname reserviert.`);
    if (ids.has(g.id)) add(`${path}[${i}].id`, `Gruppe „${g.id}“ ist doppelt angegeben.`);
    ids.add(g.id);
  });
}

function checkCodes(profile: ProfileShape, dim: string, codes: readonly string[], report: (message: string) => void) {
  const known = profileCodes(profile, dim);
  if (!known) {
    const dims = profile.columns.flatMap((c) => (c.kind === "code" && c.dimension ? [c.dimension] : []));
    const hint = dim === AGE_BREAKDOWN ? " Altersbereiche bitte mit „age“ angeben." : "";
    report(`das Profil „${profile.id}“ hat kein Merkmal „${dim}“ (vorhanden: ${list(dims)}).${hint}`);
    return;
  }
  for (const code of codes) {
    if (!known.includes(code))
      report(
        `Code „${code}“ gibt es für das Merkmal „${dim}“ im Profil „${profile.id}“ nicht (vorhanden: ${list(known)}).`,
      );
  }
}

/** A list of terms needs something to subtract from, and no term twice. */
function checkTerms(terms: readonly Term[], report: (message: string) => void) {
  if (!terms.some((t) => t.sign === 1)) {
    report("mindestens ein Term braucht das Vorzeichen 1; nur abgezogene Terme ergeben keinen Zähler.");
  }
  const seen = new Map<string, number>();
  terms.forEach((term, k) => {
    const key = JSON.stringify(term.selection);
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, k);
    } else if (terms[first].sign === term.sign) {
      report(`Term ${k + 1} ist gleich Term ${first + 1} und würde doppelt gezählt.`);
    } else {
      report(`Term ${k + 1} hebt Term ${first + 1} auf (gleiche Auswahl, anderes Vorzeichen).`);
    }
  });
}

function checkSelection(
  sel: Selection,
  profiles: ReadonlyMap<string, ProfileShape>,
  report: (suffix: string, message: string) => void,
): ProfileShape | undefined {
  const profile = profiles.get(sel.profile);
  if (!profile) {
    report(".profile", `Profil „${sel.profile}“ gibt es nicht (vorhanden: ${list([...profiles.keys()])}).`);
    return undefined;
  }
  const measures = profileMeasures(profile);
  sel.measures.forEach((m, k) => {
    if (!measures.includes(m))
      report(
        `.measures[${k}]`,
        `Messgröße „${m}“ gibt es im Profil „${profile.id}“ nicht (vorhanden: ${list(measures)}).`,
      );
    else if (sel.measures.indexOf(m) !== k)
      report(`.measures[${k}]`, `Messgröße „${m}“ ist doppelt angegeben und würde doppelt gezählt.`);
  });
  for (const [dim, codes] of Object.entries(sel.filter ?? {})) {
    checkCodes(profile, dim, codes, (message) => report(`.filter.${dim}`, message));
  }
  if (sel.age && !profileHasAge(profile)) report(".age", `das Profil „${profile.id}“ hat keine Altersangabe.`);
  return profile;
}
