import { localMeasures } from "./local.ts";
import { multigroupMeasures } from "./multigroup.ts";
import { emptyTwoGroupMeasures, twoGroupMeasures } from "./two-group.ts";
import type { CountTable, SegregationOptions, SegregationProfile, TwoGroupMeasures } from "./types.ts";
import { CountTableError, validateCountTable } from "./validate.ts";

/**
 * All segregation measures for one city-year: two-group measures of a focal group (against
 * everybody else, or against `other`), multigroup measures over all groups, and per-unit location quotients
 * and local entropy. Values are fractions in [0, 1] (M and E in nats); an undefined value is `null` and its
 * German reason is in `undefinedReasons`. Throws `CountTableError` for an invalid table or unknown group.
 *
 * @example
 * const profile = segregationProfile(
 *   {
 *     groups: ["Deutsche", "Ausländer"],
 *     units: [
 *       { unit: "Altstadt", counts: { Deutsche: 900, Ausländer: 100 } },
 *       { unit: "Hafen", counts: { Deutsche: 600, Ausländer: 400 } },
 *     ],
 *   },
 *   { focal: "Ausländer" },
 * );
 * profile.measures.dissimilarity; // 0.4: 40 % of the Ausländer would have to move for an even distribution
 */
export function segregationProfile(table: CountTable, options: SegregationOptions = {}): SegregationProfile {
  const atkinsonB = options.atkinsonB ?? 0.5;
  const focal = options.focal ?? (table.groups.length === 2 ? table.groups[0] : null);
  const other = options.other ?? null;
  const problems = validateCountTable(table);
  if (!(atkinsonB > 0 && atkinsonB < 1))
    problems.push(`Atkinson-Parameter b muss zwischen 0 und 1 liegen (ist ${atkinsonB}).`);
  for (const group of [focal, other]) {
    if (group !== null && !table.groups.includes(group)) {
      problems.push(`Gruppe „${group}“ kommt in der Tabelle nicht vor (Gruppen: ${table.groups.join(", ")}).`);
    }
  }
  if (focal !== null && focal === other) problems.push(`Fokus- und Vergleichsgruppe sind beide „${focal}“.`);
  if (focal === null && other !== null) problems.push("Eine Vergleichsgruppe braucht eine Fokusgruppe.");
  if (problems.length > 0) throw new CountTableError(problems);

  const columns = table.groups.map((group) => table.units.map((u) => u.counts[group]));
  const population = table.units.map((_, i) => columns.reduce((acc, column) => acc + column[i], 0));
  const column = (group: string) => columns[table.groups.indexOf(group)];

  const undefinedReasons: Record<string, string> = {};
  let P: number | null = null;
  let measures: TwoGroupMeasures;
  if (focal === null) {
    const reason = `Keine Fokusgruppe gewählt; bei ${table.groups.length} Gruppen muss sie angegeben werden.`;
    measures = emptyTwoGroupMeasures();
    for (const key of ["P", ...Object.keys(measures)]) undefinedReasons[key] = reason;
  } else {
    const x = column(focal);
    const y = other === null ? population.map((t, i) => t - x[i]) : column(other);
    const twoGroup = twoGroupMeasures(x, y, atkinsonB, { focal, other });
    P = twoGroup.P;
    measures = twoGroup.measures;
    Object.assign(undefinedReasons, twoGroup.reasons);
  }

  const multigroup = multigroupMeasures(columns, population);
  Object.assign(undefinedReasons, multigroup.reasons);

  const units = localMeasures(
    table.units.map((u) => u.unit),
    table.groups,
    columns,
    population,
  );
  for (const unit of units) {
    if (unit.population === 0) undefinedReasons[`units.${unit.unit}`] = "Gebiet ohne Einwohner: keine lokalen Werte.";
  }
  table.groups.forEach((group, k) => {
    if (!columns[k].some((n) => n > 0)) {
      undefinedReasons[`location_quotients.${group}`] = `Gruppe „${group}“ kommt in der Stadt nicht vor.`;
    }
  });
  if (table.groups.length < 2) undefinedReasons.local_entropy = "Nur eine Gruppe: lokale Entropie nicht normierbar.";

  return { focal, other, P, atkinsonB, measures, multigroup: multigroup.measures, units, undefinedReasons };
}
