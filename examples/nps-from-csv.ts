/**
 * NPS from a survey export: read a CSV (a path as the first argument, or the sample in examples/data), validate
 * each row through the NpsResponse model, and print the score with its margin of error and interval. Rows that
 * are not valid responses are reported by row number and field — never by content — and left out, counted.
 *
 *   npx tsx examples/nps-from-csv.ts survey.csv
 */
import { readFileSync } from 'node:fs';
import { parse as parseCsv } from 'csv-parse/sync';
import { NpsResponse, nps, safeParse } from 'supportkit-ts';

const path = process.argv[2] ?? new URL('./data/nps-survey.csv', import.meta.url);
const rows: Record<string, string>[] = parseCsv(readFileSync(path, 'utf8'), {
  columns: true,
  skip_empty_lines: true,
  trim: true,
});

const responses = [];
for (const [index, row] of rows.entries()) {
  const result = safeParse(
    NpsResponse,
    {
      id: row.response_id,
      customerId: row.customer,
      score: row.score === '' ? undefined : Number(row.score),
      createdAt: row.submitted_at,
      ...(row.comment ? { comment: row.comment } : {}),
    },
    `CSV row ${index + 2}`, // +1 for the header, +1 to count from one
  );
  if (result.success) responses.push(result.data);
  else console.log(result.error.message);
}

const result = nps(responses);
const fmt = (n: number | null) => (n === null ? '—' : n.toFixed(1));
console.log(`\n${responses.length} valid responses of ${rows.length} rows`);
console.log(`promoters ${result.promoters} · passives ${result.passives} · detractors ${result.detractors}`);
console.log(
  `NPS ${fmt(result.score)} ± ${fmt(result.marginOfError)} (95%); adjusted-Wald interval ${fmt(result.interval?.[0] ?? null)} … ${fmt(result.interval?.[1] ?? null)}`,
);
