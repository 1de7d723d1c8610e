// Code lists shared by the Dutch (Almelo) profiles. Canonical codes are Dutch, as the offices write them; the
// catalogue's comparison groups (migration: mit/ohne, geschlecht: w/m) map onto them in each profile's groupings.

export const geslacht = {
  man: ["man", "m", "mannen"],
  vrouw: ["vrouw", "v", "vrouwen"],
};

/**
 * Herkomst by the CBS classification of 2022: the person's own country of birth when born abroad, otherwise the
 * mother's (the father's when the mother was born in the Netherlands or is unknown), grouped by continent.
 * Before 2022 CBS published "migratieachtergrond" with the groups westers / niet-westers; those cannot be
 * rebuilt from continents (Turkey was niet-westers and is now "buiten Europa"; Indonesia and Japan were westers).
 */
export const herkomst = {
  nederland: ["nederland", "Nederlandse herkomst", "NL"],
  europa: ["europa", "Europa (exclusief Nederland)", "Europa excl. Nederland", "europa_excl_nl"],
  buiten_europa: ["buiten_europa", "buiten Europa", "buiten-Europa"],
};

/** Country of birth: together with herkomst it tells migrants (born abroad) from children of migrants. */
export const geboorteland = {
  nederland: ["nederland", "in Nederland geboren", "NL"],
  buitenland: ["buitenland", "in het buitenland geboren"],
};

export const groupingGeslacht = { w: { geslacht: ["vrouw"] }, m: { geslacht: ["man"] } };

/** "Mit / ohne Migrationsvorgeschichte" of the catalogue ≈ herkomst outside / inside the Netherlands. */
export const groupingHerkomst = {
  mit: { herkomst: ["europa", "buiten_europa"] },
  ohne: { herkomst: ["nederland"] },
};
