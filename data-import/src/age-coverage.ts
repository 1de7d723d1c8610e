import type { AgeBand } from "./dims.ts";
import type { ProblemList } from "./problems.ts";

/** What the line checker collected about age bands, per group of lines that differ only in their age band. */
export interface AgeBandsByGroup {
  /** Group → file line by age band id; bands not delivered are holes. */
  groups: Map<number, number[]>;
  /** Groups with an unreadable age band: already reported, so a gap there would be a follow-on error. */
  skip: Set<number>;
  /** Age band by id. */
  bands: readonly AgeBand[];
  /** „Stadtteil 11, Geschlecht w, …“ for a group, in the file's header spelling. */
  describe: (group: number) => string;
  /** The age column's header as written in the file. */
  ageHeader: string;
}

/**
 * Per group (district and code combination): the delivered bands must cover 0…∞ without overlap. The same gap
 * in many groups is reported once, naming the first and counting the others.
 */
export function checkAgeCoverage({ groups, skip, bands, describe, ageHeader }: AgeBandsByGroup, problems: ProblemList) {
  const issues = new Map<string, { line: number; band: string; message: string; more: number }>();
  const note = (key: string, line: number, band: string, message: () => string) => {
    const issue = issues.get(key);
    if (issue) issue.more++;
    else issues.set(key, { line, band, message: message(), more: 0 });
  };
  // Every band of the file in order of age, once: each group walks it and skips the bands it lacks (sorting each
  // group's bands took 0.1 s for the 9,000 groups of a million-line file).
  const inOrder = bands.map((_, id) => id);
  inOrder.sort((a, b) => bands[a].from - bands[b].from || (bands[a].to ?? Infinity) - (bands[b].to ?? Infinity));
  for (const [group, lines] of groups) {
    if (skip.has(group)) continue;
    let next = 0;
    let reaching = -1; // the band that reaches furthest so far
    for (const id of inOrder) {
      if (lines[id] === undefined) continue; // not delivered in this group
      const { from, to, code } = bands[id];
      if (from > next) {
        const gap = from - 1 === next ? `${next}` : `${next} bis ${from - 1}`;
        note(`gap ${next}-${from - 1}`, lines[id], code, () => `Für ${describe(group)} fehlt das Alter ${gap}`);
      } else if (from < next) {
        const other = bands[reaching].code;
        note(
          `overlap ${other} ${code}`,
          lines[id],
          code,
          () =>
            `Für ${describe(group)} überschneiden sich die Altersgruppen ${other} (Zeile ${lines[reaching]}) und ${code} (Zeile ${lines[id]})`,
        );
      }
      const end = to === null ? Infinity : to + 1;
      if (end > next) {
        next = end;
        reaching = id;
      }
    }
    if (next !== Infinity && reaching !== -1) {
      const last = bands[reaching].code;
      note(
        `open ${next}`,
        lines[reaching],
        last,
        () => `Für ${describe(group)} fehlt nach ${last} eine offene Altersgruppe (z. B. „${next}+“)`,
      );
    }
  }
  for (const { line, band, message, more } of issues.values()) {
    const also =
      more === 0 ? "" : ` Ebenso in ${more === 1 ? "einer weiteren Kombination" : `${more} weiteren Kombinationen`}.`;
    problems.add(
      line,
      ageHeader,
      band,
      `${message}; erwartet werden Altersgruppen, die lückenlos und ohne Überschneidung von 0 bis zu einer offenen Gruppe (z. B. 90+) reichen.${also}`,
    );
  }
}
