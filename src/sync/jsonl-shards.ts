import { closeSync, openSync, readSync, statSync } from 'node:fs';

/** Where every ticket's records begin in a file the sync or the generator wrote. */
const TICKET_LINE = Buffer.from('\n{"kind":"tickets",');
/** How far a boundary search reads at a time. */
const WINDOW = 1 << 16;

/**
 * A JSONL file cut into byte ranges that each begin at a ticket record, so that every ticket keeps its messages,
 * events and surveys in one range; `header` is where the first ticket begins (the reference data before it —
 * schedules, groups, SLA policies — is what every range needs). Internal to supportkit-ts/sync.
 *
 * @example
 * ```ts
 * const { header, ranges } = jsonlShards('helpdesk/records.jsonl', 2);
 * // header 1432, ranges [{ start: 0, end: 160_000_000 }, { start: 160_000_000, end: 327_379_875 }]
 * ```
 */
export function jsonlShards(
  path: string,
  count: number,
): { header: number; ranges: { start: number; end: number }[] } {
  const size = statSync(path).size;
  const fd = openSync(path, 'r');
  try {
    const header = ticketLineFrom(fd, 0, size, true);
    if (header === null) return { header: size, ranges: [{ start: 0, end: size }] };
    const cuts = [0];
    for (let i = 1; i < count; i++) {
      const cut = ticketLineFrom(fd, Math.max(header, Math.floor((size * i) / count)), size, false);
      if (cut !== null && cut > cuts.at(-1)!) cuts.push(cut);
    }
    return { header, ranges: cuts.map((start, i) => ({ start, end: cuts[i + 1] ?? size })) };
  } finally {
    closeSync(fd);
  }
}

/**
 * The offset of the first ticket line at or after `from` (a line that starts `{"kind":"tickets",`), or null. At
 * the very start of the file the first line counts too.
 */
function ticketLineFrom(fd: number, from: number, size: number, atStart: boolean): number | null {
  if (atStart && startsWithTicket(fd)) return 0;
  const buffer = Buffer.allocUnsafe(WINDOW + TICKET_LINE.length);
  // Windows overlap by the pattern's length so a line start split across two reads is still found.
  for (let at = Math.max(0, from - 1); at < size; at += WINDOW) {
    const read = readSync(fd, buffer, 0, buffer.length, at);
    const found = buffer.subarray(0, read).indexOf(TICKET_LINE);
    if (found !== -1) return at + found + 1;
  }
  return null;
}

function startsWithTicket(fd: number): boolean {
  const head = Buffer.alloc(TICKET_LINE.length - 1);
  readSync(fd, head, 0, head.length, 0);
  return head.equals(TICKET_LINE.subarray(1));
}
