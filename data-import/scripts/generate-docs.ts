// Writes docs/extracts/<profile>.md, docs/extracts/examples/<profile>.csv and docs/extracts/README.md from
// the profile declarations. Run after changing a profile:  npm run docs:extracts
import { mkdirSync, writeFileSync } from "node:fs";
import { MAX_AGE } from "../src/dims.ts";
import type { ExtractProfile, ProfileColumn } from "../src/profiles/index.ts";
import { profiles } from "../src/profiles/index.ts";
import { sampleCsv } from "./sample.ts";

/** What the declarations do not say: when and how the office delivers. */
interface Delivery {
  rhythm: string;
  stichtag: string;
  /** Stichtag of the example file. */
  example: string;
  ages?: string[];
  notes?: string[];
}

const yearly = "jährlich, bis Ende März des Folgejahres";
const calendarYear = (example = "31.12.2024"): Delivery => ({
  rhythm: yearly,
  stichtag: "31.12. des Berichtsjahres; gezählt wird das Kalenderjahr, das am Stichtag endet",
  example,
});
const endOfYear: Delivery = {
  rhythm: yearly,
  stichtag: "31.12. des Berichtsjahres (Bestand an diesem Tag)",
  example: "31.12.2024",
};

const deliveries: Record<string, Delivery> = {
  einwohner: {
    ...endOfYear,
    ages: ["0-17", "18-64", "65+"],
    notes: [
      "Gezählt wird die wohnberechtigte Bevölkerung (Haupt- und Nebenwohnsitz) am Stichtag.",
      "Dieses Format ist von außen festgelegt; es darf nur gemeinsam mit der Statistikdienststelle geändert werden.",
      "Altersangaben dürfen Einzeljahre (`7`), Gruppen (`15-17`) oder eine offene Gruppe (`90+`) sein. Je feiner, desto mehr Indikatoren lassen sich berechnen: eine Altersgrenze, die eine gelieferte Gruppe teilt (z. B. „unter 15“ bei der Gruppe `10-19`), kann für dieses Jahr nicht berechnet werden.",
    ],
  },
  melderegister_zusatz: {
    ...endOfYear,
    stichtag: "31.12. des Berichtsjahres; Zu- und Fortzüge im Kalenderjahr, weitere Staatsangehörigkeiten am Stichtag",
  },
  auslaenderbehoerde: { ...endOfYear, ages: ["0-17", "18-64", "65+"] },
  einbuergerung: calendarYear(),
  integrationskurse: calendarYear(),
  arbeitsmarkt: {
    rhythm: "jährlich, sobald die BA-Daten für Dezember vorliegen (etwa drei Monate Wartezeit)",
    stichtag: "31.12. des Berichtsjahres (Bestand Ende Dezember)",
    example: "31.12.2024",
    ages: ["0-24", "25-54", "55+"],
    notes: ["Die jüngste Altersgruppe beginnt bei 0, also z. B. `0-24` für „unter 25“."],
  },
  sozialamt: { ...endOfYear, ages: ["0-17", "18-64", "65+"] },
  schule: {
    rhythm: "jährlich, nach Abschluss der amtlichen Schulstatistik",
    stichtag: "15.10. (Stichtag der amtlichen Schulstatistik); das Berichtsjahr ist das Jahr dieses Stichtags",
    example: "15.10.2024",
  },
  schulabgang: {
    rhythm: "jährlich, nach Ende des Schuljahres",
    stichtag: "31.07. (Ende des Schuljahres); gezählt werden die Abgänge am Ende dieses Schuljahres",
    example: "31.07.2024",
  },
  schuluebergang: {
    rhythm: "jährlich, nach Beginn des Schuljahres",
    stichtag:
      "15.10. (Stichtag der amtlichen Schulstatistik); gezählt werden die Übergänge zu Beginn dieses Schuljahres",
    example: "15.10.2024",
  },
  kita: {
    rhythm: "jährlich, nach der KJH-Statistik zum 01.03.",
    stichtag: "01.03. des Berichtsjahres (Stichtag der Kinder- und Jugendhilfestatistik)",
    example: "01.03.2024",
    ages: ["0-2", "3+"],
  },
  jugendhilfe: calendarYear(),
  seu: {
    rhythm: "jährlich, nach Abschluss der Untersuchungen eines Einschulungsjahrgangs",
    stichtag: "31.12. des Untersuchungsjahres; gezählt werden die im Jahr untersuchten Kinder",
    example: "31.12.2024",
  },
  personal: {
    ...endOfYear,
    notes: [
      "Die Migrationsvorgeschichte ist eine freiwillige Angabe aus der Beschäftigtenbefragung; ohne Angabe: `keine_angabe`.",
    ],
  },
  wahl: {
    rhythm: "nur in Wahljahren (alle fünf Jahre, mit der Kommunalwahl)",
    stichtag: "der Wahltag",
    example: "14.09.2025",
  },
  gewerbe: calendarYear(),
  anerkennung: calendarYear(),
  kultur: calendarYear(),
  presse: calendarYear(),
  // Almelo (NL): ISO dates, as CBS and the Dutch registers write them.
  nl_bevolking: {
    rhythm: "jährlich, nach dem Stichtag 1. Januar (peildatum)",
    stichtag: "01.01. des Berichtsjahres (Bestand der BRP an diesem Tag)",
    example: "2024-01-01",
    ages: ["0-14", "15-64", "65+"],
    notes: [
      "Herkunft nach der CBS-Einteilung von 2022 (herkomst); die alte Einteilung westers/niet-westers wird nicht geliefert.",
    ],
  },
  nl_inburgering: {
    rhythm: "jährlich, nach dem Jahresende",
    stichtag: "31.12. des Berichtsjahres; gezählt wird das Kalenderjahr",
    example: "2024-12-31",
  },
  nl_bijstand: {
    rhythm: "jährlich, nach dem Stichtag 1. Januar",
    stichtag: "01.01. des Berichtsjahres (Bestand am Ende des Vorjahres)",
    example: "2024-01-01",
    ages: ["0-26", "27-64", "65+"],
    notes: [
      "Die jüngste Altersgruppe beginnt bei 0, also z. B. `0-26` für „unter 27“ (Bijstand gibt es ab 18 Jahren).",
    ],
  },
  nl_werk: {
    rhythm: "jährlich, sobald CBS und UWV die Daten zum 1. Januar geliefert haben",
    stichtag: "01.01. des Berichtsjahres",
    example: "2024-01-01",
    ages: ["0-24", "25-64", "65+"],
    notes: ["Die jüngste Altersgruppe beginnt bei 0, also z. B. `0-24` für „unter 25“."],
  },
  nl_onderwijs: {
    rhythm: "jährlich, nach der Teldatum von DUO",
    stichtag: "01.10. des Berichtsjahres; gezählt wird das Schuljahr, das in diesem Jahr endet",
    example: "2024-10-01",
  },
};

/** Meanings of codes whose name alone is not enough. */
const codeMeanings: Record<string, Record<string, string>> = {
  geschlecht: { m: "männlich", w: "weiblich", d: "divers", o: "ohne Angabe" },
  staatsangehoerigkeit: {
    deutsch: "deutsch, ggf. mit weiterer Staatsangehörigkeit",
    EU: "Staatsangehörigkeit eines anderen EU-Staats",
    Drittstaat: "Staatsangehörigkeit eines Staats außerhalb der EU",
    ungeklaert: "staatenlos oder ungeklärt",
  },
  migrationsvorgeschichte: {
    ohne: "ohne Migrationsvorgeschichte",
    persoenlich: "Deutsche, die selbst zugewandert sind (z. B. Aussiedler/-innen, Eingebürgerte)",
    vererbt: "Deutsche, deren Eltern eine Migrationsvorgeschichte haben",
    auslaendisch: "alle Nichtdeutschen",
    ja: "mit Migrationsvorgeschichte",
    nein: "ohne Migrationsvorgeschichte",
    keine_angabe: "keine Angabe",
  },
  migrationshintergrund: { ja: "mit Migrationshintergrund", nein: "ohne Migrationshintergrund" },
  zuwanderungsgeschichte: { ja: "mit Zuwanderungsgeschichte", nein: "ohne Zuwanderungsgeschichte" },
};

const areaText = { stadtteil: "je Stadtteil", stadt: "gesamtstädtisch (keine Stadtteil-Spalte)" };
const periodText = {
  bestand: "Bestand am Stichtag",
  jahr: "Fälle im Berichtsjahr, das am Stichtag endet",
};

function columnRow(col: ProfileColumn): string {
  switch (col.kind) {
    case "stichtag":
      return "| `Stichtag` | Datum | `TT.MM.JJJJ` (auch `JJJJ-MM-TT`). In allen Zeilen derselbe Tag; das Berichtsjahr ist sein Jahr. |";
    case "stadtteil":
      return "| `Stadtteil` | Schlüssel | Nummer des Stadtteils laut Stadtteilliste (in Münster `11` bis `98`); führende Nullen zählen nicht (`011` = `11`). |";
    case "age":
      return `| \`${col.header}\` | Alter | Einzeljahr \`7\`, Gruppe von-bis \`15-17\` (beide Grenzen eingeschlossen) oder offene Gruppe \`90+\`; höchstens ${MAX_AGE}. |`;
    case "count":
      return `| \`${col.header}\` | Anzahl | ${col.label}: ganze Zahl ab 0 (siehe „Zeichen“). |`;
    case "code": {
      const meanings = codeMeanings[col.dimension] ?? {};
      const codes = Object.entries(col.codes).map(([code, spellings]) => {
        const others = spellings.filter((s) => s !== code).map((s) => `\`${s}\``);
        const meaning = meanings[code] ? ` (${meanings[code]})` : "";
        return `\`${code}\`${meaning}${others.length ? `, auch ${others.join(", ")}` : ""}`;
      });
      return `| \`${col.header}\` | Code | ${codes.join("; ")} |`;
    }
  }
  return `| \`${(col as ProfileColumn).header}\` | | |`;
}

function rules(profile: ExtractProfile): string[] {
  const dims = profile.columns.flatMap((c) =>
    c.kind === "stadtteil" || c.kind === "code" || c.kind === "age" ? [c.header] : [],
  );
  const header = (measure: string) => profile.columns.find((c) => c.kind === "count" && c.measure === measure)?.header;
  const lines = [`- Jede Kombination aus ${dims.map((d) => `\`${d}\``).join(", ")} darf nur einmal vorkommen.`];
  if (profile.columns.some((c) => c.kind === "age")) {
    lines.push(
      "- Die Altersgruppen dürfen sich nicht überschneiden und müssen für jede vorkommende Kombination der übrigen Spalten lückenlos von 0 bis zu einer offenen Gruppe (z. B. `90+`) reichen.",
    );
  }
  if (profile.area === "stadtteil") lines.push("- Jede Stadtteilnummer muss in der Stadtteilliste stehen.");
  for (const rule of profile.rules) {
    if (rule.kind === "forbid" || rule.kind === "zero") lines.push(`- ${rule.message}`);
    else
      lines.push(
        `- \`${header(rule.part)}\` ist ein Teil von \`${header(rule.whole)}\` und darf in keiner Zeile größer sein.`,
      );
  }
  return lines;
}

const symbols = [
  "| Eintrag | Bedeutung |",
  "|---|---|",
  "| `1234` oder `1.234` | ganze Zahl, Tausenderpunkt erlaubt |",
  "| `-` | 0 (nichts vorhanden) |",
  "| `.` oder `x` | geheim gehalten oder unbekannt: wird als fehlend gespeichert, nie als 0 |",
  "",
  "Alles andere (z. B. `12,5`, `-3`, `abc` oder ein leeres Feld) ist ein Fehler.",
];

const fileRules = [
  "- CSV-Datei mit einer Kopfzeile, danach eine Zeile je Kombination.",
  "- Zeichenkodierung UTF-8 (mit oder ohne BOM) oder Windows-1252 (so speichert Excel „CSV (Trennzeichen-getrennt)“); Umlaute kommen in beiden Fällen richtig an.",
  '- Trennzeichen Semikolon `;` (empfohlen), Komma `,` oder Tabulator – eines davon, einheitlich in der ganzen Datei. Felder dürfen in Anführungszeichen `"…"` stehen.',
  "- Spaltenüberschriften: Groß-/Kleinschreibung, Leerzeichen am Rand, `ä/ö/ü/ß` statt `ae/oe/ue/ss` und `_` statt Leerzeichen sind egal; die Reihenfolge der Spalten ist frei. Fehlende, doppelte oder unbekannte Spalten sind Fehler.",
  "- Codes: Groß-/Kleinschreibung und Umlaut-Schreibweise sind egal (`Männlich` = `maennlich` = `m`).",
  "- Zeilenenden LF oder CRLF; Leerzeilen (auch am Ende) werden übersprungen.",
];

function profilePage(profile: ExtractProfile, example: string): string {
  const d = deliveries[profile.id];
  const counts = profile.columns.flatMap((c) => (c.kind === "count" ? [c] : []));
  return [
    `# ${profile.title} (\`${profile.id}\`)`,
    "",
    profile.description,
    "",
    `- **Liefernde Stelle:** ${profile.office}`,
    `- **Lieferung:** ${d.rhythm}; eine Datei je Jahr.`,
    `- **Stichtag:** ${d.stichtag}.`,
    `- **Inhalt:** ${periodText[profile.period]}, ${areaText[profile.area]}.`,
    ...(d.notes ?? []).map((n) => `- ${n}`),
    "",
    "## Spalten",
    "",
    "| Spalte | Typ | Werte |",
    "|---|---|---|",
    ...profile.columns.map(columnRow),
    "",
    ...(profile.ignorable?.length
      ? [`Zusätzlich erlaubt und beim Import übergangen: ${profile.ignorable.map((h) => `\`${h}\``).join(", ")}.`, ""]
      : []),
    "## Messgrößen",
    "",
    "| Spalte | Kennung | Bedeutung |",
    "|---|---|---|",
    ...counts.map((c) => `| \`${c.header}\` | \`${c.measure}\` | ${c.label} |`),
    "",
    "## Prüfregeln",
    "",
    ...rules(profile),
    "",
    "## Zeichen in Anzahl-Spalten",
    "",
    ...symbols,
    "",
    "## Dateiformat",
    "",
    ...fileRules,
    "",
    "Eine fehlerhafte Datei wird ganz abgelehnt; der Fehlerbericht nennt alle Fehler auf einmal mit Zeile, Spalte, Wert und dem, was erwartet wird.",
    "",
    "## Beispiel",
    "",
    `Datei [examples/${profile.id}.csv](examples/${profile.id}.csv):`,
    "",
    "```csv",
    example.trim(),
    "```",
    "",
  ].join("\n");
}

function readme(): string {
  return [
    "# Lieferprofile der Ämter",
    "",
    "Jede Stelle liefert einmal je Jahr eine CSV-Datei nach ihrem Profil. Die Seiten beschreiben Spalten, erlaubte Werte,",
    "Prüfregeln und ein Beispiel. Sie werden aus den Profilen erzeugt (`npm run docs:extracts`);",
    "bitte nicht von Hand ändern.",
    "",
    "| Profil | Inhalt | Liefernde Stelle | Stichtag |",
    "|---|---|---|---|",
    ...profiles.map(
      (p) =>
        `| [\`${p.id}\`](${p.id}.md) | ${p.title} | ${p.office} | ${deliveries[p.id].stichtag.split(/[;(]/)[0].trim()} |`,
    ),
    "",
    "## Für alle Profile",
    "",
    ...fileRules,
    "",
    "### Zeichen in Anzahl-Spalten",
    "",
    ...symbols,
    "",
    "### Was bei Fehlern passiert",
    "",
    "Die Datei wird vollständig geprüft und bei einem Fehler ganz abgelehnt; nichts davon wird gespeichert. Der",
    "Fehlerbericht nennt alle Fehler auf einmal (Zeile – die Kopfzeile ist Zeile 1 –, Spalte, Wert und was erwartet wird).",
    "Eine schon importierte, unveränderte Datei wird erkannt und nicht doppelt gespeichert. Eine neue Datei für ein Jahr,",
    "das schon vorhanden ist, ersetzt dessen Daten erst nach Bestätigung; die alte Lieferung bleibt in der Importhistorie.",
    "",
  ].join("\n");
}

/**
 * Pads every Markdown table to aligned columns (at least three wide), the layout the committed pages have, so
 * the tables stay readable as plain text; the project's formatter leaves Markdown alone.
 */
function alignTables(markdown: string): string {
  const lines = markdown.split("\n");
  for (let start = 0; start < lines.length; start++) {
    if (!lines[start].startsWith("|")) continue;
    let end = start;
    while (end < lines.length && lines[end].startsWith("|")) end++;
    const rows = lines.slice(start, end).map((line) =>
      line
        .slice(1, -1)
        .split("|")
        .map((cell) => cell.trim()),
    );
    const widths = rows[0].map((_, i) => Math.max(3, ...rows.map((r, k) => (k === 1 ? 0 : [...r[i]].length))));
    const pad = (cell: string, i: number) => cell + " ".repeat(widths[i] - [...cell].length);
    const aligned = rows.map(
      (r, k) => `| ${r.map((cell, i) => (k === 1 ? "-".repeat(widths[i]) : pad(cell, i))).join(" | ")} |`,
    );
    lines.splice(start, end - start, ...aligned);
    start = end;
  }
  return lines.join("\n");
}

const root = new URL("../../docs/extracts/", import.meta.url);
mkdirSync(new URL("examples/", root), { recursive: true });
for (const profile of profiles) {
  const d = deliveries[profile.id];
  if (!d) throw new Error(`Lieferangaben für ${profile.id} fehlen in generate-docs.ts`);
  const example = sampleCsv(profile, {
    stichtag: d.example,
    districts: [11, 45],
    ages: d.ages,
    combinations: 2,
    symbols: true,
  });
  writeFileSync(new URL(`examples/${profile.id}.csv`, root), example);
  writeFileSync(new URL(`${profile.id}.md`, root), alignTables(profilePage(profile, example)));
}
writeFileSync(new URL("README.md", root), alignTables(readme()));
console.log(`${profiles.length} Profilseiten, Beispiele und README in docs/extracts/ geschrieben.`);
