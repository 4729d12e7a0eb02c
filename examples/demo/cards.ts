/**
 * The demo's customer-card section: the same generated helpdesk split across an e-mail desk and a phone desk
 * (the same people, written differently in each), resolved into cards, with one merged card printed whole.
 */
import type { CustomerCard } from 'supportkit-ts';
import { buildCardIndex, type CardIndex, customerCard, renderCard } from 'supportkit-ts/care';
import { collectDataset, datasetAsOf, type GenerateOptions, streamHelpdesks } from 'supportkit-ts/testing';

const DESKS = ['zendesk', 'request-tracker'] as const;

/**
 * The card to show: merged across both desks by an e-mail and a phone, with requests on both desks, one of them
 * still open, and short enough to read.
 */
function pickMergedCard(index: CardIndex, asOf: Date): CustomerCard | undefined {
  let best: CustomerCard | undefined;
  for (const cardId of index.cardIds()) {
    const records = index.collect(cardId)!;
    const adapters = new Set(records.tickets.map((t) => t.source?.adapter));
    const messages = [...records.messages.values()].reduce((n, list) => n + list.length, 0);
    if (adapters.size < 2 || messages > 8 || index.explain(cardId).length < 2) continue;
    const card = customerCard(index, cardId, { asOf });
    if (card.state !== 'green') return card;
    best ??= card;
  }
  return best;
}

/**
 * Prints how the two desks' customers resolve into cards, the cards' traffic lights, and one merged card with
 * the identities that joined it.
 */
export async function cardsSection(options: GenerateOptions, title: (text: string) => void): Promise<void> {
  const asOf = datasetAsOf(options);
  const records = [...streamHelpdesks({ ...options, helpdesks: [...DESKS] })];
  const customers = collectDataset(records).customers;
  const index = await buildCardIndex(records, { defaultRegion: 'IT' });

  title('Customer cards across two helpdesks');
  const onDesk = (desk: string) => customers.filter((c) => c.sources[0]?.adapter === desk).length;
  const merged = index.cardIds().filter((id) => index.collect(id)!.records.length > 1).length;
  console.log(
    `  ${onDesk(DESKS[0])} customer records on ${DESKS[0]} + ${onDesk(DESKS[1])} on ${DESKS[1]} → ` +
      `${index.size} cards (${merged} merged across desks, ${index.conflicts().length} conflicts)`,
  );
  const lights = { red: 0, yellow: 0, green: 0 };
  for (const cardId of index.cardIds()) {
    const state = customerCard(index, cardId, { asOf }).state;
    if (state) lights[state]++;
  }
  console.log(
    `  🔴 ${lights.red} just opened   🟡 ${lights.yellow} being worked   🟢 ${lights.green} resolved`,
  );

  const card = pickMergedCard(index, asOf);
  if (!card) return;
  console.log('\n  One of them, as each desk wrote it:');
  const byId = new Map(customers.map((c) => [`${c.sources[0]?.adapter}:${c.id}`, c]));
  for (const ref of card.records) {
    const values = byId.get(`${ref.adapter}:${ref.id}`)?.identities.map((i) => i.value) ?? [];
    console.log(`    ${ref.adapter.padEnd(16)} ${ref.id.padEnd(7)} ${values.join(' · ')}`);
  }
  console.log('  joined by:');
  for (const merge of index.explain(card.id)) {
    console.log(`    ${merge.identity}  ← ${merge.records.map((r) => `${r.adapter} ${r.id}`).join(', ')}`);
  }
  console.log('');
  console.log(
    renderCard(card, { format: 'text', locale: 'en-GB', timeZone: 'Europe/Rome' }).replace(/^/gm, '  '),
  );
}
