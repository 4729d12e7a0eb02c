/**
 * The pure steps the Zendesk resources hand their records to: the change feed's position, the ticket search
 * query, customer bodies, the message a comment-adding update created, and an export entry as feed records.
 */
import { describe, expect, it } from 'vitest';
import {
  checkpointAt,
  passBegun,
  passDone,
  positionAfter,
  positionOf,
} from '../../../src/adapters/zendesk/feed.js';
import {
  changeRecordsFromZendesk,
  customerCreateToZendesk,
  customerPatchToZendesk,
  messageFromCommentAudit,
  ticketSearchQuery,
  usersFromZendesk,
} from '../../../src/adapters/zendesk/map/index.js';
import { ZendeskTicketEvent, ZendeskUser } from '../../../src/adapters/zendesk/wire.js';
import { ValidationError } from '../../../src/index.js';

const beginning = positionOf(null);

describe('the Zendesk change feed position', () => {
  it('round-trips through its checkpoint and refuses another adapter’s or a foreign cursor', () => {
    const position = {
      ...beginning,
      tickets: 'abc',
      events: 1772323200,
      seen: ['7'],
      users: 'MTU3NjYxMzUzOS4wfHw0Njd8',
      organizations: { start: 1772323100, seen: ['501'] },
      groups: { since: 1772323000, until: 1772409540, after: 'eyJvIjoiaWQifQ' },
      csat: { since: 1772322999, until: null, after: null },
    };
    expect(positionOf(checkpointAt(position))).toEqual(position);
    expect(beginning).toEqual({
      tickets: null,
      events: null,
      seen: [],
      users: null,
      organizations: { start: null, seen: [] },
      groups: { since: null, until: null, after: null },
      csat: { since: null, until: null, after: null },
    });
    expect(() => positionOf({ adapter: 'trello', cursor: '{}' })).toThrow(ValidationError);
    expect(() => positionOf({ adapter: 'zendesk', cursor: 'not json' })).toThrow(/cursor/);
  });

  it('resumes a checkpoint of the previous version: tickets where they stood, the people from the beginning', () => {
    const old = { adapter: 'zendesk', cursor: '{"tickets":"abc","events":1772323200,"seen":["7"]}' };
    expect(positionOf(old)).toEqual({ ...beginning, tickets: 'abc', events: 1772323200, seen: ['7'] });
  });

  it('refuses a people part it did not write, naming the cursor and never quoting it', () => {
    const base = { tickets: null, events: null, seen: [] };
    const bad = [
      {
        ...base,
        users: 7,
        organizations: beginning.organizations,
        groups: beginning.groups,
        csat: beginning.csat,
      },
      {
        ...base,
        users: null,
        organizations: { start: 'x', seen: [] },
        groups: beginning.groups,
        csat: beginning.csat,
      },
      {
        ...base,
        users: null,
        organizations: beginning.organizations,
        groups: { since: 1.5 },
        csat: beginning.csat,
      },
      { ...base, users: null, organizations: beginning.organizations, groups: beginning.groups },
    ];
    for (const value of bad) {
      const error = (() => {
        try {
          positionOf({ adapter: 'zendesk', cursor: JSON.stringify(value) });
        } catch (e) {
          return e as ValidationError;
        }
      })();
      expect(error).toBeInstanceOf(ValidationError);
      expect(error?.issues.map((i) => i.path)).toEqual([['cursor']]);
      expect(error?.message).not.toContain('1.5');
    }
  });

  it('moves to the page’s end and remembers the updates delivered at that second', () => {
    const start = { ...beginning, events: 100, seen: ['1'] };
    const updates = [
      { id: 2, timestamp: 100 },
      { id: 3, timestamp: 160 },
    ];
    expect(positionAfter(start, 100, updates, 160)).toEqual({ ...beginning, events: 160, seen: ['3'] });
    // The export did not move on: the ids seen before are kept with the new ones.
    expect(positionAfter(start, 100, [{ id: 2, timestamp: 100 }], null).seen).toEqual(['1', '2']);
  });

  it('moves a finished pass’s lower bound to its upper bound, less the overlap asked for', () => {
    const pass = passBegun({ since: 100, until: null, after: null }, 500);
    expect(pass).toEqual({ since: 100, until: 500, after: null });
    // A pass under way keeps its bound: a resumed pass reads the window it began.
    expect(passBegun({ ...pass, after: 'c2' }, 900)).toEqual({ since: 100, until: 500, after: 'c2' });
    expect(passDone({ ...pass, after: 'c2' })).toEqual({ since: 500, until: null, after: null });
    expect(passDone(pass, 1).since).toBe(499);
  });
});

describe('Zendesk mapping steps used by the resources', () => {
  it('writes a ticket filter as a search query', () => {
    expect(
      ticketSearchQuery({
        status: ['open', 'pending'],
        tags: ['vip'],
        updatedSince: new Date('2026-03-01T00:00:00Z'),
      }),
    ).toBe('type:ticket status:open status:pending tags:vip updated>=2026-03-01T00:00:00.000Z');
  });

  it('writes customers as end users, and a null organization as removal', () => {
    expect(customerCreateToZendesk({ name: 'Ada', email: 'ada@example.com', organizationId: '42' })).toEqual({
      user: { name: 'Ada', role: 'end-user', email: 'ada@example.com', organization_id: 42 },
    });
    expect(customerPatchToZendesk({ organizationId: null, tags: ['vip'] })).toEqual({
      user: { organization_id: null, tags: ['vip'] },
    });
  });

  it('reads the message a comment-adding update created from its audit', () => {
    const audit = {
      audit: {
        created_at: '2026-03-01T09:00:00Z',
        author_id: 76872,
        events: [{ id: 5, type: 'Comment', body: 'On it', public: true }],
      },
    };
    const message = messageFromCommentAudit(audit, '35436', { public: true, body: 'On it' });
    expect(message).toMatchObject({ id: '5', ticketId: '35436', authorId: '76872', authorRole: 'agent' });
    expect(() =>
      messageFromCommentAudit({ audit: { events: [] } }, '1', { public: true, body: 'x' }),
    ).toThrow(/no Comment event/);
  });

  it('turns an export entry into messages, then ticket events', () => {
    const entry = ZendeskTicketEvent.parse({
      id: 9,
      ticket_id: 35436,
      timestamp: 1772355600,
      updater_id: 20978392,
      child_events: [
        { id: 1, event_type: 'Comment', body: 'Printer on fire', public: true },
        { id: 2, event_type: 'Change', status: 'open', previous_value: 'new' },
      ],
    });
    const records = changeRecordsFromZendesk(entry, new Set());
    expect(records.map((r) => r.kind)).toEqual(['messages', 'events']);
    expect(records[0]!.value).toMatchObject({ authorRole: 'end-user', createdAt: new Date(1772355600_000) });
  });

  it('splits exported users into customer cards and agents', () => {
    const users = [
      { id: 1, name: 'Ada', role: 'end-user', created_at: '2026-01-01T00:00:00Z' },
      { id: 2, name: 'Bo', role: 'admin', created_at: '2026-01-01T00:00:00Z' },
    ].map((u) => ZendeskUser.parse(u));
    const { customers, agents } = usersFromZendesk(users);
    expect(customers.map((c) => c.id)).toEqual(['1']);
    expect(agents.map((a) => a.role)).toEqual(['admin']);
  });
});
