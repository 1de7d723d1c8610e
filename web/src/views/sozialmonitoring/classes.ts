import { t } from "../../i18n/index.ts";

// Berlin MSS numbering: status 1 hoch … 4 sehr niedrig; dynamics 1 positiv … 3 negativ. Strings pass through.
const STATUS = ["sozial.status.1", "sozial.status.2", "sozial.status.3", "sozial.status.4"] as const;
const DYNAMICS = ["sozial.dynamics.1", "sozial.dynamics.2", "sozial.dynamics.3"] as const;

export function statusClassLabel(value: string | number | null): string {
  if (value === null) return t("sozial.notClassified");
  return typeof value === "number" ? (STATUS[value - 1] ? t(STATUS[value - 1]) : String(value)) : value;
}

export function dynamicsClassLabel(value: string | number | null): string {
  if (value === null) return t("sozial.notClassified");
  return typeof value === "number" ? (DYNAMICS[value - 1] ? t(DYNAMICS[value - 1]) : String(value)) : value;
}

export function combinedClassLabel(value: string | number | null): string {
  return value === null ? t("sozial.notClassified") : String(value);
}
