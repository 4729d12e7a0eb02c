import { afterEach, describe, expect, it } from 'vitest';
import {
  advanceSopRun,
  checkSop,
  parseMermaidFlowchart,
  parseSopDocument,
  parseSopMarkdown,
  renderSop,
  SopSyntaxError,
  sopToMarkdown,
  startSopRun,
  toMermaid,
} from '../../../src/index.js';
import { asOf, sopWith } from './fixtures.js';

/** Ids that are property names of every plain object: an author may choose any of them. */
const PROTOTYPE_WORDS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype'];

const protoNames = () => Object.getOwnPropertyNames(Object.prototype).sort();
const clean = protoNames();

afterEach(() => {
  // A failing test must not break the rest of the file: take back whatever was written onto the prototype.
  for (const name of protoNames()) if (!clean.includes(name)) delete (Object.prototype as never)[name];
});

/** A start, a decision and steps named after prototype words, each text naming its id. */
function sopNamed(bad: string) {
  return sopWith([
    { id: 's', kind: 'start', text: 'Customer writes', next: bad },
    {
      id: bad,
      kind: 'decision',
      question: `Is ${bad}?`,
      branches: [
        { label: 'yes', next: 'st' },
        { label: 'no', next: 'toString' === bad ? 'valueOf' : 'toString' },
      ],
    },
    { id: 'toString' === bad ? 'valueOf' : 'toString', kind: 'step', text: 'Step two', next: 'st' },
    { id: 'st', kind: 'end', outcome: 'Done' },
  ]);
}

describe('SOP node ids that are Object.prototype property names', () => {
  for (const bad of PROTOTYPE_WORDS) {
    it(`renders "${bad}" in every format without touching Object.prototype`, () => {
      const sop = sopNamed(bad);
      const html = renderSop(sop, { format: 'html' });
      const markdown = renderSop(sop, { format: 'markdown' });
      const text = renderSop(sop, { format: 'text' });
      expect(protoNames()).toEqual(clean);
      // every node is drawn once, every edge once, with the author's labels
      const svg = html.slice(html.indexOf('<svg'), html.indexOf('</svg>'));
      expect(svg.match(/<g class="sop-node">/g)).toHaveLength(4);
      expect(svg.match(/<path class="sop-edge"/g)).toHaveLength(4);
      expect(svg).toContain(`>2. Is ${bad}?</tspan>`);
      expect(svg).toContain('>yes</text>');
      expect(html).toContain(`Is ${bad}?`);
      expect(markdown).toContain('If “no”: go to step 3.');
      expect(text).toContain(`2. Is ${bad}?`);
      // a model parse in the same process still works
      expect(parseSopDocument(sopNamed('n1')).instructions.start).toBe('s');
    });

    it(`reads "${bad}" from Mermaid and renders it, then checks and runs it`, () => {
      const other = bad === 'toString' ? 'valueOf' : 'toString';
      const markdown = `---
id: sop-x
title: T
department: D
owner: o
version: 1
reviewDate: 2030-01-01
---
## Purpose
p

## Flowchart
\`\`\`mermaid
flowchart TD
  s((Start)) --> ${bad}{Paid?}
  ${bad} -->|yes| st([Done])
  ${bad} -->|no| ${other}[Remind] --> st
\`\`\`
`;
      const sop = parseSopMarkdown(markdown);
      expect(sop.instructions.nodes.map((n) => n.id)).toEqual(['s', bad, 'st', other]);
      const html = renderSop(sop, { format: 'html' });
      expect(html).toContain('>2. Paid?</tspan>');
      expect(checkSop(sop, { asOf }).filter((f) => f.severity === 'error')).toEqual([]);
      let run = startSopRun(sop, { operatorId: 'a', at: '2026-01-01T00:00:00Z' });
      expect(run.current).toBe(bad);
      run = advanceSopRun(run, { stepId: bad, choice: 'no', operatorId: 'a', at: '2026-01-01T00:01:00Z' });
      expect(run.current).toBe(other);
      expect(parseSopMarkdown(sopToMarkdown(sop))).toEqual(sop);
      expect(parseMermaidFlowchart(toMermaid(sop)).nodes.map((n) => n.id)).toEqual(['s', bad, 'st', other]);
      expect(protoNames()).toEqual(clean);
    });
  }

  it('keeps prototype words as YAML front-matter keys as data: an unknown key, never a prototype', () => {
    const body = '## Purpose\n\np\n\n## Steps\n\n1. `a` Start: go → go to `b`\n2. `b` End\n';
    const front = 'id: sop-x\ntitle: T\ndepartment: D\nowner: o\nversion: 1\nreviewDate: 2030-01-01';
    expect(() => parseSopMarkdown(`---\n${front}\n__proto__: {polluted: yes}\n---\n${body}`)).toThrow(
      SopSyntaxError,
    );
    expect(() => parseSopMarkdown(`---\n${front}\nconstructor: x\n---\n${body}`)).toThrow(
      /unknown front-matter key/,
    );
    // Inside appliesTo the key reaches the model, which refuses it as an unknown field (not an inherited `tags`).
    expect(() =>
      parseSopMarkdown(`---\n${front}\nappliesTo: {__proto__: {tags: [x]}, types: [q]}\n---\n${body}`),
    ).toThrow(/appliesTo\.__proto__: unknown field/);
    expect(protoNames()).toEqual(clean);
  });
});
