/**
 * JSON Schemas (draft 2020-12) of each automation helper's input, as one flat object of fields (what a no-code
 * tool's form sends), and of its output, with a worked example each. Plain objects, built at import without
 * any schema library, so they cost nothing to load.
 */

type JsonSchema = Record<string, unknown>;

const text = (description: string): JsonSchema => ({ type: 'string', description });
const stringOrNumber = (description: string): JsonSchema => ({ type: ['string', 'number'], description });
const nullable = (type: string, description: string): JsonSchema => ({ type: [type, 'null'], description });
const count = (description: string): JsonSchema => ({ type: 'integer', minimum: 0, description });
const strings = (description: string): JsonSchema => ({
  type: 'array',
  items: { type: 'string' },
  description,
});
const object = (properties: Record<string, JsonSchema>, required: readonly string[]): JsonSchema => ({
  type: 'object',
  properties,
  required,
  additionalProperties: false,
});

const answers = {
  anyOf: [
    { type: 'string' },
    { type: 'number' },
    { type: 'array', items: { type: ['string', 'number', 'null'] } },
  ],
  description: 'One answer, a list, or a string with one answer per line or comma (a CSV column)',
};
const timeZone = text('IANA time zone, e.g. Europe/Rome (required; the host time zone is never used)');
const dateOrder = { enum: ['day-first', 'month-first'], description: 'How to read 02/03/2026' };
const scheduleFields = {
  hours: text('Opening hours, e.g. "Mon-Fri 9-18, Sat 9-13" or "lun-ven 9-13, 14-18"'),
  schedule: {
    type: ['object', 'string'],
    description: 'A supportkit Schedule object or its JSON (instead of hours)',
  },
  timeZone,
  country: text('ISO 3166-1 country whose public holidays close the day, e.g. IT'),
  region: text('Region of the country for holidays, e.g. BY'),
  dateOrder,
};
const instant = (description: string) =>
  stringOrNumber(
    `${description}: ISO 8601, "2026-03-02 09:15", a numeric date with dateOrder, or epoch s/ms`,
  );
const normalized = (values: readonly string[]) => ({
  input: object(
    { value: text('The word to normalise'), fallback: text('Returned when the word is unknown') },
    ['value'],
  ),
  output: object({ value: { enum: values }, recognized: { type: 'boolean' } }, ['value', 'recognized']),
});
const localInstant = text('ISO 8601 in the time zone, with its offset');
const utcInstant = text('ISO 8601 in UTC');

/**
 * Each helper's input and output JSON Schema (draft 2020-12), a description, and a worked example; the same
 * ships as `supportkit-ts/schemas/automations/<name>.json`.
 *
 * @example
 * ```ts
 * import { automationSchemas, callAutomation } from 'supportkit-ts/automations';
 * const { input, example } = automationSchemas.slaDeadline;
 * input.required; // ['start', 'target', 'timeZone']
 * callAutomation('slaDeadline', example.input); // deep-equals example.output
 * ```
 */
export const automationSchemas = {
  npsCategory: {
    description: 'The NPS category of one answer: promoter (9–10), passive (7–8) or detractor (0–6).',
    input: object({ score: stringOrNumber('A whole number 0–10, e.g. "9" or "9 - very likely"') }, ['score']),
    output: object(
      {
        score: { type: 'integer', minimum: 0, maximum: 10 },
        category: { enum: ['promoter', 'passive', 'detractor'] },
      },
      ['score', 'category'],
    ),
    example: { input: { score: '9 - very likely' }, output: { score: 9, category: 'promoter' } },
  },
  scoreNps: {
    description: 'Net Promoter Score of a list of answers; blanks skipped and counted.',
    input: object({ answers }, ['answers']),
    output: object(
      {
        nps: nullable('number', '%promoters − %detractors, one decimal'),
        promoters: count('Answers 9–10'),
        passives: count('Answers 7–8'),
        detractors: count('Answers 0–6'),
        responses: count('Answers counted'),
        blanks: count('Blank answers skipped'),
        marginOfError: nullable('number', '95% margin of error in NPS points'),
      },
      ['nps', 'promoters', 'passives', 'detractors', 'responses', 'blanks', 'marginOfError'],
    ),
    example: {
      input: { answers: '10, 9, 8, , 3' },
      // 2 promoters, 1 passive, 1 detractor of 4: 50% − 25% = 25; se = 100·√((0.5 + 0.25 − 0.0625)/4) = 41.46, ×1.96 = 81.3
      output: {
        nps: 25,
        promoters: 2,
        passives: 1,
        detractors: 1,
        responses: 4,
        blanks: 1,
        marginOfError: 81.3,
      },
    },
  },
  scoreCsat: {
    description: 'CSAT (% satisfied) of ratings: good/bad words, 1–5, "4/5", stars or face emoji.',
    input: object({ answers }, ['answers']),
    output: object(
      {
        csat: nullable('number', 'Satisfied ÷ answers × 100, one decimal'),
        satisfied: count('Satisfied answers'),
        unsatisfied: count('Unsatisfied answers'),
        responses: count('Answers counted'),
        blanks: count('Blank answers skipped'),
      },
      ['csat', 'satisfied', 'unsatisfied', 'responses', 'blanks'],
    ),
    example: {
      input: { answers: ['Good', 'bad', '5', '4/5', '👎'] },
      output: { csat: 60, satisfied: 3, unsatisfied: 2, responses: 5, blanks: 0 },
    },
  },
  scoreCes: {
    description: 'Customer Effort Score (1–7 agreement that it was easy): mean and share of 5–7.',
    input: object({ answers }, ['answers']),
    output: object(
      {
        ces: nullable('number', 'Mean answer, two decimals'),
        easyShare: nullable('number', 'Percent of answers 5–7, one decimal'),
        responses: count('Answers counted'),
        blanks: count('Blank answers skipped'),
      },
      ['ces', 'easyShare', 'responses', 'blanks'],
    ),
    example: { input: { answers: '7, 6, 2' }, output: { ces: 5, easyShare: 66.7, responses: 3, blanks: 0 } },
  },
  parseWhen: {
    description: 'Reads a loose date and time in an explicit time zone.',
    input: object({ value: instant('The date and time'), timeZone, dateOrder }, ['value', 'timeZone']),
    output: object(
      {
        iso: utcInstant,
        local: localInstant,
        epochMs: { type: 'integer' },
        timeZone: { type: 'string' },
        date: text('Local date YYYY-MM-DD'),
        time: text('Local time HH:mm'),
        weekday: { type: 'integer', minimum: 1, maximum: 7, description: '1 = Monday … 7 = Sunday' },
      },
      ['iso', 'local', 'epochMs', 'timeZone', 'date', 'time', 'weekday'],
    ),
    example: {
      input: { value: '02/03/2026 09:15', timeZone: 'Europe/Rome', dateOrder: 'day-first' },
      output: {
        iso: '2026-03-02T08:15:00.000Z',
        local: '2026-03-02T09:15:00.000+01:00',
        epochMs: 1772439300000,
        timeZone: 'Europe/Rome',
        date: '2026-03-02',
        time: '09:15',
        weekday: 1,
      },
    },
  },
  splitTags: {
    description: 'Splits a tag field into normalised tags.',
    input: object({ value: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] } }, [
      'value',
    ]),
    output: object(
      {
        tags: strings('Normalised tags'),
        tagList: text('Tags joined with commas'),
        count: count('Number of tags'),
      },
      ['tags', 'tagList', 'count'],
    ),
    example: {
      input: { value: 'billing, Refund;  vip' },
      output: { tags: ['billing', 'refund', 'vip'], tagList: 'billing,refund,vip', count: 3 },
    },
  },
  normalizeStatus: {
    description: 'A status word from any helpdesk or language as new, open, pending, hold, solved or closed.',
    ...normalized(['new', 'open', 'pending', 'hold', 'solved', 'closed']),
    example: { input: { value: 'Risolto' }, output: { value: 'solved', recognized: true } },
  },
  normalizePriority: {
    description: 'A priority word as low, normal, high or urgent.',
    ...normalized(['low', 'normal', 'high', 'urgent']),
    example: { input: { value: 'Alta' }, output: { value: 'high', recognized: true } },
  },
  normalizeChannel: {
    description: 'A channel word as email, web, phone, chat, social, api or other.',
    ...normalized(['email', 'web', 'phone', 'chat', 'social', 'api', 'other']),
    example: { input: { value: 'E-mail' }, output: { value: 'email', recognized: true } },
  },
  hours: {
    description: 'Opening hours as text → a supportkit Schedule.',
    input: object({ text: text('Opening hours, e.g. "lun-ven 9-18, sab 9-13"'), timeZone }, [
      'text',
      'timeZone',
    ]),
    output: object(
      {
        timeZone: { type: 'string' },
        intervals: {
          type: 'array',
          description: 'Weekly intervals in minutes from Sunday 00:00',
          items: object(
            {
              start: { type: 'integer', minimum: 0, maximum: 10080 },
              end: { type: 'integer', minimum: 0, maximum: 10080 },
            },
            ['start', 'end'],
          ),
        },
        holidays: { type: 'array', maxItems: 0 },
      },
      ['timeZone', 'intervals', 'holidays'],
    ),
    example: {
      input: { text: 'Mon–Fri 9:00–13:00, 14:00–18:00', timeZone: 'Europe/Rome' },
      // Monday is day 1: 1·1440 + 9·60 = 1980; 13:00 → 2220, 14:00 → 2280, 18:00 → 2520; each next day +1440.
      output: {
        timeZone: 'Europe/Rome',
        intervals: [1, 2, 3, 4, 5].flatMap((day) => [
          { start: day * 1440 + 540, end: day * 1440 + 780 },
          { start: day * 1440 + 840, end: day * 1440 + 1080 },
        ]),
        holidays: [],
      },
    },
  },
  isOpenNow: {
    description: 'Whether the team is open at an instant (now by default), and when it next opens.',
    input: object({ ...scheduleFields, at: instant('The instant to ask about (default: now)') }, [
      'timeZone',
    ]),
    output: object(
      {
        open: { type: 'boolean' },
        at: utcInstant,
        atLocal: localInstant,
        nextOpenAt: nullable('string', 'Next opening, ISO 8601 UTC; null when open'),
        nextOpenLocal: nullable('string', 'Next opening in the time zone; null when open'),
        timeZone: { type: 'string' },
      },
      ['open', 'at', 'atLocal', 'nextOpenAt', 'nextOpenLocal', 'timeZone'],
    ),
    example: {
      // Saturday 7 March 2026, 10:00 in Rome (UTC+1) → closed; the next opening is Monday 9 March 09:00 = 08:00Z.
      input: { hours: 'Mon-Fri 9-18', timeZone: 'Europe/Rome', at: '2026-03-07 10:00' },
      output: {
        open: false,
        at: '2026-03-07T09:00:00.000Z',
        atLocal: '2026-03-07T10:00:00.000+01:00',
        nextOpenAt: '2026-03-09T08:00:00.000Z',
        nextOpenLocal: '2026-03-09T09:00:00.000+01:00',
        timeZone: 'Europe/Rome',
      },
    },
  },
  slaDeadline: {
    description: 'When an SLA target runs out, in business hours (default) or calendar time.',
    input: object(
      {
        ...scheduleFields,
        start: instant('When the clock starts'),
        target: stringOrNumber('Minutes, or "4h", "1h 30m", "2 days" (days only on calendar time)'),
        businessHours: {
          type: ['boolean', 'string'],
          description: 'Count business hours only (default true)',
        },
      },
      ['start', 'target', 'timeZone'],
    ),
    output: object(
      {
        deadline: utcInstant,
        deadlineLocal: localInstant,
        targetMinutes: { type: 'number' },
        businessHours: { type: 'boolean' },
        timeZone: { type: 'string' },
      },
      ['deadline', 'deadlineLocal', 'targetMinutes', 'businessHours', 'timeZone'],
    ),
    example: {
      // Friday 17:00 Rome + 240 business minutes: 60 on Friday (to 18:00), 180 on Monday (09:00 → 12:00 = 11:00Z).
      input: { start: '2026-03-06 17:00', target: '4h', hours: 'Mon-Fri 9-18', timeZone: 'Europe/Rome' },
      output: {
        deadline: '2026-03-09T11:00:00.000Z',
        deadlineLocal: '2026-03-09T12:00:00.000+01:00',
        targetMinutes: 240,
        businessHours: true,
        timeZone: 'Europe/Rome',
      },
    },
  },
  replyPromise: {
    description:
      'The reply time to promise a customer: the first-reply target for the priority or channel, in opening hours, as ISO and as a sentence in the customer’s language.',
    input: object(
      {
        ...scheduleFields,
        createdAt: instant('When the request arrived'),
        priority: text('The priority word, e.g. "Alta", "high", "P1"'),
        channel: text('The channel word, e.g. "E-mail", "WhatsApp"'),
        sla: {
          type: ['string', 'number', 'object'],
          description:
            'One target ("4h", 240) or targets by priority/channel: "urgent: 1h, high: 4h, normal: 8h, default: 16h"',
        },
        businessHours: {
          type: ['boolean', 'string'],
          description: 'Count opening hours only (default true when hours or schedule is given)',
        },
        locale: text('The customer’s language: it, en, es, fr or de (default en)'),
        customerTimeZone: text('The customer’s IANA time zone for the sentence (default timeZone)'),
        asOf: instant('When the reply is written, for "today"/"tomorrow" (default createdAt)'),
      },
      ['createdAt', 'sla', 'timeZone'],
    ),
    output: object(
      {
        by: utcInstant,
        byLocal: localInstant,
        promise: text('The moment in the customer’s words'),
        sentence: text('The short acknowledgement sentence with the promise'),
        targetMinutes: { type: 'number' },
        businessMinutes: nullable(
          'number',
          'Business minutes from arrival to the promise; null without hours',
        ),
        calendarMinutes: { type: 'number' },
        rule: text('Which target decided'),
        priority: { type: ['string', 'null'] },
        channel: { type: ['string', 'null'] },
        timeZone: { type: 'string' },
        locale: { type: 'string' },
      },
      [
        'by',
        'byLocal',
        'promise',
        'sentence',
        'targetMinutes',
        'businessMinutes',
        'calendarMinutes',
        'rule',
        'priority',
        'channel',
        'timeZone',
        'locale',
      ],
    ),
    example: {
      // Friday 17:00 Rome, "Alta" = high = 240 business minutes on Mon–Fri 9–18: 60 on Friday, 180 on Monday → 12:00.
      input: {
        createdAt: '2026-03-06 17:00',
        priority: 'Alta',
        sla: 'urgent: 1h, high: 4h, normal: 8h',
        hours: 'lun-ven 9-18',
        timeZone: 'Europe/Rome',
        locale: 'it',
      },
      output: {
        by: '2026-03-09T11:00:00.000Z',
        byLocal: '2026-03-09T12:00:00.000+01:00',
        promise: 'lunedì 9 marzo alle 12:00',
        sentence:
          'Grazie, abbiamo ricevuto il tuo messaggio: ti risponderemo entro lunedì 9 marzo alle 12:00.',
        targetMinutes: 240,
        businessMinutes: 240,
        calendarMinutes: 4020,
        rule: 'the target for priority high: 240 business minutes from arrival',
        priority: 'high',
        channel: null,
        timeZone: 'Europe/Rome',
        locale: 'it',
      },
    },
  },
  businessMinutesBetween: {
    description: 'Business minutes between two instants in the team’s opening hours.',
    input: object({ ...scheduleFields, start: instant('From'), end: instant('To') }, [
      'start',
      'end',
      'timeZone',
    ]),
    output: object(
      {
        businessMinutes: { type: 'number' },
        businessHours: { type: 'number' },
        calendarMinutes: { type: 'number' },
      },
      ['businessMinutes', 'businessHours', 'calendarMinutes'],
    ),
    example: {
      // Friday 17:00 → Monday 10:00 Rome: 60 + 60 business minutes; calendar 2 days 17 h = 3900 minutes.
      input: {
        start: '2026-03-06 17:00',
        end: '2026-03-09 10:00',
        hours: 'Mon-Fri 9-18',
        timeZone: 'Europe/Rome',
      },
      output: { businessMinutes: 120, businessHours: 2, calendarMinutes: 3900 },
    },
  },
  classifyTicket: {
    description: 'Tags a ticket by keyword rules.',
    input: object(
      {
        text: text('The ticket text (subject and description)'),
        rules: {
          type: ['object', 'array', 'string'],
          description: '"tag: keyword, keyword; tag: …", { tag: [keywords] } or [{ tag, keywords }]',
        },
        fallback: text('Tag to give when no rule matches'),
      },
      ['text', 'rules'],
    ),
    output: object(
      {
        tags: strings('Matching tags in rule order'),
        tagList: text('Tags joined with commas'),
        primary: nullable('string', 'The first tag'),
        matched: {
          type: 'array',
          items: object({ tag: { type: 'string' }, keywords: strings('Keywords that matched') }, [
            'tag',
            'keywords',
          ]),
        },
      },
      ['tags', 'tagList', 'primary', 'matched'],
    ),
    example: {
      input: {
        text: 'Where is my refund? The invoice is wrong.',
        rules: 'billing: invoice, refund; shipping: delivery, tracking',
      },
      output: {
        tags: ['billing'],
        tagList: 'billing',
        primary: 'billing',
        matched: [{ tag: 'billing', keywords: ['invoice', 'refund'] }],
      },
    },
  },
} as const satisfies Record<
  string,
  { description: string; input: JsonSchema; output: JsonSchema; example: { input: object; output: object } }
>;

/** The name of an automation helper. */
export type AutomationName = keyof typeof automationSchemas;
