/**
 * The words of an acknowledgement, per language. Each entry is plain text with `{placeholders}`; the renderer
 * fills them (escaping every value in the HTML) and leaves out the sentences that do not apply. Replace any
 * entry through `acknowledgement(…, { templates })`.
 */

/**
 * The sentences of an acknowledgement. Placeholders: `{brand}`, `{ticketId}`, `{subject}`, `{name}`,
 * `{promise}` (a moment phrase), `{hours}`, `{opening}` (a moment phrase), `{holiday}`, `{dates}`, `{time}`,
 * `{date}`.
 * @example `const t: Partial<AcknowledgementTemplate> = { signOff: 'Talk soon,' };`
 */
export interface AcknowledgementTemplate {
  /** The e-mail subject. */
  subject: string;
  greeting: string;
  /** When the customer's name is not known. */
  greetingNoName: string;
  /** Received, and the promise. */
  received: string;
  /** A moment today, tomorrow, or later (`{time}`, `{date}`): what `{promise}` and `{opening}` read. */
  momentToday: string;
  momentTomorrow: string;
  momentLater: string;
  /** Out of hours: the weekly hours and the next opening. */
  closed: string;
  /** One holiday between now and the promised reply. */
  holiday: string;
  /** Before the list of articles. */
  articles: string;
  signOff: string;
  signature: string;
  /** Chat and social: the whole acknowledgement in one sentence, then `shortClosed` and the articles. */
  short: string;
  shortClosed: string;
  shortArticles: string;
}

const it: AcknowledgementTemplate = {
  subject: 'Abbiamo ricevuto la tua richiesta [#{ticketId}]',
  greeting: 'Ciao {name},',
  greetingNoName: 'Ciao,',
  received:
    'abbiamo ricevuto la tua richiesta «{subject}» (n. {ticketId}) e ti risponderemo entro {promise}.',
  momentToday: 'oggi alle {time}',
  momentTomorrow: 'domani alle {time}',
  momentLater: '{date} alle {time}',
  closed: 'In questo momento il servizio clienti è chiuso: siamo disponibili {hours} e riapriamo {opening}.',
  holiday: 'Saremo chiusi per {holiday} ({dates}).',
  articles: 'Nel frattempo, questi articoli potrebbero già rispondere alla tua domanda:',
  signOff: 'Grazie per la pazienza,',
  signature: 'il servizio clienti di {brand}',
  short: 'Grazie, abbiamo ricevuto il tuo messaggio: ti risponderemo entro {promise}.',
  shortClosed: 'Ora siamo chiusi, riapriamo {opening}.',
  shortArticles: 'Intanto puoi leggere:',
};

const en: AcknowledgementTemplate = {
  subject: 'We have received your request [#{ticketId}]',
  greeting: 'Hi {name},',
  greetingNoName: 'Hi,',
  received: 'We have received your request “{subject}” (#{ticketId}) and will reply by {promise}.',
  momentToday: '{time} today',
  momentTomorrow: '{time} tomorrow',
  momentLater: '{time} on {date}',
  closed: 'Our support team is closed right now: we are available {hours} and open again at {opening}.',
  holiday: 'We will be closed for {holiday} ({dates}).',
  articles: 'In the meantime, these articles may already answer your question:',
  signOff: 'Thank you for your patience,',
  signature: 'the {brand} support team',
  short: 'Thanks, we have received your message and will reply by {promise}.',
  shortClosed: 'We are closed now and open again at {opening}.',
  shortArticles: 'Meanwhile you can read:',
};

/** The built-in languages, by primary language subtag. */
export const ACKNOWLEDGEMENT_TEMPLATES: ReadonlyMap<string, AcknowledgementTemplate> = new Map([
  ['it', it],
  ['en', en],
]);
