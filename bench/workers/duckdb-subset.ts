/**
 * Worker: the calendar-time subset of the report computed by DuckDB with SQL over the same JSONL file — daily
 * volumes, first reply median and p90 (Zendesk's definition), CSAT, NPS, tag counts — timed end to end.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { peakRssMiB } from '../lib/measure.js';

const [path] = process.argv.slice(2) as [string];
const started = performance.now();
const db = await DuckDBInstance.create(':memory:');
const c = await db.connect();
const rows = async (sql: string) => (await c.runAndReadAll(sql)).getRowObjectsJS();
await c.run(`SET TimeZone = 'UTC'`);
await c.run(`
  CREATE TEMP TABLE r AS
  SELECT kind, value FROM read_json('${path.replaceAll("'", "''")}', format = 'newline_delimited', columns = {
    kind: 'VARCHAR',
    value: 'STRUCT(id VARCHAR, "ticketId" VARCHAR, "createdAt" TIMESTAMPTZ, "authorRole" VARCHAR, "public" BOOLEAN, tags VARCHAR[], rating JSON, score INTEGER)'
  })
  WHERE kind IN ('tickets', 'messages', 'csat', 'nps')`);
const daily = await rows(`
  SELECT strftime((value."createdAt" AT TIME ZONE 'Europe/Rome')::DATE, '%Y-%m-%d') AS day, count(*)::INTEGER AS created
  FROM r WHERE kind = 'tickets' GROUP BY 1 ORDER BY 1`);
const firstReply = await rows(`
  WITH pub AS (
    SELECT value."ticketId" AS tid, value."createdAt" AS ts, value."authorRole" AS role,
           row_number() OVER (PARTITION BY value."ticketId" ORDER BY value."createdAt") AS rn
    FROM r WHERE kind = 'messages' AND value."public"
  ), reply AS (
    SELECT tid, min(ts) AS replied FROM pub WHERE role = 'agent' AND rn > 1 GROUP BY tid
  )
  SELECT quantile_cont(epoch(reply.replied) - epoch(t.value."createdAt"), 0.5) / 60 AS median,
         quantile_cont(epoch(reply.replied) - epoch(t.value."createdAt"), 0.9) / 60 AS p90
  FROM reply JOIN r AS t ON t.kind = 'tickets' AND t.value.id = reply.tid`);
const csat = await rows(`
  SELECT 100.0 * count(*) FILTER (WHERE value.rating::VARCHAR = '"good"') /
         nullif(count(*) FILTER (WHERE value.rating::VARCHAR IN ('"good"', '"bad"')), 0) AS score
  FROM r WHERE kind = 'csat'`);
const nps = await rows(`
  SELECT 100.0 * (count(*) FILTER (WHERE value.score >= 9) - count(*) FILTER (WHERE value.score <= 6)) / count(*) AS score
  FROM r WHERE kind = 'nps'`);
const tags = await rows(`
  SELECT tag, count(*)::INTEGER AS n FROM (SELECT unnest(value.tags) AS tag FROM r WHERE kind = 'tickets') GROUP BY 1`);
const ms = performance.now() - started;
console.log(
  JSON.stringify({
    ms,
    peakRssMiB: peakRssMiB(),
    figures: {
      days: daily.length,
      createdPerDay: daily.map((d) => [d.day, d.created]),
      firstReplyMedian: firstReply[0]!.median,
      firstReplyP90: firstReply[0]!.p90,
      csat: csat[0]!.score,
      nps: nps[0]!.score,
      tags: Object.fromEntries(tags.map((t) => [t.tag, t.n])),
    },
  }),
);
