import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseMermaidFlowchart, parseSopMarkdown, SopSyntaxError } from '../../../src/index.js';

/**
 * Lines shaped to make a backtracking pattern take polynomial time (issue #28), at 50,000 characters: each must be
 * read, and read right. Before the readers scanned, 2,000 characters of these took seconds and 50,000 would not
 * finish; bench/sop-parsers.ts shows the times at n, 2n and 4n.
 */
const N = 50_000;
const pad = ' '.repeat(N / 2);

const front = `---
id: sop-hostile
department: Support
owner: lead
version: 1.0.0
reviewDate: 2030-01-01
---
`;
const steps = '## Steps\n\n1. `a` Start: go → go to `b`\n2. `b` End\n';

function syntaxError(read: () => unknown): SopSyntaxError {
  try {
    read();
  } catch (error) {
    if (error instanceof SopSyntaxError) return error;
    throw error;
  }
  throw new Error('expected a SopSyntaxError');
}

describe('SOP Markdown with 50,000-character hostile lines', () => {
  it('reads a title and a section heading padded with spaces around a closing #', () => {
    const sop = parseSopMarkdown(
      `${front}# Refund${pad}#${pad}\n\n## Purpose ${pad}##${pad}\n\nRefund well.\n\n## Other ${pad}#${pad}x\n\nIgnored.\n\n${steps}`,
    );
    expect(sop.title).toBe('Refund');
    expect(sop.purpose).toBe('Refund well.');
  });

  it('reads a glossary term padded before its colon, and refuses a padded line without one', () => {
    const sop = parseSopMarkdown(
      `${front}# T\n\n## Purpose\n\np\n\n## Terms\n\n- **SLA**${pad}${pad}: Service level agreement\n- L2${pad}${pad}: Second level\n\n${steps}`,
    );
    expect(sop.terms).toEqual([
      { term: 'SLA', definition: 'Service level agreement' },
      { term: 'L2', definition: 'Second level' },
    ]);
    const error = syntaxError(() =>
      parseSopMarkdown(`${front}# T\n\n## Purpose\n\np\n\n## Terms\n\n- T${pad}${pad}x\n\n${steps}`),
    );
    expect(error.issues[0]).toMatchObject({ line: 16, message: 'a term reads "- **Term**: definition"' });
  });

  it('reads a role padded after its colon, and a target after padded arrows', () => {
    const sop = parseSopMarkdown(
      `${front}# T\n\n## Purpose\n\np\n\n## Steps\n\n1. \`a\` Check it (role:${pad}${pad}L1 agent) →${pad}go to${pad}\`b\`\n2. \`b\` End\n`,
    );
    expect(sop.instructions.nodes[0]).toEqual({
      id: 'a',
      kind: 'step',
      text: 'Check it',
      role: 'L1 agent',
      next: 'b',
    });
    // No closing parenthesis: the padded "(role:" is part of the text.
    const open = parseSopMarkdown(
      `${front}# T\n\n## Purpose\n\np\n\n## Steps\n\n1. \`a\` Check it (role:${pad}x\n`,
    );
    expect(open.instructions.nodes[0]).toMatchObject({ kind: 'step', text: `Check it (role:${pad}x` });
  });
});

describe('Mermaid with 50,000-character hostile lines', () => {
  it('reads a text link whose label is padded on both sides, and refuses one with no arrow', () => {
    const chart = parseMermaidFlowchart(`flowchart TD\nA -- ${pad}yes${pad} --> B`);
    expect(chart.edges).toEqual([{ from: 'A', to: 'B', label: 'yes' }]);
    const error = syntaxError(() => parseMermaidFlowchart(`flowchart TD\nA -- ${pad}${pad}x`));
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatchObject({ line: 2, column: 3 });
  });

  it('reads a padded header, subgraph title and end', () => {
    const chart = parseMermaidFlowchart(
      `flowchart${pad}LR${pad};\nsubgraph g [${pad}Billing${pad}]\n  a --> b\nend${pad}${pad};\nc`,
    );
    expect(chart.direction).toBe('LR');
    expect(chart.nodes).toEqual([
      { id: 'a', shape: 'step', label: 'a', group: 'Billing' },
      { id: 'b', shape: 'step', label: 'b', group: 'Billing' },
      { id: 'c', shape: 'step', label: 'c' },
    ]);
    const error = syntaxError(() => parseMermaidFlowchart(`flowchart TD\nsubgraph g [${pad}x\nend${pad}x`));
    expect(error.issues.map((i) => i.line)).toEqual([3, 3]); // "end…x" is no end: then the subgraph stays open
  });

  it('reads % marks before a stray carriage return: a comment runs to the end of the line, not past the CR', () => {
    const error = syntaxError(() => parseMermaidFlowchart(`flowchart TD\na --> b${'%'.repeat(N)}\rc`));
    expect(error.issues).toEqual([expect.objectContaining({ line: 2, column: 8 })]);
    const chart = parseMermaidFlowchart(`flowchart TD\na --> b\r${'%'.repeat(N)}`);
    expect(chart.edges).toEqual([{ from: 'a', to: 'b' }]);
  });
});

describe('size limits on SOPs read from text', () => {
  const group = (prefix: string, k: number) =>
    Array.from({ length: k }, (_, i) => `${prefix}${i}`).join(' & ');

  it('refuses a Mermaid & fan-out past 20,000 edges, naming the limit, and accepts one at it', () => {
    const error = syntaxError(() =>
      parseMermaidFlowchart(`flowchart TD\n${group('a', 200)} --> ${group('b', 200)}`),
    );
    expect(error.issues).toEqual([
      expect.objectContaining({
        line: 2,
        message: expect.stringContaining('more than 20,000 edges, the limit for an SOP'),
      }),
    ]);
    const chart = parseMermaidFlowchart(`flowchart TD\n${group('a', 100)} --> ${group('b', 200)}`);
    expect(chart.edges).toHaveLength(20_000);
    expect(chart.edges[20_000 - 1]).toEqual({ from: 'a99', to: 'b199' });
  });

  it('counts before expanding: one node 8,000 times on each side (64 million edges from 64 KB) fails at once', () => {
    const side = Array.from({ length: 8_000 }, () => 'a').join(' & ');
    const text = `flowchart TD\n${side} --> ${side.replaceAll('a', 'b')}`;
    expect(text.length).toBeGreaterThan(62_000);
    expect(syntaxError(() => parseMermaidFlowchart(text)).message).toContain('more than 20,000 edges');
  });

  it('counts edges across lines and chains, and stops reading at the limit', () => {
    const lines = Array.from({ length: 101 }, (_, i) => `${group(`r${i}x`, 10)} --> ${group(`r${i}y`, 20)}`);
    const error = syntaxError(() => parseMermaidFlowchart(`flowchart TD\n${lines.join('\n')}\n!!! broken`));
    expect(error.issues).toEqual([
      expect.objectContaining({ line: 102, message: expect.stringContaining('edges') }),
    ]);
  });

  it('refuses a flowchart or a step list past 5,000 nodes', () => {
    const nodes = Array.from({ length: 5_001 }, (_, i) => `n${i}`);
    const chart = syntaxError(() => parseMermaidFlowchart(`flowchart TD\n${nodes.join('\n')}`));
    expect(chart.issues).toEqual([
      expect.objectContaining({ line: 5_002, message: expect.stringContaining('more than 5,000 nodes') }),
    ]);
    expect(parseMermaidFlowchart(`flowchart TD\n${nodes.slice(1).join('\n')}`).nodes).toHaveLength(5_000);
    const list = nodes.map((id, i) => `${i + 1}. \`${id}\` Step ${i}`).join('\n');
    const steps = syntaxError(() =>
      parseSopMarkdown(`${front}# T\n\n## Purpose\n\np\n\n## Steps\n\n${list}\n`),
    );
    expect(steps.issues).toEqual([
      expect.objectContaining({
        line: 16 + 5_000,
        message: expect.stringContaining('more than 5,000 nodes'),
      }),
    ]);
  });
});

describe('YAML front matter that attacks or warns', () => {
  const body = '# T\n\n## Purpose\n\np\n\n## Steps\n\n1. `a` Start: go → go to `b`\n2. `b` End\n';
  const withFront = (yaml: string) => `---\n${yaml}\n---\n${body}`;
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('refuses a billion-laughs alias bomb with a SopSyntaxError that quotes nothing', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (const [i, name] of ['b', 'c', 'd', 'e', 'f', 'g'].entries())
      levels.push(`${name}: &${name} [${Array(9).fill(`*${'abcdefg'[i]}`).join(',')}]`);
    const error = syntaxError(() => parseSopMarkdown(withFront(levels.join('\n'))));
    expect(error.issues).toEqual([
      expect.objectContaining({ line: 2, message: expect.stringContaining('aliases cannot be expanded') }),
    ]);
    expect(error.message).not.toContain('lol');
  });

  it('refuses an alias that names no anchor with a SopSyntaxError', () => {
    const error = syntaxError(() => parseSopMarkdown(withFront('id: x\nowner: *nobody')));
    expect(error.message).toContain('aliases cannot be expanded');
    expect(error.message).not.toContain('nobody');
  });

  it('prints no YAML warning (they quote the front matter) and still reads the values', () => {
    const emitWarning = vi.spyOn(process, 'emitWarning').mockImplementation(() => {});
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const sop = parseSopMarkdown(
      withFront(
        'id: sop-x\ndepartment: !vip Jane Doe, account 4411\nowner: !!weird lead\nversion: 1\nreviewDate: 2030-01-01',
      ),
    );
    expect(sop).toMatchObject({ department: 'Jane Doe, account 4411', owner: 'lead' });
    expect(emitWarning).not.toHaveBeenCalled();
    expect(warn).not.toHaveBeenCalled();
  });
});
