import { describe, expect, it } from 'vitest';
import { buildCardIndex, parseDataset, ValidationError } from '../../src/index.js';
import { collectDataset, streamDataset, streamHelpdesks } from '../../src/testing/index.js';

const options = { seed: 5, tickets: 600, days: 20 };
const records = [...streamHelpdesks(options)];
const dataset = collectDataset(records);
/** The person behind a desk record: `c-17` and `p-17` are both person 17 (the generator's ground truth). */
const personOf = (id: string) => Number(id.slice(2));

describe('streamHelpdesks', () => {
  it('keeps the generated story: the same tickets, messages and surveys, in the same order', () => {
    const base = collectDataset(streamDataset(options));
    expect(dataset.tickets.map((t) => t.id)).toEqual(base.tickets.map((t) => t.id));
    expect(dataset.messages.map((m) => m.id)).toEqual(base.messages.map((m) => m.id));
    expect(dataset.csat.map((s) => s.id)).toEqual(base.csat.map((s) => s.id));
    // Each ticket's requester is the same person, now under the id of the desk the ticket is on.
    dataset.tickets.forEach((ticket, i) => {
      expect(personOf(ticket.requesterId)).toBe(personOf(base.tickets[i]!.requesterId));
      expect(ticket.requesterId[0]).toBe(ticket.source?.adapter === 'zendesk' ? 'c' : 'p');
    });
  });

  it('puts one person on both desks, with e-mails in other letter cases and phones in several formats', () => {
    const ids = new Set(dataset.customers.map((c) => c.id));
    const both = [...ids].filter((id) => id.startsWith('c-') && ids.has(`p-${personOf(id)}`));
    expect(both.length).toBeGreaterThan(dataset.customers.length / 5);
    const phones = dataset.customers.flatMap((c) => c.identities.filter((i) => i.kind === 'phone'));
    expect(phones.some((p) => p.value.startsWith('0039 '))).toBe(true);
    expect(phones.some((p) => /^\+39 \d/.test(p.value))).toBe(true);
    expect(phones.some((p) => /^3\d\d \d{7}$/.test(p.value))).toBe(true);
    const emails = dataset.customers.flatMap((c) => c.identities.filter((i) => i.kind === 'email'));
    expect(emails.some((e) => e.value === e.value.toUpperCase())).toBe(true);
  });

  it('gives buildCardIndex exactly one card per person: every merge right, none missed', async () => {
    const index = await buildCardIndex(records, { defaultRegion: 'IT' });
    const people = new Set(dataset.customers.map((c) => personOf(c.id)));
    expect(index.size).toBe(people.size);
    for (const customer of dataset.customers) {
      const adapter = customer.sources[0]!.adapter;
      const card = index.find({ customerId: customer.id, adapter });
      const twin = customer.id.startsWith('c-') ? `p-${personOf(customer.id)}` : `c-${personOf(customer.id)}`;
      const other = adapter === 'zendesk' ? 'request-tracker' : 'zendesk';
      const twinCard = index.find({ customerId: twin, adapter: other });
      if (dataset.customers.some((c) => c.id === twin)) expect(twinCard).toBe(card);
    }
    expect(index.conflicts()).toEqual([]);
  });

  it('with phoneFormat e164 gives records the models accept', () => {
    const strict = collectDataset(streamHelpdesks({ ...options, tickets: 100, phoneFormat: 'e164' }));
    expect(() => parseDataset(JSON.parse(JSON.stringify(strict)))).not.toThrow();
    expect(() => parseDataset(JSON.parse(JSON.stringify(dataset)))).toThrow(ValidationError);
  });

  it('refuses bad options with a ValidationError naming them', () => {
    expect(() => [...streamHelpdesks({ helpdesks: ['zendesk', 'zendesk'] })]).toThrow(/helpdesks/);
    expect(() => [...streamHelpdesks({ phoneFormat: 'e.164' as never })]).toThrow(ValidationError);
  });

  it('is deterministic', () => {
    expect(JSON.stringify([...streamHelpdesks({ ...options, tickets: 50 })])).toBe(
      JSON.stringify([...streamHelpdesks({ ...options, tickets: 50 })]),
    );
  });
});
