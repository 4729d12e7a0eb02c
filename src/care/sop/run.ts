import { z } from 'zod';
import { SopInvalidMoveError } from '../../errors/sop.js';
import { parse } from '../../models/parse.js';
import { Id, Timestamp } from '../../models/primitives.js';
import { SopDocument, type SopDocumentInput, SopNode } from '../../models/sop.js';

const Iso = z
  .string()
  .refine((s) => !Number.isNaN(Date.parse(s)), { message: 'expected an ISO 8601 timestamp' });

/** One move of a run: who did which step, when, with which answer and note, and where the run went next. */
const SopRunEntry = z.strictObject({
  stepId: z.string(),
  choice: z.string().optional(),
  operatorId: z.string().min(1),
  note: z.string().optional(),
  at: Iso,
  next: z.string().nullable(),
});

/**
 * An SOP followed as a checklist for one ticket: a copy of the instructions at the version it started with (so an
 * edit of the SOP never changes a run under way), the step it waits for, and the signed log of every move.
 * Plain JSON: store it as it is and pass it back to {@link advanceSopRun}.
 *
 * @example
 * ```ts
 * import { SopRun } from 'supportkit-ts';
 * const run = SopRun.parse(JSON.parse(storedText)); // a stored run, checked before use
 * ```
 */
export const SopRun = z.strictObject({
  sop: z.strictObject({
    id: z.string(),
    version: z.string(),
    title: z.string(),
    start: z.string(),
    nodes: z.array(SopNode).min(1),
  }),
  ticketId: z.string().nullable(),
  startedBy: z.string().min(1),
  startedAt: Iso,
  status: z.enum(['active', 'completed']),
  /** The step the run waits for; null once complete. */
  current: z.string().nullable(),
  /** The end reached (an end node, or the last step of a branch without one); null while active. */
  outcome: z.string().nullable(),
  log: z.array(SopRunEntry),
});
/**
 * A run of an SOP (see {@link startSopRun}).
 * @example `const saved: string = JSON.stringify(run); const again: SopRun = JSON.parse(saved);`
 */
export type SopRun = z.output<typeof SopRun>;
/**
 * One logged move of a run.
 * @example `const move: SopRunEntry = run.log[0]!;`
 */
export type SopRunEntry = z.output<typeof SopRunEntry>;

const StartInput = z.strictObject({ operatorId: Id, ticketId: Id.optional(), at: Timestamp });
const MoveInput = z.strictObject({
  stepId: Id,
  choice: z.string().min(1).optional(),
  operatorId: Id,
  note: z.string().optional(),
  at: Timestamp,
});
/**
 * What {@link startSopRun} takes.
 * @example `const start: SopRunStart = { operatorId: 'agent-7', ticketId: '4812', at: new Date() };`
 */
export type SopRunStart = z.input<typeof StartInput>;
/**
 * What {@link advanceSopRun} takes: the step done, the branch label for a decision, the operator who signs it.
 * @example `const move: SopRunMove = { stepId: 'paid', choice: 'yes', operatorId: 'agent-7', at: new Date() };`
 */
export type SopRunMove = z.input<typeof MoveInput>;

type Nodes = Map<string, SopNode>;

/** Moves past nodes that need no action (a start node) and closes the run at an end. */
function settle(run: SopRun, nodes: Nodes, target: string | null, from: string): SopRun {
  let id = target;
  for (let hops = 0; id !== null && nodes.get(id)?.kind === 'start' && hops <= nodes.size; hops++)
    id = (nodes.get(id) as { next: string }).next;
  if (id === null) return { ...run, status: 'completed', current: null, outcome: from };
  if (nodes.get(id)?.kind === 'end') return { ...run, status: 'completed', current: null, outcome: id };
  return { ...run, status: 'active', current: id, outcome: null };
}

/**
 * Starts following an SOP for a ticket: the run copies the SOP's instructions and version, and waits at the first
 * step (a start node needs no action, the run goes past it). The SOP is validated; the operator signs the start.
 *
 * @example
 * ```ts
 * import { startSopRun } from 'supportkit-ts';
 * const run = startSopRun(sop, { operatorId: 'agent-7', ticketId: '4812', at: '2026-11-29T09:00:00Z' });
 * run.current; // 'verify'
 * run.sop.version; // '1.2.0'
 * ```
 */
export function startSopRun(sop: SopDocumentInput, options: SopRunStart): SopRun {
  const doc = parse(SopDocument, sop, 'startSopRun() sop');
  const input = parse(StartInput, options, 'startSopRun() options');
  const { start, nodes } = doc.instructions;
  const run: SopRun = {
    sop: { id: doc.id, version: doc.version, title: doc.title, start, nodes },
    ticketId: input.ticketId ?? null,
    startedBy: input.operatorId,
    startedAt: input.at.toISOString(),
    status: 'active',
    current: start,
    outcome: null,
    log: [],
  };
  return settle(run, new Map(nodes.map((n) => [n.id, n])), start, start);
}

function refuse(
  reason: SopInvalidMoveError['reason'],
  stepId: string,
  expected: string[],
  message: string,
): never {
  throw new SopInvalidMoveError(reason, stepId, expected, message);
}

/** The branch a choice names: the exact label, else the one label equal ignoring case and edge spaces. */
function branchFor(node: SopNode & { kind: 'decision' }, choice: string) {
  const exact = node.branches.find((b) => b.label === choice);
  if (exact) return exact;
  const loose = node.branches.filter(
    (b) => b.label.trim().toLocaleLowerCase() === choice.trim().toLocaleLowerCase(),
  );
  return loose.length === 1 ? loose[0] : undefined;
}

/**
 * Records one move of a run and returns the next state (the run given is not changed): the operator did
 * `stepId`, answering `choice` if it is a decision. Refused with a {@link SopInvalidMoveError} (`code:
 * 'sop_invalid_move'`) when the step is not the one the run waits for, a decision has no choice or a choice
 * that is not one of its branches, a plain step gets a choice, the run is complete, or the move is dated before
 * the last one. Every move is logged with its operator, time and note; a run follows the version it started with.
 *
 * @example
 * ```ts
 * import { advanceSopRun } from 'supportkit-ts';
 * let next = advanceSopRun(run, { stepId: 'verify', operatorId: 'agent-7', at: '2026-11-29T09:04:00Z' });
 * next = advanceSopRun(next, { stepId: 'paid', choice: 'yes', operatorId: 'agent-7', note: 'Invoice 88', at: '2026-11-29T09:06:00Z' });
 * next.log.length; // 2
 * ```
 */
export function advanceSopRun(run: SopRun, move: SopRunMove): SopRun {
  const state = parse(SopRun, run, 'advanceSopRun() run');
  const input = parse(MoveInput, move, 'advanceSopRun() move');
  const nodes: Nodes = new Map(state.sop.nodes.map((n) => [n.id, n]));
  if (state.status === 'completed' || state.current === null)
    refuse('finished', input.stepId, [], 'the run is complete: no step is waiting');
  if (input.stepId !== state.current)
    refuse('not_current', input.stepId, [state.current], `the run waits for step "${state.current}"`);
  const last = state.log.at(-1)?.at ?? state.startedAt;
  if (input.at.getTime() < Date.parse(last))
    refuse('time_goes_back', input.stepId, [], 'the move is dated before the last move of the run');
  const node = nodes.get(state.current) as SopNode;
  let next: string | null = null;
  let choice: string | undefined;
  if (node.kind === 'decision') {
    const labels = node.branches.map((b) => b.label);
    if (input.choice === undefined)
      refuse('choice_required', input.stepId, labels, 'a decision needs a choice: one of its branch labels');
    const branch = branchFor(node, input.choice);
    if (!branch)
      refuse('not_an_exit', input.stepId, labels, "the choice is not one of the decision's branches");
    next = branch.next;
    choice = branch.label;
  } else {
    if (input.choice !== undefined)
      refuse('choice_not_allowed', input.stepId, [], 'only a decision takes a choice');
    next = node.kind === 'step' || node.kind === 'start' ? node.next : null;
  }
  const entry: SopRunEntry = {
    stepId: input.stepId,
    ...(choice === undefined ? {} : { choice }),
    operatorId: input.operatorId,
    ...(input.note === undefined ? {} : { note: input.note }),
    at: input.at.toISOString(),
    next,
  };
  return settle({ ...state, log: [...state.log, entry] }, nodes, next, input.stepId);
}
