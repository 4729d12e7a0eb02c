/**
 * How the cost of reading a helpdesk's HTML body as text grows with its size, for ordinary markup and for the
 * hostile shapes a regex chain would stall on (runs of "<", unclosed comments and scripts): times at n, 2n and
 * 4n and their ratios (about 2 means linear). The baseline in the same run is one replace of every "<" in
 * the same text (`/</g`), a floor no tag remover goes under. (The usual `/<[^>]*>/g` is no baseline: on text
 * with a "<" and no ">" after it, each match attempt scans to the end — quadratic.) Runs in a few seconds.
 *
 *   npx tsx bench/html-text.ts [chars=200000]
 */
import { htmlToText } from '../src/adapters/kit/html-text.js';
import { bestOf } from './lib/measure.js';

const chars = Number(process.argv[2] ?? 200_000);

const shapes: [string, string][] = [
  ['ordinary markup', '<p>Buongiorno,<br>la fattura è <i>in allegato</i>.</p>'],
  ['runs of "<" opening no tag', '< '],
  ['unclosed comments', '<!--'],
  ['unclosed scripts', '<script>'],
  ['tags never closed by ">"', '<a href=x '],
];
console.log(`n = ${chars} characters`);
for (const [label, piece] of shapes) {
  const sizes = [chars, 2 * chars, 4 * chars].map((n) => piece.repeat(Math.ceil(n / piece.length)));
  const ours = sizes.map((html) => bestOf(() => htmlToText(html), 5));
  const floor = sizes.map((html) => bestOf(() => html.replace(/</g, ' '), 5));
  const ratios = ours.slice(1).map((t, i) => (t / ours[i]!).toFixed(2));
  console.log(
    `${label.padEnd(28)} ${ours.map((t) => `${t.toFixed(1)} ms`.padStart(10)).join('')}   ratios ${ratios.join(', ')}   vs replacing every "<" ${ours.map((t, i) => `${(t / Math.max(floor[i]!, 0.01)).toFixed(1)}×`).join(' ')}`,
  );
}
