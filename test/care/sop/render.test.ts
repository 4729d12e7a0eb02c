import { describe, expect, it } from 'vitest';
import { renderSop, ValidationError } from '../../../src/index.js';
import { sopWith } from './fixtures.js';

const hostile = '<script>alert(1)</script>" onmouseover="alert(2)\' x=`y`';

const sop = sopWith(
  [
    { id: 's', kind: 'start', text: 'Customer calls', next: 'paid' },
    {
      id: 'paid',
      kind: 'decision',
      question: 'Is the [[RMA]] paid?',
      branches: [
        { label: 'yes', next: 'ship' },
        { label: 'no', next: 'remind' },
      ],
    },
    { id: 'remind', kind: 'step', text: 'Send a reminder', role: 'L1 agent', next: 'paid' },
    { id: 'ship', kind: 'step', text: 'Ship the goods', next: 'done' },
    { id: 'done', kind: 'end', outcome: 'Goods shipped' },
  ],
  {
    terms: [{ term: 'RMA', definition: 'Return authorisation' }],
    appliesTo: { tags: ['returns'], types: [] },
  },
);

const evil = sopWith(
  [
    {
      id: 'a',
      kind: 'decision',
      question: hostile,
      branches: [
        { label: hostile, next: 'b' },
        { label: 'no', next: 'b' },
      ],
    },
    { id: 'b', kind: 'step', text: `${hostile} [[${hostile}]]`, role: hostile, next: null },
  ],
  {
    title: hostile,
    department: hostile,
    purpose: hostile,
    owner: hostile,
    terms: [{ term: hostile, definition: hostile }],
  },
);

describe('renderSop', () => {
  it('writes Markdown with the header, glossary and numbered steps, branches spelled out', () => {
    // Numbers follow the author's order with the start first: s=1, paid=2, remind=3, ship=4, done=5.
    expect(renderSop(sop, { format: 'markdown' })).toBe(`# Test procedure

- **Department**: Support
- **Owner**: lead
- **Version**: 1.0.0
- **Review date**: 2027-01-01
- **Applies to**: tags: returns

## Purpose

Exercise the checks

## Terms

- **RMA**: Return authorisation

## Instructions

1. Start: Customer calls
   - → go to step 2
2. Is the **RMA** paid?
   - If “yes”: go to step 4.
   - If “no”: go to step 3.
3. Send a reminder _(Role: L1 agent)_
   - → go to step 2
4. Ship the goods
   - → go to step 5
5. End: Goods shipped
`);
  });

  it('speaks Italian', () => {
    const text = renderSop(sop, { format: 'text', locale: 'it-IT' });
    expect(text).toContain('Reparto: Support');
    expect(text).toContain('  2. Is the RMA paid?\n     Se “yes”: vai al passo 4.');
    expect(text).toContain('(Ruolo: L1 agent)');
  });

  it('draws the flowchart as inline SVG with one shape per node and one path per edge', () => {
    const html = renderSop(sop, { format: 'html' });
    const svg = html.slice(html.indexOf('<svg'), html.indexOf('</svg>'));
    expect(svg.match(/<g class="sop-node">/g)).toHaveLength(5);
    expect(svg.match(/<path class="sop-edge"/g)).toHaveLength(5); // s→paid, paid→ship, paid→remind, remind→paid, ship→done
    expect(svg).toContain('<polygon class="sop-decision"');
    expect(svg).toContain('>2. Is the RMA paid?</tspan>');
    expect(html).toContain('<abbr title="Return authorisation">RMA</abbr>');
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/); // nothing to fetch
  });

  it("ends and starts the decision's edges on its diamond, not on its bounding box", () => {
    const html = renderSop(sop, { format: 'html' });
    const corners = (/<polygon class="sop-decision" points="([^"]+)"/.exec(html)?.[1] ?? '')
      .split(' ')
      .map((p) => p.split(',').map(Number));
    const [[x = 0, top = 0] = [], [right = 0, y = 0] = [], , [left = 0] = []] = corners;
    const halfW = (right - left) / 2;
    const halfH = y - top;
    const reach = (p: string) => {
      const [px, py] = p.slice(1).split(',').map(Number) as [number, number];
      return Math.abs(px - x) / halfW + Math.abs(py - y) / halfH;
    };
    const ends = [...html.matchAll(/<path class="sop-edge" d="([^"]+)"/g)].flatMap((m) => {
      const points = (m[1] as string).split(' ');
      return [points[0] as string, points.at(-1) as string];
    });
    const near = ends.map(reach).filter((r) => r < 1.5); // the endpoints at the decision (others are far off)
    expect(near).toHaveLength(4); // s→paid, paid→ship, paid→remind, remind→paid
    for (const r of near) expect(r).toBeCloseTo(1, 1);
  });

  it('escapes every author text in HTML, including attribute breakers', () => {
    const html = renderSop(evil, { format: 'html' });
    expect(html).not.toContain('<script');
    expect(html).not.toMatch(/"\s*onmouseover=/);
    expect(html).not.toContain("' x=");
    expect(html).toContain(
      '&#60;script&#62;alert(1)&#60;/script&#62;&#34; onmouseover=&#34;alert(2)&#39; x=&#96;y&#96;',
    );
  });

  it('escapes author text in Markdown and control characters in text', () => {
    const md = renderSop(evil, { format: 'markdown' });
    expect(md).not.toContain('<script');
    const text = renderSop(sopWith([{ id: 'a', kind: 'step', text: 'Bell \u001b[31m red', next: null }]), {
      format: 'text',
    });
    expect(text).not.toContain('\u001b');
  });

  it('draws no flowchart past 200 nodes, and still lists every step', () => {
    const many = Array.from({ length: 201 }, (_, i) => ({
      id: `n${i}`,
      kind: 'step' as const,
      text: `Step ${i}`,
      next: i < 200 ? `n${i + 1}` : null,
    }));
    const html = renderSop(sopWith(many), { format: 'html' });
    expect(html).not.toContain('<svg');
    expect(html.match(/<li value=/g)).toHaveLength(201);
  });

  it('checks its options', () => {
    expect(() => renderSop(sop, { format: 'pdf' as never })).toThrow(ValidationError);
    expect(() => renderSop(sop, null as never)).toThrow(/options/);
  });
});
