/**
 * Worker: `CardIndex.add()` one record at a time into one large card whose adds keep crossing the conflict
 * threshold (#28 item 8), against a rebuild from the same records. Prints one JSON line.
 *
 *   tsx bench/workers/card-index-incremental.ts <n> [interleaved: 0|1]
 *
 * Record i holds a desk phone shared by records 4⌊i/4⌋ … 4⌊i/4⌋+3 (with `maxSharedIdentity: 3` the fourth holder
 * makes it a conflict, so one add in four crosses the threshold) and e-mails `chain<i>` and `chain<i−1>`, which
 * chain every record into one card. The phone comes first, so it is the identity that joined each pair of records
 * and each crossing really splits a join that must be undone.
 *
 * - `adds`: n adds into an empty index, then one read (`cardIds()`).
 * - `rebuild`: `buildCardIndex` over the same n records, then the same read.
 * - `interleaved` (when asked): n adds, each followed by a `find()`: every crossing is settled before the next add.
 */
import { buildCardIndex } from '../../src/index.js';

const n = Number(process.argv[2] ?? 16_000);
const interleaved = process.argv[3] === '1';
const createdAt = new Date(Date.UTC(2026, 0, 5));

function records(count: number) {
  const out = [];
  for (let i = 0; i < count; i++) {
    const desk = `+39347${String(1_000_000 + Math.floor(i / 4)).padStart(7, '0')}`;
    const identities = [
      { kind: 'phone', value: desk, primary: false },
      { kind: 'email', value: `chain${i}@example.com`, primary: true },
      ...(i > 0 ? [{ kind: 'email', value: `chain${i - 1}@example.com`, primary: false }] : []),
    ];
    out.push({
      kind: 'customers',
      value: {
        id: `u${i}`,
        sources: [{ adapter: 'zendesk', id: `u${i}` }],
        name: `Person ${i}`,
        identities,
        createdAt,
      },
    });
  }
  return out;
}

const options = { defaultRegion: 'IT', maxSharedIdentity: 3 };
const list = records(n);
const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;

// Warm-up on a quarter of the records, so the first timing is not also the JIT's.
const warm = await buildCardIndex([], options);
for (const record of list.slice(0, n >> 2)) warm.add(record);
warm.cardIds();
await buildCardIndex(list.slice(0, n >> 2), options);

let start = process.hrtime.bigint();
const index = await buildCardIndex([], options);
for (const record of list) index.add(record);
const cards = index.cardIds().length;
const adds = seconds(start);

start = process.hrtime.bigint();
const rebuilt = await buildCardIndex(list, options);
const rebuiltCards = rebuilt.cardIds().length;
const rebuild = seconds(start);
if (cards !== rebuiltCards) throw new Error(`adds gave ${cards} cards, the rebuild ${rebuiltCards}`);

let interleavedSeconds: number | null = null;
if (interleaved) {
  start = process.hrtime.bigint();
  const live = await buildCardIndex([], options);
  for (const record of list) {
    live.add(record);
    live.find({ customerId: record.value.id, adapter: 'zendesk' });
  }
  interleavedSeconds = seconds(start);
}

console.log(JSON.stringify({ n, cards, addsSeconds: adds, rebuildSeconds: rebuild, interleavedSeconds }));
