import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { models, parse } from '../../src/index.js';
import {
  cesInput,
  csatInput,
  customerInput,
  messageInput,
  npsInput,
  scheduleInput,
  ticketEventInput,
  ticketInput,
} from './arbitraries.js';

/** parse → JSON.stringify → JSON.parse → parse must give back exactly the first parse. */
function roundTrips(schema: z.ZodType, input: fc.Arbitrary<unknown>) {
  fc.assert(
    fc.property(input, (value) => {
      const first = parse(schema, value);
      const again = parse(schema, JSON.parse(JSON.stringify(first)));
      expect(again).toEqual(first);
    }),
    { numRuns: 200 },
  );
}

describe('every model serialises to JSON and parses back equal', () => {
  it('Ticket', () => roundTrips(models.Ticket, ticketInput));
  it('Message', () => roundTrips(models.Message, messageInput));
  it('TicketEvent', () => roundTrips(models.TicketEvent, ticketEventInput));
  it('Customer', () => roundTrips(models.Customer, customerInput));
  it('Schedule', () => roundTrips(models.Schedule, scheduleInput));
  it('CsatResponse', () => roundTrips(models.CsatResponse, csatInput));
  it('NpsResponse', () => roundTrips(models.NpsResponse, npsInput));
  it('CesResponse', () => roundTrips(models.CesResponse, cesInput));
});

describe('malformed input fails at the exact path', () => {
  it('a corrupted timestamp anywhere in a ticket is reported at its key', () => {
    fc.assert(
      fc.property(
        ticketInput,
        fc.constantFrom('createdAt', 'updatedAt'),
        fc.constantFrom('2026-01-01', 'soon', 12),
        (t, key, bad) => {
          const result = models.Ticket.safeParse({ ...t, [key]: bad });
          expect(result.success).toBe(false);
          expect(result.error?.issues.map((issue) => issue.path.join('.'))).toContain(key);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('an out-of-range NPS score is reported at score', () => {
    fc.assert(
      fc.property(
        npsInput,
        fc.oneof(
          fc.integer({ min: 11 }),
          fc.integer({ max: -1 }),
          fc.double({ min: 0.01, max: 9.99, noInteger: true }),
        ),
        (r, score) => {
          expect(() => parse(models.NpsResponse, { ...r, score })).toThrow(/score:/);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('the index of a bad message inside a dataset is in the path', () => {
    fc.assert(
      fc.property(fc.array(messageInput, { minLength: 1, maxLength: 5 }), fc.nat(), (messages, pick) => {
        const index = pick % messages.length;
        const broken = messages.map((m, i) => (i === index ? { ...m, public: 'yes' } : m));
        const tickets = [...new Set(messages.map((m) => m.ticketId))].map((tid) => ({
          id: tid,
          subject: '',
          status: 'open',
          requesterId: 'c',
          createdAt: 0 + 1e12,
          updatedAt: 1e12,
        }));
        const result = models.Dataset.safeParse({ tickets, messages: broken });
        expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual([
          `messages.${index}.public`,
        ]);
      }),
      { numRuns: 100 },
    );
  });
});
