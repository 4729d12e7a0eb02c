import { describe, expect, it } from 'vitest';
import {
  advanceSopRun,
  SopInvalidMoveError,
  type SopRun,
  sopFor,
  sopRunStats,
  startSopRun,
  ValidationError,
} from '../../../src/index.js';
import { sopWith } from './fixtures.js';

// Start → ask → answered? (no: back to ask; yes: close) → done.
const sop = sopWith([
  { id: 's', kind: 'start', text: 'Customer writes', next: 'ask' },
  { id: 'ask', kind: 'step', text: 'Ask for the order number', next: 'answered' },
  {
    id: 'answered',
    kind: 'decision',
    question: 'Did they answer?',
    branches: [
      { label: 'yes', next: 'close' },
      { label: 'no', next: 'ask' },
    ],
  },
  { id: 'close', kind: 'step', text: 'Solve the ticket', next: 'done' },
  { id: 'done', kind: 'end', outcome: 'Solved' },
]);

const t = (minutes: number) => new Date(Date.UTC(2026, 10, 29, 9, minutes)).toISOString();
const move = (stepId: string, minutes: number, choice?: string) => ({
  stepId,
  operatorId: 'agent-7',
  at: t(minutes),
  ...(choice ? { choice } : {}),
});

function refusal(run: SopRun, m: Parameters<typeof advanceSopRun>[1]): SopInvalidMoveError {
  try {
    advanceSopRun(run, m);
  } catch (error) {
    if (error instanceof SopInvalidMoveError) return error;
    throw error;
  }
  throw new Error('expected a SopInvalidMoveError');
}

/** A run that loops once: ask (2 min), answered=no (3), ask (4), answered=yes (1), close (5). */
function loopingRun(): SopRun {
  let run = startSopRun(sop, { operatorId: 'agent-7', ticketId: 4812, at: t(0) });
  for (const [step, at, choice] of [
    ['ask', 2],
    ['answered', 5, 'no'],
    ['ask', 9],
    ['answered', 10, 'YES'],
    ['close', 15],
  ] as const)
    run = advanceSopRun(run, {
      ...move(step, at, choice),
      note: step === 'close' ? 'customer thanked us' : undefined,
    });
  return run;
}

describe('SOP runs', () => {
  it('branches, loops back and completes, logging every signed move', () => {
    const start = startSopRun(sop, { operatorId: 'agent-7', ticketId: 4812, at: t(0) });
    expect(start).toMatchObject({
      status: 'active',
      current: 'ask',
      ticketId: '4812',
      startedBy: 'agent-7',
      sop: { version: '1.0.0' },
    });
    const run = loopingRun();
    expect(run.status).toBe('completed');
    expect(run.current).toBeNull();
    expect(run.outcome).toBe('done');
    expect(run.log.map((e) => [e.stepId, e.choice ?? null, e.next])).toEqual([
      ['ask', null, 'answered'],
      ['answered', 'no', 'ask'],
      ['ask', null, 'answered'],
      ['answered', 'yes', 'close'], // "YES" matched the branch label and is logged as the label
      ['close', null, 'done'],
    ]);
    expect(run.log.every((e) => e.operatorId === 'agent-7')).toBe(true);
    expect(run.log.at(-1)?.note).toBe('customer thanked us');
  });

  it('completes at a step with no next', () => {
    const short = sopWith([{ id: 'only', kind: 'step', text: 'Reply', next: null }]);
    const run = advanceSopRun(startSopRun(short, { operatorId: 'a', at: t(0) }), move('only', 1));
    expect(run).toMatchObject({ status: 'completed', outcome: 'only' });
  });

  it.each([
    ['not_current', move('close', 1), ['ask']],
    ['choice_not_allowed', move('ask', 1, 'yes'), []],
    ['time_goes_back', { ...move('ask', 0), at: '2026-11-29T08:00:00Z' }, []],
  ] as const)('refuses a move: %s', (reason, m, expected) => {
    const run = startSopRun(sop, { operatorId: 'agent-7', at: t(0) });
    const error = refusal(run, m);
    expect(error).toMatchObject({ code: 'sop_invalid_move', reason, expected });
  });

  it('refuses a decision without a choice or with a choice that is not an exit, and a finished run', () => {
    const atDecision = advanceSopRun(startSopRun(sop, { operatorId: 'a', at: t(0) }), move('ask', 1));
    expect(refusal(atDecision, move('answered', 2))).toMatchObject({
      reason: 'choice_required',
      expected: ['yes', 'no'],
    });
    expect(refusal(atDecision, move('answered', 2, 'maybe'))).toMatchObject({
      reason: 'not_an_exit',
      expected: ['yes', 'no'],
    });
    expect(refusal(loopingRun(), move('close', 20))).toMatchObject({ reason: 'finished' });
  });

  it('keeps its version: a JSON round-trip and an edited SOP do not change the run', () => {
    const run = advanceSopRun(startSopRun(sop, { operatorId: 'a', at: t(0) }), move('ask', 1));
    const stored = JSON.parse(JSON.stringify(run)) as SopRun;
    expect(stored).toEqual(run);
    // v2 removes the loop; the stored run still follows v1, where "no" goes back to ask.
    const v2 = sopWith([{ id: 'ask', kind: 'step', text: 'Ask', next: null }], { version: '2.0.0' });
    expect(startSopRun(v2, { operatorId: 'a', at: t(0) }).sop.version).toBe('2.0.0');
    const next = advanceSopRun(stored, move('answered', 3, 'no'));
    expect(next).toMatchObject({ current: 'ask', sop: { version: '1.0.0' } });
  });

  it('refuses a tampered run with a ValidationError', () => {
    const run = startSopRun(sop, { operatorId: 'a', at: t(0) });
    expect(() => advanceSopRun({ ...run, status: 'paused' } as never, move('ask', 1))).toThrow(
      ValidationError,
    );
  });
});

describe('sopRunStats', () => {
  it('gives time per step, branch counts and where runs were abandoned', () => {
    const complete = loopingRun();
    // Abandoned: started at 0, ask done at 6, then idle at "answered" for more than a day.
    const abandoned = advanceSopRun(startSopRun(sop, { operatorId: 'b', at: t(0) }), move('ask', 6));
    // In progress: last move 30 minutes before asOf.
    const recent = startSopRun(sop, { operatorId: 'c', at: '2026-11-30T09:30:00Z' });
    const stats = sopRunStats([complete, abandoned, recent], { asOf: new Date('2026-11-30T10:00:00Z') });
    // ask: 2, 4 (from 5 to 9) and 6 minutes → median 4, p90 = 4 + 0.8 × (6 − 4) = 5.6 (type 7).
    // answered: 3 and 1 → median 2, p90 = 1 + 0.9 × 2 = 2.8. close: 5.
    expect(stats).toEqual({
      sopId: 'sop-test',
      versions: ['1.0.0'],
      runs: 3,
      completed: 1,
      inProgress: 1,
      abandoned: 1,
      steps: [
        { stepId: 'ask', samples: 3, medianMinutes: 4, p90Minutes: 5.6 },
        { stepId: 'answered', samples: 2, medianMinutes: 2, p90Minutes: 2.8 },
        { stepId: 'close', samples: 1, medianMinutes: 5, p90Minutes: 5 },
      ],
      branches: [
        { stepId: 'answered', label: 'no', count: 1, share: 0.5 },
        { stepId: 'answered', label: 'yes', count: 1, share: 0.5 },
      ],
      abandonedAt: [{ stepId: 'answered', count: 1 }],
    });
  });

  it('is empty for no runs and refuses runs of different SOPs', () => {
    expect(sopRunStats([])).toMatchObject({ runs: 0, steps: [], branches: [], abandonedAt: [] });
    const other = startSopRun({ ...sop, id: 'sop-other' }, { operatorId: 'a', at: t(0) });
    expect(() => sopRunStats([loopingRun(), other])).toThrow(ValidationError);
  });
});

describe('sopFor', () => {
  const library = [
    sopWith([{ id: 'a', kind: 'step', text: 'x', next: null }], {
      id: 'refund',
      title: 'Refund',
      appliesTo: { tags: ['refund', 'billing'], types: [] },
    }),
    sopWith([{ id: 'a', kind: 'step', text: 'x', next: null }], {
      id: 'esc',
      title: 'Escalation',
      appliesTo: { tags: ['vip'], types: ['incident'] },
    }),
    sopWith([{ id: 'a', kind: 'step', text: 'x', next: null }], { id: 'none', title: 'Unlinked' }),
  ];

  it('finds the SOPs for a ticket by tag and type, best match first', () => {
    expect(
      sopFor({ tags: ['Refund', 'billing', 'vip'], type: 'question' }, library).map((s) => s.id),
    ).toEqual(['refund', 'esc']);
    expect(sopFor({ tags: [], type: 'incident' }, library).map((s) => s.id)).toEqual(['esc']);
    expect(sopFor({ tags: ['other'] }, library)).toEqual([]);
  });

  it('refuses a library that is not SOPs', () => {
    expect(() => sopFor({ tags: [] }, [{ id: 'x' }] as never)).toThrow(ValidationError);
  });
});
