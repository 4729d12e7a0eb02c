import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { replyPromise, slaDeadline } from '../../src/automations/index.js';
import { acknowledgement, promiseReplyBy } from '../../src/care/index.js';
import { ValidationError } from '../../src/errors/index.js';

const base = {
  createdAt: '2026-03-06 17:00',
  sla: 'urgent: 1h, high: 4h, normal: 8h, low: 16h',
  hours: 'lun-ven 9-18',
  timeZone: 'Europe/Rome',
};

describe('replyPromise', () => {
  it('promises the priority target in opening hours, in Italian: Friday 17:00 + 4h → Monday 12:00', () => {
    // 60 business minutes on Friday (17:00–18:00), 180 on Monday (09:00–12:00); 12:00 Rome is 11:00Z in March.
    const r = replyPromise({ ...base, priority: 'Alta', locale: 'it' });
    expect(r.by).toBe('2026-03-09T11:00:00.000Z');
    expect(r.byLocal).toBe('2026-03-09T12:00:00.000+01:00');
    expect(r.promise).toBe('lunedì 9 marzo alle 12:00');
    expect(r.sentence).toBe(
      'Grazie, abbiamo ricevuto il tuo messaggio: ti risponderemo entro lunedì 9 marzo alle 12:00.',
    );
    expect(r).toMatchObject({
      targetMinutes: 240,
      businessMinutes: 240,
      calendarMinutes: 4020,
      priority: 'high',
    });
    expect(r.rule).toBe('the target for priority high: 240 business minutes from arrival');
  });

  it('writes the moment in the customer’s zone and language: "today"/"tomorrow"', () => {
    // Urgent, 1 h: Friday 18:00 Rome = 17:00Z = 12:00 in New York, the same day.
    const r = replyPromise({
      ...base,
      priority: 'urgent',
      locale: 'en-US',
      customerTimeZone: 'America/New_York',
    });
    expect(r.promise).toBe('12:00 PM today');
    expect(r.sentence).toBe('Thanks, we have received your message and will reply by 12:00 PM today.');
    // Normal, 8 h from Thursday 17:00: 1 h on Thursday, 7 h on Friday → Friday 16:00, "tomorrow".
    const t = replyPromise({ ...base, createdAt: '2026-03-05 17:00', priority: 'normal', locale: 'it' });
    expect(t.promise).toBe('domani alle 16:00');
  });

  it('picks the channel target when the priority has none, then the default', () => {
    const chat = replyPromise({ ...base, channel: 'WhatsApp', sla: 'chat: 10m, default: 8h' });
    expect(chat).toMatchObject({ channel: 'chat', targetMinutes: 10, by: '2026-03-06T16:10:00.000Z' });
    const mail = replyPromise({ ...base, channel: 'E-mail', sla: 'chat: 10m, default: 8h' });
    expect(mail.rule).toMatch(/^the default target: 480 business minutes/);
    const json = replyPromise({ ...base, priority: 'high', sla: '{"high": "4h", "default": 480}' });
    expect(json.targetMinutes).toBe(240);
  });

  it('closes on the country’s holidays: 24 Dec 17:00 + 4h skips Christmas and Santo Stefano', () => {
    // 2026-12-24 is a Thursday: 1 h that day; 25 (Natale) and 26 (Santo Stefano, a Saturday) closed; Monday 28 09:00 + 3 h.
    const r = replyPromise({
      ...base,
      createdAt: '2026-12-24 17:00',
      priority: 'high',
      country: 'IT',
      locale: 'it',
    });
    expect(r.byLocal).toBe('2026-12-28T12:00:00.000+01:00');
    expect(r.promise).toBe('lunedì 28 dicembre alle 12:00');
  });

  it('counts calendar time when asked, and without opening hours', () => {
    const r = replyPromise({
      createdAt: '2026-12-24 17:00',
      sla: '24h',
      businessHours: 'no',
      timeZone: 'Europe/Rome',
      locale: 'de',
    });
    expect(r).toMatchObject({ by: '2026-12-25T16:00:00.000Z', businessMinutes: null, calendarMinutes: 1440 });
    expect(r.sentence).toBe(
      'Danke, wir haben Ihre Nachricht erhalten und antworten spätestens morgen um 17:00 Uhr.',
    );
  });

  it('counts again from asOf when the deadline from arrival has already passed', () => {
    const r = replyPromise({ ...base, priority: 'urgent', asOf: '2026-03-09 10:00' });
    // Urgent 1 h from Friday 17:00 ran out at 18:00; from Monday 10:00 it is 11:00.
    expect(r.byLocal).toBe('2026-03-09T11:00:00.000+01:00');
    expect(r.rule).toMatch(/from now \(the deadline from arrival had passed\)/);
  });

  it('agrees with slaDeadline for any arrival and target', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 * 24 * 60 }),
        fc.integer({ min: 1, max: 3000 }),
        (offsetMinutes, target) => {
          const createdAt = Date.parse('2026-01-05T00:00:00Z') + offsetMinutes * 60_000;
          const r = replyPromise({ ...base, createdAt, sla: target });
          const d = slaDeadline({ ...base, start: createdAt, target });
          expect(r.by).toBe(d.deadline);
          expect(r.businessMinutes).toBeCloseTo(target, 6);
        },
      ),
      { numRuns: 40 },
    );
  }, 30_000);

  it('writes the same moment as the acknowledgement for the same promise', () => {
    const schedule = {
      timeZone: 'Europe/Rome',
      intervals: [1, 2, 3, 4, 5].map((d) => ({ start: d * 1440 + 540, end: d * 1440 + 1080 })),
      holidays: [],
    };
    const ticket = {
      id: 't1',
      subject: 'Ordine',
      status: 'new',
      priority: 'high',
      channel: 'chat',
      requesterId: 'c1',
      tags: [],
      createdAt: '2026-03-06T16:00:00Z',
      updatedAt: '2026-03-06T16:00:00Z',
    } as const;
    const policy = {
      id: 'p',
      title: 'Standard',
      filter: {},
      targets: [{ metric: 'firstReply', priority: 'high', minutes: 240, businessHours: true }],
    };
    const promise = promiseReplyBy(ticket as never, { schedule, policies: [policy] as never });
    const ack = acknowledgement(
      ticket as never,
      { locale: 'it', promise, brand: 'Acme', channel: 'chat', timeZone: 'Europe/Rome' } as never,
    );
    const r = replyPromise({ ...base, priority: 'high', locale: 'it' });
    expect(promise.by.toISOString()).toBe(r.by);
    expect(ack.text).toContain(r.promise);
  });

  it('says what is wrong, naming the field, never echoing the value', () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ ...base, priority: 'Altissima-secret' }, /priority.*not a priority word/s],
      [{ ...base, sla: 'vip: 1h' }, /sla.*neither a priority, a channel nor "default"/s],
      [{ ...base, priority: 'low', sla: 'urgent: 1h' }, /sla.*no target for this ticket/s],
      [{ ...base, locale: 'pt' }, /locale.*it, en, es, fr, de/s],
      [{ ...base, hours: undefined, businessHours: true }, /hours.*give the opening hours/s],
      [{ ...base, sla: '' }, /sla.*expected a target/s],
      [{ ...base, createdAt: undefined }, /createdAt/],
      [{ ...base, timeZone: undefined }, /timeZone/],
    ];
    for (const [input, message] of cases) {
      let error: unknown;
      try {
        replyPromise(input as never);
      } catch (e) {
        error = e;
      }
      expect(error, JSON.stringify(message.source)).toBeInstanceOf(ValidationError);
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).not.toContain('secret');
    }
  });
});
