import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addBusinessMinutes,
  bundleDataset,
  businessMinutes,
  ces,
  cesAccumulator,
  csat,
  csatAccumulator,
  distributionAccumulator,
  firstReplyAccumulator,
  firstReplyTime,
  holidaysFor,
  isBusinessTime,
  type MessageInput,
  nextReplyTime,
  normalQuantile,
  nps,
  npsAccumulator,
  quantileSorted,
  recordSummarizer,
  reopens,
  reopensAccumulator,
  replyTimes,
  replyTimesAccumulator,
  resolutionAccumulator,
  resolutionTimes,
  type Schedule,
  SupportkitError,
  slaAccumulator,
  slaStatus,
  slaTargetsFor,
  statusDurationAccumulator,
  statusDurations,
  summarize,
  summarizeRecords,
  summarizeValues,
  summaryAccumulator,
  type TicketEventInput,
  tagTrends,
  tagTrendsAccumulator,
  ValidationError,
  volumes,
  volumesAccumulator,
} from '../../src/index.js';

const schedule: Schedule = {
  timeZone: 'Europe/Rome',
  intervals: [1, 2, 3, 4, 5].map((d) => ({ start: d * 1440 + 540, end: d * 1440 + 1080 })),
  holidays: [],
};
const policy = {
  id: 'p1',
  title: 'Standard',
  targets: [
    { priority: 'normal', metric: 'firstReply', minutes: 60, businessHours: true },
    { priority: 'normal', metric: 'resolution', minutes: 600, businessHours: false },
  ],
};

// Model JSON, as an HTTP body or a JSONL line carries it: ISO strings, not Dates.
const ticketJson = {
  id: 't1',
  subject: 'Help',
  status: 'solved',
  priority: 'normal',
  requesterId: 'c1',
  createdAt: '2026-03-02T08:00:00Z',
  updatedAt: '2026-03-02T12:00:00Z',
  tags: ['billing'],
};
const messagesJson: MessageInput[] = [
  {
    id: 'm1',
    ticketId: 't1',
    authorId: 'a1',
    authorRole: 'agent',
    public: false,
    body: '',
    createdAt: '2026-03-02T08:00:00Z',
  },
  {
    id: 'm2',
    ticketId: 't1',
    authorId: 'a1',
    authorRole: 'agent',
    public: true,
    body: '',
    createdAt: '2026-03-02T08:30:00Z',
  },
];
const eventsJson: TicketEventInput[] = [
  { id: 'e1', ticketId: 't1', type: 'status', at: '2026-03-02T09:00:00Z', from: 'open', to: 'solved' },
];
const asOf = '2026-03-03T00:00:00Z';

describe('model JSON is accepted wherever the models accept it', () => {
  it('every per-ticket metric takes ISO strings (was: TypeError m.createdAt.getTime is not a function)', () => {
    expect(firstReplyTime(ticketJson, messagesJson)?.calendarMinutes).toBe(30);
    expect(replyTimes(ticketJson, messagesJson)).toEqual([]);
    expect(nextReplyTime(ticketJson, messagesJson)).toEqual([]);
    expect(resolutionTimes(ticketJson, eventsJson).firstResolution?.calendarMinutes).toBe(60);
    expect(reopens(ticketJson, eventsJson)).toBe(0);
    expect(statusDurations(ticketJson, eventsJson, { asOf }).byStatus.open?.calendarMinutes).toBe(60);
    const sla = slaStatus(ticketJson, messagesJson, eventsJson, policy as never, { asOf, schedule });
    expect(sla.map((s) => s.state)).toEqual(['achieved', 'achieved']);
    expect(slaTargetsFor(ticketJson, eventsJson, policy as never)).toHaveLength(2);
  });

  it('dataset metrics and accumulators take model JSON too', () => {
    const dataset = { asOf, tickets: [ticketJson], messages: messagesJson, events: eventsJson, nps: [] };
    expect(summarize(dataset).firstReply.replied).toBe(1);
    expect(volumes(dataset, { interval: 'day' })[0]?.created).toBe(1);
    expect(tagTrends(dataset).tags[0]?.tag).toBe('billing');
    expect([...bundleDataset(dataset)][0]?.messages).toHaveLength(2);
    const bundle = { ticket: ticketJson, messages: messagesJson, events: eventsJson };
    expect(
      firstReplyAccumulator()
        .add(bundle as never)
        .result().measured,
    ).toBe(1);
    expect(
      summaryAccumulator({ asOf })
        .add({ kind: 'bundle', value: bundle } as never)
        .result().tickets.total,
    ).toBe(1);
  });

  it('bad input is a ValidationError naming the function and the path, never echoing the value', () => {
    const secret = 'customer wrote: my password is hunter2';
    const error = (() => {
      try {
        firstReplyTime({ ...ticketJson, createdAt: secret }, messagesJson);
      } catch (e) {
        return e;
      }
    })() as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.subject).toBe('firstReplyTime() ticket');
    expect(error.issues[0]?.path).toEqual(['createdAt']);
    expect(error.message).not.toContain('hunter2');
    expect(() =>
      summarize({ asOf, tickets: [ticketJson], messages: [{ ...messagesJson[0], public: 'yes' } as never] }),
    ).toThrow(/summarize\(\) dataset[\s\S]*messages\[0\]\.public/);
    expect(() => reopens(ticketJson, [{ ...eventsJson[0], at: 5 } as never])).toThrow(
      /reopens\(\) events[\s\S]*\[0\]\.at/,
    );
  });

  it('nps(undefined) and holidaysFor without years are ValidationErrors naming the argument', () => {
    expect(() => nps(undefined as never)).toThrow(/nps\(\) scores/);
    expect(() => csat(null as never)).toThrow(ValidationError);
    expect(() => ces(42 as never)).toThrow(ValidationError);
    expect(() => holidaysFor({ country: 'IT' }, undefined as never)).toThrow(/holidaysFor\(\) years/);
    expect(() => holidaysFor(undefined as never, [2026])).toThrow(ValidationError);
  });
});

describe('business time accepts exactly what Timestamp accepts', () => {
  it('refuses offset-less strings, dd/mm/yyyy and epoch seconds instead of reading them in the host zone', () => {
    for (const bad of [
      '2026-03-06T10:00:00',
      '2026-03-06 10:00',
      '06/03/2026',
      '2026-03-06',
      1772787600,
      1.5e12 + 0.5,
    ]) {
      expect(() => businessMinutes(bad as never, '2026-03-06T12:00:00Z', schedule)).toThrow(ValidationError);
      expect(() => isBusinessTime(bad as never, schedule)).toThrow(ValidationError);
      expect(() => addBusinessMinutes(bad as never, 60, schedule)).toThrow(ValidationError);
    }
    expect(() =>
      businessMinutes('2026-03-06T10:00:00Z', '2026-03-06T12:00:00Z', { timeZone: 'Rome' } as never),
    ).toThrow(/businessMinutes\(\) schedule/);
  });

  it('gives the same answer for the same instant however it is written, on any host time zone', () => {
    const forms = [
      '2026-03-06T09:00:00Z',
      '2026-03-06T10:00:00+01:00',
      Date.parse('2026-03-06T09:00:00Z'),
      new Date('2026-03-06T09:00:00Z'),
    ];
    for (const start of forms) expect(businessMinutes(start, '2026-03-06T11:00:00+01:00', schedule)).toBe(60);
  });
});

// Every public metric, fed arbitrary JSON in each data argument (options stay valid: a wrong option is a
// TypeError by design, STYLE 10).
const validBundle = { ticket: ticketJson, messages: messagesJson, events: eventsJson };
const entries: [string, (x: unknown) => unknown][] = [
  ['firstReplyTime(ticket)', (x) => firstReplyTime(x as never, messagesJson)],
  ['firstReplyTime(messages)', (x) => firstReplyTime(ticketJson, x as never, { schedule })],
  ['replyTimes', (x) => replyTimes(ticketJson, x as never)],
  ['nextReplyTime', (x) => nextReplyTime(x as never, messagesJson)],
  ['resolutionTimes', (x) => resolutionTimes(ticketJson, x as never)],
  ['reopens', (x) => reopens(x as never, eventsJson)],
  ['statusDurations', (x) => statusDurations(ticketJson, x as never, { asOf })],
  [
    'slaStatus(messages)',
    (x) => slaStatus(ticketJson, x as never, eventsJson, policy as never, { asOf, schedule }),
  ],
  [
    'slaStatus(policy)',
    (x) => slaStatus(ticketJson, messagesJson, eventsJson, x as never, { asOf, schedule }),
  ],
  ['slaTargetsFor', (x) => slaTargetsFor(x as never, eventsJson, policy as never)],
  ['volumes', (x) => volumes(x as never)],
  ['tagTrends', (x) => tagTrends(x as never)],
  ['summarize', (x) => summarize(x as never, { asOf })],
  ['bundleDataset', (x) => [...bundleDataset(x as never)]],
  ['nps', (x) => nps(x as never)],
  ['csat', (x) => csat(x as never)],
  ['ces', (x) => ces(x as never)],
  ['businessMinutes(start)', (x) => businessMinutes(x as never, '2026-03-06T12:00:00Z', schedule)],
  [
    'businessMinutes(schedule)',
    (x) => businessMinutes('2026-03-06T10:00:00Z', '2026-03-06T12:00:00Z', x as never),
  ],
  ['addBusinessMinutes(start)', (x) => addBusinessMinutes(x as never, 90, schedule)],
  ['addBusinessMinutes(minutes)', (x) => addBusinessMinutes('2026-03-06T10:00:00Z', x as never, schedule)],
  ['isBusinessTime', (x) => isBusinessTime(x as never, schedule)],
  ['holidaysFor(region)', (x) => holidaysFor(x as never, [2026])],
  ['holidaysFor(years)', (x) => holidaysFor({ country: 'IT' }, x as never)],
  ['summarizeValues', (x) => summarizeValues(x as never)],
  ['quantileSorted', (x) => quantileSorted(x as never, 0.5)],
  ['normalQuantile', (x) => normalQuantile(x as never)],
  [
    'firstReplyAccumulator.add',
    (x) =>
      firstReplyAccumulator()
        .add(x as never)
        .result(),
  ],
  [
    'replyTimesAccumulator.add',
    (x) =>
      replyTimesAccumulator()
        .add(x as never)
        .result(),
  ],
  [
    'resolutionAccumulator.add',
    (x) =>
      resolutionAccumulator()
        .add(x as never)
        .result(),
  ],
  [
    'statusDurationAccumulator.add',
    (x) =>
      statusDurationAccumulator({ asOf })
        .add(x as never)
        .result(),
  ],
  [
    'reopensAccumulator.add',
    (x) =>
      reopensAccumulator()
        .add(x as never)
        .result(),
  ],
  [
    'slaAccumulator.add',
    (x) =>
      slaAccumulator(policy as never, { asOf, schedule })
        .add(x as never)
        .result(),
  ],
  [
    'volumesAccumulator.add',
    (x) =>
      volumesAccumulator()
        .add(x as never)
        .result(),
  ],
  [
    'tagTrendsAccumulator.add',
    (x) =>
      tagTrendsAccumulator()
        .add(x as never)
        .result(),
  ],
  [
    'summaryAccumulator.add',
    (x) =>
      summaryAccumulator({ asOf })
        .add(x as never)
        .result(),
  ],
  [
    'npsAccumulator.add',
    (x) =>
      npsAccumulator()
        .add(x as never)
        .result(),
  ],
  [
    'csatAccumulator.add',
    (x) =>
      csatAccumulator()
        .add(x as never)
        .result(),
  ],
  [
    'cesAccumulator.add',
    (x) =>
      cesAccumulator()
        .add(x as never)
        .result(),
  ],
  [
    'distributionAccumulator.add',
    (x) =>
      distributionAccumulator()
        .add(x as never)
        .result(),
  ],
  [
    'recordSummarizer.push',
    (x) => {
      const s = recordSummarizer({ asOf });
      s.push(x as never);
      return s.finish();
    },
  ],
];

/** A valid model object with one field swapped for arbitrary JSON (or removed). */
const wrongField = (valid: Record<string, unknown>) =>
  fc.tuple(fc.constantFrom(...Object.keys(valid), 'extra'), fc.option(fc.jsonValue())).map(([key, value]) => {
    const out: Record<string, unknown> = { ...valid };
    if (value === null) delete out[key];
    else out[key] = value;
    return out;
  });
const anyInput = fc.oneof(
  fc.jsonValue(),
  wrongField(ticketJson),
  wrongField(messagesJson[1]!).map((m) => [m]),
  wrongField(eventsJson[0]!).map((e) => [e]),
  wrongField(validBundle),
  wrongField({ asOf, tickets: [ticketJson], messages: messagesJson, events: eventsJson }),
  wrongField({ kind: 'bundle', value: validBundle }),
  wrongField(policy),
);

function expectResultOrTypedError(call: () => unknown): void {
  try {
    call();
  } catch (error) {
    if (!(error instanceof SupportkitError)) throw error;
  }
}

describe('arbitrary JSON into every public metric: a result or a typed supportkit error', () => {
  for (const [name, call] of entries) {
    it(name, () => {
      fc.assert(
        fc.property(anyInput, (x) => expectResultOrTypedError(() => call(x))),
        { numRuns: 60 },
      );
    });
  }

  it('summarizeRecords', async () => {
    await fc.assert(
      fc.asyncProperty(anyInput, async (x) => {
        try {
          await summarizeRecords(x as never, { asOf });
        } catch (error) {
          if (!(error instanceof SupportkitError)) throw error;
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('a misspelt option is refused, not silently replaced by its default', () => {
  it('names the option and suggests the one it resembles (summarize, volumes, nps)', () => {
    const dataset = { tickets: [ticketJson], messages: messagesJson, events: eventsJson };
    const misspelt = () => summarize(dataset, { timezone: 'Europe/Rome', intervall: 'month' } as never);
    expect(misspelt).toThrow(ValidationError);
    expect(misspelt).toThrow(/summarize\(\) options[\s\S]*timezone: unknown option: did you mean timeZone\?/);
    expect(misspelt).toThrow(/intervall: unknown option/);
    expect(() => volumes(dataset, { interval: 'week', time_zone: 'UTC' } as never)).toThrow(
      /volumes\(\) options[\s\S]*time_zone: unknown option: did you mean timeZone\?/,
    );
    expect(() => nps([9, 10], { confidance: 0.9 } as never)).toThrow(/confidance: unknown option/);
    // Options a function does take are still taken.
    expect(summarize(dataset, { timeZone: 'Europe/Rome', interval: 'month', asOf }).interval).toBe('month');
  });

  it('names the function the caller called, not an internal accumulator', () => {
    const dataset = { tickets: [ticketJson], messages: messagesJson, events: eventsJson };
    expect(() => summarize(dataset, { interval: 3 as never })).toThrow(
      /^Validation failed for summarize\(\) options/,
    );
    expect(() => volumes(dataset, { interval: 'year' as never })).toThrow(
      /^Validation failed for volumes\(\) options/,
    );
  });
});

describe('the parsed fast path never skips what the model would change', () => {
  it("reads 'Solved' in a hand-built ticket with Dates as solved (the model's spelling), not as backlog", () => {
    const ticket = {
      ...ticketJson,
      status: 'Solved',
      channel: 'E-Mail',
      createdAt: new Date(ticketJson.createdAt),
      updatedAt: new Date(ticketJson.updatedAt),
      solvedAt: null,
      assigneeId: null,
      groupId: null,
      organizationId: null,
      customFields: {},
    };
    const [day] = volumes({ tickets: [ticket], messages: [], events: [] }, { interval: 'day' });
    expect(day).toMatchObject({ created: 1, solved: 0, backlog: 0 });
  });
});

describe('quantileSorted reads only numbers', () => {
  // Found by the arbitrary-input property test: an array holding a null-prototype object threw a raw TypeError.
  it.each([
    [[Object.create(null)], 0],
    [[1, '2'], 0.5],
    [[1, Number.NaN], 1],
    [[undefined, 1], 0],
  ])('%j at %d is a ValidationError', (values, q) => {
    expect(() => quantileSorted(values as never, q)).toThrow(ValidationError);
  });
});
