import { expectTypeOf, test } from 'vitest';
import type { HelpdeskAdapter, MessageCreate, TicketCreate } from '../../src/index.js';

test('a ticket to create names its requester by id or by e-mail, exactly one of them', () => {
  const byId: TicketCreate = { subject: 'Help', requesterId: '201' };
  const byEmail: TicketCreate = { subject: 'Help', requester: { email: 'ada@example.com', name: 'Ada' } };
  // @ts-expect-error both a requesterId and a requester
  const both: TicketCreate = { subject: 'Help', requesterId: '201', requester: { email: 'ada@example.com' } };
  // @ts-expect-error no requester at all
  const neither: TicketCreate = { subject: 'Help' };
  expectTypeOf([byId, byEmail, both, neither]).toBeArray();
});

test('a message needs no author, and filters take the forms the models take', () => {
  const note: MessageCreate = { public: false, body: 'Checked the logs' };
  expectTypeOf(note.authorId).toEqualTypeOf<string | undefined>();
  type Filter = NonNullable<Parameters<HelpdeskAdapter['tickets']['list']>[0]>;
  expectTypeOf<'open'>().toMatchTypeOf<Filter['status']>();
  expectTypeOf<readonly ['new', 'open']>().toMatchTypeOf<Filter['status']>();
  expectTypeOf<string>().toMatchTypeOf<Filter['updatedSince']>();
  expectTypeOf<number>().toMatchTypeOf<Filter['updatedSince']>();
  expectTypeOf<Date>().toMatchTypeOf<Filter['updatedSince']>();
});
