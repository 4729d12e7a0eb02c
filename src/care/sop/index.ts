export { type CheckSopOptions, checkSop, type SopFinding, type SopFindingCode } from './check.js';
export type {
  FlowchartDirection,
  FlowchartEdge,
  FlowchartNode,
  FlowchartShape,
  MermaidFlowchart,
} from './flowchart.js';
export { parseSopMarkdown } from './markdown-parse.js';
export { type SopToMarkdownOptions, sopToMarkdown } from './markdown-print.js';
export { parseMermaidFlowchart } from './mermaid-parse.js';
export { type ToMermaidOptions, toMermaid } from './mermaid-print.js';
export { type RenderSopOptions, renderSop } from './render.js';
export {
  advanceSopRun,
  SopRun,
  type SopRunEntry,
  type SopRunMove,
  type SopRunStart,
  startSopRun,
} from './run.js';
export { type SopRunStats, type SopRunStatsOptions, sopRunStats } from './run-stats.js';
export { sopFor } from './sop-for.js';
