/**
 * Responses recorded from a Request Tracker 5 exactly as Debian installs it (test/fixtures/real/SOURCES.md), read
 * through the public mappers and parsed by the canonical models: collection items and records read on their own
 * differ, and both must map.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  agentFromRt,
  customerFromRt,
  eventsFromRt,
  groupFromRt,
  messageFromRt,
  ticketFromRt,
  usersNamedBy,
} from '../../../src/adapters/request-tracker/public.js';
import { Agent, Customer, Message, Ticket, TicketEvent, ValidationError } from '../../../src/index.js';

const recorded = (name: string) =>
  JSON.parse(
    readFileSync(
      new URL(`../../fixtures/real/request-tracker/rt5-stock.${name}.json`, import.meta.url),
      'utf8',
    ),
  );
const history = recorded('ticket-history').items;
const validationIssues = (call: () => unknown) => {
  try {
    call();
  } catch (error) {
    if (error instanceof ValidationError) return error.issues;
    throw error;
  }
  throw new Error('expected a ValidationError');
};
const attachments = recorded('ticket-attachments').items;

describe('Request Tracker as shipped, recorded', () => {
  it('reads a ticket whose queue has no custom field ("CustomFields": "") as one without tags', () => {
    const [item] = recorded('tickets').items;
    expect(item.CustomFields).toBe('');
    const ticket = Ticket.parse(ticketFromRt(item));
    expect(ticket).toMatchObject({ id: '277', subject: 'Fattura di marzo', tags: [], customFields: {} });
    // The same ticket read on its own says [] instead; both read the same.
    expect(ticketFromRt(recorded('ticket'))).toEqual(ticket);
  });

  it('maps a transaction read on its own, whose new value names a principal (AddWatcher)', () => {
    const single = recorded('transaction-addwatcher');
    expect(single.NewValue).toMatchObject({ type: 'principal' });
    const all = history.map((t: { id: number }) => (t.id === single.id ? single : t));
    const events = eventsFromRt('277', all, {}).map((e) => TicketEvent.parse(e));
    expect(events.map((e) => [e.type, e.from, e.to])).toEqual([
      ['status', null, 'new'],
      ['status', 'new', 'open'],
    ]);
    expect(usersNamedBy([single])).toEqual(['root']);
  });

  it('decodes the base64 body of an attachment read on its own, and turns an HTML body into lines of text', () => {
    const create = history.find((t: { Type: string }) => t.Type === 'Create');
    const context = { ticketId: '277', requesterId: 'giulia@example.it', agents: new Set(['root']) };
    const fromCollection = Message.parse(messageFromRt(create, attachments, context));
    const single = recorded('attachment-html');
    expect(single.Content).not.toContain('<p>');
    const fromSingle = Message.parse(messageFromRt(create, [single], context));
    expect(fromSingle.body).toBe('Buongiorno,\nla fattura di marzo è in allegato.\n\nGrazie');
    expect(fromCollection.body).toBe(fromSingle.body);
    expect(fromSingle.html).toBe(fromCollection.html);
    expect(fromSingle).toMatchObject({ authorId: 'giulia@example.it', authorRole: 'end-user', public: true });
    const reply = history.find((t: { Type: string }) => t.Type === 'Correspond');
    expect(messageFromRt(reply, [recorded('attachment-text')], context)).toMatchObject({
      authorId: 'root',
      authorRole: 'agent',
      body: 'Ciao Giulia,\nla controlliamo subito.',
    });
  });

  it('finds the privilege only on a user read on its own: collections leave it empty', () => {
    expect(recorded('user-root').Privileged).toBe(1);
    expect(recorded('user-customer').Privileged).toBe(0);
    expect(recorded('users-collection').items[0].Privileged).toBe('');
    // The API user (root) opened the ticket for Giulia; RT_System sent the auto-reply.
    expect(usersNamedBy(history).sort()).toEqual(['RT_System', 'root']);
  });

  it('reads the summary of a user that an agent without AdminUsers gets (no id, no dates): the number is in its self link', () => {
    const customer = recorded('user-summary-customer');
    expect(customer.id).toBeUndefined();
    // No creation time in a summary: the caller says what it knows, never a made-up 1970.
    expect(() => customerFromRt(customer)).toThrow(ValidationError);
    expect(validationIssues(() => customerFromRt(customer))).toEqual([
      expect.objectContaining({ path: ['Created'] }),
    ]);
    const firstTicket = '2026-12-07T21:12:19Z';
    expect(Customer.parse(customerFromRt(customer, { createdAt: new Date(firstTicket) }))).toMatchObject({
      id: 'giulia@example.it',
      name: 'Giulia Rossi',
      identities: expect.arrayContaining([
        expect.objectContaining({ kind: 'email', value: 'giulia@example.it' }),
      ]),
      createdAt: new Date(firstTicket),
    });
    expect(Agent.parse(agentFromRt(recorded('user-summary-root')))).toMatchObject({ id: 'root' });
  });

  it("trims a body's trailing line breaks however many, and keeps those inside", () => {
    const reply = history.find((t: { Type: string }) => t.Type === 'Correspond');
    const part = {
      ...recorded('ticket-attachments').items.find(
        (a: { TransactionId: unknown }) => String(a.TransactionId) === String(reply.id),
      ),
    };
    const context = { ticketId: '277', requesterId: 'giulia@example.it', agents: new Set(['root']) };
    for (const newlines of [1, 3, 200_000]) {
      const body = messageFromRt(
        reply,
        [{ ...part, Content: `Ciao\n\nGiulia${'\n'.repeat(newlines)}` }],
        context,
      ).body;
      expect(body).toBe('Ciao\n\nGiulia');
    }
  });
});

describe('people as the change feed reads them, recorded', () => {
  const users = recorded('users-by-change').items;
  const seconds = (iso: string) => Date.parse(iso) / 1000;

  it('a users search sorts by (LastUpdated, id), newest first, and carries fields — but Privileged and Disabled are empty', () => {
    const keys = users.map((u: { LastUpdated: string; id: number }) => [seconds(u.LastUpdated), u.id]);
    const sorted = [...keys].sort((a, b) => b[0] - a[0] || b[1] - a[1]);
    expect(keys).toEqual(sorted);
    // Two users changed in the same second come by number, the higher first.
    expect(keys.slice(0, 2).map((k: number[]) => k[1])).toEqual([29, 27]);
    expect(users.find((u: { Name: string }) => u.Name === 'giulia.rossi@example.it')).toMatchObject({
      MobilePhone: '+39 347 123 4567',
      WorkPhone: '06 1234 5678',
      Privileged: '',
      Disabled: '',
    });
    for (const user of users) expect([user.Privileged, user.Disabled]).toEqual(['', '']);
    // Read on their own, the same users say it: marta is disabled, luca privileged.
    expect([recorded('user-disabled').Disabled, recorded('user-agent').Privileged]).toEqual(['1', 1]);
  });

  it('a customer carries every identity RT holds, and the signed notes in Comments (not the line typed in RT)', () => {
    const wire = recorded('user-comments');
    const card = Customer.parse(customerFromRt(wire));
    expect(card.identities).toEqual([
      { kind: 'email', value: 'giulia.rossi@example.it', primary: true },
      { kind: 'phone', value: '+393471234567', primary: false },
      // A national number names no country: kept as written.
      { kind: 'handle', channel: 'phone', value: '06 1234 5678', primary: false },
      { kind: 'external', adapter: 'request-tracker', value: 'giulia.rossi@example.it', primary: false },
    ]);
    expect(card.notes).toEqual([
      {
        id: 'n1',
        authorId: 'luca',
        body: 'Richiamare dopo le 17',
        createdAt: new Date('2026-12-01T09:30:00.000Z'),
      },
    ]);
    expect(wire.Comments.startsWith('Cliente storico, preferisce il telefono.')).toBe(true);
    expect(card).toMatchObject({
      active: true,
      deleted: false,
      language: 'it',
      timeZone: 'Europe/Rome',
      createdAt: new Date(wire.Created),
      updatedAt: new Date(wire.LastUpdated),
    });
  });

  it('a disabled user — RT never deletes users — is a deleted customer; a pager number with an extension reads as E.164', () => {
    const card = Customer.parse(customerFromRt(recorded('user-disabled')));
    expect(card).toMatchObject({ active: false, deleted: true });
    expect(card.identities).toContainEqual({ kind: 'phone', value: '+393337654321;ext=12', primary: false });
  });

  it('an agent carries its update time; queues their update time, and RT says which queue is its own', () => {
    const wire = recorded('user-agent');
    expect(Agent.parse(agentFromRt(wire))).toMatchObject({
      id: 'luca',
      email: 'luca@support.example.com',
      active: true,
      updatedAt: new Date(wire.LastUpdated),
    });
    const queues = recorded('queues-by-change').items;
    expect(queues.map((q: { Name: string; Disabled: string }) => [q.Name, q.Disabled])).toEqual([
      ['Fatture', '0'],
      ['___Approvals', '2'],
      ['General', '0'],
    ]);
    expect(groupFromRt(queues[0])).toEqual({
      id: String(queues[0].id),
      source: { adapter: 'request-tracker', id: String(queues[0].id) },
      name: 'Fatture',
      description: 'Invoices and refunds',
      scheduleId: null,
      updatedAt: new Date(queues[0].LastUpdated),
    });
  });
});
