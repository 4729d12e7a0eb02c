import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cachedPromise,
  checkOptions,
  matchesTicketFilter,
  ownCursor,
  path,
  ticketFilter,
  transportOptionChecks,
} from '../../src/adapters/kit/index.js';
import { RequestAbortedError, ValidationError } from '../../src/index.js';
import { generateDataset } from '../../src/testing/index.js';

describe('adapter kit', () => {
  it('path encodes every interpolated value as one segment, whatever it holds (property)', () => {
    expect(path`/api/v2/tickets/${'35436'}/comments.json`).toBe('/api/v2/tickets/35436/comments.json');
    expect(path`/cards/${'a/b?c#d'}`).toBe('/cards/a%2Fb%3Fc%23d');
    fc.assert(
      fc.property(fc.string(), (id) => {
        const built = path`/x/${id}/y`;
        const segment = built.slice('/x/'.length, -'/y'.length);
        expect(segment).not.toMatch(/[/?#]/);
        expect(decodeURIComponent(segment)).toBe(id);
      }),
    );
  });

  it('cachedPromise reads once, forgets a failure, and lets one waiter abort without failing the others', async () => {
    let reads = 0;
    let fail = true;
    const value = cachedPromise('test', async () => {
      reads++;
      await new Promise((resolve) => setTimeout(resolve, 20));
      if (fail) throw new Error('boom');
      return reads;
    });
    await expect(value()).rejects.toThrow('boom');
    fail = false;
    const controller = new AbortController();
    const aborted = value({ signal: controller.signal });
    const patient = value();
    controller.abort(new Error('gave up'));
    await expect(aborted).rejects.toBeInstanceOf(RequestAbortedError);
    await expect(patient).resolves.toBe(2);
    await expect(value()).resolves.toBe(2);
    expect(reads).toBe(2);
    value.clear();
    await expect(value()).resolves.toBe(3);
  });

  it('ownCursor refuses another adapter’s checkpoint and a cursor of the wrong form, never quoting it', () => {
    expect(ownCursor('rt', { adapter: 'rt', cursor: '42' }, (c) => /^\d+$/.test(c))).toBe('42');
    const other = (() => {
      try {
        ownCursor('rt', { adapter: 'zendesk', cursor: 'secret-cursor' });
      } catch (error) {
        return error as ValidationError;
      }
    })();
    expect(other).toBeInstanceOf(ValidationError);
    expect(other?.issues[0]?.path).toEqual(['adapter']);
    expect(() => ownCursor('rt', { adapter: 'rt', cursor: 'x' }, (c) => /^\d+$/.test(c))).toThrow(/cursor/);
    expect(String(other?.message)).not.toContain('secret-cursor');
  });

  it('matchesTicketFilter agrees with filtering by hand (property over generated tickets)', () => {
    const { tickets } = generateDataset({ tickets: 60, days: 20, seed: 4 });
    const statuses = ['new', 'open', 'pending', 'hold', 'solved', 'closed'] as const;
    fc.assert(
      fc.property(
        fc.subarray([...statuses]),
        fc.subarray(['billing', 'login', 'vip', 'refund']),
        fc.integer({ min: 0, max: tickets.length - 1 }),
        (status, tags, pick) => {
          const updatedSince = tickets[pick]!.updatedAt;
          const filter = ticketFilter({ status, tags, updatedSince });
          for (const t of tickets)
            expect(matchesTicketFilter(t, filter)).toBe(
              (status.length === 0 || status.includes(t.status as never)) &&
                tags.every((tag) => t.tags.includes(tag)) &&
                t.updatedAt >= updatedSince,
            );
        },
      ),
    );
  });

  it('checkOptions refuses an unknown option, naming what replaced a removed one', () => {
    const check = (options: object) =>
      checkOptions('createThing', options as { baseUrl?: string }, { ...transportOptionChecks });
    expect(() => check({ timeoutMs: 5 })).not.toThrow();
    expect(() => check({ nonBlockingRateLimit: true })).toThrow(/rateLimiter/);
    expect(() => check({ baseURL: 'https://x.example' })).toThrow(/baseUrl/);
    expect(() => check({ TimeoutMs: 5 })).toThrow(/did you mean timeoutMs/);
    expect(() => check({ timeoutMs: -1 })).toThrow(/positive number/);
  });
});
