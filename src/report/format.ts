/**
 * Numbers as people read them: rounded, with units (45 min, 2.2 h, 1.1 d), thousands separated, and a dash for
 * "nothing to measure" (null), never 0 or NaN. Pure; shared by every report format and the CLI.
 */

/** The dash shown for a value that could not be measured. */
export const NONE = '—';

/**
 * A number with `digits` decimals, or the dash for null/undefined.
 *
 * @example
 * ```ts
 * fixed(3047.999999999999); // '3048.0'
 * fixed(null); // '—'
 * ```
 */
export function fixed(value: number | null | undefined, digits = 1): string {
  return value === null || value === undefined || !Number.isFinite(value) ? NONE : value.toFixed(digits);
}

/**
 * A duration in minutes in the unit that reads best: minutes under an hour, hours under a day, else days.
 *
 * @example
 * ```ts
 * duration(42); // '42 min'
 * duration(132); // '2.2 h'
 * duration(1584); // '1.1 d'
 * ```
 */
export function duration(minutes: number | null | undefined): string {
  if (minutes === null || minutes === undefined || !Number.isFinite(minutes)) return NONE;
  if (minutes < 59.5) return `${Math.round(minutes)} min`;
  if (minutes < 1440) return `${(minutes / 60).toFixed(1)} h`;
  return `${(minutes / 1440).toFixed(1)} d`;
}

/**
 * A count with thousands separators (a thin space, whatever the locale).
 *
 * @example
 * ```ts
 * count(100000); // '100 000'
 * ```
 */
export function count(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

/**
 * A percentage with one decimal, or the dash.
 *
 * @example
 * ```ts
 * percent(87.456); // '87.5%'
 * ```
 */
export function percent(value: number | null | undefined): string {
  const text = fixed(value);
  return text === NONE ? text : `${text}%`;
}

/** How a table column is aligned: text left, numbers right. */
export type Align = 'left' | 'right';

/**
 * Rows of cells as an aligned plain-text table with a header rule.
 *
 * @example
 * ```ts
 * textTable(['channel', 'tickets'], [['email', '1 204']], ['left', 'right']);
 * // channel  tickets
 * // ───────  ───────
 * // email      1 204
 * ```
 */
export function textTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly Align[],
) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (align[i] === 'right' ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
