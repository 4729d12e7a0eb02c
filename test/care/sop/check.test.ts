import { describe, expect, it } from 'vitest';
import { checkSop, parseSopMarkdown, ValidationError } from '../../../src/index.js';
import { asOf, exampleSops, sopWith } from './fixtures.js';

/** An SOP whose instructions are the given Mermaid chart. */
function charted(chart: string, purpose = 'Exercise the checks', terms = '') {
  return parseSopMarkdown(`---
id: sop-check
title: Check
department: Support
owner: lead
version: 1.0.0
reviewDate: 2027-01-01
---
## Purpose

${purpose}

## Terms

${terms}

## Flowchart

\`\`\`mermaid
flowchart TD
${chart}
\`\`\`
`);
}

const codes = (sop: Parameters<typeof checkSop>[0], options = {}) =>
  checkSop(sop, { asOf, ...options }).map((f) => [f.code, f.severity, f.nodeId ?? f.term ?? null]);

describe('checkSop', () => {
  it.each(exampleSops())('passes the example %s with no finding', (_name, text) => {
    expect(checkSop(parseSopMarkdown(text), { asOf })).toEqual([]);
  });

  it('accepts a loop back that has an exit', () => {
    expect(
      codes(charted('s((Call)) --> a[Ask] --> q{Answered?}\nq -->|no| a\nq -->|yes| d([Done])')),
    ).toEqual([]);
  });

  it('start_not_unique: a second start node is an error (and cannot be reached)', () => {
    const sop = charted('s1((A)) --> x[Do] --> d([Done])\ns2((B)) --> x');
    expect(codes(sop)).toEqual([
      ['start_not_unique', 'error', 's2'],
      ['unreachable_step', 'error', 's2'],
    ]);
  });

  it('unreachable_step: a step nothing leads to', () => {
    expect(codes(charted('s((A)) --> a[Do] --> d([Done])\norphan[Lost] --> d'))).toEqual([
      ['unreachable_step', 'error', 'orphan'],
    ]);
  });

  it('cycle_without_exit and no_path_to_end: a loop that never exits traps the steps before it', () => {
    // {a, b} is a closed loop: reported once, at its first node; s leads only into it, so no path from s ends.
    expect(codes(charted('s((A)) --> a[Ask] --> b[Wait] --> a'))).toEqual([
      ['cycle_without_exit', 'error', 'a'],
      ['no_path_to_end', 'error', 's'],
    ]);
  });

  it('decision_duplicate_label and decision_too_few_exits', () => {
    const sop = charted(
      's((A)) --> q{Paid?}\nq -->|yes| r{Card?}\nq -->|Yes| d([Done])\nr -->|card| d\nr -->|bank| d',
    );
    expect(codes(sop)).toEqual([
      ['decision_duplicate_label', 'error', 'q'],
      ['decision_too_few_exits', 'error', 'r'],
    ]);
  });

  it('term_undefined and term_unused: acronyms and [[marked]] words against the glossary', () => {
    const sop = charted(
      's((A)) --> a["Open the [[scheda]] in the CRM, say OK"] --> d([Done])',
      'Keep the L2 queue short',
      '- **Voucher**: A discount code.\n- **CRM**: Where the customers are.',
    );
    // CRM is defined and used; OK is not read as an acronym; L2 (purpose) and scheda are not defined; Voucher unused.
    expect(codes(sop)).toEqual([
      ['term_undefined', 'warning', 'L2'],
      ['term_undefined', 'warning', 'scheda'],
      ['term_unused', 'warning', 'Voucher'],
    ]);
  });

  it('review_overdue: on the calendar date of asOf in the given time zone', () => {
    const sop = sopWith([{ id: 'a', kind: 'step', text: 'Do', next: null }], { reviewDate: '2026-11-29' });
    const lateEvening = new Date('2026-11-29T23:30:00Z'); // 30 November 00:30 in Rome
    expect(codes(sop, { asOf: lateEvening })).toEqual([]);
    expect(codes(sop, { asOf: lateEvening, timeZone: 'Europe/Rome' })).toEqual([
      ['review_overdue', 'warning', null],
    ]);
  });

  it('empty_purpose and mermaid_unsafe_id', () => {
    const sop = sopWith([{ id: 'end', kind: 'step', text: 'Do', next: null }], { purpose: '   ' });
    expect(codes(sop)).toEqual([
      ['empty_purpose', 'warning', null],
      ['mermaid_unsafe_id', 'warning', 'end'],
    ]);
  });

  it('speaks Italian or English', () => {
    const sop = charted('s((A)) --> a[Do] --> d([Done])\norphan[Lost] --> d');
    expect(checkSop(sop, { asOf, locale: 'it-IT' })[0]?.message).toBe(
      '"orphan" non si raggiunge dall\'inizio.',
    );
    expect(checkSop(sop, { asOf, locale: 'en' })[0]?.message).toBe(
      '"orphan" cannot be reached from the start.',
    );
  });

  it('keeps what the model rejects a ValidationError, and checks its options', () => {
    expect(() =>
      checkSop({
        ...sopWith([{ id: 'a', kind: 'step', text: 'Do', next: null }]),
        instructions: { start: 'a', nodes: [{ id: 'a', kind: 'step', text: 'Do', next: 'nowhere' }] },
      }),
    ).toThrow(ValidationError);
    const sop = sopWith([{ id: 'a', kind: 'step', text: 'Do', next: null }]);
    expect(() => checkSop(sop, { timeZone: 'Mars/Olympus' })).toThrow(/timeZone/);
    expect(() => checkSop(sop, { asOf: new Date('nope') })).toThrow(/asOf/);
  });
});
