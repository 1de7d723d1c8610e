// A module without imports, so that web can take the id (`@im/indicators/total`) without the rest of the package.

/**
 * The total of every indicator: the breakdown and group id of all rows that are not split.
 *
 * @example
 * rows.filter((r) => r.breakdown === TOTAL.id && r.group === TOTAL.id);
 */
export const TOTAL = { id: "gesamt", label: "Insgesamt" };
