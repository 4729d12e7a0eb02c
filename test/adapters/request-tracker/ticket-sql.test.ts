import { describe, expect, it } from 'vitest';
import { queueScope, sql, sqlDate, where } from '../../../src/adapters/request-tracker/ticket-sql.js';

describe('TicketSQL', () => {
  it('quotes a literal so that a quote or a backslash in it cannot end it', () => {
    expect(sql("O'Brien")).toBe("'O\\'Brien'");
    expect(sql('a\\')).toBe("'a\\\\'");
  });

  it('writes dates as YYYY-MM-DD HH:MM:SS', () => {
    expect(sqlDate(new Date('2026-03-01T09:05:07.123Z'))).toBe('2026-03-01 09:05:07');
  });

  it('scopes to queues by id or by name, and to nothing when there are none', () => {
    expect(queueScope(['Support', '3'])).toBe("(Queue = 'Support' OR Queue = 3)");
    expect(queueScope([])).toBe('');
  });

  it('joins the clauses that are not empty, and searches everything when none is left', () => {
    expect(where('', "Status = 'open'", 'id = 7')).toBe("Status = 'open' AND id = 7");
    expect(where('', '')).toBe('id > 0');
  });
});
