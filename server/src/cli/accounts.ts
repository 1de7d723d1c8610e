import { userInfo } from "node:os";
import type { Readable } from "node:stream";
import { loadConfig } from "../config.ts";
import { databaseOf, openDatabase } from "../db/connection.ts";
import {
  AccountExistsError,
  createAccount,
  listAccounts,
  nameProblem,
  passwordProblem,
  type Role,
  setPassword,
} from "../repositories/accounts.ts";
import { recordAudit } from "../repositories/audit-log.ts";
import { parseOptions, UsageError } from "./args.ts";

/** The audit log's actor for commands typed on the server. */
export function cliActor(): string {
  try {
    return `Kommandozeile (${userInfo().username})`;
  } catch {
    return "Kommandozeile";
  }
}

/**
 * The password: typed at a terminal without echo (twice), or the first line of piped stdin for scripts
 * (`printf '%s\n' "$PW" | npm run monitor -- create-admin --name anna`). Never an argument: those end up in
 * the shell history and in every `ps` listing.
 */
export async function readPassword(input: Readable & { isTTY?: boolean; setRawMode?: (on: boolean) => void }) {
  if (!input.isTTY) {
    let text = "";
    for await (const chunk of input) text += chunk;
    return text.split(/\r?\n/)[0];
  }
  const first = await promptHidden(input, "Passwort: ");
  const second = await promptHidden(input, "Passwort wiederholen: ");
  if (first !== second) throw new UsageError("Die beiden Passwörter stimmen nicht überein.");
  return first;
}

function promptHidden(input: Readable & { setRawMode?: (on: boolean) => void }, prompt: string): Promise<string> {
  process.stderr.write(prompt);
  input.setRawMode?.(true);
  input.setEncoding("utf8");
  input.resume();
  return new Promise((resolve, reject) => {
    let typed = "";
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === "\r" || char === "\n") {
          done();
          return resolve(typed);
        }
        if (char === "\u0003") {
          done();
          return reject(new UsageError("Abgebrochen."));
        }
        typed = char === "\u007f" || char === "\b" ? typed.slice(0, -1) : typed + char;
      }
    };
    const done = () => {
      input.off("data", onData);
      input.setRawMode?.(false);
      input.pause();
      process.stderr.write("\n");
    };
    input.on("data", onData);
  });
}

const createUsage = `Aufruf: npm run monitor -- create-admin --name <Name> [--role admin|analyst] [--db PATH]
  Legt ein Konto an (ohne --role: Admin). Das Passwort (mindestens 12 Zeichen) wird abgefragt oder als erste
  Zeile von stdin gelesen, nie als Argument.`;

/** `create-admin`: the first admin (or any account) from the server's command line. */
export async function createAdmin(args: string[], input: Readable = process.stdin): Promise<number> {
  let name: string;
  let role: Role;
  let password: string;
  let options: { db?: string; name?: string; role?: string };
  try {
    options = parseOptions(args, { db: { type: "string" }, name: { type: "string" }, role: { type: "string" } });
    if (!options.name) throw new UsageError("Bitte einen Benutzernamen mit --name angeben.");
    name = options.name.trim();
    if (options.role !== undefined && options.role !== "admin" && options.role !== "analyst")
      throw new UsageError(`Unbekannte Rolle „${options.role}“: admin oder analyst.`);
    role = (options.role as Role | undefined) ?? "admin";
    const problem = nameProblem(name);
    if (problem) throw new UsageError(problem);
    password = await readPassword(input);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n\n${createUsage}`);
    return 2;
  }
  const problem = passwordProblem(password);
  if (problem) {
    console.error(problem);
    return 1;
  }
  const database = await openDatabase(databaseOf(loadConfig(args)));
  try {
    await createAccount(database.db, { name, role, password });
    const what = role === "admin" ? "Admin" : "Analyst/in";
    await recordAudit(database.db, {
      actor: cliActor(),
      action: "account-created",
      detail: `Konto „${name}“ (${what}) angelegt`,
    });
    console.log(`Konto „${name}“ (${what}) angelegt. Anmelden im Dashboard unter „Daten“.`);
    return 0;
  } catch (error) {
    if (!(error instanceof AccountExistsError)) throw error;
    console.error(error.message);
    return 1;
  } finally {
    await database.close();
  }
}

const passwordUsage = `Aufruf: npm run monitor -- set-password --name <Name> [--db PATH]
  Setzt das Passwort eines Kontos neu (abgefragt oder erste Zeile von stdin) und beendet seine Sitzungen.`;

/** `set-password`: for an admin who has forgotten theirs (nobody else could reset it in the dashboard). */
export async function resetPassword(args: string[], input: Readable = process.stdin): Promise<number> {
  let options: { db?: string; name?: string };
  let password: string;
  try {
    options = parseOptions(args, { db: { type: "string" }, name: { type: "string" } });
    if (!options.name) throw new UsageError("Bitte den Benutzernamen mit --name angeben.");
    password = await readPassword(input);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n\n${passwordUsage}`);
    return 2;
  }
  const problem = passwordProblem(password);
  if (problem) {
    console.error(problem);
    return 1;
  }
  const database = await openDatabase(databaseOf(loadConfig(args)));
  try {
    const wanted = options.name.trim().toLowerCase();
    const account = (await listAccounts(database.db)).find((a) => a.name.toLowerCase() === wanted);
    if (!account) {
      console.error(`Ein Konto „${options.name}“ gibt es nicht.`);
      return 1;
    }
    await setPassword(database.db, account.id, password);
    await recordAudit(database.db, {
      actor: cliActor(),
      action: "password-reset",
      detail: `Passwort von „${account.name}“ neu gesetzt`,
    });
    console.log(`Passwort von „${account.name}“ neu gesetzt; seine Sitzungen sind beendet.`);
    return 0;
  } finally {
    await database.close();
  }
}
