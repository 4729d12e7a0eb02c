import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { csat, firstReplyTime, type Message } from '../../src/index.js';
import { readDataset } from '../../src/sync/index.js';
import { type Spreadsheet, ticketSpreadsheet } from './fixtures/spreadsheet.js';
import { runCli } from './run.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'supportkit-sheet-'));
});

function write(sheet: Spreadsheet, mapping: unknown = sheet.mapping) {
  writeFileSync(join(dir, 'sheet.csv'), sheet.csv);
  writeFileSync(join(dir, 'map.json'), JSON.stringify(mapping));
}

const importSheet = (...extra: string[]) =>
  runCli(['import', 'csv', 'sheet.csv', '--map', 'map.json', '--out', 'out', ...extra], { cwd: dir });

/** Every row of the sheet against what the import wrote, read back as a dataset through the public API. */
async function expectImportedAsWritten(sheet: Spreadsheet) {
  const dataset = await readDataset(join(dir, 'out'));
  expect(dataset.tickets).toHaveLength(sheet.rows.length);
  const messages = new Map<string, Message[]>();
  for (const message of dataset.messages)
    messages.set(message.ticketId, [...(messages.get(message.ticketId) ?? []), message]);
  const agents = new Map(dataset.agents.map((agent) => [agent.id, agent.name]));
  const groups = new Map(dataset.groups.map((group) => [group.id, group.name]));
  const customers = new Map(dataset.customers.map((customer) => [customer.id, customer]));
  const tickets = new Map(dataset.tickets.map((ticket) => [ticket.id, ticket]));
  for (const truth of sheet.rows) {
    const ticket = tickets.get(truth.id)!;
    expect(ticket.status).toBe(truth.status);
    expect(ticket.createdAt.getTime()).toBe(truth.createdAt);
    expect(ticket.solvedAt?.getTime() ?? null).toBe(truth.solvedAt);
    expect(ticket.tags).toEqual(truth.tags);
    expect(ticket.assigneeId === null ? null : agents.get(ticket.assigneeId)).toBe(truth.agent);
    expect(groups.get(ticket.groupId!)).toBe(truth.group);
    const requester = customers.get(ticket.requesterId)!;
    expect(requester.identities[0]).toMatchObject({ kind: 'email', value: truth.requesterEmail });
    // The first reply the metric measures is the one the sheet records, under either definition.
    for (const definition of ['from-creation', 'from-first-public-message'] as const) {
      const reply = firstReplyTime(ticket, messages.get(ticket.id) ?? [], { definition });
      expect(reply?.calendarMinutes ?? null, `ticket ${truth.id}`).toBe(truth.firstReplyMinutes);
    }
  }
  const ratings = sheet.rows.filter((row) => row.csat !== null);
  expect(dataset.csat.map((answer) => answer.rating)).toEqual(ratings.map((row) => row.csat));
  const good = ratings.filter(
    (row) => row.csat === 'good' || (typeof row.csat === 'number' && row.csat >= 4),
  );
  if (ratings.length > 0)
    expect(csat(dataset.csat).score).toBeCloseTo((100 * good.length) / ratings.length, 6);
  return dataset;
}

describe('an Italian spreadsheet (BOM, CRLF, ;, day-first dates, decimal comma, Italian words)', () => {
  it('imports 20,000 rows through the CLI, each as the sheet says', { timeout: 180_000 }, async () => {
    const sheet = ticketSpreadsheet({ locale: 'it', rows: 20_000 });
    write(sheet);
    const run = await importSheet('--json');
    expect(run.code, run.stderr).toBe(0);
    // Not a terminal: at most a plain progress line every two seconds, nothing else.
    for (const line of run.stderr.split('\n').filter(Boolean))
      expect(line).toMatch(/^import: \d+\/20000 rows, 0 bad$/);
    const summary = JSON.parse(run.stdout);
    const answered = sheet.rows.filter((row) => row.firstReplyMinutes !== null).length;
    expect(summary).toMatchObject({
      kind: 'tickets',
      rows: 20_000,
      imported: 20_000,
      skipped: 0,
      bad: [],
      records: {
        tickets: 20_000,
        messages: 20_000 + answered,
        agents: 12,
        groups: 4,
        organizations: 4,
        nps: sheet.rows.filter((row) => row.nps !== null).length,
      },
    });
    const dataset = await expectImportedAsWritten(sheet);
    expect(new Set(dataset.agents.map((agent) => agent.name))).toContain('Niccolò Ferrari');
    expect(dataset.agents.find((agent) => agent.name === "Gianmaria D'Angelo")?.id).toBe(
      'agent-gianmaria-d-angelo',
    );
    expect(dataset.nps.map((answer) => answer.score)).toEqual(
      sheet.rows.filter((row) => row.nps !== null).map((row) => row.nps),
    );
    // The team's own word, mapped in "values": "Da fare" → new.
    expect(sheet.csv).toContain(';Da fare;');
  });

  it('shows a progress bar on a terminal', async () => {
    write(ticketSpreadsheet({ locale: 'it', rows: 1500 }));
    const run = await runCli(['import', 'csv', 'sheet.csv', '--map', 'map.json', '--out', 'out'], {
      cwd: dir,
      tty: true,
    });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/import \| .* \| 1500\/1500 rows \| 0 bad/);
    expect(run.stderr).toMatch(/import \| .* \| 0\/1500 rows/); // drawn at the start, redrawn as rows are read
  });

  it('names bad rows by line (and spreadsheet row) and column, never their content; --lenient keeps the good rows', async () => {
    const spoil = new Map([
      [3, 'date'],
      [40, 'status'],
      [41, 'date'],
    ] as const);
    const sheet = ticketSpreadsheet({ locale: 'it', rows: 120, spoil });
    write(sheet);
    const strict = await importSheet();
    expect(strict.code).toBe(1);
    const at = (index: number) => {
      const { line, row } = sheet.rows[index]!;
      return line === row ? `line ${line}` : `line ${line} (row ${row})`;
    };
    // Row 41 starts below a description with line breaks: its line is not its spreadsheet row.
    expect(at(41)).toMatch(/\(row 43\)$/);
    const lines = [
      `sheet.csv ${at(3)}, column "Creato il": not a real date and time`,
      `sheet.csv ${at(40)}, column "Stato": not a status word supportkit knows: map it in the mapping's "values": { "status": { "<word>": "open" } }`,
      `sheet.csv ${at(41)}, column "Creato il": not a real date and time`,
    ];
    expect(strict.stderr.split('\n')).toEqual([
      ...lines.map((line) => `bad: ${line}`),
      'supportkit: 3 of 120 rows of sheet.csv are bad (the lines above say which cells)',
      'hint: nothing was written: fix them, or --lenient to import the 117 good rows and list the bad ones',
      '',
    ]);
    expect(existsSync(join(dir, 'out'))).toBe(false);
    expect(strict.stderr).not.toMatch(/31\/02|Boh/);

    const lenient = await importSheet('--lenient', '--json');
    expect(lenient.code).toBe(0);
    expect(lenient.stderr.split('\n').filter(Boolean)).toEqual(lines.map((line) => `skipped: ${line}`));
    expect(JSON.parse(lenient.stdout)).toMatchObject({ rows: 120, imported: 117, skipped: 3 });
    const kept = { ...sheet, rows: sheet.rows.filter((_, index) => !spoil.has(index as never)) };
    await expectImportedAsWritten(kept);
  });
});

describe('an English spreadsheet (month-first dates with AM/PM, first reply as a time, CSAT 1..5)', () => {
  it('imports each row as the sheet says', { timeout: 60_000 }, async () => {
    const sheet = ticketSpreadsheet({ locale: 'en', rows: 3000 });
    write(sheet);
    const run = await importSheet();
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(
      /^imported 3000 of 3000 rows into out\/records\.jsonl: 6 agents, 3 groups, 3 organizations, \d+ customers, 3000 tickets, \d+ messages, \d+ csat\n$/,
    );
    await expectImportedAsWritten(sheet);
  });

  it('without dateOrder a numeric date is a bad cell that names the option; --date-order reads it', async () => {
    const sheet = ticketSpreadsheet({ locale: 'en', rows: 5 });
    const { dateOrder: _, ...mapping } = sheet.mapping;
    write(sheet, mapping);
    const run = await importSheet();
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'bad: sheet.csv line 2, column "Created at": a date written like 02/03/2026: set "dateOrder" in the mapping ("day-first" for 2 March, "month-first" for 3 February), or --date-order',
    );
    const fixed = await importSheet('--date-order', 'month-first');
    expect(fixed.code, fixed.stderr).toBe(0);
    await expectImportedAsWritten(sheet);
    // The option decides what 02/03/2026 is; --date-order wins over the mapping's dateOrder.
    writeFileSync(
      join(dir, 'one.csv'),
      'Ticket ID,Subject,Status,Requester,Created at\n1,s,open,c,02/03/2026 09:15\n',
    );
    const one = {
      id: 'Ticket ID',
      subject: 'Subject',
      status: 'Status',
      requesterId: 'Requester',
      createdAt: 'Created at',
    };
    writeFileSync(
      join(dir, 'one.json'),
      JSON.stringify({ kind: 'tickets', columns: one, timeZone: 'Europe/Rome', dateOrder: 'month-first' }),
    );
    for (const [order, iso] of [
      ['month-first', '2026-02-03T08:15:00.000Z'],
      ['day-first', '2026-03-02T08:15:00.000Z'],
    ] as const) {
      const out = `out-${order}`;
      const args = ['import', 'csv', 'one.csv', '--map', 'one.json', '--out', out];
      const read = await runCli(order === 'day-first' ? [...args, '--date-order', order] : args, {
        cwd: dir,
      });
      expect(read.code, read.stderr).toBe(0);
      expect((await readDataset(join(dir, out))).tickets[0]!.createdAt.toISOString()).toBe(iso);
    }
    const bad = await importSheet('--date-order', 'dmy');
    expect(bad.code).toBe(2);
    expect(bad.stderr.split('\n')[0]).toBe('supportkit: --date-order must be iso, day-first or month-first');
  });
});

describe('without a first-reply column', () => {
  it('writes no messages and says reply data is missing, rather than "unanswered"', async () => {
    const sheet = ticketSpreadsheet({ locale: 'it', rows: 20 });
    const { firstReplyMinutes: _, ...columns } = sheet.mapping.columns as Record<string, string>;
    write(sheet, { ...sheet.mapping, columns });
    const run = await importSheet('--json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).records.messages).toBeUndefined();
    expect(run.stderr).toBe(
      'note: no first-reply column is mapped (firstReplyAt or firstReplyMinutes): the records hold no reply data, so first reply times cannot be measured\n',
    );
    expect(readFileSync(join(dir, 'out', 'records.jsonl'), 'utf8')).not.toContain('"messages"');
  });
});
