import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './run.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'supportkit-mapping-'));
});

const HEADER = 'Numero;Oggetto;Stato;Cliente;Creato il';
const COLUMNS = {
  id: 'Numero',
  subject: 'Oggetto',
  status: 'Stato',
  requesterId: 'Cliente',
  createdAt: 'Creato il',
};

/** Imports `rows` (under `header`) with `mapping`; the records written, by kind. */
async function importRows(
  mapping: Record<string, unknown>,
  rows: string[],
  options: { header?: string; args?: string[]; out?: string } = {},
) {
  const out = options.out ?? 'out';
  writeFileSync(join(dir, 'in.csv'), `${[options.header ?? HEADER, ...rows].join('\r\n')}\r\n`);
  writeFileSync(join(dir, 'map.json'), JSON.stringify(mapping));
  const run = await runCli(
    ['import', 'csv', 'in.csv', '--map', 'map.json', '--out', out, ...(options.args ?? [])],
    { cwd: dir },
  );
  const byKind = new Map<string, Record<string, unknown>[]>();
  if (run.code === 0)
    for (const line of readFileSync(join(dir, out, 'records.jsonl'), 'utf8')
      .trim()
      .split('\n')) {
      const { kind, value } = JSON.parse(line);
      byKind.set(kind, [...(byKind.get(kind) ?? []), value]);
    }
  return { ...run, records: (kind: string) => byKind.get(kind) ?? [] };
}

const base = { kind: 'tickets', timeZone: 'Europe/Rome', dateOrder: 'day-first', columns: COLUMNS };

describe('the mapping file', () => {
  it.each([
    [{ ...base, timezone: 'UTC' }, '"timezone" is not a key it takes (did you mean "timeZone"?)'],
    [{ ...base, colums: {} }, '"colums" is not a key it takes (did you mean "columns"?)'],
    [{ ...base, dateorder: 'day-first' }, '"dateorder" is not a key it takes (did you mean "dateOrder"?)'],
    [{ ...base, __proto__x: 1 }, '"__proto__x" is not a key it takes; its keys are kind, columns, timeZone'],
    [
      { ...base, values: { stato: { 'Da fare': 'new' } } },
      'values."stato" is not a key it takes; its keys are status, priority, channel, csat',
    ],
    [
      { ...base, values: { priority: { Massima: 'urgent' } } },
      'values.priority is given but columns does not map priority to a column',
    ],
    [
      { ...base, values: { status: { 'Da fare': 'todo' } } },
      'values.status."Da fare" must be one of new, open, pending, hold, solved, closed, deleted',
    ],
    [
      { ...base, values: { status: { 'Da fare': 'new', 'DA FARE': 'open' } } },
      'values.status."DA FARE" is given twice with different values',
    ],
    [{ ...base, dateOrder: 'dmy' }, 'dateOrder must be "iso", "day-first"'],
    [{ ...base, decimalSeparator: ';' }, 'decimalSeparator must be "," or "."'],
    [{ ...base, decimalSeparator: ',', timeZone: 'Rome' }, 'timeZone (or --tz) must be an IANA time zone'],
    [
      { ...base, columns: { ...COLUMNS, firstReplyAt: 'Creato il', firstReplyMinutes: 'Creato il' } },
      'columns maps both firstReplyAt and firstReplyMinutes: keep one',
    ],
    [
      { ...base, columns: { ...COLUMNS, asigneeName: 'Cliente' } },
      'columns.asigneeName is not a tickets field (did you mean "assigneeName"?)',
    ],
  ])('refuses a slip, naming the key: %j', async (mapping, message) => {
    const run = await importRows(mapping, ['1;s;Aperto;c;02/03/2026 09:15']);
    expect(run.code).toBe(1);
    expect(run.stderr.split('\n')[0]).toContain(`supportkit: mapping map.json: ${message}`);
  });

  it('refuses "__proto__" as a key like any unknown one (JSON.parse makes it an own key)', async () => {
    writeFileSync(join(dir, 'in.csv'), `${HEADER}\n1;s;open;c;2026-03-02 09:15\n`);
    writeFileSync(
      join(dir, 'map.json'),
      `{"__proto__": {"kind": "tickets"}, "kind": "tickets", "columns": {}}`,
    );
    const run = await runCli(['import', 'csv', 'in.csv', '--map', 'map.json', '--out', 'out'], { cwd: dir });
    expect(run.stderr.split('\n')[0]).toContain('mapping map.json: "__proto__" is not a key it takes');
  });

  it('values maps the team’s own words, before the built-in ones, matching without case or accents', async () => {
    const run = await importRows(
      {
        ...base,
        columns: { ...COLUMNS, priority: 'Priorità', channel: 'Canale' },
        values: {
          status: { 'Da fare': 'new', Chiuso: 'Solved' },
          priority: { Massima: 'urgent' },
          channel: { 'Posta certificata': 'email' },
        },
      },
      [
        '1;s;DA FARE;c;02/03/2026 09:15;massima;PEC',
        '2;s;chiuso;c;02/03/2026 09:15;;posta certificata',
        '3;s;In attesa cliente;c;02/03/2026 09:15;Alta;Telefono',
      ],
      { header: `${HEADER};Priorità;Canale`, args: ['--lenient', '--json'] },
    );
    expect(run.code).toBe(0);
    expect(run.records('tickets').map((t) => [t.id, t.status, t.priority, t.channel])).toEqual([
      ['2', 'solved', null, 'email'],
      ['3', 'pending', 'high', 'phone'],
    ]);
    expect(JSON.parse(run.stdout).bad).toEqual([
      {
        line: 2,
        column: 'Canale',
        message:
          'not a channel word supportkit knows: map it in the mapping\'s "values": { "channel": { "<word>": "email" } }',
      },
    ]);
  });

  it('the issue’s statuses, in five languages, need no mapping', async () => {
    const words = [
      ['In corso', 'open'],
      ['In attesa cliente', 'pending'],
      ['Riaperto', 'open'],
      ['Completato', 'solved'],
      ['Annullato', 'closed'],
      ['Cancelled', 'closed'],
      ['Reopened', 'open'],
      ['En curso', 'open'],
      ['Completado', 'solved'],
      ['Cancelado', 'closed'],
      ['Rouvert', 'open'],
      ['Terminé', 'solved'],
      ['Annulé', 'closed'],
      ['Wieder geöffnet', 'open'],
      ['Abgeschlossen', 'solved'],
      ['Storniert', 'closed'],
    ];
    const run = await importRows(
      base,
      words.map(([word], index) => `${index};s;${word};c;02/03/2026 09:15`),
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.records('tickets').map((t) => t.status)).toEqual(words.map(([, status]) => status));
  });
});

describe('cells', () => {
  it('reads a decimal comma in a ; file, and says which separator it expected otherwise', async () => {
    const header = `${HEADER};Minuti`;
    const columns = { ...COLUMNS, firstReplyMinutes: 'Minuti' };
    const comma = await importRows({ ...base, columns }, ['1;s;Aperto;c;02/03/2026 09:15;37,5'], { header });
    expect(comma.code, comma.stderr).toBe(0);
    expect(comma.records('messages').map((m) => m.createdAt)).toEqual([
      '2026-03-02T08:15:00.000Z',
      '2026-03-02T08:52:30.000Z',
    ]);
    const point = await importRows({ ...base, columns }, ['1;s;Aperto;c;02/03/2026 09:15;37.5'], { header });
    expect(point.stderr.split('\n')[0]).toBe(
      'supportkit: in.csv line 2, column "Minuti": not a number with the decimal separator ",": set "decimalSeparator": "." in the mapping if the file uses "."',
    );
    const told = await importRows(
      { ...base, columns, decimalSeparator: '.' },
      ['1;s;Aperto;c;02/03/2026 09:15;37.5'],
      {
        header,
      },
    );
    expect(told.code, told.stderr).toBe(0);
  });

  it('splits tags on , ; or | when the cell has one, else on spaces; lower case, no #, no repeats', async () => {
    const run = await importRows(
      { ...base, columns: { ...COLUMNS, tags: 'Tag' } },
      [
        '1;s;Aperto;c;02/03/2026 09:15;"Fatturazione; #Rimborso urgente | fatturazione"',
        '2;s;Aperto;c;02/03/2026 09:15;login vip',
        '3;s;Aperto;c;02/03/2026 09:15;__proto__, constructor',
      ],
      { header: `${HEADER};Tag` },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.records('tickets').map((t) => t.tags)).toEqual([
      ['fatturazione', 'rimborso_urgente'],
      ['login', 'vip'],
      ['__proto__', 'constructor'],
    ]);
  });

  it('derives the requester from an e-mail or a name, and refuses a bad e-mail without echoing it', async () => {
    const columns = { ...COLUMNS, requesterName: 'Cliente', requesterEmail: 'Email' };
    delete (columns as Partial<typeof COLUMNS>).requesterId;
    const run = await importRows(
      { ...base, columns },
      [
        '1;s;Aperto;Ada Rossi;02/03/2026 09:15;Ada.Rossi@Example.com',
        '2;s;Aperto;Ada R.;03/03/2026 09:15;ada.rossi@example.com',
        '3;s;Aperto;Niccolò Bianchi;02/03/2026 09:15;',
        '4;s;Aperto;Eva;02/03/2026 09:15;eva-at-example',
      ],
      { header: `${HEADER};Email`, args: ['--lenient'] },
    );
    expect(run.code).toBe(0);
    expect(run.stderr.split('\n')[0]).toBe('skipped: in.csv line 5, column "Email": not an e-mail address');
    expect(run.records('tickets').map((t) => t.requesterId)).toEqual([
      'customer-ada.rossi@example.com',
      'customer-ada.rossi@example.com',
      'customer-niccolo-bianchi',
    ]);
    expect(run.records('customers')).toEqual([
      expect.objectContaining({
        id: 'customer-ada.rossi@example.com',
        name: 'Ada Rossi',
        identities: [{ kind: 'email', value: 'Ada.Rossi@Example.com', primary: true }],
        createdAt: '2026-03-02T08:15:00.000Z',
      }),
      expect.objectContaining({ id: 'customer-niccolo-bianchi', name: 'Niccolò Bianchi', identities: [] }),
    ]);
  });

  it('names agents, groups and organizations once each, by ids from their names; an assignee id column wins', async () => {
    const columns = {
      ...COLUMNS,
      assigneeName: 'Operatore',
      groupName: 'Gruppo',
      organizationName: 'Azienda',
    };
    const rows = [
      "1;s;Aperto;c;02/03/2026 09:15;Niccolò D'Angelo;Fatturazione;Rossi S.r.l.",
      "2;s;Aperto;c;02/03/2026 09:15;niccolo d'angelo;Fatturazione;",
      '3;s;Aperto;c;02/03/2026 09:15;;Assistenza;Rossi S.r.l.',
      '4;s;Aperto;c;02/03/2026 09:15;???;Assistenza;',
    ];
    const run = await importRows({ ...base, columns }, rows, {
      header: `${HEADER};Operatore;Gruppo;Azienda`,
      args: ['--lenient'],
    });
    expect(run.stderr.split('\n')[0]).toBe(
      'skipped: in.csv line 5, column "Operatore": a name with no letter or digit',
    );
    expect(run.records('agents')).toEqual([
      expect.objectContaining({ id: 'agent-niccolo-d-angelo', name: "Niccolò D'Angelo" }),
    ]);
    expect(run.records('groups').map((g) => [g.id, g.name])).toEqual([
      ['group-fatturazione', 'Fatturazione'],
      ['group-assistenza', 'Assistenza'],
    ]);
    expect(run.records('organizations').map((o) => o.id)).toEqual(['organization-rossi-s-r-l']);
    expect(run.records('tickets').map((t) => [t.assigneeId, t.groupId, t.organizationId])).toEqual([
      ['agent-niccolo-d-angelo', 'group-fatturazione', 'organization-rossi-s-r-l'],
      ['agent-niccolo-d-angelo', 'group-fatturazione', null],
      [null, 'group-assistenza', 'organization-rossi-s-r-l'],
    ]);
    const withIds = await importRows(
      { ...base, columns: { ...COLUMNS, assigneeId: 'Id operatore', assigneeName: 'Operatore' } },
      ['1;s;Aperto;c;02/03/2026 09:15;a-17;Marco'],
      { header: `${HEADER};Id operatore;Operatore`, out: 'out-ids' },
    );
    expect(withIds.records('agents').map((a) => [a.id, a.name])).toEqual([['a-17', 'Marco']]);
  });

  it('refuses a repeated id, and records nothing the repeated row names', async () => {
    const run = await importRows(
      { ...base, columns: { ...COLUMNS, assigneeName: 'Operatore' } },
      [
        '7;s;Aperto;c;02/03/2026 09:15;Marco',
        '8;s;Aperto;c;02/03/2026 09:15;Marco',
        '7;s;Aperto;c;02/03/2026 09:15;Eva',
      ],
      { header: `${HEADER};Operatore`, args: ['--lenient'] },
    );
    expect(run.stderr.split('\n')[0]).toBe('skipped: in.csv line 4, column "Numero": the same id as line 2');
    expect(run.records('tickets').map((t) => t.id)).toEqual(['7', '8']);
    expect(run.records('agents').map((a) => a.name)).toEqual(['Marco']);
  });

  it('ties CSAT, NPS and CES answers to the ticket, dated when it was solved', async () => {
    const columns = {
      ...COLUMNS,
      solvedAt: 'Risolto il',
      csat: 'Soddisfazione',
      nps: 'NPS',
      ces: 'CES',
      assigneeName: 'Operatore',
    };
    const run = await importRows(
      { ...base, columns, values: { csat: { 'Abbastanza soddisfatto': 4 } } },
      [
        '1;s;Risolto;c-1;02/03/2026 09:15;03/03/2026 10:00;Molto soddisfatto;9 - molto probabile;6;Marco',
        '2;s;Risolto;c-2;02/03/2026 09:15;03/03/2026 10:00;2;3 - per niente;;',
        '3;s;Risolto;c-3;02/03/2026 09:15;03/03/2026 10:00;abbastanza soddisfatto;;;',
        '4;s;Risolto;c-4;02/03/2026 09:15;03/03/2026 10:00;boh;11;8;',
      ],
      { header: `${HEADER};Risolto il;Soddisfazione;NPS;CES;Operatore`, args: ['--lenient', '--json'] },
    );
    expect(run.code).toBe(0);
    expect(run.records('csat')).toEqual([
      {
        id: '1#csat',
        ticketId: '1',
        customerId: 'c-1',
        agentId: 'agent-marco',
        createdAt: '2026-03-03T09:00:00.000Z',
        rating: 'good',
      },
      expect.objectContaining({ id: '2#csat', rating: 2, agentId: null }),
      expect.objectContaining({ id: '3#csat', rating: 4 }),
    ]);
    expect(run.records('nps').map((n) => [n.ticketId, n.score])).toEqual([
      ['1', 9],
      ['2', 3],
    ]);
    expect(run.records('ces').map((n) => [n.ticketId, n.score])).toEqual([['1', 6]]);
    expect(JSON.parse(run.stdout).bad.map((b: { column: string }) => b.column)).toEqual([
      'Soddisfazione',
      'NPS',
      'CES',
    ]);
  });

  it('an export without "updated at" gets the latest date of the row; a first reply before creation is bad', async () => {
    const columns = { ...COLUMNS, solvedAt: 'Risolto il', firstReplyAt: 'Prima risposta' };
    const run = await importRows(
      { ...base, columns },
      [
        '1;s;Risolto;c;02/03/2026 09:15;03/03/2026 10:00;02/03/2026 09:40',
        '2;s;Aperto;c;02/03/2026 09:15;;02/03/2026 11:40',
        '3;s;Aperto;c;02/03/2026 09:15;;02/03/2026 09:00',
      ],
      { header: `${HEADER};Risolto il;Prima risposta`, args: ['--lenient'] },
    );
    expect(run.stderr).toBe(
      'skipped: in.csv line 4, column "Prima risposta": the first reply is before the ticket was created\n',
    );
    expect(run.records('tickets').map((t) => t.updatedAt)).toEqual([
      '2026-03-03T09:00:00.000Z',
      '2026-03-02T10:40:00.000Z',
    ]);
    expect(run.records('messages').map((m) => [m.id, m.authorRole, m.authorId])).toEqual([
      ['1#opened', 'end-user', 'c'],
      ['1#first-reply', 'agent', 'unknown-agent'],
      ['2#opened', 'end-user', 'c'],
      ['2#first-reply', 'agent', 'unknown-agent'],
    ]);
  });

  it('survey exports read labelled NPS answers and day-first dates', async () => {
    const run = await importRows(
      {
        kind: 'nps',
        timeZone: 'Europe/Rome',
        dateOrder: 'day-first',
        columns: { id: 'Id', customerId: 'Cliente', score: 'Voto', createdAt: 'Data' },
      },
      [
        'r1;c1;10 - estremamente probabile;02/03/2026',
        'r2;c2;3 - per niente;03/03/2026',
        'r3;c3;;03/03/2026',
        // A label is short: a long one is not read (the label pattern is not linear in runs of spaces).
        `r4;c4;9${' '.repeat(100)}x;03/03/2026`,
      ],
      { header: 'Id;Cliente;Voto;Data', args: ['--lenient'] },
    );
    const lines = run.stderr.split('\n');
    expect(lines[0]).toMatch(/^skipped: in\.csv line 4, column "Voto": \S/);
    expect(lines[1]).toBe(
      'skipped: in.csv line 5, column "Voto": expected a whole number 0..10 (a label after it is fine: 9 - very likely)',
    );
    expect(run.records('nps').map((n) => [n.score, n.createdAt])).toEqual([
      [10, '2026-03-01T23:00:00.000Z'],
      [3, '2026-03-02T23:00:00.000Z'],
    ]);
  });
});
