import type { Article, Group, Schedule, SlaPolicy, SopDocument } from '../models/index.js';

/**
 * Locales customers write from, each with its usual time zone and a weight (how common it is).
 * @example `LOCALES.map((l) => l.timeZone)`
 */
export const LOCALES = [
  { language: 'en-US', timeZone: 'America/New_York', weight: 22, hello: 'Hi' },
  { language: 'en-GB', timeZone: 'Europe/London', weight: 12, hello: 'Hello' },
  { language: 'it', timeZone: 'Europe/Rome', weight: 18, hello: 'Buongiorno' },
  { language: 'de', timeZone: 'Europe/Berlin', weight: 12, hello: 'Hallo' },
  { language: 'fr', timeZone: 'Europe/Paris', weight: 9, hello: 'Bonjour' },
  { language: 'es', timeZone: 'Europe/Madrid', weight: 8, hello: 'Hola' },
  { language: 'pt-BR', timeZone: 'America/Sao_Paulo', weight: 7, hello: 'Olá' },
  { language: 'ja', timeZone: 'Asia/Tokyo', weight: 5, hello: 'こんにちは' },
  { language: 'en-AU', timeZone: 'Australia/Sydney', weight: 7, hello: 'Hi' },
] as const;

/**
 * Why customers write: each topic's share of contacts, its group, and a few subjects.
 * @example `TOPICS.map((t) => t.tag) // ['how-to', 'billing', …]`
 */
export const TOPICS = [
  {
    tag: 'how-to',
    weight: 20,
    group: 'g-general',
    subjects: ['How do I export my data?', 'Where is the settings page?'],
  },
  {
    tag: 'billing',
    weight: 18,
    group: 'g-billing',
    subjects: ['Charged twice this month', 'Need a copy of my invoice'],
  },
  {
    tag: 'login',
    weight: 14,
    group: 'g-accounts',
    subjects: ['Cannot log in', 'Password reset email never arrives'],
  },
  {
    tag: 'bug',
    weight: 12,
    group: 'g-technical',
    subjects: ['Dashboard shows an error', 'Report totals look wrong'],
  },
  {
    tag: 'shipping',
    weight: 10,
    group: 'g-general',
    subjects: ['Where is my order?', 'Package arrived damaged'],
  },
  {
    tag: 'account',
    weight: 10,
    group: 'g-accounts',
    subjects: ['Change the account owner', 'Close my account'],
  },
  {
    tag: 'integration',
    weight: 8,
    group: 'g-technical',
    subjects: ['Webhook not firing', 'Sync with CRM stopped'],
  },
  {
    tag: 'feature-request',
    weight: 8,
    group: 'g-general',
    subjects: ['Please add dark mode', 'Bulk edit would help'],
  },
] as const;

/**
 * Tags whose share of contacts rises over the generated period, so contact-trend analysis has something real to
 * find: each starts at `from` of the period at a share of `startWeight` and grows linearly to `endWeight` (in the
 * same units as {@link TOPICS} weights).
 * @example `RISING_TAGS.map((t) => t.tag) // ['api-timeout', 'mobile-app-crash']`
 */
export const RISING_TAGS = [
  {
    tag: 'api-timeout',
    group: 'g-technical',
    from: 0.5,
    startWeight: 1,
    endWeight: 25,
    subjects: ['API requests time out'],
  },
  {
    tag: 'mobile-app-crash',
    group: 'g-technical',
    from: 0.35,
    startWeight: 1,
    endWeight: 15,
    subjects: ['App crashes on start'],
  },
] as const;

/**
 * The tag put on tickets created during an incident burst.
 * @example `dataset.tickets.filter((t) => t.tags.includes(OUTAGE_TAG))`
 */
export const OUTAGE_TAG = 'outage';

/** The generated team's groups. */
export const GROUPS: Group[] = [
  { id: 'g-general', name: 'General', description: 'First line for everything', scheduleId: 'sched-team' },
  { id: 'g-billing', name: 'Billing', description: 'Invoices, refunds, plans', scheduleId: 'sched-team' },
  { id: 'g-accounts', name: 'Accounts', description: 'Access and ownership', scheduleId: 'sched-team' },
  { id: 'g-technical', name: 'Technical', description: 'Bugs and integrations', scheduleId: 'sched-team' },
];

const weekdays = (fromMinute: number, toMinute: number, days: readonly number[]) =>
  days.map((day) => ({ start: day * 1440 + fromMinute, end: day * 1440 + toMinute }));

/** Italian public holidays on fixed dates, for each year the data spans. */
export function fixedHolidays(years: readonly number[]) {
  const dates: [string, string][] = [
    ['01-01', 'Capodanno'],
    ['01-06', 'Epifania'],
    ['04-25', 'Festa della Liberazione'],
    ['05-01', 'Festa del Lavoro'],
    ['06-02', 'Festa della Repubblica'],
    ['08-15', 'Ferragosto'],
    ['11-01', 'Ognissanti'],
    ['12-08', 'Immacolata'],
  ];
  const holidays = years.flatMap((year) =>
    dates.map(([date, name]) => ({ name, startDate: `${year}-${date}`, endDate: `${year}-${date}` })),
  );
  // A holiday that spans a weekend: the Christmas closure.
  for (const year of years) {
    holidays.push({ name: 'Chiusura natalizia', startDate: `${year}-12-24`, endDate: `${year}-12-27` });
  }
  return holidays;
}

/** The team schedule and the agents' shifts, all in `timeZone`. */
export function schedules(timeZone: string, years: readonly number[]): Schedule[] {
  const holidays = fixedHolidays(years);
  return [
    {
      id: 'sched-team',
      name: 'Support hours',
      timeZone,
      intervals: [...weekdays(8 * 60, 20 * 60, [1, 2, 3, 4, 5]), ...weekdays(9 * 60, 13 * 60, [6])],
      holidays,
    },
    {
      id: 'sched-early',
      name: 'Early shift',
      timeZone,
      intervals: weekdays(8 * 60, 16 * 60, [1, 2, 3, 4, 5]),
      holidays,
    },
    {
      id: 'sched-late',
      name: 'Late shift',
      timeZone,
      intervals: weekdays(12 * 60, 20 * 60, [1, 2, 3, 4, 5]),
      holidays,
    },
    {
      id: 'sched-weekend',
      name: 'Saturday shift',
      timeZone,
      intervals: weekdays(9 * 60, 13 * 60, [6]),
      holidays,
    },
  ];
}

/** The SLA the generated team promises. */
export const SLA_POLICY: SlaPolicy = {
  id: 'sla-standard',
  title: 'Standard support',
  description: 'Reply and resolution targets for every ticket',
  position: 0,
  filter: { priorities: [], channels: [], groupIds: [], organizationIds: [], tags: [] },
  targets: [
    { priority: 'urgent', metric: 'firstReply', minutes: 60, businessHours: false },
    { priority: 'high', metric: 'firstReply', minutes: 120, businessHours: true },
    { priority: 'normal', metric: 'firstReply', minutes: 480, businessHours: true },
    { priority: 'low', metric: 'firstReply', minutes: 1440, businessHours: true },
    { priority: 'urgent', metric: 'nextReply', minutes: 120, businessHours: false },
    { priority: 'high', metric: 'nextReply', minutes: 240, businessHours: true },
    { priority: 'normal', metric: 'nextReply', minutes: 480, businessHours: true },
    { priority: 'low', metric: 'nextReply', minutes: 1440, businessHours: true },
    { priority: 'urgent', metric: 'resolution', minutes: 1440, businessHours: false },
    { priority: 'high', metric: 'resolution', minutes: 1440, businessHours: true },
    { priority: 'normal', metric: 'resolution', minutes: 2880, businessHours: true },
    { priority: 'low', metric: 'resolution', minutes: 7200, businessHours: true },
  ],
};

/** Two procedures the team follows. */
export const SOPS: SopDocument[] = [
  {
    id: 'sop-refund',
    title: 'Refund request',
    department: 'Billing',
    purpose: 'Refund customers consistently and within policy',
    terms: [
      { term: 'Chargeback', definition: 'A refund forced by the card issuer' },
      { term: 'L2', definition: 'Second-level support' },
    ],
    instructions: {
      start: 'verify',
      nodes: [
        { id: 'verify', kind: 'step', text: 'Verify the account owner', role: 'L1 agent', next: 'window' },
        {
          id: 'window',
          kind: 'decision',
          question: 'Purchased within 30 days?',
          branches: [
            { label: 'yes', next: 'refund' },
            { label: 'no', next: 'escalate' },
          ],
        },
        { id: 'refund', kind: 'step', text: 'Issue the refund in the billing console', next: 'done' },
        {
          id: 'escalate',
          kind: 'step',
          text: 'Escalate to the billing lead',
          role: 'L1 agent',
          next: 'done',
        },
        { id: 'done', kind: 'end', outcome: 'Customer informed of the outcome' },
      ],
    },
    owner: 'agent-1',
    version: '1.2.0',
    reviewDate: '2027-03-01',
  },
  {
    id: 'sop-outage',
    title: 'Service outage',
    department: 'Technical',
    purpose: 'Acknowledge and track reports during an incident',
    terms: [{ term: 'Status page', definition: 'The public incident log' }],
    instructions: {
      start: 'tag',
      nodes: [
        { id: 'tag', kind: 'step', text: 'Tag the ticket outage and link the incident', next: 'known' },
        {
          id: 'known',
          kind: 'decision',
          question: 'Is the incident already on the status page?',
          branches: [
            { label: 'yes', next: 'macro' },
            { label: 'no', next: 'page' },
          ],
        },
        { id: 'page', kind: 'step', text: 'Page the on-call engineer', role: 'Team lead', next: 'macro' },
        { id: 'macro', kind: 'step', text: 'Reply with the outage macro and set pending', next: null },
      ],
    },
    owner: 'agent-2',
    version: '2.0.0',
    reviewDate: '2027-01-15',
  },
];

/** Knowledge-base articles, one or two per topic. */
export function articles(createdAt: Date): Article[] {
  const topics = [...TOPICS, ...RISING_TAGS];
  return topics.map((topic, index) => ({
    id: `kb-${index + 1}`,
    title: `${topic.subjects[0]}: what to do`,
    body: `Steps that solve most ${topic.tag} questions.`,
    locale: 'en',
    labels: [topic.tag],
    sectionId: topic.group,
    authorId: 'agent-1',
    draft: false,
    createdAt,
    updatedAt: createdAt,
  }));
}
