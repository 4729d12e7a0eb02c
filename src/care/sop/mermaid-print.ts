import { invalidArgument, ValidationError, type ValidationIssue } from '../../errors/validation.js';
import { parse } from '../../models/parse.js';
import { SopDocument, type SopDocumentInput, type SopNode } from '../../models/sop.js';
import {
  type FlowchartDirection,
  type FlowchartEdge,
  type FlowchartNode,
  type FlowchartShape,
  isMermaidSafeId,
  type MermaidFlowchart,
} from './flowchart.js';

const OPEN: Record<FlowchartShape, [string, string]> = {
  start: ['((', '))'],
  end: ['([', '])'],
  step: ['[', ']'],
  decision: ['{', '}'],
};

/**
 * Writes text so the parser (and Mermaid) read it back as it was: `#`, `"`, `<`, `>`, `|` and `%` as Mermaid
 * entity codes, line breaks as `<br>`, other control characters and edge spaces as codes.
 */
export function encodeLabel(text: string): string {
  return (
    text
      .replace(/[#"<>|%]/g, (c) => `#${c.codePointAt(0)};`)
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is encoded
      .replace(/[\u0000-\u0009\u000b-\u001f]/g, (c) => `#${c.codePointAt(0)};`)
      .replace(/\n/g, '<br>')
      .replace(/^\s|\s$/g, (c) => `#${c.codePointAt(0)};`)
  );
}

/** The Mermaid text of a typed chart, in a fixed layout: declarations, subgraphs, then edges. */
export function printFlowchart(chart: MermaidFlowchart): string {
  const lines = [`flowchart ${chart.direction}`];
  for (const node of chart.nodes) {
    const [open, close] = OPEN[node.shape];
    lines.push(`  ${node.id}${open}"${encodeLabel(node.label)}"${close}`);
  }
  const ids = new Set(chart.nodes.map((n) => n.id));
  const groups = new Map<string, string[]>();
  for (const node of chart.nodes) {
    if (node.group === undefined) continue;
    const members = groups.get(node.group) ?? [];
    members.push(node.id);
    groups.set(node.group, members);
  }
  let n = 0;
  for (const [title, members] of groups) {
    let id = `group${++n}`;
    while (ids.has(id)) id = `group${++n}`;
    lines.push(`  subgraph ${id} ["${encodeLabel(title)}"]`, ...members.map((m) => `    ${m}`), '  end');
  }
  for (const edge of chart.edges) {
    const label = edge.label === undefined ? '' : `|"${encodeLabel(edge.label)}"|`;
    lines.push(`  ${edge.from} -->${label} ${edge.to}`);
  }
  return `${lines.join('\n')}\n`;
}

const grouped = <T extends object>(node: { group?: string | undefined }, value: T) =>
  node.group === undefined ? value : { ...value, group: node.group };

/** The chart of an SOP's instructions: one node per SOP node, one edge per `next` or branch. */
export function sopToFlowchart(sop: SopDocument, direction: FlowchartDirection): MermaidFlowchart {
  const nodes: FlowchartNode[] = [];
  const edges: FlowchartEdge[] = [];
  for (const node of sop.instructions.nodes) {
    nodes.push(grouped(node, chartNode(node)));
    if (node.kind === 'start' || (node.kind === 'step' && node.next !== null))
      edges.push({ from: node.id, to: node.next as string });
    if (node.kind === 'decision')
      for (const b of node.branches) edges.push({ from: node.id, to: b.next, label: b.label });
  }
  return { direction, nodes, edges };
}

function chartNode(node: SopNode): FlowchartNode {
  switch (node.kind) {
    case 'start':
      return { id: node.id, shape: 'start', label: node.text ?? node.id };
    case 'step':
      return { id: node.id, shape: 'step', label: node.text };
    case 'decision':
      return { id: node.id, shape: 'decision', label: node.question };
    case 'end':
      return { id: node.id, shape: 'end', label: node.outcome ?? node.id };
  }
}

/**
 * Options of {@link toMermaid}.
 * @example `toMermaid(sop, { direction: 'LR' })`
 */
export interface ToMermaidOptions {
  /** The drawing direction of an SOP's chart (a chart passed in keeps its own). @default 'TD' */
  direction?: FlowchartDirection;
}

const DIRECTIONS = new Set(['TD', 'TB', 'BT', 'LR', 'RL']);

/**
 * Writes an SOP's instructions (or a chart from {@link parseMermaidFlowchart}) as a Mermaid flowchart that
 * {@link parseMermaidFlowchart} reads back to the same nodes and edges: every node declared once with its shape
 * and a quoted label, subgraphs for grouped nodes, then the edges. An SOP whose node ids Mermaid cannot take
 * (not ASCII letters, digits and `_`, or the keyword `end`) is a ValidationError naming the nodes;
 * `checkSop` warns about them first (`mermaid_unsafe_id`).
 *
 * @example
 * ```ts
 * import { toMermaid } from 'supportkit-ts';
 * toMermaid(sop);
 * // flowchart TD
 * //   start(("Start"))
 * //   paid{"Invoice paid?"}
 * //   …
 * //   paid -->|"yes"| done
 * ```
 */
export function toMermaid(
  input: SopDocumentInput | MermaidFlowchart,
  options: ToMermaidOptions = {},
): string {
  if (typeof options !== 'object' || options === null)
    throw invalidArgument('toMermaid()', 'options', 'expected an object');
  const direction = options.direction ?? 'TD';
  if (!DIRECTIONS.has(direction))
    throw invalidArgument('toMermaid()', 'options.direction', 'expected TD, TB, BT, LR or RL');
  if (typeof input !== 'object' || input === null)
    throw invalidArgument('toMermaid()', 'input', 'expected an SOP document or a flowchart');
  if ('edges' in input && 'nodes' in input) return printFlowchart(checkedChart(input as MermaidFlowchart));
  const sop = parse(SopDocument, input, 'toMermaid() sop');
  const issues: ValidationIssue[] = [];
  sop.instructions.nodes.forEach((node, index) => {
    if (!isMermaidSafeId(node.id))
      issues.push({
        path: ['instructions', 'nodes', index, 'id'],
        code: 'mermaid_unsafe_id',
        message: 'Mermaid cannot use this node id: use ASCII letters, digits and _ (and not "end")',
      });
  });
  if (issues.length > 0) throw new ValidationError('toMermaid() sop', issues);
  return printFlowchart(sopToFlowchart(sop, direction));
}

function checkedChart(chart: MermaidFlowchart): MermaidFlowchart {
  const issues: ValidationIssue[] = [];
  if (!DIRECTIONS.has(chart.direction))
    issues.push({ path: ['direction'], code: 'invalid_value', message: 'expected TD, TB, BT, LR or RL' });
  if (!Array.isArray(chart.nodes) || !Array.isArray(chart.edges))
    issues.push({ path: [], code: 'invalid_type', message: 'expected nodes and edges arrays' });
  else {
    const ids = new Set<string>();
    chart.nodes.forEach((node, i) => {
      if (typeof node?.id !== 'string' || !isMermaidSafeId(node.id))
        issues.push({
          path: ['nodes', i, 'id'],
          code: 'mermaid_unsafe_id',
          message: 'not a node id Mermaid can use',
        });
      else if (ids.has(node.id))
        issues.push({ path: ['nodes', i, 'id'], code: 'custom', message: 'duplicate node id' });
      else ids.add(node.id);
      const shaped = typeof node?.shape === 'string' && Object.hasOwn(OPEN, node.shape);
      if (
        !shaped ||
        typeof node.label !== 'string' ||
        !(node.group === undefined || typeof node.group === 'string')
      )
        issues.push({
          path: ['nodes', i],
          code: 'invalid_type',
          message: 'expected a shape, a label and an optional group title',
        });
    });
    chart.edges.forEach((edge, i) => {
      if (!ids.has(edge?.from) || !ids.has(edge?.to))
        issues.push({ path: ['edges', i], code: 'custom', message: 'an edge names no node' });
      else if (!(edge.label === undefined || typeof edge.label === 'string'))
        issues.push({ path: ['edges', i, 'label'], code: 'invalid_type', message: 'expected a string' });
    });
  }
  if (issues.length > 0) throw new ValidationError('toMermaid() chart', issues);
  return chart;
}
