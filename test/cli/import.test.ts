import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './run.js';

const fixtures = join(import.meta.dirname, 'fixtures');
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'supportkit-import-'));
  cpSync(fixtures, dir, { recursive: true });
});
const records = (file: string) =>
  readFileSync(join(dir, file), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));

describe('supportkit import csv', () => {
  it('maps columns to tickets, reading offset-less dates in --tz and blanks as missing; a DST-skipped time is bad', async () => {
    const run = await runCli(
      [
        'import',
        'csv',
        'tickets.csv',
        '--map',
        'tickets-map.json',
        '--tz',
        'Europe/Rome',
        '--out',
        'out',
        '--lenient',
      ],
      { cwd: dir },
    );
    // 02:30 on 29 March 2026 does not exist in Rome (clocks jump 02:00 → 03:00): as in parseWhen, that is an
    // error, not a silent move — an export written in Rome never has it, so the zone is not the export's.
    expect(run.stderr.split('\n')[0]).toBe(
      'skipped: tickets.csv line 3, column "Created": a local time that does not exist in Europe/Rome (the clocks go forward then): is that the zone the export was written in?',
    );
    expect(run).toMatchObject({
      code: 0,
      stdout: 'imported 2 of 3 rows into out/records.jsonl: 2 tickets (1 bad rows skipped)\n',
    });
    const [first, third] = records('out/records.jsonl');
    expect(first).toMatchObject({
      kind: 'tickets',
      value: { id: '1001', priority: 'high', tags: ['login', 'urgent'] },
    });
    // 09:15 in Rome on 2 March is CET (+01:00): 08:15 UTC.
    expect(first.value.createdAt).toBe('2026-03-02T08:15:00.000Z');
    // Blank tags and priority are missing: the model's defaults, not "" or 0.
    expect(third.value).toMatchObject({ id: '1003', priority: null, createdAt: '2026-03-03T08:00:00.000Z' });
    writeFileSync(
      join(dir, 'blank.csv'),
      'Ticket ID,Subject,Status,Requester,Created,Updated,Tags,Priority\n1002,Refund,solved,c-2,2026-03-29 04:30,2026-03-29 05:00,,\n',
    );
    const blank = await runCli(
      ['import', 'csv', 'blank.csv', '--map', 'tickets-map.json', '--tz', 'Europe/Rome', '--out', 'o2'],
      { cwd: dir },
    );
    expect(blank.code, blank.stderr).toBe(0);
    expect(records('o2/records.jsonl')[0].value).toMatchObject({ tags: [], priority: null });
  });

  it('without --tz every offset-less date is a bad cell named by line and column; strict writes nothing', async () => {
    const run = await runCli(['import', 'csv', 'tickets.csv', '--map', 'tickets-map.json', '--out', 'out'], {
      cwd: dir,
    });
    expect(run.code).toBe(1);
    const why = 'a date without a UTC offset: pass --tz (or timeZone in the mapping)';
    expect(run.stderr.split('\n')).toEqual([
      `bad: tickets.csv line 2, column "Created": ${why}`,
      `bad: tickets.csv line 2, column "Updated": ${why}`,
      `bad: tickets.csv line 3, column "Created": ${why}`,
      `bad: tickets.csv line 3, column "Updated": ${why}`,
      'supportkit: 2 of 3 rows of tickets.csv are bad (the lines above say which cells)',
      'hint: nothing was written: fix them, or --lenient to import the 1 good rows and list the bad ones',
      '',
    ]);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('lenient skips and counts bad rows: a blank NPS score is missing, not a 0', async () => {
    const run = await runCli(
      ['import', 'csv', 'nps.csv', '--map', 'nps-map.json', '--out', 'out', '--lenient', '--json'],
      { cwd: dir },
    );
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(summary).toMatchObject({ kind: 'nps', rows: 7, imported: 5, skipped: 2 });
    expect(summary.bad.map((b: { line: number; column: string }) => [b.line, b.column])).toEqual([
      [4, 'score'],
      [7, 'score'],
    ]);
    expect(records('out/records.jsonl').map((r) => r.value.score)).toEqual([10, 9, 0, 7, 6]);
    expect(run.stderr.split('\n').filter(Boolean)).toHaveLength(2);
  });

  it('a bad mapping says which field is wrong, and is exit code 1', async () => {
    const write = (content: unknown) => writeFileSync(join(dir, 'bad.json'), JSON.stringify(content));
    const run = () =>
      runCli(['import', 'csv', 'tickets.csv', '--map', 'bad.json', '--out', 'out'], { cwd: dir });
    write({ kind: 'tickets', columns: { subjet: 'Subject' } });
    expect((await run()).stderr).toMatch(
      /^supportkit: mapping bad\.json: columns\.subjet is not a tickets field/,
    );
    write({ kind: 'tickets', columns: { subject: 'Title' } });
    expect((await run()).stderr).toMatch(/columns\.subject names a column the CSV does not have/);
    write({ kind: 'orders', columns: {} });
    expect((await run()).stderr).toMatch(/kind must be "tickets", "nps", "csat" or "ces"/);
    writeFileSync(join(dir, 'bad.json'), '{ nope');
    const notJson = await run();
    expect(notJson.code).toBe(1);
    expect(notJson.stderr).toMatch(/mapping bad\.json is not JSON/);
  });

  it('a row the model refuses names the column of the field', async () => {
    writeFileSync(
      join(dir, 'late.csv'),
      'Ticket ID,Subject,Status,Requester,Created,Updated,Tags,Priority\n1,s,open,c,2026-03-02T10:00:00Z,2026-03-01T10:00:00Z,,\n',
    );
    const run = await runCli(['import', 'csv', 'late.csv', '--map', 'tickets-map.json', '--out', 'out'], {
      cwd: dir,
    });
    expect(run.code).toBe(1);
    expect(run.stderr.split('\n')[0]).toBe(
      'supportkit: late.csv line 2, column "Updated": updatedAt is before createdAt',
    );
  });

  it('vendor and translated status/priority words are normalised; an unknown word is a bad cell', async () => {
    writeFileSync(
      join(dir, 'it.csv'),
      'Ticket ID,Subject,Status,Requester,Created,Updated,Tags,Priority\n' +
        '1,s,Risolto,c,2026-03-02T10:00:00Z,2026-03-02T11:00:00Z,,Alta\n' +
        '2,s,Gelöst-ish,c,2026-03-02T10:00:00Z,2026-03-02T11:00:00Z,,\n',
    );
    const run = await runCli(
      ['import', 'csv', 'it.csv', '--map', 'tickets-map.json', '--out', 'out', '--lenient', '--json'],
      { cwd: dir },
    );
    expect(run.code).toBe(0);
    expect(records('out/records.jsonl')[0].value).toMatchObject({ status: 'solved', priority: 'high' });
    const summary = JSON.parse(run.stdout);
    expect(summary.bad).toEqual([
      { line: 3, column: 'Status', message: expect.stringMatching(/^not a status word/) },
    ]);
    expect(run.stderr).not.toContain('Gelöst');
  });

  it('--out naming an existing file is a clear usage error, not a raw EEXIST', async () => {
    writeFileSync(join(dir, 'taken'), 'keep me');
    const run = await runCli(
      ['import', 'csv', 'tickets.csv', '--map', 'tickets-map.json', '--out', 'taken'],
      {
        cwd: dir,
      },
    );
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe(
      'supportkit: --out taken is a file; import csv writes records.jsonl into a folder',
    );
    expect(readFileSync(join(dir, 'taken'), 'utf8')).toBe('keep me');
  });

  it('lenient with every row bad imports nothing and exits 1', async () => {
    writeFileSync(
      join(dir, 'allbad.csv'),
      'Ticket ID,Subject,Status,Requester,Created,Updated,Tags,Priority\n' +
        '1,s,open,c,2026-03-02 10:00,2026-03-02 11:00,,\n2,s,open,c,2026-03-02 10:00,2026-03-02 11:00,,\n',
    ); // no --tz: every row has offset-less dates
    const run = await runCli(
      ['import', 'csv', 'allbad.csv', '--map', 'tickets-map.json', '--out', 'out', '--lenient'],
      { cwd: dir },
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('supportkit: every row of allbad.csv is bad: nothing was imported');
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('a required field not mapped at all is one mapping error up front (exit 2), not one per row', async () => {
    writeFileSync(
      join(dir, 'partial.json'),
      JSON.stringify({
        kind: 'tickets',
        columns: { id: 'Ticket ID', status: 'Status', createdAt: 'Created' },
      }),
    );
    const run = await runCli(
      ['import', 'csv', 'tickets.csv', '--map', 'partial.json', '--out', 'out', '--lenient', '--tz', 'UTC'],
      { cwd: dir },
    );
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe(
      'supportkit: mapping partial.json: columns does not map the required tickets fields subject, requesterId (or requesterEmail or requesterName)',
    );
  });

  it('usage errors: not csv, no --map', async () => {
    expect((await runCli(['import', 'xlsx', 'a.xlsx'], { cwd: dir })).code).toBe(2);
    expect((await runCli(['import', 'csv', 'tickets.csv', '--out', 'o'], { cwd: dir })).code).toBe(2);
  });
});
