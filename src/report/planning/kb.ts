/**
 * "Knowledge-base coverage": of the most recent tickets, the share the knowledge base suggests an article for
 * (the care module's suggestions, at their default threshold, in the ticket's language), and per frequent tag
 * the share covered and an article labelled with it. Without articles in the data: "not in this data".
 */
import { createArticleIndex, suggestArticles } from '../../care/index.js';
import { Article } from '../../models/article.js';
import type { ReportSection } from '../data.js';
import { fill } from '../format.js';
import type { PlanningContext } from './context.js';
import type { RecentTicket } from './state.js';

/** Tags listed, most frequent first. */
const TAGS = 10;

/**
 * The knowledge-base section.
 * @example `(await kbSection(articles, recent, context)).note // 'Of the last 200 tickets, 64.5% get …'`
 */
export async function kbSection(
  articleRecords: readonly unknown[],
  recent: readonly RecentTicket[],
  ctx: PlanningContext,
): Promise<ReportSection> {
  const { fmt } = ctx;
  const L = fmt.labels.planning.kb;
  const base = { id: 'knowledge-base', title: L.title };
  const articles = articleRecords.flatMap((a) => {
    const parsed = Article.safeParse(a);
    return parsed.success && !parsed.data.draft ? [parsed.data] : [];
  });
  if (articles.length === 0 || recent.length === 0)
    return { ...base, note: fmt.labels.notes.notInData, table: { header: [], rows: [] } };
  const index = await createArticleIndex(articles);
  const tags = new Map<string, { tickets: number; covered: number }>();
  let covered = 0;
  for (const ticket of recent) {
    const found =
      suggestArticles(
        index,
        {
          subject: ticket.subject,
          description: ticket.description,
          ...(ticket.language ? { language: ticket.language } : {}),
        },
        { limit: 1 },
      ).length > 0;
    if (found) covered++;
    for (const tag of new Set(ticket.tags)) {
      const entry = tags.get(tag) ?? { tickets: 0, covered: 0 };
      entry.tickets++;
      if (found) entry.covered++;
      tags.set(tag, entry);
    }
  }
  const rows = [...tags]
    .sort((a, b) => b[1].tickets - a[1].tickets || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, TAGS)
    .map(([tag, entry]) => [
      tag,
      fmt.count(entry.tickets),
      fmt.percent((100 * entry.covered) / entry.tickets),
      articles.find((a) => a.labels.includes(tag))?.title ?? L.none,
    ]);
  return {
    ...base,
    note: fill(L.note, {
      n: fmt.count(recent.length),
      share: fmt.percent((100 * covered) / recent.length),
      articles: fmt.count(articles.length),
    }),
    table: {
      header: [L.tag, L.tickets, L.covered, L.article],
      rows,
      align: ['left', 'right', 'right', 'left'],
    },
  };
}
