/**
 * The SOP readers on hostile lines (issue #28): each shape is a line that made a backtracking pattern take
 * polynomial time, parsed at n, 2n and 4n characters. A reader that runs in linear time shows ratios near 2 per
 * doubling; the old patterns showed 8 and more (0.3 s at 1,000 characters, over 20 s at 4,000).
 *
 *   npx tsx bench/sop-parsers.ts [n=10000] [capMs=5000]
 *
 * A shape whose time passes capMs is not run at the larger sizes (so the bench stays short against old code).
 */
import { parseMermaidFlowchart, parseSopMarkdown } from '../src/index.js';
import { bestOf, machine, writeResult } from './lib/measure.js';

const n = Number(process.argv[2] ?? 10_000);
const capMs = Number(process.argv[3] ?? 5_000);

const FRONT = `---
id: sop-bench
title: Hostile lines
department: Support
owner: lead
version: 1.0.0
reviewDate: 2030-01-01
purpose: Measure the readers
---
`;
const STEPS = '## Steps\n\n1. `a` Start: go → go to `b`\n2. `b` End\n';
/** A whole SOP around a hostile line (`steps` replaces the steps section when the line belongs in it). */
const markdown = (line: string, steps = STEPS) => `${FRONT}${line}\n\n${steps}`;
const mermaid = (line: string) => `flowchart TD\n${line}\n`;
const spaces = (k: number) => ' '.repeat(k);

/** Each shape builds its input of about `size` characters and names the reader it goes through. */
const shapes: { name: string; read: 'markdown' | 'mermaid'; input: (size: number) => string }[] = [
  {
    name: 'heading "# T" + spaces + "#" + spaces + "x"',
    read: 'markdown',
    input: (s) => markdown(`# T${spaces(s / 2)}#${spaces(s / 2)}x`),
  },
  {
    name: 'heading "## Purpose " + spaces + "#" + spaces + "x"',
    read: 'markdown',
    input: (s) => markdown(`## Purpose ${spaces(s / 2)}#${spaces(s / 2)}x`),
  },
  {
    name: 'glossary line "- T" + spaces + "x" (no colon)',
    read: 'markdown',
    input: (s) => markdown(`## Terms\n\n- T${spaces(s)}x`),
  },
  {
    name: 'step "(role:" + spaces + "x" (no closing paren)',
    read: 'markdown',
    input: (s) => markdown('', `## Steps\n\n1. \`a\` Do it (role:${spaces(s)}x\n`),
  },
  {
    name: 'numbered step "1." + spaces + "a" + a stray CR + "b"',
    read: 'markdown',
    input: (s) => markdown('', `## Steps\n\n1.${spaces(s)}a\rb\n`),
  },
  {
    name: 'flowchart header "flowchart" + spaces + "x"',
    read: 'mermaid',
    input: (s) => `flowchart${spaces(s)}x`,
  },
  { name: 'text link "A -- " + spaces + "x"', read: 'mermaid', input: (s) => mermaid(`A -- ${spaces(s)}x`) },
  {
    name: 'subgraph title "subgraph g [" + spaces + "x"',
    read: 'mermaid',
    input: (s) => mermaid(`subgraph g [${spaces(s)}x\nend`),
  },
  {
    name: 'subgraph end "end" + spaces + "x"',
    read: 'mermaid',
    input: (s) => mermaid(`subgraph g\nend${spaces(s)}x`),
  },
  {
    name: 'comment "%%" repeated, then a stray CR',
    read: 'mermaid',
    input: (s) => mermaid(`A${'%%'.repeat(s / 2)}\rx`),
  },
  {
    name: 'fan-out "a & a & … --> b & b & …" (refused at the edge limit, before expanding)',
    read: 'mermaid',
    input: (s) => {
      const side = Array.from({ length: Math.round(s / 8) }, () => 'a').join(' & ');
      return mermaid(`${side} --> ${side.replaceAll('a', 'b')}`);
    },
  },
  {
    name: 'a long chain "n0 --> n1 --> …" on one line (no hostility, for scale)',
    read: 'mermaid',
    input: (s) => mermaid(Array.from({ length: Math.round(s / 10) }, (_, i) => `n${i}`).join(' --> ')),
  },
];

function read(shape: (typeof shapes)[number], text: string): string {
  try {
    if (shape.read === 'markdown') parseSopMarkdown(text);
    else parseMermaidFlowchart(text);
    return 'parsed';
  } catch (error) {
    return (error as Error).name;
  }
}

const results = shapes.map((shape) => {
  read(shape, shape.input(n / 10)); // warm up: the first call compiles the readers
  const rows: { chars: number; ms: number; outcome: string }[] = [];
  for (const size of [n, 2 * n, 4 * n]) {
    const text = shape.input(size);
    let outcome = '';
    const ms = bestOf(() => {
      outcome = read(shape, text);
    }, 5);
    rows.push({ chars: text.length, ms: Math.round(ms * 100) / 100, outcome });
    if (ms > capMs) break;
  }
  const ratios = rows
    .slice(1)
    .map((row, i) => Math.round((row.ms / (rows[i] as { ms: number }).ms) * 10) / 10);
  return { shape: shape.name, rows, ratios };
});

const result = { benchmark: 'SOP readers on hostile lines', n, results, machine: machine() };
writeResult('sop-parsers', result);
for (const r of results)
  console.log(
    `${r.shape}\n  ${r.rows.map((row) => `${row.chars} chars: ${row.ms} ms (${row.outcome})`).join(' | ')}\n  ratios per doubling: ${r.ratios.join(', ')}`,
  );
