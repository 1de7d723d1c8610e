// The German texts of the dashboard's maps, sliders, direct labels, the bivariate Sozialmonitoring map, the
// two-Stadtteile comparison and the Steckbrief's additions. Kept here beside their components (the shared
// dictionary in i18n/de.ts is edited by several people at once); the placeholders work as in `t`.

const TEXTS = {
  "menu.open": "Menü",
  "map.tooltipHint": "Stadtteil",
  "map.attribution.boundaries": "Stadtteilgrenzen: {provider}",
  "map.attribution.licence": "Lizenz: {licence}",
  "map.attribution.changed": "für die Karte vereinfacht",
  "map.attribution.full": "Vollständiger Quellenhinweis",
  "map.locator": "Lage von {name} in der Stadt: {name} ist dunkel hervorgehoben, die übrigen Stadtteile sind grau.",
  "map.locatorTitle": "Lage im Stadtgebiet",
  "slider.year": "Jahr der Karte",
  "slider.shown": "Gezeigt: {year}",
  "slider.range": "{first} bis {last}",
  "chart.tooltipYear": "Jahr {year}",
  "chart.noValue": "kein Wert",
  "indicator.mapTitle": "{title} {year}: alle Stadtteile",
  "indicator.mapIntro":
    "Die Karte zeigt den Wert jedes Stadtteils im gewählten Jahr. Mit dem Schieberegler (Pfeiltasten) wechseln Sie das Jahr.",
  "indicator.mapCity": "Gesamtstadt {year}: {value}.",
  "indicator.mapChosen": "{name} ist schwarz umrandet.",
  "bivariate.title": "Status und Dynamik {year} in einer Karte",
  "bivariate.intro":
    "Wie im Berliner Monitoring Soziale Stadtentwicklung: Jede Farbe verbindet den Status (Zeile) mit der Dynamik (Spalte). Rot- und Orangetöne heißen niedriger Status, Blautöne hoher Status; je dunkler, desto negativer die Dynamik.",
  "bivariate.legend": "Farbschlüssel: Status (Zeilen) × Dynamik (Spalten)",
  "bivariate.legendCaption":
    "Farbschlüssel der Karte: Anzahl Stadtteile je Status- und Dynamikklasse (Status in den Zeilen, Dynamik in den Spalten)",
  "bivariate.category": "Status {status}, Dynamik {dynamics}",
  "bivariate.need": "besonderer Handlungsbedarf",
  "bivariate.needMark": "umrandet: besonderer Handlungsbedarf",
  "bivariate.colour": "Status und Dynamik zusammen",
  "pair.pick": "Vergleichen mit",
  "pair.none": "– kein zweiter Stadtteil –",
  "pair.title": "{a} und {b} nebeneinander",
  "pair.summary":
    "{count} Indikatoren: {a} liegt bei {higherA} über {b}, bei {lowerA} darunter. Daneben die Gesamtstadt im selben Jahr.",
  "pair.diff": "Abstand {a} − {b}",
  "pair.close": "Vergleich beenden",
  "profile.stand": "Stand der Werte: {years}. Jede Karte nennt ihr Jahr nur, wenn es davon abweicht.",
  "profile.standShort": "Stand {year}",
  "profile.cityCompare": "Unterschied zur Gesamtstadt: {diff}",
  "profile.combinedExplain":
    "Gesamteinordnung „{code}“: Die Ziffer ist der Status, die soziale Lage, von 1 = hoch (günstig) bis 4 = sehr niedrig (ungünstig); das Zeichen ist die Dynamik, die Entwicklung seit {previous}: + positiv, +/- stabil, - negativ. {name}: {explain}",
  "profile.combinedIs": "Status {status} und Dynamik {dynamics}.",
  "profile.combinedNeed": "Damit gehört der Stadtteil zu den Gebieten mit besonderem Handlungsbedarf.",
  "profile.combinedNoNeed": "Damit gehört der Stadtteil nicht zu den Gebieten mit besonderem Handlungsbedarf.",
  "profile.gapTitle": "Unterschiede zwischen Gruppen in {name}",
  "profile.gapIntro":
    "Für die Indikatoren mit einem Gruppenvergleich: der Wert jeder Gruppe in {name} und der Abstand zwischen ihnen im letzten Jahr mit Werten.",
  "profile.gapNone": "Für {name} liegen keine Gruppenwerte vor (zu kleine Zahlen werden nicht veröffentlicht).",
  "profile.gapColumn": "Abstand",
} as const;

export type TextKey = keyof typeof TEXTS;

/** A text of the table above with `{name}` placeholders filled. */
export function tx(key: TextKey, params?: Record<string, string | number>): string {
  const text: string = TEXTS[key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
