/**
 * A stateful fake of the Trello REST API for msw, one board: paths, query parameters and bodies follow
 * test/fixtures/specs/trello.json (Card, Action, TrelloList, Label, Member, CustomField,
 * CustomFieldItems); ids are 24 hex digits that start with their creation time, as Trello's do; list endpoints
 * answer newest first, and board actions page with `since` / `before` and `limit`.
 */
import { HttpResponse, http } from 'msw';
import type { Dataset } from '../../../src/index.js';

export const TRELLO = 'https://api.trello.com/1';
type Wire = Record<string, unknown>;

export interface FakeTrello {
  handlers: ReturnType<typeof http.get>[];
  boardId: string;
  /** Seed id → Trello id (cards and members). */
  ids: Map<string, string>;
  /** The board as the fake serves it; tests may add lists or move cards behind the adapter's back. */
  state: { cards: Map<string, Wire>; actions: Wire[]; lists: Wire[]; members: Wire[] };
}

export function fakeTrello(seed: Dataset, clockStart = Date.parse('2026-03-05T00:00:00Z')): FakeTrello {
  let counter = 0;
  let clock = clockStart;
  const idAt = (ms: number) =>
    `${Math.floor(ms / 1000)
      .toString(16)
      .padStart(8, '0')}${(++counter).toString(16).padStart(16, '0')}`;
  const now = () => {
    clock += 1000;
    return clock;
  };
  const iso = (ms: number) => new Date(ms).toISOString();
  const boardId = idAt(Date.parse('2025-01-01T00:00:00Z'));
  const ids = new Map<string, string>();
  const lists = ['Inbox', 'Doing', 'Waiting on customer', 'Done'].map((name, i) => ({
    id: idAt(Date.parse('2025-01-01T00:00:00Z')),
    name,
    closed: false,
    pos: (i + 1) * 16384,
    idBoard: boardId,
    subscribed: false,
  }));
  const listFor = (status: string) =>
    lists[
      status === 'new'
        ? 0
        : status === 'pending' || status === 'hold'
          ? 2
          : status === 'solved' || status === 'closed'
            ? 3
            : 1
    ]!;
  const labels: Wire[] = [];
  const labelId = (name: string) => {
    let label = labels.find((l) => l.name === name);
    if (!label) {
      label = { id: idAt(clockStart), idBoard: boardId, name, color: 'blue' };
      labels.push(label);
    }
    return String(label.id);
  };
  const requesterField = {
    id: idAt(Date.parse('2025-01-01T00:00:00Z')),
    idModel: boardId,
    modelType: 'board',
    fieldGroup: 'f6177ba6839d6fff0f73922c1cea105e793fda8a1433d466104dacc0b7c56955',
    name: 'Requester',
    display: { cardFront: true, name: 'Requester', pos: '16384' },
    type: 'text',
  };
  const members: Wire[] = seed.agents.map((a) => {
    const id = idAt(Date.parse('2025-01-01T00:00:00Z'));
    ids.set(a.id, id);
    return {
      id,
      fullName: a.name,
      username: a.name.toLowerCase(),
      initials: a.name.slice(0, 1),
      memberType: 'normal',
    };
  });
  const me = idAt(Date.parse('2025-01-01T00:00:00Z')); // the token's member, on the board like any agent
  members.push({ id: me, fullName: 'API', username: 'api', initials: 'A', memberType: 'admin' });
  const cards = new Map<string, Wire>();
  const fieldItems = new Map<string, Wire[]>();
  const actions: Wire[] = [];
  const cardRef = (c: Wire) => ({
    id: c.id,
    name: c.name,
    idShort: c.idShort,
    shortLink: c.shortLink,
    idList: c.idList,
    closed: c.closed,
  });
  const act = (type: string, at: number, creator: string, data: Wire) => {
    const action = {
      id: idAt(at),
      idMemberCreator: creator,
      type,
      date: iso(at),
      data: { ...data, board: { id: boardId, name: 'Support' } },
    };
    actions.push(action);
    return action;
  };

  for (const [index, t] of seed.tickets.entries()) {
    const created = t.createdAt.getTime();
    const id = idAt(created);
    ids.set(t.id, id);
    const opening = seed.messages.find((m) => m.ticketId === t.id && m.authorId === t.requesterId);
    const card: Wire = {
      id,
      name: t.subject,
      desc: opening?.body ?? '',
      closed: false,
      idBoard: boardId,
      idList: listFor(t.status).id,
      idLabels: t.tags.map(labelId),
      idMembers: t.assigneeId ? [ids.get(t.assigneeId)] : [],
      idShort: index + 1,
      shortLink: id.slice(-8),
      shortUrl: `https://trello.com/c/${id.slice(-8)}`,
      url: `https://trello.com/c/${id.slice(-8)}/${index + 1}`,
      pos: (index + 1) * 16384,
      due: null,
      dateLastActivity: iso(t.updatedAt.getTime()),
    };
    cards.set(id, card);
    fieldItems.set(id, [
      {
        id: idAt(created),
        idCustomField: requesterField.id,
        idModel: id,
        modelType: 'card',
        value: { text: t.requesterId },
      },
    ]);
    // Opened in the inbox; moved to its list when it was last updated.
    const inbox = lists[0]!;
    act('createCard', created, me, {
      card: { ...cardRef(card), idList: inbox.id },
      list: { id: inbox.id, name: inbox.name },
    });
    if (card.idList !== inbox.id)
      act('updateCard', t.updatedAt.getTime(), me, {
        card: cardRef(card),
        old: { idList: inbox.id },
        listBefore: { id: inbox.id, name: inbox.name },
        listAfter: { id: card.idList, name: listFor(t.status).name },
      });
    for (const m of seed.messages.filter((m) => m.ticketId === t.id && m !== opening))
      act('commentCard', m.createdAt.getTime(), ids.get(m.authorId) ?? me, {
        text: m.body,
        card: cardRef(card),
      });
  }

  const cardOut = (c: Wire, url: URL) => ({
    ...c,
    // The OpenAPI description types a card's labels as label ids (Trello itself sends label objects).
    labels: [...(c.idLabels as string[])],
    ...(url.searchParams.get('customFieldItems') === 'true'
      ? { customFieldItems: fieldItems.get(String(c.id)) ?? [] }
      : {}),
    ...(url.searchParams.get('actions')
      ? {
          actions: actions
            .filter((a) => (a.data as { card?: { id?: string } }).card?.id === c.id)
            .filter((a) => url.searchParams.get('actions')!.split(',').includes(String(a.type)))
            .reverse(),
        }
      : {}),
  });
  const notFound = () =>
    new HttpResponse('The requested resource was not found.', {
      status: 404,
      headers: { 'content-type': 'text/plain' },
    });
  const newestFirst = (list: Wire[], url: URL) => {
    const filter = url.searchParams.get('filter');
    const types = filter && filter !== 'all' ? filter.split(',') : null;
    const since = url.searchParams.get('since');
    const before = url.searchParams.get('before');
    const limit = Number(url.searchParams.get('limit') ?? 50);
    return [...list]
      .filter((a) => !types || types.includes(String(a.type)))
      .filter((a) => !since || String(a.id) > since)
      .filter((a) => !before || String(a.id) < before)
      .sort((a, b) => String(b.id).localeCompare(String(a.id)))
      .slice(0, limit);
  };
  const diff = (before: string[], after: string[]) => ({
    added: after.filter((x) => !before.includes(x)),
    removed: before.filter((x) => !after.includes(x)),
  });

  const handlers = [
    http.get(`${TRELLO}/boards/:id/lists`, () => HttpResponse.json(lists)),
    http.get(`${TRELLO}/boards/:id/labels`, () => HttpResponse.json(labels)),
    http.get(`${TRELLO}/boards/:id/customFields`, () => HttpResponse.json([requesterField])),
    http.get(`${TRELLO}/boards/:id/members`, () => HttpResponse.json(members)),
    http.get(`${TRELLO}/boards/:id/cards/:filter`, ({ request, params }) => {
      const url = new URL(request.url);
      const all = [...cards.values()].filter((c) => params.filter === 'all' || !c.closed);
      return HttpResponse.json(all.map((c) => cardOut(c, url)));
    }),
    http.get(`${TRELLO}/boards/:boardId/actions`, ({ request }) =>
      HttpResponse.json(newestFirst(actions, new URL(request.url))),
    ),
    // Up to 10 GETs in one request; each answer keyed by its status, as Trello's /batch does.
    http.get(`${TRELLO}/batch`, ({ request }) => {
      const urls = (new URL(request.url).searchParams.get('urls') ?? '').split(',').filter(Boolean);
      if (urls.length > 10) return new HttpResponse('too many urls', { status: 400 });
      return HttpResponse.json(
        urls.map((path) => {
          const url = new URL(path, 'https://api.trello.com/1/');
          const match = /^\/cards\/([0-9a-f]{24})$/.exec(url.pathname.replace(/^\/1/, ''));
          const card = match ? cards.get(match[1]!) : undefined;
          return card
            ? { 200: cardOut(card, url) }
            : { 404: { message: 'The requested resource was not found.' } };
        }),
      );
    }),
    http.get(`${TRELLO}/members/:id`, ({ params }) => {
      const member = members.find((m) => m.id === params.id);
      return member ? HttpResponse.json(member) : notFound();
    }),
    http.post(`${TRELLO}/labels`, ({ request }) => {
      const url = new URL(request.url);
      const id = labelId(url.searchParams.get('name') ?? '');
      return HttpResponse.json(labels.find((l) => l.id === id));
    }),
    http.get(`${TRELLO}/cards/:id/actions`, ({ params, request }) => {
      if (!cards.has(String(params.id))) return notFound();
      const own = actions.filter((a) => (a.data as { card?: { id?: string } }).card?.id === params.id);
      return HttpResponse.json(newestFirst(own, new URL(request.url)));
    }),
    http.get(`${TRELLO}/cards/:id`, ({ params, request }) => {
      const card = cards.get(String(params.id));
      return card ? HttpResponse.json(cardOut(card, new URL(request.url))) : notFound();
    }),
    http.post(`${TRELLO}/cards`, ({ request }) => {
      const q = new URL(request.url).searchParams;
      const list = lists.find((l) => l.id === q.get('idList'));
      if (!list || !q.get('name')) return new HttpResponse('invalid value for idList', { status: 400 });
      const at = now();
      const id = idAt(at);
      const card: Wire = {
        id,
        name: q.get('name'),
        desc: q.get('desc') ?? '',
        closed: false,
        idBoard: boardId,
        idList: list.id,
        idLabels: q.get('idLabels') ? q.get('idLabels')!.split(',') : [],
        idMembers: q.get('idMembers') ? q.get('idMembers')!.split(',') : [],
        idShort: cards.size + 1,
        shortLink: id.slice(-8),
        shortUrl: `https://trello.com/c/${id.slice(-8)}`,
        url: `https://trello.com/c/${id.slice(-8)}/${cards.size + 1}`,
        pos: (cards.size + 1) * 16384,
        due: null,
        dateLastActivity: iso(at),
      };
      cards.set(id, card);
      act('createCard', at, me, { card: cardRef(card), list: { id: list.id, name: list.name } });
      return HttpResponse.json(cardOut(card, new URL(request.url)));
    }),
    http.put(`${TRELLO}/cards/:id`, ({ params, request }) => {
      const card = cards.get(String(params.id));
      if (!card) return notFound();
      const q = new URL(request.url).searchParams;
      const at = now();
      if (q.has('name')) card.name = q.get('name');
      if (q.has('idList') && q.get('idList') !== card.idList) {
        const before = lists.find((l) => l.id === card.idList)!;
        const after = lists.find((l) => l.id === q.get('idList'));
        if (!after) return new HttpResponse('invalid value for idList', { status: 400 });
        card.idList = after.id;
        act('updateCard', at, me, {
          card: cardRef(card),
          old: { idList: before.id },
          listBefore: { id: before.id, name: before.name },
          listAfter: { id: after.id, name: after.name },
        });
      }
      if (q.has('closed') && (q.get('closed') === 'true') !== card.closed) {
        card.closed = q.get('closed') === 'true';
        act('updateCard', at, me, { card: cardRef(card), old: { closed: !card.closed } });
      }
      if (q.has('idLabels')) {
        const next = q.get('idLabels') ? q.get('idLabels')!.split(',') : [];
        const { added, removed } = diff(card.idLabels as string[], next);
        for (const id of added)
          act('addLabelToCard', at, me, { card: cardRef(card), label: labels.find((l) => l.id === id) });
        for (const id of removed)
          act('removeLabelFromCard', at, me, { card: cardRef(card), label: labels.find((l) => l.id === id) });
        card.idLabels = next;
      }
      if (q.has('idMembers')) {
        const next = q.get('idMembers') ? q.get('idMembers')!.split(',') : [];
        const { added, removed } = diff(card.idMembers as string[], next);
        for (const id of added) act('addMemberToCard', at, me, { card: cardRef(card), idMember: id });
        for (const id of removed) act('removeMemberFromCard', at, me, { card: cardRef(card), idMember: id });
        card.idMembers = next;
      }
      card.dateLastActivity = iso(at);
      return HttpResponse.json(cardOut(card, new URL(request.url)));
    }),
    http.put(`${TRELLO}/cards/:idCard/customField/:idCustomField/item`, async ({ params, request }) => {
      const card = cards.get(String(params.idCard));
      if (!card) return notFound();
      const body = (await request.json()) as { value?: Wire };
      const item = {
        id: idAt(now()),
        idCustomField: String(params.idCustomField),
        idModel: card.id,
        modelType: 'card',
        value: body.value ?? {},
      };
      fieldItems.set(String(card.id), [
        ...(fieldItems.get(String(card.id)) ?? []).filter((i) => i.idCustomField !== params.idCustomField),
        item,
      ]);
      return HttpResponse.json(item);
    }),
    http.post(`${TRELLO}/cards/:id/actions/comments`, ({ params, request }) => {
      const card = cards.get(String(params.id));
      if (!card) return notFound();
      const text = new URL(request.url).searchParams.get('text') ?? '';
      const at = now();
      card.dateLastActivity = iso(at);
      return HttpResponse.json(act('commentCard', at, me, { text, card: cardRef(card) }));
    }),
    http.post(`${TRELLO}/cards/:id/attachments`, async ({ params, request }) => {
      const card = cards.get(String(params.id));
      if (!card) return notFound();
      const form = await request.formData();
      const file = form.get('file') as File | null;
      if (!file) return new HttpResponse('file required', { status: 400 });
      const id = idAt(now());
      return HttpResponse.json({
        id,
        bytes: file.size,
        date: iso(clock),
        idMember: me,
        isUpload: true,
        mimeType: file.type,
        name: file.name,
        url: `https://trello.com/1/cards/${card.id}/attachments/${id}/download/${encodeURIComponent(file.name)}`,
        pos: 16384,
      });
    }),
  ];
  return { handlers, boardId, ids, state: { cards, actions, lists, members } };
}
