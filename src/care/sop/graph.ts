import type { SopDocument, SopNode } from '../../models/sop.js';

/** The ids a node leads to, in order (a decision's branches, a step's or start's `next`). */
export function successors(node: SopNode): string[] {
  if (node.kind === 'decision') return node.branches.map((b) => b.next);
  if (node.kind === 'end' || node.next === null) return [];
  return [node.next];
}

/** True for the nodes where the procedure is over: an end node, or a step with no `next`. */
export const isEnd = (node: SopNode): boolean =>
  node.kind === 'end' || (node.kind === 'step' && node.next === null);

/** Node ids in breadth-first order from the start (branches in their written order). */
export function reachableFromStart(sop: SopDocument): string[] {
  const byId = new Map(sop.instructions.nodes.map((n) => [n.id, n]));
  const seen = new Set([sop.instructions.start]);
  const order = [sop.instructions.start];
  for (let i = 0; i < order.length; i++) {
    const node = byId.get(order[i] as string);
    for (const next of node ? successors(node) : [])
      if (!seen.has(next)) {
        seen.add(next);
        order.push(next);
      }
  }
  return order;
}

/** The ids from which some end can be reached (walking the edges backwards from every end). */
export function reachingAnEnd(sop: SopDocument): Set<string> {
  const into = new Map<string, string[]>();
  for (const node of sop.instructions.nodes)
    for (const next of successors(node)) {
      const from = into.get(next);
      if (from) from.push(node.id);
      else into.set(next, [node.id]);
    }
  const queue = sop.instructions.nodes.filter(isEnd).map((n) => n.id);
  const seen = new Set(queue);
  while (queue.length > 0) {
    for (const prev of into.get(queue.pop() as string) ?? [])
      if (!seen.has(prev)) {
        seen.add(prev);
        queue.push(prev);
      }
  }
  return seen;
}

/**
 * Strongly connected components (Tarjan), each as node ids in discovery order. Iterative, so a procedure of any
 * length cannot overflow the call stack.
 */
export function stronglyConnected(sop: SopDocument): string[][] {
  const next = new Map(sop.instructions.nodes.map((n) => [n.id, successors(n)]));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const enter = (id: string) => {
    index.set(id, index.size);
    low.set(id, index.get(id) as number);
    stack.push(id);
    onStack.add(id);
  };
  for (const root of sop.instructions.nodes) {
    if (index.has(root.id)) continue;
    enter(root.id);
    const work: [string, number][] = [[root.id, 0]];
    while (work.length > 0) {
      const frame = work.at(-1) as [string, number];
      const [id, i] = frame;
      const targets = next.get(id) ?? [];
      if (i < targets.length) {
        frame[1] = i + 1;
        const w = targets[i] as string;
        if (!index.has(w)) {
          enter(w);
          work.push([w, 0]);
        } else if (onStack.has(w)) low.set(id, Math.min(low.get(id) as number, index.get(w) as number));
        continue;
      }
      work.pop();
      const parent = work.at(-1);
      if (parent) low.set(parent[0], Math.min(low.get(parent[0]) as number, low.get(id) as number));
      if (low.get(id) !== index.get(id)) continue;
      const component: string[] = [];
      for (let top = stack.pop(); top !== undefined; top = top === id ? undefined : stack.pop()) {
        onStack.delete(top);
        component.push(top);
      }
      out.push(component.reverse());
    }
  }
  return out;
}
