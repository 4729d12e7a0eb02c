/**
 * The words of an acknowledgement, per language. Each entry is plain text with `{placeholders}`; the renderer
 * fills them (escaping every value in the HTML) and leaves out the sentences that do not apply. Replace any
 * entry through `acknowledgement(…, { templates })`.
 */

import { SHORT_WORDS } from './short-words.js';

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
  ...SHORT_WORDS.get('it')!,
  subject: 'Abbiamo ricevuto la tua richiesta [#{ticketId}]',
  greeting: 'Ciao {name},',
  greetingNoName: 'Ciao,',
  received:
    'abbiamo ricevuto la tua richiesta «{subject}» (n. {ticketId}) e ti risponderemo entro {promise}.',
  closed: 'In questo momento il servizio clienti è chiuso: siamo disponibili {hours} e riapriamo {opening}.',
  holiday: 'Saremo chiusi per {holiday} ({dates}).',
  articles: 'Nel frattempo, questi articoli potrebbero già rispondere alla tua domanda:',
  signOff: 'Grazie per la pazienza,',
  signature: 'il servizio clienti di {brand}',
  shortClosed: 'Ora siamo chiusi, riapriamo {opening}.',
  shortArticles: 'Intanto puoi leggere:',
};

const en: AcknowledgementTemplate = {
  ...SHORT_WORDS.get('en')!,
  subject: 'We have received your request [#{ticketId}]',
  greeting: 'Hi {name},',
  greetingNoName: 'Hi,',
  received: 'We have received your request “{subject}” (#{ticketId}) and will reply by {promise}.',
  closed: 'Our support team is closed right now: we are available {hours} and open again at {opening}.',
  holiday: 'We will be closed for {holiday} ({dates}).',
  articles: 'In the meantime, these articles may already answer your question:',
  signOff: 'Thank you for your patience,',
  signature: 'the {brand} support team',
  shortClosed: 'We are closed now and open again at {opening}.',
  shortArticles: 'Meanwhile you can read:',
};

const es: AcknowledgementTemplate = {
  ...SHORT_WORDS.get('es')!,
  subject: 'Hemos recibido tu solicitud [#{ticketId}]',
  greeting: 'Hola, {name}:',
  greetingNoName: 'Hola:',
  received:
    'Hemos recibido tu solicitud «{subject}» (n.º {ticketId}) y te responderemos a más tardar {promise}.',
  closed:
    'En este momento nuestro servicio de atención al cliente está cerrado: atendemos {hours} y volvemos a abrir {opening}.',
  holiday: 'Estaremos cerrados por {holiday} ({dates}).',
  articles: 'Mientras tanto, estos artículos podrían responder ya a tu pregunta:',
  signOff: 'Gracias por tu paciencia,',
  signature: 'el equipo de atención al cliente de {brand}',
  shortClosed: 'Ahora estamos cerrados; volvemos a abrir {opening}.',
  shortArticles: 'Mientras tanto, puedes leer:',
};

const fr: AcknowledgementTemplate = {
  ...SHORT_WORDS.get('fr')!,
  subject: 'Nous avons bien reçu votre demande [#{ticketId}]',
  greeting: 'Bonjour {name},',
  greetingNoName: 'Bonjour,',
  received:
    'Nous avons bien reçu votre demande « {subject} » (n° {ticketId}) et nous vous répondrons au plus tard {promise}.',
  closed:
    'Notre service client est actuellement fermé : nous sommes disponibles {hours} et nous rouvrons {opening}.',
  holiday: 'Nous serons fermés pour {holiday} ({dates}).',
  articles: 'En attendant, ces articles répondent peut-être déjà à votre question :',
  signOff: 'Merci de votre patience,',
  signature: "l'équipe du service client {brand}",
  shortClosed: 'Nous sommes fermés en ce moment et rouvrons {opening}.',
  shortArticles: 'En attendant, vous pouvez lire :',
};

const de: AcknowledgementTemplate = {
  ...SHORT_WORDS.get('de')!,
  subject: 'Wir haben Ihre Anfrage erhalten [#{ticketId}]',
  greeting: 'Hallo {name},',
  greetingNoName: 'Guten Tag,',
  received:
    'wir haben Ihre Anfrage „{subject}“ (Nr. {ticketId}) erhalten und antworten Ihnen spätestens {promise}.',
  closed:
    'Unser Kundenservice ist gerade geschlossen: Wir sind {hours} für Sie da und öffnen wieder {opening}.',
  holiday: 'An diesen Tagen haben wir geschlossen: {holiday} ({dates}).',
  articles: 'In der Zwischenzeit beantworten diese Artikel Ihre Frage vielleicht schon:',
  signOff: 'Vielen Dank für Ihre Geduld',
  signature: 'Ihr Kundenservice von {brand}',
  shortClosed: 'Wir sind gerade geschlossen und öffnen wieder {opening}.',
  shortArticles: 'In der Zwischenzeit können Sie lesen:',
};

/**
 * The built-in languages, by primary language subtag: it, en, es, fr, de.
 * @example `const mine = { ...ACKNOWLEDGEMENT_TEMPLATES.get('en')!, signOff: 'Cheers,' };`
 */
export const ACKNOWLEDGEMENT_TEMPLATES: ReadonlyMap<string, AcknowledgementTemplate> = new Map([
  ['it', it],
  ['en', en],
  ['es', es],
  ['fr', fr],
  ['de', de],
]);
