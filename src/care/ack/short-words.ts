/**
 * The few words of an acknowledgement that the automation helper `replyPromise` also writes — the promised moment
 * and the one-sentence reply — kept apart from the full templates so that the light `supportkit-ts/automations`
 * bundle carries only these. The templates (templates.ts) include them.
 */

/** The moment sentences (`{time}`, `{date}`) and the one-sentence acknowledgement (`{promise}`). */
export interface ShortWords {
  momentToday: string;
  momentTomorrow: string;
  momentLater: string;
  /** Chat and social: the whole acknowledgement in one sentence. */
  short: string;
}

/**
 * The short words per built-in language (it, en, es, fr, de).
 * @example `SHORT_WORDS.get('it')!.momentTomorrow; // 'domani alle {time}'`
 */
export const SHORT_WORDS: ReadonlyMap<string, ShortWords> = new Map<string, ShortWords>([
  [
    'it',
    {
      momentToday: 'oggi alle {time}',
      momentTomorrow: 'domani alle {time}',
      momentLater: '{date} alle {time}',
      short: 'Grazie, abbiamo ricevuto il tuo messaggio: ti risponderemo entro {promise}.',
    },
  ],
  [
    'en',
    {
      momentToday: '{time} today',
      momentTomorrow: '{time} tomorrow',
      momentLater: '{time} on {date}',
      short: 'Thanks, we have received your message and will reply by {promise}.',
    },
  ],
  [
    'es',
    {
      momentToday: 'hoy a las {time}',
      momentTomorrow: 'mañana a las {time}',
      momentLater: 'el {date}, a las {time}',
      short: 'Gracias, hemos recibido tu mensaje y te responderemos a más tardar {promise}.',
    },
  ],
  [
    'fr',
    {
      momentToday: "aujourd'hui à {time}",
      momentTomorrow: 'demain à {time}',
      momentLater: 'le {date} à {time}',
      short: 'Merci, nous avons bien reçu votre message et vous répondrons au plus tard {promise}.',
    },
  ],
  [
    'de',
    {
      momentToday: 'heute um {time} Uhr',
      momentTomorrow: 'morgen um {time} Uhr',
      momentLater: 'am {date} um {time} Uhr',
      short: 'Danke, wir haben Ihre Nachricht erhalten und antworten spätestens {promise}.',
    },
  ],
]);
