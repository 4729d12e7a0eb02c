/**
 * The consumer test: pack the tarball exactly as a publisher would from a fresh clone of the repository (`git
 * clone`, `npm ci`, `npm pack`, whose `prepack` builds dist/), install it into a fresh project outside this
 * repository, then use it the three ways users do — `import` (ESM), `require` (CJS) and a type-checked .ts file for
 * each — and run its bin, so a missing build step, a broken exports map, a missing file or wrong types fail here
 * rather than for a user.
 *
 * It packs the commit checked out (HEAD), not the working tree: what is not committed is not in a clone either
 * (it says so when the tree has changes). The clone borrows this checkout's node_modules when their lockfiles are
 * the same (CI's own checkout is a clean clone after `npm ci`); otherwise it runs `npm ci` (npm's cache first).
 */
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'supportkit-consumer-'));
const run = (cmd: string, args: string[], cwd: string) =>
  execFileSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
const started = Date.now();
const step = (what: string) => console.log(`${what} (${((Date.now() - started) / 1000).toFixed(0)} s)`);

try {
  const head = run('git', ['rev-parse', 'HEAD'], root).trim();
  if (run('git', ['status', '--porcelain', '--untracked-files=no'], root).trim() !== '')
    console.log(`note: packing HEAD ${head.slice(0, 12)}; uncommitted changes are not in the tarball`);
  // A tarball packed from a clean clone of this very commit is kept in .tmp/consumer/ (git ignores it): a second
  // run for the same commit (CI's runs on Node 22 and 24) installs it again instead of building it again.
  const kept = join(root, '.tmp', 'consumer', `${head}.tgz`);
  let tarball: string;
  if (existsSync(kept)) {
    tarball = kept;
    step(`reusing the tarball packed from a clean clone of ${head.slice(0, 12)} (${kept})`);
  } else {
    const clone = join(work, 'clone');
    run('git', ['clone', '--quiet', '--no-checkout', root, clone], work);
    run('git', ['checkout', '--quiet', '--detach', head], clone);
    if (existsSync(join(clone, 'dist'))) throw new Error('a fresh clone has a dist/: is it committed?');
    // The build needs the dev dependencies. When the clone's lockfile is the one this checkout's node_modules was
    // installed from, that node_modules serves (a symlink: the build only reads it); else a clean npm ci.
    const lockfile = (dir: string) => readFileSync(join(dir, 'package-lock.json'), 'utf8');
    const reuse = existsSync(join(root, 'node_modules')) && lockfile(root) === lockfile(clone);
    if (reuse) symlinkSync(join(root, 'node_modules'), join(clone, 'node_modules'), 'dir');
    else run('npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline', '--silent'], clone);
    step(`cloned ${head.slice(0, 12)}${reuse ? ", this checkout's node_modules linked" : ', npm ci'}`);
    // `npm pack` runs `prepack` (the build): without it a clone packs, and publishes, no dist/ at all.
    run('npm', ['pack', '--pack-destination', work, '--silent'], clone);
    const packedName = readdirSync(work).find((file) => file.endsWith('.tgz'));
    if (!packedName) throw new Error('npm pack produced no tarball');
    tarball = join(work, packedName);
    const packed = run('tar', ['-tzf', tarball], work).split('\n');
    for (const file of ['package/dist/index.js', 'package/dist/index.cjs', 'package/dist/bin/cli.js'])
      if (!packed.includes(file)) throw new Error(`the tarball has no ${file.slice(8)}: did prepack build?`);
    step(`packed ${packedName} from the clone (${packed.length - 1} files)`);
    mkdirSync(join(root, '.tmp', 'consumer'), { recursive: true });
    copyFileSync(tarball, kept);
  }
  const app = join(work, 'app');
  mkdirSync(app);
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, version: '1.0.0' }),
  );
  run('npm', ['install', tarball, '--no-audit', '--no-fund', '--prefer-offline', '--silent'], app);

  writeFileSync(
    join(app, 'esm.mjs'),
    `import assert from 'node:assert/strict';
import { parseTicket, ValidationError } from 'supportkit-ts';
import { NpsResponse } from 'supportkit-ts/models';
import * as metrics from 'supportkit-ts/metrics';
import { generateDataset } from 'supportkit-ts/testing';
import { signWebhook, verifyWebhook } from 'supportkit-ts/webhooks';
import { buildCardIndex, createArticleIndex, renderCard, suggestArticles } from 'supportkit-ts/care';
import { buildCardIndex as rootBuildCardIndex } from 'supportkit-ts';
import { normalizePriority, slaDeadline } from 'supportkit-ts/automations';
import slaSchemas from 'supportkit-ts/schemas/automations/slaDeadline.json' with { type: 'json' };
import schema from 'supportkit-ts/schemas/Ticket.json' with { type: 'json' };
const ticket = parseTicket({ id: '1', subject: 's', status: 'open', requesterId: 'c', createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' });
assert.ok(ticket.createdAt instanceof Date);
assert.throws(() => parseTicket({}), ValidationError);
assert.equal(NpsResponse.safeParse({}).success, false);
assert.equal(typeof metrics, 'object');
// Metrics load their zod schemas on first use, from the installed package (dist/internal): JSON input parses,
// bad input is still a ValidationError with its path.
const week = { timeZone: 'UTC', intervals: [{ start: 1980, end: 2460 }] };
assert.equal(metrics.businessMinutes('2026-03-02T08:00:00Z', '2026-03-02T10:00:00Z', week), 60);
assert.throws(() => metrics.businessMinutes('2026-03-02T08:00', '2026-03-02T10:00:00Z', week), ValidationError);
assert.equal(generateDataset({ tickets: 20, days: 5 }).tickets.length, 20);
assert.equal(schema.title, 'Ticket');
assert.equal(buildCardIndex, rootBuildCardIndex);
assert.equal(typeof renderCard, 'function');
assert.deepEqual(normalizePriority('Alta'), { value: 'high', recognized: true });
assert.equal(slaDeadline(slaSchemas.example.input).deadline, slaSchemas.example.output.deadline);
// The stemmers load lazily (a dynamic import from the built package): an Italian plural must meet its singular.
const kb = await createArticleIndex([{ id: 'a', locale: 'it', title: 'Tracciare il pacco', body: '', createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' }]);
assert.equal(suggestArticles(kb, 'tracciamento dei pacchi', { locale: 'it' })[0].article.id, 'a');
const signed = await signWebhook('helpscout', { body: '{}', secret: 's' });
assert.deepEqual(await verifyWebhook('helpscout', { rawBody: '{}', headers: signed, secret: 's' }), { vendor: 'helpscout' });
console.log('esm ok');
`,
  );
  writeFileSync(
    join(app, 'cjs.cjs'),
    `const assert = require('node:assert/strict');
const { parseTicket, ValidationError } = require('supportkit-ts');
const { Schedule } = require('supportkit-ts/models');
require('supportkit-ts/metrics');
const cjsWeek = { timeZone: 'UTC', intervals: [{ start: 1980, end: 2460 }] };
assert.equal(require('supportkit-ts/metrics').businessMinutes('2026-03-02T08:00:00Z', '2026-03-02T10:00:00Z', cjsWeek), 60);
assert.throws(() => require('supportkit-ts/metrics').businessMinutes('2026-03-02T08:00:00Z', '2026-03-02T10:00:00Z', { timeZone: 'Mars/Base', intervals: [] }), ValidationError);
const { hours, holidaysFor: noHolidays } = require('supportkit-ts/automations');
assert.equal(noHolidays, undefined);
assert.equal(hours('Mon 9-17', { timeZone: 'UTC' }).intervals[0].start, 1980);
assert.equal(require('supportkit-ts/metrics').holidaysFor({ country: 'IT' }, [2026])[0].startDate, '2026-01-01');
const { streamDataset } = require('supportkit-ts/testing');
const { verifyWebhookSync, createWebhookHandler } = require('supportkit-ts/webhooks');
const { sync, callbackSink } = require('supportkit-ts/sync');
const { createZendeskAdapter, ticketFromZendesk } = require('supportkit-ts/zendesk');
assert.throws(() => createZendeskAdapter({ subdomain: 'not a label', auth: {} }), /subdomain/);
assert.equal(typeof ticketFromZendesk, 'function');
const { createRequestTrackerAdapter, statusFromRt } = require('supportkit-ts/request-tracker');
assert.throws(() => createRequestTrackerAdapter({ baseUrl: 'not a url', auth: {} }), /baseUrl/);
assert.equal(statusFromRt('stalled'), 'pending');
const { createTrelloAdapter, statusForListName } = require('supportkit-ts/trello');
assert.throws(() => createTrelloAdapter({ boardId: 'x y' }), /boardId/);
assert.equal(statusForListName('Done'), 'solved');
const { createMemoryAdapter, createZendeskAdapter: rootZendesk, createTrelloAdapter: rootTrello } = require('supportkit-ts');
assert.equal(rootZendesk, createZendeskAdapter);
assert.equal(typeof rootTrello, 'function');
const { createHttpClient, paginate, redactUrl } = require('supportkit-ts/transport');
assert.equal(typeof createHttpClient, 'function');
assert.equal(typeof paginate, 'function');
assert.equal(redactUrl('https://x.example/?token=abc'), 'https://x.example/?token=[redacted]');
sync(createMemoryAdapter(), { sink: callbackSink(() => {}) }).then((p) => assert.equal(p.records, 0));
const { createArticleIndex, suggestArticles } = require('supportkit-ts/care');
createArticleIndex([{ id: 'a', locale: 'it', title: 'Tracciare il pacco', body: '', createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' }])
  .then((kb) => assert.equal(suggestArticles(kb, 'tracciamento dei pacchi', { locale: 'it' })[0].article.id, 'a'));
assert.equal(typeof createWebhookHandler({ vendor: 'front', secret: 's' }).fetch, 'function');
assert.throws(() => verifyWebhookSync('front', { rawBody: '{}', headers: {}, secret: 's' }), /header is missing/);
assert.throws(() => parseTicket({ id: 1 }), ValidationError);
assert.equal(Schedule.safeParse({ timeZone: 'Europe/Rome', intervals: [] }).success, true);
assert.equal(streamDataset({ tickets: 1, days: 1 }).next().done, false);
assert.ok(require('supportkit-ts/schemas/Dataset.json').properties.tickets);
// summarizeJsonlFile finds its worker file from the CommonJS build too: count the threads it starts.
const threads = require('node:worker_threads');
const { Worker } = threads;
let started = 0;
threads.Worker = class extends Worker { constructor(...args) { super(...args); started++; } };
const { summarizeJsonlFile, readJsonlRecords } = require('supportkit-ts/sync');
const { summarizeRecords } = require('supportkit-ts/metrics');
const jsonl = require('node:path').join(__dirname, 'records.jsonl');
require('node:fs').writeFileSync(jsonl, [...streamDataset({ tickets: 300, days: 20 })].map((r) => JSON.stringify(r) + '\\n').join(''));
const asOf = new Date('2026-06-01T00:00:00Z');
Promise.all([summarizeJsonlFile(jsonl, { asOf, workers: 2 }), summarizeRecords(readJsonlRecords(jsonl), { asOf })]).then(
  ([sharded, onePass]) => {
    assert.deepEqual(sharded, onePass);
    assert.equal(started, 2, 'summarizeJsonlFile started no worker thread');
    console.log('cjs ok');
  },
);
`,
  );
  const consumerTs = `import { parseTicket, type Ticket, ValidationError } from 'supportkit-ts';
import type { NpsResponse } from 'supportkit-ts/models';
import { generateDataset, type GenerateOptions } from 'supportkit-ts/testing';
import { type HelpdeskEvent, parseWebhookEvent } from 'supportkit-ts/webhooks';
import { createRequestTrackerAdapter } from 'supportkit-ts/request-tracker';
import { tokenAuth } from 'supportkit-ts';
import { createTrelloAdapter, type TrelloMapping } from 'supportkit-ts/trello';
const mapping: TrelloMapping = { lists: { 'Waiting on vendor': 'hold' } };
const board = createTrelloAdapter({ key: 'k', token: 't', boardId: 'kV2cF3Yq', mapping });
if (board.capabilities.surveys.csat) throw new Error('Trello has no CSAT');
const rt = createRequestTrackerAdapter({ baseUrl: 'https://rt.example.org', auth: tokenAuth('t'), queues: ['Support'] });
if (rt.capabilities.organizations) throw new Error('RT has no organizations');
const event: HelpdeskEvent = parseWebhookEvent('zendesk', {});
if (event.type === 'ticket.status_changed') event.to.toUpperCase();
const options: GenerateOptions = { tickets: 5, days: 2 };
const ticket: Ticket = generateDataset(options).tickets[0]!;
const when: Date = ticket.createdAt;
const score: NpsResponse['score'] = 9;
try { parseTicket({}); } catch (error) { if (error instanceof ValidationError) error.issues.map((i) => i.path); }
export { when, score };
`;
  writeFileSync(join(app, 'consumer.mts'), consumerTs);
  writeFileSync(
    join(app, 'consumer.cts'),
    consumerTs.replace('export { when, score };', 'export = { when, score };'),
  );
  writeFileSync(
    join(app, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        module: 'nodenext',
        moduleResolution: 'nodenext',
        target: 'es2022',
        strict: true,
        noEmit: true,
        skipLibCheck: false,
        types: [],
      },
      files: ['consumer.mts', 'consumer.cts'],
    }),
  );
  process.stdout.write(run(process.execPath, ['esm.mjs'], app));
  process.stdout.write(run(process.execPath, ['cjs.cjs'], app));
  run(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', app], app);
  console.log('types ok (import and require)');
  // A user's bundle of the metrics (esbuild, CommonJS and ESM, supportkit inlined): metrics validating JSON input
  // load their schemas from the installed package at run time, which is still there beside the bundle here.
  writeFileSync(
    join(app, 'bundle-me.mjs'),
    `import { summarize } from 'supportkit-ts/metrics';
const ticket = { id: '1', source: { adapter: 'memory', id: '1' }, subject: 's', status: 'open', priority: 'normal',
  channel: 'email', requesterId: 'c', assigneeId: null, groupId: null, organizationId: null, tags: [],
  customFields: {}, createdAt: '2026-03-02T09:00:00Z', updatedAt: '2026-03-02T09:00:00Z', solvedAt: null, dueAt: null };
const report = summarize({ tickets: [ticket] }, { asOf: '2026-03-03T00:00:00Z' });
if (report.tickets.total !== 1) throw new Error('bundle: wrong report');
try { summarize({ tickets: [{ ...ticket, createdAt: 'bad' }] }, { asOf: '2026-03-03T00:00:00Z' }); throw new Error('bundle: accepted a bad date'); }
catch (error) { if (error.name !== 'ValidationError') throw error; }
console.log('bundle ok');
`,
  );
  const esbuild = join(root, 'node_modules', '.bin', 'esbuild');
  // `node -e` defines a global __filename ('[eval]'): the ES build must still find its lazily loaded schemas.
  const evalScript = `import('supportkit-ts/metrics').then((m) => {
    const week = { timeZone: 'UTC', intervals: [{ start: 1980, end: 2460 }] };
    if (m.businessMinutes('2026-03-02T08:00:00Z', '2026-03-02T10:00:00Z', week) !== 60) process.exit(1);
    console.log('node -e ok');
  });`;
  process.stdout.write(run(process.execPath, ['-e', evalScript], app));
  for (const format of ['cjs', 'esm']) {
    const out = `bundled-${format}.${format === 'cjs' ? 'cjs' : 'mjs'}`;
    run(
      esbuild,
      ['bundle-me.mjs', '--bundle', '--platform=node', `--format=${format}`, `--outfile=${out}`],
      app,
    );
    process.stdout.write(run(process.execPath, [out], app));
  }
  // The bin, as users run it: npx finds it in the installed package.
  const version = run('npx', ['--no-install', 'supportkit', '--version'], app).trim();
  const manifest = JSON.parse(
    readFileSync(join(app, 'node_modules', 'supportkit-ts', 'package.json'), 'utf8'),
  ) as {
    name: string;
    version: string;
  };
  if (version !== manifest.version) throw new Error(`supportkit --version printed ${version}`);
  // README's form, `npx <package> <command>`: the package's one bin, by the package's name.
  const byPackage = run('npx', ['--no-install', manifest.name, '--version'], app).trim();
  if (byPackage !== version) throw new Error(`npx ${manifest.name} --version printed ${byPackage}`);
  run('npx', ['--no-install', 'supportkit', 'sync', 'memory', '--out', 'helpdesk', '--tickets', '40'], app);
  const report = JSON.parse(
    run('npx', ['--no-install', 'supportkit', 'report', 'helpdesk', '--as-of', '2026-04-06', '--json'], app),
  );
  if (report.report.tickets.total !== 40)
    throw new Error('supportkit report did not count the 40 synced tickets');
  const args = ['--no-install', 'supportkit', 'report', 'helpdesk', '--as-of', '2026-04-06', '--json'];
  const threaded = run('npx', [...args, '--workers', '2'], app);
  if (JSON.stringify(JSON.parse(threaded)) !== JSON.stringify(report))
    throw new Error('supportkit report --workers 2 differs from one thread');
  run(
    'npx',
    ['--no-install', 'supportkit', 'report', 'helpdesk', '--format', 'html', '--out', 'report.html'],
    app,
  );
  if (!readFileSync(join(app, 'report.html'), 'utf8').includes('<svg'))
    throw new Error('the HTML report has no chart');
  console.log(`bin ok (supportkit ${version}: sync, report --json, report --format html)`);
  step('consumer test done');
} finally {
  rmSync(work, { recursive: true, force: true });
}
