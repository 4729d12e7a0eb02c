import type { DatasetRecord } from '../../models/dataset.js';
import type { Message } from '../../models/message.js';
import { safeParse } from '../../models/parse.js';
import type { CesResponse, CsatResponse, NpsResponse } from '../../models/survey.js';
import type { Ticket } from '../../models/ticket.js';
import { type CellValue, isCellError, readCell } from './cells.js';
import { FIELDS, MODELS, TICKET_EXTRAS } from './fields.js';
import type { CsvMapping } from './mapping.js';
import { idFromName, isEmail, type PeopleBook, peopleBook } from './people.js';
import type { BadCell, CsvRow } from './read.js';

/** What one row gave: its records, or the cells that stop it. */
export type RowResult = { records: DatasetRecord[] } | { bad: BadCell[] };

/** The ticket fields a row's extra columns fill in, to blame the right column when the model refuses them. */
const DERIVED_FROM: ReadonlyMap<string, readonly string[]> = new Map([
  ['requesterId', ['requesterEmail', 'requesterName']],
  ['assigneeId', ['assigneeName']],
  ['groupId', ['groupName']],
  ['organizationId', ['organizationName']],
  ['updatedAt', ['createdAt']],
]);

/**
 * Rows of one CSV export into records. A ticket row gives its ticket and, from the columns a ticket export
 * has, the records the metrics read: with a first reply (`firstReplyAt`, or `firstReplyMinutes` after creation)
 * the ticket's two public messages (the requester's at creation, the agent's reply), so `firstReplyTime` gives
 * exactly the exported time under either definition; agents, groups and organizations by name (ids from the
 * names) and the requester as a customer (by e-mail or name); CSAT, NPS and CES answers tied to the ticket. A row
 * is all or nothing: a bad cell stops the whole row, and nothing it names (an agent, a customer) is kept.
 *
 * @example
 * ```ts
 * const importer = csvImporter(mapping);
 * for (const row of rows) importer.add(row);
 * const records = [...importer.records()];
 * ```
 */
export function csvImporter(mapping: CsvMapping) {
  const people = peopleBook();
  const kept: DatasetRecord[] = [];
  /** The line of each id imported so far: a second row with the same id is a slip (a pasted row, two exports). */
  const ids = new Map<string, number>();
  const counts = new Map<string, number>();
  const count = (kind: string, n = 1) => counts.set(kind, (counts.get(kind) ?? 0) + n);
  return {
    /** Reads one row; its records are kept when it is good. */
    add(row: CsvRow): RowResult {
      const result: { records: DatasetRecord[]; remember?: () => void } | { bad: BadCell[] } =
        mapping.kind === 'tickets' ? ticketRow(row, mapping, people) : surveyRow(row, mapping);
      if ('records' in result) {
        const id = (result.records[0]!.value as { id: string }).id;
        const first = ids.get(id);
        if (first !== undefined)
          return { bad: [badCell(row, mapping.columns.get('id')!, `the same id as line ${first}`)] };
        ids.set(id, row.line);
        result.remember?.();
        for (const record of result.records) {
          kept.push(record);
          count(record.kind);
        }
        return { records: result.records };
      }
      return result;
    },
    /** How many records of each kind, people included. */
    counts(): Record<string, number> {
      const out: Record<string, number> = Object.create(null);
      for (const [kind, n] of Object.entries(people.counts())) if (n > 0) out[kind] = n;
      for (const [kind, n] of counts) out[kind] = n;
      return out;
    },
    /** The people first (so a reader meets an agent before the tickets that name it), then the rows' records. */
    *records(): Generator<DatasetRecord> {
      yield* people.records();
      yield* kept;
    },
  };
}

/** The row's mapped cells read by kind: blank cells are missing (left out), never 0 or an empty string. */
function readRow(row: CsvRow, mapping: CsvMapping): { values: Map<string, CellValue>; bad: BadCell[] } {
  const fields = FIELDS[mapping.kind];
  const values = new Map<string, CellValue>();
  const bad: BadCell[] = [];
  for (const [field, column] of mapping.columns) {
    const cell = row.cells.get(column) ?? '';
    if (cell === '') continue;
    const value = readCell(fields[field]!, cell, field, mapping);
    if (isCellError(value)) bad.push(badCell(row, column, value.error));
    else values.set(field, value);
  }
  return { values, bad };
}

const badCell = (row: CsvRow, column: string, message: string): BadCell =>
  row.row === row.line
    ? { line: row.line, column, message }
    : { line: row.line, row: row.row, column, message };

/** The issues of a model that refused the row, each at the column of its field (or of what it was made from). */
function modelIssues(
  row: CsvRow,
  mapping: CsvMapping,
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): BadCell[] {
  return issues.map((issue) => {
    const field = String(issue.path[0] ?? '');
    const from = [field, ...(DERIVED_FROM.get(field) ?? [])].find((name) => mapping.columns.has(name));
    const column = from === undefined ? `(${field || 'row'}: not mapped)` : mapping.columns.get(from)!;
    return badCell(row, column, issue.message);
  });
}

function surveyRow(row: CsvRow, mapping: CsvMapping): RowResult {
  const { values, bad } = readRow(row, mapping);
  if (bad.length > 0) return { bad };
  const value: Record<string, unknown> = Object.fromEntries(values);
  if (mapping.kind === 'csat' && !('rating' in value)) value.rating = null; // asked, unanswered
  const parsed = safeParse(MODELS[mapping.kind], value, `CSV line ${row.line}`);
  if (parsed.success) return { records: [{ kind: mapping.kind, value: parsed.data } as DatasetRecord] };
  return { bad: modelIssues(row, mapping, parsed.error.issues) };
}

/** A name cell's id (`agent-marco-rossi`), or a bad cell when the name has no letter or digit. */
function namedId(
  values: Map<string, CellValue>,
  nameField: string,
  prefix: string,
): { id: string; name: string } | { error: string } | undefined {
  const name = values.get(nameField) as string | undefined;
  if (name === undefined) return undefined;
  const id = idFromName(prefix, name);
  return id === null ? { error: 'a name with no letter or digit' } : { id, name };
}

const NAMED = [
  ['assigneeId', 'assigneeName', 'agent', 'agents'],
  ['groupId', 'groupName', 'group', 'groups'],
  ['organizationId', 'organizationName', 'organization', 'organizations'],
] as const;

function ticketRow(
  row: CsvRow,
  mapping: CsvMapping,
  people: PeopleBook,
): { records: DatasetRecord[]; remember: () => void } | { bad: BadCell[] } {
  const { values, bad } = readRow(row, mapping);
  const value: Record<string, unknown> = {};
  for (const [field, read] of values) if (!Object.hasOwn(TICKET_EXTRAS, field)) value[field] = read;
  const names: [kind: (typeof NAMED)[number][3], id: string, name: string][] = [];
  for (const [idField, nameField, prefix, kind] of NAMED) {
    const named = namedId(values, nameField, prefix);
    if (named === undefined) continue;
    if ('error' in named) {
      bad.push(badCell(row, mapping.columns.get(nameField)!, named.error));
      continue;
    }
    value[idField] ??= named.id;
    names.push([kind, value[idField] as string, named.name]);
  }
  const email = values.get('requesterEmail') as string | undefined;
  if (email !== undefined && !isEmail(email))
    bad.push(badCell(row, mapping.columns.get('requesterEmail')!, 'not an e-mail address'));
  const requesterName = values.get('requesterName') as string | undefined;
  if (value.requesterId === undefined) {
    if (email !== undefined) value.requesterId = `customer-${email.toLowerCase()}`;
    else if (requesterName !== undefined) {
      const id = idFromName('customer', requesterName);
      if (id === null)
        bad.push(badCell(row, mapping.columns.get('requesterName')!, 'a name with no letter or digit'));
      else value.requesterId = id;
    }
  }
  if (bad.length > 0) return { bad };

  const created = (values.get('createdAt') as Date | undefined)?.getTime();
  const minutes = values.get('firstReplyMinutes') as number | undefined;
  const repliedAt =
    minutes !== undefined && created !== undefined
      ? Math.round(created + minutes * 60_000)
      : (values.get('firstReplyAt') as Date | undefined)?.getTime();
  if (value.updatedAt === undefined && created !== undefined) {
    // An export without "updated at": the latest thing the row says happened.
    const solved = (values.get('solvedAt') as Date | undefined)?.getTime() ?? created;
    value.updatedAt = new Date(Math.max(created, solved, repliedAt ?? created));
  }
  const parsed = safeParse(MODELS.tickets, value, `CSV line ${row.line}`);
  if (!parsed.success) return { bad: modelIssues(row, mapping, parsed.error.issues) };
  const ticket = parsed.data as Ticket;
  if (repliedAt !== undefined && repliedAt < ticket.createdAt.getTime())
    return {
      bad: [
        badCell(
          row,
          mapping.columns.get('firstReplyAt') ?? mapping.columns.get('firstReplyMinutes')!,
          'the first reply is before the ticket was created',
        ),
      ],
    };

  // The people it names are kept only once the row is: not for a row refused later (a repeated id).
  const remember = () => {
    for (const [kind, id, name] of names) people.name(kind, id, name);
    if (email !== undefined || requesterName !== undefined)
      people.requester(
        ticket.requesterId,
        { name: requesterName, email, organizationId: ticket.organizationId },
        ticket.createdAt.getTime(),
      );
  };
  return {
    remember,
    records: [
      { kind: 'tickets', value: ticket },
      ...replyMessages(ticket, mapping, repliedAt),
      ...surveyAnswers(ticket, values),
    ],
  };
}

/**
 * The messages that make `firstReplyTime` give the exported first reply: the requester's public message at
 * creation (so the reply is not read as an agent opening the ticket) and, when there was a reply, the agent's
 * public message then. Their bodies are empty: the export has the times, not the words. None when the mapping has
 * no first-reply column, so that "no reply data" stays distinguishable from "no replies".
 */
function replyMessages(ticket: Ticket, mapping: CsvMapping, repliedAt: number | undefined): DatasetRecord[] {
  if (!mapping.columns.has('firstReplyAt') && !mapping.columns.has('firstReplyMinutes')) return [];
  const message = (id: string, authorId: string, role: Message['authorRole'], at: Date): DatasetRecord => ({
    kind: 'messages',
    value: {
      id: `${ticket.id}#${id}`,
      ticketId: ticket.id,
      authorId,
      authorRole: role,
      public: true,
      body: '',
      channel: ticket.channel,
      createdAt: at,
      attachments: [],
    },
  });
  const out = [message('opened', ticket.requesterId, 'end-user', ticket.createdAt)];
  if (repliedAt !== undefined)
    out.push(message('first-reply', ticket.assigneeId ?? 'unknown-agent', 'agent', new Date(repliedAt)));
  return out;
}

/**
 * The ticket's survey answers (CSAT, NPS, CES cells), from its requester about its assignee. An export gives no
 * answer time: they are dated when the ticket was solved (else last updated), when such surveys are sent.
 */
function surveyAnswers(ticket: Ticket, values: Map<string, CellValue>): DatasetRecord[] {
  const base = {
    ticketId: ticket.id,
    customerId: ticket.requesterId,
    agentId: ticket.assigneeId,
    createdAt: ticket.solvedAt ?? ticket.updatedAt,
  };
  const out: DatasetRecord[] = [];
  const rating = values.get('csat') as CsatResponse['rating'] | undefined;
  if (rating !== undefined)
    out.push({ kind: 'csat', value: { id: `${ticket.id}#csat`, ...base, rating } satisfies CsatResponse });
  const nps = values.get('nps') as number | undefined;
  if (nps !== undefined)
    out.push({ kind: 'nps', value: { id: `${ticket.id}#nps`, ...base, score: nps } satisfies NpsResponse });
  const ces = values.get('ces') as number | undefined;
  if (ces !== undefined)
    out.push({ kind: 'ces', value: { id: `${ticket.id}#ces`, ...base, score: ces } satisfies CesResponse });
  return out;
}
