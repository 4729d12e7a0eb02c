import type { SopSourceIssue } from '../../errors/sop.js';
import type { SopNode } from '../../models/sop.js';
import type { SourcePoint } from './flowchart.js';
import { limitMessage, MAX_SOP_EDGES, MAX_SOP_NODES } from './limits.js';
import { hasLineBreak, lastLineBreak, skipSpace } from './scan.js';

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

// Each pattern below is anchored and has no two adjacent quantifiers that can take the same characters; the
// parts that had them (`\s+(.*)$`, `\s*((?:\\.|[^)\\])*)\)$`) are read by the scans after them (STYLE 20).
const ITEM = /^(\d+)[.)]\s+/;
const BRANCH = /^\s+[-*+]\s+(?:if|se)\s+/i;
const REF = /^(?:`([^`]+)`|(?:(?:step|passo)\s+)?(\d+))$/i;
/** An arrow and the words before a target; the lookahead picks the one phrase a space follows. */
const GO_TO_HEAD = /\s(?:→|->)\s*(?:go to|vai a|vai al|vai alla)(?=\s)/gi;
const START = /^(?:start|inizio)(?::\s*(.*))?$/is;
const END = /^(?:end|fine)(?::\s*(.*))?$/is;
const ROLE_HEAD = /\s\((?:role|ruolo):/gi;

/** `line` after a match of `prefix` when the rest holds no line break (what `prefix(.*)$` matched), else undefined. */
function restAfter(prefix: RegExp, line: string): { head: RegExpExecArray; rest: string } | undefined {
  const head = prefix.exec(line);
  if (!head) return undefined;
  const rest = line.slice(head[0].length);
  return hasLineBreak(rest) ? undefined : { head, rest };
}

/** A numbered item (`1. Do this`): its number, where its body starts and the body, as `/^(\d+)[.)]\s+(.*)$/` read it. */
export function itemLineOf(line: string): { number: string; bodyAt: number; body: string } | undefined {
  const m = restAfter(ITEM, line);
  return m && { number: m.head[1] as string, bodyAt: m.head[0].length, body: m.rest };
}

/** What follows `- if ` on a branch line, as `/^\s+[-*+]\s+(?:if|se)\s+(.*)$/i` read it. */
export function branchLineOf(line: string): string | undefined {
  return restAfter(BRANCH, line)?.rest;
}

/**
 * The first `→ go to <target>` (or `-> vai a …`) with a target running to the end of the text: where the arrow's
 * space starts and the target. Reads what `/\s(?:→|->)\s*(?:go to|vai a|vai al|vai alla)\s+(.+)$/i` read.
 */
export function goToOf(body: string): { index: number; target: string } | undefined {
  const lastBreak = lastLineBreak(body);
  for (const m of body.matchAll(GO_TO_HEAD)) {
    const words = m.index + m[0].length;
    const after = skipSpace(body, words);
    // `\s+` gives back one space when nothing else is left for `(.+)`.
    const from = after < body.length ? after : after - 1;
    if (from > words && from > lastBreak) return { index: m.index, target: body.slice(from) };
  }
  return undefined;
}

/**
 * A trailing `(role: …)` (or `(ruolo: …)`): where its space starts and the role, as
 * `/\s\((?:role|ruolo):\s*((?:\\.|[^)\\])*)\)$/i` read it. The text between the colon and the final `)` must
 * read as escaped pairs (`\x`, no line break after the backslash) and characters other than `)` and `\`; which
 * positions do is worked out once, from the right, so each candidate costs no more than a lookup.
 */
export function roleOf(text: string): { index: number; role: string } | undefined {
  const close = text.length - 1;
  if (text[close] !== ')') return undefined;
  // reads[i]: text[i..close) is a run of escaped pairs and plain characters ending exactly at `close`.
  const reads = new Uint8Array(text.length + 1);
  reads[close] = 1;
  for (let i = close - 1; i >= 0; i--) {
    const c = text[i] as string;
    if (c === '\\')
      reads[i] = i + 2 <= close && !hasLineBreak(text[i + 1] as string) ? (reads[i + 2] as number) : 0;
    else reads[i] = c === ')' ? 0 : (reads[i + 1] as number);
  }
  for (const m of text.matchAll(ROLE_HEAD)) {
    const colon = m.index + m[0].length;
    if (colon <= close && reads[colon] === 1)
      return { index: m.index, role: text.slice(skipSpace(text, colon), close) };
  }
  return undefined;
}

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
  const match = goToOf(body);
  if (!match) return { text: body };
  return { text: body.slice(0, match.index), target: match.target.trim() };
}

/** Reads the list items of the steps section; `first` is the 1-based line number of `lines[0]`. */
function readItems(lines: string[], first: number, issues: SopSourceIssue[]): RawItem[] {
  const items: RawItem[] = [];
  lines.forEach((line, i) => {
    const at = { line: first + i, column: 1 };
    const item = itemLineOf(line);
    if (item) {
      const number = Number(item.number);
      const body = item.body;
      const id = /^`([^`]+)`\s+/.exec(body);
      items.push({
        number,
        id: id ? (id[1] as string) : `step${number}`,
        at: { line: at.line, column: item.bodyAt + 1 },
        body: id ? body.slice(id[0].length) : body,
        branches: [],
      });
      return;
    }
    const branch = branchLineOf(line);
    if (branch !== undefined && items.length > 0) {
      const { text, target } = splitGoTo(` ${branch}`);
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
    if (goToOf(item.body)) return fail('a decision goes on by its "if" lines, not by → go to');
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
  const role = roleOf(text);
  const body = role ? text.slice(0, role.index) : text;
  if (body.trim() === '') return fail('a step needs a text');
  const step = { id: item.id, kind: 'step' as const, text: unescapeStepText(body.trim()), next };
  return role ? { ...step, role: unescapeStepText(role.role.trim()) } : step;
}

/** Reads the steps section into nodes, in list order; problems go to `issues` with their line. */
export function parseSteps(lines: string[], first: number, issues: SopSourceIssue[]): LocatedStep[] {
  const items = readItems(lines, first, issues);
  const tooMany = (what: 'nodes' | 'edges', at: SourcePoint) => {
    issues.push({ path: [], code: 'sop_syntax', message: limitMessage(what), ...at });
    return [];
  };
  if (items.length > MAX_SOP_NODES) return tooMany('nodes', (items[MAX_SOP_NODES] as RawItem).at);
  let edges = 0;
  for (const item of items) {
    edges += Math.max(item.branches.length, 1);
    if (edges > MAX_SOP_EDGES) return tooMany('edges', item.at);
  }
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
