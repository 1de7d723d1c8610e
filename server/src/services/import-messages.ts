import type { ExtractProfile } from "@im/data-import";
import type { ExtractRow } from "../repositories/extracts.ts";
import type { ImportRecord } from "../schemas/imports.ts";

const num = (n: number) => n.toLocaleString("de-DE");
const date = (iso: string) => iso.replace(/^(\d{4})-(\d{2})-(\d{2}).*$/, "$3.$2.$1");

/** The history row as the API shows it. */
export function toImportRecord(e: ExtractRow): ImportRecord {
  return {
    id: e.id,
    profile: e.profile,
    office: e.office,
    year: e.year,
    stichtag: e.stichtag,
    fileName: e.file_name,
    sha256: e.sha256,
    lineCount: e.line_count,
    observationCount: e.observation_count,
    importedAt: e.imported_at,
    importedBy: e.imported_by,
    replacedBy: e.replaced_by,
  };
}

export function importedMessage(profile: ExtractProfile, extract: ExtractRow, replaced: ExtractRow | null): string {
  const what = `„${extract.file_name}“ importiert (Nr. ${extract.id}): ${profile.title}, Stichtag ${date(extract.stichtag)}, ${num(extract.line_count)} Zeilen, ${num(extract.observation_count)} Werte.`;
  return replaced
    ? `${what} Ersetzt Import Nr. ${replaced.id} („${replaced.file_name}“), der in der Historie bleibt.`
    : what;
}

export function unchangedMessage(extract: ExtractRow): string {
  return `„${extract.file_name}“ ist bereits importiert (Nr. ${extract.id} vom ${date(extract.imported_at)}, gleicher SHA-256); nichts geändert.`;
}

/** `howToReplace` differs between the web form and the command line. */
export function conflictMessage(profile: ExtractProfile, existing: ExtractRow, howToReplace: string): string {
  return `Für ${profile.title} gibt es schon Daten für ${existing.year} (Import Nr. ${existing.id}, „${existing.file_name}“, Stichtag ${date(existing.stichtag)}). Nichts wurde gespeichert. Um sie zu ersetzen, ${howToReplace}; der bisherige Import bleibt in der Historie.`;
}

export function rejectedMessage(fileName: string): string {
  return `„${fileName}“ wurde abgelehnt; nichts wurde gespeichert. Bitte die folgenden Probleme in der Datei beheben und sie erneut importieren.`;
}
