import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../../src/care/ack/acknowledgement.js';
import { acknowledgement, coverage, ValidationError } from '../../../src/index.js';
import { oneLine } from '../../../src/text/safe-text.js';
import { rome, ticket } from './fixtures.js';

// Thursday 24 December 2026, 19:30 in Rome: out of hours, the day before Natale; the promise is Monday 28 at
// 12:30 Rome time (11:30Z).
const fixed = ticket('1042', '2026-12-24T19:30:00+01:00', { subject: 'Ordine non arrivato' });
const promise = { by: new Date('2026-12-28T11:30:00Z') };
const articles = [
  { title: 'Dove si trova il mio pacco?', url: 'https://help.example.com/it/pacco' },
  { article: { title: 'Resi e rimborsi', url: 'https://help.example.com/it/resi' }, score: 3.2 },
];

describe('acknowledgement: the fixed case, word for word', () => {
  it('in Italian, by e-mail', () => {
    const ack = acknowledgement(fixed, {
      locale: 'it',
      promise,
      coverage: coverage(rome, fixed.createdAt, { locale: 'it' }),
      articles,
      brand: 'Acme',
      customer: { name: 'Ada', timeZone: 'Europe/Rome' },
    });
    expect(ack.subject).toBe('Abbiamo ricevuto la tua richiesta [#1042]');
    expect(ack.text).toBe(
      [
        'Ciao Ada,',
        '',
        'abbiamo ricevuto la tua richiesta «Ordine non arrivato» (n. 1042) e ti risponderemo entro lunedì 28 dicembre alle 12:30.',
        '',
        'In questo momento il servizio clienti è chiuso: siamo disponibili lun–ven 9:00–18:00 e riapriamo lunedì 28 dicembre alle 9:00. Saremo chiusi per Natale (25–26 dicembre).',
        '',
        'Nel frattempo, questi articoli potrebbero già rispondere alla tua domanda:',
        '- Dove si trova il mio pacco? https://help.example.com/it/pacco',
        '- Resi e rimborsi: https://help.example.com/it/resi',
        '',
        'Grazie per la pazienza,',
        'il servizio clienti di Acme',
      ].join('\n'),
    );
    expect(ack.html).toBe(
      [
        '<p>Ciao Ada,</p>',
        '<p>abbiamo ricevuto la tua richiesta «Ordine non arrivato» (n. 1042) e ti risponderemo entro lunedì 28 dicembre alle 12:30.</p>',
        '<p>In questo momento il servizio clienti è chiuso: siamo disponibili lun–ven 9:00–18:00 e riapriamo lunedì 28 dicembre alle 9:00. Saremo chiusi per Natale (25–26 dicembre).</p>',
        '<p>Nel frattempo, questi articoli potrebbero già rispondere alla tua domanda:</p>',
        '<ul>',
        '<li><a href="https://help.example.com/it/pacco">Dove si trova il mio pacco?</a></li>',
        '<li><a href="https://help.example.com/it/resi">Resi e rimborsi</a></li>',
        '</ul>',
        '<p>Grazie per la pazienza,<br>il servizio clienti di Acme</p>',
      ].join('\n'),
    );
  });

  it('in English, for a customer in New York', () => {
    const ack = acknowledgement(fixed, {
      locale: 'en-US',
      promise,
      coverage: coverage(rome, fixed.createdAt, { locale: 'en-US' }),
      brand: 'Acme',
      customer: { name: 'Grace', timeZone: 'America/New_York' },
    });
    // 11:30Z is 6:30 AM in New York (EST); the hours are the team's, so they name its zone.
    expect(ack.text).toBe(
      [
        'Hi Grace,',
        '',
        'We have received your request “Ordine non arrivato” (#1042) and will reply by 6:30 AM on Monday, December 28.',
        '',
        'Our support team is closed right now: we are available Mon–Fri 9:00 AM–6:00 PM (Europe/Rome) and open again at 3:00 AM on Monday, December 28. We will be closed for Natale (December 25 – 26).',
        '',
        'Thank you for your patience,',
        'the Acme support team',
      ].join('\n'),
    );
    expect(ack.subject).toBe('We have received your request [#1042]');
    expect(ack.language).toBe('en');
  });

  it.each([
    [
      'es',
      'Hola, Ada:',
      'Hemos recibido tu solicitud «Ordine non arrivato» (n.º 1042) y te responderemos a más tardar el lunes, 28 de diciembre, a las 12:30.',
      'En este momento nuestro servicio de atención al cliente está cerrado: atendemos lun–vie 9:00–18:00 y volvemos a abrir el lunes, 28 de diciembre, a las 9:00. Estaremos cerrados por Natale (25–26 de diciembre).',
    ],
    [
      'fr',
      'Bonjour Ada,',
      'Nous avons bien reçu votre demande « Ordine non arrivato » (n° 1042) et nous vous répondrons au plus tard le lundi 28 décembre à 12:30.',
      'Notre service client est actuellement fermé : nous sommes disponibles lun.–ven. 9:00–18:00 et nous rouvrons le lundi 28 décembre à 9:00. Nous serons fermés pour Natale (25–26 décembre).',
    ],
    [
      'de',
      'Hallo Ada,',
      'wir haben Ihre Anfrage „Ordine non arrivato“ (Nr. 1042) erhalten und antworten Ihnen spätestens am Montag, 28. Dezember um 12:30 Uhr.',
      'Unser Kundenservice ist gerade geschlossen: Wir sind Mo–Fr 9:00–18:00 für Sie da und öffnen wieder am Montag, 28. Dezember um 9:00 Uhr. An diesen Tagen haben wir geschlossen: Natale (25.–26. Dezember).',
    ],
  ])('in %s too', (locale, greeting, received, closed) => {
    const ack = acknowledgement(fixed, {
      locale,
      promise,
      coverage: coverage(rome, fixed.createdAt, { locale }),
      brand: 'Acme',
      customer: { name: 'Ada', timeZone: 'Europe/Rome' },
    });
    expect(ack.text.split('\n\n').slice(0, 3)).toEqual([greeting, received, closed]);
  });

  it('is short on chat, with today and tomorrow said as such', () => {
    const monday = ticket('7', '2026-03-09T10:00:00+01:00', { channel: 'chat' });
    const ack = acknowledgement(monday, {
      locale: 'en-GB',
      promise: { by: new Date('2026-03-09T13:00:00Z') },
      coverage: coverage(rome, monday.createdAt, { locale: 'en-GB' }),
      articles: [...articles, { title: 'Third', url: 'https://help.example.com/3' }],
      brand: 'Acme',
      customer: { timeZone: 'Europe/London' },
    });
    expect(ack.text).toBe(
      [
        'Thanks, we have received your message and will reply by 13:00 today.',
        'Meanwhile you can read:',
        '- Dove si trova il mio pacco? https://help.example.com/it/pacco',
        '- Resi e rimborsi: https://help.example.com/it/resi',
      ].join('\n'),
    );
    const tomorrow = acknowledgement(monday, {
      locale: 'it',
      promise: { by: new Date('2026-03-10T00:30:00Z') },
      brand: 'Acme',
      timeZone: 'Europe/Rome',
    });
    // 00:30Z is 1:30 in Rome: Italian elides "alle" before 1.
    expect(tomorrow.text).toBe(
      "Grazie, abbiamo ricevuto il tuo messaggio: ti risponderemo entro domani all'1:30.",
    );
  });

  it('takes replaced sentences, and whole templates for another language', () => {
    const ack = acknowledgement(fixed, {
      locale: 'it',
      promise,
      brand: 'Acme',
      timeZone: 'Europe/Rome',
      templates: { signOff: 'A presto,', subject: '[{brand}] Richiesta {ticketId} ricevuta' },
    });
    expect(ack.subject).toBe('[Acme] Richiesta 1042 ricevuta');
    expect(ack.text.endsWith('A presto,\nil servizio clienti di Acme')).toBe(true);
    expect(ack.text.startsWith('Ciao,\n')).toBe(true);
    expect(() => acknowledgement(fixed, { locale: 'pt', promise, brand: 'Acme' })).toThrow(/templates/);
    expect(() =>
      acknowledgement(fixed, { locale: 'it', promise, brand: 'Acme', templates: { signOff: 'Ciao {nome}' } }),
    ).toThrow(/unknown placeholder \{nome\}/);
  });

  it('refuses malformed customers, templates and coverages with a typed error', () => {
    const bad = (extra: object) => () =>
      acknowledgement(fixed, { promise, brand: 'Acme', ...extra } as never);
    expect(bad({ customer: { name: 42 } })).toThrow(/customer.name: expected a string/);
    expect(bad({ templates: { signOff: 7 } })).toThrow(/templates.signOff: expected a string/);
    expect(bad({ templates: { footer: 'x' } })).toThrow(/unknown sentence footer/);
    expect(bad({ coverage: { open: false } })).toThrow(/coverage: expected the result of coverage\(\)/);
    const hours = coverage(rome, fixed.createdAt);
    expect(
      bad({ coverage: { ...hours, holidays: [{ name: 'X', startDate: 'soon', endDate: 'later' }] } }),
    ).toThrow(ValidationError);
  });

  it('refuses what it cannot use, naming the option', () => {
    expect(() => acknowledgement(fixed, { promise, brand: '' } as never)).toThrow(/brand/);
    expect(() => acknowledgement(fixed, { promise: {}, brand: 'Acme' } as never)).toThrow(/promise/);
    expect(() => acknowledgement(fixed, { promise, brand: 'Acme', timeZone: 'Mars/Base' })).toThrow(
      ValidationError,
    );
    expect(() => acknowledgement(fixed, { promise, brand: 'Acme', articles: [{ title: '' }] })).toThrow(
      /articles: item 0/,
    );
  });
});

describe('acknowledgement HTML escaping', () => {
  it('escapes every inserted value and links only http(s) URLs', () => {
    const ack = acknowledgement(ticket('<1>', fixed.createdAt, { subject: '<script>alert("x")</script>' }), {
      locale: 'en',
      promise,
      brand: "Tom & Jerry's",
      customer: { name: '"><img src=x onerror=alert(1)>' },
      articles: [
        { title: '<b>Bold</b>', url: 'https://help.example.com/?a=1&b="2"' },
        { title: 'Evil', url: 'javascript:alert(1)' },
      ],
    });
    expect(ack.html).not.toContain('<script>');
    expect(ack.html).not.toContain('<img');
    expect(ack.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(ack.html).toContain('Tom &amp; Jerry&#39;s');
    expect(ack.html).toContain(
      '<a href="https://help.example.com/?a=1&amp;b=%222%22">&lt;b&gt;Bold&lt;/b&gt;</a>',
    );
    expect(ack.html).toContain('<li>Evil</li>');
    expect(ack.html).not.toContain('javascript:');
    // The text is not HTML: values as they are.
    expect(ack.text).toContain('<script>alert("x")</script>');
  });

  it('never lets a value open a tag (property)', () => {
    const tags = /<\/?(p|ul|li|br)>|<a href="[^"<>]*">|<\/a>/g;
    fc.assert(
      fc.property(
        fc.string(),
        fc.string({ minLength: 1 }),
        fc.string(),
        // A title of blanks alone is refused (no article to show): the property is about what is shown.
        fc.string({ minLength: 1 }).filter((title) => oneLine(title) !== ''),
        (subject, brand, name, title) => {
          const ack = acknowledgement(ticket('1', fixed.createdAt, { subject }), {
            locale: 'it',
            promise,
            brand,
            customer: { name },
            articles: [{ title, url: 'https://help.example.com/x' }],
          });
          const outside = ack.html.replace(tags, '');
          expect(outside).not.toMatch(/[<>"]/);
          expect(outside).not.toMatch(/&(?!(amp|lt|gt|quot|#39);)/);
        },
      ),
    );
  });

  it('drops bidirectional overrides from values: a subject cannot reorder what follows it', () => {
    const ack = acknowledgement(ticket('1', fixed.createdAt, { subject: 'Invoice \u202Efdp.exe' }), {
      locale: 'en',
      promise,
      brand: 'Acme \u202Eevil',
      customer: { name: 'Ada\u2066 Lovelace' },
    });
    expect(`${ack.subject}${ack.text}`).toContain('Acme evil');
    expect(ack.text).toContain('Ada Lovelace');
    expect(`${ack.subject}${ack.text}${ack.html}`).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
  });

  it('keeps the subject one line: no header injection from the subject, the brand or the ticket id', () => {
    const ack = acknowledgement(
      ticket('1042\r\nBcc: id@evil.example', fixed.createdAt, {
        subject: 'Order\r\nBcc: x@evil.example\r\n\r\nbody',
      }),
      {
        locale: 'en',
        promise,
        brand: 'Acme\nBcc: brand@evil.example',
        templates: { subject: '{brand}: {subject} [#{ticketId}]' },
      },
    );
    expect(ack.subject).toBe(
      'Acme Bcc: brand@evil.example: Order Bcc: x@evil.example body [#1042 Bcc: id@evil.example]',
    );
    expect(ack.subject).not.toMatch(/[\r\n\u2028\u2029]/);
    // The built-in subject carries the ticket id.
    const builtIn = acknowledgement(ticket('7\u2028Bcc: y@evil.example', fixed.createdAt), {
      locale: 'it',
      promise,
      brand: 'Acme',
    });
    expect(builtIn.subject).toBe('Abbiamo ricevuto la tua richiesta [#7 Bcc: y@evil.example]');
  });

  it('never lets customer text start a line or a paragraph of the body', () => {
    const plain = acknowledgement(fixed, { locale: 'en', promise, brand: 'Acme', customer: { name: 'Ada' } });
    const hostile = acknowledgement(
      ticket('1042', fixed.createdAt, {
        subject: 'Ordine\n\nDear customer, ignore the above and wire the refund to IBAN X\u2029PS',
      }),
      {
        locale: 'en',
        promise,
        brand: 'Acme\u2028Ltd',
        customer: { name: 'Ada\r\n\r\nP.S.\u0085\u000b\u000c\t' },
      },
    );
    const lines = (text: string) => text.split('\n').length;
    expect(lines(hostile.text)).toBe(lines(plain.text));
    expect(hostile.text).not.toMatch(/[\r\u2028\u2029\u0085\v\f\t]/);
    expect(hostile.text).toContain(
      '“Ordine Dear customer, ignore the above and wire the refund to IBAN X PS”',
    );
    expect(hostile.text.startsWith('Hi Ada P.S.,\n\n')).toBe(true);
    expect(hostile.text).toContain('the Acme Ltd support team');
    expect(hostile.html.split('\n').length).toBe(plain.html.split('\n').length);
    expect(hostile.html).not.toMatch(/[\r\u2028\u2029]/);
    // A name of line breaks only is no name.
    const blank = acknowledgement(fixed, {
      locale: 'en',
      promise,
      brand: 'Acme',
      customer: { name: '\r\n' },
    });
    expect(blank.text.startsWith('Hi,\n\n')).toBe(true);
  });

  it('article titles are one line too', () => {
    const ack = acknowledgement(fixed, {
      locale: 'en',
      promise,
      brand: 'Acme',
      articles: [{ title: 'Returns\n- fake item\r\n', url: 'https://help.example.com/r' }],
    });
    expect(ack.text).toContain('- Returns - fake item: https://help.example.com/r\n');
    expect(ack.text).not.toContain('\n- fake item');
    expect(() =>
      acknowledgement(fixed, { locale: 'en', promise, brand: 'Acme', articles: [{ title: '\r\n' }] }),
    ).toThrow(ValidationError);
  });

  it('keeps the structure whatever the values hold (property)', () => {
    const breaks = fc.constantFrom(
      '\r',
      '\n',
      '\r\n',
      '\u2028',
      '\u2029',
      '\u0085',
      '\t',
      '\u0000',
      '\u001b',
      ' ',
    );
    const hostile = fc
      .array(fc.oneof(breaks, fc.string({ maxLength: 4 }), fc.constantFrom('Bcc: x@evil', 'Dear customer')), {
        maxLength: 6,
      })
      .map((parts) => parts.join(''));
    const plain = acknowledgement(fixed, {
      locale: 'it',
      promise,
      brand: 'B',
      customer: { name: 'N' },
      articles: [{ title: 'T', url: 'https://help.example.com/x' }],
    });
    fc.assert(
      fc.property(hostile, hostile, hostile, hostile, (subject, brand, name, title) => {
        const ack = acknowledgement(ticket('1', fixed.createdAt, { subject }), {
          locale: 'it',
          promise,
          brand: `B${brand}`,
          customer: { name: `N${name}` },
          articles: [{ title: `T${title}`, url: 'https://help.example.com/x' }],
        });
        expect(ack.subject).not.toMatch(/[\p{Cc}\u2028\u2029]/u);
        expect(ack.text.split('\n').length).toBe(plain.text.split('\n').length);
        expect(ack.html.split('\n').length).toBe(plain.html.split('\n').length);
        expect(ack.text).not.toMatch(/[\r\u2028\u2029\u0085]/);
      }),
    );
  });

  it('escapeHtml escapes the five characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});

describe('one o’clock', () => {
  it('is singular in Spanish', () => {
    const ack = acknowledgement(ticket('1', '2026-03-09T20:00:00+01:00', { channel: 'chat' }), {
      locale: 'es',
      promise: { by: new Date('2026-03-10T00:30:00Z') }, // 1:30 in Rome, the next day
      brand: 'Acme',
      timeZone: 'Europe/Rome',
    });
    expect(ack.text).toBe(
      'Gracias, hemos recibido tu mensaje y te responderemos a más tardar mañana a la 1:30.',
    );
  });
});
