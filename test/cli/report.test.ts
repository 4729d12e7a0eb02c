import {
  copyFileSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { reportRecords } from '../../src/cli/input.js';
import { summarize, summarizeRecords } from '../../src/metrics/index.js';
import { parseDataset } from '../../src/models/index.js';
import type { ReportCollectorState } from '../../src/report/index.js';
import { readJsonlRecords } from '../../src/sync/index.js';
import { runShards } from '../../src/sync/shards.js';
import { generateDataset, streamDataset } from '../../src/testing/index.js';
import { runCli } from './run.js';

/** A valid --schedule file: Monday 09:00–17:00 in Rome. */
const scheduleJson = {
  id: 'weekdays',
  name: 'Weekdays',
  timeZone: 'Europe/Rome',
  intervals: [{ start: 1980, end: 2460 }],
  holidays: [],
};

let dir: string;
const options = { seed: 7, tickets: 400, days: 42, startDate: '2026-02-02', timeZone: 'Europe/Rome' };
const generated = generateDataset(options);
const dataset = parseDataset(JSON.parse(JSON.stringify(generated)));
const roundTrip = (value: unknown) => JSON.parse(JSON.stringify(value));

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'supportkit-report-'));
  writeFileSync(join(dir, 'dataset.json'), JSON.stringify(generated));
  const lines = [...reportRecords(dataset)].map((record) => JSON.stringify(record));
  writeFileSync(join(dir, 'records.jsonl'), `${lines.join('\n')}\n`);
});

describe('supportkit report', () => {
  it('--json on a dataset is summarize()’s own report, plus the report-only figures', async () => {
    const run = await runCli(['report', 'dataset.json', '--tz', 'Europe/Rome', '--json'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const data = JSON.parse(run.stdout);
    expect(data.report).toEqual(roundTrip(summarize(dataset, { timeZone: 'Europe/Rome' })));
    // Every ticket arrives in exactly one weekday × hour cell.
    expect(data.arrivals.flat().reduce((a: number, b: number) => a + b, 0)).toBe(400);
    // The histogram counts what the summary measured.
    const sum = (buckets: { count: number }[]) => buckets.reduce((a, b) => a + b.count, 0);
    expect(sum(data.firstReply.calendar)).toBe(data.report.firstReply.calendarMinutes.n);
    expect(sum(data.firstReply.business)).toBe(data.report.firstReply.businessMinutes.n);
  });

  it('--json on a sync folder’s JSONL is summarizeRecords()’s report', async () => {
    const run = await runCli(
      ['report', '.', '--to', '2026-03-16', '--tz', 'Europe/Rome', '--format', 'json'],
      { cwd: dir },
    );
    expect(run.code).toBe(0);
    const to = new Date('2026-03-15T23:00:00Z'); // midnight in Rome (CET, +01:00)
    const fromLibrary = await summarizeRecords(readJsonlRecords(join(dir, 'records.jsonl')), {
      asOf: to,
      timeZone: 'Europe/Rome',
    });
    const inWindow = dataset.tickets.filter((t) => t.createdAt < to).length;
    const data = JSON.parse(run.stdout);
    expect(data.report.tickets.total).toBe(inWindow);
    expect(data.window).toEqual({ from: null, to: to.toISOString() });
    // The generator's tickets all start before the 16th, so the window cut nothing but time.
    expect(inWindow).toBe(400);
    expect(data.report).toEqual(roundTrip(fromLibrary));
  });

  it('--from/--to keep tickets created in the window (from inclusive, to exclusive)', async () => {
    const run = await runCli(
      [
        'report',
        'dataset.json',
        '--from',
        '2026-02-09',
        '--to',
        '2026-02-16',
        '--tz',
        'Europe/Rome',
        '--json',
      ],
      {
        cwd: dir,
      },
    );
    const from = Date.parse('2026-02-08T23:00:00Z');
    const to = Date.parse('2026-02-15T23:00:00Z');
    const expected = dataset.tickets.filter(
      (t) => t.createdAt.getTime() >= from && t.createdAt.getTime() < to,
    ).length;
    expect(expected).toBeGreaterThan(0);
    expect(JSON.parse(run.stdout).report.tickets.total).toBe(expected);
  });

  it('text: aligned tables with human units, never long decimals', async () => {
    const run = await runCli(['report', 'dataset.json', '--tz', 'Europe/Rome'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^first reply +\d+(\.\d)? (min|h|d) +/m);
    expect(run.stdout).not.toMatch(/\d\.\d{3,}/);
    const volume = run.stdout.split('Volume and backlog\n')[1]!.split('\n\n')[0]!.split('\n').slice(1);
    expect(new Set(volume.map((line) => line.length)).size).toBe(1);
  });

  it('md: GitHub tables; html: one self-contained file with SVG charts, tables and the data as JSON', async () => {
    const md = await runCli(['report', 'dataset.json', '--format', 'md'], { cwd: dir });
    expect(md.stdout).toContain('| period | created | solved | backlog |');
    const html = await runCli(['report', 'dataset.json', '--format', 'html', '--out', 'out/report.html'], {
      cwd: dir,
    });
    expect(html.stdout).toBe('');
    expect(html.stderr).toMatch(/^wrote out\/report\.html \(\d+ KB\)\n$/);
    const page = readFileSync(join(dir, 'out/report.html'), 'utf8');
    expect(page.match(/<svg /g)?.length).toBeGreaterThanOrEqual(10);
    expect(page).not.toMatch(/\s(src|href)=/);
    expect(page).toContain("default-src 'none'");
    const embedded = page.match(/<script type="application\/json" id="supportkit-data">(.*)<\/script>/)![1]!;
    expect(JSON.parse(embedded).report.tickets.total).toBe(400);
  }, 30_000); // two full reports: slow only on a loaded machine

  it('--country IT adds business hours (Mon–Fri 09–18) with Italian holidays', async () => {
    const lines = readFileSync(join(dir, 'records.jsonl'), 'utf8').split('\n');
    writeFileSync(
      join(dir, 'no-schedules.jsonl'),
      lines.filter((l) => !l.startsWith('{"kind":"schedules"')).join('\n'),
    );
    const report = async (...extra: string[]) =>
      JSON.parse(
        (
          await runCli(['report', 'no-schedules.jsonl', '--as-of', '2026-03-20', '--json', ...extra], {
            cwd: dir,
          })
        ).stdout,
      ).report;
    expect((await report()).firstReply.businessMinutes).toBeNull();
    const withHolidays = await report('--country', 'IT', '--tz', 'Europe/Rome');
    expect(withHolidays.firstReply.businessMinutes.n).toBe(withHolidays.firstReply.calendarMinutes.n);
  });

  it('failures: no input, a missing folder file, bad options, a corrupt dataset', async () => {
    expect((await runCli(['report'], { cwd: dir })).code).toBe(2);
    expect((await runCli(['report', 'dataset.json', '--tz', 'Mars/Olympus'], { cwd: dir })).code).toBe(2);
    expect((await runCli(['report', 'dataset.json', '--format', 'pdf'], { cwd: dir })).code).toBe(2);
    expect(
      (await runCli(['report', 'dataset.json', '--from', '2026-03-01', '--to', '2026-02-01'], { cwd: dir }))
        .code,
    ).toBe(2);
    const empty = mkdtempSync(join(tmpdir(), 'supportkit-empty-'));
    const noRecords = await runCli(['report', empty], { cwd: dir });
    expect(noRecords.code).toBe(1);
    expect(noRecords.stderr).toContain('has no records.jsonl');
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ tickets: [{ id: 1 }] }));
    const bad = await runCli(['report', 'bad.json'], { cwd: dir });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^supportkit: invalid Dataset at tickets\.0\.\w+: .* \(and \d+ more\)\n/);
  });

  it('record text cannot drive the terminal or inject Markdown: names are neutralised in text and md', async () => {
    const evil =
      'Ann\u001b]0;pwned\u0007\u001b[2J\u009b31m\nX | <img src=x onerror=alert(1)> [x](javascript:alert(1)) *b* _i_ `c`';
    const copy = JSON.parse(JSON.stringify(generated));
    for (const ticket of copy.tickets) if (ticket.assigneeId) ticket.assigneeId = evil;
    for (const agent of copy.agents ?? []) Object.assign(agent, { id: evil, name: evil });
    writeFileSync(join(dir, 'evil.json'), JSON.stringify(copy));
    const text = await runCli(['report', 'evil.json'], { cwd: dir });
    expect(text.code).toBe(0);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the point is that none reach the output
    expect(text.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    // The agent row stays one line: its name, with every control character (and the newline) shown as �.
    expect(text.stdout).toContain('Ann�]0;pwned��[2J�31m�X | <img');
    const md = await runCli(['report', 'evil.json', '--format', 'md'], { cwd: dir });
    expect(md.code).toBe(0);
    expect(md.stdout).not.toMatch(/<img|\]\(javascript/);
    expect(md.stdout).not.toContain('\u001b');
    expect(md.stdout).toContain(
      'X \\| &#60;img src=x onerror=alert\\(1\\)&#62; \\[x\\]\\(javascript:alert\\(1\\)\\) \\*b\\* \\_i\\_ \\`c\\`',
    );
  });

  it('refuses an --out that is the input file or inside the input folder (exit 2), leaving the input whole', async () => {
    const before = readFileSync(join(dir, 'records.jsonl'), 'utf8');
    for (const [input, out] of [
      ['records.jsonl', 'records.jsonl'],
      ['records.jsonl', './sub/../records.jsonl'],
      ['.', 'records.jsonl'],
      ['.', 'report.txt'],
    ]) {
      const run = await runCli(['report', input!, '--out', out!], { cwd: dir });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`--out ${out} would overwrite the input ${input}`);
    }
    expect(readFileSync(join(dir, 'records.jsonl'), 'utf8')).toBe(before);
  });

  it('refuses an --out that is a hard link to the input, a file of the input folder or the --schedule (#28)', async () => {
    const home = mkdtempSync(join(tmpdir(), 'supportkit-hardlink-'));
    const folder = join(home, 'helpdesk');
    mkdirSync(folder);
    copyFileSync(join(dir, 'records.jsonl'), join(folder, 'records.jsonl'));
    writeFileSync(join(home, 'schedule.json'), JSON.stringify(scheduleJson));
    const before = readFileSync(join(folder, 'records.jsonl'), 'utf8');
    linkSync(join(folder, 'records.jsonl'), join(home, 'alias.jsonl'));
    linkSync(join(folder, 'records.jsonl'), join(home, 'alias.txt'));
    linkSync(join(home, 'schedule.json'), join(home, 'schedule-alias.txt'));
    for (const [input, out] of [
      ['alias.jsonl', 'helpdesk/records.jsonl'],
      ['helpdesk/records.jsonl', 'alias.txt'],
      ['helpdesk', 'alias.txt'],
    ]) {
      const run = await runCli(['report', input!, '--out', out!], { cwd: home });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`--out ${out} is the input`);
      expect(run.stderr).toContain('(a hard link)');
    }
    const schedule = await runCli(
      ['report', 'helpdesk', '--schedule', 'schedule.json', '--out', 'schedule-alias.txt'],
      { cwd: home },
    );
    expect(schedule.code).toBe(2);
    expect(schedule.stderr).toContain(
      '--out schedule-alias.txt is the input schedule.json under another name',
    );
    expect(readFileSync(join(folder, 'records.jsonl'), 'utf8')).toBe(before);
    expect(readFileSync(join(home, 'schedule.json'), 'utf8')).toBe(JSON.stringify(scheduleJson));
  });

  it('replaces an --out with other names instead of writing through it: the other names keep their content', async () => {
    const home = mkdtempSync(join(tmpdir(), 'supportkit-hardlink-'));
    writeFileSync(join(home, 'notes.txt'), 'keep me');
    linkSync(join(home, 'notes.txt'), join(home, 'report.txt'));
    const run = await runCli(['report', join(dir, 'records.jsonl'), '--out', 'report.txt'], { cwd: home });
    expect(run.code).toBe(0);
    expect(readFileSync(join(home, 'report.txt'), 'utf8')).toContain('supportkit report');
    expect(readFileSync(join(home, 'notes.txt'), 'utf8')).toBe('keep me');
    expect(readdirSync(home).sort()).toEqual(['notes.txt', 'report.txt']); // no temporary file left
  });
});

describe('supportkit report --workers', () => {
  const streamed = () => {
    const path = join(dir, 'streamed.jsonl');
    const lines = [...streamDataset(options)].map((record) => JSON.stringify(record));
    writeFileSync(path, `${lines.join('\n')}\n`);
    return 'streamed.jsonl';
  };
  const report = async (file: string, workers: string, extra: string[] = []) => {
    const run = await runCli(
      [
        'report',
        file,
        '--tz',
        'Europe/Rome',
        '--as-of',
        '2026-03-20',
        '--json',
        '--workers',
        workers,
        ...extra,
      ],
      { cwd: dir },
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    return JSON.parse(run.stdout);
  };

  it('reads a JSONL file in worker threads into the same data as one thread, windows included', async () => {
    const file = streamed();
    expect(await report(file, '3')).toEqual(await report(file, '1'));
    const window = ['--from', '2026-02-16', '--to', '2026-03-02'];
    const windowed = await report(file, '2', window);
    expect(windowed.report.tickets.total).toBeGreaterThan(0);
    expect(windowed).toEqual(await report(file, '1', window));
  }, 60_000);

  it('really starts the report worker (not a silent one-pass fallback)', async () => {
    const file = join(dir, streamed());
    const here = fileURLToPath(new URL('../../src/cli/commands/report.ts', import.meta.url));
    const options = { asOf: Date.parse('2026-03-20T00:00:00Z'), timeZone: 'Europe/Rome', source: file };
    const how = { worker: 'report-worker', here, options, tolerateTornTail: false };
    const outcomes = await runShards<typeof options, ReportCollectorState>(file, 2, how);
    expect(outcomes?.map((o) => o.state.arrivals.reduce((a, b) => a + b, 0))).toEqual([
      expect.any(Number),
      expect.any(Number),
    ]);
    const arrivals = outcomes!.flatMap((o) => o.state.arrivals).reduce((a, b) => a + b, 0);
    expect(arrivals).toBe(400);
  }, 60_000);

  it('gives the one-thread data when surveys come after every ticket (the shards cannot split it)', async () => {
    expect(await report('records.jsonl', '2')).toEqual(await report('records.jsonl', '1'));
  }, 60_000);

  it('refuses a worker count that is not a whole number', async () => {
    for (const workers of ['all', '0', '257', '2.5']) {
      const run = await runCli(['report', 'records.jsonl', '--workers', workers], { cwd: dir });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('--workers');
    }
  });
});
