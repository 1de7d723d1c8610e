import type { Messages } from "./de.ts";

// British English, in the words of the dashboard's web/src/i18n/en.ts.
export const en: Messages = {
  "list.none": "none",

  "request.invalid": "Invalid request: {details}",
  "request.fastify": "Invalid request: {message}",
  "request.notFound": "Not found: {method} {path}",
  "request.internal": "Internal error. Please contact the administrator.",
  "request.fileTooLarge": "The file is too large. At most {limit, number} MB are allowed.",
  "request.bodyTooLarge": "The request body is too large. At most {limit, number} KB are allowed here.",
  "request.language": "Unknown language “{lang}” (lang). Allowed are: de, nl, en.",
  "client.mediaType": "This content type (Content-Type) is not accepted here.",
  "client.emptyJson": "The request body is empty although JSON was announced.",
  "client.invalidJson": "The request body is not valid JSON.",
  "client.contentLength": "The stated length (Content-Length) does not match the request body.",
  "client.multipart": "A form upload (multipart/form-data) is expected.",
  "client.parts": "The form has too many parts.",
  "client.files": "Please upload exactly one file.",
  "client.fields": "The form has too many fields.",
  "client.badUrl": "The address contains invalidly encoded characters.",
  "client.proto": "The request body contains the forbidden key “__proto__”.",
  "client.constructor": "The request body contains the forbidden key “constructor”.",

  "validation.number": "must be a number",
  "validation.integer": "must be a whole number",
  "validation.text": "must be a text",
  "validation.missing": "is missing",
  "validation.empty": "must not be empty",
  "validation.atLeast": "must be at least {minimum}",
  "validation.atMost": "must be at most {maximum}",
  "validation.oneOf": "allowed are: {values}",
  "validation.unknownKeys": "unknown parameter: {keys}",
  "validation.invalid": "invalid value",

  "auth.csrf":
    "The request was refused because the protection against forged requests (CSRF) is missing. Please reload the page and try again.",
  "auth.invalidToken":
    "The token is invalid or revoked. Please use a valid API token, or send the request without a token.",
  "auth.required": "Sign-in required: please sign in, or send an API token as “Authorization: Bearer <token>”.",
  "auth.adminOnly": "This needs administrator rights; your account does not have them.",
  "auth.accountOnly": "The bootstrap token MONITOR_ADMIN_TOKEN belongs to no account; please sign in with an account.",
  "auth.wrongLogin": "The user name or password is wrong, or the account is disabled.",
  "auth.tokenNotFound": "There is no valid API token no. {id}.",
  "auth.tooManyFromAddress_one":
    "Too many invalid sign-in attempts from this address. Please try again in {count} minute.",
  "auth.tooManyFromAddress_other":
    "Too many invalid sign-in attempts from this address. Please try again in {count} minutes.",
  "auth.tooManyForAccount_one":
    "Too many invalid sign-in attempts for this account. Please try again in {count} minute.",
  "auth.tooManyForAccount_other":
    "Too many invalid sign-in attempts for this account. Please try again in {count} minutes.",
  "account.notFound": "There is no account no. {id}.",
  "account.exists": "An account named “{name}” already exists.",
  "account.lastAdmin": "The last active admin account cannot be disabled or demoted.",
  "account.tokenNotFound": "This account has no valid API token no. {id}.",
  "account.badName": "The user name must be 2 to 60 characters long and may contain only letters, digits and . _ @ -.",
  "account.passwordShort": "The password must be at least {min} characters long.",
  "account.passwordLong": "The password may be at most {max} characters long.",
  "geo.none": "No district boundaries are configured. Set MONITOR_GEOJSON to a GeoJSON file.",

  "release.draftHidden":
    "The draft is not published; it is visible only after signing in. Without “release” you get the latest release.",
  "release.unknown": "There is no release “{release}”. The list of releases is at /api/releases.",
  "release.nothingPublished":
    "Nothing has been published yet. The results appear here as soon as the statistics office approves a release.",
  "release.missing": "There is no release {release}.",
  "release.notFound": "There is no release {release}. The list is at /api/releases.",
  "publish.running":
    "“{title}” is being checked and published (since {since, time}, by {by}). Please wait until that has finished.",
  "publish.noResults": "There are no computed results yet that could be published.",
  "publish.recomputing": "The results are being recomputed. Please publish when the recomputation has finished.",
  "publish.rejected":
    "Release refused: the confidentiality check finds {count, number} value(s) that could be worked out too precisely from the published figures ({first}). Please check the confidentiality (npm run monitor -- audit-disclosure).",
  "publish.changed": "New results were stored during the check. Please publish again.",

  "indicator.unknown": "There is no indicator “{id}”. The list of indicators is at /api/indicators.",
  "indicator.notShared": "The indicator “{id}” is not computed in several cities.",
  "area.unknown": "Unknown area “{area}”. Allowed are: {allowed}.",
  "values.noYear": "There are no values of “{id}” for {year}. Available years: {allowed}.",
  "breakdown.unknown": "Unknown breakdown “{breakdown}” for “{id}”. Allowed are: {allowed}.",
  "field.unknown": "Unknown field of action “{field}”. Allowed are: {allowed}.",
  "goal.unknown": "There is no goal “{id}”. Existing goals: {known} (list at /api/goals).",
  "comparison.unknown": "Unknown comparison “{comparison}”. Allowed are: {allowed}.",
  "segregation.noYear": "There are no segregation values for {year}. Available years: {allowed}.",
  "index.configUnknown": "Unknown configuration “{config}”. Allowed are: {allowed}.",
  "index.notComputable":
    "The configuration “{config}” ({name}) cannot be computed with this city's indicator catalogue: it lacks the indicators {lacking}. Computable with this catalogue: {allowed}.",
  "index.notComputableAtAll":
    "The configuration “{config}” ({name}) cannot be computed with this city's indicator catalogue: it lacks the indicators {lacking}. None of the configurations fits this catalogue; a city with its own catalogue needs its own configuration.",
  "index.none": "There is no social index yet: imported population and benefit data are missing.",
  "index.noneForConfig":
    "There is no social index for the configuration “{config}” yet: values of the indicators {indicators} are missing (check the catalogue and the imported data).",
  "index.noYear": "There is no social index for {year}. Available years: {allowed}.",

  "status.upToDate": "The results match the stored data.",
  "status.first":
    "The results are being computed for the first time (a few minutes at the first start); the pages fill by themselves afterwards.",
  "status.recomputing": "New data are being included; until then the results last computed apply.",
  "status.stale": "The results are older than the stored data and will be recomputed shortly.",

  "area.city": "Whole city",
  "area.parent": "{level} {name}",
  "group.total": "Total",
  "breakdown.age": "Age groups",
  "age.andOver": "{from} years and over",
  "age.single": "{from} years",
  "age.range": "{from} to {to} years",
  "migration.noDistinction": "No distinction by migration background.",

  "symbol.secret": ".",
  "value.secret": "value confidential",
  "footnote.suppressed":
    ".: value confidential. Values based on very small numbers, and values from which they could be worked out, are not published to protect the people concerned.",
  "footnote.confidential":
    "Confidential: this answer contains suppressed values (confidential). They are for internal use only and must not be published.",
  "footnote.noData": "There are no data for this indicator yet.",
  "footnote.seriesBreak": "Break in series {year}: {note}",

  "cities.comparabilityUnstated": "No city has described the comparability in its catalogue.",
  "cities.noSexInDelivery": "The delivery “{delivery}” contains no sex.",
  "cities.sexNotBrokenDown": "The delivery contains the sex, but the catalogue does not break it down.",

  "goal.category.target_reached": "target reached",
  "goal.category.significant_progress": "significant progress",
  "goal.category.moderate_progress": "moderate progress",
  "goal.category.insufficient_progress": "insufficient progress",
  "goal.category.moderate_movement_away": "moderate movement away from the goal",
  "goal.category.movement_away": "movement away from the goal",
  "goal.notAssessable": "not assessable",
  "goal.direction.rise": "value should rise",
  "goal.direction.fall": "value should fall",
  "goal.direction.closeGapBetween": "narrow the gap between {first} and {second}",
  "goal.direction.closeGap": "narrow the gap",
  "goal.method":
    "Assessed by the method of Eurostat's EU SDG monitoring report (2024 edition): the compound annual growth rate, in the short term over the last five years, in the long term since the base year. With a target value, the ratio of the actual to the required rate counts (from 95 % significant, 60 to 95 % moderate, 0 to 60 % insufficient progress, below that movement away from the goal); without a target value, the rate in the desired direction (from 1 % a year significant, 0 to 1 % moderate progress, down to −1 % moderate movement away, below that movement away from the goal). After a break in series, only the years from the break are assessed. Values kept confidential are never used for a public assessment; at least three years with values are needed.",
  "benchmark.method":
    "Compared as in the Public Health Profile “Fingertips”: if the benchmark value lies within the 95 % confidence interval (Wilson) of the area's proportion, the value counts as similar, otherwise as higher or lower; where the catalogue says which direction is good, that means better or worse. Values kept confidential are not compared.",

  "pdf.noChromium":
    "The PDF report needs Chromium, which is not installed here (looked for: {path}). Please install the package “chromium” (Debian/Ubuntu: apt-get install -y chromium) or set MONITOR_CHROMIUM to the path of a Chromium.",
  "pdf.noBuild":
    "The PDF report is made from the dashboard's report page, and the dashboard is not built yet. Please run “npm run build -w web”.",
  "pdf.busy": "A PDF report is already being made. Please try again in half a minute.",
  "pdf.failed": "The report could not be made: {shown}.",
  "pdf.late": "The report could not be made (the report page was not ready in time).",

  "export.sheet.metadata": "Metadata",
  "export.sheet.footnotes": "Footnotes",
  "export.column.indicatorId": "Indicator ID",
  "export.column.indicator": "Indicator",
  "export.column.unit": "Unit",
  "export.column.year": "Year",
  "export.column.areaCode": "Area code",
  "export.column.area": "Area",
  "export.column.breakdown": "Breakdown",
  "export.column.group": "Group",
  "export.column.numerator": "Numerator",
  "export.column.denominator": "Denominator",
  "export.column.value": "Value",
  "export.column.status": "Status",
  "export.column.detail": "Explanation",
  "export.column.field": "Field of action",
  "export.column.definition": "Definition",
  "export.column.source": "Source",
  "export.column.migration": "Concept of migration",
  "export.column.notes": "Notes",
  "export.column.symbol": "Symbol",
  "export.column.meaning": "Meaning",
  "export.column.note": "Note",
  "export.meta.asOf": "As of",
  "export.meta.noData": "no data",
  "export.meta.dataUntil": "data up to {year}",
  "export.meta.created": "Created on",
  "export.meta.version": "Catalogue version",
  "export.meta.release": "Values from",
  "export.meta.access": "Access",
  "export.meta.confidential": "{marker}: contains suppressed values for internal use",
  "export.meta.public": "public: suppressed values appear as “.”",
  "export.release.draft": "Draft (not published)",
  "export.release.number": "Release no. {release}",
  "export.notForPublication": "confidential – not for publication",
  "export.legend": "Explanation of symbols",
  "export.legend.secret":
    "value confidential: values based on very small numbers, and values from which they could be worked out, are not published to protect the people concerned.",
  "export.legend.emptySymbol": "(blank)",
  "export.legend.empty":
    "No value; the column “Status” gives the reason: no data, denominator 0, value withheld, age group cannot be delimited.",
  "export.seriesBreaks": "Breaks in series",
  "export.comparabilityNotes": "Notes on comparability",
  "export.status.suppressed": "suppressed",
  "export.status.missing": "no data",
  "export.status.withheld": "value withheld",
  "export.status.denominator_zero": "denominator 0",
  "export.status.band_split": "age group cannot be delimited",
};
