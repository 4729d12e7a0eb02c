/**
 * The typed form of a Mermaid flowchart as SOPs use it: nodes with one of four shapes, directed edges with an
 * optional label, and subgraph groups carried on the nodes.
 */

/**
 * The direction a flowchart is drawn in (`TD` and `TB` both mean top to bottom).
 * @example `const direction: FlowchartDirection = 'LR';`
 */
export type FlowchartDirection = 'TD' | 'TB' | 'BT' | 'LR' | 'RL';

/**
 * A node's role, from its Mermaid shape: `((…))` start, `([…])` end, `[…]` or `(…)` step, `{…}` decision.
 * @example `const shape: FlowchartShape = 'decision';`
 */
export type FlowchartShape = 'start' | 'end' | 'step' | 'decision';

/**
 * A flowchart node: its id (ASCII letters, digits and `_`), shape, label and the title of the subgraph it sits in.
 * @example `const node: FlowchartNode = { id: 'check', shape: 'decision', label: 'Paid?' };`
 */
export interface FlowchartNode {
  id: string;
  shape: FlowchartShape;
  label: string;
  group?: string;
}

/**
 * A directed edge; `label` is the branch a decision takes (`-->|yes|` or `-- yes -->`).
 * @example `const edge: FlowchartEdge = { from: 'check', to: 'refund', label: 'yes' };`
 */
export interface FlowchartEdge {
  from: string;
  to: string;
  label?: string;
}

/**
 * A parsed Mermaid flowchart: nodes in order of first mention, edges in order of writing.
 * @example
 * ```ts
 * const chart: MermaidFlowchart = {
 *   direction: 'TD',
 *   nodes: [{ id: 'a', shape: 'step', label: 'Answer' }, { id: 'done', shape: 'end', label: 'Done' }],
 *   edges: [{ from: 'a', to: 'done' }],
 * };
 * ```
 */
export interface MermaidFlowchart {
  direction: FlowchartDirection;
  nodes: FlowchartNode[];
  edges: FlowchartEdge[];
}

/** Where something was written: 1-based line and column. */
export interface SourcePoint {
  line: number;
  column: number;
}

/** A chart with where each node was first given a shape (or first mentioned) and where each edge was written. */
export interface LocatedFlowchart {
  chart: MermaidFlowchart;
  nodeAt: Map<string, SourcePoint>;
  edgeAt: SourcePoint[];
}

/** Node ids that survive Mermaid: ASCII word characters, and never the lower-case keyword `end`. */
export const MERMAID_ID = /^[A-Za-z0-9_]+$/;

/**
 * True when Mermaid can use the id as a node id as it is.
 * @example `isMermaidSafeId('end') // false — lower-case "end" closes a subgraph and breaks the chart`
 */
export function isMermaidSafeId(id: string): boolean {
  return MERMAID_ID.test(id) && id !== 'end' && !KEYWORDS.has(id);
}

const KEYWORDS = new Set([
  'end',
  'subgraph',
  'graph',
  'flowchart',
  'direction',
  'style',
  'class',
  'classDef',
  'linkStyle',
  'click',
]);
