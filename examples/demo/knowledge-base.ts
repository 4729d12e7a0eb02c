/**
 * Demo section: knowledge-base suggestions on the generated help centre (Italian and English articles, tickets
 * that paraphrase them): the quality a team would measure before switching suggestions on, and one suggestion
 * with the words that made it.
 */
import { createArticleIndex, evaluateSuggestions, suggestArticles } from 'supportkit-ts';
import { generateHelpCentre } from 'supportkit-ts/testing';

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(0)}%`);

/** Prints the suggestion quality at a few thresholds and one explained suggestion. */
export async function knowledgeBaseDemo(seed = 2026): Promise<void> {
  const { articles, cases } = generateHelpCentre({ seed, cases: 300 });
  const index = await createArticleIndex(articles);
  const title = `Knowledge base: ${articles.length} articles, ${cases.length} past tickets with their answer`;
  console.log(`\n${title}\n${'─'.repeat(title.length)}`);
  console.log('  threshold  hit@1  hit@3   MRR   no suggestion');
  for (const minScore of [0, 0.1, 0.2, 0.3]) {
    const e = evaluateSuggestions(index, cases, { minScore });
    console.log(
      `  ${minScore.toFixed(2).padStart(9)}  ${pct(e.hitAt1).padStart(5)}  ${pct(e.hitAt3).padStart(5)}  ${(e.mrr ?? 0).toFixed(2).padStart(5)}   ${pct(e.noSuggestion).padStart(5)}`,
    );
  }
  const question = "Buongiorno, dov’è il mio pacco? Il tracciamento dell'ordine non si aggiorna";
  const [best] = suggestArticles(index, question, { locale: 'it' });
  console.log(`  «${question}»`);
  if (!best) {
    console.log('  → no suggestion above the threshold');
    return;
  }
  console.log(`  → ${best.article.title} (score ${best.score.toFixed(2)})`);
  for (const m of best.matched) {
    console.log(
      `      ${m.word.padEnd(14)} → ${m.term.padEnd(8)} in ${m.fields.join(' + ').padEnd(12)} +${m.weight.toFixed(2)}`,
    );
  }
}
