import { describe, expect, it } from 'vitest';
import { classifyTicket, parseWhen, replyPromise, slaDeadline } from '../../src/automations/index.js';
import { ValidationError } from '../../src/errors/index.js';

/** The error a call throws (the test fails when it throws none). */
function errorOf(call: () => unknown): ValidationError {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return error as ValidationError;
  }
  throw new Error('expected a ValidationError');
}

const rome = { hours: 'Mon-Fri 9-18', timeZone: 'Europe/Rome' };

describe('values beyond what a helper can mean', () => {
  it('refuses targets longer than a year at once, naming the field (no crash, no minutes of work)', () => {
    for (const target of ['9999999999999999999999h', '99999999999h', '1000000h', 527_041]) {
      const error = errorOf(() => slaDeadline({ ...rome, start: '2026-03-06 17:00', target }));
      expect(error.message).toMatch(/slaDeadline\(\) target[\s\S]*longer than a year/);
    }
    // A year exactly is still answered.
    expect(slaDeadline({ ...rome, start: '2026-03-06 17:00', target: '8784h' }).targetMinutes).toBe(527_040);
    const promise = errorOf(() =>
      replyPromise({ ...rome, createdAt: '2026-03-06 17:00', sla: '99999999999h' }),
    );
    expect(promise.message).toMatch(/replyPromise\(\) sla[\s\S]*longer than a year/);
  });

  it('refuses numbers that are no epoch time instead of failing inside the date library', () => {
    for (const value of [1e300, 1e21, 123]) {
      const error = errorOf(() => parseWhen(value as never, { timeZone: 'Europe/Rome' }));
      expect(error.message).toMatch(/parseWhen\(\) value[\s\S]*epoch seconds/);
    }
  });
});

describe('errors name the field the user filled in', () => {
  const base = { ...rome, createdAt: '2026-03-06 17:00', priority: 'high' };

  it('replyPromise: a bad duration inside sla is an sla error; a bad customer zone names customerTimeZone', () => {
    expect(errorOf(() => replyPromise({ ...base, sla: 'high: 4 parsecs' })).message).toMatch(
      /replyPromise\(\) sla[\s\S]*unit/,
    );
    expect(
      errorOf(() => replyPromise({ ...base, sla: '4h', customerTimeZone: 'Mars/Base' })).message,
    ).toMatch(/replyPromise\(\) customerTimeZone/);
  });

  it('replyPromise: two targets for the same priority (in any language) are refused, not the last one kept', () => {
    expect(errorOf(() => replyPromise({ ...base, sla: 'high: 1h, Alta: 4h' })).message).toMatch(
      /two targets for high/,
    );
    expect(errorOf(() => replyPromise({ ...base, sla: 'default: 1h, all: 4h' })).message).toMatch(
      /two targets for default/,
    );
  });

  it('classifyTicket names a bad rule by its position, never by its key (a key may be a pasted secret)', () => {
    const error = errorOf(() => classifyTicket('x', { billing: 'invoice', sk_live_abc123: 5 } as never));
    expect(error.message).toMatch(/rules entry 2/);
    expect(error.message).not.toContain('sk_live');
  });
});
