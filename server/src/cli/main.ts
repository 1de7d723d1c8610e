// `npm run monitor -- <command> ...`: one entry point, one module per command.
// Exit codes: 0 success, 1 rejected input, 2 wrong usage.
const commands: Record<string, () => Promise<{ run(args: string[]): Promise<number> }>> = {
  import: () => import("./import.ts"),
  imports: () => import("./imports.ts"),
  districts: () => import("./districts.ts"),
  recompute: () => import("./recompute.ts"),
  "audit-disclosure": () => import("./audit-disclosure.ts"),
  segregation: () => import("./segregation.ts"),
  sozialindex: () => import("./sozialindex.ts"),
  "create-admin": () => import("./create-admin.ts"),
  "set-password": () => import("./set-password.ts"),
  "init-city": () => import("./init-city.ts"),
};

const usage = `Aufruf: npm run monitor -- <Befehl> [Optionen]

Befehle:
  import --profile <name> [--replace] [--db PATH] DATEI...   Extrakte importieren
  recompute [--db PATH]                                      Indikatoren und Sozialmonitoring neu berechnen
  audit-disclosure [--db PATH]                               Geheimhaltung prüfen: was sich aus allem Veröffentlichten eingrenzen lässt
  imports [--db PATH]                                        Importhistorie anzeigen
  districts [--file STADTTEILE.csv] [--db PATH]              Stadtteilliste zeigen oder ersetzen
  segregation --input DATEI [--focal GRUPPE]                 Segregationsmaße für eine Tabelle Einheit;Gruppe;Anzahl
  sozialindex --input DATEI [--config muenster|berlin-mss]   Status- und Dynamikindex für eine Indikatorentabelle
  create-admin --name <Name> [--role analyst] [--db PATH]    Konto anlegen (Passwort wird abgefragt oder von stdin gelesen)
  set-password --name <Name> [--db PATH]                     Passwort eines Kontos neu setzen
  init-city --name <Name> --districts DATEI [--language nl]  Konfiguration einer neuen Stadt anlegen und prüfen

Eine andere als die Standardstadt (Münster): MONITOR_CITY=<Kurzname oder Stadtdatei> vor den Befehl setzen.`;

const [name, ...args] = process.argv.slice(2);
if (name === "--help" || name === "-h") {
  console.log(usage);
  process.exit(0);
}
const load = name ? commands[name] : undefined;
if (!load) {
  console.error(name ? `Unbekannter Befehl: ${name}\n\n${usage}` : usage);
  process.exit(2);
}
const command = await load();
process.exitCode = await command.run(args);

export {};
