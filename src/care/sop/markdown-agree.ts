import type { SopSourceIssue } from '../../errors/sop.js';
import type { SopNode } from '../../models/sop.js';
import type { ChartInstructions } from './mermaid-to-sop.js';
import type { LocatedStep } from './steps.js';

/** What a node says and where it goes, without its role or group: the part a chart and a list both show. */
function shapeOf(node: SopNode): string {
  switch (node.kind) {
    case 'start':
      return JSON.stringify(['start', node.text ?? null, node.next]);
    case 'end':
      return JSON.stringify(['end', node.outcome ?? null]);
    case 'step':
      return JSON.stringify(['step', node.text, node.next]);
    case 'decision':
      return JSON.stringify(['decision', node.question, node.branches.map((b) => [b.label, b.next])]);
  }
}

function difference(a: SopNode, b: SopNode): string {
  if (a.kind !== b.kind) return `is a ${b.kind} in the steps but a ${a.kind} in the flowchart`;
  if (a.kind === 'decision' && b.kind === 'decision' && a.question === b.question)
    return 'has different branches (labels or targets) in the steps and in the flowchart';
  if (
    (a.kind === 'step' || a.kind === 'start') &&
    (b.kind === 'step' || b.kind === 'start') &&
    a.next !== b.next
  )
    return 'goes to a different step in the steps and in the flowchart';
  return 'has a different text in the steps and in the flowchart';
}

/**
 * The places where the flowchart and the numbered steps disagree, each at the step's line (the message names
 * the node id, which the author chose, never the text).
 */
export function compareInstructions(
  chart: ChartInstructions,
  steps: LocatedStep[],
  start: string,
): SopSourceIssue[] {
  const issues: SopSourceIssue[] = [];
  const inChart = new Map(chart.nodes.map((n) => [n.id, n]));
  const inSteps = new Set(steps.map((s) => s.node.id));
  const first = steps[0]?.at ?? { line: 1, column: 1 };
  const push = (at: { line: number; column: number }, message: string) =>
    issues.push({ path: [], code: 'sop_mismatch', message, ...at });
  if (chart.start !== start)
    push(first, `the steps start at "${start}" but the flowchart at "${chart.start}"`);
  for (const { node, at } of steps) {
    const other = inChart.get(node.id);
    if (!other) push(at, `step "${node.id}" is not in the flowchart`);
    else if (shapeOf(other) !== shapeOf(node)) push(at, `step "${node.id}" ${difference(other, node)}`);
  }
  for (const node of chart.nodes)
    if (!inSteps.has(node.id)) push(first, `flowchart node "${node.id}" is not in the steps`);
  return issues;
}
