import { z } from 'zod';
import { parse } from '../../models/parse.js';
import { SopDocument, type SopDocumentInput } from '../../models/sop.js';

const TicketFacts = z.object({ tags: z.array(z.string()).default([]), type: z.string().nullish() });

/**
 * The SOPs that apply to a ticket, for showing the right procedure next to it: those whose `appliesTo.tags`
 * share a tag with the ticket or whose `appliesTo.types` include its type (tags compared ignoring case). The
 * best match comes first (more matching tags, a matching type), then by title. An SOP without `appliesTo` is
 * never suggested. The ticket may be a full `Ticket` or just `{ tags, type }`.
 *
 * @example
 * ```ts
 * import { sopFor } from 'supportkit-ts';
 * sopFor({ tags: ['refund', 'vip'], type: 'question' }, library).map((sop) => sop.title);
 * // ['Refund request', 'Escalation to a manager']
 * ```
 */
export function sopFor(
  ticket: { tags?: readonly string[]; type?: string | null },
  library: readonly SopDocumentInput[],
): SopDocument[] {
  const facts = parse(TicketFacts, ticket, 'sopFor() ticket');
  const sops = parse(z.array(SopDocument), library, 'sopFor() library');
  const tags = new Set(facts.tags.map((t) => t.toLocaleLowerCase()));
  const type = facts.type?.toLocaleLowerCase();
  const scored = sops.map((sop) => {
    const applies = sop.appliesTo ?? { tags: [], types: [] };
    const tagHits = applies.tags.filter((t) => tags.has(t.toLocaleLowerCase())).length;
    const typeHit = type !== undefined && applies.types.some((t) => t.toLocaleLowerCase() === type) ? 1 : 0;
    return { sop, score: tagHits * 2 + typeHit };
  });
  return scored
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.sop.title.localeCompare(b.sop.title))
    .map((s) => s.sop);
}
