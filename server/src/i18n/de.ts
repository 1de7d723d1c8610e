// The server's texts for people, German (the fallback). `{name}` is filled in; `{name, number}` and
// `{name, time}` are formatted in the reader's locale (see index.ts); a pair `x_one`, `x_other` is chosen by
// `count` with each language's plural rules. nl.ts and en.ts have the same keys.
export const de = {
  "list.none": "keine",

  "request.invalid": "Ungültige Anfrage: {details}",
  "request.fastify": "Ungültige Anfrage: {message}",
  "request.notFound": "Nicht gefunden: {method} {path}",
  "request.internal": "Interner Fehler. Bitte wenden Sie sich an die Administration.",
  "request.fileTooLarge": "Die Datei ist zu groß. Erlaubt sind höchstens {limit, number} MB.",
  "request.bodyTooLarge": "Der Anfragetext ist zu groß. Erlaubt sind hier höchstens {limit, number} KB.",
  "request.language": "Unbekannte Sprache „{lang}“ (lang). Erlaubt sind: de, nl, en.",
  "client.mediaType": "Dieser Inhaltstyp (Content-Type) wird hier nicht angenommen.",
  "client.emptyJson": "Der Anfragetext ist leer, obwohl JSON angekündigt wurde.",
  "client.invalidJson": "Der Anfragetext ist kein gültiges JSON.",
  "client.contentLength": "Die angegebene Länge (Content-Length) passt nicht zum Anfragetext.",
  "client.multipart": "Erwartet wird ein Formular-Upload (multipart/form-data).",
  "client.parts": "Das Formular enthält zu viele Teile.",
  "client.files": "Bitte laden Sie genau eine Datei hoch.",
  "client.fields": "Das Formular enthält zu viele Felder.",
  "client.badUrl": "Die Adresse enthält ungültig kodierte Zeichen.",
  "client.proto": "Der Anfragetext enthält den nicht erlaubten Schlüssel „__proto__“.",
  "client.constructor": "Der Anfragetext enthält den nicht erlaubten Schlüssel „constructor“.",

  "validation.number": "muss eine Zahl sein",
  "validation.integer": "muss eine ganze Zahl sein",
  "validation.text": "muss ein Text sein",
  "validation.missing": "fehlt",
  "validation.empty": "darf nicht leer sein",
  "validation.atLeast": "muss mindestens {minimum} sein",
  "validation.atMost": "darf höchstens {maximum} sein",
  "validation.oneOf": "erlaubt sind: {values}",
  "validation.unknownKeys": "unbekannte Angabe: {keys}",
  "validation.invalid": "ungültiger Wert",

  "auth.csrf":
    "Die Anfrage wurde abgewiesen, weil der Schutz gegen untergeschobene Anfragen (CSRF) fehlt. Bitte laden Sie die Seite neu und versuchen Sie es erneut.",
  "auth.invalidToken":
    "Der Token ist ungültig oder widerrufen. Bitte verwenden Sie einen gültigen API-Token, oder senden Sie die Anfrage ohne Token.",
  "auth.required":
    "Anmeldung erforderlich: Bitte melden Sie sich an, oder senden Sie einen API-Token als „Authorization: Bearer <Token>“.",
  "auth.adminOnly": "Dafür sind Administratorrechte nötig; Ihr Konto hat sie nicht.",
  "auth.accountOnly":
    "Der Bootstrap-Token MONITOR_ADMIN_TOKEN gehört zu keinem Konto; bitte melden Sie sich mit einem Konto an.",
  "auth.wrongLogin": "Benutzername oder Passwort ist falsch, oder das Konto ist gesperrt.",
  "auth.tokenNotFound": "Einen gültigen API-Token Nr. {id} gibt es nicht.",
  "auth.tooManyFromAddress_one":
    "Zu viele ungültige Anmeldeversuche von dieser Adresse. Bitte versuchen Sie es in {count} Minute erneut.",
  "auth.tooManyFromAddress_other":
    "Zu viele ungültige Anmeldeversuche von dieser Adresse. Bitte versuchen Sie es in {count} Minuten erneut.",
  "auth.tooManyForAccount_one":
    "Zu viele ungültige Anmeldeversuche für dieses Konto. Bitte versuchen Sie es in {count} Minute erneut.",
  "auth.tooManyForAccount_other":
    "Zu viele ungültige Anmeldeversuche für dieses Konto. Bitte versuchen Sie es in {count} Minuten erneut.",
  "account.notFound": "Ein Konto Nr. {id} gibt es nicht.",
  "account.exists": "Ein Konto mit dem Namen „{name}“ gibt es schon.",
  "account.lastAdmin": "Das letzte aktive Admin-Konto kann nicht gesperrt oder herabgestuft werden.",
  "account.tokenNotFound": "Einen gültigen API-Token Nr. {id} dieses Kontos gibt es nicht.",
  "account.badName":
    "Der Benutzername muss 2 bis 60 Zeichen lang sein und darf nur Buchstaben, Ziffern und . _ @ - enthalten.",
  "account.passwordShort": "Das Passwort muss mindestens {min} Zeichen lang sein.",
  "account.passwordLong": "Das Passwort darf höchstens {max} Zeichen lang sein.",
  "geo.none": "Es sind keine Stadtteilgrenzen hinterlegt. Setzen Sie MONITOR_GEOJSON auf eine GeoJSON-Datei.",

  "release.draftHidden":
    "Der Entwurf ist nicht veröffentlicht; er ist nur nach Anmeldung sichtbar. Ohne „release“ erhalten Sie die neueste Veröffentlichung.",
  "release.unknown":
    "Die Veröffentlichung „{release}“ gibt es nicht. Die Liste der Veröffentlichungen steht unter /api/releases.",
  "release.nothingPublished":
    "Es ist noch nichts veröffentlicht. Die Ergebnisse erscheinen hier, sobald die Statistikstelle eine Veröffentlichung freigibt.",
  "release.missing": "Die Veröffentlichung {release} gibt es nicht.",
  "release.notFound": "Die Veröffentlichung {release} gibt es nicht. Die Liste steht unter /api/releases.",
  "publish.running":
    "„{title}“ wird gerade geprüft und veröffentlicht (seit {since, time}, von {by}). Bitte warten Sie, bis das abgeschlossen ist.",
  "publish.noResults": "Es gibt noch keine berechneten Ergebnisse, die veröffentlicht werden könnten.",
  "publish.recomputing":
    "Die Ergebnisse werden gerade neu berechnet. Bitte veröffentlichen Sie, wenn die Neuberechnung abgeschlossen ist.",
  "publish.rejected":
    "Veröffentlichung abgelehnt: Die Geheimhaltungsprüfung findet {count, number} Wert(e), die sich aus den veröffentlichten Zahlen zu genau errechnen ließen ({first}). Bitte prüfen Sie die Geheimhaltung (npm run monitor -- audit-disclosure).",
  "publish.changed": "Während der Prüfung wurden neue Ergebnisse gespeichert. Bitte veröffentlichen Sie erneut.",

  "indicator.unknown": "Den Indikator „{id}“ gibt es nicht. Die Liste der Indikatoren steht unter /api/indicators.",
  "indicator.notShared": "Der Indikator „{id}“ wird nicht in mehreren Städten berechnet.",
  "area.unknown": "Unbekanntes Gebiet „{area}“. Erlaubt sind: {allowed}.",
  "values.noYear": "Für „{id}“ gibt es keine Werte für {year}. Verfügbare Jahre: {allowed}.",
  "breakdown.unknown": "Unbekannte Aufschlüsselung „{breakdown}“ für „{id}“. Erlaubt sind: {allowed}.",
  "field.unknown": "Unbekanntes Handlungsfeld „{field}“. Erlaubt sind: {allowed}.",
  "goal.unknown": "Das Ziel „{id}“ gibt es nicht. Vorhandene Ziele: {known} (Liste unter /api/goals).",
  "comparison.unknown": "Unbekannter Vergleich „{comparison}“. Erlaubt sind: {allowed}.",
  "segregation.noYear": "Für {year} gibt es keine Segregationswerte. Verfügbare Jahre: {allowed}.",
  "index.configUnknown": "Unbekannte Konfiguration „{config}“. Erlaubt sind: {allowed}.",
  "index.notComputable":
    "Die Konfiguration „{config}“ ({name}) ist mit dem Indikatorenkatalog dieser Stadt nicht berechenbar: ihm fehlen die Indikatoren {lacking}. Mit diesem Katalog berechenbar: {allowed}.",
  "index.notComputableAtAll":
    "Die Konfiguration „{config}“ ({name}) ist mit dem Indikatorenkatalog dieser Stadt nicht berechenbar: ihm fehlen die Indikatoren {lacking}. Keine der Konfigurationen passt zu diesem Katalog; eine Stadt mit eigenem Katalog braucht eine eigene Konfiguration.",
  "index.none": "Es gibt noch keinen Sozialindex: dafür fehlen importierte Einwohner- und SGB-II-Daten.",
  "index.noneForConfig":
    "Für die Konfiguration „{config}“ gibt es noch keinen Sozialindex: dafür fehlen Werte der Indikatoren {indicators} (Katalog und importierte Daten prüfen).",
  "index.noYear": "Für {year} gibt es keinen Sozialindex. Verfügbare Jahre: {allowed}.",

  "status.upToDate": "Die Ergebnisse entsprechen den gespeicherten Daten.",
  "status.first":
    "Die Ergebnisse werden zum ersten Mal berechnet (beim ersten Start einige Minuten); die Seiten füllen sich danach von selbst.",
  "status.recomputing": "Neue Daten werden gerade eingerechnet; bis dahin gelten die zuletzt berechneten Ergebnisse.",
  "status.stale": "Die Ergebnisse sind älter als die gespeicherten Daten und werden in Kürze neu berechnet.",

  "area.city": "Gesamtstadt",
  "area.parent": "{level} {name}",
  "group.total": "Insgesamt",
  "breakdown.age": "Altersgruppen",
  "age.andOver": "{from} Jahre und älter",
  "age.single": "{from} Jahre",
  "age.range": "{from} bis {to} Jahre",
  "migration.noDistinction": "Keine Unterscheidung nach Migration.",

  "symbol.secret": ".",
  "value.secret": "Zahlenwert geheim zu halten",
  "footnote.suppressed":
    ".: Zahlenwert geheim zu halten. Werte mit sehr kleinen Fallzahlen und Werte, aus denen sie sich errechnen ließen, werden zum Schutz der Betroffenen nicht veröffentlicht.",
  "footnote.confidential":
    "Vertraulich: Diese Antwort enthält gesperrte Werte (confidential). Sie sind nur für den Dienstgebrauch bestimmt und dürfen nicht veröffentlicht werden.",
  "footnote.noData": "Für diesen Indikator liegen noch keine Daten vor.",
  "footnote.seriesBreak": "Zeitreihenbruch {year}: {note}",

  "cities.comparabilityUnstated": "Keine Stadt hat die Vergleichbarkeit im Katalog beschrieben.",
  "cities.noSexInDelivery": "Die Lieferung „{delivery}“ enthält kein Geschlecht.",
  "cities.sexNotBrokenDown": "Die Lieferung enthält das Geschlecht, der Katalog schlüsselt es nicht auf.",

  "goal.category.target_reached": "Ziel erreicht",
  "goal.category.significant_progress": "deutlicher Fortschritt",
  "goal.category.moderate_progress": "mäßiger Fortschritt",
  "goal.category.insufficient_progress": "unzureichender Fortschritt",
  "goal.category.moderate_movement_away": "leichte Entfernung vom Ziel",
  "goal.category.movement_away": "Entfernung vom Ziel",
  "goal.notAssessable": "nicht bewertbar",
  "goal.direction.rise": "Wert soll steigen",
  "goal.direction.fall": "Wert soll sinken",
  "goal.direction.closeGapBetween": "Abstand zwischen {first} und {second} verringern",
  "goal.direction.closeGap": "Abstand verringern",
  "goal.text.noData": "Keine Werte vorhanden.",
  "goal.text.secret": "Nicht bewertbar: der Wert {year} ist geheim zu halten.",
  "goal.text.tooFewYears": "Nicht bewertbar: für {span} liegen weniger als {min} Jahre mit Werten vor.",
  "goal.text.zeroStart":
    "Nicht bewertbar: der Wert {year} ist 0, eine jährliche Veränderungsrate ist nicht bestimmbar.",
  "goal.text.afterBreak": "Bewertet erst ab dem Reihenbruch {year}.",
  "goal.text.stayed": "{span} blieb der Wert bei {value}",
  "goal.text.rose": "{span} stieg der Wert von {start} auf {end}",
  "goal.text.fell": "{span} sank der Wert von {start} auf {end}",
  "goal.text.perYear": "{sign}{rate} % pro Jahr",
  "goal.text.reached": "Ziel erreicht: {moved}; Zielwert {target} bis {year}.",
  "goal.text.withTarget":
    "{category}: {moved} ({rate}); nötig wären {required}, um {target} bis {year} zu erreichen ({share} % des nötigen Tempos).",
  "goal.text.withoutTarget": "{category}: {moved} ({rate}; Schwelle {threshold} % pro Jahr).",
  "goal.method":
    "Bewertet nach der Methode des EU-SDG-Monitoringberichts von Eurostat (Ausgabe 2024): die durchschnittliche jährliche Veränderungsrate, kurzfristig über die letzten fünf Jahre, langfristig seit dem Basisjahr. Mit Zielwert zählt das Verhältnis der tatsächlichen zur nötigen Rate (ab 95 % deutlicher, 60 bis 95 % mäßiger, 0 bis 60 % unzureichender Fortschritt, darunter Entfernung vom Ziel); ohne Zielwert die Rate in die gewünschte Richtung (ab 1 % pro Jahr deutlicher, 0 bis 1 % mäßiger Fortschritt, bis −1 % leichte Entfernung, darunter Entfernung vom Ziel). Nach einem Zeitreihenbruch wird erst ab dem Bruch bewertet. Geheim zu haltende Werte werden nie für eine öffentliche Bewertung verwendet; wenigstens drei Jahre mit Werten sind nötig.",
  "benchmark.method":
    "Verglichen wie im Public Health Profile „Fingertips“: Liegt der Vergleichswert im 95-%-Vertrauensbereich (Wilson) des Anteils im Gebiet, gilt der Wert als ähnlich, sonst als höher oder niedriger; wo der Katalog sagt, welche Richtung gut ist, heißt das besser oder schlechter. Geheim zu haltende Werte werden nicht verglichen.",

  "pdf.noChromium":
    "Der PDF-Bericht braucht Chromium, das hier nicht installiert ist (gesucht: {path}). Bitte installieren Sie das Paket „chromium“ (Debian/Ubuntu: apt-get install -y chromium) oder geben Sie in MONITOR_CHROMIUM den Pfad zu einem Chromium an.",
  "pdf.noBuild":
    "Der PDF-Bericht wird aus der Berichtsseite des Dashboards erzeugt, das noch nicht gebaut ist. Bitte führen Sie „npm run build -w web“ aus.",
  "pdf.busy": "Gerade wird bereits ein PDF-Bericht erzeugt. Bitte versuchen Sie es in einer halben Minute erneut.",
  "pdf.failed": "Der Bericht konnte nicht erzeugt werden: {shown}.",
  "pdf.late": "Der Bericht konnte nicht erzeugt werden (die Berichtsseite wurde nicht rechtzeitig fertig).",

  "export.sheet.metadata": "Metadaten",
  "export.sheet.footnotes": "Fußnoten",
  "export.column.indicatorId": "Indikator-ID",
  "export.column.indicator": "Indikator",
  "export.column.unit": "Einheit",
  "export.column.year": "Jahr",
  "export.column.areaCode": "Gebietsschlüssel",
  "export.column.area": "Gebiet",
  "export.column.breakdown": "Aufschlüsselung",
  "export.column.group": "Gruppe",
  "export.column.numerator": "Zähler",
  "export.column.denominator": "Nenner",
  "export.column.value": "Wert",
  "export.column.status": "Status",
  "export.column.detail": "Erläuterung",
  "export.column.field": "Handlungsfeld",
  "export.column.definition": "Definition",
  "export.column.source": "Quelle",
  "export.column.migration": "Migrationsbegriff",
  "export.column.notes": "Hinweise",
  "export.column.symbol": "Zeichen",
  "export.column.meaning": "Bedeutung",
  "export.column.note": "Hinweis",
  "export.meta.asOf": "Stand",
  "export.meta.noData": "keine Daten",
  "export.meta.dataUntil": "Daten bis {year}",
  "export.meta.created": "Erstellt am",
  "export.meta.version": "Katalogversion",
  "export.meta.release": "Stand der Werte",
  "export.meta.access": "Zugang",
  "export.meta.confidential": "{marker}: enthält gesperrte Werte für den Dienstgebrauch",
  "export.meta.public": "öffentlich: gesperrte Werte erscheinen als „.“",
  "export.release.draft": "Entwurf (nicht veröffentlicht)",
  "export.release.number": "Veröffentlichung Nr. {release}",
  "export.notForPublication": "vertraulich – nicht zur Veröffentlichung",
  "export.legend": "Zeichenerklärung",
  "export.legend.secret":
    "Zahlenwert geheim zu halten: Werte mit sehr kleinen Fallzahlen und Werte, aus denen sie sich errechnen ließen, werden zum Schutz der Betroffenen nicht veröffentlicht.",
  "export.legend.emptySymbol": "(leer)",
  "export.legend.empty":
    "Kein Wert; die Spalte „Status“ nennt den Grund: keine Daten, Nenner 0, Wert zurückgehalten, Altersgruppe nicht abgrenzbar.",
  "export.seriesBreaks": "Zeitreihenbrüche",
  "export.comparabilityNotes": "Hinweise zur Vergleichbarkeit",
  "export.status.suppressed": "gesperrt",
  "export.status.missing": "keine Daten",
  "export.status.withheld": "Wert zurückgehalten",
  "export.status.denominator_zero": "Nenner 0",
  "export.status.band_split": "Altersgruppe nicht abgrenzbar",
} as const;

export type MessageKey = keyof typeof de;
type PluralBase = MessageKey extends infer K ? (K extends `${infer B}_one` ? B : never) : never;
/** What `translate` takes: a key, or a plural pair by its base (then `count` picks the form per language). */
export type MessageName = Exclude<MessageKey, `${PluralBase}_one` | `${PluralBase}_other`> | PluralBase;
/** Every language has every key (a missing or extra one is a type error in nl.ts and en.ts). */
export type Messages = Record<MessageKey, string>;
