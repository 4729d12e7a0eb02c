import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isSupportedCountry } from 'libphonenumber-js';
import { customerCard } from '../../care/card/customer-card.js';
import { addCardNote } from '../../care/card/notes.js';
import { renderCard } from '../../care/card/render.js';
import { buildCardIndex, type CardIndex, type CardQuery } from '../../care/identity/card-index.js';
import { type Dataset, datasetRecords } from '../../models/dataset.js';
import { isIanaTimeZone } from '../../models/primitives.js';
import { readDataset } from '../../sync/dataset.js';
import { checkpointAdapter, RECORDS_FILE } from '../../sync/folder.js';
import { saveFolderNote } from '../../sync/folder-notes.js';
import { type ParsedArgs, stringOption } from '../args.js';
import { CommandError, UsageError } from '../errors.js';
import { writeResult } from '../output.js';
import type { CommandRun } from '../registry.js';
import { instantOption } from '../report-options.js';

const HINT = 'supportkit card --help';

/** The lookup the flags name: exactly one of --email, --phone, --ticket. */
function queryOf(values: ParsedArgs['values']): { query: CardQuery; what: string } {
  const email = stringOption(values, 'email', 'card');
  const phone = stringOption(values, 'phone', 'card');
  const ticket = stringOption(values, 'ticket', 'card');
  const adapter = stringOption(values, 'adapter', 'card');
  const given = [email, phone, ticket].filter((v) => v !== undefined);
  if (given.length !== 1)
    throw new UsageError('card needs exactly one of --email, --phone or --ticket', HINT);
  if (email !== undefined) return { query: { email }, what: 'e-mail address' };
  if (phone !== undefined) return { query: { phone }, what: 'phone number' };
  return {
    query: { ticketId: ticket!, ...(adapter !== undefined ? { adapter } : {}) },
    what: 'ticket',
  };
}

/** The folders named on the command line, read; each must be what sync or import wrote. */
async function readFolders(cwd: string, positionals: readonly string[]) {
  const folders: { dir: string; shown: string; dataset: Dataset; adapter: string }[] = [];
  for (const shown of positionals) {
    const dir = resolve(cwd, shown);
    if (!existsSync(dir) || !statSync(dir).isDirectory() || !existsSync(join(dir, RECORDS_FILE)))
      throw new CommandError(
        `${shown} is not a synced folder (no ${RECORDS_FILE})`,
        `write one with: supportkit sync <adapter> --out ${shown}`,
        'file_error',
      );
    const dataset = await readDataset(dir);
    const adapter =
      checkpointAdapter(dir) ?? dataset.tickets.find((t) => t.source)?.source?.adapter ?? 'default';
    folders.push({ dir, shown, dataset, adapter });
  }
  return folders;
}

/** The one card the query names, or a CommandError that says why there is none (never the identity itself). */
function cardOf(index: CardIndex, query: CardQuery, what: string, hint?: string): string {
  const cardId = index.find(query);
  if (cardId !== undefined) return cardId;
  const all = index.findAll(query);
  if (all.length > 1)
    throw new CommandError(
      `this ${what} is shared by ${all.length} customer cards (a front desk, a shared inbox): no one card`,
      'look the customer up by another identity or by a ticket',
      'not_found',
    );
  throw new CommandError(
    `no customer card holds this ${what}`,
    hint ?? 'check the value, or sync the folder again',
    'not_found',
  );
}

/**
 * `supportkit card <dir…> --email … | --phone … | --ticket …`: a customer's card from one or several synced
 * folders (records from several helpdesks join by shared identities), as text, Markdown, HTML or JSON; with
 * `--note`, a signed note appended to the folder that holds the customer.
 *
 * @example
 * ```ts
 * await cardCommand(context);
 * ```
 */
export const cardCommand: CommandRun = async (context) => {
  const { io, args, json, log } = context;
  if (args.positionals.length === 0)
    throw new UsageError('card needs a synced folder', 'supportkit card helpdesk/ --email ada@example.com');
  const { query, what } = queryOf(args.values);
  const format = json ? 'json' : (stringOption(args.values, 'format', 'card') ?? 'text');
  if (format !== 'text' && format !== 'md' && format !== 'html' && format !== 'json')
    throw new UsageError('--format must be text, md, html or json', HINT);
  const locale = stringOption(args.values, 'locale', 'card') ?? 'en';
  if (!/^(it|en)(-[A-Za-z]{2})?$/.test(locale)) throw new UsageError('--locale must be it or en', HINT);
  const timeZone = stringOption(args.values, 'tz', 'card') ?? 'UTC';
  if (!isIanaTimeZone(timeZone))
    throw new UsageError(`--tz ${timeZone} is not an IANA time zone (e.g. Europe/Rome)`, HINT);
  const asOfText = stringOption(args.values, 'as-of', 'card');
  const asOf = asOfText === undefined ? Date.now() : instantOption(asOfText, timeZone, 'as-of');
  const region = stringOption(args.values, 'region', 'card');
  if (region !== undefined && !isSupportedCountry(region.toUpperCase()))
    throw new UsageError('--region must be a country code with a phone plan, such as IT', HINT);
  const noteText = stringOption(args.values, 'note', 'card');
  const author = stringOption(args.values, 'author', 'card');
  if (noteText !== undefined && (author === undefined || author.trim() === ''))
    throw new UsageError('--note needs --author: a note is signed by who wrote it', HINT);

  const folders = await readFolders(io.cwd, args.positionals);
  const records = folders.flatMap((f) => [...datasetRecords(f.dataset)]);
  const index = await buildCardIndex(records, {
    trusted: true,
    ...(region ? { defaultRegion: region.toUpperCase() } : {}),
    ...(folders.length === 1 ? { adapter: folders[0]!.adapter } : {}),
  });
  // What to try when nothing is found: the option this lookup depends on.
  const adapters = [...new Set(folders.map((f) => f.adapter))];
  const hint =
    'ticketId' in query && !('adapter' in query) && adapters.length > 1
      ? `with several folders say whose ticket it is: --adapter ${adapters.join(' | ')}`
      : 'phone' in query && region === undefined
        ? 'a number without its +country prefix needs --region (e.g. --region IT)'
        : undefined;
  let card = customerCard(index, cardOf(index, query, what, hint), { asOf });
  if (noteText !== undefined) {
    card = addCardNote(card, { authorId: author!, authorName: author!, body: noteText, at: new Date() });
    const note = card.notes.at(-1)!;
    const held = new Set(card.records.map((r) => `${r.adapter}\u0000${r.id}`));
    const home =
      folders.find((f) =>
        f.dataset.customers.some((c) => held.has(`${c.sources[0]?.adapter ?? f.adapter}\u0000${c.id}`)),
      ) ?? folders[0]!;
    saveFolderNote(home.dir, card, note.id);
    log(`note ${note.id} saved in ${home.shown}`);
  }
  const text =
    format === 'json'
      ? `${JSON.stringify(card, null, 2)}\n`
      : renderCard(card, { format: format === 'md' ? 'markdown' : format, locale, timeZone });
  writeResult(context, text.endsWith('\n') ? text : `${text}\n`, stringOption(args.values, 'out', 'card'));
  return 0;
};
