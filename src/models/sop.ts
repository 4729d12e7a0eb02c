import { z } from 'zod';
import { Id, LocalDate, Timestamp } from './primitives.js';

/**
 * A glossary entry of an SOP: a term the procedure uses and what it means here.
 *
 * @example
 * ```ts
 * SopTerm.parse({ term: 'L2', definition: 'Second-level support: the engineers behind the front line' });
 * ```
 */
export const SopTerm = z.strictObject({ term: z.string().min(1), definition: z.string().min(1) });
/** A glossary entry. */
export type SopTerm = z.output<typeof SopTerm>;

/** The group (a Mermaid `subgraph`) a node is drawn in: its title. Optional on every node. */
const group = z.string().min(1).optional();

/**
 * A node of an SOP flowchart:
 * - `start`: where the procedure begins (optional: without one, `instructions.start` names the first node);
 * - `step`: something to do, then go to `next` (null or absent = the procedure ends here);
 * - `decision`: a question whose `branches` each lead to another node;
 * - `end`: a named outcome.
 *
 * @example
 * ```ts
 * SopNode.parse({ id: 'verify', kind: 'step', text: 'Verify the caller identity', next: 'paid' });
 * SopNode.parse({ id: 'paid', kind: 'decision', question: 'Is the invoice paid?', branches: [
 *   { label: 'yes', next: 'done' }, { label: 'no', next: 'remind' },
 * ] });
 * ```
 */
export const SopNode = z.discriminatedUnion('kind', [
  z.strictObject({ id: Id, kind: z.literal('start'), text: z.string().min(1).optional(), next: Id, group }),
  z.strictObject({
    id: Id,
    kind: z.literal('step'),
    text: z.string().min(1),
    /** Who performs the step (a role, not a person), e.g. `L1 agent`. */
    role: z.string().optional(),
    next: Id.nullable().default(null),
    group,
  }),
  z.strictObject({
    id: Id,
    kind: z.literal('decision'),
    question: z.string().min(1),
    branches: z.array(z.strictObject({ label: z.string().min(1), next: Id })).min(2),
    group,
  }),
  z.strictObject({ id: Id, kind: z.literal('end'), outcome: z.string().optional(), group }),
]);
/** A node of an SOP flowchart. */
export type SopNode = z.output<typeof SopNode>;

/**
 * A standard operating procedure: what it is for, the words it uses, and its instructions as a flowchart of
 * steps and decisions starting at `start`. Parsing checks that ids are unique and every `next` and `start`
 * points to a node; deeper checks (reachability, loops) are for the SOP tools.
 *
 * @example
 * ```ts
 * import { parseSopDocument } from 'supportkit-ts';
 * parseSopDocument({
 *   id: 'sop-refund',
 *   title: 'Refund request',
 *   department: 'Billing',
 *   purpose: 'Refund customers consistently and within policy',
 *   terms: [{ term: 'Chargeback', definition: 'A refund forced by the card issuer' }],
 *   instructions: {
 *     start: 'check',
 *     nodes: [
 *       { id: 'check', kind: 'decision', question: 'Within 30 days of purchase?', branches: [
 *         { label: 'yes', next: 'refund' }, { label: 'no', next: 'escalate' } ] },
 *       { id: 'refund', kind: 'step', text: 'Issue the refund in the billing console', next: 'done' },
 *       { id: 'escalate', kind: 'step', text: 'Escalate to the billing lead', role: 'L1 agent', next: 'done' },
 *       { id: 'done', kind: 'end', outcome: 'Customer informed' },
 *     ],
 *   },
 *   owner: 'agent-1',
 *   version: '1.2.0',
 *   reviewDate: '2027-03-01',
 *   appliesTo: { tags: ['refund'], types: ['question'] },
 * });
 * ```
 */
export const SopDocument = z
  .strictObject({
    id: Id,
    title: z.string().min(1),
    department: z.string().min(1),
    purpose: z.string().min(1),
    terms: z.array(SopTerm).default([]),
    instructions: z.strictObject({ start: Id, nodes: z.array(SopNode).min(1) }),
    /** Who keeps the procedure current (an agent id or a role). */
    owner: z.string().min(1),
    version: z.string().min(1),
    reviewDate: LocalDate,
    /** The tickets the procedure is for, by tag or type (see `sopFor`); absent = shown with no ticket. */
    appliesTo: z
      .strictObject({
        tags: z.array(z.string().min(1)).default([]),
        types: z.array(z.string().min(1)).default([]),
      })
      .optional(),
    updatedAt: Timestamp.optional(),
  })
  .superRefine((doc, ctx) => {
    const ids = new Map<string, number>();
    doc.instructions.nodes.forEach((node, index) => {
      if (ids.has(node.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['instructions', 'nodes', index, 'id'],
          message: 'duplicate node id',
        });
      } else ids.set(node.id, index);
    });
    if (!ids.has(doc.instructions.start)) {
      ctx.addIssue({ code: 'custom', path: ['instructions', 'start'], message: 'start names no node' });
    }
    doc.instructions.nodes.forEach((node, index) => {
      const at = ['instructions', 'nodes', index];
      if ((node.kind === 'step' || node.kind === 'start') && node.next !== null && !ids.has(node.next)) {
        ctx.addIssue({ code: 'custom', path: [...at, 'next'], message: 'next names no node' });
      }
      if (node.kind === 'decision') {
        node.branches.forEach((branch, b) => {
          if (!ids.has(branch.next)) {
            ctx.addIssue({
              code: 'custom',
              path: [...at, 'branches', b, 'next'],
              message: 'next names no node',
            });
          }
        });
      }
    });
    const terms = new Set<string>();
    doc.terms.forEach((term, index) => {
      const key = term.term.toLowerCase();
      if (terms.has(key))
        ctx.addIssue({ code: 'custom', path: ['terms', index], message: 'term defined twice' });
      terms.add(key);
    });
  });
/** A parsed SOP document. */
export type SopDocument = z.output<typeof SopDocument>;
/** What {@link SopDocument} accepts. */
export type SopDocumentInput = z.input<typeof SopDocument>;
