import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parseMermaidFlowchart,
  parseSopMarkdown,
  SopSyntaxError,
  sopToMarkdown,
  toMermaid,
  ValidationError,
} from '../../../src/index.js';
import { chart, sopArb, sopWith } from './fixtures.js';

function syntaxError(text: string): SopSyntaxError {
  try {
    parseMermaidFlowchart(text);
  } catch (error) {
    if (error instanceof SopSyntaxError) return error;
    throw error;
  }
  throw new Error('expected a SopSyntaxError');
}

describe('parseMermaidFlowchart', () => {
  it('reads shapes, both label forms, chains, & and comments', () => {
    const chart = parseMermaidFlowchart(`%% a refund
graph LR
  s((Start)) --> paid{Invoice paid?} %% the question
  paid -->|yes| done([Closed])
  paid -- no --> remind(Send a reminder) --> done
  a & b:::warn --> c; c --> done
  classDef warn fill:#f96`);
    expect(chart.direction).toBe('LR');
    expect(chart.nodes.map((n) => [n.id, n.shape, n.label])).toEqual([
      ['s', 'start', 'Start'],
      ['paid', 'decision', 'Invoice paid?'],
      ['done', 'end', 'Closed'],
      ['remind', 'step', 'Send a reminder'],
      ['a', 'step', 'a'],
      ['b', 'step', 'b'],
      ['c', 'step', 'c'],
    ]);
    expect(chart.edges).toEqual([
      { from: 's', to: 'paid' },
      { from: 'paid', to: 'done', label: 'yes' },
      { from: 'paid', to: 'remind', label: 'no' },
      { from: 'remind', to: 'done' },
      { from: 'a', to: 'c' },
      { from: 'b', to: 'c' },
      { from: 'c', to: 'done' },
    ]);
  });

  it('reads quoted labels with entity codes and <br>, and subgraph groups', () => {
    const chart = parseMermaidFlowchart(`flowchart TD
  subgraph billing ["Billing #quot;desk#quot;"]
    a["Say #35;1 (twice)<br>then stop"] --> b
  end
  subgraph Other
    c
  end
  b --> c`);
    expect(chart.nodes).toEqual([
      { id: 'a', shape: 'step', label: 'Say #1 (twice)\nthen stop', group: 'Billing "desk"' },
      { id: 'b', shape: 'step', label: 'b', group: 'Billing "desk"' },
      { id: 'c', shape: 'step', label: 'c', group: 'Other' },
    ]);
  });

  it.each([
    ['flowchart TD\n  a --> end', 2, 9, /"end" in lower case/],
    ['flowchart TD\n  a[[Sub]]', 2, 4, /shape is not one SOPs use/],
    ['  a --> b', 1, 3, /starts with "flowchart TD"/],
    ['flowchart TD\n  subgraph g\n  a', 3, 1, /not closed with end/],
    ['flowchart TD\n  a --- b', 2, 5, /without an arrow/],
    ['flowchart TD\n  a["open', 2, 5, /quoted label is not closed/],
    ['flowchart TD\n  caffè --> b', 2, 3, /ASCII/],
    ['flowchart TD\n  a --> b\n  end', 3, 3, /without an open subgraph/],
  ])('reports %j at line %i, column %i', (text, line, column, message) => {
    const error = syntaxError(text);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.issues[0]).toMatchObject({ line, column });
    expect(error.issues[0]?.message).toMatch(message);
    expect(error.message).toContain(`line ${line}, column ${column}`);
  });

  it('collects every bad line in one error', () => {
    const error = syntaxError('flowchart TD\n  a --> end\n  b --- c\n  d --> e');
    expect(error.issues.map((i) => i.line)).toEqual([2, 3]);
  });

  it('never quotes the chart text in its error', () => {
    const error = syntaxError('flowchart TD\n  a["secret customer words');
    expect(error.message).not.toContain('secret');
  });

  it('prints and parses back every random chart equal (property)', () => {
    fc.assert(
      fc.property(chart, (c) => {
        expect(parseMermaidFlowchart(toMermaid(c))).toEqual(c);
      }),
      { numRuns: 300 },
    );
  });
});

describe('toMermaid', () => {
  it('writes an SOP as nodes with shapes, subgraphs, then labelled edges', () => {
    const sop = sopWith([
      { id: 's', kind: 'start', text: 'Call comes in', next: 'known' },
      {
        id: 'known',
        kind: 'decision',
        question: 'Known customer?',
        branches: [
          { label: 'yes', next: 'done' },
          { label: 'no', next: 'card' },
        ],
      },
      { id: 'card', kind: 'step', text: 'Create the card', next: 'done', group: 'Front desk' },
      { id: 'done', kind: 'end' },
    ]);
    expect(toMermaid(sop, { direction: 'LR' })).toBe(`flowchart LR
  s(("Call comes in"))
  known{"Known customer?"}
  card["Create the card"]
  done(["done"])
  subgraph group1 ["Front desk"]
    card
  end
  s --> known
  known -->|"yes"| done
  known -->|"no"| card
  card --> done
`);
  });

  it('refuses node ids Mermaid cannot draw, naming where they are', () => {
    const sop = sopWith([
      { id: 'end', kind: 'step', text: 'Wrap up', next: 'fine stop' },
      { id: 'fine stop', kind: 'end' },
    ]);
    expect(() => toMermaid(sop)).toThrow(ValidationError);
    try {
      toMermaid(sop);
    } catch (error) {
      expect((error as ValidationError).issues.map((i) => i.path.join('.'))).toEqual([
        'instructions.nodes.0.id',
        'instructions.nodes.1.id',
      ]);
    }
  });

  it('refuses a chart that is not one, with a ValidationError rather than a TypeError', () => {
    const bad = {
      direction: 'TD',
      nodes: [
        { id: 'a', shape: 'toString', label: 'x' },
        { id: 'b', shape: 'step', label: 7 },
      ],
      edges: [{ from: 'a', to: 'zz' }],
    };
    try {
      toMermaid(bad as never);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues.map((i) => i.path.join('.'))).toEqual([
        'nodes.0',
        'nodes.1',
        'edges.0',
      ]);
    }
  });

  it('random SOPs go through Markdown (flowchart and steps) and come back equal (property)', () => {
    fc.assert(
      fc.property(sopArb, (sop) => {
        expect(parseSopMarkdown(sopToMarkdown(sop))).toEqual(sop);
        expect(parseSopMarkdown(sopToMarkdown(sop, { locale: 'it' }))).toEqual(sop);
      }),
      { numRuns: 100 },
    );
  });
});
