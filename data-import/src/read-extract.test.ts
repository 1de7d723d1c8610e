import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { decodeDims } from "@im/indicators";
import { describe, expect, it } from "vitest";
import { muensterDistricts } from "./districts.ts";
import type { Observation } from "./line-checker.ts";
import type { Problem } from "./problems.ts";
import type { ExtractProfile } from "./profiles/index.ts";
import { findProfile } from "./profiles/index.ts";
import { CHUNK_BYTES, type ReadOptions, readExtract } from "./read-extract.ts";

/** For tests that straddle chunk boundaries with one long field. */
const longFields: ReadOptions = { limits: { fieldChars: 2 * CHUNK_BYTES, lineChars: 2 * CHUNK_BYTES } };

const edgeCases = new URL("../../fixtures/edge-cases/", import.meta.url);
function profile(id: string): ExtractProfile {
  const found = findProfile(id);
  if (!found) throw new Error(`Profil ${id} fehlt`);
  return found;
}
const einwohner = profile("einwohner");
const header = "Stichtag;Stadtteil;Geschlecht;Alter;Staatsangehoerigkeit;Migrationsvorgeschichte;Anzahl";

async function readFixture(profileId: string, file: string) {
  const observations: Observation[] = [];
  const path = new URL(`${profileId}/${file}`, edgeCases).pathname;
  const result = await readExtract({ path }, profile(profileId), muensterDistricts, (batch) =>
    observations.push(...batch),
  );
  return { ...result, observations };
}

async function readText(text: string | Uint8Array, extractProfile = einwohner, options: ReadOptions = {}) {
  const observations: Observation[] = [];
  const bytes = typeof text === "string" ? new TextEncoder().encode(text) : text;
  const result = await readExtract(
    { bytes },
    extractProfile,
    muensterDistricts,
    (batch) => observations.push(...batch),
    options,
  );
  return { ...result, observations };
}

const where = (problems: Problem[]) => problems.map((p) => [p.line, p.column]);

/** Valid files: no problems, plus what must have come out. */
const accepted: Record<string, Record<string, (r: Awaited<ReturnType<typeof readFixture>>) => void>> = {
  einwohner: {
    "utf8.csv": (r) => {
      expect(r.summary?.encoding).toBe("utf-8");
      expect(r.observations.map((o) => decodeDims(o.dims).geschlecht)).toEqual(Array(6).fill("m"));
    },
    "utf8-bom.csv": (r) => {
      expect(r.summary?.encoding).toBe("utf-8-bom");
      expect(decodeDims(r.observations[0].dims).geschlecht).toBe("m");
    },
    "windows-1252.csv": (r) => {
      expect(r.summary?.encoding).toBe("windows-1252");
      expect(r.observations.map((o) => decodeDims(o.dims).geschlecht)).toEqual(Array(6).fill("m"));
    },
    "komma.csv": (r) => expect(r.summary?.delimiter).toBe(","),
    "tabulator.csv": (r) => expect(r.summary?.delimiter).toBe("\t"),
    "crlf.csv": (r) => {
      expect(r.summary?.lineCount).toBe(6);
      expect(r.observations.map((o) => o.value)).toEqual([120, 480, 95, 12, 40, 3]);
    },
    "anfuehrungszeichen.csv": (r) => {
      expect(r.observations.map((o) => o.value)).toEqual([1234, 480, 95]);
      expect(decodeDims(r.observations[0].dims).geschlecht).toBe("o");
    },
    "kopfzeile-schreibweisen.csv": (r) => {
      expect(r.observations[0]).toEqual({
        line: 2,
        district: 11,
        dims: "geschlecht=w|alter=0-17|staatsangehoerigkeit=deutsch|migrationsvorgeschichte=ohne",
        measure: "einwohner",
        value: 120,
      });
    },
    "code-schreibweisen.csv": (r) => {
      expect(r.observations.map((o) => o.dims)).toEqual(
        ["deutsch|migrationsvorgeschichte=ohne", "EU|migrationsvorgeschichte=auslaendisch"].flatMap((rest) =>
          ["0-17", "18-64", "65+"].map((age) => `geschlecht=w|alter=${age}|staatsangehoerigkeit=${rest}`),
        ),
      );
    },
    "tausenderpunkt.csv": (r) => expect(r.observations.map((o) => o.value)).toEqual([1234, 12345, 1234567, 12, 40, 3]),
    "symbole.csv": (r) => expect(r.observations.map((o) => o.value)).toEqual([0, null, null, null, 40, 3]),
    "einzeljahre.csv": (r) =>
      expect(r.observations.map((o) => decodeDims(o.dims).alter)).toEqual(["0-0", "1-1", "2-5", "6-6", "7-17", "18+"]),
    "fuehrende-nullen.csv": (r) => expect(r.observations.every((o) => o.district === 11)).toBe(true),
    "leerzeilen-am-ende.csv": (r) => expect(r.summary?.lineCount).toBe(6),
    "datum-iso-und-deutsch.csv": (r) => expect(r.summary).toMatchObject({ stichtag: "2024-12-31", year: 2024 }),
    "ignorierbare-spalte.csv": (r) => expect(r.observations).toHaveLength(6),
    "leere-spalte-am-ende.csv": (r) => expect(r.observations).toHaveLength(6),
  },
  seu: {
    "gueltig.csv": (r) => {
      expect(r.observations).toHaveLength(32);
      expect(r.observations.slice(0, 2)).toEqual([
        { line: 2, district: 11, dims: "geschlecht=w|migrationshintergrund=ja", measure: "untersuchte", value: 40 },
        {
          line: 2,
          district: 11,
          dims: "geschlecht=w|migrationshintergrund=ja",
          measure: "sprachfoerderbedarf",
          value: 12,
        },
      ]);
    },
  },
};

/** Rejected files: exactly these problems (line, column), and a word each message must contain. */
const rejected: Record<string, Record<string, [number | null, string | null, string][]>> = {
  einwohner: {
    "falsches-datum.csv": [[3, "Stichtag", "TT.MM.JJJJ"]],
    "zwei-stichtage.csv": [
      [
        5,
        "Stichtag",
        "(Zeile 2) hat den Stichtag „31.12.2024“; alle Zeilen einer Datei müssen denselben Stichtag haben (2 Zeilen weichen ab)",
      ],
    ],
    "stadtteil-keine-zahl.csv": [[4, "Stadtteil", "„Aegidii“ ist keine Stadtteilnummer"]],
    "stadtteil-unbekannt.csv": [[5, "Stadtteil", "Der Stadtteil 99 steht nicht in der Stadtteilliste"]],
    "falscher-code.csv": [[3, "Geschlecht", "erwartet einer der Werte m, w, d, o"]],
    "falsches-alter.csv": [[6, "Alter", "Ungültige Altersangabe „18 bis 64“"]],
    "falsche-anzahl.csv": [
      [2, "Anzahl", "Ungültige Anzahl „abc“"],
      [3, "Anzahl", "Leeres Feld"],
    ],
    "negative-anzahl.csv": [[4, "Anzahl", "Negative Anzahl „-3“"]],
    "dezimalzahl.csv": [[5, "Anzahl", "Dezimalzahl „12,5“"]],
    "doppelte-zeile.csv": [
      [
        8,
        null,
        "Geschlecht w, Alter 18-64, Staatsangehoerigkeit deutsch, Migrationsvorgeschichte ohne kommt doppelt vor (Zeilen 3 und 8)",
      ],
    ],
    "altersgruppen-ueberschneidung.csv": [
      [3, "Alter", "überschneiden sich die Altersgruppen 0-17 (Zeile 2) und 15-64 (Zeile 3)"],
    ],
    "altersgruppen-luecke.csv": [[3, "Alter", "Migrationsvorgeschichte ohne fehlt das Alter 18 bis 19"]],
    "altersgruppen-ohne-offene-gruppe.csv": [[4, "Alter", "fehlt nach 65-99 eine offene Altersgruppe (z. B. „100+“)"]],
    "altersgruppen-luecke-mehrfach.csv": [
      [
        3,
        "Alter",
        "fehlt das Alter 18 bis 64; erwartet werden Altersgruppen, die lückenlos und ohne Überschneidung von 0 bis zu einer offenen Gruppe (z. B. 90+) reichen. Ebenso in 3 weiteren Kombinationen.",
      ],
    ],
    "deutsch-auslaendisch.csv": [
      [3, "Migrationsvorgeschichte", "Eine deutsche Person kann nicht"],
      [6, "Migrationsvorgeschichte", "Eine nichtdeutsche Person hat immer"],
    ],
    "fehlende-spalte.csv": [[1, "Migrationsvorgeschichte", "Die Pflichtspalte „Migrationsvorgeschichte“ fehlt"]],
    "zusaetzliche-spalte.csv": [[1, "Bemerkung", "Unbekannte Spalte „Bemerkung“"]],
    "doppelte-spalte.csv": [[1, "Alter", "kommt mehrfach vor (Spalten 4 und 8)"]],
    "andere-kopfzeile.csv": [[1, null, "keine Kopfzeile des Profils „Einwohner (Melderegister)“"]],
    "trennzeichen-mehrdeutig.csv": [[1, null, "Semikolon „;“ und Komma „,“"]],
    "falsche-feldanzahl.csv": [[4, null, "Die Zeile hat 6 Felder, die Kopfzeile 7 Spalten"]],
    "anfuehrungszeichen-offen.csv": [[7, null, "nicht geschlossen"]],
    "zeilenumbruch-im-feld.csv": [[5, "Anzahl", "Ungültige Anzahl „abc“"]],
    "leer.csv": [[null, null, "Die Datei ist leer"]],
    "nur-kopfzeile.csv": [[null, null, "keine Datenzeilen"]],
  },
  seu: {
    "teil-groesser-als-ganzes.csv": [
      [3, "Sprachfoerderbedarf", "„Sprachfoerderbedarf“ (95) ist größer als „Untersuchte“ (80)"],
      [4, "U8_wahrgenommen", "„U8_wahrgenommen“ (34) ist größer als „Vorsorgeheft_vorgelegt“ (33)"],
    ],
  },
  melderegister_zusatz: {
    "weitere-staatsangehoerigkeit-bei-auslaendern.csv": [
      [4, "Weitere_StA_EU", "nur für Deutsche gezählt. Erwartet 0 oder „-“, nicht „3“"],
    ],
  },
};

describe("readExtract on the edge-case fixtures", () => {
  for (const [profileId, files] of Object.entries(accepted)) {
    for (const [file, check] of Object.entries(files)) {
      it(`accepts ${profileId}/${file} without problems`, async () => {
        const result = await readFixture(profileId, file);
        expect(result.problems).toEqual([]);
        expect(result.summary?.observationCount).toBe(result.observations.length);
        check(result);
      });
    }
  }

  for (const [profileId, files] of Object.entries(rejected)) {
    for (const [file, expected] of Object.entries(files)) {
      it(`rejects ${profileId}/${file} with exactly the expected problems`, async () => {
        const { problems, observations } = await readFixture(profileId, file);
        expect(where(problems)).toEqual(expected.map(([line, column]) => [line, column]));
        for (const [i, p] of problems.entries()) expect(p.message).toContain(expected[i][2]);
        expect(observations.length).toBe(0);
      });
    }
  }

  it("has a test and a README entry for every fixture file", () => {
    for (const profile of readdirSync(edgeCases, { withFileTypes: true }).filter((d) => d.isDirectory())) {
      const files = readdirSync(new URL(`${profile.name}/`, edgeCases)).filter((f) => f.endsWith(".csv"));
      const readme = readFileSync(new URL(`${profile.name}/README.md`, edgeCases), "utf8");
      for (const file of files) {
        expect(readme, file).toContain(`\`${file}\``);
        expect(file in (accepted[profile.name] ?? {}) || file in (rejected[profile.name] ?? {}), file).toBe(true);
      }
    }
  });
});

describe("readExtract", () => {
  it("reports the value as written and a German expectation in every problem", async () => {
    const { problems } = await readFixture("einwohner", "dezimalzahl.csv");
    expect(problems).toEqual([
      {
        line: 5,
        column: "Anzahl",
        value: "12,5",
        message:
          "Dezimalzahl „12,5“; erwartet eine ganze Zahl ab 0 (Tausenderpunkt erlaubt, z. B. 1.234), „-“ für 0 oder „.“ bzw. „x“ für geheim gehalten.",
      },
    ]);
  });

  it("reports all problems of a file at once, ordered by line", async () => {
    const { problems, summary } = await readText(
      [
        header,
        "31.12.2024;11;w;0-17;deutsch;ohne;1,5",
        "31.12.2024;99;w;18-64;deutsch;ohne;480",
        "31.12.2024;11;q;65+;deutsch;ohne;95",
        "30.12.2024;11;w;0-17;EU;auslaendisch;12",
        "31.12.2024;11;w;18-64;EU;ohne;40",
        "31.12.2024;11;w;0-17;deutsch;ohne;7",
        "31.12.2024;11;w;x;EU;auslaendisch;3",
      ].join("\n"),
    );
    expect(where(problems)).toEqual([
      [2, "Anzahl"],
      [3, "Stadtteil"],
      [4, "Geschlecht"],
      [5, "Stichtag"],
      [6, "Migrationsvorgeschichte"],
      [7, null],
      [8, "Alter"],
    ]);
    expect(problems[5].message).toContain("(Zeilen 2 und 7)");
    expect(summary).toMatchObject({ stichtag: "2024-12-31", lineCount: 7 });
  });

  it("gives the file's line numbers when a quoted field spans several lines", async () => {
    const { problems } = await readText(
      `Stadtteilname;${header}\n"Aegidii\nMitte\n";31.12.2024;11;w;0+;deutsch;ohne;5\nDom;31.12.2024;13;w;0+;deutsch;ohne;-1\n`,
    );
    expect(where(problems)).toEqual([[5, "Anzahl"]]);
  });

  it("decodes a UTF-8 umlaut split between two chunks of the stream", async () => {
    const prefix = `Stadtteilname;${header}\n"`;
    // Pad the ignorable name so that the two bytes of the „ä“ in „männlich“ straddle the first chunk's end.
    const before = '";31.12.2024;11;m';
    const padding = "a".repeat(CHUNK_BYTES - prefix.length - before.length - 1);
    const text = `${prefix}${padding}${before}ännlich;0+;deutsch;ohne;5\n`;
    const bytes = new TextEncoder().encode(text);
    expect(bytes[CHUNK_BYTES - 1]).toBe(0xc3); // first byte of „ä“ ends chunk 1
    const { problems, summary, observations } = await readText(bytes, einwohner, longFields);
    expect(problems).toEqual([]);
    expect(summary?.encoding).toBe("utf-8");
    expect(observations[0].dims).toBe(
      "geschlecht=m|alter=0+|staatsangehoerigkeit=deutsch|migrationsvorgeschichte=ohne",
    );
  });

  it("reports a file whose Windows-1252 bytes only start after the part that decided the encoding", async () => {
    const first = `Stadtteilname;${header}\n"${"a".repeat(CHUNK_BYTES)}";31.12.2024;11;w;0+;deutsch;ohne;5\n`;
    const second = Buffer.from("Dom;31.12.2024;13;männlich;0+;deutsch;ohne;5\n", "latin1");
    const { problems } = await readText(Buffer.concat([Buffer.from(first), second]), einwohner, longFields);
    expect(where(problems)).toEqual([
      [null, null],
      [3, "Geschlecht"],
    ]);
    expect(problems[0].message).toContain("Die Zeichenkodierung ist nicht einheitlich");
  });

  it("tolerates columns without header as long as they stay empty, even when lines leave them out", async () => {
    const { problems } = await readText(
      `${header};;\n31.12.2024;11;w;0+;deutsch;ohne;5\n31.12.2024;12;w;0+;deutsch;ohne;5;;\n31.12.2024;13;w;0+;deutsch;ohne;5;;Notiz\n`,
    );
    expect(problems).toEqual([
      {
        line: 4,
        column: null,
        value: "Notiz",
        message: expect.stringContaining("Spalte 9, die keine Überschrift hat"),
      },
    ]);
  });

  it("hashes the raw bytes and reads a path and the same bytes alike", async () => {
    const path = new URL("einwohner/windows-1252.csv", edgeCases).pathname;
    const bytes = readFileSync(path);
    const fromPath = await readExtract({ path }, einwohner, muensterDistricts);
    const fromBytes = await readExtract({ bytes }, einwohner, muensterDistricts);
    expect(fromPath.summary?.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
    expect(fromBytes).toEqual(fromPath);
  });

  it("sends the year of the Stichtag with every batch, from German or ISO dates", async () => {
    const years = async (text: string) => {
      const seen: number[] = [];
      const { summary } = await readExtract(
        { bytes: new TextEncoder().encode(text) },
        einwohner,
        muensterDistricts,
        (_, year) => seen.push(year),
      );
      return { seen, year: summary?.year ?? null };
    };
    expect(await years(`${header}\r\n\r\n31.12.2019;11;w;0+;deutsch;ohne;4\r\n`)).toEqual({ seen: [2019], year: 2019 });
    expect(await years(`${header.replaceAll(";", ",")}\n"2021-12-31",11,w,0+,deutsch,ohne,4\n`)).toEqual({
      seen: [2021],
      year: 2021,
    });
    expect(await years(`${header}\n`)).toEqual({ seen: [], year: null });
  });

  it("reports an unreadable path as a problem instead of throwing", async () => {
    const { summary, problems } = await readExtract({ path: "/gibt/es/nicht.csv" }, einwohner, muensterDistricts);
    expect(summary).toBeNull();
    expect(where(problems)).toEqual([[null, null]]);
    expect(problems[0].message).toContain("Die Datei konnte nicht gelesen werden");
  });

  it("stores profiles for the whole city without a district", async () => {
    const { problems, observations } = await readText(
      "Stichtag;Nationalitaet;Anmeldungen\n31.12.2024;deutsch;1.200\n31.12.2024;Ausländer;310\n",
      profile("gewerbe"),
    );
    expect(problems).toEqual([]);
    expect(observations).toEqual([
      { line: 2, district: null, dims: "nationalitaet=deutsch", measure: "anmeldungen", value: 1200 },
      { line: 3, district: null, dims: "nationalitaet=auslaendisch", measure: "anmeldungen", value: 310 },
    ]);
  });

  describe("with many lines", () => {
    // 45 Stadtteile × 4 Geschlechter × 6 Staatsangehörigkeit/Migration × 24 age bands (0 … 22, 23+) = 25,920 lines.
    const combos = [
      "deutsch;ohne",
      "deutsch;persoenlich",
      "deutsch;vererbt",
      "EU;auslaendisch",
      "Drittstaat;auslaendisch",
      "ungeklaert;auslaendisch",
    ];
    const ages = [...Array.from({ length: 23 }, (_, i) => String(i)), "23+"];
    const lines = muensterDistricts.flatMap((d) =>
      ["m", "w", "d", "o"].flatMap((g) =>
        combos.flatMap((c) => ages.map((a) => `31.12.2024;${d.number};${g};${a};${c};7`)),
      ),
    );

    it("sends observations in batches of 10,000", async () => {
      const sizes: number[] = [];
      const { problems, summary } = await readExtract(
        { bytes: new TextEncoder().encode(`${header}\n${lines.join("\n")}\n`) },
        einwohner,
        muensterDistricts,
        (batch) => sizes.push(batch.length),
      );
      expect(problems).toEqual([]);
      expect(sizes).toEqual([10_000, 10_000, 5_920]);
      expect(summary).toMatchObject({ lineCount: 25_920, observationCount: 25_920 });
    });

    it("sends no further batches once a problem is found", async () => {
      const broken = lines.slice();
      broken[14_999] = broken[14_999].replace(/;7$/, ";sieben");
      const sizes: number[] = [];
      const { problems } = await readExtract(
        { bytes: new TextEncoder().encode(`${header}\n${broken.join("\n")}\n`) },
        einwohner,
        muensterDistricts,
        (batch) => sizes.push(batch.length),
      );
      expect(where(problems)).toEqual([[15_001, "Anzahl"]]);
      expect(sizes).toEqual([10_000]);
    });

    it("lists at most 1000 problems and counts the rest", async () => {
      const bad = lines.slice(0, 24 * 60).map((l) => l.replace(/;7$/, ";-7")); // 60 complete age-band sets
      const { problems } = await readText(`${header}\n${bad.join("\n")}\n`);
      expect(problems).toHaveLength(1001);
      expect(problems[999]).toMatchObject({ line: 1001, column: "Anzahl" });
      expect(problems[1000]).toMatchObject({
        line: null,
        message: expect.stringContaining("… und 440 weitere Probleme"),
      });
    });
  });
});

describe("readExtract on hostile files", () => {
  const valid = "31.12.2024;11;w;0+;deutsch;ohne;5";

  it("rejects a 4 MB field of quotes at once, with line and column, and reads no further", async () => {
    const started = performance.now();
    const { problems, observations } = await readText(
      `${header}\n${valid}\n${'"'.repeat(4 * 1024 * 1024)}\n${valid}\n`,
    );
    // Papa alone took 40 s on this field; the limit stops it after 1,000 characters.
    expect(performance.now() - started).toBeLessThan(1000);
    expect(problems).toEqual([
      {
        line: 3,
        column: "Stichtag",
        value: null,
        message: expect.stringContaining("Feld 1 (Stichtag) ist länger als 1.000 Zeichen"),
      },
    ]);
    expect(problems[0].message).toContain("nicht weiter gelesen");
    expect(observations).toEqual([]);
  });

  it("rejects a line longer than the limit with the field where it was passed", async () => {
    const { problems } = await readText(`${header}\n${valid}\n31.12.2024;11;w;0+;deutsch;ohne;${"1;".repeat(6000)}\n`);
    expect(where(problems)).toEqual([[3, null]]);
    expect(problems[0].message).toMatch(/^Die Zeile ist länger als 10\.000 Zeichen \(erreicht in Feld \d+\)/);
  });

  it("counts a quoted field with line breaks as one record and names the line it starts on", async () => {
    const field = `"${"ab\n".repeat(400)}"`;
    const { problems } = await readText(`${header}\n${valid}\n31.12.2024;11;${field};0+;deutsch;ohne;5\n`);
    expect(where(problems)).toEqual([[3, "Geschlecht"]]);
  });

  it("rejects a header line without line break and a header of too many columns", async () => {
    const noBreak = await readText(`${header};${"x".repeat(20_000)}`);
    expect(where(noBreak.problems)).toEqual([[1, null]]);
    expect(noBreak.problems[0].message).toContain("Die Kopfzeile ist länger als 10.000 Zeichen");
    expect(noBreak.problems[0].value).toHaveLength(61);

    const wide = await readText(`${header}${";Extra".repeat(300)}\n${valid}\n`);
    expect(wide.problems).toMatchObject([
      { line: 1, message: "Die Kopfzeile hat 307 Spalten; erlaubt sind höchstens 200." },
    ]);
  });

  it("echoes a rejected value cut to 60 characters and „…“", async () => {
    const { problems } = await readText(`${header}\n31.12.2024;11;w;0+;deutsch;ohne;${"z".repeat(900)}\n`);
    expect(problems[0].value).toBe(`${"z".repeat(60)}…`);
    expect(problems[0].message).toContain(`„${"z".repeat(60)}…“`);
  });

  it("stops when the signal aborts and rejects with its reason", async () => {
    const controller = new AbortController();
    const reason = new Error("abgebrochen");
    controller.abort(reason);
    await expect(readText(`${header}\n${valid}\n`, einwohner, { signal: controller.signal })).rejects.toBe(reason);
  });
});

describe("readExtract on text that reaches its first quote after several chunks", () => {
  // Lines are split without papaparse until the first quote and by papaparse from there: every edge case, moved
  // behind 70,000 blank lines (skipped, but counted), must give the same problems and observations 70,000 lines on.
  const blank = 70_000;
  const files = readdirSync(new URL("einwohner/", edgeCases)).filter((f) => f.endsWith(".csv"));
  it.each(files)("%s gives the same result behind blank lines", async (file) => {
    const bytes = readFileSync(new URL(`einwohner/${file}`, edgeCases));
    const headerEnd = bytes.indexOf(0x0a);
    if (headerEnd === -1) return; // no line after the header to move
    const lineBreak = bytes[headerEnd - 1] === 0x0d ? "\r\n" : "\n";
    const padded = Buffer.concat([
      bytes.subarray(0, headerEnd + 1),
      Buffer.from(lineBreak.repeat(blank)),
      bytes.subarray(headerEnd + 1),
    ]);
    const moved = (line: number | null) => (line === null || line === 1 ? line : line + blank);
    const plain = await readText(bytes);
    const behind = await readText(padded);
    expect(behind.problems.map((p) => [p.line, p.column, p.value])).toEqual(
      plain.problems.map((p) => [moved(p.line), p.column, p.value]),
    );
    expect(behind.observations).toEqual(plain.observations.map((o) => ({ ...o, line: moved(o.line) })));
  });
});
