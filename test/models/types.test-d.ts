import { describe, expectTypeOf, it } from 'vitest';
import type { Dataset, Ticket, TicketEvent, TicketInput } from '../../src/index.js';
import { parseTicket } from '../../src/index.js';

describe('model types', () => {
  it('outputs Dates and accepts strings, numbers or Dates', () => {
    expectTypeOf<Ticket['createdAt']>().toEqualTypeOf<Date>();
    expectTypeOf<Ticket['solvedAt']>().toEqualTypeOf<Date | null>();
    expectTypeOf<string>().toExtend<TicketInput['createdAt']>();
    expectTypeOf<number>().toExtend<TicketInput['createdAt']>();
    expectTypeOf(parseTicket).returns.toEqualTypeOf<Ticket>();
  });

  it('keeps known values in open enums and still accepts others', () => {
    expectTypeOf<'solved'>().toExtend<Ticket['status']>();
    expectTypeOf<'waiting_on_vendor'>().toExtend<Ticket['status']>();
  });

  it('narrows ticket events by type', () => {
    const event = {} as TicketEvent;
    if (event.type === 'tags') expectTypeOf(event.to).toEqualTypeOf<string[]>();
    expectTypeOf<Dataset['tickets']>().toEqualTypeOf<Ticket[]>();
  });
});
