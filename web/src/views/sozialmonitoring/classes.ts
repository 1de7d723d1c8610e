import { t } from "../../i18n/index.ts";

// The server sends the class names of its configuration ("hoch" … "sehr niedrig", "positiv" … "negativ");
// null means the Stadtteil was not classified that year.

export function statusClassLabel(value: string | null): string {
  return value ?? t("sozial.notClassified");
}

export function dynamicsClassLabel(value: string | null): string {
  return value ?? t("sozial.notClassified");
}

/** The combined class as code pair, e.g. "4 -" (status 4, negative dynamics). */
export function combinedClassLabel(value: string | null): string {
  return value ?? t("sozial.notClassified");
}
