import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  advanceSopRun,
  checkSop,
  type MermaidFlowchart,
  parseMermaidFlowchart,
  parseSopDocument,
  parseSopMarkdown,
  renderSop,
  type SopRun,
  SupportkitError,
  sopFor,
  sopRunStats,
  sopToMarkdown,
  startSopRun,
  toMermaid,
} from '../../src/index.js';

/**
 * The SOP tools with ids an author may choose that are also property names of every plain object (`__proto__`,
 * `constructor`, …), mixed with arbitrary strings, as SOP documents, Mermaid text, Markdown, charts and runs.
 * Every call returns or throws a typed supportkit error, and Object.prototype is the same afterwards: a key from
 * data that became a property name somewhere (ours or a library's) shows up here (STYLE 16, 19).
 */

const PROTOTYPE_WORDS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype'];
const clean = Object.getOwnPropertyNames(Object.prototype).sort();

const id = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...PROTOTYPE_WORDS) },
  { weight: 2, arbitrary: fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,5}$/) },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
);
const text = fc.oneof(fc.constantFrom(...PROTOTYPE_WORDS), fc.string({ maxLength: 12 }));
const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });

/** SOP-shaped documents whose nodes point at one another, often valid, sometimes not. */
const sopDocument = fc.uniqueArray(id, { minLength: 1, maxLength: 6 }).chain((ids) => {
  const target = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...ids) }, { weight: 1, arbitrary: id });
  const node = (nodeId: string) =>
    fc.oneof(
      fc.record({ id: fc.constant(nodeId), kind: fc.constant('start'), text: optional(text), next: target }),
      fc.record({
        id: fc.constant(nodeId),
        kind: fc.constant('step'),
        text,
        role: optional(text),
        next: fc.option(target, { nil: null }),
      }),
      fc.record({
        id: fc.constant(nodeId),
        kind: fc.constant('decision'),
        question: text,
        branches: fc.array(fc.record({ label: text, next: target }), { minLength: 2, maxLength: 3 }),
      }),
      fc.record({ id: fc.constant(nodeId), kind: fc.constant('end'), outcome: optional(text) }),
    );
  return fc.record({
    id,
    title: text,
    department: text,
    purpose: text,
    terms: fc.array(fc.record({ term: text, definition: text }), { maxLength: 3 }),
    instructions: fc.record({ start: target, nodes: fc.tuple(...ids.map(node)) }),
    owner: fc.constant('lead'),
    version: fc.constant('1.0.0'),
    reviewDate: fc.constant('2030-01-01'),
    appliesTo: optional(
      fc.record({ tags: fc.array(id, { maxLength: 3 }), types: fc.array(id, { maxLength: 2 }) }),
    ),
  });
});

/** Mermaid text written straight from ids and labels, with the shapes and links SOPs use. */
const mermaidText = fc
  .array(
    fc.record({
      from: id,
      shape: fc.constantFrom('((', '([', '[', '{', ''),
      label: text,
      link: fc.constantFrom('-->', '-->|yes|', '-- no -->', '&'),
      to: id,
    }),
    { minLength: 1, maxLength: 6 },
  )
  .map((lines) => {
    const close = new Map([
      ['((', '))'],
      ['([', '])'],
      ['[', ']'],
      ['{', '}'],
      ['', ''],
    ]);
    const body = lines.map((l) => {
      const node = l.shape === '' ? l.from : `${l.from}${l.shape}"${l.label}"${close.get(l.shape)}`;
      return `  ${node} ${l.link} ${l.to}`;
    });
    return `flowchart TD\n${body.join('\n')}`;
  });

/** Runs the call; a throw must be a SupportkitError. Returns what the call returned, or undefined. */
function typed<T>(name: string, call: () => T): T | undefined {
  try {
    return call();
  } catch (error) {
    if (error instanceof SupportkitError) return undefined;
    throw new Error(`${name} threw ${String(error)}`);
  }
}

/** Asserts Object.prototype gained nothing; what it gained is taken back first, so shrinking sees a clean one. */
function untouched(): void {
  const added = Object.getOwnPropertyNames(Object.prototype).filter((name) => !clean.includes(name));
  for (const name of added) delete (Object.prototype as Record<string, unknown>)[name];
  expect(added).toEqual([]);
}
const asOf = new Date('2026-11-29T10:00:00Z');
const at = '2026-11-29T09:00:00Z';

describe('SOP tools with prototype words as ids (property)', () => {
  it('parse, check, render, print and find: return or throw a typed error, Object.prototype unchanged', () => {
    fc.assert(
      fc.property(sopDocument, fc.constantFrom(...PROTOTYPE_WORDS), (doc, word) => {
        typed('parseSopDocument', () => parseSopDocument(doc));
        typed('checkSop', () => checkSop(doc, { asOf }));
        for (const format of ['markdown', 'text', 'html'] as const)
          typed(`renderSop ${format}`, () => renderSop(doc, { format }));
        const markdown = typed('sopToMarkdown', () => sopToMarkdown(doc));
        if (markdown !== undefined) typed('parseSopMarkdown', () => parseSopMarkdown(markdown));
        const mermaid = typed('toMermaid', () => toMermaid(doc));
        if (mermaid !== undefined) typed('parseMermaidFlowchart', () => parseMermaidFlowchart(mermaid));
        typed('sopFor', () => sopFor({ tags: [word, ...PROTOTYPE_WORDS], type: word }, [doc]));
        untouched();
      }),
      { numRuns: 200 },
    );
  });

  it('runs: start, advance with prototype words as steps and choices, and statistics', () => {
    fc.assert(
      fc.property(
        sopDocument,
        fc.array(fc.option(text, { nil: undefined }), { maxLength: 4 }),
        (doc, moves) => {
          let run: SopRun | undefined = typed('startSopRun', () =>
            startSopRun(doc, { operatorId: 'agent', ticketId: '1', at }),
          );
          const runs: SopRun[] = run ? [run] : [];
          for (const [i, choice] of moves.entries()) {
            if (!run) break;
            const stepId = run.current ?? PROTOTYPE_WORDS[i % PROTOTYPE_WORDS.length];
            const when = new Date(Date.parse(at) + (i + 1) * 60_000);
            const next: SopRun | undefined = typed('advanceSopRun', () =>
              advanceSopRun(run as SopRun, {
                stepId: stepId as string,
                operatorId: 'agent',
                at: when,
                ...(choice === undefined ? {} : { choice }),
              }),
            );
            if (next) {
              run = next;
              runs.push(next);
            }
          }
          typed('sopRunStats', () => sopRunStats(runs, { asOf }));
          untouched();
        },
      ),
      { numRuns: 200 },
    );
  });

  it('Mermaid and Markdown text, and charts: return or throw a typed error, Object.prototype unchanged', () => {
    fc.assert(
      fc.property(mermaidText, fc.constantFrom('TD', 'LR'), (mermaid, direction) => {
        const chart = typed('parseMermaidFlowchart', () => parseMermaidFlowchart(mermaid));
        if (chart) typed('toMermaid chart', () => toMermaid(chart));
        const markdown = `---\nid: sop-x\ntitle: T\ndepartment: D\nowner: o\nversion: 1\nreviewDate: 2030-01-01\n---\n## Purpose\np\n\n## Flowchart\n\`\`\`mermaid\n${mermaid}\n\`\`\`\n`;
        const sop = typed('parseSopMarkdown', () => parseSopMarkdown(markdown));
        if (sop) {
          typed('renderSop html', () => renderSop(sop, { format: 'html' }));
          typed('checkSop', () => checkSop(sop, { asOf }));
          typed('toMermaid', () => toMermaid(sop, { direction }));
        }
        untouched();
      }),
      { numRuns: 200 },
    );
  });

  it('toMermaid on charts with prototype-word ids and shapes', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(id, { minLength: 1, maxLength: 4 }),
        fc.constantFrom('start', 'end', 'step', 'decision', ...PROTOTYPE_WORDS),
        text,
        (ids, shape, label) => {
          const chart = {
            direction: 'TD',
            nodes: ids.map((nodeId) => ({ id: nodeId, shape, label, group: label })),
            edges: ids.slice(1).map((to, i) => ({ from: ids[i], to, label })),
          } as MermaidFlowchart;
          const printed = typed('toMermaid', () => toMermaid(chart));
          if (printed !== undefined) typed('parseMermaidFlowchart', () => parseMermaidFlowchart(printed));
          untouched();
        },
      ),
      { numRuns: 200 },
    );
  });
});
