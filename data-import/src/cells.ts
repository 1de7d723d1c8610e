// Parsers for single cells of an extract: counts and the Stichtag.

/** `parseCount` results besides a value ≥ 0. */
export const WITHHELD = -1;
export const INVALID = -2;

/** Count cell → value ≥ 0, WITHHELD (-1) or INVALID (-2). Digits with correct thousands dots take the fast path. */
export function parseCount(raw: string): number {
  const n = raw.length;
  if (n === 0 || n > 15) return parseCountSlow(raw);
  let value = 0;
  let leading = 0; // digits before the first dot
  let group = -1; // digits since the last dot, -1 before the first
  for (let i = 0; i < n; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      value = value * 10 + (c - 48);
      if (group === -1) leading++;
      else group++;
    } else if (c === 46 && (group === -1 ? leading >= 1 && leading <= 3 : group === 3)) group = 0;
    else return parseCountSlow(raw);
  }
  return group === -1 || group === 3 ? value : INVALID;
}

function parseCountSlow(raw: string): number {
  const text = raw.trim();
  if (text === "-") return 0;
  if (text === "." || text === "x" || text === "X") return WITHHELD;
  if (/^\d+$/.test(text) || /^\d{1,3}(\.\d{3})+$/.test(text)) {
    const value = Number(text.replaceAll(".", ""));
    return Number.isSafeInteger(value) ? value : INVALID;
  }
  return INVALID;
}

/** `TT.MM.JJJJ` (also `T.M.JJJJ`) or ISO `JJJJ-MM-TT` → ISO, or `null` for anything else or no real date. */
export function parseStichtag(raw: string): string | null {
  const text = raw.trim();
  const german = /^(?<day>\d{1,2})\.(?<month>\d{1,2})\.(?<year>\d{4})$/.exec(text);
  const parts = (german ?? /^(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})$/.exec(text))?.groups;
  if (!parts) return null;
  const [year, month, day] = [Number(parts.year), Number(parts.month), Number(parts.day)];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
