import { decodeDims } from "@im/indicators";
import { describe, expect, it } from "vitest";
import { almeloDistricts } from "../districts.ts";
import type { Observation } from "../line-checker.ts";
import { readExtract } from "../read-extract.ts";
import { findProfile, profiles } from "./index.ts";

const bytes = (text: string) => new TextEncoder().encode(text);

async function read(profileId: string, csv: string) {
  const profile = findProfile(profileId);
  if (!profile) throw new Error(`no profile ${profileId}`);
  const observations: Observation[] = [];
  const result = await readExtract({ bytes: bytes(csv) }, profile, almeloDistricts, (b) => observations.push(...b));
  return { ...result, observations };
}

describe("the Dutch (Almelo) extract profiles", () => {
  it("are registered under nl_ ids that no German profile uses", () => {
    const dutch = profiles.filter((p) => p.id.startsWith("nl_")).map((p) => p.id);
    expect(dutch).toEqual(["nl_bevolking", "nl_inburgering", "nl_bijstand", "nl_werk", "nl_onderwijs"]);
    expect(new Set(profiles.map((p) => p.id)).size).toBe(profiles.length);
  });

  it("read a BRP population file with Dutch headers, ISO peildatum and buurt numbers from Almelo's list", async () => {
    const csv = [
      "Peildatum;Buurt;Buurtnaam;Geslacht;Leeftijd;Herkomst;Geboorteland;Aantal",
      "2021-01-01;1000;Binnenstad Noord;vrouw;0-64;nederland;nederland;800",
      "2021-01-01;1000;Binnenstad Noord;vrouw;65+;nederland;nederland;200",
      "2021-01-01;1000;Binnenstad Noord;vrouw;0-64;buiten Europa;in het buitenland geboren;90",
      "2021-01-01;1000;Binnenstad Noord;vrouw;65+;buiten_europa;buitenland;10",
    ].join("\n");
    const { summary, problems, observations } = await read("nl_bevolking", csv);
    expect(problems).toEqual([]);
    expect(summary).toMatchObject({ profile: "nl_bevolking", stichtag: "2021-01-01", year: 2021, lineCount: 4 });
    expect(observations.every((o) => o.district === 1000 && o.measure === "inwoners")).toBe(true);
    expect(decodeDims(observations[2].dims)).toMatchObject({
      geslacht: "vrouw",
      herkomst: "buiten_europa",
      geboorteland: "buitenland",
    });
  });

  it("refuse a person born abroad with herkomst Nederland, in Dutch as the profile states it", async () => {
    const csv = [
      "Peildatum;Buurt;Geslacht;Leeftijd;Herkomst;Geboorteland;Aantal",
      "2021-01-01;1000;man;0+;nederland;buitenland;3",
    ].join("\n");
    const { problems } = await read("nl_bevolking", csv);
    expect(problems.map((p) => p.message).join(" ")).toContain("eigen geboorteland als herkomst");
  });

  it("refuse a buurt number that is not in Almelo's list (a Münster Stadtteil)", async () => {
    const csv = [
      "Peildatum;Buurt;Geslacht;Leeftijd;Herkomst;Bijstandsontvangers",
      "2022-01-01;11;man;0+;nederland;3",
    ].join("\n");
    const { problems } = await read("nl_bijstand", csv);
    expect(problems.length).toBeGreaterThan(0);
  });

  it("refuse more passed than took the inburgering exam, on that line only", async () => {
    const csv = [
      "Peildatum;Wet;Geslacht;Nieuwe inburgeringsplichtigen;Examendeelnemers;Geslaagd",
      "2023-12-31;Wet inburgering 2021;vrouw;120;40;30",
      "2023-12-31;wi2013;vrouw;5;20;25",
    ].join("\n");
    const { problems } = await read("nl_inburgering", csv);
    const messages = problems.map((p) => `${p.line}: ${p.message}`).join(" | ");
    expect(messages).toContain("Geslaagd");
    expect(problems.every((p) => p.line === 3)).toBe(true);
  });
});
