import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { headingOf, termLineOf } from '../../../src/care/sop/markdown-parse.js';
import {
  headerDirection,
  subgraphTitleOf,
  textLinkOf,
  withoutComment,
} from '../../../src/care/sop/mermaid-parse.js';
import { branchLineOf, goToOf, itemLineOf, roleOf } from '../../../src/care/sop/steps.js';

/**
 * The SOP readers once used patterns that backtracked polynomially on hostile lines; they now scan. Each scan must
 * read exactly what its pattern read: here the old patterns are the oracle, on short random lines built from the
 * characters that matter to them (spaces of several kinds, line breaks regex `.` refuses, the markup itself).
 * Short lines keep the old patterns fast; bench/sop-parsers.ts times the long ones.
 */
const OLD = {
  heading: /^(#{1,2})\s+(.*?)\s*#*\s*$/,
  term: /^\s*[-*+]\s+(?:\*\*(.+?)\*\*|([^:]+?))\s*:\s*(.*)$/,
  item: /^(\d+)[.)]\s+(.*)$/,
  branch: /^\s+[-*+]\s+(?:if|se)\s+(.*)$/i,
  goTo: /\s(?:→|->)\s*(?:go to|vai a|vai al|vai alla)\s+(.+)$/i,
  role: /\s\((?:role|ruolo):\s*((?:\\.|[^)\\])*)\)$/i,
  header: /^(?:flowchart|graph)(?:\s+(TD|TB|BT|LR|RL))?\s*;?\s*$/,
  textLink: /^(--|==|-\.)\s+(.*?)\s+(?:-{2,}>|={2,}>|\.+->)/,
  subgraph: /^([A-Za-z0-9_]+)\s*\[\s*(?:"([^"]*)"|([^\]"]*))\s*\]$/,
};

const SPACES = [' ', ' ', '\t', '\r', '\u2028', '\u00a0'];
const line = (...pieces: string[]) =>
  fc.array(fc.constantFrom(...pieces, ...SPACES), { maxLength: 24 }).map((p) => p.join(''));
const runs = { numRuns: 3000 };

describe('the SOP scanners read what the old patterns read (property)', () => {
  it('headings', () => {
    fc.assert(
      fc.property(line('#', '##', 'a', 'Purpose', '\n'), (text) => {
        const m = OLD.heading.exec(text);
        expect(headingOf(text)).toEqual(m ? { level: m[1]?.length, text: m[2] } : undefined);
      }),
      runs,
    );
  });

  it('glossary lines', () => {
    fc.assert(
      fc.property(line('-', '*', '**', '+', ':', 'a', 'T'), (text) => {
        const m = OLD.term.exec(text);
        const got = termLineOf(text);
        expect(got && { term: got.term.trim(), definition: got.definition }).toEqual(
          m ? { term: (m[1] ?? m[2] ?? '').trim(), definition: m[3] } : undefined,
        );
      }),
      runs,
    );
  });

  it('numbered items and branch lines', () => {
    fc.assert(
      fc.property(line('1', '2', '.', ')', 'a', '-', 'if', 'SE', 'x'), (text) => {
        const item = OLD.item.exec(text);
        const got = itemLineOf(text);
        expect(got && { number: got.number, body: got.body }).toEqual(
          item ? { number: item[1], body: item[2] } : undefined,
        );
        expect(branchLineOf(text)).toBe(OLD.branch.exec(text)?.[1]);
      }),
      runs,
    );
  });

  it('→ go to targets', () => {
    fc.assert(
      fc.property(line('→', '->', '-', 'go to', 'GO TO', 'vai a', 'vai al', 'vai alla', 'l', 'x'), (text) => {
        const m = OLD.goTo.exec(text);
        expect(goToOf(text)).toEqual(m ? { index: m.index, target: m[1] } : undefined);
      }),
      runs,
    );
  });

  it('(role: …) suffixes', () => {
    fc.assert(
      fc.property(line('(role:', '(RUOLO:', '(', ')', '\\', 'x', ':'), (text) => {
        const m = OLD.role.exec(text);
        expect(roleOf(text)).toEqual(m ? { index: m.index, role: m[1] } : undefined);
      }),
      runs,
    );
  });

  it('flowchart headers and %% comments', () => {
    fc.assert(
      fc.property(line('flowchart', 'graph', 'TD', 'LR', 'T', ';', 'x', '%', '%%'), (text) => {
        const m = OLD.header.exec(text);
        expect(headerDirection(text)).toBe(m ? (m[1] ?? 'TD') : undefined);
        expect(withoutComment(text)).toBe(text.replace(/%%.*$/, ''));
      }),
      runs,
    );
  });

  it('text links', () => {
    fc.assert(
      fc.property(line('--', '==', '-.', '-->', '==>', '.->', '-', '.', '=', '>', 'x', '\u2029'), (text) => {
        const m = OLD.textLink.exec(text);
        expect(textLinkOf(text)).toEqual(m ? { label: m[2], length: m[0].length } : undefined);
      }),
      runs,
    );
  });

  it('subgraph titles', () => {
    fc.assert(
      fc.property(line('g', 'g1', '[', ']', '"', 'x', '-'), (text) => {
        const m = OLD.subgraph.exec(text);
        const got = subgraphTitleOf(text);
        expect(got && { id: got.id, title: got.title.trim() }).toEqual(
          m ? { id: m[1], title: (m[2] ?? m[3] ?? '').trim() } : undefined,
        );
      }),
      runs,
    );
  });
});
