import { describe, expect, it } from 'vitest';
import { createMemoryAdapter, ValidationError } from '../../src/index.js';

describe('createMemoryAdapter input', () => {
  it('fills in what the models default: an agent given as id and name is a whole agent (issue 29)', async () => {
    const helpdesk = createMemoryAdapter({
      agents: [{ id: 'a1', name: 'Ada' }],
      customers: [{ id: 'c1', name: 'Bea', createdAt: '2026-03-02T09:00:00Z' }],
    });
    expect(await helpdesk.agents.get('a1')).toEqual({
      id: 'a1',
      name: 'Ada',
      role: 'agent',
      groupIds: [],
      scheduleId: null,
      languages: [],
      active: true,
    });
    expect((await helpdesk.customers.get('c1')).createdAt).toEqual(new Date('2026-03-02T09:00:00Z'));
    // The defaulted agent writes a message added without an author.
    const ticket = await helpdesk.tickets.create({ subject: 'Help', requesterId: 'c1' });
    const message = await helpdesk.tickets.addMessage(ticket.id, { public: true, body: 'On it' });
    expect(message).toMatchObject({ authorId: 'a1', authorRole: 'agent' });
  });

  it('refuses, as a ValidationError naming the field, what the types refuse', () => {
    expect(() => createMemoryAdapter({ agents: [{ id: 'a1' } as never] })).toThrow(ValidationError);
    expect(() => createMemoryAdapter({ agents: [{ id: 'a1' } as never] })).toThrow(/agents\.0\.name|name/);
  });
});
