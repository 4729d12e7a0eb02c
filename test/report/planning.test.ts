/**
 * The planning sections of a report (ReportData.sections): the next weeks' forecast with its intervals, agents
 * per hour naming the real peak, customers by card state, SOP runs and knowledge-base coverage — from the data,
 * or "not in this data".
 */
import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  advanceSopRun,
  buildCardIndex,
  customerCard,
  type SopRun,
  startSopRun,
} from '../../src/care/index.js';
import { ValidationError } from '../../src/errors/index.js';
import { forecastVolume } from '../../src/metrics/index.js';
import { datasetRecords } from '../../src/models/dataset.js';
import type { ReportSection } from '../../src/report/index.js';
import { collect, dataset, OPTIONS, records } from './fixture.js';

let sections: Map<string, ReportSection>;
beforeAll(async () => {
  const collector = collect();
  sections = new Map((await collector.planning()).map((s) => [s.id, s]));
}, 120_000);

/** A displayed count ('1,234') as a number. */
const num = (text: string) => Number(text.replace(/,/g, ''));

describe('the planning sections', () => {
  it('come in order, each from the data', () => {
    expect([...sections.keys()]).toEqual(['forecast', 'staffing', 'card-states', 'sops', 'knowledge-base']);
  });

  it('forecast the next 4 weeks as the forecasting module does, with intervals around each forecast', () => {
    const section = sections.get('forecast')!;
    const end = DateTime.fromJSDate(dataset.asOf!, { zone: OPTIONS.timeZone }).startOf('week');
    const expected = forecastVolume(
      dataset.tickets.map((t) => t.createdAt),
      { interval: 'week', timeZone: OPTIONS.timeZone, end: end.toMillis(), horizon: 4 },
    );
    expect(section.note).toContain(expected.method);
    expect(section.table.rows).toHaveLength(4);
    expect(section.svg).toContain('<svg');
    section.table.rows.forEach((row, i) => {
      const point = expected.points[i]!;
      expect(num(row[1]!)).toBe(Math.round(point.forecast));
      const [low80, high80] = row[2]!.split(' – ').map(num);
      const [low95, high95] = row[3]!.split(' – ').map(num);
      expect([low80, high80]).toEqual([Math.round(point.lower80), Math.round(point.upper80)]);
      expect(low95!).toBeLessThanOrEqual(low80!);
      expect(low80!).toBeLessThanOrEqual(num(row[1]!));
      expect(num(row[1]!)).toBeLessThanOrEqual(high80!);
      expect(high80!).toBeLessThanOrEqual(high95!);
    });
  });

  it('size agents per hour for the next 7 days and name the real peak', async () => {
    const section = sections.get('staffing')!;
    expect(section.table.rows).toHaveLength(7);
    // The first day is the report's day: asOf is a local midnight.
    expect(section.table.rows[0]![0]).toBe('Mon, Mar 9');
    // The peak: the most agents, and of the hours with as many, the most requests.
    // (The table rounds requests to a tenth: of rows that tie there, the note names the one busier unrounded.)
    const rank = (r: string[]) => num(r[3]!) * 1e6 + num(r[4]!);
    const best = Math.max(...section.table.rows.map(rank));
    const named = section.table.rows.filter((r) =>
      section.note!.includes(`Peak: ${r[0]} ${r[2]}, ${r[3]} agent`),
    );
    expect(named).toHaveLength(1);
    expect(rank(named[0]!)).toBe(best);
    // Longer handling needs more agent-hours.
    const slower = (await collect().planning({ ahtMinutes: 30 })).find((s) => s.id === 'staffing')!;
    const hours = (s: ReportSection) => s.table.rows.reduce((n, r) => n + num(r[1]!), 0);
    expect(hours(slower)).toBeGreaterThan(hours(section));
    expect(slower.note).toContain('30 min of handling');
  });

  it('count customers by the state their card shows, as the card module computes it', async () => {
    const section = sections.get('card-states')!;
    const index = await buildCardIndex([...datasetRecords(dataset)]);
    const states = { red: 0, yellow: 0, green: 0 };
    for (const id of index.cardIds()) {
      const state = customerCard(index, id, { asOf: dataset.asOf! }).state;
      if (state) states[state]++;
    }
    expect(section.table.rows.map((r) => num(r[1]!))).toEqual([states.red, states.yellow, states.green]);
    expect(states.red + states.yellow).toBeGreaterThan(0);
  });

  it('list SOP documents without runs, and the runs’ statistics when given', async () => {
    const section = sections.get('sops')!;
    expect(section.note).toBe('no SOP runs in this data (2 SOP documents)');
    expect(section.table.rows.map((r) => r[0])).toEqual(['Refund request', 'Service outage']);
    const refund = dataset.sops.find((s) => s.id === 'sop-refund')!;
    const runs: SopRun[] = [];
    for (let i = 0; i < 3; i++) {
      const at = Date.parse('2026-03-02T09:00:00Z') + i * 86_400_000;
      let run = startSopRun(refund, { operatorId: 'agent-1', ticketId: String(i), at });
      run = advanceSopRun(run, { stepId: 'verify', operatorId: 'agent-1', at: at + 5 * 60_000 });
      if (i < 2) {
        run = advanceSopRun(run, {
          stepId: 'window',
          operatorId: 'agent-1',
          choice: 'yes',
          at: at + 6 * 60_000,
        });
        run = advanceSopRun(run, { stepId: 'refund', operatorId: 'agent-1', at: at + 20 * 60_000 });
      }
      runs.push(run);
    }
    const withRuns = (await collect().planning({ sopRuns: runs })).find((s) => s.id === 'sops')!;
    expect(withRuns.table.rows).toEqual([['Refund request', '3', '2', '0', '1', 'refund (14 min)']]);
    const none = (
      await collect(
        {},
        records.filter((r) => r.kind !== 'sops'),
      ).planning()
    ).find((s) => s.id === 'sops')!;
    expect(none.note).toBe('not in this data');
    expect(none.table.rows).toEqual([]);
  });

  it('measure knowledge-base coverage on the most recent tickets, or say the data has no articles', async () => {
    const section = sections.get('knowledge-base')!;
    expect(section.note).toMatch(
      /^Of the last 200 tickets, \d+\.\d% get an article suggestion from the \d+ articles\.$/,
    );
    const recent = [...dataset.tickets]
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
      .slice(0, 200);
    const tags = new Map<string, number>();
    for (const t of recent) for (const tag of new Set(t.tags)) tags.set(tag, (tags.get(tag) ?? 0) + 1);
    const busiest = [...tags].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]!;
    expect(section.table.rows[0]!.slice(0, 2)).toEqual([busiest[0], String(busiest[1])]);
    const none = (
      await collect(
        {},
        records.filter((r) => r.kind !== 'articles'),
      ).planning()
    ).find((s) => s.id === 'knowledge-base')!;
    expect(none.note).toBe('not in this data');
  });

  it('are the same when the records are read in two shards and merged', async () => {
    const cut = records.findIndex((r, i) => i > records.length / 2 && r.kind === 'tickets');
    const left = collect({}, records.slice(0, cut));
    const right = collect({}, records.slice(cut));
    left.merge(JSON.parse(JSON.stringify(right.toJSON())));
    const merged = await left.planning();
    const whole = await collect().planning();
    expect(merged).toEqual(whole);
    expect(left.finish().report.volumes).toEqual(collect().finish().report.volumes);
  }, 60_000);

  it('refuse a wrong option, naming it', async () => {
    const collector = collect();
    for (const [options, name] of [
      [{ shrinkage: 1 }, 'shrinkage'],
      [{ ahtMinutes: 0 }, 'ahtMinutes'],
      [{ forecastWeeks: 2.5 }, 'forecastWeeks'],
      [{ locale: 'pt' }, 'locale'],
      [{ sopRuns: [{ not: 'a run' }] }, 'sopRuns'],
      [{ language: 'it' }, 'language'],
    ] as const) {
      const error = await collector.planning(options as never).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect(String((error as Error).message)).toContain(name);
    }
  });
});
