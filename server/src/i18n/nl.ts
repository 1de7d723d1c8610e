import type { Messages } from "./de.ts";

// Dutch as CBS writes it (migratieachtergrond, verklaring van tekens with x for a secret value), in the words of
// the dashboard's web/src/i18n/nl.ts.
export const nl: Messages = {
  "list.none": "geen",

  "request.invalid": "Ongeldige aanvraag: {details}",
  "request.fastify": "Ongeldige aanvraag: {message}",
  "request.notFound": "Niet gevonden: {method} {path}",
  "request.internal": "Interne fout. Neem contact op met de beheerder.",
  "request.fileTooLarge": "Het bestand is te groot. Toegestaan is ten hoogste {limit, number} MB.",
  "request.bodyTooLarge": "De aanvraag is te groot. Toegestaan is hier ten hoogste {limit, number} KB.",
  "request.language": "Onbekende taal „{lang}” (lang). Toegestaan zijn: de, nl, en.",
  "client.mediaType": "Dit inhoudstype (Content-Type) wordt hier niet aangenomen.",
  "client.emptyJson": "De aanvraag is leeg, hoewel JSON was aangekondigd.",
  "client.invalidJson": "De aanvraag is geen geldige JSON.",
  "client.contentLength": "De opgegeven lengte (Content-Length) past niet bij de aanvraag.",
  "client.multipart": "Verwacht wordt een formulier-upload (multipart/form-data).",
  "client.parts": "Het formulier bevat te veel delen.",
  "client.files": "Upload precies één bestand.",
  "client.fields": "Het formulier bevat te veel velden.",
  "client.badUrl": "Het adres bevat ongeldig gecodeerde tekens.",
  "client.proto": "De aanvraag bevat de niet toegestane sleutel „__proto__”.",
  "client.constructor": "De aanvraag bevat de niet toegestane sleutel „constructor”.",

  "validation.number": "moet een getal zijn",
  "validation.integer": "moet een geheel getal zijn",
  "validation.text": "moet een tekst zijn",
  "validation.missing": "ontbreekt",
  "validation.empty": "mag niet leeg zijn",
  "validation.atLeast": "moet ten minste {minimum} zijn",
  "validation.atMost": "mag ten hoogste {maximum} zijn",
  "validation.oneOf": "toegestaan zijn: {values}",
  "validation.unknownKeys": "onbekende parameter: {keys}",
  "validation.invalid": "ongeldige waarde",

  "auth.csrf":
    "De aanvraag is geweigerd omdat de bescherming tegen ondergeschoven aanvragen (CSRF) ontbreekt. Laad de pagina opnieuw en probeer het nog eens.",
  "auth.invalidToken":
    "Het token is ongeldig of ingetrokken. Gebruik een geldig API-token, of stuur de aanvraag zonder token.",
  "auth.required": "Inloggen vereist: log in, of stuur een API-token als „Authorization: Bearer <token>”.",
  "auth.adminOnly": "Hiervoor zijn beheerdersrechten nodig; uw account heeft die niet.",
  "auth.accountOnly": "Het bootstrap-token MONITOR_ADMIN_TOKEN hoort bij geen enkel account; log in met een account.",
  "auth.wrongLogin": "Gebruikersnaam of wachtwoord is onjuist, of het account is geblokkeerd.",
  "auth.tokenNotFound": "Een geldig API-token nr. {id} bestaat niet.",
  "auth.tooManyFromAddress_one":
    "Te veel ongeldige inlogpogingen vanaf dit adres. Probeer het over {count} minuut opnieuw.",
  "auth.tooManyFromAddress_other":
    "Te veel ongeldige inlogpogingen vanaf dit adres. Probeer het over {count} minuten opnieuw.",
  "auth.tooManyForAccount_one":
    "Te veel ongeldige inlogpogingen voor dit account. Probeer het over {count} minuut opnieuw.",
  "auth.tooManyForAccount_other":
    "Te veel ongeldige inlogpogingen voor dit account. Probeer het over {count} minuten opnieuw.",
  "account.notFound": "Een account nr. {id} bestaat niet.",
  "account.exists": "Er bestaat al een account met de naam „{name}”.",
  "account.lastAdmin": "Het laatste actieve beheerdersaccount kan niet worden geblokkeerd of teruggezet.",
  "account.tokenNotFound": "Een geldig API-token nr. {id} van dit account bestaat niet.",
  "account.badName":
    "De gebruikersnaam moet 2 tot 60 tekens lang zijn en mag alleen letters, cijfers en . _ @ - bevatten.",
  "account.passwordShort": "Het wachtwoord moet ten minste {min} tekens lang zijn.",
  "account.passwordLong": "Het wachtwoord mag ten hoogste {max} tekens lang zijn.",
  "geo.none": "Er zijn geen wijkgrenzen vastgelegd. Stel MONITOR_GEOJSON in op een GeoJSON-bestand.",

  "release.draftHidden":
    "Het concept is niet gepubliceerd; het is alleen na inloggen zichtbaar. Zonder „release” krijgt u de nieuwste publicatie.",
  "release.unknown": "De publicatie „{release}” bestaat niet. De lijst van publicaties staat onder /api/releases.",
  "release.nothingPublished":
    "Er is nog niets gepubliceerd. De resultaten verschijnen hier zodra de afdeling statistiek een publicatie vrijgeeft.",
  "release.missing": "De publicatie {release} bestaat niet.",
  "release.notFound": "De publicatie {release} bestaat niet. De lijst staat onder /api/releases.",
  "publish.running":
    "„{title}” wordt op dit moment gecontroleerd en gepubliceerd (sinds {since, time}, door {by}). Wacht tot dat klaar is.",
  "publish.noResults": "Er zijn nog geen berekende resultaten die gepubliceerd kunnen worden.",
  "publish.recomputing":
    "De resultaten worden op dit moment opnieuw berekend. Publiceer als de herberekening klaar is.",
  "publish.rejected":
    "Publicatie geweigerd: de geheimhoudingscontrole vindt {count, number} waarde(n) die uit de gepubliceerde cijfers te nauwkeurig te berekenen zijn ({first}). Controleer de geheimhouding (npm run monitor -- audit-disclosure).",
  "publish.changed": "Tijdens de controle zijn nieuwe resultaten opgeslagen. Publiceer opnieuw.",

  "indicator.unknown": "De indicator „{id}” bestaat niet. De lijst van indicatoren staat onder /api/indicators.",
  "indicator.notShared": "De indicator „{id}” wordt niet in meerdere gemeenten berekend.",
  "area.unknown": "Onbekend gebied „{area}”. Toegestaan zijn: {allowed}.",
  "values.noYear": "Voor „{id}” zijn er geen waarden voor {year}. Beschikbare jaren: {allowed}.",
  "breakdown.unknown": "Onbekende uitsplitsing „{breakdown}” voor „{id}”. Toegestaan zijn: {allowed}.",
  "field.unknown": "Onbekend thema „{field}”. Toegestaan zijn: {allowed}.",
  "goal.unknown": "Het doel „{id}” bestaat niet. Aanwezige doelen: {known} (lijst onder /api/goals).",
  "comparison.unknown": "Onbekende vergelijking „{comparison}”. Toegestaan zijn: {allowed}.",
  "segregation.noYear": "Voor {year} zijn er geen segregatiewaarden. Beschikbare jaren: {allowed}.",
  "index.configUnknown": "Onbekende configuratie „{config}”. Toegestaan zijn: {allowed}.",
  "index.notComputable":
    "De configuratie „{config}” ({name}) is met de indicatorencatalogus van deze gemeente niet te berekenen: de indicatoren {lacking} ontbreken. Met deze catalogus te berekenen: {allowed}.",
  "index.notComputableAtAll":
    "De configuratie „{config}” ({name}) is met de indicatorencatalogus van deze gemeente niet te berekenen: de indicatoren {lacking} ontbreken. Geen van de configuraties past bij deze catalogus; een gemeente met een eigen catalogus heeft een eigen configuratie nodig.",
  "index.none": "Er is nog geen sociale index: daarvoor ontbreken geïmporteerde bevolkings- en bijstandsgegevens.",
  "index.noneForConfig":
    "Voor de configuratie „{config}” is er nog geen sociale index: daarvoor ontbreken waarden van de indicatoren {indicators} (controleer catalogus en geïmporteerde gegevens).",
  "index.noYear": "Voor {year} is er geen sociale index. Beschikbare jaren: {allowed}.",

  "status.upToDate": "De resultaten komen overeen met de opgeslagen gegevens.",
  "status.first":
    "De resultaten worden voor het eerst berekend (bij de eerste start enkele minuten); de pagina's vullen zich daarna vanzelf.",
  "status.recomputing": "Nieuwe gegevens worden op dit moment verwerkt; tot dan gelden de laatst berekende resultaten.",
  "status.stale": "De resultaten zijn ouder dan de opgeslagen gegevens en worden binnenkort opnieuw berekend.",

  "area.city": "Gemeente totaal",
  "area.parent": "{level} {name}",
  "group.total": "Totaal",
  "breakdown.age": "Leeftijdsgroepen",
  "age.andOver": "{from} jaar en ouder",
  "age.single": "{from} jaar",
  "age.range": "{from} tot en met {to} jaar",
  "migration.noDistinction": "Geen onderscheid naar migratieachtergrond.",

  "symbol.secret": "x",
  "value.secret": "geheim",
  "footnote.suppressed":
    "x: geheim. Waarden met zeer kleine aantallen en waarden waaruit die te berekenen zijn, worden ter bescherming van de betrokkenen niet gepubliceerd.",
  "footnote.confidential":
    "Vertrouwelijk: dit antwoord bevat geheime waarden (confidential). Ze zijn uitsluitend voor intern gebruik en mogen niet worden gepubliceerd.",
  "footnote.noData": "Voor deze indicator zijn nog geen gegevens beschikbaar.",
  "footnote.seriesBreak": "Trendbreuk {year}: {note}",

  "cities.comparabilityUnstated": "Geen enkele gemeente heeft de vergelijkbaarheid in de catalogus beschreven.",
  "cities.noSexInDelivery": "De levering „{delivery}” bevat geen geslacht.",
  "cities.sexNotBrokenDown": "De levering bevat het geslacht, maar de catalogus splitst er niet naar uit.",

  "goal.category.target_reached": "doel bereikt",
  "goal.category.significant_progress": "duidelijke vooruitgang",
  "goal.category.moderate_progress": "matige vooruitgang",
  "goal.category.insufficient_progress": "onvoldoende vooruitgang",
  "goal.category.moderate_movement_away": "lichte verwijdering van het doel",
  "goal.category.movement_away": "verwijdering van het doel",
  "goal.notAssessable": "niet te beoordelen",
  "goal.direction.rise": "waarde moet stijgen",
  "goal.direction.fall": "waarde moet dalen",
  "goal.direction.closeGapBetween": "verschil tussen {first} en {second} verkleinen",
  "goal.direction.closeGap": "verschil verkleinen",
  "goal.text.noData": "Geen waarden aanwezig.",
  "goal.text.secret": "Niet te beoordelen: de waarde van {year} is geheim.",
  "goal.text.tooFewYears": "Niet te beoordelen: voor {span} zijn er minder dan {min} jaren met waarden.",
  "goal.text.zeroStart":
    "Niet te beoordelen: de waarde van {year} is 0, een jaarlijkse veranderingssnelheid is niet te bepalen.",
  "goal.text.afterBreak": "Pas beoordeeld vanaf de trendbreuk {year}.",
  "goal.text.stayed": "{span} bleef de waarde {value}",
  "goal.text.rose": "{span} steeg de waarde van {start} naar {end}",
  "goal.text.fell": "{span} daalde de waarde van {start} naar {end}",
  "goal.text.perYear": "{sign}{rate} % per jaar",
  "goal.text.reached": "Doel bereikt: {moved}; streefwaarde {target} in {year}.",
  "goal.text.withTarget":
    "{category}: {moved} ({rate}); nodig zou zijn {required} om {target} in {year} te bereiken ({share} % van het benodigde tempo).",
  "goal.text.withoutTarget": "{category}: {moved} ({rate}; drempel {threshold} % per jaar).",
  "goal.method":
    "Beoordeeld volgens de methode van het EU-SDG-monitoringrapport van Eurostat (editie 2024): de gemiddelde jaarlijkse veranderingssnelheid, op korte termijn over de laatste vijf jaar, op lange termijn sinds het basisjaar. Met een streefwaarde telt de verhouding tussen de werkelijke en de benodigde snelheid (vanaf 95 % duidelijke, 60 tot 95 % matige, 0 tot 60 % onvoldoende vooruitgang, daaronder verwijdering van het doel); zonder streefwaarde de snelheid in de gewenste richting (vanaf 1 % per jaar duidelijke, 0 tot 1 % matige vooruitgang, tot −1 % lichte verwijdering, daaronder verwijdering van het doel). Na een trendbreuk wordt pas vanaf de breuk beoordeeld. Geheime waarden worden nooit voor een openbare beoordeling gebruikt; ten minste drie jaren met waarden zijn nodig.",
  "benchmark.method":
    "Vergeleken zoals in het Public Health Profile ‘Fingertips’: ligt de vergelijkingswaarde binnen het 95%-betrouwbaarheidsinterval (Wilson) van het aandeel in het gebied, dan geldt de waarde als vergelijkbaar, anders als hoger of lager; waar de catalogus zegt welke richting goed is, heet dat beter of slechter. Geheime waarden worden niet vergeleken.",

  "pdf.noChromium":
    "Het pdf-rapport heeft Chromium nodig, dat hier niet geïnstalleerd is (gezocht: {path}). Installeer het pakket „chromium” (Debian/Ubuntu: apt-get install -y chromium) of geef in MONITOR_CHROMIUM het pad naar een Chromium op.",
  "pdf.noBuild":
    "Het pdf-rapport wordt gemaakt uit de rapportpagina van het dashboard, dat nog niet gebouwd is. Voer „npm run build -w web” uit.",
  "pdf.busy": "Er wordt al een pdf-rapport gemaakt. Probeer het over een halve minuut opnieuw.",
  "pdf.failed": "Het rapport kon niet worden gemaakt: {shown}.",
  "pdf.late": "Het rapport kon niet worden gemaakt (de rapportpagina was niet op tijd klaar).",

  "export.sheet.metadata": "Metadata",
  "export.sheet.footnotes": "Voetnoten",
  "export.column.indicatorId": "Indicator-ID",
  "export.column.indicator": "Indicator",
  "export.column.unit": "Eenheid",
  "export.column.year": "Jaar",
  "export.column.areaCode": "Gebiedscode",
  "export.column.area": "Gebied",
  "export.column.breakdown": "Uitsplitsing",
  "export.column.group": "Groep",
  "export.column.numerator": "Teller",
  "export.column.denominator": "Noemer",
  "export.column.value": "Waarde",
  "export.column.status": "Status",
  "export.column.detail": "Toelichting",
  "export.column.field": "Thema",
  "export.column.definition": "Definitie",
  "export.column.source": "Bron",
  "export.column.migration": "Begrip migratieachtergrond",
  "export.column.notes": "Opmerkingen",
  "export.column.symbol": "Teken",
  "export.column.meaning": "Betekenis",
  "export.column.note": "Opmerking",
  "export.meta.asOf": "Stand",
  "export.meta.noData": "geen gegevens",
  "export.meta.dataUntil": "gegevens tot en met {year}",
  "export.meta.created": "Aangemaakt op",
  "export.meta.version": "Catalogusversie",
  "export.meta.release": "Stand van de waarden",
  "export.meta.access": "Toegang",
  "export.meta.confidential": "{marker}: bevat geheime waarden voor intern gebruik",
  "export.meta.public": "openbaar: geheime waarden verschijnen als „x”",
  "export.release.draft": "Concept (niet gepubliceerd)",
  "export.release.number": "Publicatie nr. {release}",
  "export.notForPublication": "vertrouwelijk – niet voor publicatie",
  "export.legend": "Verklaring van tekens",
  "export.legend.secret":
    "geheim: waarden met zeer kleine aantallen en waarden waaruit die te berekenen zijn, worden ter bescherming van de betrokkenen niet gepubliceerd.",
  "export.legend.emptySymbol": "(leeg)",
  "export.legend.empty":
    "Geen waarde; de kolom „Status” noemt de reden: geen gegevens, noemer 0, waarde achtergehouden, leeftijdsgroep niet af te bakenen.",
  "export.seriesBreaks": "Trendbreuken",
  "export.comparabilityNotes": "Opmerkingen over de vergelijkbaarheid",
  "export.status.suppressed": "geheim",
  "export.status.missing": "geen gegevens",
  "export.status.withheld": "waarde achtergehouden",
  "export.status.denominator_zero": "noemer 0",
  "export.status.band_split": "leeftijdsgroep niet af te bakenen",
};
