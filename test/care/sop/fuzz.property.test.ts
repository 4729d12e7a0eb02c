import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMermaidFlowchart, parseSopMarkdown, ValidationError } from '../../../src/index.js';

/** Pieces of SOP Markdown and Mermaid, put together in random order: most documents are broken somewhere. */
const fragments = [
  '---',
  'id: sop-x',
  'title: T',
  'department: D',
  'owner: o',
  'version: 1',
  'reviewDate: 2027-01-01',
  'appliesTo: [',
  '## Purpose',
  '## Steps',
  '## Terms',
  '## Flowchart',
  '- **T**: d',
  '1. ',
  '2. `b` ',
  'Start: go',
  'End',
  ' → go to 2',
  ' → go to `zz`',
  '   - if yes → go to 1',
  '(role: x)',
  '```mermaid',
  '```',
  'flowchart TD',
  'graph LR',
  'a --> b',
  'a -->|yes| c',
  'a -- no --> end',
  'subgraph g [G]',
  'end',
  'x((S))',
  'y([E])',
  'z{Q?}',
  '"',
  '[[',
  '%%',
  ';',
  '&',
  '\n',
  '\n',
  '\n',
  '  ',
];
const doc = fc.array(fc.constantFrom(...fragments), { maxLength: 60 }).map((parts) => parts.join(''));

describe('SOP text readers on broken input', () => {
  it('parseSopMarkdown returns a document or throws a ValidationError, never anything else (property)', () => {
    fc.assert(
      fc.property(doc, (text) => {
        try {
          parseSopMarkdown(text);
        } catch (error) {
          expect(error).toBeInstanceOf(ValidationError);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('parseMermaidFlowchart returns a chart or throws a ValidationError with a line inside the text (property)', () => {
    fc.assert(
      fc.property(doc, (text) => {
        try {
          parseMermaidFlowchart(text);
        } catch (error) {
          expect(error).toBeInstanceOf(ValidationError);
          for (const issue of (error as ValidationError & { issues: { line: number }[] }).issues)
            expect(issue.line).toBeLessThanOrEqual(text.split('\n').length);
        }
      }),
      { numRuns: 500 },
    );
  });
});
