import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { slaPolicyFromZendesk } from '../../src/adapters/zendesk/map/index.js';
import { ZendeskSlaPolicy } from '../../src/adapters/zendesk/wire.js';
import {
  MetricsReport,
  matchSlaPolicy,
  parseDataset,
  parseSlaPolicy,
  parseTicket,
  type SlaCondition,
  type SlaPolicy,
  type SlaPolicyInput,
  selectSlaPolicy,
  summarize,
  summaryAccumulator,
  type Ticket,
} from '../../src/index.js';

// The vendor's own examples (copied from the Zendesk OpenAPI description; see the file's _source).
const fixtures = JSON.parse(
  readFileSync(new URL('../fixtures/zendesk-sla-policies.json', import.meta.url), 'utf8'),
) as Record<string, { sla_policies?: unknown[]; sla_policy?: unknown }>;

const at = (minutes: number) => new Date(Date.parse('2026-03-02T08:00:00Z') + minutes * 60_000).toISOString();
const ticket = (extra: Record<string, unknown> = {}): Ticket =>
  parseTicket({
    id: 't1',
    subject: 'Help',
    status: 'open',
    requesterId: '11',
    createdAt: at(0),
    updatedAt: at(0),
    ...extra,
  });
const policy = (id: string, position: number, filter: SlaPolicyInput['filter'], minutes = 60): SlaPolicy =>
  parseSlaPolicy({
    id,
    title: id,
    position,
    filter,
    targets: ['low', 'normal', 'high', 'urgent'].map((priority) => ({
      priority,
      metric: 'firstReply',
      minutes,
      businessHours: false,
    })),
  });

describe('matchSlaPolicy', () => {
  it('applies all and any as Zendesk does: every all condition, at least one any condition', () => {
    const p = policy('p', 0, {
      all: [{ field: 'type', operator: 'is', values: ['incident'] }],
      any: [
        { field: 'priority', operator: 'greaterThan', values: ['normal'] },
        { field: 'tags', operator: 'includesAny', values: ['vip', 'gold'] },
      ],
    });
    expect(matchSlaPolicy(p, ticket({ type: 'incident', priority: 'high' }))).toBe('match');
    expect(matchSlaPolicy(p, ticket({ type: 'incident', priority: 'low', tags: ['gold'] }))).toBe('match');
    expect(matchSlaPolicy(p, ticket({ type: 'incident', priority: 'normal' }))).toBe('noMatch');
    expect(matchSlaPolicy(p, ticket({ type: 'question', priority: 'urgent' }))).toBe('noMatch');
  });

  it('orders priorities low < normal < high < urgent, and cannot place an unknown priority', () => {
    const below = policy('p', 0, { all: [{ field: 'priority', operator: 'lessThan', values: ['high'] }] });
    expect(matchSlaPolicy(below, ticket({ priority: 'normal' }))).toBe('match');
    expect(matchSlaPolicy(below, ticket({ priority: 'high' }))).toBe('noMatch');
    expect(matchSlaPolicy(below, ticket({ priority: 'p1-custom' }))).toBe('undecided');
  });

  it('reads null as "none": no group, no organization', () => {
    const ungrouped = policy('p', 0, { all: [{ field: 'groupId', operator: 'is', values: [null] }] });
    expect(matchSlaPolicy(ungrouped, ticket())).toBe('match');
    expect(matchSlaPolicy(ungrouped, ticket({ groupId: '7' }))).toBe('noMatch');
  });

  it('is undecided only when the answer hangs on an unmapped condition', () => {
    const brand = { group: 'all', field: 'brand_id', operator: 'is', value: '10001' } as const;
    const p = policy('p', 0, {
      all: [{ field: 'type', operator: 'is', values: ['incident'] }],
      unmappedConditions: [brand],
    });
    expect(matchSlaPolicy(p, ticket({ type: 'incident' }))).toBe('undecided');
    // A failing mapped condition rules the policy out whatever the brand.
    expect(matchSlaPolicy(p, ticket({ type: 'task' }))).toBe('noMatch');
    // In `any`, a holding mapped condition settles it whatever the unmapped one says.
    const anyOf = policy('q', 0, {
      any: [{ field: 'channel', operator: 'is', values: ['email'] }],
      unmappedConditions: [{ ...brand, group: 'any' }],
    });
    expect(matchSlaPolicy(anyOf, ticket({ channel: 'email' }))).toBe('match');
    expect(matchSlaPolicy(anyOf, ticket({ channel: 'chat' }))).toBe('undecided');
  });
});

describe('selectSlaPolicy', () => {
  it('applies the first matching policy by position, whatever the order given', () => {
    const vip = policy('vip', 1, { all: [{ field: 'tags', operator: 'includesAny', values: ['vip'] }] });
    const rest = policy('rest', 2, {});
    expect(selectSlaPolicy([rest, vip], ticket({ tags: ['vip'] }))).toEqual({
      outcome: 'policy',
      policy: vip,
    });
    expect(selectSlaPolicy([rest, vip], ticket())).toEqual({ outcome: 'policy', policy: rest });
    expect(selectSlaPolicy([vip], ticket())).toEqual({ outcome: 'none' });
  });

  it('is undecided when the first policy not ruled out is undecided, naming the candidates', () => {
    const branded = policy('branded', 0, {
      unmappedConditions: [{ group: 'all', field: 'brand_id', operator: 'is', value: '10001' }],
    });
    const email = policy('email', 1, { all: [{ field: 'channel', operator: 'is', values: ['email'] }] });
    const rest = policy('rest', 2, {});
    const choice = selectSlaPolicy([rest, email, branded], ticket({ channel: 'chat' }));
    expect(choice).toEqual({ outcome: 'undecided', candidates: [branded, rest] });
  });

  // A reference evaluator written the long way: every unmapped condition is an unknown boolean; try every
  // assignment, evaluate each policy as plain booleans, take the first match by position. The choice is decided
  // when every assignment picks the same policy.
  const FIELDS = ['priority', 'channel', 'type', 'groupId', 'tags'] as const;
  const VALUES: Record<(typeof FIELDS)[number], (string | null)[]> = {
    priority: ['low', 'normal', 'high', 'urgent', 'p9'],
    channel: ['email', 'chat', 'web'],
    type: ['incident', 'question', null],
    groupId: ['1', '2', null],
    tags: ['a', 'b', 'c'],
  };
  const condition: fc.Arbitrary<SlaCondition> = fc
    .constantFrom(...FIELDS)
    .chain((field): fc.Arbitrary<SlaCondition> => {
      const value = fc.constantFrom(...VALUES[field]);
      if (field === 'tags')
        return fc.record({
          field: fc.constant(field),
          operator: fc.constantFrom('includesAny' as const, 'includesNone' as const),
          values: fc.uniqueArray(fc.constantFrom('a', 'b', 'c'), { minLength: 1 }),
        });
      if (field === 'priority')
        return fc.record({
          field: fc.constant(field),
          operator: fc.constantFrom(
            'is' as const,
            'isNot' as const,
            'lessThan' as const,
            'greaterThan' as const,
          ),
          values: value.map((v) => [v]),
        });
      return fc.record({
        field: fc.constant(field),
        operator: fc.constantFrom('is' as const, 'isNot' as const),
        values: fc.uniqueArray(value, { minLength: 1, maxLength: 2 }),
      });
    });
  const unmapped = fc.record({
    group: fc.constantFrom('all' as const, 'any' as const),
    field: fc.constantFrom('brand_id', 'ticket_form_id'),
    operator: fc.constant('is'),
    value: fc.constantFrom('1', '2'),
  });
  const policies = fc.array(
    fc.record({
      position: fc.nat(3),
      all: fc.array(condition, { maxLength: 3 }),
      any: fc.array(condition, { maxLength: 3 }),
      unmapped: fc.array(unmapped, { maxLength: 2 }),
    }),
    { maxLength: 4 },
  );
  const tickets = fc.record({
    priority: fc.constantFrom('low', 'normal', 'high', 'urgent', 'p9'),
    channel: fc.constantFrom('email', 'chat', 'web'),
    type: fc.constantFrom('incident', 'question', undefined),
    groupId: fc.constantFrom('1', '2', null),
    tags: fc.uniqueArray(fc.constantFrom('a', 'b', 'c')),
  });

  const RANK = ['low', 'normal', 'high', 'urgent'];
  const ordering = (c: SlaCondition) => c.operator === 'lessThan' || c.operator === 'greaterThan';
  /** Plain booleans. `guess` is this condition's unknown, used when a priority cannot be placed in the order. */
  const holds = (c: SlaCondition, t: Ticket, guess: boolean): boolean => {
    const own: string | null =
      c.field === 'tags'
        ? null
        : ((t as unknown as Record<string, string | null | undefined>)[c.field] ?? null);
    switch (c.operator) {
      case 'is':
        return c.values.includes(own);
      case 'isNot':
        return !c.values.includes(own);
      case 'includesAny':
        return c.values.some((v) => t.tags.includes(v!));
      case 'includesNone':
        return !c.values.some((v) => t.tags.includes(v!));
      default: {
        const mine = RANK.indexOf(own ?? '');
        const theirs = RANK.indexOf(c.values[0] ?? '');
        if (mine < 0 || theirs < 0) return guess;
        return c.operator === 'lessThan' ? mine < theirs : mine > theirs;
      }
    }
  };

  it('equals a brute-force reference evaluator on arbitrary conditions (property)', () => {
    fc.assert(
      fc.property(policies, tickets, (specs, t) => {
        const ticketObj = ticket({ ...t, ...(t.type ? { type: t.type } : {}) });
        const parsed = specs.map((s, i) =>
          policy(`p${i}`, s.position, { all: s.all, any: s.any, unmappedConditions: s.unmapped }),
        );
        const ordered = parsed
          .map((p, i) => ({ p, i }))
          .sort((a, b) => a.p.position - b.p.position || a.i - b.i)
          .map((x) => x.p);
        // One unknown per unmapped condition and per priority comparison (used only if it cannot be placed).
        const slots = ordered.reduce(
          (n, p) =>
            n +
            (p.filter.unmappedConditions?.length ?? 0) +
            [...(p.filter.all ?? []), ...(p.filter.any ?? [])].filter(ordering).length,
          0,
        );
        const outcomes = new Set<string>();
        for (let bits = 0; bits < 2 ** slots; bits++) {
          let slot = 0;
          const next = () => ((bits >> slot++) & 1) === 1;
          let chosen = 'none';
          for (const p of ordered) {
            const evaluate = (c: SlaCondition) => holds(c, ticketObj, ordering(c) ? next() : false);
            const all = (p.filter.all ?? []).map(evaluate);
            const any = (p.filter.any ?? []).map(evaluate);
            const un = p.filter.unmappedConditions ?? [];
            const unAll = un.filter((u) => u.group === 'all').map(next);
            const unAny = un.filter((u) => u.group === 'any').map(next);
            const anyList = [...any, ...unAny];
            const match =
              [...all, ...unAll].every(Boolean) && (anyList.length === 0 || anyList.some(Boolean));
            if (match && chosen === 'none') chosen = p.id;
          }
          outcomes.add(chosen);
        }
        const choice = selectSlaPolicy(parsed, ticketObj);
        if (outcomes.size === 1) {
          const [only] = [...outcomes];
          expect(choice).toEqual(
            only === 'none'
              ? { outcome: 'none' }
              : { outcome: 'policy', policy: parsed.find((p) => p.id === only) },
          );
        } else {
          expect(choice.outcome).toBe('undecided');
          if (choice.outcome === 'undecided') {
            // Every policy some assignment picks is a candidate.
            const ids = choice.candidates.map((p) => p.id);
            for (const o of outcomes) if (o !== 'none') expect(ids).toContain(o);
          }
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('summarize with Zendesk SLA policies', () => {
  const wire = (value: unknown) => slaPolicyFromZendesk(ZendeskSlaPolicy.parse(value));
  const incidentsByMail = fixtures.SLAPoliciesResponseExample!.sla_policies![0] as Record<string, unknown>;
  const dataset = (policies: SlaPolicy[], tickets: Record<string, unknown>[]) =>
    parseDataset({
      asOf: at(600),
      tickets: tickets.map((t, i) => ({
        id: `${i + 1}`,
        subject: 'Help',
        status: 'open',
        requesterId: '11',
        createdAt: at(0),
        updatedAt: at(0),
        ...t,
      })),
      messages: tickets.flatMap((_, i) => [
        {
          id: `c${i + 1}`,
          ticketId: `${i + 1}`,
          authorId: '11',
          authorRole: 'end-user',
          public: true,
          body: 'Help',
          createdAt: at(0),
        },
        {
          id: `m${i + 1}`,
          ticketId: `${i + 1}`,
          authorId: '21',
          authorRole: 'agent',
          public: true,
          body: 'On it',
          createdAt: at(90),
        },
      ]),
      slaPolicies: policies,
    });

  it('measures each ticket under the first policy its conditions match, not the first by position', () => {
    // The spec's example: incidents that came by e-mail (via_id 4), low priority, first reply in 60 minutes;
    // then a catch-all promising 120 minutes for low-priority tickets.
    const incidents = wire(incidentsByMail);
    const catchAll = wire({
      ...incidentsByMail,
      id: 37,
      title: 'Everything else',
      position: 4,
      filter: { all: [], any: [] },
      policy_metrics: [{ business_hours: false, metric: 'first_reply_time', priority: 'low', target: 120 }],
    });
    const report = summarize(
      dataset(
        [catchAll, incidents],
        [
          { priority: 'low', type: 'incident', channel: 'email' }, // incidents: 90 > 60, breached
          { priority: 'low', type: 'question', channel: 'email' }, // catch-all: 90 ≤ 120, achieved
          { priority: 'low', type: 'incident', channel: 'chat' }, // catch-all: achieved
        ],
      ),
    );
    const firstReply = report.sla.find((s) => s.metric === 'firstReply')!;
    expect(firstReply).toMatchObject({ achieved: 2, breached: 1, unmeasured: 0, undecidedPolicy: 0 });
  });

  it('counts tickets whose policy hangs on an unmapped condition as unmeasured, with the reason', () => {
    // The spec's SLAPolicyObject example filters on custom_status_id, which a canonical ticket does not carry.
    const silver = wire(fixtures.SLAPolicyObjectExample);
    expect(silver.filter.unmappedConditions).toEqual([
      { group: 'all', field: 'custom_status_id', operator: 'includes', value: ['1', '2'] },
    ]);
    const catchAll = policy('rest', 9, {}, 600);
    const report = summarize(
      dataset(
        [silver, catchAll],
        [
          { priority: 'low', type: 'incident', channel: 'email' }, // Silver or not: cannot be told
          { priority: 'low', type: 'question', channel: 'email' }, // not Silver (type): catch-all, achieved
        ],
      ),
    );
    const firstReply = report.sla.find((s) => s.metric === 'firstReply')!;
    expect(firstReply).toMatchObject({ achieved: 1, breached: 0, unmeasured: 1, undecidedPolicy: 1 });
    expect(() => MetricsReport.parse(report)).not.toThrow();
  });

  it('merges undecided counts across shards, and reads older states without them', () => {
    const silver = wire(fixtures.SLAPolicyObjectExample);
    const data = dataset([silver], [{ priority: 'low', type: 'incident', channel: 'email' }]);
    const make = () => {
      const acc = summaryAccumulator({ asOf: data.asOf! });
      acc.add({ kind: 'slaPolicies', value: silver });
      return acc;
    };
    const a = make();
    a.add({ kind: 'bundle', value: { ticket: data.tickets[0]!, messages: data.messages, events: [] } });
    const b = make().merge(JSON.parse(JSON.stringify(a.toJSON())));
    expect(b.result().sla.find((s) => s.metric === 'firstReply')?.undecidedPolicy).toBe(1);
    const old = JSON.parse(JSON.stringify(a.toJSON()));
    for (const m of Object.values(old.sla) as Record<string, number>[]) delete m.undecidedPolicy;
    expect(
      make()
        .merge(old)
        .result()
        .sla.find((s) => s.metric === 'firstReply')?.undecidedPolicy,
    ).toBe(0);
  });
});
