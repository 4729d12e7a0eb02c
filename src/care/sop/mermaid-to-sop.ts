import { type SopSourceIssue, SopSyntaxError } from '../../errors/sop.js';
import type { SopNode } from '../../models/sop.js';
import type { FlowchartEdge, FlowchartNode, LocatedFlowchart, SourcePoint } from './flowchart.js';

/** An SOP's instructions as read from a chart. */
export interface ChartInstructions {
  start: string;
  nodes: SopNode[];
}

const issue = (at: SourcePoint, message: string): SopSourceIssue => ({
  path: [],
  code: 'sop_structure',
  message,
  ...at,
});

function toNode(
  node: FlowchartNode,
  out: FlowchartEdge[],
  fail: (message: string) => undefined,
): SopNode | undefined {
  const base = node.group === undefined ? { id: node.id } : { id: node.id, group: node.group };
  const labelled = out.filter((e) => e.label !== undefined).length;
  switch (node.shape) {
    case 'start':
      if (out.length !== 1 || labelled > 0) return fail('a start node has exactly one exit, without a label');
      return {
        ...base,
        kind: 'start',
        next: (out[0] as FlowchartEdge).to,
        ...(node.label === node.id ? {} : { text: node.label }),
      };
    case 'end':
      if (out.length > 0) return fail('an end node has no exits');
      return { ...base, kind: 'end', ...(node.label === node.id ? {} : { outcome: node.label }) };
    case 'step':
      if (out.length > 1) return fail('a step has one exit; a node with branches is a decision {…}');
      if (labelled > 0)
        return fail("a step's exit has no label; a node with labelled exits is a decision {…}");
      if (node.label.trim() === '') return fail('a step needs a text');
      return { ...base, kind: 'step', text: node.label, next: out[0]?.to ?? null };
    case 'decision':
      if (out.length < 2) return fail('a decision has at least two exits');
      if (labelled < out.length) return fail('every exit of a decision has a label, e.g. -->|yes|');
      if (node.label.trim() === '') return fail('a decision needs a question');
      return {
        ...base,
        kind: 'decision',
        question: node.label,
        branches: out.map((e) => ({ label: e.label as string, next: e.to })),
      };
  }
}

/**
 * Turns a parsed chart into SOP instructions: shapes become kinds, edges become `next` and branches. The start is
 * the first `((…))` node, else the first node. A node whose exits do not fit its kind is a {@link SopSyntaxError}
 * at the node.
 */
export function flowchartToInstructions(located: LocatedFlowchart, subject: string): ChartInstructions {
  const { chart, nodeAt } = located;
  const out = new Map<string, FlowchartEdge[]>();
  for (const edge of chart.edges) {
    const exits = out.get(edge.from);
    if (exits) exits.push(edge);
    else out.set(edge.from, [edge]);
  }
  const issues: SopSourceIssue[] = [];
  const nodes: SopNode[] = [];
  for (const node of chart.nodes) {
    const at = nodeAt.get(node.id) ?? { line: 1, column: 1 };
    const converted = toNode(node, out.get(node.id) ?? [], (message) => {
      issues.push(issue(at, message));
      return undefined;
    });
    if (converted) nodes.push(converted);
  }
  if (chart.nodes.length === 0) issues.push(issue({ line: 1, column: 1 }, 'the flowchart has no nodes'));
  if (issues.length > 0) throw new SopSyntaxError(subject, issues);
  const start = chart.nodes.find((n) => n.shape === 'start') ?? chart.nodes[0];
  return { start: (start as FlowchartNode).id, nodes };
}
