import { type MessageKey, t } from "../../i18n/index.ts";

// The server sends the class names of its configuration ("hoch" … "sehr niedrig", "positiv" … "negativ");
// null means the Stadtteil was not classified that year. The known names are shown in the reader's language,
// any other name of a city's own configuration as it comes.

const CLASS_KEYS: Record<string, MessageKey> = {
  hoch: "sozial.class.hoch",
  mittel: "sozial.class.mittel",
  niedrig: "sozial.class.niedrig",
  "sehr niedrig": "sozial.class.sehrNiedrig",
  positiv: "sozial.class.positiv",
  stabil: "sozial.class.stabil",
  negativ: "sozial.class.negativ",
};

/** A status or dynamics class name in the current language: `hoch` → `hoog` (nl), `high` (en). */
export function classLabel(name: string): string {
  const key = Object.hasOwn(CLASS_KEYS, name) ? CLASS_KEYS[name] : undefined;
  return key ? t(key) : name;
}

export function statusClassLabel(value: string | null): string {
  return value === null ? t("sozial.notClassified") : classLabel(value);
}

export function dynamicsClassLabel(value: string | null): string {
  return value === null ? t("sozial.notClassified") : classLabel(value);
}

/** The combined class as code pair, e.g. "4 -" (status 4, negative dynamics). */
export function combinedClassLabel(value: string | null): string {
  return value ?? t("sozial.notClassified");
}
