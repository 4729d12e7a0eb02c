/**
 * Tables keyed by values that come from data — tags, channels, statuses, agent and group ids — are objects
 * without a prototype, because whoever edits the helpdesk chooses them: a tag named `__proto__` or `constructor` is then an ordinary key, never
 * Object.prototype. They stay plain JSON for accumulator states (`JSON.stringify` and `structuredClone` keep
 * every own key), and a state read back is only ever walked with `Object.entries`.
 */

/**
 * A prototype-free table for keys that come from data.
 * @example `const counts = keyedTable<number>(); counts['__proto__'] = 1; // an own key, not the prototype`
 */
export function keyedTable<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/**
 * Adds `by` to `table[key]` (0 when missing).
 * @example `bump(counts, tag); // counts[tag] = (counts[tag] ?? 0) + 1, safely`
 */
export function bump(table: Record<string, number>, key: string, by = 1): void {
  table[key] = (Object.hasOwn(table, key) ? table[key]! : 0) + by;
}

/**
 * `table[key]` when it is the table's own entry, else undefined — safe on tables read back from JSON.
 * @example `own(JSON.parse(text), 'constructor'); // undefined unless the table has that key itself`
 */
export function own<T>(table: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
