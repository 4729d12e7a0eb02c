import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { MermaidFlowchart, SopDocument, SopDocumentInput } from '../../../src/index.js';
import { parseSopDocument } from '../../../src/index.js';

/** A checked moment before every example's review date. */
export const asOf = new Date('2026-11-29T10:00:00Z');

/** The example SOPs shipped in examples/sops, by file name. */
export function exampleSops(): [string, string][] {
  const dir = join(import.meta.dirname, '../../../examples/sops');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .map((f) => [f, readFileSync(join(dir, f), 'utf8')]);
}

/** An SOP around the given nodes, with fields that raise no finding of their own. */
export function sopWith(
  nodes: SopDocumentInput['instructions']['nodes'],
  extra: Partial<SopDocumentInput> = {},
): SopDocument {
  return parseSopDocument({
    id: 'sop-test',
    title: 'Test procedure',
    department: 'Support',
    purpose: 'Exercise the checks',
    owner: 'lead',
    version: '1.0.0',
    reviewDate: '2027-01-01',
    instructions: { start: nodes[0]?.id ?? 'x', nodes },
    ...extra,
  });
}

/** Characters that trip Mermaid and Markdown: quotes, brackets, pipes, comment marks, arrows, line breaks. */
const TRAPS = [
  '"',
  '#',
  '<',
  '>',
  '|',
  '%',
  '[',
  ']',
  '{',
  '}',
  '(',
  ')',
  ';',
  '&',
  '-',
  '→',
  '`',
  '\\',
  '*',
  '_',
  ':',
];
// No 'n': every generated id starts with it, so a label never equals an id (an unnamed start or end prints its id).
const chars = fc.constantFrom('a', 'b', 'E', 'z', ' ', '1', 'è', 'ß', '?', ...TRAPS);
/** A label of 1..20 characters drawn from letters and every trap character. */
export const label = fc.array(chars, { minLength: 1, maxLength: 20 }).map((a) => a.join(''));
/** A label that could also contain a line break. */
export const multiLineLabel = fc
  .array(fc.oneof(chars, fc.constant('\n')), { minLength: 1, maxLength: 20 })
  .map((a) => a.join(''));

const ids = fc
  .uniqueArray(fc.stringMatching(/^n[A-Za-z0-9_]{0,6}$/), { minLength: 1, maxLength: 8 })
  .map((a) =>
    a.filter(
      (id) =>
        ![
          'end',
          'subgraph',
          'graph',
          'flowchart',
          'direction',
          'style',
          'class',
          'classDef',
          'linkStyle',
          'click',
        ].includes(id),
    ),
  );

/** Random charts the printer must write and the parser read back equal: any shapes, edges, labels and groups. */
export const chart: fc.Arbitrary<MermaidFlowchart> = ids
  .filter((a) => a.length > 0)
  .chain((nodeIds) =>
    fc.record({
      direction: fc.constantFrom('TD', 'TB', 'BT', 'LR', 'RL' as const),
      nodes: fc.tuple(
        ...nodeIds.map((id) =>
          fc.record(
            {
              id: fc.constant(id),
              shape: fc.constantFrom('start', 'end', 'step', 'decision' as const),
              label: multiLineLabel,
              group: fc.constantFrom('Billing', 'L2 team', 'Primo livello "A"'),
            },
            { requiredKeys: ['id', 'shape', 'label'] },
          ),
        ),
      ),
      edges: fc.array(
        fc.record(
          { from: fc.constantFrom(...nodeIds), to: fc.constantFrom(...nodeIds), label },
          { requiredKeys: ['from', 'to'] },
        ),
        { maxLength: 12 },
      ),
    }),
  );

/** Random valid SOP instructions (every reference resolves; decisions have two or more branches). */
export const sopArb: fc.Arbitrary<SopDocument> = ids
  .filter((a) => a.length >= 2)
  .chain((nodeIds) => {
    const target = fc.constantFrom(...nodeIds);
    const node = (id: string, first: boolean) =>
      first
        ? fc.oneof(
            fc.record(
              { id: fc.constant(id), kind: fc.constant('start' as const), text: label, next: target },
              { requiredKeys: ['id', 'kind', 'next'] },
            ),
            fc.record({ id: fc.constant(id), kind: fc.constant('step' as const), text: label, next: target }),
          )
        : fc.oneof(
            fc.record(
              {
                id: fc.constant(id),
                kind: fc.constant('step' as const),
                text: label,
                role: label,
                next: fc.option(target, { nil: null }),
              },
              { requiredKeys: ['id', 'kind', 'text', 'next'] },
            ),
            fc.record({
              id: fc.constant(id),
              kind: fc.constant('decision' as const),
              question: label,
              branches: fc.array(fc.record({ label, next: target }), { minLength: 2, maxLength: 3 }),
            }),
            fc.record(
              { id: fc.constant(id), kind: fc.constant('end' as const), outcome: label },
              { requiredKeys: ['id', 'kind'] },
            ),
          );
    return fc.tuple(...nodeIds.map((id, i) => node(id, i === 0)));
  })
  .map((nodes) => sopWith(trimmed(nodes)));

/** Markdown keeps texts on one line without edge spaces; labels are trimmed and made non-empty for the SOP form. */
function trimmed<T>(nodes: T[]): T[] {
  const fix = (s: string) => s.replace(/\s+/g, ' ').trim() || 'x';
  return JSON.parse(
    JSON.stringify(nodes, (key, value) =>
      typeof value === 'string' && ['text', 'role', 'question', 'label', 'outcome'].includes(key)
        ? fix(value)
        : value,
    ),
  );
}
