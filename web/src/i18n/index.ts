import { de, type MessageKey } from "./de.ts";

export type { MessageKey };
export type Messages = Record<MessageKey, string>;

let messages: Messages = de;

/** Locale for numbers, dates, lists and sorting; German official formats (`22,4 %`, `1.234`). */
export const LOCALE = "de-DE";

/** Switches the UI language; a second dictionary (nl.ts, en.ts) must provide every key of de.ts. */
export function setMessages(next: Messages): void {
  messages = next;
}

/**
 * Looks up a UI text and fills `{name}` placeholders.
 * @example t("reading.rose", { subject: "Der Anteil", from: "2013", to: "2025", start: "21,5 %", end: "27,3 %" })
 */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  const text = messages[key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
