import { describe, expect, it } from 'vitest';
import {
  firstReplyTime,
  nextReplyTime,
  parseSlaPolicy,
  reopens,
  replyTimes,
  resolutionTimes,
  type Schedule,
  slaStatus,
  statusDurations,
  ValidationError,
} from '../../src/index.js';
import { at, event, msg, statuses, ticket } from './fixtures.js';

// Rome, Monday to Friday 09:30–18:00. Minute 0 of the fixtures is Monday 2026-03-02 09:00 Rome.
const schedule: Schedule = {
  timeZone: 'Europe/Rome',
  intervals: [1, 2, 3, 4, 5].map((d) => ({ start: d * 1440 + 570, end: d * 1440 + 1080 })),
  holidays: [],
};

describe('firstReplyTime', () => {
  it('customer-created: clock from creation to the first public agent message after the first public message', () => {
    const r = firstReplyTime(ticket(), [msg('c', 0), msg('a', 45)], { schedule });
    // 09:00 → 09:45 = 45 calendar minutes; business hours start 09:30, so 15 business minutes.
    expect(r).toMatchObject({ repliedAt: new Date(at(45)), calendarMinutes: 45, businessMinutes: 15 });
  });

  it('private notes first: the agent’s first public message is the reply', () => {
    const r = firstReplyTime(ticket(), [msg('c', 0), msg('n', 10), msg('n', 20), msg('a', 40)]);
    expect(r?.calendarMinutes).toBe(40);
  });

  it('opened with a private note: the first public agent comment 30 minutes later is the first reply (Zendesk)', () => {
    // Zendesk's exception covers only a ticket whose opening comment is a public agent comment; a private
    // note first is not that, so the first public agent comment is the reply.
    const r = firstReplyTime(ticket(), [msg('n', 0), msg('a', 30)]);
    expect(r).toMatchObject({ calendarMinutes: 30, repliedAt: new Date(at(30)) });
    expect(
      firstReplyTime(ticket(), [msg('n', 0), msg('a', 30), msg('c', 40), msg('a', 50)])?.calendarMinutes,
    ).toBe(30);
  });

  it('agent-created: waits for the agent’s next public message (Zendesk); scores the creating message (fivetran)', () => {
    const messages = [msg('a', 0), msg('a', 30), msg('c', 60), msg('a', 90)];
    expect(firstReplyTime(ticket(), messages)?.calendarMinutes).toBe(30);
    // fivetran: ticket created at 0, the agent's own first comment at 0 → 0 minutes.
    expect(firstReplyTime(ticket(), messages, { definition: 'fivetran' })?.calendarMinutes).toBe(0);
    expect(firstReplyTime(ticket(), [msg('a', 0)])).toBeNull();
  });

  it('fivetran measures from the customer’s first message, Zendesk from creation', () => {
    const messages = [msg('c', 20), msg('n', 30), msg('a', 100)];
    expect(firstReplyTime(ticket(), messages)?.calendarMinutes).toBe(100);
    expect(firstReplyTime(ticket(), messages, { definition: 'fivetran' })?.calendarMinutes).toBe(80);
  });

  it('definitions are named for their rule; the vendor names are deprecated aliases of them', () => {
    const messages = [msg('c', 20), msg('n', 30), msg('a', 100)];
    const at = (definition: Parameters<typeof firstReplyTime>[2]) =>
      firstReplyTime(ticket(), messages, definition)?.calendarMinutes;
    expect(at({ definition: 'from-creation' })).toBe(100);
    expect(at({ definition: 'zendesk' })).toBe(100);
    expect(at({ definition: 'from-first-public-message' })).toBe(80);
    expect(at({ definition: 'fivetran' })).toBe(80);
    const refused = () => at({ definition: 'dbt' as 'fivetran' });
    expect(refused).toThrow(ValidationError);
    expect(refused).toThrow(/from-creation.*from-first-public-message/);
  });

  it('the clock starts at creation even when the first message comes later; order of input does not matter', () => {
    const r = firstReplyTime(ticket(), [msg('a', 100), msg('c', 20)]);
    expect(r?.calendarMinutes).toBe(100);
  });

  it('no reply, system messages, and messages of another ticket', () => {
    expect(firstReplyTime(ticket(), [msg('c', 0), msg('s', 5)])).toBeNull();
    expect(firstReplyTime(ticket(), [])).toBeNull();
    expect(() => firstReplyTime(ticket(), [msg('c', 0), msg('a', 5, 'other')])).toThrow(ValidationError);
  });
});

describe('replyTimes and nextReplyTime', () => {
  const messages = [
    msg('c', 0),
    msg('c', 5),
    msg('n', 10),
    msg('a', 30),
    msg('c', 60),
    msg('a', 100),
    msg('c', 200),
  ];

  it('every customer turn to the next public agent reply; an open turn has no end', () => {
    const spans = replyTimes(ticket(), messages);
    expect(
      spans.map((s) => [
        s.from.toISOString(),
        s.to?.toISOString() ?? null,
        s.duration?.calendarMinutes ?? null,
      ]),
    ).toEqual([
      [at(0), at(30), 30], // the turn starts at the first of two customer messages
      [at(60), at(100), 40],
      [at(200), null, null],
    ]);
  });

  it('next reply times are the turns after the first reply', () => {
    expect(nextReplyTime(ticket(), messages).map((s) => s.duration?.calendarMinutes ?? null)).toEqual([
      40,
      null,
    ]);
    expect(nextReplyTime(ticket(), [msg('c', 0)])).toEqual([]);
  });
});

describe('resolutionTimes and reopens', () => {
  // new → open (10) → solved (60) → open (120, reopened) → solved (180) → closed (300)
  const events = statuses(
    [0, null, 'new'],
    [10, 'new', 'open'],
    [60, 'open', 'solved'],
    [120, 'solved', 'open'],
    [180, 'open', 'solved'],
    [300, 'solved', 'closed'],
  );

  it('first = first solved, full = last solved', () => {
    const r = resolutionTimes(ticket({ status: 'closed' }), events);
    expect(r.firstResolution?.calendarMinutes).toBe(60);
    expect(r.fullResolution?.calendarMinutes).toBe(180);
    expect(reopens(ticket(), events)).toBe(1);
  });

  it('falls back to closed, then to solvedAt; a reopened unresolved ticket has no full resolution', () => {
    const closedOnly = statuses([0, null, 'new'], [50, 'new', 'closed']);
    expect(resolutionTimes(ticket(), closedOnly).firstResolution?.calendarMinutes).toBe(50);
    const reopened = statuses([0, null, 'new'], [60, 'new', 'solved'], [90, 'solved', 'open']);
    expect(resolutionTimes(ticket(), reopened)).toMatchObject({ fullResolution: null });
    expect(resolutionTimes(ticket(), reopened).firstResolution?.calendarMinutes).toBe(60);
    const bare = ticket({ status: 'solved', solvedAt: at(75), updatedAt: at(75) });
    expect(resolutionTimes(bare, []).fullResolution?.calendarMinutes).toBe(75);
    expect(resolutionTimes(ticket(), []).firstResolution).toBeNull();
  });

  it('counts a reopen even when the vendor omits from', () => {
    const vague = statuses(
      [0, null, 'new'],
      [60, null, 'solved'],
      [90, null, 'open'],
      [95, null, 'solved'],
      [99, null, 'open'],
    );
    expect(reopens(ticket(), vague)).toBe(2);
  });
});

describe('statusDurations', () => {
  // new 0–10, open 10–40, pending 40–100, open 100–130, hold 130–150, open 150–160, solved 160.
  const events = statuses(
    [0, null, 'new'],
    [10, 'new', 'open'],
    [40, 'open', 'pending'],
    [100, 'pending', 'open'],
    [130, 'open', 'hold'],
    [150, 'hold', 'open'],
    [160, 'open', 'solved'],
  );

  it('adds up each status and Zendesk’s aggregates', () => {
    const d = statusDurations(ticket(), events);
    expect(d.agentWork.calendarMinutes).toBe(10 + 30 + 30 + 10);
    expect(d.agentWait.calendarMinutes).toBe(60);
    expect(d.onHold.calendarMinutes).toBe(20);
    expect(d.requesterWait.calendarMinutes).toBe(80 + 20);
    expect(d.byStatus.pending?.calendarMinutes).toBe(60);
    expect(d.complete).toBe(true);
    expect(
      statusDurations(ticket(), events, { requesterWaitStatuses: ['new', 'open'] }).requesterWait
        .calendarMinutes,
    ).toBe(80);
  });

  it('counts the current status up to asOf, in business minutes too', () => {
    const open = statuses([0, null, 'new'], [10, 'new', 'open']);
    expect(statusDurations(ticket(), open).complete).toBe(false);
    const d = statusDurations(ticket(), open, { asOf: at(60), schedule });
    // new 09:00–09:10 (0 business), open 09:10–10:00 (30 business: from 09:30).
    expect(d.agentWork).toEqual({ calendarMinutes: 60, businessMinutes: 30 });
  });
});

describe('slaStatus', () => {
  const policy = parseSlaPolicy({
    id: 'sla',
    title: 'Standard',
    targets: [
      { priority: 'normal', metric: 'firstReply', minutes: 30, businessHours: false },
      { priority: 'normal', metric: 'resolution', minutes: 120, businessHours: true },
      { priority: 'normal', metric: 'nextReply', minutes: 60, businessHours: false },
      { priority: 'high', metric: 'firstReply', minutes: 10, businessHours: false },
      { priority: 'normal', metric: 'agentWork', minutes: 50, businessHours: false },
    ],
  });

  it('achieved, breached and active, with start, breach and fulfilment times', () => {
    const messages = [msg('c', 0), msg('a', 45), msg('c', 50), msg('a', 80), msg('c', 90)];
    const events = statuses([0, null, 'new'], [45, 'new', 'open']);
    const result = slaStatus(ticket(), messages, events, policy, { schedule, asOf: at(120) });
    const byMetric = Object.fromEntries(result.map((r) => [`${r.metric}#${r.instance}`, r]));
    // First reply at 45 > 30: breached at 09:30.
    expect(byMetric['firstReply#0']).toMatchObject({
      state: 'breached',
      breachAt: new Date(at(30)),
      fulfilledAt: new Date(at(45)),
      elapsedMinutes: 45,
    });
    // Next reply: turn at 50 answered at 80 (30 ≤ 60) achieved; turn at 90 unanswered, due 150, active at 120.
    expect(byMetric['nextReply#0']).toMatchObject({ state: 'achieved', elapsedMinutes: 30 });
    expect(byMetric['nextReply#1']).toMatchObject({
      state: 'active',
      breachAt: new Date(at(150)),
      fulfilledAt: null,
      elapsedMinutes: 30,
    });
    // Resolution: 120 business minutes from 09:00 (hours start 09:30) → due 11:30 = minute 150; active at 120.
    expect(byMetric['resolution#0']).toMatchObject({
      state: 'active',
      breachAt: new Date(at(150)),
      elapsedMinutes: 90,
    });
    // Agent work: new 0–45 + open 45–120 = 120 ≥ 50 → breached when the total reached 50, at minute 50.
    expect(byMetric['agentWork#0']).toMatchObject({
      state: 'breached',
      breachAt: new Date(at(50)),
      elapsedMinutes: 120,
    });
  });

  it('uses the priority in force when the policy was applied', () => {
    const events = [
      event('priority', 0, 'normal', 'high'),
      event('sla', 1, null, 'sla'),
      event('priority', 5, 'high', 'normal'),
    ];
    const result = slaStatus(ticket({ priority: 'normal' }), [msg('c', 0), msg('a', 8)], events, policy, {
      asOf: at(60),
    });
    expect(result).toHaveLength(1);
    expect(result[0]).toMatchObject({
      metric: 'firstReply',
      priority: 'high',
      targetMinutes: 10,
      state: 'achieved',
    });
  });

  it('requires asOf, and a schedule for business-hours targets', () => {
    expect(() => slaStatus(ticket(), [], [], policy, {} as never)).toThrow(/asOf/);
    expect(() => slaStatus(ticket(), [], [], policy, { asOf: at(10) })).toThrow(/schedule/);
  });
});
