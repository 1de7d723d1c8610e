// The boundary file's licence notice, said in plain words: who made the boundaries, under which licence, and
// whether they were changed. The file's own text ("Ringe gegen den Uhrzeigersinn orientiert" …) stays available
// in full behind a disclosure, because the licence asks for the notice as given.

export interface PlainAttribution {
  /** Who made the boundaries, e.g. "Stadt Münster". */
  provider: string;
  /** The data's date as German date, e.g. "03.01.2022". */
  date?: string;
  /** The licence's name, e.g. "Datenlizenz Deutschland – Namensnennung – Version 2.0". */
  licence?: string;
  /** The licence's web address. */
  url?: string;
  /** True when the notice says the data was changed. */
  changed: boolean;
}

/**
 * Reads provider, date, licence and licence link from a notice of the usual form
 * "Datenquelle: Stadt Münster (…, Stand 2022-01-03), Lizenz: Datenlizenz … (https://…). Verändert: …";
 * null when the notice does not name a source (it is then shown as it is).
 */
export function plainAttribution(notice: string): PlainAttribution | null {
  const provider = /(?:Datenquelle|Quelle|Geodaten)\s*:\s*(?:©\s*)?([^(,;.]+)/i.exec(notice)?.[1]?.trim();
  if (!provider) return null;
  const stand = /Stand:?\s*(\d{4})[-/](\d{2})[-/](\d{2})/.exec(notice);
  const licence = /Lizenz\s*:\s*([^(;]+?)\s*(?:\(|;|\.\s|\.$|$)/i.exec(notice)?.[1]?.trim();
  const url = /https?:\/\/[^\s),;]+/.exec(notice)?.[0];
  return {
    provider,
    date: stand ? `${stand[3]}.${stand[2]}.${stand[1]}` : undefined,
    licence: licence || undefined,
    url,
    changed: /verändert|bearbeitet|gerundet|vereinfacht/i.test(notice),
  };
}
