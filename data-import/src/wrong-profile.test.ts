import { describe, expect, it } from "vitest";
import { muensterDistricts } from "./districts.ts";
import { findProfile } from "./profiles/index.ts";
import { readExtract } from "./read-extract.ts";

const einwohnerFile = new TextEncoder().encode(
  "Stichtag;Stadtteil;Geschlecht;Alter;Staatsangehoerigkeit;Migrationsvorgeschichte;Anzahl\n31.12.2024;11;m;0;deutsch;ohne;5\n",
);

describe("a file uploaded under the wrong profile", () => {
  it("names the profile its header belongs to, in one problem instead of one per column", async () => {
    const arbeitsmarkt = findProfile("arbeitsmarkt");
    if (!arbeitsmarkt) throw new Error("Profil arbeitsmarkt fehlt");
    const { summary, problems } = await readExtract({ bytes: einwohnerFile }, arbeitsmarkt, muensterDistricts);
    expect(summary).toBeNull();
    expect(problems).toHaveLength(1);
    expect(problems[0].line).toBe(1);
    expect(problems[0].message).toMatch(
      /^Die Kopfzeile gehört zum Profil „.+“ \(einwohner\), nicht zu „.+“ \(arbeitsmarkt\)\./,
    );
  });

  it("still lists the columns of a file that fits no profile", async () => {
    const einwohner = findProfile("einwohner");
    if (!einwohner) throw new Error("Profil einwohner fehlt");
    const odd = new TextEncoder().encode(
      "Stichtag;Stadtteil;Geschlecht;Alter;Staatsangehoerigkeit;Migrationsvorgeschichte;Anzahl;Bemerkung\n",
    );
    const { problems } = await readExtract({ bytes: odd }, einwohner, muensterDistricts);
    expect(problems.map((p) => p.message)).toContainEqual(expect.stringMatching(/^Unbekannte Spalte „Bemerkung“/));
  });
});
