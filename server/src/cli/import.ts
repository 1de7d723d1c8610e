import { statSync } from "node:fs";
import { userInfo } from "node:os";
import { basename } from "node:path";
import { type ExtractProfile, findProfile, type Problem, profiles } from "@im/data-import";
import { loadConfig, userPath } from "../config.ts";
import { openAppContext } from "../context.ts";
import { importAuditDetail, recordAudit } from "../repositories/audit-log.ts";
import { currentCatalogue } from "../services/catalogue-loading.ts";
import { conflictMessage, importedMessage, rejectedMessage, unchangedMessage } from "../services/import-messages.ts";
import { DatabaseBusyError, type ImportOutcome, importExtract } from "../services/importer.ts";
import { seedDistricts } from "../services/startup.ts";
import { parseCommandArgs, UsageError } from "./args.ts";
import { num, table } from "./format.ts";

const usage = `Aufruf: npm run monitor -- import --profile <name> [--replace] [--no-recompute] [--db PATH] DATEI...

  --profile        Extraktprofil, eines von: ${profiles.map((p) => p.id).join(", ")}
                   (die Stadt nimmt die an, die ihr Katalog liest; eine andere Stadt: MONITOR_CITY=almelo)
  --replace        vorhandene Daten desselben Jahres ersetzen (der alte Import bleibt in der Historie)
  --no-recompute   Indikatoren nicht neu berechnen (danach: npm run monitor -- recompute)
  --db             Datenbankdatei (sonst MONITOR_DB oder data/integrationsmonitor.sqlite)`;

function parse(args: string[]): { profile: ExtractProfile; replace: boolean; recompute: boolean; files: string[] } {
  const { values, positionals } = parseCommandArgs(args, {
    profile: { type: "string" },
    replace: { type: "boolean" },
    "no-recompute": { type: "boolean" },
    db: { type: "string" },
  });
  if (!values.profile) throw new UsageError("Bitte das Profil angeben: --profile <name>.");
  const profile = findProfile(values.profile);
  if (!profile) throw new UsageError(`Unbekanntes Profil „${values.profile}“.`);
  if (positionals.length === 0) throw new UsageError("Bitte mindestens eine Datei angeben.");
  for (const file of positionals) {
    if (!statSync(userPath(file), { throwIfNoEntry: false })?.isFile())
      throw new UsageError(`Datei nicht gefunden: ${file}`);
  }
  return {
    profile,
    replace: values.replace ?? false,
    recompute: !values["no-recompute"],
    files: positionals.map((f) => userPath(f)),
  };
}

function who(): string {
  try {
    return `${userInfo().username} (Kommandozeile)`;
  } catch {
    return "Kommandozeile";
  }
}

export function problemTable(problems: readonly Problem[]): string {
  return table(
    ["Zeile", "Spalte", "Wert", "Meldung"],
    problems.map((p) => [p.line === null ? "–" : String(p.line), p.column ?? "–", p.value ?? "–", p.message]),
  );
}

/** `import`: each file all or nothing; exit 1 when any file was rejected or its year needs --replace. */
export async function run(args: string[]): Promise<number> {
  let options: ReturnType<typeof parse>;
  try {
    options = parse(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n\n${usage}`);
    return 2;
  }
  const { profile, replace, files } = options;
  const context = await openAppContext(loadConfig(args));
  const accepted = currentCatalogue(context).profiles;
  if (!accepted.some((p) => p.id === profile.id)) {
    console.error(
      `Das Profil „${profile.id}“ liest der Katalog dieser Stadt (${context.config.city.name}) nicht. Erlaubt sind: ${accepted.map((p) => p.id).join(", ")}.${
        context.config.city.slug === "muenster"
          ? " Eine andere Stadt: MONITOR_CITY=<Kurzname> vor den Befehl setzen."
          : ""
      }`,
    );
    await context.database.close();
    return 2;
  }
  let failed = false;
  try {
    await seedDistricts(context.database, context.config, (message) => console.error(message));
    for (const file of files) {
      const fileName = basename(file);
      let reported = 0;
      let outcome: ImportOutcome;
      try {
        outcome = await importExtract(context, {
          path: file,
          fileName,
          profile,
          replace,
          importedBy: who(),
          // All files first, then one recomputation.
          recompute: false,
          onProgress: (n) => {
            if (n - reported < 100_000) return;
            reported = n;
            console.error(`  … ${fileName}: ${num(n)} Werte gelesen`);
          },
        });
      } catch (error) {
        if (!(error instanceof DatabaseBusyError)) throw error;
        console.error(error.message);
        failed = true;
        break;
      }
      switch (outcome.status) {
        case "imported":
          console.log(importedMessage(profile, outcome.extract, outcome.replaced));
          await recordAudit(context.database.db, {
            actor: who(),
            action: "import",
            detail: importAuditDetail(outcome.extract, outcome.replaced),
          });
          break;
        case "unchanged":
          console.log(unchangedMessage(outcome.extract));
          break;
        case "conflict":
          failed = true;
          console.error(conflictMessage(profile, outcome.existing, "rufen Sie den Import mit --replace auf"));
          break;
        case "rejected":
          failed = true;
          console.error(`${rejectedMessage(fileName)}\n\n${problemTable(outcome.problems)}\n`);
          break;
      }
    }
    // Also when every file was already imported: a recomputation cut short before is completed now.
    if (options.recompute) {
      const { bringResultsUpToDate, resultsStatus } = await import("../services/results.ts");
      if (!(await resultsStatus(context)).upToDate) {
        console.log("Indikatoren und Sozialmonitoring werden neu berechnet …");
        await bringResultsUpToDate(context);
      }
    }
  } finally {
    await context.database.close();
  }
  return failed ? 1 : 0;
}
