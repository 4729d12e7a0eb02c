import { expectTypeOf, test } from 'vitest';
import { createMemoryAdapter, type Dataset, type HelpdeskAdapter } from '../../src/index.js';

declare const generated: Dataset;

test('createMemoryAdapter takes the dataset as the models take it, not as they hand it back (issue 29)', () => {
  // An agent needs an id and a name; role, groupIds, scheduleId, languages and active are filled in.
  expectTypeOf(createMemoryAdapter({ agents: [{ id: 'a1', name: 'Ada' }] })).toEqualTypeOf<HelpdeskAdapter>();
  // Times as ISO strings or epoch ms, as JSON gives them; a parsed dataset fits too.
  createMemoryAdapter({
    customers: [{ id: 'c1', name: 'Bea', createdAt: '2026-03-02T09:00:00Z' }],
    tickets: [
      {
        id: 't1',
        subject: 'Help',
        status: 'open',
        requesterId: 'c1',
        createdAt: 1772442000000,
        updatedAt: '2026-03-02T09:00:00Z',
      },
    ],
  });
  createMemoryAdapter(generated);
  createMemoryAdapter();
  // @ts-expect-error an agent without a name
  createMemoryAdapter({ agents: [{ id: 'a1' }] });
  createMemoryAdapter({
    // @ts-expect-error a ticket status the model does not take
    tickets: [{ id: 't1', subject: 'x', status: 3, requesterId: 'c1', createdAt: 0, updatedAt: 0 }],
  });
});
