import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  deriveCardState,
  parse,
  parseCustomer,
  parseDataset,
  parseMessage,
  parseSchedule,
  parseSlaPolicy,
  parseSopDocument,
  parseTicket,
  parseTicketEvent,
  safeParse,
  Ticket,
  ValidationError,
} from '../../src/index.js';

const ticket = {
  id: '1001',
  subject: 'Cannot log in',
  status: 'open',
  requesterId: 'c-17',
  createdAt: '2026-03-02T08:15:00Z',
  updatedAt: '2026-03-02T09:00:00Z',
};

function issuesOf(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).issues.map((issue) => [issue.path.join('.'), issue.code]);
  }
  throw new Error('expected a ValidationError');
}

describe('Ticket', () => {
  it('parses a minimal ticket and fills defaults', () => {
    const parsed = parseTicket(ticket);
    expect(parsed).toMatchObject({
      priority: null, // none set: never a made-up `normal`
      channel: 'other',
      tags: [],
      assigneeId: null,
      solvedAt: null,
    });
    expect(parsed.createdAt).toEqual(new Date('2026-03-02T08:15:00Z'));
  });

  it('keeps unknown vendor statuses (open enum) but refuses non-strings', () => {
    expect(parseTicket({ ...ticket, status: 'waiting_on_vendor' }).status).toBe('waiting_on_vendor');
    expect(issuesOf(() => parseTicket({ ...ticket, status: 7 }))).toEqual([['status', 'invalid_type']]);
  });

  it('reads known enum values whatever their case and separators, and keeps unknown ones as they came', () => {
    const parsed = parseTicket({ ...ticket, status: 'Solved', priority: ' HIGH ', channel: 'E-Mail' });
    expect([parsed.status, parsed.priority, parsed.channel]).toEqual(['solved', 'high', 'email']);
    expect(parseTicket({ ...ticket, status: 'On Hold' }).status).toBe('hold');
    expect(parseTicket({ ...ticket, status: 'ON_HOLD' }).status).toBe('hold');
    expect(parseTicket({ ...ticket, status: 'resolved' }).status).toBe('solved');
    expect(parseTicket({ ...ticket, channel: 'Web Form' }).channel).toBe('web');
    expect(parseTicket({ ...ticket, status: 'Waiting On Vendor' }).status).toBe('Waiting On Vendor');
  });

  it('takes numeric vendor ids as the docs say, and refuses ids that lost digits', () => {
    const parsed = parseTicket({ ...ticket, id: 5001, requesterId: 42, assigneeId: 7 });
    expect([parsed.id, parsed.requesterId, parsed.assigneeId]).toEqual(['5001', '42', '7']);
    expect(issuesOf(() => parseTicket({ ...ticket, id: 2 ** 60 }))).toEqual([['id', 'custom']]);
    expect(issuesOf(() => parseTicket({ ...ticket, id: 1.5 }))).toEqual([['id', 'custom']]);
  });

  it('links only to http(s): javascript:, data: and file: sources are refused', () => {
    const source = (url: string) => ({ ...ticket, source: { adapter: 'zendesk', id: '1', url } });
    expect(parseTicket(source('https://acme.zendesk.com/agent/tickets/1')).source?.url).toBeDefined();
    for (const url of [
      'javascript:alert(1)',
      'data:text/html,<b>x</b>',
      'file:///etc/passwd',
      'ftp://x.test/a',
    ]) {
      expect(
        issuesOf(() => parseTicket(source(url))),
        url,
      ).toEqual([['source.url', 'invalid_format']]);
    }
  });

  it('keeps custom fields named __proto__ or constructor as fields, never as a prototype (property)', () => {
    const keys = fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'plan');
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(keys, fc.oneof(fc.string(), fc.integer(), fc.boolean())), {
          selector: ([k]) => k,
        }),
        (entries) => {
          const json = `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',')}}`;
          const parsed = parseTicket({ ...ticket, customFields: JSON.parse(json) }).customFields;
          expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
          expect(Object.entries(parsed)).toEqual(entries);
          expect(JSON.parse(JSON.stringify(parsed))).toEqual(JSON.parse(json));
        },
      ),
    );
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(
      issuesOf(() => parseTicket({ ...ticket, customFields: JSON.parse('{"__proto__":{"polluted":1}}') })),
    ).toEqual([['customFields.__proto__', 'custom']]);
  });

  it('cuts a huge unknown key in the message instead of echoing it whole', () => {
    const key = 'k'.repeat(1_000_000);
    const result = safeParse(Ticket, { ...ticket, [key]: 1 });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.message.length).toBeLessThan(300);
    expect(JSON.stringify(result.error).length).toBeLessThan(1000);
  });

  it('reports every failing path at once', () => {
    const issues = issuesOf(() =>
      parseTicket({ ...ticket, id: '', createdAt: '2026-03-02T08:15:00', tags: ['ok', ''], surprise: 1 }),
    );
    expect(issues).toEqual([
      ['id', 'custom'],
      ['tags.1', 'too_small'],
      ['createdAt', 'custom'],
      ['surprise', 'unrecognized_keys'],
    ]);
  });

  it('refuses an update before creation', () => {
    expect(issuesOf(() => parseTicket({ ...ticket, updatedAt: '2026-03-01T00:00:00Z' }))).toEqual([
      ['updatedAt', 'custom'],
    ]);
  });

  it('never echoes customer text in the error', () => {
    const secret = 'my card number is 4111 1111 1111 1111';
    const result = safeParse(Ticket, {
      ...ticket,
      subject: 42,
      language: secret,
      tags: [secret, 3],
      type: 5,
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    const text = `${result.error.message} ${JSON.stringify(result.error)}`;
    expect(text).not.toContain('4111');
    expect(result.error.message).toContain('subject: expected string');
    expect(result.error.message).toMatch(/^Validation failed for Ticket \(4 issues\):/);
  });
});

describe('Message and TicketEvent', () => {
  it('parses a private note', () => {
    const note = parseMessage({
      id: 'm1',
      ticketId: '1001',
      authorId: 'a1',
      authorRole: 'agent',
      public: false,
      body: 'internal',
      createdAt: 1772439300000,
    });
    expect(note.public).toBe(false);
    expect(note.attachments).toEqual([]);
  });

  it('discriminates events by type and checks the value of each', () => {
    const base = { id: 'e1', ticketId: '1001', at: '2026-03-02T10:00:00Z' };
    expect(parseTicketEvent({ ...base, type: 'status', from: null, to: 'solved' }).actorId).toBeNull();
    expect(parseTicketEvent({ ...base, type: 'tags', from: ['a'], to: ['a', 'b'] }).to).toEqual(['a', 'b']);
    expect(issuesOf(() => parseTicketEvent({ ...base, type: 'tags', from: 'a', to: [] }))).toEqual([
      ['from', 'invalid_type'],
    ]);
    expect(issuesOf(() => parseTicketEvent({ ...base, type: 'mood', from: null, to: 'happy' }))).toEqual([
      ['type', 'invalid_union'],
    ]);
  });
});

describe('Customer card', () => {
  const customer = { id: 'c-1', name: 'Ada', createdAt: '2026-01-01T00:00:00Z' };

  it('holds identities across channels and adapters, and signed notes', () => {
    const parsed = parseCustomer({
      ...customer,
      identities: [
        { kind: 'email', value: 'ada@example.com', primary: true },
        { kind: 'phone', value: '+390612345678' },
        { kind: 'handle', channel: 'whatsapp', value: 'ada.r' },
        { kind: 'external', adapter: 'zendesk', value: '381726' },
      ],
      notes: [{ id: 'n1', authorId: 'agent-3', body: 'VIP', createdAt: '2026-01-02T00:00:00Z' }],
      timeZone: 'Europe/Rome',
    });
    expect(parsed.identities).toHaveLength(4);
    expect(parsed.notes[0]?.authorId).toBe('agent-3');
  });

  it('points at the bad identity', () => {
    expect(
      issuesOf(() =>
        parseCustomer({
          ...customer,
          identities: [
            { kind: 'email', value: 'ada@example.com' },
            { kind: 'phone', value: '06 1234' },
            { kind: 'email', value: 'ADA@example.com' },
          ],
        }),
      ),
    ).toEqual([
      ['identities.1.value', 'invalid_format'],
      ['identities.2', 'custom'],
    ]);
  });

  it('derives red, yellow and green with the most urgent winning', () => {
    expect(deriveCardState([])).toBeNull();
    expect(deriveCardState([{ status: 'solved' }, { status: 'closed' }])).toBe('green');
    expect(deriveCardState([{ status: 'solved' }, { status: 'pending' }])).toBe('yellow');
    expect(deriveCardState([{ status: 'hold' }, { status: 'new' }, { status: 'solved' }])).toBe('red');
    expect(deriveCardState([{ status: 'waiting_on_vendor' }])).toBe('yellow');
  });
});

describe('Schedule', () => {
  it('accepts intervals that touch 0 and 10080 and each other', () => {
    const schedule = parseSchedule({
      timeZone: 'Europe/Rome',
      intervals: [
        { start: 0, end: 60 },
        { start: 10020, end: 10080 },
        { start: 60, end: 120 },
      ],
    });
    expect(schedule.holidays).toEqual([]);
  });

  it('names overlapping and inverted intervals, bad zones and backwards holidays', () => {
    expect(
      issuesOf(() =>
        parseSchedule({
          timeZone: 'Europe/Roma',
          intervals: [
            { start: 540, end: 1080 },
            { start: 1000, end: 1200 },
            { start: 300, end: 200 },
            { start: 0, end: 10081 },
          ],
          holidays: [{ name: 'x', startDate: '2026-12-26', endDate: '2026-12-25' }],
        }),
      ),
    ).toEqual([
      ['timeZone', 'custom'],
      ['intervals.2.end', 'custom'],
      ['intervals.3.end', 'too_big'],
      ['holidays.0.endDate', 'custom'],
      ['intervals.1', 'custom'],
    ]);
  });
});

describe('SlaPolicy and SopDocument', () => {
  it('refuses two targets for the same priority and metric', () => {
    const target = { priority: 'high', metric: 'firstReply', minutes: 60, businessHours: true };
    expect(issuesOf(() => parseSlaPolicy({ id: 's', title: 'S', targets: [target, target] }))).toEqual([
      ['targets.1', 'custom'],
    ]);
  });

  it('checks the flowchart references', () => {
    const doc = {
      id: 'sop',
      title: 'T',
      department: 'D',
      purpose: 'P',
      owner: 'o',
      version: '1',
      reviewDate: '2027-01-01',
      instructions: {
        start: 'a',
        nodes: [
          { id: 'a', kind: 'step', text: 'do', next: 'b' },
          {
            id: 'b',
            kind: 'decision',
            question: '?',
            branches: [
              { label: 'y', next: 'c' },
              { label: 'n', next: 'a' },
            ],
          },
          { id: 'c', kind: 'end' },
        ],
      },
    };
    expect(parseSopDocument(doc).instructions.nodes).toHaveLength(3);
    const broken = structuredClone(doc);
    broken.instructions.start = 'z';
    broken.instructions.nodes[1]!.branches![1]!.next = 'nowhere';
    expect(issuesOf(() => parseSopDocument(broken))).toEqual([
      ['instructions.start', 'custom'],
      ['instructions.nodes.1.branches.1.next', 'custom'],
    ]);
  });
});

describe('Dataset', () => {
  it('checks unique ticket ids and that messages belong to a ticket', () => {
    const message = {
      id: 'm1',
      ticketId: 'nope',
      authorId: 'c1',
      authorRole: 'end-user',
      public: true,
      body: '',
      createdAt: '2026-03-02T08:00:00Z',
    };
    expect(issuesOf(() => parseDataset({ tickets: [ticket, ticket], messages: [message] }))).toEqual([
      ['tickets.1.id', 'custom'],
      ['messages.0.ticketId', 'custom'],
    ]);
  });

  it('lets parse() name any schema in the message', () => {
    expect(() => parse(Ticket, {}, 'imported row 3')).toThrow(
      /^Validation failed for imported row 3 \(6 issues\)/,
    );
  });
});
