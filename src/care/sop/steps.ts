import type { SopSourceIssue } from '../../errors/sop.js';
import type { SopNode } from '../../models/sop.js';
import type { SourcePoint } from './flowchart.js';

/**
 * The numbered-steps form of SOP instructions, one list item per node:
 * ```
 * 1. `start` Start: Customer asks for a refund → go to `verify`
 * 2. `verify` Verify the account owner (role: L1 agent) → go to `window`
 * 3. `window` Within 30 days of purchase?
 *    - if yes → go to `refund`
 *    - if no → go to 4
 * 4. `done` End: Customer informed
 * ```
 * Italian works too (`Inizio:`, `Fine:`, `ruolo:`, `se … → vai a …`); `->` may replace `→`; a target is an id in
 * backticks or a step number; an item without an id gets `step<number>`.
 */

/** Step-list words, by language. */
export const STEP_WORDS = {
  en: { start: 'Start', end: 'End', role: 'role', if: 'if', goTo: 'go to' },
  it: { start: 'Inizio', end: 'Fine', role: 'ruolo', if: 'se', goTo: 'vai a' },
} as const;
export type StepLanguage = keyof typeof STEP_WORDS;

const ITEM = /^(\d+)[.)]\s+(.*)$/;
const BRANCH = /^\s+[-*+]\s+(?:if|se)\s+(.*)$/i;
const REF = /^(?:`([^`]+)`|(?:(?:step|passo)\s+)?(\d+))$/i;
const GO_TO = /\s(?:→|->)\s*(?:go to|vai a|vai al|vai alla)\s+(.+)$/i;
const START = /^(?:start|inizio)(?::\s*(.*))?$/is;
const END = /^(?:end|fine)(?::\s*(.*))?$/is;
const ROLE = /\s\((?:role|ruolo):\s*((?:\\.|[^)\\])*)\)$/i;

/** Characters escaped in step text so the grammar reads it back: `\`, backtick, `→`, `>`, `(`. */
export function escapeStepText(text: string): string {
  const escaped = text.replace(/[\\`→>(]/g, (c) => `\\${c}`).replace(/\n/g, '<br>');
  return /^(?:start|inizio|end|fine)\b/i.test(escaped) ? `\\${escaped}` : escaped;
}
/** Undoes {@link escapeStepText}. */
export function unescapeStepText(text: string): string {
  return text.replace(/\\(.)|<br>/g, (_m, c: string | undefined) => c ?? '\n');
}

interface RawRef {
  ref: string;
  at: SourcePoint;
}
interface RawItem {
  number: number;
  id: string;
  at: SourcePoint;
  body: string;
  branches: { label: string; target: RawRef }[];
}

/** Splits a line's tail at an unescaped arrow: the text before, the target after. */
function splitGoTo(body: string): { text: string; target?: string } {
  const match = GO_TO.exec(body);
  if (!match) return { text: body };
  return { text: body.slice(0, match.index), target: (match[1] as string).trim() };
}

/** Reads the list items of the steps section; `first` is the 1-based line number of `lines[0]`. */
function readItems(lines: string[], first: number, issues: SopSourceIssue[]): RawItem[] {
  const items: RawItem[] = [];
  lines.forEach((line, i) => {
    const at = { line: first + i, column: 1 };
    const item = ITEM.exec(line);
    if (item) {
      const number = Number(item[1]);
      const body = item[2] as string;
      const id = /^`([^`]+)`\s+/.exec(body);
      items.push({
        number,
        id: id ? (id[1] as string) : `step${number}`,
        at: { line: at.line, column: line.indexOf(body) + 1 },
        body: id ? body.slice(id[0].length) : body,
        branches: [],
      });
      return;
    }
    const branch = BRANCH.exec(line);
    if (branch && items.length > 0) {
      const { text, target } = splitGoTo(` ${branch[1] as string}`);
      if (target === undefined)
        issues.push({
          path: [],
          code: 'sop_syntax',
          message: 'a branch reads "if <answer> → go to <step>"',
          ...at,
        });
      else items.at(-1)?.branches.push({ label: unescapeStepText(text.trim()), target: { ref: target, at } });
      return;
    }
    if (line.trim() !== '')
      issues.push({
        path: [],
        code: 'sop_syntax',
        message: 'expected a numbered step or an "if … → go to …" line',
        ...at,
      });
  });
  return items;
}

/** A node read from the steps, with where it was written. */
export interface LocatedStep {
  node: SopNode;
  at: SourcePoint;
}

function resolver(items: RawItem[], issues: SopSourceIssue[]) {
  const byNumber = new Map(items.map((item) => [item.number, item.id]));
  const ids = new Set(items.map((item) => item.id));
  return (target: RawRef): string => {
    const ref = REF.exec(target.ref);
    const id = ref?.[1] ?? (ref?.[2] === undefined ? undefined : byNumber.get(Number(ref[2])));
    if (id === undefined || !ids.has(id)) {
      issues.push({
        path: [],
        code: 'sop_structure',
        message: 'the target is not a step of this list (write `id` or a step number)',
        ...target.at,
      });
      return '';
    }
    return id;
  };
}

function toStep(
  item: RawItem,
  resolve: (r: RawRef) => string,
  issues: SopSourceIssue[],
): SopNode | undefined {
  const fail = (message: string) => {
    issues.push({ path: [], code: 'sop_syntax', message, ...item.at });
    return undefined;
  };
  if (item.branches.length > 0) {
    if (GO_TO.test(item.body)) return fail('a decision goes on by its "if" lines, not by → go to');
    const branches = item.branches.map((b) => ({ label: b.label, next: resolve(b.target) }));
    if (branches.length < 2) return fail('a decision has at least two "if … → go to …" lines');
    return { id: item.id, kind: 'decision', question: unescapeStepText(item.body.trim()), branches };
  }
  const { text, target } = splitGoTo(item.body);
  const next = target === undefined ? null : resolve({ ref: target, at: item.at });
  const start = START.exec(text.trim());
  if (start) {
    if (next === null) return fail('the start goes on to a step: add → go to <step>');
    return {
      id: item.id,
      kind: 'start',
      next,
      ...(start[1] ? { text: unescapeStepText(start[1].trim()) } : {}),
    };
  }
  const end = END.exec(text.trim());
  if (end) {
    if (next !== null) return fail('an end has no → go to');
    return { id: item.id, kind: 'end', ...(end[1] ? { outcome: unescapeStepText(end[1].trim()) } : {}) };
  }
  const role = ROLE.exec(text);
  const body = role ? text.slice(0, role.index) : text;
  if (body.trim() === '') return fail('a step needs a text');
  const step = { id: item.id, kind: 'step' as const, text: unescapeStepText(body.trim()), next };
  return role ? { ...step, role: unescapeStepText((role[1] as string).trim()) } : step;
}

/** Reads the steps section into nodes, in list order; problems go to `issues` with their line. */
export function parseSteps(lines: string[], first: number, issues: SopSourceIssue[]): LocatedStep[] {
  const items = readItems(lines, first, issues);
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.id))
      issues.push({ path: [], code: 'sop_structure', message: 'two steps have the same id', ...item.at });
    seen.add(item.id);
  }
  const resolve = resolver(items, issues);
  const out: LocatedStep[] = [];
  for (const item of items) {
    const node = toStep(item, resolve, issues);
    if (node) out.push({ node, at: item.at });
  }
  return out;
}

/** Writes nodes as the numbered steps {@link parseSteps} reads back. */
export function printSteps(nodes: readonly SopNode[], language: StepLanguage): string[] {
  const w = STEP_WORDS[language];
  const goTo = (id: string) => ` → ${w.goTo} \`${id}\``;
  const lines: string[] = [];
  nodes.forEach((node, i) => {
    const head = `${i + 1}. \`${node.id}\` `;
    if (node.kind === 'start')
      lines.push(
        `${head}${w.start}${node.text === undefined ? '' : `: ${escapeStepText(node.text)}`}${goTo(node.next)}`,
      );
    else if (node.kind === 'end')
      lines.push(`${head}${w.end}${node.outcome === undefined ? '' : `: ${escapeStepText(node.outcome)}`}`);
    else if (node.kind === 'step') {
      const role =
        node.role === undefined ? '' : ` (${w.role}: ${escapeStepText(node.role).replace(/\)/g, '\\)')})`;
      lines.push(`${head}${escapeStepText(node.text)}${role}${node.next === null ? '' : goTo(node.next)}`);
    } else {
      lines.push(`${head}${escapeStepText(node.question)}`);
      for (const b of node.branches) lines.push(`   - ${w.if} ${escapeStepText(b.label)}${goTo(b.next)}`);
    }
  });
  return lines;
}
