/**
 * The part of an extract profile that the catalogue and the engine need. `indicators` imports nothing from
 * `data-import`; its `ExtractProfile` satisfies this shape structurally, so the server passes the real
 * profiles straight in.
 */
export interface ProfileShape {
  id: string;
  /** Shown in German status texts when present ("Einwohner (Melderegister)"). */
  title?: string;
  /** `stadtteil`: one value per Stadtteil; `stadt`: the whole city only. */
  area: "stadtteil" | "stadt";
  columns: readonly ProfileColumnShape[];
  /** Comparison concept → group → `{ dimension: codes }` selecting the group in this profile. */
  groupings?: Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>>>;
}

export interface ProfileColumnShape {
  kind: string;
  /** For `code` and `age` columns. */
  dimension?: string;
  /** For `code` columns: canonical code → accepted spellings (only the keys matter here). */
  codes?: Readonly<Record<string, readonly string[]>>;
  /** For `count` columns. */
  measure?: string;
}

/** Measures (count columns) of a profile. */
export function profileMeasures(profile: ProfileShape): string[] {
  return profile.columns.flatMap((c) => (c.kind === "count" && c.measure ? [c.measure] : []));
}

/** Canonical codes of a code dimension, or `undefined` when the profile has no such code column. */
export function profileCodes(profile: ProfileShape, dimension: string): string[] | undefined {
  const column = profile.columns.find((c) => c.kind === "code" && c.dimension === dimension);
  return column ? Object.keys(column.codes ?? {}) : undefined;
}

export function profileHasAge(profile: ProfileShape): boolean {
  return profile.columns.some((c) => c.kind === "age");
}

export function profileLabel(profile: ProfileShape): string {
  return profile.title ? `„${profile.title}“ (${profile.id})` : `„${profile.id}“`;
}
