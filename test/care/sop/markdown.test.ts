import { describe, expect, it } from 'vitest';
import { parseSopMarkdown, SopSyntaxError, sopToMarkdown, ValidationError } from '../../../src/index.js';
import { exampleSops } from './fixtures.js';

const front = `---
id: sop-test
title: Password reset
department: Support
owner: lead
version: "1.10"
review_date: 2027-01-01
applies-to:
  tags: [password, login]
  types: [question]
---
`;

function thrown(text: string): ValidationError {
  try {
    parseSopMarkdown(text);
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('parseSopMarkdown', () => {
  it('reads front matter (any key spelling, versions kept as text), purpose, terms and numbered steps by number', () => {
    const sop = parseSopMarkdown(`${front}
# Password reset

## Purpose

Help customers back into their account.

## Terms

- **MFA**: Multi-factor authentication.
- 2FA: Same as MFA.

## Steps

1. Is MFA on?
   - if yes -> go to step 2
   - if no → go to 3
2. Reset MFA too (role: L2) → go to 3
3. Send the reset link
`);
    expect(sop).toMatchObject({
      version: '1.10',
      reviewDate: '2027-01-01',
      appliesTo: { tags: ['password', 'login'], types: ['question'] },
      title: 'Password reset',
      purpose: 'Help customers back into their account.',
      terms: [
        { term: 'MFA', definition: 'Multi-factor authentication.' },
        { term: '2FA', definition: 'Same as MFA.' },
      ],
    });
    expect(sop.instructions).toEqual({
      start: 'step1',
      nodes: [
        {
          id: 'step1',
          kind: 'decision',
          question: 'Is MFA on?',
          branches: [
            { label: 'yes', next: 'step2' },
            { label: 'no', next: 'step3' },
          ],
        },
        { id: 'step2', kind: 'step', text: 'Reset MFA too', role: 'L2', next: 'step3' },
        { id: 'step3', kind: 'step', text: 'Send the reset link', next: null },
      ],
    });
  });

  it('reads Italian headings and step words', () => {
    const sop = parseSopMarkdown(`${front}
## Scopo

Aiutare il cliente.

## Istruzioni

1. \`via\` Inizio: Chiamata → vai a \`chi\`
2. \`chi\` Cliente noto?
   - se sì → vai al passo 3
   - se no → vai a \`fine\`
3. \`scheda\` Apri la scheda (ruolo: operatore) → vai a \`fine\`
4. \`fine\` Fine: Cliente servito
`);
    expect(sop.instructions.nodes.map((n) => n.kind)).toEqual(['start', 'decision', 'step', 'end']);
    expect(sop.instructions.start).toBe('via');
    expect(sop.instructions.nodes[2]).toEqual({
      id: 'scheda',
      kind: 'step',
      text: 'Apri la scheda',
      role: 'operatore',
      next: 'fine',
    });
  });

  it('says where the flowchart and the steps disagree', () => {
    const error = thrown(`${front}
## Purpose

Test.

## Flowchart

\`\`\`mermaid
flowchart TD
  a["Ask"] --> b(["Done"])
\`\`\`

## Steps

1. \`a\` Ask something else → go to \`b\`
2. \`b\` End: Done
`);
    expect(error).toBeInstanceOf(SopSyntaxError);
    // The front matter is lines 1-11; then a blank line, Purpose (13-15), Flowchart (17-22), Steps at 24: the
    // first step is line 26.
    expect((error as SopSyntaxError).issues).toEqual([
      {
        path: [],
        code: 'sop_mismatch',
        message: 'step "a" has a different text in the steps and in the flowchart',
        line: 26,
        column: 4,
      },
    ]);
  });

  it.each([
    [`---\nid: [\n---\n`, 2, /not valid YAML/],
    [`---\nid: x\n`, 1, /not closed/],
    [`${front}\n## Steps\n\n1. Ask → go to 9\n`, 15, /not a step of this list/],
    [`${front}\n## Steps\n\n1. Ask?\n   - if yes\n`, 16, /if <answer> → go to <step>/],
    [`${front}\n## Steps\n\nSome prose\n`, 15, /expected a numbered step/],
    [`${front}\n## Purpose\n\nNothing else.\n`, 12, /no instructions/],
    [`---\nconstructor: x\n---\n`, 2, /unknown front-matter key/],
    [
      `${front}\n## Flowchart\n\n\`\`\`mermaid\nflowchart TD\n  a --> end\n\`\`\`\n`,
      17,
      /"end" in lower case/,
    ],
  ])('reports syntax problems with their line (%#)', (text, line, message) => {
    const error = thrown(text);
    expect(error).toBeInstanceOf(SopSyntaxError);
    expect((error as SopSyntaxError).issues[0]?.line).toBe(line);
    expect(error.message).toMatch(message);
  });

  it('keeps rejecting what the SopDocument model rejects, as a ValidationError with the field path', () => {
    const error = thrown(
      `${front.replace('department: Support\n', '')}\n## Purpose\n\nx\n\n## Steps\n\n1. \`a\` Do → go to \`b\`\n2. \`a\` Again\n3. \`b\` End\n`,
    );
    expect(error.issues.map((i) => i.message)).toContain('two steps have the same id');
    const missing = thrown(
      `${front.replace('department: Support\n', '')}\n## Purpose\n\nx\n\n## Steps\n\n1. Do\n`,
    );
    expect(missing).not.toBeInstanceOf(SopSyntaxError);
    expect(missing.issues.map((i) => i.path.join('.'))).toEqual(['department']);
  });

  it('refuses a wrong argument with a ValidationError', () => {
    expect(() => parseSopMarkdown(42 as never)).toThrow(ValidationError);
  });
});

describe('sopToMarkdown', () => {
  it.each(exampleSops())('%s reads back equal after printing, in both languages', (_name, text) => {
    const sop = parseSopMarkdown(text);
    expect(parseSopMarkdown(sopToMarkdown(sop))).toEqual(sop);
    expect(parseSopMarkdown(sopToMarkdown(sop, { locale: 'it-IT' }))).toEqual(sop);
    // Printing what was read prints the same text again: the format is stable.
    expect(sopToMarkdown(parseSopMarkdown(sopToMarkdown(sop)))).toBe(sopToMarkdown(sop));
  });

  it('keeps a definition over several lines as indented continuation lines', () => {
    const sop = parseSopMarkdown(
      `${front}\n## Purpose\n\nx\n\n## Terms\n\n- **SLA**: Service level agreement.\n  First reply in 4 hours.\n\n## Steps\n\n1. Reply within the SLA\n`,
    );
    expect(sop.terms).toEqual([
      { term: 'SLA', definition: 'Service level agreement.\nFirst reply in 4 hours.' },
    ]);
    expect(parseSopMarkdown(sopToMarkdown(sop))).toEqual(sop);
  });

  it('puts the start first when there is no start node, and leaves out a chart Mermaid cannot draw', () => {
    const sop = parseSopMarkdown(
      `${front}\n## Purpose\n\nx\n\n## Steps\n\n1. \`a b\` Do → go to \`c\`\n2. \`c\` End\n`,
    );
    const moved = {
      ...sop,
      instructions: { start: 'c', nodes: [{ id: 'x', kind: 'end' as const }, ...sop.instructions.nodes] },
    };
    const text = sopToMarkdown(moved);
    expect(text).not.toContain('```mermaid');
    expect(text).toContain('1. `c` End');
    expect(parseSopMarkdown(text).instructions.start).toBe('c');
  });
});
