/**
 * TicketSQL, the query language of RT's ticket search: string literals, dates, and the queue scope every search
 * of this adapter carries. https://docs.bestpractical.com/rt/5.0.3/query_builder.html
 */

/**
 * A TicketSQL string literal: backslashes and quotes escaped, so a value cannot end the literal.
 * @example `sql("O'Brien") // "'O\\'Brien'"`
 */
export const sql = (value: string) => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/**
 * A date as TicketSQL reads it, `YYYY-MM-DD HH:MM:SS`.
 * @example `sqlDate(new Date('2026-03-01T09:00:00Z')) // '2026-03-01 09:00:00'`
 */
export const sqlDate = (date: Date) => date.toISOString().slice(0, 19).replace('T', ' ');

/**
 * The clause that keeps a search to the adapter's queues (a number is a queue id, anything else a name), or
 * nothing when it covers them all.
 * @example `queueScope(['Support', '3']) // "(Queue = 'Support' OR Queue = 3)"`
 */
export const queueScope = (queues: readonly string[]) =>
  queues.length
    ? `(${queues.map((q) => (/^\d+$/.test(q) ? `Queue = ${q}` : `Queue = ${sql(q)}`)).join(' OR ')})`
    : '';

/**
 * The clauses that are not empty, joined with AND; a search for everything when none is left (REST2 refuses an
 * empty query).
 * @example `where(queueScope([]), "Status = 'open'") // "Status = 'open'"`
 */
export const where = (...terms: string[]) => terms.filter(Boolean).join(' AND ') || 'id > 0';
