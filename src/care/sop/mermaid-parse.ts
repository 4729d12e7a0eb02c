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

const SUBJECT = 'Mermaid flowchart';
const HEADER = /^(?:flowchart|graph)(?:\s+(TD|TB|BT|LR|RL))?\s*;?\s*$/;
const NON_ASCII = /^[^\s\p{ASCII}]/u;
const IGNORED = /^(?:style|classDef|class|linkStyle|click|direction)\b/;

/** A syntax problem at a point; collected into one {@link SopSyntaxError}. */
class Stop extends Error {
  constructor(
    readonly at: SourcePoint,
    readonly why: string,
  ) {
    super(why);
  }
}

/** Mermaid's entity codes (`#quot;`, `#35;`) and `<br>` line breaks, decoded in one pass. */
export function decodeLabel(text: string): string {
  return text.replace(/#(quot|amp|lt|gt|\d+);|<br\s*\/?>/g, (match, code: string | undefined) => {
    if (code === undefined) return '\n';
    const named: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>' };
    if (code in named) return named[code] as string;
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
const TEXT_LINK = /^(--|==|-\.)\s+(.*?)\s+(?:-{2,}>|={2,}>|\.+->)/;

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
  const text = TEXT_LINK.exec(rest);
  if (text) {
    r.pos += text[0].length;
    return { label: decodeLabel((text[2] as string).replace(/^"(.*)"$/, '$1')), at };
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
    for (const a of from)
      for (const b of to) {
        this.edges.push(
          link.label === undefined ? { from: a.id, to: b.id } : { from: a.id, to: b.id, label: link.label },
        );
        this.edgeAt.push(link.at);
      }
  }
}

function readSubgraph(r: LineReader): string {
  r.pos += 'subgraph'.length;
  r.skipSpace();
  const rest = r.rest().replace(/;\s*$/, '').trim();
  if (rest === '') r.fail('a subgraph needs an id or a title');
  const titled = /^([A-Za-z0-9_]+)\s*\[\s*(?:"([^"]*)"|([^\]"]*))\s*\]$/.exec(rest);
  r.pos = r.text.length;
  if (titled) return decodeLabel((titled[2] ?? titled[3] ?? '').trim() || (titled[1] as string));
  return decodeLabel(rest.replace(/^"(.*)"$/, '$1'));
}

function readStatement(r: LineReader, b: Builder): void {
  const rest = r.rest();
  if (/^end\s*;?\s*$/.test(rest)) {
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
  lines.forEach((raw, index) => {
    const line = index + 1 + lineOffset;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('%%')) return;
    const r: LineReader = new LineReader(raw.replace(/%%.*$/, ''), line);
    try {
      if (direction === undefined) {
        const header = HEADER.exec(trimmed);
        if (!header) r.fail('a flowchart starts with "flowchart TD" (or LR, BT, RL)', raw.indexOf(trimmed));
        direction = (header[1] as FlowchartDirection | undefined) ?? 'TD';
        return;
      }
      readLine(r, b);
    } catch (error) {
      if (!(error instanceof Stop)) throw error;
      issues.push({ path: [], code: 'sop_syntax', message: error.why, ...error.at });
    }
  });
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
