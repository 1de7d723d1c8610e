import { loadConfig } from "../config.ts";
import { openAppContext } from "../context.ts";
import { auditStoredPublication } from "../services/disclosure-audit.ts";
import { onlyDatabaseOption } from "./args.ts";

const usage = "Aufruf: npm run monitor -- audit-disclosure [--db PATH]";
const de = (n: number, digits = 0) => n.toLocaleString("de-DE", { maximumFractionDigits: digits });

/**
 * `audit-disclosure`: what an attacker can work out from everything published. Exit 0 when every withheld
 * count keeps its protection, 1 (with the list) when one does not.
 */
export async function run(args: string[]): Promise<number> {
  if (!onlyDatabaseOption(args, usage)) return 2;
  const context = await openAppContext(loadConfig(args));
  try {
    const audit = await auditStoredPublication(context);
    console.log(
      `Geprüft: ${de(audit.hidden)} geheim gehaltene Zählgrößen (${de(audit.suppressedShare * 100, 1)} % der Zellen gesperrt), ${de(audit.solves)} lineare Programme in ${de(audit.ms / 1000, 1)} s.`,
    );
    if (audit.findings.length === 0) {
      console.log("Keine Verletzung: kein gesperrter Wert lässt sich aus den veröffentlichten Zahlen eingrenzen.");
      return 0;
    }
    console.log(`${de(audit.findings.length)} Verletzungen:`);
    for (const f of audit.findings) {
      console.log(
        `  ${f.name}: wahr ${de(f.value)}, erreichbar ${de(f.interval.min)} bis ${de(f.interval.max)} – ${f.problem}`,
      );
    }
    return 1;
  } finally {
    await context.database.close();
  }
}
