/**
 * The words a rendered card uses, in one language.
 * @example `cardLabels('it').states.red // 'Rosso — una richiesta attende qualcuno'`
 */
export interface CardLabels {
  card: string;
  state: string;
  states: { red: string; yellow: string; green: string; none: string };
  identities: string;
  organization: string;
  language: string;
  timeZone: string;
  figures: string;
  openRequests: string;
  oldestUnanswered: string;
  firstReplyMedian: string;
  lastCsat: string;
  lastNps: string;
  lastCes: string;
  contacts30: string;
  contacts90: string;
  topTags: string;
  channels: string;
  notes: string;
  edited: string;
  requests: string;
  status: string;
  created: string;
  private: string;
  statusChange: string;
  customer: string;
  agent: string;
  system: string;
  none: string;
  minutes: string;
  hours: string;
  days: string;
  /** Ticket statuses by canonical value; a status the model keeps but does not know is shown as it is. */
  statuses: Record<'new' | 'open' | 'pending' | 'hold' | 'solved' | 'closed' | 'deleted', string>;
  /** Identity kinds shown by name (handles and helpdesk ids show their network or adapter). */
  identityKinds: { email: string; phone: string };
  /** A binary CSAT answer, and a survey offered but not answered. */
  csat: { good: string; bad: string; unanswered: string };
  /** Channels by canonical value; a channel the model keeps but does not know is shown as it is. */
  channelNames: Record<'email' | 'web' | 'phone' | 'chat' | 'social' | 'api' | 'other', string>;
  /** Where an entry of a request's timeline came from, before the channel: `via`. */
  via: string;
}

const en: CardLabels = {
  card: 'Customer card',
  state: 'State',
  states: {
    red: 'Red — a request waits for someone',
    yellow: 'Yellow — being worked',
    green: 'Green — resolved',
    none: 'No requests',
  },
  identities: 'Identities',
  organization: 'Organization',
  language: 'Language',
  timeZone: 'Time zone',
  figures: 'At a glance',
  openRequests: 'Open requests',
  oldestUnanswered: 'Oldest unanswered message',
  firstReplyMedian: 'First reply (median)',
  lastCsat: 'Last CSAT',
  lastNps: 'Last NPS',
  lastCes: 'Last CES',
  contacts30: 'Contacts, last 30 days',
  contacts90: 'Contacts, last 90 days',
  topTags: 'Top tags',
  channels: 'Channels',
  notes: 'Notes',
  edited: 'edited',
  requests: 'Requests',
  status: 'Status',
  created: 'Created',
  private: 'private',
  statusChange: 'Status',
  customer: 'customer',
  agent: 'agent',
  system: 'system',
  none: '—',
  minutes: 'min',
  hours: 'h',
  days: 'd',
  statuses: {
    new: 'new',
    open: 'open',
    pending: 'pending',
    hold: 'on hold',
    solved: 'solved',
    closed: 'closed',
    deleted: 'deleted',
  },
  identityKinds: { email: 'e-mail', phone: 'phone' },
  csat: { good: 'good', bad: 'bad', unanswered: 'not answered' },
  channelNames: {
    email: 'e-mail',
    web: 'web',
    phone: 'phone',
    chat: 'chat',
    social: 'social',
    api: 'API',
    other: 'other',
  },
  via: 'via',
};

const it: CardLabels = {
  card: 'Scheda cliente',
  state: 'Stato',
  states: {
    red: 'Rosso — una richiesta attende qualcuno',
    yellow: 'Giallo — in lavorazione',
    green: 'Verde — risolta',
    none: 'Nessuna richiesta',
  },
  identities: 'Identità',
  organization: 'Organizzazione',
  language: 'Lingua',
  timeZone: 'Fuso orario',
  figures: 'In sintesi',
  openRequests: 'Richieste aperte',
  oldestUnanswered: 'Messaggio senza risposta più vecchio',
  firstReplyMedian: 'Prima risposta (mediana)',
  lastCsat: 'Ultimo CSAT',
  lastNps: 'Ultimo NPS',
  lastCes: 'Ultimo CES',
  contacts30: 'Contatti, ultimi 30 giorni',
  contacts90: 'Contatti, ultimi 90 giorni',
  topTags: 'Tag più usati',
  channels: 'Canali',
  notes: 'Note',
  edited: 'modificata',
  requests: 'Richieste',
  status: 'Stato',
  created: 'Aperta',
  private: 'privato',
  statusChange: 'Stato',
  customer: 'cliente',
  agent: 'operatore',
  system: 'sistema',
  none: '—',
  minutes: 'min',
  hours: 'h',
  days: 'g',
  statuses: {
    new: 'nuova',
    open: 'aperta',
    pending: 'in attesa del cliente',
    hold: 'sospesa',
    solved: 'risolta',
    closed: 'chiusa',
    deleted: 'eliminata',
  },
  identityKinds: { email: 'e-mail', phone: 'telefono' },
  csat: { good: 'positivo', bad: 'negativo', unanswered: 'nessuna risposta' },
  channelNames: {
    email: 'e-mail',
    web: 'web',
    phone: 'telefono',
    chat: 'chat',
    social: 'social',
    api: 'API',
    other: 'altro',
  },
  via: 'via',
};

/** Labels by language subtag; English is the fallback. */
const LABELS = new Map<string, CardLabels>([
  ['en', en],
  ['it', it],
]);

/**
 * The labels for a BCP 47 locale: Italian for `it`, `it-IT`, `it-CH`…; English otherwise.
 * @example `cardLabels('it-IT').card // 'Scheda cliente'`
 */
export function cardLabels(locale: string): CardLabels {
  return LABELS.get(locale.split('-')[0]!.toLowerCase()) ?? en;
}

/**
 * A channel in the viewer's language; an unknown channel (the model keeps vendors' own) is shown as it is.
 * @example `channelLabel(cardLabels('it'), 'phone') // 'telefono'`
 */
export function channelLabel(labels: CardLabels, channel: string): string {
  return Object.hasOwn(labels.channelNames, channel)
    ? labels.channelNames[channel as keyof CardLabels['channelNames']]
    : channel;
}

/**
 * A CSAT answer in the viewer's language: `good`/`bad` as words, a rating as `4/5`, no answer said so.
 * @example `csatLabel(cardLabels('it'), 'good') // 'positivo'`
 */
export function csatLabel(labels: CardLabels, rating: string | number | null): string {
  if (rating === null) return labels.csat.unanswered;
  if (rating === 'good' || rating === 'bad') return labels.csat[rating];
  return typeof rating === 'number' ? `${rating}/5` : rating;
}

/**
 * A language tag as its name in the viewer's language (`de` → `tedesco` in Italian, `German` in English), by
 * `Intl.DisplayNames`; a tag Intl cannot name is shown as it is.
 * @example `languageLabel('it-IT', 'de') // 'tedesco'`
 */
export function languageLabel(locale: string, tag: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/**
 * A status in the viewer's language; an unknown status (the model keeps vendors' own) is shown as it is.
 * @example `statusLabel(cardLabels('it'), 'pending') // 'in attesa del cliente'`
 */
export function statusLabel(labels: CardLabels, status: string): string {
  return Object.hasOwn(labels.statuses, status)
    ? labels.statuses[status as keyof CardLabels['statuses']]
    : status;
}
