/**
 * The one contract suite every adapter runs (DESIGN: test/contract runs ONE suite against every adapter). An
 * adapter test file calls `runContractSuite` with a factory that returns a fresh adapter seeded with `seed`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type AdapterCapabilities,
  type Checkpoint,
  type Customer,
  type Dataset,
  type DatasetRecord,
  FULL_CAPABILITIES,
  type HelpdeskAdapter,
  NotFoundError,
  parseDataset,
  RequestAbortedError,
  ValidationError,
} from '../../src/index.js';
import { jsonlFileSink, readJsonlRecords, recordKey, sync } from '../../src/sync/index.js';

const at = (minutes: number) => new Date(Date.parse('2026-03-02T08:00:00Z') + minutes * 60_000).toISOString();

/** A small, fixed helpdesk every adapter is seeded with. */
export const seed: Dataset = parseDataset({
  customers: [
    {
      id: '201',
      name: 'Ada',
      identities: [{ kind: 'email', value: 'ada@example.com' }],
      createdAt: at(-1000),
    },
    { id: '202', name: 'Bo', identities: [{ kind: 'email', value: 'bo@example.com' }], createdAt: at(-900) },
  ],
  agents: [{ id: '301', name: 'Marco', email: 'marco@support.example.com' }],
  groups: [{ id: '401', name: 'Billing' }],
  organizations: [{ id: '501', name: 'Acme', domains: ['acme.test'] }],
  tickets: Array.from({ length: 7 }, (_, i) => ({
    id: `${100 + i}`,
    subject: `Ticket ${i}`,
    status: i % 3 === 0 ? 'solved' : 'open',
    priority: 'normal',
    requesterId: i % 2 === 0 ? '201' : '202',
    tags: i % 2 === 0 ? ['billing'] : ['login', 'vip'],
    createdAt: at(i * 10),
    updatedAt: at(i * 10 + 5),
  })),
  messages: [
    {
      id: '601',
      ticketId: '100',
      authorId: '201',
      authorRole: 'end-user',
      public: true,
      body: 'Help',
      createdAt: at(0),
    },
    {
      id: '602',
      ticketId: '100',
      authorId: '301',
      authorRole: 'agent',
      public: true,
      body: 'On it',
      createdAt: at(5),
    },
  ],
  csat: [{ id: '701', ticketId: '100', customerId: '201', rating: 'good', createdAt: at(6) }],
  // Knowledge base: two sections, two locales, one article translated (same id, one record per locale).
  articles: [
    {
      id: '801',
      title: 'Reset your password',
      body: 'Open Settings → Security & choose Reset.',
      html: '<p>Open <b>Settings</b> → Security &amp; choose <i>Reset</i>.</p>',
      locale: 'en-us',
      labels: ['login', 'password'],
      sectionId: '901',
      sectionName: 'Accounts',
      authorId: '301',
      url: 'https://acme.zendesk.com/hc/en-us/articles/801',
      createdAt: at(-600),
      updatedAt: at(-300),
    },
    {
      id: '802',
      title: 'Invoices',
      body: 'Invoices arrive on the 1st.',
      html: '<p>Invoices arrive on the 1st.</p>',
      locale: 'en-us',
      labels: [],
      sectionId: '902',
      sectionName: 'Billing',
      draft: true,
      createdAt: at(-200),
      updatedAt: at(-200),
    },
    {
      id: '801',
      title: 'Reimpostare la password',
      body: 'Apri Impostazioni.',
      html: '<p>Apri Impostazioni.</p>',
      locale: 'it',
      labels: ['login'],
      sectionId: '901',
      sectionName: 'Account',
      outdated: true,
      createdAt: at(-600),
      updatedAt: at(-100),
    },
  ],
  // Two SLA policies whose order matters, the first with a condition no canonical ticket can settle.
  slaPolicies: [
    {
      id: '51',
      title: 'VIP incidents',
      position: 1,
      filter: {
        all: [{ field: 'type', operator: 'is', values: ['incident'] }],
        any: [
          { field: 'tags', operator: 'includesAny', values: ['vip'] },
          { field: 'priority', operator: 'greaterThan', values: ['normal'] },
        ],
        unmappedConditions: [{ group: 'all', field: 'brand_id', operator: 'is', value: '10001' }],
      },
      targets: [{ priority: 'urgent', metric: 'firstReply', minutes: 30, businessHours: false }],
    },
    {
      id: '52',
      title: 'Everyone else',
      position: 2,
      filter: { all: [{ field: 'groupId', operator: 'isNot', values: [null] }] },
      targets: [{ priority: 'normal', metric: 'resolution', minutes: 2880, businessHours: true }],
    },
  ],
});

/**
 * What an adapter test hands the suite: the adapter, and — for a real server that assigns its own ids — how
 * the seed's ids map to the ids the server gave the seeded records.
 */
export interface ContractSubject {
  adapter: HelpdeskAdapter;
  id?: (seedId: string) => string;
  /**
   * Whether the helpdesk has a place for tags. False for a Request Tracker as shipped (no ticket custom field to
   * hold them): the seed's tags are then lost on the way in, and the suite checks that every tag filter and tag
   * write is refused with an UnsupportedError instead of finding nothing or dropping them. @default true
   */
  tags?: boolean;
  /**
   * The most records of one kind a page of this adapter holds, as the test configured it (the memory adapter's
   * `pageSize`, a vendor's page size): no change batch may carry more people of one kind. @default 100
   */
  pageSize?: number;
}

const collect = async <T>(items: AsyncIterable<T>) => {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
};

export function runContractSuite(
  name: string,
  make: () => Promise<HelpdeskAdapter | ContractSubject> | HelpdeskAdapter | ContractSubject,
) {
  const subject = async (): Promise<Required<ContractSubject>> => {
    const made = await make();
    const defaults = { id: (seedId: string) => seedId, tags: true, pageSize: 100 };
    return 'adapter' in made ? { ...defaults, ...made } : { ...defaults, adapter: made };
  };
  describe(`contract: ${name}`, () => {
    it('declares its capabilities and throws UnsupportedError, naming itself, for what it lacks', async () => {
      const { adapter } = await subject();
      expect(adapter.name).toBe(name);
      // Every capability the contract defines is declared, as a boolean.
      const shape = (c: object): unknown =>
        Object.fromEntries(
          Object.entries(c).map(([k, v]) => [k, typeof v === 'object' ? shape(v) : typeof v]),
        );
      expect(shape(adapter.capabilities)).toEqual(shape(FULL_CAPABILITIES));
      // A survey kind marked false throws UnsupportedError naming the adapter; one marked true lists.
      for (const [kind, list] of [
        ['csat', () => collect(adapter.surveys.listCsat())],
        ['nps', () => collect(adapter.surveys.listNps())],
      ] as const) {
        if (adapter.capabilities.surveys[kind]) await expect(list()).resolves.toBeInstanceOf(Array);
        else await expect(list()).rejects.toMatchObject({ name: 'UnsupportedError', adapter: name });
      }
    });

    it('lists every ticket, page by page, and filters by status, tags and update time', async () => {
      const { adapter, id, tags } = await subject();
      const all = await collect(adapter.tickets.list());
      expect(all.map((t) => t.id).sort()).toEqual(seed.tickets.map((t) => id(t.id)).sort());
      const solved = await collect(adapter.tickets.list({ status: ['solved'] }));
      expect(solved.map((t) => t.id).sort()).toEqual([id('100'), id('103'), id('106')].sort());
      if (tags) {
        const vip = await collect(adapter.tickets.list({ tags: ['login', 'vip'] }));
        expect(vip.map((t) => t.id).sort()).toEqual([id('101'), id('103'), id('105')].sort());
      } else {
        expect(all.flatMap((t) => t.tags)).toEqual([]);
        await expect(collect(adapter.tickets.list({ tags: ['vip'] }))).rejects.toMatchObject({
          name: 'UnsupportedError',
          operation: expect.stringContaining('tags'),
        });
      }
      const recent = await collect(adapter.tickets.list({ updatedSince: new Date(at(45)) }));
      expect(recent.map((t) => t.id).sort()).toEqual([id('104'), id('105'), id('106')].sort());
    });

    it('takes list filters in every form the models take, and names a bad filter', async () => {
      const { adapter, id, tags } = await subject();
      const ids = async (filter: Parameters<HelpdeskAdapter['tickets']['list']>[0]) =>
        (await collect(adapter.tickets.list(filter))).map((t) => t.id).sort();
      const solved = [id('100'), id('103'), id('106')].sort();
      expect(await ids({ status: 'solved' })).toEqual(solved);
      if (tags) expect(await ids({ tags: 'vip', status: ['open'] })).toEqual([id('101'), id('105')].sort());
      else
        await expect(ids({ tags: 'vip', status: ['open'] })).rejects.toMatchObject({
          name: 'UnsupportedError',
        });
      const recent = [id('104'), id('105'), id('106')].sort();
      expect(await ids({ updatedSince: at(45) })).toEqual(recent);
      expect(await ids({ updatedSince: '2026-03-02T09:45:00+01:00' })).toEqual(recent);
      expect(await ids({ updatedSince: Date.parse(at(45)) })).toEqual(recent);
      const refused = async (filter: unknown, name: string, hint?: RegExp) => {
        const error = await collect(adapter.tickets.list(filter as never)).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error, JSON.stringify(filter)).toBeInstanceOf(ValidationError);
        expect((error as ValidationError).issues.map((i) => i.path[0])).toContain(name);
        if (hint) expect((error as ValidationError).message).toMatch(hint);
      };
      await refused({ updatedSince: '2026-03-01' }, 'updatedSince', /offset/);
      await refused({ updatedSince: '2026-03-01T10:00:00' }, 'updatedSince', /offset/);
      await refused({ updatedSince: 'yesterday' }, 'updatedSince');
      await refused({ updatedSince: {} }, 'updatedSince');
      await refused({ status: 5 }, 'status');
      await refused({ status: [''] }, 'status');
      await refused({ tags: [7] }, 'tags');
      await refused({ statuses: ['open'] }, 'statuses');
      const since = await collect(adapter.surveys.listCsat({ since: 'last week' } as never)).catch((e) => e);
      expect(since).toBeInstanceOf(adapter.capabilities.surveys.csat ? ValidationError : Error);
    });

    it('answers garbage arguments to any method with a ValidationError naming the argument', async () => {
      const { adapter, id } = await subject();
      const message = { public: true, body: 'x' };
      // [call, the argument the error must name]
      const calls: [string, () => Promise<unknown> | AsyncIterable<unknown>, string][] = [
        ['tickets.get(undefined)', () => adapter.tickets.get(undefined as never), 'id'],
        ['tickets.get({})', () => adapter.tickets.get({} as never), 'id'],
        ['tickets.get(42)', () => adapter.tickets.get(42 as never), 'id'],
        ['tickets.get("")', () => adapter.tickets.get(''), 'id'],
        ['tickets.get(id, "fast")', () => adapter.tickets.get(id('100'), 'fast' as never), 'options'],
        [
          'tickets.get(id, {timeoutMs})',
          () => adapter.tickets.get(id('100'), { timeoutMs: 'x' as never }),
          'options',
        ],
        ['tickets.list("open")', () => adapter.tickets.list('open' as never), 'filter'],
        ['tickets.create(undefined)', () => adapter.tickets.create(undefined as never), 'input'],
        ['tickets.create("x")', () => adapter.tickets.create('x' as never), 'input'],
        ['tickets.create({})', () => adapter.tickets.create({} as never), 'subject'],
        [
          'tickets.create(input, {idempotencyKey: 1})',
          () =>
            adapter.tickets.create({ subject: 's', requesterId: id('201') }, { idempotencyKey: 1 as never }),
          'options',
        ],
        ['tickets.update(undefined, patch)', () => adapter.tickets.update(undefined as never, {}), 'id'],
        [
          'tickets.update(id, undefined)',
          () => adapter.tickets.update(id('101'), undefined as never),
          'patch',
        ],
        [
          'tickets.update(id, {status: 5})',
          () => adapter.tickets.update(id('101'), { status: 5 as never }),
          'status',
        ],
        [
          'tickets.addMessage(undefined, m)',
          () => adapter.tickets.addMessage(undefined as never, message),
          'ticketId',
        ],
        [
          'tickets.addMessage(id, undefined)',
          () => adapter.tickets.addMessage(id('102'), undefined as never),
          'input',
        ],
        ['tickets.addMessage(id, {})', () => adapter.tickets.addMessage(id('102'), {} as never), 'body'],
        [
          'tickets.listMessages(undefined)',
          () => adapter.tickets.listMessages(undefined as never),
          'ticketId',
        ],
        ['tickets.listEvents({})', () => adapter.tickets.listEvents({} as never), 'ticketId'],
        ['customers.get({})', () => adapter.customers.get({} as never), 'id'],
        [
          'customers.findByEmail(undefined)',
          () => adapter.customers.findByEmail(undefined as never),
          'email',
        ],
        ['customers.list("x")', () => adapter.customers.list('x' as never), 'filter'],
        ['customers.create(undefined)', () => adapter.customers.create(undefined as never), 'input'],
        ['customers.update(undefined, {})', () => adapter.customers.update(undefined as never, {}), 'id'],
        ['agents.get(undefined)', () => adapter.agents.get(undefined as never), 'id'],
        ['groups.get({})', () => adapter.groups.get({} as never), 'id'],
        ['organizations.get(undefined)', () => adapter.organizations.get(undefined as never), 'id'],
        ['surveys.listCsat(7)', () => adapter.surveys.listCsat(7 as never), 'filter'],
        ['surveys.listNps("x")', () => adapter.surveys.listNps('x' as never), 'filter'],
        ['articles.get(undefined)', () => adapter.articles.get(undefined as never), 'id'],
        ['articles.list([])', () => adapter.articles.list([] as never), 'filter'],
        ['changes("x")', () => adapter.changes('x' as never), 'checkpoint'],
        ['changes({})', () => adapter.changes({} as never), 'checkpoint'],
        ['agents.list({signal: 1})', () => adapter.agents.list({ signal: 1 as never }), 'options'],
      ];
      for (const [label, call, argument] of calls) {
        let error: unknown;
        try {
          const result = call();
          if (Symbol.asyncIterator in Object(result)) await collect(result as AsyncIterable<unknown>);
          else await result;
        } catch (e) {
          error = e;
        }
        expect(error, label).toBeInstanceOf(ValidationError);
        expect(
          (error as ValidationError).issues.map((i) => i.path[0]),
          label,
        ).toContain(argument);
      }
    });

    it('gets a ticket, or throws NotFoundError', async () => {
      const { adapter, id } = await subject();
      expect((await adapter.tickets.get(id('102'))).subject).toBe('Ticket 2');
      await expect(adapter.tickets.get('999999')).rejects.toBeInstanceOf(NotFoundError);
    });

    it('creates a ticket once per idempotency key, and validates the input', async () => {
      const { adapter, id, tags } = await subject();
      const input = {
        subject: 'Printer on fire',
        description: 'Smoke!',
        requesterId: id('201'),
        tags: tags ? ['hardware'] : [],
      };
      if (!tags) {
        // Tags with nowhere to go are refused before anything is written.
        await expect(adapter.tickets.create({ ...input, tags: ['hardware'] })).rejects.toMatchObject({
          name: 'UnsupportedError',
          operation: expect.stringContaining('tags'),
        });
        expect((await collect(adapter.tickets.list())).filter((t) => t.subject === input.subject)).toEqual(
          [],
        );
      }
      const first = await adapter.tickets.create(input, { idempotencyKey: 'create-1' });
      const again = await adapter.tickets.create(input, { idempotencyKey: 'create-1' });
      expect(again.id).toBe(first.id);
      expect(first).toMatchObject({
        subject: 'Printer on fire',
        status: 'new',
        requesterId: id('201'),
        tags: input.tags,
      });
      const all = await collect(adapter.tickets.list());
      expect(all.filter((t) => t.subject === 'Printer on fire')).toHaveLength(1);
      const messages = await collect(adapter.tickets.listMessages(first.id));
      expect(messages[0]).toMatchObject({ body: 'Smoke!', authorId: id('201'), public: true });
      await expect(adapter.tickets.create({ subject: '', requesterId: id('201') })).rejects.toBeInstanceOf(
        ValidationError,
      );
    });

    it('creates a ticket for a requester given by e-mail: the customer is found, or made once', async () => {
      const { adapter, id } = await subject();
      expect(adapter.capabilities.tickets.requesterByEmail).toBe(true);
      const known = await adapter.tickets.create({
        subject: 'Order missing',
        description: 'Where is it?',
        requester: { email: 'ada@example.com' },
      });
      // An adapter with customers resolves the address to the seeded customer; Trello keeps the address.
      expect(known.requesterId).toBe(
        adapter.capabilities.customers.findByEmail ? id('201') : 'ada@example.com',
      );
      // A fresh address per run: a real server keeps its users from one run to the next.
      const address = `new.person.${Math.random().toString(36).slice(2, 10)}@example.com`;
      const input = {
        subject: 'Web form',
        description: 'Hello from the form',
        requester: { email: address, name: 'New Person' },
      };
      const fresh = await adapter.tickets.create(input);
      // A retry without an idempotency key (and in another case) finds the customer the first call made.
      const retried = await adapter.tickets.create({
        ...input,
        requester: { email: address.replace('new.person', 'New.Person') },
      });
      expect(retried.id).not.toBe(fresh.id);
      expect(retried.requesterId.toLowerCase()).toBe(fresh.requesterId.toLowerCase());
      const opening = await collect(adapter.tickets.listMessages(fresh.id));
      expect(opening[0]).toMatchObject({ body: 'Hello from the form', authorId: fresh.requesterId });
      if (adapter.capabilities.customers.findByEmail) {
        const customer = await adapter.customers.findByEmail(address);
        expect(customer?.id).toBe(fresh.requesterId);
        expect(customer?.name).toBe('New Person');
      }
      // Exactly one of requesterId and requester.
      for (const bad of [
        { subject: 'Both', requesterId: id('201'), requester: { email: 'ada@example.com' } },
        { subject: 'Neither' },
        { subject: 'Not an address', requester: { email: 'ada' } },
      ])
        await expect(adapter.tickets.create(bad as never)).rejects.toMatchObject({
          name: 'ValidationError',
          message: expect.stringMatching(/requester/),
        });
    });

    it('updates a ticket and records the change in its history', async () => {
      const { adapter, id, tags } = await subject();
      if (!tags)
        await expect(
          adapter.tickets.update(id('101'), { status: 'solved', tags: ['login'] }),
        ).rejects.toMatchObject({ name: 'UnsupportedError', operation: expect.stringContaining('tags') });
      const updated = await adapter.tickets.update(id('101'), {
        status: 'solved',
        priority: 'high',
        ...(tags ? { tags: ['login'] } : {}),
      });
      expect(updated).toMatchObject({ status: 'solved', priority: 'high', tags: tags ? ['login'] : [] });
      const events = await collect(adapter.tickets.listEvents(id('101')));
      expect(events.map((e) => [e.type, e.from, e.to])).toEqual(
        expect.arrayContaining([
          ['status', 'open', 'solved'],
          ...(tags ? [['tags', ['login', 'vip'], ['login']]] : []),
        ]),
      );
      // The refused update above changed nothing: the status changed once.
      expect(events.filter((e) => e.type === 'status' && e.to === 'solved')).toHaveLength(1);
      // From the seed's normal, or from none where a helpdesk has no "normal" to show (Trello: no label).
      const priority = events.find((e) => e.type === 'priority' && e.to === 'high');
      expect(['normal', null]).toContain(priority?.from);
      await expect(adapter.tickets.update('999999', { status: 'open' })).rejects.toBeInstanceOf(
        NotFoundError,
      );
    });

    it('adds public replies and private notes', async () => {
      const { adapter, id } = await subject();
      await adapter.tickets.addMessage(id('102'), {
        authorId: id('301'),
        authorRole: 'agent',
        public: false,
        body: 'internal',
      });
      await adapter.tickets.addMessage(id('102'), {
        authorId: id('301'),
        authorRole: 'agent',
        public: true,
        body: 'Fixed',
      });
      const messages = await collect(adapter.tickets.listMessages(id('102')));
      expect(messages.map((m) => [m.public, m.body])).toEqual([
        [false, 'internal'],
        [true, 'Fixed'],
      ]);
    });

    it('adds a message as the authenticated agent when no author is given', async () => {
      const { adapter, id } = await subject();
      const added = await adapter.tickets.addMessage(id('104'), { public: true, body: 'Looking into it' });
      expect(added).toMatchObject({ authorRole: 'agent', public: true, body: 'Looking into it' });
      expect(added.authorId).toEqual(expect.any(String));
      const messages = await collect(adapter.tickets.listMessages(id('104')));
      expect(messages.at(-1)).toMatchObject({
        authorId: added.authorId,
        authorRole: 'agent',
        body: 'Looking into it',
      });
      // An end user cannot be the default author: naming the role without the author is refused.
      await expect(
        adapter.tickets.addMessage(id('104'), { authorRole: 'end-user', public: true, body: 'Hi' }),
      ).rejects.toMatchObject({ name: 'ValidationError', message: expect.stringMatching(/authorId/) });
    });

    it('attaches files to a new message', async () => {
      const { adapter, id } = await subject();
      const data = new TextEncoder().encode('error 42 at boot');
      const message = await adapter.tickets.addMessage(id('103'), {
        authorId: id('301'),
        authorRole: 'agent',
        public: true,
        body: 'Log attached',
        attachments: [{ fileName: 'boot.log', contentType: 'text/plain', data }],
      });
      expect(message.attachments).toEqual([
        expect.objectContaining({ fileName: 'boot.log', contentType: 'text/plain', size: data.byteLength }),
      ]);
    });

    it('finds, creates and updates customers', async () => {
      const { adapter, id } = await subject();
      if (!adapter.capabilities.customers.findByEmail) {
        await expect(adapter.customers.findByEmail('ada@example.com')).rejects.toMatchObject({
          name: 'UnsupportedError',
          adapter: name,
        });
        return;
      }
      expect((await adapter.customers.findByEmail('ADA@example.com'))?.id).toBe(id('201'));
      expect(await adapter.customers.findByEmail('nobody@example.com')).toBeNull();
      const created = await adapter.customers.create(
        { name: 'Cy', email: 'cy@example.com' },
        { idempotencyKey: 'cy' },
      );
      expect((await adapter.customers.get(created.id)).name).toBe('Cy');
      const updated = await adapter.customers.update(created.id, { language: 'it' });
      expect(updated.language).toBe('it');
      await expect(adapter.customers.get('999999')).rejects.toBeInstanceOf(NotFoundError);
    });

    it('appends signed customer notes where the helpdesk keeps them, and never rewrites them', async () => {
      const { adapter, id } = await subject();
      const note = { authorId: id('301'), authorName: 'Marco', body: 'Call back after 5 pm', at: at(60) };
      if (!adapter.capabilities.customers.notes) {
        await expect(adapter.customers.addNote(id('201'), note)).rejects.toMatchObject({
          name: 'UnsupportedError',
          adapter: name,
        });
        return;
      }
      const added = await adapter.customers.addNote(id('201'), note);
      expect(added).toMatchObject({ authorId: id('301'), body: 'Call back after 5 pm' });
      // An edit is a new signed revision of the same note: the body changes, the first signature stays.
      const edited = await adapter.customers.addNote(id('201'), {
        ...note,
        id: added.id,
        authorId: id('301'),
        body: 'Call back after 6 pm',
        at: at(90),
      });
      expect(edited).toMatchObject({ id: added.id, body: 'Call back after 6 pm' });
      expect(edited.createdAt).toEqual(new Date(at(60)));
      expect(edited.updatedAt).toEqual(new Date(at(90)));
      const stored = (await adapter.customers.get(id('201'))).notes.filter((n) => n.id === added.id);
      expect(stored).toEqual([edited]);
      // History only grows forward, and an unsigned note is refused before anything is sent.
      await expect(
        adapter.customers.addNote(id('201'), { ...note, id: added.id, at: at(30) }),
      ).rejects.toBeInstanceOf(ValidationError);
      await expect(
        adapter.customers.addNote(id('201'), { body: 'unsigned', at: at(99) } as never),
      ).rejects.toBeInstanceOf(ValidationError);
    });

    it('lists agents, groups, organizations and surveys', async () => {
      const { adapter, id } = await subject();
      // A real helpdesk has other agents too (its administrators): the seeded one must be among them.
      expect((await collect(adapter.agents.list())).map((a) => a.id)).toContain(id('301'));
      if (adapter.capabilities.groups) expect((await adapter.groups.get(id('401'))).name).toBe('Billing');
      else await expect(adapter.groups.get(id('401'))).rejects.toMatchObject({ name: 'UnsupportedError' });
      if (adapter.capabilities.organizations)
        expect((await collect(adapter.organizations.list())).map((o) => o.name)).toEqual(['Acme']);
      if (adapter.capabilities.surveys.csat)
        expect(await collect(adapter.surveys.listCsat())).toHaveLength(1);
    });

    it('lists knowledge-base articles in every locale, gets one, and validates the id before asking', async () => {
      const { adapter, id } = await subject();
      if (!adapter.capabilities.articles) {
        await expect(collect(adapter.articles.list())).rejects.toMatchObject({
          name: 'UnsupportedError',
          adapter: name,
        });
        await expect(adapter.articles.get('1')).rejects.toMatchObject({
          name: 'UnsupportedError',
          adapter: name,
        });
        return;
      }
      const listed = await collect(adapter.articles.list());
      const key = (a: { id: string; locale: string }) => `${a.id}/${a.locale}`;
      expect(listed.map(key).sort()).toEqual(seed.articles.map((a) => key({ ...a, id: id(a.id) })).sort());
      for (const want of seed.articles) {
        const got = listed.find((a) => key(a) === key({ ...want, id: id(want.id) }))!;
        expect(got).toMatchObject({
          title: want.title,
          body: want.body,
          html: want.html,
          labels: want.labels,
          sectionId: want.sectionId,
          sectionName: want.sectionName,
          draft: want.draft,
          ...(want.url ? { url: want.url } : {}),
        });
        expect(got.updatedAt).toEqual(want.updatedAt);
        expect(Boolean(got.outdated)).toBe(Boolean(want.outdated));
      }
      const one = await adapter.articles.get(id('802'));
      expect(one).toMatchObject({ title: 'Invoices', sectionName: 'Billing', draft: true });
      const recent = await collect(adapter.articles.list({ since: new Date(at(-300)) }));
      expect(recent.map((a) => a.id)).toEqual([id('802')]);
      await expect(adapter.articles.get('999999')).rejects.toBeInstanceOf(NotFoundError);
      await expect(adapter.articles.get('')).rejects.toBeInstanceOf(ValidationError);
      await expect(adapter.articles.get({} as unknown as string)).rejects.toMatchObject({
        name: 'ValidationError',
        issues: [expect.objectContaining({ path: ['id'] })],
      });
    });

    it('lists SLA policies with their conditions, including those kept aside', async () => {
      const { adapter } = await subject();
      if (!adapter.capabilities.slaPolicies) {
        await expect(collect(adapter.slaPolicies.list())).rejects.toMatchObject({
          name: 'UnsupportedError',
          adapter: name,
        });
        return;
      }
      const policies = await collect(adapter.slaPolicies.list());
      const conditions = (p: (typeof policies)[number]) => ({
        all: p.filter.all ?? [],
        any: p.filter.any ?? [],
        unmapped: p.filter.unmappedConditions ?? [],
      });
      expect(policies.map((p) => [p.title, p.position, conditions(p), p.targets])).toEqual(
        seed.slaPolicies.map((p) => [p.title, p.position, conditions(p), p.targets]),
      );
    });

    it('feeds changes with a resumable checkpoint: restarting from any checkpoint ends with the same records', async () => {
      const { adapter, id } = await subject();
      const whole = (await collect(adapter.changes(null))).flatMap((b) => b.records);
      // Every seeded ticket is in the feed (a ticket changed again may come again: the sink de-duplicates).
      const fed = whole.filter((r) => r.kind === 'tickets').map((r) => (r.value as { id: string }).id);
      expect(new Set(fed)).toEqual(new Set(seed.tickets.map((t) => id(t.id))));
      const batches = await collect(adapter.changes(null));
      // What a sink keeps: each record version (recordKey) once, in the order first sent. A feed may send a
      // version again after a restart (Trello's members, sent in full each run): the sink drops it.
      const versions = (records: DatasetRecord[]) => {
        const seen = new Set<string>();
        return records.filter((r) => !seen.has(recordKey(r)) && Boolean(seen.add(recordKey(r))));
      };
      for (const [index, batch] of batches.entries()) {
        const before = batches.slice(0, index + 1).flatMap((b) => b.records);
        const after = (await collect(adapter.changes(batch.checkpoint))).flatMap((b) => b.records);
        expect(versions([...before, ...after])).toEqual(versions(whole));
      }
      await adapter.tickets.update(id('100'), { status: 'open' });
      const last = batches[batches.length - 1]!.checkpoint;
      const next = (await collect(adapter.changes(last))).flatMap((b) => b.records);
      expect(next.filter((r) => r.kind === 'tickets').map((r) => (r.value as { id: string }).id)).toEqual([
        id('100'),
      ]);
    });

    peopleInTheFeed(subject);
  });
}

/** The people kinds, each with the capability that says the adapter lists them, and its list. */
const PEOPLE = [
  ['customers', (c: AdapterCapabilities) => c.customers.list, (a: HelpdeskAdapter) => a.customers.list()],
  ['agents', (c: AdapterCapabilities) => c.agents, (a: HelpdeskAdapter) => a.agents.list()],
  ['groups', (c: AdapterCapabilities) => c.groups, (a: HelpdeskAdapter) => a.groups.list()],
  [
    'organizations',
    (c: AdapterCapabilities) => c.organizations,
    (a: HelpdeskAdapter) => a.organizations.list(),
  ],
] as const;
const PERSON_KINDS: ReadonlySet<string> = new Set(PEOPLE.map(([kind]) => kind));

const idOf = (record: DatasetRecord) => (record.value as { id: string }).id;
const personKey = (kind: string, id: string) => `${kind}\u0000${id}`;
/** The last version of each person a list of records carries, by kind and id. */
const latestPeople = (records: readonly DatasetRecord[]) => {
  const latest = new Map<string, { id: string; name?: string }>();
  for (const r of records)
    if (PERSON_KINDS.has(r.kind)) latest.set(personKey(r.kind, idOf(r)), r.value as { id: string });
  return latest;
};
/** A customer's identities, each with everything it says (kind, channel or adapter, value, primary), in order. */
const identities = (customer: Customer) =>
  customer.identities
    .map((i) =>
      JSON.stringify([
        i.kind,
        'channel' in i ? i.channel : 'adapter' in i ? i.adapter : '',
        i.value,
        i.primary,
      ]),
    )
    .sort();

/**
 * "The change feed carries the people": what every adapter's `changes()` owes the people it can list, driven by
 * its capabilities only. To pass, an adapter's feed must
 *
 * - from a null checkpoint, carry every record its `customers.list()` (when `capabilities.customers.list`),
 *   `agents.list()` (`capabilities.agents`), `groups.list()` (`groups`) and `organizations.list()`
 *   (`organizations`) returns, as `customers`, `agents`, `groups` and `organizations` records — customers with
 *   the same identities (e-mails, phones, handles, external ids), name, `deleted` and `mergedIntoId` as listed —
 *   and no record of a kind it cannot list;
 * - carry no more people of one kind in a batch than one page (`ContractSubject.pageSize`): it holds a page, not
 *   the directory;
 * - resume from any checkpoint it wrote with nothing missing, so that `sync()` into `jsonlFileSink`, killed after
 *   any batch (`onCheckpoint` throwing, or the `signal` aborted) and resumed from the saved checkpoint, leaves
 *   each record version exactly once in the file and every version an uninterrupted run writes. Versions are
 *   `recordKey`s: set `updatedAt` from the vendor wherever it has one; a vendor that cannot list people
 *   incrementally sends them in full each run, and the sink drops the unchanged ones;
 * - stop before its next batch once the `signal` it was given has aborted, with RequestAbortedError;
 * - after `customers.update` (when `capabilities.customers.update` and `list`), carry the new version of that
 *   customer from the last checkpoint of a finished run: a person changed later arrives again.
 */
function peopleInTheFeed(subject: () => Promise<Required<ContractSubject>>) {
  describe('the change feed carries the people', () => {
    const dir = mkdtempSync(join(tmpdir(), 'supportkit-contract-people-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    let files = 0;
    const file = () => join(dir, `people-${++files}.jsonl`);
    const versionsIn = async (path: string) => {
      const keys: string[] = [];
      const people = new Map<string, DatasetRecord>();
      for await (const batch of readJsonlRecords(path))
        for (const record of batch) {
          keys.push(recordKey(record));
          if (PERSON_KINDS.has(record.kind)) people.set(personKey(record.kind, idOf(record)), record);
        }
      return { keys, people };
    };

    it('carries every customer, agent, group and organization it lists, customers with their identities, a page a batch at most', async () => {
      const { adapter, pageSize } = await subject();
      const { capabilities } = adapter;
      if (capabilities.customers.create) {
        // A customer with an e-mail and a phone (fresh per run: a real server keeps its users).
        const tag = Math.random().toString().slice(2, 10).padEnd(8, '0');
        await adapter.customers.create({
          name: 'Dee Phone',
          email: `people.${tag}@example.com`,
          phone: `+3906${tag}`,
        });
      }
      const batches = await collect(adapter.changes(null));
      for (const [index, batch] of batches.entries())
        for (const kind of PERSON_KINDS)
          expect(
            batch.records.filter((r) => r.kind === kind).length,
            `${kind} in batch ${index + 1}`,
          ).toBeLessThanOrEqual(pageSize);
      const records = batches.flatMap((b) => b.records);
      const fed = latestPeople(records);
      for (const [kind, can, list] of PEOPLE) {
        const carried = records.filter((r) => r.kind === kind);
        if (!can(capabilities)) {
          expect(carried, `${kind}: the adapter cannot list them`).toEqual([]);
          continue;
        }
        const listed = await collect<{ id: string; name: string }>(list(adapter));
        expect(listed.length, `${kind} listed`).toBeGreaterThan(0);
        for (const person of listed) {
          const got = fed.get(personKey(kind, person.id));
          expect(got, `${kind} ${person.id} in the feed`).toBeDefined();
          expect(got!.name, `${kind} ${person.id}`).toBe(person.name);
          if (kind === 'customers') {
            const [want, have] = [person as Customer, got as Customer];
            expect(identities(have), `customer ${person.id}`).toEqual(identities(want));
            expect([have.deleted, have.mergedIntoId]).toEqual([want.deleted, want.mergedIntoId]);
          }
        }
      }
    });

    it('killed after any batch (onCheckpoint throwing, or the signal aborted) and resumed, writes each version once and misses none', async () => {
      const { adapter } = await subject();
      const reference = file();
      const sink = jsonlFileSink(reference);
      const { batches: total } = await sync(adapter, { sink }).finally(() => sink.close());
      const expected = await versionsIn(reference);
      for (const [kind, can] of PEOPLE)
        if (can(adapter.capabilities))
          expect(
            [...expected.people.keys()].some((k) => k.startsWith(`${kind}\u0000`)),
            kind,
          ).toBe(true);
      const middle = Math.ceil(total / 2);
      const runs: Array<[number, 'throw' | 'abort']> = [
        [1, 'throw'],
        [middle, 'throw'],
        [total, 'throw'],
        [middle, 'abort'],
      ];
      for (const [killAfter, how] of runs) {
        const label = `${how} after batch ${killAfter} of ${total}`;
        const path = file();
        const controller = new AbortController();
        let saved: Checkpoint | null = null;
        let batches = 0;
        const first = jsonlFileSink(path);
        const outcome = await sync(adapter, {
          sink: first,
          signal: controller.signal,
          onCheckpoint: (checkpoint) => {
            saved = checkpoint;
            if (++batches !== killAfter) return;
            if (how === 'throw') throw new Error('killed');
            controller.abort();
          },
        })
          .then(() => 'finished')
          .catch((error: unknown) => error)
          .finally(() => first.close());
        if (how === 'throw') expect((outcome as Error).message, label).toBe('killed');
        // Aborted, the feed stops before its next batch; after its last one the sync has simply finished.
        else if (killAfter < total) expect(outcome, label).toBeInstanceOf(RequestAbortedError);
        expect(batches, label).toBe(killAfter);
        const second = jsonlFileSink(path);
        await sync(adapter, { sink: second, checkpoint: saved }).finally(() => second.close());
        const { keys } = await versionsIn(path);
        expect(keys.length, `${label}: each version once`).toBe(new Set(keys).size);
        expect(new Set(keys), `${label}: nothing missing`).toEqual(new Set(expected.keys));
      }
    });

    it('carries a customer changed later from the last checkpoint, and the sync writes the new version once', async () => {
      const { adapter, id } = await subject();
      const { customers } = adapter.capabilities;
      if (!customers.update)
        await expect(adapter.customers.update(id('201'), { name: 'Ada Lovelace' })).rejects.toMatchObject({
          name: 'UnsupportedError',
        });
      if (!customers.list || !customers.update) return;
      const path = file();
      let saved: Checkpoint | null = null;
      const run = async () => {
        const sink = jsonlFileSink(path);
        await sync(adapter, {
          sink,
          checkpoint: saved,
          onCheckpoint: (checkpoint) => {
            saved = checkpoint;
          },
        }).finally(() => sink.close());
        return versionsIn(path);
      };
      const before = await run();
      const old = before.people.get(personKey('customers', id('201')))?.value as Customer;
      expect(old, 'customer 201 in the file').toBeDefined();
      expect(old.name).toBe('Ada');
      await adapter.customers.update(id('201'), { name: 'Ada Lovelace' });
      const next = (await collect(adapter.changes(saved))).flatMap((b) => b.records);
      expect(latestPeople(next).get(personKey('customers', id('201')))).toMatchObject({
        name: 'Ada Lovelace',
      });
      const after = await run();
      expect(after.people.get(personKey('customers', id('201')))?.value).toMatchObject({
        name: 'Ada Lovelace',
        identities: old.identities,
      });
      expect(after.keys.length).toBe(new Set(after.keys).size);
      // Both versions are in the file, each once; a run with nothing changed writes no person again.
      const versionsOf201 = (keys: string[]) => keys.filter((k) => k.startsWith(`customers:${id('201')}:`));
      expect(versionsOf201(after.keys)).toHaveLength(versionsOf201(before.keys).length + 1);
      const again = await run();
      expect(again.keys.filter((k) => PERSON_KINDS.has(k.split(':')[0]!))).toEqual(
        after.keys.filter((k) => PERSON_KINDS.has(k.split(':')[0]!)),
      );
    });
  });
}
