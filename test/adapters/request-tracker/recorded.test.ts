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
  messageFromRt,
  ticketFromRt,
  usersNamedBy,
} from '../../../src/adapters/request-tracker/public.js';
import { Agent, Customer, Message, Ticket, TicketEvent } from '../../../src/index.js';

const recorded = (name: string) =>
  JSON.parse(
    readFileSync(
      new URL(`../../fixtures/real/request-tracker/rt5-stock.${name}.json`, import.meta.url),
      'utf8',
    ),
  );
const history = recorded('ticket-history').items;
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
    expect(Customer.parse(customerFromRt(customer))).toMatchObject({
      id: 'giulia@example.it',
      name: 'Giulia Rossi',
      identities: expect.arrayContaining([
        expect.objectContaining({ kind: 'email', value: 'giulia@example.it' }),
      ]),
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
