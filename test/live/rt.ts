/**
 * The throwaway Request Trackers the live tests run against (scripts/rt-server.sh): where they are, whether they
 * answer, and seeding them with the contract suite's helpdesk. RT stamps every record with "now" and with the API
 * user, so after writing the seed through REST2 the harness backdates it and sets its authors in RT's SQLite
 * database — the only way to give a real server the seed's history.
 *
 * Two servers: the stock one (RT exactly as Debian installs it: no custom fields, no rights beyond RT's own), which
 * every live test runs against, and a variant with a "Tags" custom field and owner rights for privileged users
 * (scripts/rt-initialdata.pl), which the contract suite also covers.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { priorityToRt, statusToRt } from '../../src/adapters/request-tracker/map.js';
import type { Dataset } from '../../src/index.js';

/** One script-managed server: its REST2 root, its database and its state folder. */
export interface RtServer {
  label: string;
  url: string;
  db: string;
  state: string;
}

const serverAt = (label: string, port: number, stateDir: string | undefined, fallback: string): RtServer => {
  const state = stateDir ?? fileURLToPath(new URL(`../../${fallback}`, import.meta.url));
  return { label, url: `http://127.0.0.1:${port}`, db: `${state}/rtdb`, state };
};

/** RT as Debian ships it (scripts/rt-server.sh start). */
export const stockRt = serverAt(
  'stock',
  Number(process.env.RT_PORT ?? 8089),
  process.env.RT_STATE_DIR,
  '.rt',
);
/**
 * RT with a Tags custom field and owner rights (RT_PORT=8090 RT_STATE_DIR=.rt-variant
 * RT_INITIAL_DATA=scripts/rt-initialdata.pl scripts/rt-server.sh start).
 */
export const variantRt = serverAt(
  'with Tags field and owner rights',
  Number(process.env.RT_VARIANT_PORT ?? 8090),
  process.env.RT_VARIANT_STATE_DIR,
  '.rt-variant',
);
const AUTH = `Basic ${Buffer.from('root:password').toString('base64')}`;

/** Whether the script-managed RT answers on REST2 (and its database is where the harness can backdate it). */
export async function rtAvailable(server: RtServer): Promise<boolean> {
  try {
    const response = await fetch(`${server.url}/REST/2.0/rt`, { headers: { authorization: AUTH } });
    return response.ok && existsSync(server.db);
  } catch {
    return false;
  }
}

/** One REST2 call as root; a failure throws with the status and the start of the answer. */
export async function rest<T = Record<string, unknown>>(
  server: RtServer,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${server.url}/REST/2.0${path}`, {
    method,
    headers: { authorization: AUTH, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`RT ${method} ${path}: HTTP ${response.status} ${text.slice(0, 200)}`);
  return JSON.parse(text) as T;
}

/** Runs SQL statements against RT's database (perl's DBI ships with RT's SQLite package). */
function sql(server: RtServer, statements: [string, ...(string | number)[]][]) {
  const script = `
    use DBI; use JSON::PP;
    my $d = DBI->connect("dbi:SQLite:dbname=$ARGV[0]", "", "", { RaiseError => 1, AutoCommit => 0 });
    my $all = decode_json(do { local $/; <STDIN> });
    $d->do(shift @$_, undef, @$_) for @$all;
    $d->commit;`;
  execFileSync('perl', ['-e', script, server.db], { input: JSON.stringify(statements) });
}
const sqlTime = (d: Date) => d.toISOString().slice(0, 19).replace('T', ' ');

let run = 0;

/**
 * Writes the seed into RT in a queue of its own (so lists and the change feed see only this seed), and returns
 * that queue's name and the seed-id → RT-id map. RT users cannot be deleted and e-mail addresses are unique: a
 * seed user that exists already is reset to the seed (so a server's users do not grow with every test, and a
 * change feed from the beginning stays short), and any other user holding one of the seed's addresses is
 * "retired" (renamed, unprivileged, disabled).
 */
export async function seedRt(
  server: RtServer,
  seed: Dataset,
): Promise<{ queue: string; ids: Map<string, string> }> {
  const ids = new Map<string, string>();
  const queue = `contract-${process.pid}-${Date.now()}-${++run}`;
  await rest(server, 'POST', '/queue', { Name: queue });
  const names = [
    ...seed.customers.map((c) => c.identities.find((i) => i.kind === 'email')?.value),
    ...seed.agents.map((a) => a.email),
    ...seed.agents.map((a) => a.email?.split('@')[0]),
    'cy@example.com',
  ].filter((e): e is string => Boolean(e));
  // The seed's users by name (customers by address, agents by the address's local part), as the seed has them.
  const wanted = new Map<string, { seedId: string; fields: Record<string, unknown> }>();
  for (const c of seed.customers) {
    const email = c.identities.find((i) => i.kind === 'email')!.value;
    wanted.set(email, { seedId: c.id, fields: { EmailAddress: email, RealName: c.name, Privileged: 0 } });
  }
  for (const a of seed.agents)
    wanted.set(a.email!.split('@')[0]!, {
      seedId: a.id,
      fields: { EmailAddress: a.email, RealName: a.name, Privileged: 1 },
    });
  const retire = new Set<string>();
  for (const name of new Set(names)) {
    const query = name.includes('@')
      ? [{ field: 'EmailAddress', operator: 'LIKE', value: name }]
      : [{ field: 'Name', value: name }];
    // Collection items name users by Name.
    for (const user of (await rest<{ items: { id: string }[] }>(server, 'POST', '/users', query)).items)
      retire.add(user.id);
    if (name.includes('@')) {
      const byName = await fetch(`${server.url}/REST/2.0/user/${encodeURIComponent(name)}`, {
        headers: { authorization: AUTH },
      });
      if (byName.ok) retire.add(name);
    }
  }
  for (const name of wanted.keys()) retire.delete(name);
  // RT stamps users and queues with now; the change feed reads again what changed in the last seconds. The seed's
  // people and queues are dated back to the seed's own times (below), retired users and the queue to its start.
  const past = sqlTime(
    new Date(Math.min(...[...seed.customers, ...seed.tickets].map((r) => r.createdAt.getTime()))),
  );
  const statements: [string, ...(string | number)[]][] = [];
  for (const user of retire) {
    const found = await fetch(`${server.url}/REST/2.0/user/${encodeURIComponent(user)}`, {
      headers: { authorization: AUTH },
    });
    if (!found.ok) continue;
    const numeric = ((await found.json()) as { id: number }).id;
    await rest(server, 'PUT', `/user/${numeric}`, {
      Name: `retired-${numeric}`,
      EmailAddress: `retired-${numeric}@invalid.test`,
      Privileged: 0,
      Disabled: 1,
    });
    statements.push(['update Users set LastUpdated = ? where id = ?', past, numeric]);
  }
  for (const [name, { seedId, fields }] of wanted) {
    const found = await fetch(`${server.url}/REST/2.0/user/${encodeURIComponent(name)}`, {
      headers: { authorization: AUTH },
    });
    if (found.ok) {
      // Everything a test may have changed, back to the seed.
      const blank = {
        Comments: '',
        MobilePhone: '',
        WorkPhone: '',
        HomePhone: '',
        PagerPhone: '',
        Lang: '',
        Timezone: '',
      };
      await rest(server, 'PUT', `/user/${encodeURIComponent(name)}`, { ...blank, ...fields, Disabled: 0 });
    } else await rest(server, 'POST', '/user', { Name: name, ...fields });
    ids.set(seedId, name);
    const customer = seed.customers.find((c) => c.id === seedId);
    statements.push([
      'update Users set Created = ?, LastUpdated = ? where Name = ?',
      customer ? sqlTime(customer.createdAt) : past,
      customer ? sqlTime(customer.updatedAt ?? customer.createdAt) : past,
      name,
    ]);
  }
  for (const g of seed.groups) {
    const found = await rest<{ items: { id: string }[] }>(server, 'POST', '/queues', [
      { field: 'Name', value: g.name },
    ]);
    const id =
      found.items[0]?.id ?? (await rest<{ id: string }>(server, 'POST', '/queue', { Name: g.name })).id;
    ids.set(g.id, String(id));
    statements.push(['update Queues set Created = ?, LastUpdated = ? where id = ?', past, past, String(id)]);
  }
  statements.push(['update Queues set Created = ?, LastUpdated = ? where Name = ?', past, past, queue]);
  const userId = (name: string) =>
    execFileSync('perl', [
      '-MDBI',
      '-e',
      'my $d=DBI->connect("dbi:SQLite:dbname=$ARGV[0]","","",{RaiseError=>1}); print $d->selectrow_array("select id from Users where Name=?", undef, $ARGV[1]);',
      server.db,
      name,
    ]).toString();
  for (const t of seed.tickets) {
    const opening = seed.messages.find((m) => m.ticketId === t.id && m.authorId === t.requesterId);
    const created = await rest<{ id: string }>(server, 'POST', '/ticket', {
      Queue: queue,
      Subject: t.subject,
      Requestor: ids.get(t.requesterId),
      Priority: priorityToRt(t.priority),
      CustomFields: { Tags: t.tags },
      ...(opening ? { Content: opening.body, ContentType: 'text/plain' } : {}),
    });
    const ticketId = String(created.id);
    ids.set(t.id, ticketId);
    const requester = userId(ids.get(t.requesterId)!);
    statements.push(
      [
        'update Tickets set Created = ?, LastUpdated = ?, Creator = ? where id = ?',
        sqlTime(t.createdAt),
        sqlTime(t.updatedAt),
        requester,
        ticketId,
      ],
      [
        "update Tickets set Resolved = ? where id = ? and Status = 'resolved'",
        sqlTime(t.updatedAt),
        ticketId,
      ],
      [
        "update Transactions set Created = ?, Creator = ? where ObjectType = 'RT::Ticket' and ObjectId = ?",
        sqlTime(t.createdAt),
        requester,
        ticketId,
      ],
    );
    for (const [index, m] of seed.messages.filter((m) => m.ticketId === t.id && m !== opening).entries()) {
      await rest(server, 'POST', `/ticket/${ticketId}/${m.public ? 'correspond' : 'comment'}`, {
        Content: m.body,
        ContentType: 'text/plain',
      });
      statements.push([
        "update Transactions set Created = ?, Creator = ? where id = (select id from Transactions where ObjectType = 'RT::Ticket' and ObjectId = ? and Type in ('Correspond', 'Comment') order by id limit 1 offset ?)",
        sqlTime(m.createdAt),
        userId(ids.get(m.authorId)!),
        ticketId,
        index,
      ]);
    }
    // The status last: a reply to a resolved ticket would reopen it.
    if (statusToRt(t.status) !== 'new')
      await rest(server, 'PUT', `/ticket/${ticketId}`, { Status: statusToRt(t.status) });
    statements.push(
      ['update Tickets set LastUpdated = ? where id = ?', sqlTime(t.updatedAt), ticketId],
      [
        "update Transactions set Created = ? where ObjectType = 'RT::Ticket' and ObjectId = ? and Type = 'Status'",
        sqlTime(t.updatedAt),
        ticketId,
      ],
    );
  }
  sql(server, statements);
  return { queue, ids };
}

/** Mints an RT auth token for root with RT's own API (tokens are made in RT's web UI otherwise). */
export function rtAuthToken(server: RtServer): string {
  const script = `
    use lib '/usr/share/request-tracker5/lib';
    use RT; RT::LoadConfig(); RT::Init();
    my $user = RT::User->new(RT->SystemUser); $user->Load('root');
    my $token = RT::AuthToken->new(RT->SystemUser);
    my ($ok, $msg, $string) = $token->Create(Owner => $user->Id, Description => 'supportkit live tests');
    die "no token: $msg" unless $ok;
    print $string;`;
  return execFileSync('perl', ['-e', script], {
    env: {
      ...process.env,
      RT_SITE_CONFIG: `${server.state}/RT_SiteConfig.pm`,
      RT_SITE_CONFIG_DIR: `${server.state}/conf.d`,
    },
    stdio: ['ignore', 'pipe', 'ignore'],
  }).toString();
}

/**
 * A privileged user without AdminUsers, with a password: the login a team gives an integration when it does not
 * hand out the superuser. REST2 shows such a user only a summary of other users.
 */
export async function agentLogin(server: RtServer): Promise<{ username: string; password: string }> {
  const username = 'integration-agent';
  const password = 'integration-password-1';
  const found = await fetch(`${server.url}/REST/2.0/user/${username}`, { headers: { authorization: AUTH } });
  const fields = { Privileged: 1, Password: password, EmailAddress: 'integration@support.example.com' };
  // Made once per server (RT answers 500 to a password in a PUT); a server's database is fresh at each start.
  if (!found.ok) await rest(server, 'POST', '/user', { Name: username, RealName: 'Integration', ...fields });
  return { username, password };
}
