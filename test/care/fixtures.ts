/** Made-up customers of two helpdesks (no real people): the same person spelled differently on each. */
export const T0 = '2026-03-02T08:00:00Z';

export function customer(adapter: string, id: string, identities: unknown[], extra: object = {}) {
  return {
    kind: 'customers' as const,
    value: {
      id,
      sources: [{ adapter, id }],
      name: `Customer ${id}`,
      identities,
      createdAt: T0,
      ...extra,
    },
  };
}

export function ticket(adapter: string, id: string, requesterId: string, extra: object = {}) {
  return {
    kind: 'tickets' as const,
    value: {
      id,
      source: { adapter, id },
      subject: `Request ${id}`,
      status: 'new',
      requesterId,
      createdAt: T0,
      updatedAt: T0,
      ...extra,
    },
  };
}

export function message(adapter: string, id: string, ticketId: string, extra: object = {}) {
  return {
    kind: 'messages' as const,
    value: {
      id,
      ticketId,
      source: { adapter, id },
      authorId: 'x',
      authorRole: 'end-user',
      public: true,
      body: 'Hello',
      createdAt: T0,
      ...extra,
    },
  };
}

/** Ada Verdi on Zendesk (upper-case e-mail, international phone) and on Request Tracker (national phone). */
export const adaRecords = [
  customer('zendesk', 'z1', [
    { kind: 'email', value: 'Ada.Verdi@Example.COM' },
    { kind: 'phone', value: '+39 347 123 4567' },
  ]),
  customer('rt', 'r9', [
    { kind: 'email', value: 'ada.verdi@example.com' },
    { kind: 'phone', value: '347 1234567' },
  ]),
  customer('trello', 't4', [
    { kind: 'phone', value: '0039 3471234567' },
    { kind: 'handle', channel: 'Twitter', value: '@AdaV' },
  ]),
];
