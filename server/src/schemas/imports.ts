import { z } from "zod";

/** One entry of the import history. */
export const importRecordSchema = z.object({
  id: z.number().int(),
  profile: z.string(),
  office: z.string(),
  year: z.number().int(),
  /** ISO date `JJJJ-MM-TT`. */
  stichtag: z.string(),
  fileName: z.string(),
  sha256: z.string(),
  lineCount: z.number().int(),
  observationCount: z.number().int(),
  importedAt: z.string(),
  importedBy: z.string(),
  /** Id of the extract that replaced this one; `null` while it is current. */
  replacedBy: z.number().int().nullable(),
});

export const importsResponseSchema = z.object({ imports: z.array(importRecordSchema) });

export const problemSchema = z.object({
  line: z.number().int().nullable(),
  column: z.string().nullable(),
  value: z.string().nullable(),
  message: z.string(),
});

/** 201: the file is stored (and replaced `replaced`, if set). */
export const importedSchema = z.object({
  message: z.string(),
  extract: importRecordSchema,
  replaced: importRecordSchema.nullable(),
});

/** 200: the same file was imported before; nothing changed. */
export const unchangedSchema = z.object({
  unchanged: z.literal(true),
  message: z.string(),
  extract: importRecordSchema,
});

/** 409: the year is present and `replace` was not set. */
export const conflictSchema = z.object({
  error: z.string(),
  details: z.object({ existing: importRecordSchema }),
});

/** 422: the file was rejected; every problem of it, nothing stored. */
export const rejectedSchema = z.object({
  error: z.string(),
  problems: z.array(problemSchema),
});

/** The text fields of the multipart upload (`file` is the file part). */
export const uploadFieldsSchema = z.object({
  profile: z.string({ error: "Bitte das Profil angeben (Formularfeld „profile“)." }).trim().min(1, {
    error: "Bitte das Profil angeben (Formularfeld „profile“).",
  }),
  replace: z
    .enum(["true", "false", "1", "0", "ja", "nein", "on"], {
      error: "Das Feld „replace“ erwartet true oder false.",
    })
    .optional()
    .transform((v) => v === "true" || v === "1" || v === "ja" || v === "on"),
});

export type ImportRecord = z.infer<typeof importRecordSchema>;
export type ImportsResponse = z.infer<typeof importsResponseSchema>;
export type ImportProblem = z.infer<typeof problemSchema>;
export type ImportedResponse = z.infer<typeof importedSchema>;
export type UnchangedResponse = z.infer<typeof unchangedSchema>;
export type ConflictResponse = z.infer<typeof conflictSchema>;
export type RejectedResponse = z.infer<typeof rejectedSchema>;
