import { DateTime } from 'luxon';
import { invalidArgument, invalidOption } from '../errors/validation.js';
// The internal forms: the generator's instants are fractional epoch ms, which the public functions refuse.
import { addBusinessMillis, isBusinessTimeAt } from '../metrics/business-time.js';
import type {
  CsatResponse,
  Customer,
  Dataset,
  DatasetRecord,
  Message,
  Schedule,
  Ticket,
  TicketEvent,
  TicketPriority,
  TicketStatus,
} from '../models/index.js';
import {
  articles,
  GROUPS,
  LOCALES,
  OUTAGE_TAG,
  RISING_TAGS,
  SLA_POLICY,
  SOPS,
  schedules,
  TOPICS,
} from './catalog.js';
import { createRandom, mixSeed, type Random } from './random.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Options of {@link streamDataset} and {@link generateDataset}. Every option has a default. */
export interface GenerateOptions {
  /** Same seed, same data, on every machine. @default 1 */
  seed?: number;
  /** How many tickets. @default 500 */
  tickets?: number;
  /** How many days of history. @default 90 */
  days?: number;
  /** The first local day of the period (`YYYY-MM-DD` in `timeZone`). @default '2026-01-05' */
  startDate?: string;
  /** The support team's time zone (schedules, shifts, seasonality). @default 'Europe/Rome' */
  timeZone?: string;
  /** How many agents. @default scales with daily volume, at least 6 */
  agents?: number;
  /** How many customers. @default 40% of tickets, at least 10 */
  customers?: number;
  /** How many organizations customers belong to. @default customers / 20, at least 3 */
  organizations?: number;
  /** CSAT scale: Zendesk-style good/bad, or 1..5. @default 'binary' */
  csatScale?: 'binary' | 'five-point';
}

/** One record of a generated dataset, tagged with the Dataset list it belongs to. */
export type { DatasetRecord };

interface Resolved {
  seed: number;
  tickets: number;
  days: number;
  timeZone: string;
  start: DateTime;
  agents: number;
  customers: number;
  organizations: number;
  csatScale: 'binary' | 'five-point';
}

function positiveInt(name: string, value: unknown, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw invalidOption('generateDataset', name, `must be an integer ≥ ${min}`);
  }
  return value;
}

/**
 * The options argument of a generator: omitted gives the defaults; anything but a plain object (null, a string,
 * an array) is a ValidationError naming the function, not a TypeError from reading `seed` of it.
 * @example `optionsArg(undefined, 'generateDataset') // {}`
 */
export function optionsArg<T extends object>(options: unknown, fn: string): Partial<T> {
  if (options === undefined) return {};
  if (typeof options !== 'object' || options === null || Array.isArray(options))
    throw invalidArgument(`${fn}()`, 'options', 'expected an object of options');
  return options as Partial<T>;
}

/** Options are checked in one place, before anything is generated; a wrong one is a ValidationError naming it. */
function resolveOptions(given: unknown, fn = 'generateDataset'): Resolved {
  const options = optionsArg<GenerateOptions>(given, fn);
  const seed = options.seed ?? 1;
  if (!Number.isInteger(seed)) throw invalidOption('generateDataset', 'seed', 'must be an integer');
  const tickets = positiveInt('tickets', options.tickets, 500, 0);
  const days = positiveInt('days', options.days, 90);
  const timeZone = options.timeZone ?? 'Europe/Rome';
  if (typeof timeZone !== 'string')
    throw invalidOption('generateDataset', 'timeZone', 'must be an IANA time zone name');
  const startDate = options.startDate ?? '2026-01-05';
  if (typeof startDate !== 'string')
    throw invalidOption('generateDataset', 'startDate', 'must be a local date YYYY-MM-DD');
  const start = DateTime.fromISO(startDate, { zone: timeZone });
  if (!start.isValid) {
    throw invalidOption(
      'generateDataset',
      'startDate',
      `with timeZone is not a valid time (${start.invalidReason})`,
    );
  }
  const perDay = tickets / days;
  const customers = positiveInt('customers', options.customers, Math.max(10, Math.ceil(tickets * 0.4)));
  const csatScale = options.csatScale ?? 'binary';
  if (csatScale !== 'binary' && csatScale !== 'five-point') {
    throw invalidOption('generateDataset', 'csatScale', 'must be "binary" or "five-point"');
  }
  return {
    seed,
    tickets,
    days,
    timeZone,
    start: start.startOf('day'),
    agents: positiveInt('agents', options.agents, Math.max(6, Math.ceil(perDay / 12))),
    customers,
    organizations: positiveInt(
      'organizations',
      options.organizations,
      Math.max(3, Math.ceil(customers / 20)),
    ),
    csatScale,
  };
}

/** Relative volume by local weekday (Luxon numbering: 1 = Monday … 7 = Sunday). */
const WEEKDAY_WEIGHT = [0, 1.25, 1.15, 1.1, 1.05, 0.95, 0.45, 0.35];
/** Relative volume by local hour of day: a morning peak, a lunch dip, an afternoon peak, a quiet night. */
const HOUR_WEIGHT = [
  0.15, 0.1, 0.08, 0.08, 0.1, 0.2, 0.45, 0.9, 1.6, 2.1, 2.2, 2, 1.5, 1.6, 1.9, 1.9, 1.7, 1.4, 1, 0.8, 0.6,
  0.45, 0.35, 0.25,
];
const HOUR_ITEMS = HOUR_WEIGHT.map((weight, hour) => [hour, weight] as const);
const CHANNEL_WEIGHT = [
  ['email', 42],
  ['web', 22],
  ['chat', 16],
  ['phone', 10],
  ['social', 6],
  ['api', 4],
] as const;
const PRIORITY_WEIGHT = [
  ['low', 20],
  ['normal', 60],
  ['high', 15],
  ['urgent', 5],
] as const;
/** Mean business minutes to the first reply, by priority. */
const REPLY_MEAN: Record<string, number> = { low: 300, normal: 150, high: 50, urgent: 20 };

/** Splits `total` into integer parts proportional to `weights` (largest remainder), summing exactly. */
function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w / sum) * total);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => [x - Math.floor(x), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k++, left--) parts[order[k % order.length]![1]]! += 1;
  return parts;
}

const FIRST_NAMES = [
  'Ada',
  'Marco',
  'Giulia',
  'Luca',
  'Sofia',
  'Noah',
  'Emma',
  'Liam',
  'Yuki',
  'Lea',
  'Hugo',
  'Ana',
];
const LAST_NAMES = [
  'Rossi',
  'Bianchi',
  'Smith',
  'Müller',
  'Dubois',
  'García',
  'Silva',
  'Tanaka',
  'Brown',
  'Ricci',
];

function customerAt(config: Resolved, index: number): Customer {
  const random = createRandom(mixSeed(config.seed, 1, index));
  const locale = random.weighted(LOCALES.map((l) => [l, l.weight] as const));
  const first = random.pick(FIRST_NAMES);
  const last = random.pick(LAST_NAMES);
  const id = `c-${index + 1}`;
  const organization = random.chance(0.7) ? `o-${random.int(1, config.organizations)}` : null;
  const identities: Customer['identities'] = [
    { kind: 'email', value: `customer${index + 1}@example.com`, primary: true },
  ];
  if (random.chance(0.35)) {
    identities.push({
      kind: 'phone',
      value: `+3906${String(1_000_000 + index).padStart(7, '0')}`,
      primary: false,
    });
  }
  if (random.chance(0.1))
    identities.push({ kind: 'handle', channel: 'twitter', value: `@cust${index + 1}`, primary: false });
  const createdAt = new Date(config.start.toMillis() - random.int(1, 720) * DAY);
  const notes: Customer['notes'] = random.chance(0.08)
    ? [
        {
          id: `${id}-n1`,
          authorId: `agent-${random.int(1, config.agents)}`,
          body: 'Prefers e-mail',
          createdAt,
        },
      ]
    : [];
  return {
    id,
    // The customer lives where the tickets do: `source.adapter` of every generated ticket is `memory`. (It used
    // to have no source and an external identity `memory:<id>`, so a card index saw one person twice: the record
    // under the default adapter and its identity under `memory`.)
    sources: [{ adapter: 'memory', id }],
    name: `${first} ${last}`,
    identities,
    organizationId: organization,
    active: true,
    language: locale.language,
    timeZone: locale.timeZone,
    tags: random.chance(0.15) ? ['vip'] : [],
    customFields: { plan: random.pick(['free', 'pro', 'enterprise']) },
    notes,
    createdAt,
  };
}

interface Shift {
  id: string;
  schedule: Schedule;
  agents: string[];
}

/** Builds one ticket's full story; returns the records in time order, already cut at `asOf`. */
class TicketStory {
  readonly messages: Message[] = [];
  readonly events: TicketEvent[] = [];
  private status: TicketStatus | null = null;
  private now: number;

  constructor(
    readonly ticketId: string,
    readonly createdAt: number,
    private readonly asOf: number,
  ) {
    this.now = createdAt;
  }

  at(t: number): this {
    this.now = Math.max(this.now, t);
    return this;
  }

  get time(): number {
    return this.now;
  }

  message(
    authorId: string,
    role: Message['authorRole'],
    isPublic: boolean,
    body: string,
    channel?: string,
  ): void {
    if (this.now > this.asOf) return;
    const message: Message = {
      id: `${this.ticketId}-m${this.messages.length + 1}`,
      ticketId: this.ticketId,
      authorId,
      authorRole: role,
      public: isPublic,
      body,
      createdAt: new Date(this.now),
      attachments: [],
    };
    if (channel) message.channel = channel;
    this.messages.push(message);
  }

  private push(event: Omit<TicketEvent, 'id' | 'ticketId' | 'at'> & { type: TicketEvent['type'] }): void {
    if (this.now > this.asOf) return;
    this.events.push({
      id: `${this.ticketId}-e${this.events.length + 1}`,
      ticketId: this.ticketId,
      at: new Date(this.now),
      ...event,
    } as TicketEvent);
  }

  setStatus(to: TicketStatus, actorId: string | null): void {
    if (this.status === to) return;
    if (this.now <= this.asOf) {
      this.push({ type: 'status', from: this.status, to, actorId });
      this.status = to;
    }
  }

  change(
    type: 'priority' | 'assignee' | 'group' | 'sla',
    from: string | null,
    to: string | null,
    actorId: string | null,
  ) {
    this.push({ type, from, to, actorId } as never);
  }

  tags(from: string[], to: string[], actorId: string | null): void {
    this.push({ type: 'tags', from, to, actorId });
  }

  /** The status as of `asOf`. */
  get finalStatus(): TicketStatus {
    return this.status ?? 'new';
  }

  lastEventOf(type: TicketEvent['type']) {
    for (let i = this.events.length - 1; i >= 0; i--)
      if (this.events[i]!.type === type) return this.events[i]!;
    return undefined;
  }
}

/**
 * Streams a realistic, deterministic support dataset record by record, holding one day of tickets at a time,
 * so a million tickets need no more memory than a thousand. Reference data (schedules, SLA, groups, agents,
 * organizations, customers, SOPs, articles) comes first, then each ticket followed by its messages, events and
 * surveys, in creation order.
 *
 * What makes it realistic: weekday and hour-of-day seasonality in the team's time zone, a slow upward trend,
 * incident bursts tagged `outage`, six channels, agents on early/late/Saturday shifts who answer inside business
 * hours (and sometimes outside), private notes, agent-created phone tickets, pending/hold cycles, reopens,
 * auto-closing, CSAT/NPS/CES answers that get worse when replies are slow, topics of which a few
 * ({@link RISING_TAGS}) rise over time, and customers in nine languages and time zones.
 *
 * @example
 * ```ts
 * import { streamDataset } from 'supportkit-ts/testing';
 * let tickets = 0;
 * for (const record of streamDataset({ seed: 7, tickets: 1_000_000, days: 365 })) {
 *   if (record.kind === 'tickets') tickets++;
 * }
 * ```
 */
export function* streamDataset(options: GenerateOptions = {}): Generator<DatasetRecord, void, undefined> {
  const config = resolveOptions(options, 'streamDataset');
  const { timeZone, start } = config;
  const asOfTime = start.plus({ days: config.days });
  const asOf = asOfTime.toMillis();
  const years = [...new Set([start.year, asOfTime.plus({ days: 60 }).year, start.year - 1])].sort();
  const allSchedules = schedules(timeZone, years);
  for (const value of allSchedules) yield { kind: 'schedules', value };
  yield { kind: 'slaPolicies', value: SLA_POLICY };
  for (const value of GROUPS) yield { kind: 'groups', value };

  // Business time comes from the metrics engine itself, so generated replies obey the same wall-clock rules.
  const team = allSchedules[0]!;
  const shifts: Shift[] = allSchedules
    .slice(1)
    .map((schedule) => ({ id: schedule.id!, schedule, agents: [] }));

  const staff = createRandom(mixSeed(config.seed, 2));
  const agentGroups = new Map<string, string[]>();
  for (let i = 0; i < config.agents; i++) {
    const id = `agent-${i + 1}`;
    const shift = i % 6 === 5 ? shifts[2]! : shifts[i % 2]!;
    shift.agents.push(id);
    const groupIds = [GROUPS[i % GROUPS.length]!.id, ...(staff.chance(0.4) ? ['g-general'] : [])];
    for (const group of new Set(groupIds)) agentGroups.set(group, [...(agentGroups.get(group) ?? []), id]);
    const languages = [...new Set(['en', staff.pick(['it', 'de', 'fr', 'es', 'pt-BR', 'ja'])])];
    yield {
      kind: 'agents',
      value: {
        id,
        name: `${staff.pick(FIRST_NAMES)} ${staff.pick(LAST_NAMES)}`,
        email: `agent${i + 1}@support.example.com`,
        role: i === 0 ? 'admin' : i < 3 ? 'lead' : 'agent',
        groupIds: [...new Set(groupIds)],
        scheduleId: shift.id,
        timeZone,
        languages,
        active: true,
        createdAt: new Date(start.toMillis() - 400 * DAY),
      },
    };
  }
  for (let i = 0; i < config.organizations; i++) {
    yield {
      kind: 'organizations',
      value: {
        id: `o-${i + 1}`,
        name: `Organization ${i + 1}`,
        domains: [`org${i + 1}.example.com`],
        tags: i % 4 === 0 ? ['enterprise'] : [],
        customFields: {},
        createdAt: new Date(start.toMillis() - 800 * DAY),
      },
    };
  }
  for (let i = 0; i < config.customers; i++) yield { kind: 'customers', value: customerAt(config, i) };
  for (const value of SOPS) yield { kind: 'sops', value };
  for (const value of articles(new Date(start.toMillis() - 100 * DAY))) yield { kind: 'articles', value };

  // Volume per day: weekday seasonality × a gentle upward trend × incident bursts.
  const timeline = createRandom(mixSeed(config.seed, 3));
  const bursts = new Set<number>();
  for (let d = 0; d < config.days; d++) if (timeline.chance(1 / 30)) bursts.add(d);
  const dayWeights: number[] = [];
  for (let d = 0; d < config.days; d++) {
    const day = start.plus({ days: d });
    const trend = 1 + (0.2 * d) / config.days;
    dayWeights.push(WEEKDAY_WEIGHT[day.weekday]! * trend * (bursts.has(d) ? 2.5 : 1));
  }
  const perDay = apportion(config.tickets, dayWeights);

  const shiftOf = new Map(shifts.flatMap((shift) => shift.agents.map((agent) => [agent, shift] as const)));
  const allAgents = Array.from({ length: config.agents }, (_, i) => `agent-${i + 1}`);

  let ticketNumber = 0;
  for (let d = 0; d < config.days; d++) {
    const count = perDay[d]!;
    if (count === 0) continue;
    const day = start.plus({ days: d });
    const hourStart: number[] = [];
    for (let h = 0; h < 24; h++) hourStart.push(day.set({ hour: h }).toMillis());
    const dayEnd = day.plus({ days: 1 }).toMillis();
    const random = createRandom(mixSeed(config.seed, 4, d));
    const burstHour = bursts.has(d) ? random.int(9, 16) : -1;
    const times: { t: number; outage: boolean }[] = [];
    for (let k = 0; k < count; k++) {
      const outage = burstHour >= 0 && random.chance(0.6);
      const hour = outage ? burstHour + random.int(0, 2) : random.weighted(HOUR_ITEMS);
      const from = hourStart[hour]!;
      const to = hour === 23 ? dayEnd : hourStart[hour + 1]!;
      times.push({ t: from + Math.floor(random.next() * Math.max(1, to - from)), outage });
    }
    times.sort((a, b) => a.t - b.t);
    const progress = d / config.days;
    const topicWeights = [
      ...TOPICS.map((topic) => [topic, topic.weight] as const),
      ...RISING_TAGS.map((topic) => {
        const share = progress < topic.from ? 0 : (progress - topic.from) / (1 - topic.from);
        return [topic, topic.startWeight + (topic.endWeight - topic.startWeight) * share] as const;
      }),
    ] as const;
    for (const { t, outage } of times) {
      ticketNumber++;
      yield* ticketRecords(ticketNumber, t, outage, random, topicWeights);
    }
  }

  function* ticketRecords(
    number: number,
    createdAt: number,
    outage: boolean,
    random: Random,
    topicWeights: readonly (readonly [(typeof TOPICS)[number] | (typeof RISING_TAGS)[number], number])[],
  ): Generator<DatasetRecord, void, undefined> {
    const id = String(number);
    // Repeat customers: a skewed pick makes low-numbered customers write often.
    const customerIndex = Math.min(config.customers - 1, Math.floor(config.customers * random.next() ** 1.6));
    const customer = customerAt(config, customerIndex);
    const topic = random.weighted(topicWeights);
    const tags: string[] = outage ? [OUTAGE_TAG, topic.tag] : [topic.tag];
    let channel: string = random.weighted(CHANNEL_WEIGHT);
    let priority: TicketPriority = outage
      ? random.pick(['high', 'urgent'] as const)
      : random.weighted(PRIORITY_WEIGHT);
    const agentCreated = channel === 'phone' ? random.chance(0.7) : random.chance(0.03);
    if (agentCreated && channel !== 'phone') channel = 'web';
    let group: string = topic.group;
    const story = new TicketStory(id, createdAt, asOf);
    const subject = random.pick(topic.subjects);
    const hello = LOCALES.find((l) => l.language === customer.language)?.hello ?? 'Hi';
    const pickAgent = (t: number, onDuty: boolean): string => {
      const members = agentGroups.get(group) ?? allAgents;
      if (!onDuty) return random.pick(members);
      const candidates = members.filter((agent) => isBusinessTimeAt(t, shiftOf.get(agent)!.schedule));
      return random.pick(candidates.length > 0 ? candidates : members);
    };
    /** When an agent answers: mostly in business hours, sometimes outside them (on call, overtime). */
    const replyAt = (from: number, meanMinutes: number): { t: number; onDuty: boolean } => {
      if (random.chance(0.1))
        return { t: from + random.exponential(meanMinutes * 1.5) * MINUTE, onDuty: false };
      return {
        t: addBusinessMillis(from, Math.max(1, random.exponential(meanMinutes)), team),
        onDuty: true,
      };
    };

    // Creation: the customer writes, or an agent logs the request (usually a phone call) for them.
    const creator = agentCreated ? pickAgent(createdAt, false) : customer.id;
    story.setStatus('new', agentCreated ? creator : null);
    story.change('sla', null, SLA_POLICY.id, null);
    story.message(
      creator,
      agentCreated ? 'agent' : 'end-user',
      true,
      agentCreated ? `Customer called: ${subject}` : `${hello}, ${subject.toLowerCase()}`,
      channel,
    );

    // First touch: sometimes an internal note first, then the first public reply.
    const mean = REPLY_MEAN[priority] ?? 150;
    const first = replyAt(createdAt, mean);
    const assignee = pickAgent(first.t, first.onDuty);
    if (random.chance(0.25)) {
      story.at(createdAt + (first.t - createdAt) * random.next());
      story.message(assignee, 'agent', false, 'Internal: checked the account, looks legit.');
    }
    story.at(first.t);
    story.change('assignee', null, assignee, assignee);
    story.setStatus('open', assignee);
    if (!outage && random.chance(0.05)) {
      story.change('priority', priority, 'high', assignee);
      priority = 'high';
    }
    if (random.chance(0.05)) {
      const next = 'g-technical' === group ? 'g-general' : 'g-technical';
      story.change('group', group, next, assignee);
      group = next;
    }
    if (random.chance(0.12)) {
      const extra = random.pick(['urgent-customer', 'follow-up', 'docs-gap', 'refund']);
      if (!tags.includes(extra)) {
        story.tags([...tags], [...tags, extra], assignee);
        tags.push(extra);
      }
    }
    story.message(assignee, 'agent', true, 'Thanks for reaching out, here is what we found.');

    // Back-and-forth: the customer answers (in their own time), the agent replies in business time.
    const turns = random.weighted([
      [0, 40],
      [1, 35],
      [2, 15],
      [3, 10],
    ] as const);
    let reopened = false;
    let lastAgentReply = story.time;
    for (let turn = 0; turn <= turns; turn++) {
      const last = turn === turns;
      if (!last || random.chance(0.5)) story.setStatus('pending', assignee);
      if (last) break;
      story.at(story.time + Math.max(5, random.exponential(360)) * MINUTE);
      story.message(customer.id, 'end-user', true, 'Thanks, I tried that but it still happens.', channel);
      story.setStatus('open', null);
      if (random.chance(0.05)) {
        story.setStatus('hold', assignee);
        story.at(story.time + random.exponential(600) * MINUTE);
        story.setStatus('open', assignee);
      }
      const reply = replyAt(story.time, mean * 1.3);
      story.at(reply.t);
      story.message(assignee, 'agent', true, 'Understood, please try this next step.');
      lastAgentReply = story.time;
    }
    // Solve: right away, or after the customer goes quiet for a few days.
    story.at(lastAgentReply + (random.chance(0.7) ? random.int(1, 30) * MINUTE : random.int(2, 4) * DAY));
    story.setStatus('solved', assignee);
    if (random.chance(0.06)) {
      reopened = true;
      story.at(story.time + random.int(1, 5) * DAY * random.next() + HOUR);
      story.message(customer.id, 'end-user', true, 'Sorry, the problem is back.', channel);
      story.setStatus('open', null);
      const reply = replyAt(story.time, mean);
      story.at(reply.t);
      story.message(assignee, 'agent', true, 'We applied a permanent fix.');
      story.at(story.time + random.int(5, 120) * MINUTE);
      story.setStatus('solved', assignee);
    }
    const solvedTime = story.time;
    story.at(solvedTime + 4 * DAY);
    story.setStatus('closed', null);

    const status = story.finalStatus;
    const solvedEvent =
      status === 'solved' || status === 'closed'
        ? story.events.filter((e) => e.type === 'status' && e.to === 'solved').at(-1)
        : undefined;
    const lastRecord = Math.max(
      createdAt,
      story.messages.at(-1)?.createdAt.getTime() ?? 0,
      story.events.at(-1)?.at.getTime() ?? 0,
    );
    const currentAssignee = story.lastEventOf('assignee');
    const ticket: Ticket = {
      id,
      source: { adapter: 'memory', id },
      subject,
      description: story.messages[0]!.body,
      status,
      priority: priority,
      type: outage ? 'incident' : topic.tag === 'how-to' ? 'question' : 'problem',
      channel,
      requesterId: customer.id,
      submitterId: creator,
      assigneeId: currentAssignee ? (currentAssignee.to as string | null) : null,
      groupId: group,
      organizationId: customer.organizationId,
      tags: [...tags],
      customFields: { plan: customer.customFields.plan ?? null },
      createdAt: new Date(createdAt),
      updatedAt: new Date(lastRecord),
      solvedAt: solvedEvent ? new Date(solvedEvent.at.getTime()) : null,
      dueAt: null,
      language: customer.language!,
    };
    yield { kind: 'tickets', value: ticket };
    for (const value of story.messages) yield { kind: 'messages', value };
    for (const value of story.events) yield { kind: 'events', value };

    if (!solvedEvent) return;
    // Surveys: slower first replies and reopens make unhappier customers.
    const firstReplyHours = (first.t - createdAt) / HOUR;
    const happy = Math.max(
      0.3,
      0.93 - (firstReplyHours > 8 ? 0.2 : firstReplyHours > 2 ? 0.08 : 0) - (reopened ? 0.25 : 0),
    );
    const surveyAt = (hours: number) => solvedTime + hours * HOUR;
    // Answers belong to the helpdesk of their ticket and customer: a card index files them there.
    const sourceOf = (surveyId: string) => ({ adapter: 'memory', id: surveyId });
    const base = { ticketId: id, customerId: customer.id, agentId: assignee };
    if (random.chance(0.7) && surveyAt(1) <= asOf) {
      const answered = random.chance(0.35);
      const at = surveyAt(answered ? random.int(1, 48) : 1);
      if (at <= asOf) {
        let rating: CsatResponse['rating'] = null;
        if (answered) {
          const good = random.chance(happy);
          rating =
            config.csatScale === 'binary'
              ? good
                ? 'good'
                : 'bad'
              : good
                ? random.pick([4, 5, 5] as const)
                : random.pick([1, 2, 3] as const);
        }
        yield {
          kind: 'csat',
          value: {
            id: `csat-${id}`,
            source: sourceOf(`csat-${id}`),
            ...base,
            rating,
            createdAt: new Date(at),
          },
        };
      }
    }
    if (random.chance(0.08) && surveyAt(72) <= asOf) {
      const score = random.chance(happy * 0.6)
        ? random.int(9, 10)
        : random.chance(0.55)
          ? random.int(7, 8)
          : random.int(0, 6);
      yield {
        kind: 'nps',
        value: {
          id: `nps-${id}`,
          source: sourceOf(`nps-${id}`),
          ...base,
          score,
          createdAt: new Date(surveyAt(72)),
        },
      };
    }
    if (random.chance(0.12) && surveyAt(2) <= asOf) {
      const score = random.chance(happy) ? random.int(5, 7) : random.int(1, 4);
      yield {
        kind: 'ces',
        value: {
          id: `ces-${id}`,
          source: sourceOf(`ces-${id}`),
          ...base,
          score,
          createdAt: new Date(surveyAt(2)),
        },
      };
    }
  }
}

/** An empty dataset to collect records into. */
function emptyDataset(asOf?: Date): Dataset {
  return {
    ...(asOf ? { asOf } : {}),
    tickets: [],
    messages: [],
    events: [],
    customers: [],
    agents: [],
    organizations: [],
    groups: [],
    csat: [],
    nps: [],
    ces: [],
    schedules: [],
    slaPolicies: [],
    sops: [],
    articles: [],
  };
}

/**
 * Collects streamed records into one {@link Dataset}.
 *
 * @example
 * ```ts
 * import { collectDataset, streamDataset } from 'supportkit-ts/testing';
 * const dataset = collectDataset(streamDataset({ seed: 3, tickets: 200 }));
 * ```
 */
export function collectDataset(records: Iterable<DatasetRecord>, asOf?: Date): Dataset {
  const fn = 'collectDataset()';
  if (typeof (records as { [Symbol.iterator]?: unknown } | null)?.[Symbol.iterator] !== 'function')
    throw invalidArgument(fn, 'records', 'expected an iterable of { kind, value } records');
  if (asOf !== undefined && !(asOf instanceof Date && !Number.isNaN(asOf.getTime())))
    throw invalidArgument(fn, 'asOf', 'expected a valid Date');
  const dataset = emptyDataset(asOf);
  let index = 0;
  for (const record of records) {
    const kind = (record as { kind?: unknown } | null)?.kind;
    // Own list names only: a kind such as `__proto__` or `asOf` is not a list of the dataset.
    const list =
      typeof kind === 'string' && kind !== 'asOf' && Object.hasOwn(dataset, kind)
        ? dataset[kind as DatasetRecord['kind']]
        : undefined;
    if (!Array.isArray(list))
      throw invalidArgument(fn, `records[${index}]`, 'expected { kind, value } with kind a list of Dataset');
    (list as unknown[]).push(record.value);
    index++;
  }
  return dataset;
}

/**
 * The moment a generated dataset describes: the end of its last local day. Metrics that need a clock take it.
 *
 * @example
 * ```ts
 * datasetAsOf({ days: 30, startDate: '2026-01-05' }); // 2026-02-04T00:00 in Europe/Rome, as a Date
 * ```
 */
export function datasetAsOf(options: GenerateOptions = {}): Date {
  const config = resolveOptions(options, 'datasetAsOf');
  return config.start.plus({ days: config.days }).toJSDate();
}

/**
 * Generates a whole dataset in memory: {@link streamDataset} collected. For large volumes iterate the stream
 * instead.
 *
 * @example
 * ```ts
 * import { generateDataset } from 'supportkit-ts/testing';
 * const dataset = generateDataset({ seed: 42, tickets: 500, days: 60 });
 * dataset.tickets.length; // 500
 * ```
 */
export function generateDataset(options: GenerateOptions = {}): Dataset {
  resolveOptions(options); // checked before anything is generated
  return collectDataset(streamDataset(options), datasetAsOf(options));
}
