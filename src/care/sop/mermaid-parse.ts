import { type SopSourceIssue, SopSyntaxError } from '../../errors/sop.js';
import { invalidArgument } from '../../errors/validation.js';
import {
  type FlowchartDirection,
  type FlowchartEdge,
  type FlowchartNode,
  type FlowchartShape,
  isMermaidSafeId,
  type LocatedFlowchart,
  type MermaidFlowchart,
  type SourcePoint,
} from './flowchart.js';
import { limitMessage, MAX_SOP_EDGES, MAX_SOP_NODES } from './limits.js';
import { isSpace, lastLineBreak, onlySeparatorFrom, skipSpace } from './scan.js';

const SUBJECT = 'Mermaid flowchart';
const DIRECTIONS = new Set<string>(['TD', 'TB', 'BT', 'LR', 'RL']);
const NON_ASCII = /^[^\s\p{ASCII}]/u;
const IGNORED = /^(?:style|classDef|class|linkStyle|click|direction)\b/;

/**
 * The direction a header line gives (`flowchart`, `graph`, then optionally a direction, spaces and one `;`),
 * `TD` when it gives none, or undefined when the line is not a header. A scan: the pattern it replaces,
 * `(?:\s+(TD|…))?\s*;?\s*$`, had three space runs in a row to share out.
 */
export function headerDirection(line: string): FlowchartDirection | undefined {
  const keyword = line.startsWith('flowchart') ? 9 : line.startsWith('graph') ? 5 : 0;
  if (keyword === 0) return undefined;
  const at = skipSpace(line, keyword);
  const direction = line.slice(at, at + 2);
  if (at > keyword && DIRECTIONS.has(direction) && onlySeparatorFrom(line, at + 2))
    return direction as FlowchartDirection;
  return onlySeparatorFrom(line, keyword) ? 'TD' : undefined;
}

/** A line without its `%%` comment: from the first `%%` after the line's last line break (what `/%%.*$/` cut). */
export function withoutComment(line: string): string {
  const cut = line.indexOf('%%', lastLineBreak(line) + 1);
  return cut < 0 ? line : line.slice(0, cut);
}

/** A syntax problem at a point; collected into one {@link SopSyntaxError}. */
class Stop extends Error {
  constructor(
    readonly at: SourcePoint,
    readonly why: string,
  ) {
    super(why);
  }
}
/** A size limit passed: reading stops there (the rest of the text is not read). */
class Limit extends Stop {}

const NAMED = new Map([
  ['quot', '"'],
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
]);

/** Mermaid's entity codes (`#quot;`, `#35;`) and `<br>` line breaks, decoded in one pass. */
export function decodeLabel(text: string): string {
  return text.replace(/#(quot|amp|lt|gt|\d+);|<br\s*\/?>/g, (match, code: string | undefined) => {
    if (code === undefined) return '\n';
    const named = NAMED.get(code);
    if (named !== undefined) return named;
    const n = Number(code);
    return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : match;
  });
}

interface Shape {
  open: string;
  close: string;
  shape: FlowchartShape;
}
// Longest openers first: `((` before `(`, `([` before `(`.
const SHAPES: Shape[] = [
  { open: '((', close: '))', shape: 'start' },
  { open: '([', close: '])', shape: 'end' },
  { open: '[', close: ']', shape: 'step' },
  { open: '(', close: ')', shape: 'step' },
  { open: '{', close: '}', shape: 'decision' },
];
const OTHER_SHAPES = ['[[', '[(', '[/', '[\\', '{{', '(((', '>', '@{'];

/** Reads one line of statements, left to right, with a cursor. */
class LineReader {
  pos = 0;
  constructor(
    readonly text: string,
    readonly line: number,
  ) {}
  point(pos = this.pos): SourcePoint {
    return { line: this.line, column: pos + 1 };
  }
  skipSpace(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos] as string)) this.pos++;
  }
  rest(): string {
    return this.text.slice(this.pos);
  }
  atEnd(): boolean {
    this.skipSpace();
    return this.pos >= this.text.length || this.text[this.pos] === ';';
  }
  fail(why: string, pos = this.pos): never {
    throw new Stop(this.point(pos), why);
  }
}

interface NodeRef {
  id: string;
  at: SourcePoint;
  shape?: FlowchartShape;
  label?: string;
}

function readLabel(r: LineReader, close: string): string {
  r.skipSpace();
  if (r.text[r.pos] === '"') {
    const end = r.text.indexOf('"', r.pos + 1);
    if (end < 0) r.fail('a quoted label is not closed');
    const label = r.text.slice(r.pos + 1, end);
    r.pos = end + 1;
    r.skipSpace();
    if (!r.rest().startsWith(close)) r.fail(`expected ${close} after the quoted label`);
    r.pos += close.length;
    return decodeLabel(label);
  }
  const end = r.text.indexOf(close, r.pos);
  if (end < 0) r.fail(`the node's label is not closed with ${close}`);
  const label = r.text.slice(r.pos, end);
  if (/["[\]{}()|]/.test(label)) r.fail('put a label with brackets, braces or quotes in "double quotes"');
  r.pos = end + close.length;
  return decodeLabel(label.trim());
}

function readNode(r: LineReader): NodeRef {
  r.skipSpace();
  const start = r.pos;
  const match = /^[A-Za-z0-9_]+/.exec(r.rest());
  if (!match) {
    if (NON_ASCII.test(r.rest())) r.fail('node ids use ASCII letters, digits and _ only');
    r.fail('expected a node id');
  }
  const id = match[0];
  r.pos += id.length;
  if (NON_ASCII.test(r.rest())) r.fail('node ids use ASCII letters, digits and _ only', start);
  if (id === 'end')
    r.fail('a node cannot be called "end" in lower case: Mermaid reads it as the end of a subgraph', start);
  if (!isMermaidSafeId(id)) r.fail('this Mermaid keyword cannot be a node id', start);
  const node: NodeRef = { id, at: r.point(start) };
  if (OTHER_SHAPES.some((s) => r.rest().startsWith(s))) r.fail('this node shape is not one SOPs use', r.pos);
  const shape = SHAPES.find((s) => r.rest().startsWith(s.open));
  if (shape) {
    r.pos += shape.open.length;
    node.shape = shape.shape;
    node.label = readLabel(r, shape.close);
  }
  const styled = /^:::[\w-]+/.exec(r.rest()); // a class attached to the node: styling only
  if (styled) r.pos += styled[0].length;
  return node;
}

function readGroup(r: LineReader): NodeRef[] {
  const nodes = [readNode(r)];
  for (;;) {
    r.skipSpace();
    if (r.text[r.pos] !== '&') return nodes;
    r.pos++;
    nodes.push(readNode(r));
  }
}

const ARROW = /^(?:-{2,}>|={2,}>|-\.+->)/;
/** The arrow that closes a text link, tried at one position (sticky). */
const TEXT_LINK_ARROW = /-{2,}>|={2,}>|\.+->/y;

/**
 * A text link at the start of `rest`: `-- label -->` (or `==`, `-.` to open, `-->`, `==>`, `.->` to close) as
 * `/^(--|==|-\.)\s+(.*?)\s+(?:-{2,}>|={2,}>|\.+->)/` read it: the label runs from after the opening spaces to
 * the first run of spaces an arrow follows, without a line break. A scan: the pattern's `\s+(.*?)\s+` took
 * seconds on `A -- ` followed by spaces. Returns the label and the length read, or undefined.
 */
export function textLinkOf(rest: string): { label: string; length: number } | undefined {
  if (!(rest.startsWith('--') || rest.startsWith('==') || rest.startsWith('-.'))) return undefined;
  const open = skipSpace(rest, 2);
  if (open === 2) return undefined;
  const arrowAt = (i: number) => {
    TEXT_LINK_ARROW.lastIndex = i;
    return TEXT_LINK_ARROW.exec(rest)?.[0].length;
  };
  for (let i = open; i < rest.length; ) {
    if (!isSpace(rest, i)) {
      i++;
      continue;
    }
    const end = skipSpace(rest, i);
    const arrow = arrowAt(end);
    if (arrow !== undefined) return { label: rest.slice(open, i), length: end + arrow };
    if (lastLineBreak(rest.slice(i, end)) >= 0) break; // the label cannot run past a line break
    i = end;
  }
  // No arrow after the label: the opening spaces, two or more, may hold an empty label and the closing spaces.
  const arrow = open - 2 >= 2 ? arrowAt(open) : undefined;
  return arrow === undefined ? undefined : { label: '', length: open + arrow };
}

/** Reads a link if one follows; returns undefined at the end of the statement. */
function readLink(r: LineReader): { label?: string; at: SourcePoint } | undefined {
  if (r.atEnd()) return undefined;
  const at = r.point();
  const rest = r.rest();
  const arrow = ARROW.exec(rest);
  if (arrow) {
    r.pos += arrow[0].length;
    r.skipSpace();
    if (r.text[r.pos] !== '|') return { at };
    const end = r.text.indexOf('|', r.pos + 1);
    if (end < 0) r.fail('an edge label opened with | is not closed');
    let label = r.text.slice(r.pos + 1, end).trim();
    if (label.startsWith('"') && label.endsWith('"') && label.length >= 2) label = label.slice(1, -1);
    r.pos = end + 1;
    return label === '' ? { at } : { label: decodeLabel(label), at };
  }
  const text = textLinkOf(rest);
  if (text) {
    r.pos += text.length;
    return { label: decodeLabel(text.label.replace(/^"(.*)"$/, '$1')), at };
  }
  if (/^(?:-{3,}|={3,}|-\.+-)(?!>)/.test(rest)) r.fail('a link without an arrow: SOP flowcharts need -->');
  if (/^[ox<]?-/.test(rest)) r.fail('this link form is not one SOPs use: write --> or -->|label|');
  r.fail('expected --> or the end of the statement');
}

/** Accumulates nodes (in order of first mention) and edges while the lines are read. */
class Builder {
  readonly nodes = new Map<string, FlowchartNode>();
  readonly nodeAt = new Map<string, SourcePoint>();
  readonly shaped = new Set<string>();
  readonly edges: FlowchartEdge[] = [];
  readonly edgeAt: SourcePoint[] = [];
  readonly groups: string[] = [];

  mention(ref: NodeRef): void {
    let node = this.nodes.get(ref.id);
    if (!node) {
      if (this.nodes.size >= MAX_SOP_NODES) throw new Limit(ref.at, limitMessage('nodes'));
      node = { id: ref.id, shape: 'step', label: ref.id };
      this.nodes.set(ref.id, node);
      this.nodeAt.set(ref.id, ref.at);
    }
    const group = this.groups.at(-1);
    if (group !== undefined && node.group === undefined) node.group = group;
    if (ref.shape !== undefined && ref.label !== undefined) {
      if (!this.shaped.has(ref.id)) this.nodeAt.set(ref.id, ref.at);
      this.shaped.add(ref.id);
      node.shape = ref.shape;
      node.label = ref.label;
    }
  }

  link(from: NodeRef[], to: NodeRef[], link: { label?: string; at: SourcePoint }): void {
    // Counted before expanding: `a & b --> c & d` is 4 edges, and k & … --> k & … is k².
    if (this.edges.length + from.length * to.length > MAX_SOP_EDGES)
      throw new Limit(link.at, limitMessage('edges', ' (`a & b --> c & d` makes 4)'));
    for (const a of from)
      for (const b of to) {
        this.edges.push(
          link.label === undefined ? { from: a.id, to: b.id } : { from: a.id, to: b.id, label: link.label },
        );
        this.edgeAt.push(link.at);
      }
  }
}

/**
 * `id [Title]` or `id ["Title"]` after `subgraph`: the id and the title (untrimmed), as
 * `/^([A-Za-z0-9_]+)\s*\[\s*(?:"([^"]*)"|([^\]"]*))\s*\]$/` read it, scanned: that pattern's spaces around the
 * title backtracked cubically on `subgraph g [` followed by spaces.
 */
export function subgraphTitleOf(rest: string): { id: string; title: string } | undefined {
  const id = /^[A-Za-z0-9_]+/.exec(rest)?.[0];
  if (id === undefined) return undefined;
  const open = skipSpace(rest, id.length);
  if (rest[open] !== '[' || !rest.endsWith(']') || rest.length - 1 <= open) return undefined;
  const inner = rest.slice(open + 1, -1);
  if (!inner.includes('"')) return inner.includes(']') ? undefined : { id, title: inner };
  const quoted = inner.trim();
  const close = quoted.indexOf('"', 1);
  return quoted.startsWith('"') && close === quoted.length - 1
    ? { id, title: quoted.slice(1, -1) }
    : undefined;
}

function readSubgraph(r: LineReader): string {
  r.pos += 'subgraph'.length;
  r.skipSpace();
  let rest = r.rest().trimEnd();
  if (rest.endsWith(';')) rest = rest.slice(0, -1);
  rest = rest.trim();
  if (rest === '') r.fail('a subgraph needs an id or a title');
  const titled = subgraphTitleOf(rest);
  r.pos = r.text.length;
  if (titled) return decodeLabel(titled.title.trim() || titled.id);
  return decodeLabel(rest.replace(/^"(.*)"$/, '$1'));
}

function readStatement(r: LineReader, b: Builder): void {
  const rest = r.rest();
  if (rest.startsWith('end') && onlySeparatorFrom(rest, 3)) {
    if (b.groups.length === 0)
      r.fail('"end" without an open subgraph (a node cannot be called "end" in lower case)');
    b.groups.pop();
    r.pos = r.text.length;
    return;
  }
  if (/^subgraph\b/.test(rest)) {
    b.groups.push(readSubgraph(r));
    return;
  }
  if (IGNORED.test(rest)) {
    r.pos = r.text.length; // styling and interaction: not part of the procedure
    return;
  }
  let from = readGroup(r);
  for (const ref of from) b.mention(ref);
  for (let link = readLink(r); link; link = readLink(r)) {
    const to = readGroup(r);
    for (const ref of to) b.mention(ref);
    b.link(from, to, link);
    from = to;
  }
  r.skipSpace();
  if (r.text[r.pos] === ';') r.pos++;
}

function readLine(r: LineReader, b: Builder): void {
  for (r.skipSpace(); r.pos < r.text.length; r.skipSpace()) readStatement(r, b);
}

/**
 * Parses Mermaid flowchart text with its source positions (the Markdown reader reports differences with them).
 * `lineOffset` is added to every line number, for a chart inside a larger document.
 */
export function parseFlowchartLocated(text: string, lineOffset = 0): LocatedFlowchart {
  if (typeof text !== 'string') throw invalidArgument('parseMermaidFlowchart()', 'text', 'expected a string');
  const lines = text.split(/\r?\n/);
  const b = new Builder();
  let direction: FlowchartDirection | undefined;
  const issues: SopSourceIssue[] = [];
  for (const [index, raw] of lines.entries()) {
    const line = index + 1 + lineOffset;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('%%')) continue;
    const r: LineReader = new LineReader(withoutComment(raw), line);
    try {
      if (direction === undefined) {
        direction = headerDirection(trimmed);
        if (direction === undefined)
          r.fail('a flowchart starts with "flowchart TD" (or LR, BT, RL)', raw.indexOf(trimmed));
        continue;
      }
      readLine(r, b);
    } catch (error) {
      if (!(error instanceof Stop)) throw error;
      issues.push({ path: [], code: 'sop_syntax', message: error.why, ...error.at });
      if (error instanceof Limit) throw new SopSyntaxError(SUBJECT, issues);
    }
  }
  const endPoint = { line: lines.length + lineOffset, column: 1 };
  if (direction === undefined)
    issues.push({ path: [], code: 'sop_syntax', message: 'the flowchart is empty', ...endPoint });
  if (b.groups.length > 0)
    issues.push({ path: [], code: 'sop_syntax', message: 'a subgraph is not closed with end', ...endPoint });
  if (issues.length > 0) throw new SopSyntaxError(SUBJECT, issues);
  const chart: MermaidFlowchart = {
    direction: direction ?? 'TD',
    nodes: [...b.nodes.values()],
    edges: b.edges,
  };
  return { chart, nodeAt: b.nodeAt, edgeAt: b.edgeAt };
}

/**
 * Parses the subset of Mermaid flowcharts SOPs use into typed nodes and edges: the header (`flowchart TD`,
 * `graph LR`), node shapes `((start))`, `([end])`, `[step]`, `(step)`, `{decision}`, labels plain or in
 * `"quotes"` (with Mermaid's `#quot;` codes and `<br>`), edges `-->`, `-->|label|`, `-- label -->`, chains
 * (`a --> b --> c`), `&` (`a & b --> c`), `%%` comments, `:::class` suffixes, `;` between statements and `subgraph … end` groups
 * (a node belongs to the first subgraph that mentions it). Style lines (`style`, `classDef`, `class`,
 * `linkStyle`, `click`) are skipped. Anything else is a {@link SopSyntaxError} whose issues give line and column —
 * including Mermaid's trap of a node called `end` in lower case.
 *
 * @example
 * ```ts
 * import { parseMermaidFlowchart } from 'supportkit-ts';
 * const chart = parseMermaidFlowchart(`flowchart TD
 *   s((Start)) --> paid{Invoice paid?}
 *   paid -->|yes| done([Closed])
 *   paid -- no --> remind[Send a reminder] --> done`);
 * chart.edges[1]; // { from: 'paid', to: 'done', label: 'yes' }
 * ```
 */
export function parseMermaidFlowchart(text: string): MermaidFlowchart {
  return parseFlowchartLocated(text).chart;
}
