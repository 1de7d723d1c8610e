// Code lists shared by several profiles. Keys are the canonical codes stored in observations.

export const geschlecht = {
  m: ["m", "männlich", "maennlich"],
  w: ["w", "weiblich"],
  d: ["d", "divers"],
  o: ["o", "ohne Angabe", "ohne"],
};

export const staatsangehoerigkeit = {
  deutsch: ["deutsch", "D"],
  EU: ["EU"],
  Drittstaat: ["Drittstaat"],
  ungeklaert: ["ungeklaert", "ungeklärt", "staatenlos"],
};

/** Foreigners only: the offices that deal with foreigners deliver no `deutsch` lines. */
export const staatsangehoerigkeitAuslaendisch = {
  EU: staatsangehoerigkeit.EU,
  Drittstaat: staatsangehoerigkeit.Drittstaat,
  ungeklaert: staatsangehoerigkeit.ungeklaert,
};

/** Federal employment agency and school statistics only distinguish Germans and foreigners. */
export const nationalitaet = {
  deutsch: ["deutsch", "D"],
  auslaendisch: ["auslaendisch", "ausländisch", "Ausländer"],
};

export const jaNein = { ja: ["ja", "j", "1"], nein: ["nein", "n", "0"] };

export const groupingNationalitaet = {
  auslaendisch: { nationalitaet: ["auslaendisch"] },
  deutsch: { nationalitaet: ["deutsch"] },
};

export const groupingStaatsangehoerigkeit = {
  auslaendisch: { staatsangehoerigkeit: ["EU", "Drittstaat", "ungeklaert"] },
  deutsch: { staatsangehoerigkeit: ["deutsch"] },
};

export const groupingGeschlecht = { w: { geschlecht: ["w"] }, m: { geschlecht: ["m"] } };

export const groupingMigrationshintergrund = {
  mit: { migrationshintergrund: ["ja"] },
  ohne: { migrationshintergrund: ["nein"] },
};
