import { Graph, layout } from '@dagrejs/dagre';
import type { SopDocument, SopNode } from '../../models/sop.js';
import type { FlowchartDirection } from './flowchart.js';
import { successors } from './graph.js';

const CHAR_WIDTH = 7;
const LINE_HEIGHT = 16;
const PAD = 12;
const WRAP = 24;

/** Numeric character references: safe in SVG text and in quoted attributes. */
export const escapeXml = (text: string) => text.replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);

/** Breaks a label into lines of about {@link WRAP} characters at spaces (a longer word stays whole). */
export function wrap(text: string): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line !== '' && line.length + 1 + word.length > WRAP) {
        lines.push(line);
        line = word;
      } else line = line === '' ? word : `${line} ${word}`;
    }
    lines.push(line);
  }
  return lines;
}

interface Box {
  node: SopNode;
  lines: string[];
  width: number;
  height: number;
}

function boxOf(node: SopNode, label: string): Box {
  const lines = wrap(label);
  const textWidth = Math.max(...lines.map((l) => l.length)) * CHAR_WIDTH;
  let width = textWidth + 2 * PAD;
  let height = lines.length * LINE_HEIGHT + 2 * PAD;
  if (node.kind === 'decision') {
    width *= 1.6; // the text must fit inside the diamond
    height *= 1.8;
  }
  return { node, lines, width: Math.max(width, 60), height };
}

function shapeSvg(box: Box, x: number, y: number): string {
  const { width: w, height: h } = box;
  const left = x - w / 2;
  const top = y - h / 2;
  switch (box.node.kind) {
    case 'decision':
      return `<polygon class="sop-decision" points="${x},${top} ${left + w},${y} ${x},${top + h} ${left},${y}"/>`;
    case 'start':
    case 'end':
      return `<rect class="sop-${box.node.kind}" x="${left}" y="${top}" width="${w}" height="${h}" rx="${h / 2}"/>`;
    default:
      return `<rect class="sop-step" x="${left}" y="${top}" width="${w}" height="${h}" rx="4"/>`;
  }
}

function textSvg(lines: string[], x: number, y: number): string {
  const first = y - ((lines.length - 1) * LINE_HEIGHT) / 2;
  const spans = lines.map(
    (line, i) => `<tspan x="${x}" y="${first + i * LINE_HEIGHT}">${escapeXml(line)}</tspan>`,
  );
  return `<text text-anchor="middle" dominant-baseline="middle">${spans.join('')}</text>`;
}

const STYLE =
  '.sop-step,.sop-start,.sop-end,.sop-decision{fill:#fff;stroke:#333;stroke-width:1.5}' +
  '.sop-start,.sop-end{fill:#eef}.sop-decision{fill:#ffe}.sop-edge{fill:none;stroke:#555;stroke-width:1.2}' +
  'text{font:12px sans-serif;fill:#111}.sop-edge-label{fill:#444;paint-order:stroke;stroke:#fff;stroke-width:3px}';

interface Point {
  x: number;
  y: number;
}

/** Where the line from a diamond's centre to `p` crosses the diamond's outline (|dx|/(w/2) + |dy|/(h/2) = 1). */
function onDiamond(box: Point & { width: number; height: number }, p: Point): Point {
  const dx = p.x - box.x;
  const dy = p.y - box.y;
  const reach = Math.abs(dx) / (box.width / 2) + Math.abs(dy) / (box.height / 2);
  return reach === 0 ? p : { x: box.x + dx / reach, y: box.y + dy / reach };
}

const RANKDIR: Record<FlowchartDirection, 'TB' | 'BT' | 'LR' | 'RL'> = {
  TD: 'TB',
  TB: 'TB',
  BT: 'BT',
  LR: 'LR',
  RL: 'RL',
};

/**
 * The SOP's flowchart as an inline SVG document fragment, laid out with dagre (layered, like Mermaid's own
 * renderer); nodes carry their step number. No scripts, no external references, every text escaped.
 */
export function flowchartSvg(
  sop: SopDocument,
  labelOf: (node: SopNode) => string,
  title: string,
  direction: FlowchartDirection = 'TD',
): string {
  const g = new Graph({ multigraph: true });
  g.setGraph({ rankdir: RANKDIR[direction], nodesep: 30, ranksep: 40, marginx: 10, marginy: 10 });
  // dagre (and graphlib under it) keys plain objects by node id: an author's id such as `__proto__` or
  // `constructor` would write onto Object.prototype or read a method. It only ever sees `n0`, `n1`, …
  const layoutId = new Map<string, string>();
  const boxes = new Map<string, Box>(); // by layout id
  sop.instructions.nodes.forEach((node, i) => {
    const id = `n${i}`;
    const box = boxOf(node, labelOf(node));
    layoutId.set(node.id, id);
    boxes.set(id, box);
    g.setNode(id, { width: box.width, height: box.height });
  });
  for (const node of sop.instructions.nodes) {
    const labels = node.kind === 'decision' ? node.branches.map((b) => b.label) : [];
    successors(node).forEach((next, i) => {
      const label = labels[i];
      const size =
        label === undefined
          ? {}
          : { width: label.length * CHAR_WIDTH + 8, height: LINE_HEIGHT, labelpos: 'c' };
      const edge = { v: layoutId.get(node.id) as string, w: layoutId.get(next) as string, name: String(i) };
      g.setEdge(edge, { label, ...size });
    });
  }
  layout(g);
  const parts: string[] = [];
  for (const e of g.edges()) {
    const edge = g.edge(e) as { points: Point[]; label?: string; x?: number; y?: number };
    const points = [...edge.points];
    // dagre ends edges on a node's bounding box; a diamond's outline lies inside it.
    if (boxes.get(e.v)?.node.kind === 'decision')
      points[0] = onDiamond(g.node(e.v) as never, points[0] as Point);
    if (boxes.get(e.w)?.node.kind === 'decision')
      points[points.length - 1] = onDiamond(g.node(e.w) as never, points.at(-1) as Point);
    const d = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
    parts.push(`<path class="sop-edge" d="${d}" marker-end="url(#sop-arrow)"/>`);
    if (edge.label !== undefined && edge.x !== undefined && edge.y !== undefined)
      parts.push(
        `<text class="sop-edge-label" x="${edge.x}" y="${edge.y}" text-anchor="middle" dominant-baseline="middle">${escapeXml(edge.label)}</text>`,
      );
  }
  for (const [id, box] of boxes) {
    const { x, y } = g.node(id) as { x: number; y: number };
    parts.push(`<g class="sop-node">${shapeSvg(box, x, y)}${textSvg(box.lines, x, y)}</g>`);
  }
  const { width = 0, height = 0 } = g.graph() as { width?: number; height?: number };
  const arrow =
    '<marker id="sop-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#555"/></marker>';
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" width="${Math.ceil(width)}" height="${Math.ceil(height)}" viewBox="0 0 ${Math.ceil(width)} ${Math.ceil(height)}"><title>${escapeXml(title)}</title><style>${STYLE}</style><defs>${arrow}</defs>${parts.join('')}</svg>`;
}
