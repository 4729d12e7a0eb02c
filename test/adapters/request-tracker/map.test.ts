/**
 * The pure Request Tracker mapping, on REST2 bodies as RT 5.0.3 returns them (recorded from the test server,
 * trimmed of hyperlinks).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  agentFromRt,
  customerFromRt,
  eventsFromRt,
  messageFromRt,
  priorityFromRt,
  priorityToRt,
  statusFromRt,
  statusToRt,
  ticketCreateToRt,
  ticketFromRt,
  ticketPatchToRt,
} from '../../../src/adapters/request-tracker/map.js';
import { phoneIdentityFromRt } from '../../../src/adapters/request-tracker/phone.js';
import { RtAttachment, RtTicket, RtTransaction, RtUser } from '../../../src/adapters/request-tracker/wire.js';
import { Ticket, ValidationError } from '../../../src/index.js';

const user = (name: string) => ({ type: 'user', id: name, _url: `http://rt.test/REST/2.0/user/${name}` });
const ticketBody = {
  id: 7,
  Subject: 'Printer on fire',
  Status: 'stalled',
  Priority: '80',
  Queue: { type: 'queue', id: '3', _url: 'http://rt.test/REST/2.0/queue/3' },
  Owner: user('marco'),
  Creator: user('root'),
  Requestor: [user('ada@example.com')],
  CustomFields: [
    { type: 'customfield', id: '2', name: 'Tags', values: ['billing', 'vip'] },
    { type: 'customfield', id: '5', name: 'Contract', values: ['C-19'] },
  ],
  Type: 'ticket',
  Created: '2026-03-02T08:00:00Z',
  LastUpdated: '2026-03-02T09:30:00Z',
  Resolved: '1970-01-01T00:00:00Z',
  Due: '1970-01-01T00:00:00Z',
  TimeWorked: '0',
};
const txn = (id: number, Type: string, extra: Record<string, unknown> = {}) =>
  RtTransaction.parse({
    id: String(id),
    Type,
    Field: '',
    OldValue: '',
    NewValue: '',
    Created: `2026-03-02T08:${String(id).padStart(2, '0')}:00Z`,
    Creator: user('root'),
    ObjectType: 'RT::Ticket',
    ObjectId: '7',
    ...extra,
  });

describe('Request Tracker mapping', () => {
  it('maps a ticket: requestor, owner, queue, tags from the Tags field, other custom fields, unset dates', () => {
    const ticket = ticketFromRt(RtTicket.parse(ticketBody), { baseUrl: 'https://rt.example.org' });
    expect(ticket).toEqual({
      id: '7',
      source: { adapter: 'request-tracker', id: '7', url: 'https://rt.example.org/Ticket/Display.html?id=7' },
      subject: 'Printer on fire',
      status: 'pending',
      priority: 'high',
      channel: 'other',
      requesterId: 'ada@example.com',
      assigneeId: 'marco',
      groupId: '3',
      organizationId: null,
      tags: ['billing', 'vip'],
      customFields: { Contract: 'C-19' },
      createdAt: new Date('2026-03-02T08:00:00Z'),
      updatedAt: new Date('2026-03-02T09:30:00Z'),
      solvedAt: null,
      dueAt: null,
    });
    expect(Ticket.parse(ticket)).toEqual(ticket);
    const resolved = ticketFromRt(
      RtTicket.parse({
        ...ticketBody,
        Status: 'resolved',
        Owner: user('Nobody'),
        Resolved: '2026-03-02T10:00:00Z',
      }),
    );
    expect(resolved).toMatchObject({
      status: 'solved',
      assigneeId: null,
      solvedAt: new Date('2026-03-02T10:00:00Z'),
    });
  });

  it('refuses a ticket without a requestor or a readable creation time, naming the fields', () => {
    expect(() =>
      ticketFromRt(RtTicket.parse({ ...ticketBody, Requestor: [], Creator: null, Created: 'yesterday' })),
    ).toThrow(ValidationError);
    try {
      ticketFromRt(RtTicket.parse({ ...ticketBody, Requestor: [], Creator: null, Created: 'yesterday' }));
    } catch (error) {
      expect((error as ValidationError).issues.map((i) => i.path.join('.'))).toEqual([
        'Requestor',
        'Created',
      ]);
    }
  });

  it('maps statuses and priorities both ways, the canonical ones round-tripping (property)', () => {
    expect(['new', 'open', 'stalled', 'resolved', 'rejected', 'deleted'].map(statusFromRt)).toEqual([
      'new',
      'open',
      'pending',
      'solved',
      'closed',
      'deleted',
    ]);
    expect(statusFromRt('waiting-for-vendor')).toBe('waiting-for-vendor');
    for (const status of ['new', 'open', 'pending', 'solved'] as const)
      expect(statusFromRt(statusToRt(status))).toBe(status);
    fc.assert(
      fc.property(
        fc.constantFrom('low', 'normal', 'high', 'urgent'),
        (p) => priorityFromRt(priorityToRt(p)) === p,
      ),
    );
    fc.assert(
      fc.property(fc.integer({ min: -10, max: 300 }), (n) =>
        ['low', 'normal', 'high', 'urgent'].includes(priorityFromRt(String(n))),
      ),
    );
  });

  it('reads messages from transactions and their parts: opening message, replies, notes, files', () => {
    const attachments = [
      {
        id: '1',
        TransactionId: '10',
        ContentType: 'text/plain',
        Filename: '',
        Content: 'Help\n',
        ContentLength: '5',
      },
      { id: '2', TransactionId: '12', ContentType: 'multipart/mixed', Filename: '', Content: '' },
      { id: '3', TransactionId: '12', ContentType: 'text/plain', Filename: '', Content: 'Log attached' },
      {
        id: '4',
        TransactionId: '12',
        ContentType: 'text/plain',
        Filename: 'boot.log',
        Content: 'x',
        ContentLength: '812',
      },
      {
        id: '5',
        TransactionId: { type: 'transaction', id: '13' },
        ContentType: 'text/html',
        Filename: '',
        Content: '<p>Internal <b>note</b></p>',
      },
    ].map((a) => RtAttachment.parse(a));
    const context = { ticketId: '7', requesterId: 'ada@example.com', agents: new Set(['marco']) };
    const opening = messageFromRt(txn(10, 'Create'), attachments, context);
    expect(opening).toMatchObject({
      id: '10',
      authorId: 'ada@example.com',
      authorRole: 'end-user',
      public: true,
      body: 'Help',
    });
    const reply = messageFromRt(txn(12, 'Correspond', { Creator: user('marco') }), attachments, context);
    expect(reply).toMatchObject({
      authorId: 'marco',
      authorRole: 'agent',
      public: true,
      body: 'Log attached',
    });
    expect(reply.attachments).toEqual([
      { id: '4', fileName: 'boot.log', contentType: 'text/plain', size: 812 },
    ]);
    const note = messageFromRt(txn(13, 'Comment', { Creator: user('RT_System') }), attachments, context);
    expect(note).toMatchObject({
      public: false,
      authorRole: 'system',
      body: 'Internal note',
      html: '<p>Internal <b>note</b></p>',
    });
  });

  it('reads history: status, priority, owner (user numbers to names), queue, and tags replayed from now', () => {
    const events = eventsFromRt(
      '7',
      [
        txn(10, 'Create'),
        txn(11, 'Status', { Field: 'Status', OldValue: 'new', NewValue: 'open' }),
        txn(12, 'Set', { Field: 'Owner', OldValue: '6', NewValue: '29' }),
        txn(13, 'Set', { Field: 'Priority', OldValue: '50', NewValue: '80' }),
        txn(14, 'CustomField', { Field: '2', OldValue: '', NewValue: 'vip' }),
        txn(15, 'CustomField', { Field: '2', OldValue: 'login', NewValue: '' }),
        txn(16, 'Set', { Field: 'Queue', OldValue: '1', NewValue: '3' }),
        txn(17, 'Status', { Field: 'Status', OldValue: 'open', NewValue: 'resolved' }),
        txn(18, 'EmailRecord'),
      ],
      {
        currentTags: ['billing', 'vip'],
        tagsFieldId: '2',
        userNames: new Map([
          ['6', 'Nobody'],
          ['29', 'marco'],
        ]),
      },
    );
    expect(events.map((e) => [e.type, e.from, e.to])).toEqual([
      ['status', null, 'new'],
      ['status', 'new', 'open'],
      ['assignee', null, 'marco'],
      ['priority', 'normal', 'high'],
      ['tags', ['billing', 'login'], ['billing', 'login', 'vip']],
      ['tags', ['billing', 'login', 'vip'], ['billing', 'vip']],
      ['group', '1', '3'],
      ['status', 'open', 'solved'],
    ]);
  });

  it('maps users: customers keep every address, agents a valid one', () => {
    const ada = customerFromRt(
      RtUser.parse({
        id: 31,
        Name: 'ada@example.com',
        RealName: 'Ada',
        EmailAddress: 'ada@example.com',
        Lang: 'it',
        MobilePhone: '+390612345678',
        Created: '2026-01-01T00:00:00Z',
      }),
    );
    expect(ada).toMatchObject({ id: 'ada@example.com', name: 'Ada', language: 'it' });
    expect(ada.identities.map((i) => i.kind)).toEqual(['email', 'phone', 'external']);
    const local = customerFromRt(RtUser.parse({ id: 40, Name: 'ops', EmailAddress: 'ops@localhost' }), {
      createdAt: new Date('2026-02-01T00:00:00Z'),
    });
    expect(local.createdAt).toEqual(new Date('2026-02-01T00:00:00Z'));
    expect(local.identities[0]).toEqual({
      kind: 'handle',
      channel: 'email',
      value: 'ops@localhost',
      primary: false,
    });
    const root = agentFromRt(
      RtUser.parse({
        id: 14,
        Name: 'root',
        RealName: 'Enoch Root',
        EmailAddress: 'root@localhost',
        Disabled: '0',
      }),
    );
    expect(root).toMatchObject({ id: 'root', name: 'Enoch Root', active: true });
    expect(root.email).toBeUndefined();
  });

  it('reads phone fields as E.164 where they carry a country code, once each, and keeps the others as written', () => {
    const readings: [string, string | null][] = [
      ['+39 06 1234 5678', '+390612345678'],
      ['0039 (06) 1234-5678', '+390612345678'],
      ['+1 415.555.0134 ext. 7', '+14155550134;ext=7'],
      ['+44 20 7946 0958 x12', '+442079460958;ext=12'],
      ['+390612345678;ext=3', '+390612345678;ext=3'],
      ['06 1234 5678', null], // national: no country
      ['+39 06 CALL ME', null],
      ['+0 123 4567', null],
      ['++39 0612345678', null],
      ['', null],
    ];
    expect(readings.map(([text]) => [text, phoneIdentityFromRt(text)])).toEqual(readings);
    const wire = RtUser.parse({
      id: 41,
      Name: 'bea@example.com',
      EmailAddress: 'bea@example.com',
      MobilePhone: '+39 347 123 4567',
      WorkPhone: '0039 347 1234567', // the same number again
      HomePhone: '06 1234 5678',
      PagerPhone: '  ',
      Created: '2026-01-01T00:00:00Z',
    });
    expect(customerFromRt(wire).identities.map((i) => [i.kind, i.value])).toEqual([
      ['email', 'bea@example.com'],
      ['phone', '+393471234567'],
      ['handle', '06 1234 5678'],
      ['external', 'bea@example.com'],
    ]);
  });

  it('reads a phone text in time that does not grow with its length (a scan of at most 64 characters)', () => {
    const time = (n: number) => {
      const text = `+39 ${' '.repeat(n)}06 1234 5678`;
      const started = performance.now();
      for (let i = 0; i < 20; i++) expect(phoneIdentityFromRt(text)).toBeNull();
      return performance.now() - started;
    };
    time(1_000); // warm up
    for (const n of [250_000, 500_000, 1_000_000]) expect(time(n), `n = ${n}`).toBeLessThan(20);
    expect(phoneIdentityFromRt(`+39 ${' '.repeat(40)}0612345678`)).toBe('+390612345678');
  });

  it('builds create and update bodies', () => {
    expect(
      ticketCreateToRt(
        {
          subject: 'Printer',
          requesterId: 'ada@example.com',
          description: 'Smoke',
          priority: 'urgent',
          tags: ['hw'],
          status: 'open',
          customFields: { Contract: 'C-19', Seats: 4, Regions: ['eu', 'us'] },
        },
        'Support',
      ),
    ).toEqual({
      Queue: 'Support',
      Subject: 'Printer',
      Requestor: 'ada@example.com',
      Content: 'Smoke',
      ContentType: 'text/plain',
      Status: 'open',
      Priority: 100,
      CustomFields: { Contract: 'C-19', Seats: '4', Regions: ['eu', 'us'], Tags: ['hw'] },
    });
    expect(
      ticketPatchToRt({ status: 'pending', assigneeId: null, tags: [] }, { tagsField: 'Labels' }),
    ).toEqual({
      Status: 'stalled',
      Owner: 'Nobody',
      CustomFields: { Labels: [] },
    });
  });
});

describe('custom field names from RT are data, not object keys (prototype pollution)', () => {
  const hostile = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];

  it('keeps each as an own field both ways, and leaves Object.prototype alone', () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const wire = RtTicket.parse(
      JSON.parse(
        JSON.stringify({
          ...ticketBody,
          CustomFields: hostile.map((name, i) => ({
            type: 'customfield',
            id: String(i + 10),
            name,
            values: ['x'],
          })),
        }),
      ),
    );
    const ticket = ticketFromRt(wire);
    expect(Object.getPrototypeOf(ticket.customFields)).toBe(Object.prototype);
    expect(Object.keys(ticket.customFields).sort()).toEqual([...hostile].sort());
    expect(Ticket.parse(JSON.parse(JSON.stringify(ticket))).customFields).toEqual(ticket.customFields);
    const create = ticketCreateToRt(
      { subject: 's', requesterId: 'ada@example.com', customFields: ticket.customFields },
      'General',
    );
    expect(Object.keys(create.CustomFields ?? {}).sort()).toEqual([...hostile].sort());
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
  });
});
