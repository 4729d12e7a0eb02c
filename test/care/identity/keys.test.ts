import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  customerIdKey,
  emailKey,
  handleKey,
  phoneKey,
  phoneKeyReader,
  stableHash,
  toE164,
  toPhoneIdentity,
  unescapeKeyPart,
} from '../../../src/care/identity/keys.js';

/** 64-bit FNV-1a over UTF-16 code units, written the slow obvious way with BigInt: the reference. */
function fnv1a64(key: string): string {
  let hash = 0xcbf29ce484222325n;
  for (let i = 0; i < key.length; i++) {
    hash ^= BigInt(key.charCodeAt(i));
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, '0');
}

describe('stableHash', () => {
  it('is 64-bit FNV-1a: the published values for "" and "a"', () => {
    // The FNV offset basis is the hash of the empty string; "a" (0x61) is FNV-1a 64's first published test vector.
    expect(stableHash('')).toBe('cbf29ce484222325');
    expect(stableHash('a')).toBe('af63dc4c8601ec8c');
  });

  it('equals the BigInt reference on any text, so card ids never change across versions', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (key) => {
        expect(stableHash(key)).toBe(fnv1a64(key));
      }),
      { numRuns: 300 },
    );
  }, 30_000); // property runs: seconds on a busy two-core machine
});

describe('emailKey', () => {
  it('folds case and, when asked, the +tag of the local part only', () => {
    expect(emailKey(' Ada.Rossi@Example.COM ', {})).toBe('email:ada.rossi@example.com');
    expect(emailKey('ada+orders@example.com', {})).toBe('email:ada+orders@example.com');
    expect(emailKey('ada+orders@example.com', { foldPlusAddressing: true })).toBe('email:ada@example.com');
    // The last @ splits the address: a + in a quoted local part before it is the local part's.
    expect(emailKey('"a@b"+x@example.com', { foldPlusAddressing: true })).toBe('email:"a@b"@example.com');
    expect(emailKey('+x@example.com', { foldPlusAddressing: true })).toBe('email:+x@example.com');
    expect(emailKey('not an address', {})).toBeNull();
  });
});

describe('phoneKeyReader', () => {
  it('gives what phoneKey gives, for any text, read again or not', () => {
    const texts = fc.oneof(
      fc.constantFrom('+39 347 123 4567', '0039 3471234567', '347 1234567', '+393471234567', '12', 'abc'),
      fc.stringMatching(/^\+?[0-9 ]{0,16}$/),
    );
    fc.assert(
      fc.property(
        fc.array(texts, { maxLength: 12 }),
        fc.constantFrom('IT', 'GB', undefined),
        (list, region) => {
          const phones = phoneKeyReader(region);
          for (const text of [...list, ...list]) {
            expect(phones.key(text)).toBe(phoneKey(text, { defaultRegion: region }));
            expect(phones.identity(text)).toBe(toPhoneIdentity(text, region));
          }
        },
      ),
      { numRuns: 200 },
    );
  }, 30_000); // property runs: seconds on a busy two-core machine
});

describe('phone identities (#28 item 7)', () => {
  it('keeps an extension: each extension of a switchboard is its own identity, the bare number another', () => {
    const ext12 = phoneKey('+39 06 1234 5678 ext. 12', {});
    const ext99 = phoneKey('+39 06 1234 5678 ext. 99', {});
    const bare = phoneKey('+39 06 1234 5678', {});
    expect(ext12).toBe('phone:+390612345678;ext=12');
    expect(ext99).toBe('phone:+390612345678;ext=99');
    expect(bare).toBe('phone:+390612345678');
    expect(new Set([ext12, ext99, bare]).size).toBe(3);
    // Every way of writing the extension reads the same; E.164 itself has none.
    for (const text of ['+390612345678;ext=12', 'tel:+390612345678;ext=12', '+39 06 1234 5678 x12'])
      expect(phoneKey(text, {})).toBe(ext12);
    expect(toPhoneIdentity('06 1234 5678 ext 12', 'IT')).toBe('+390612345678;ext=12');
    expect(toE164('+39 06 1234 5678 ext. 12')).toBe('+390612345678');
  });

  it('gives no key to a placeholder number: invalid in its plan, or one digit repeated', () => {
    for (const [text, region] of [
      ['0000000000', 'IT'],
      ['0000000000', 'US'],
      ['1111111111', 'US'],
      ['+1 555 555 5555', undefined],
      ['+39 333 3333333', undefined],
    ] as const) {
      expect(phoneKey(text, { defaultRegion: region })).toBeNull();
    }
    // The number is still a phone number the model can keep: only its key is withheld.
    expect(toPhoneIdentity('0000000000', 'IT')).toBe('+390000000000');
    expect(phoneKey('+39 347 123 4567', {})).toBe('phone:+393471234567');
  });
});

describe('unambiguous keys (#28 item 7)', () => {
  it('a handle key names one (network, handle) pair, a customer key one (adapter, id) pair', () => {
    expect(handleKey('twitter:x', 'ada')).not.toBe(handleKey('twitter', 'x:ada'));
    expect(customerIdKey('zendesk:1', '2')).not.toBe(customerIdKey('zendesk', '1:2'));
    expect(customerIdKey('zen%3Adesk', '1')).not.toBe(customerIdKey('zen:desk', '1'));
    // Names without `:` or `%` keep the keys (and so the card ids) they always had.
    expect(customerIdKey('zendesk', '381726')).toBe('customer:zendesk:381726');
    expect(handleKey('Twitter', '@AdaR')).toBe('handle:twitter:adar');
  });

  it('is injective: moving a `:` from one part to the other changes the key, and the parts read back', () => {
    const part = fc.string({ unit: fc.constantFrom('a', ':', '%', '3', 'A', '2', '5'), maxLength: 6 });
    fc.assert(
      fc.property(part, part, part, (x, y, z) => {
        expect(customerIdKey(`${x}:${y}`, z)).not.toBe(customerIdKey(x, `${y}:${z}`));
        expect(handleKey(`n${x}:${y}`, `h${z}`)).not.toBe(handleKey(`n${x}`, `${y}:h${z}`));
        const rest = customerIdKey(x, y).slice('customer:'.length);
        const colon = rest.indexOf(':');
        expect([unescapeKeyPart(rest.slice(0, colon)), rest.slice(colon + 1)]).toEqual([x, y]);
      }),
      { numRuns: 500 },
    );
  });
});

describe('e-mail identities (#28 low)', () => {
  it('trims, lower-cases, and writes an internationalised domain in punycode', () => {
    expect(emailKey('  José@Bücher.Example ', {})).toBe('email:josé@xn--bcher-kva.example');
    expect(emailKey('josé@xn--bcher-kva.example', {})).toBe('email:josé@xn--bcher-kva.example');
    expect(emailKey('ADA@ＥＸＡＭＰＬＥ.com', {})).toBe('email:ada@example.com');
    expect(emailKey('用户@例子.广告', {})).toBe('email:用户@xn--fsqu00a.xn--4rr70v');
    // The same text in NFD (e + combining acute) is the same address.
    expect(emailKey('jose\u0301@example.com', {})).toBe(emailKey('jos\u00e9@example.com', {}));
  });

  it('gives no key to a system sender or to text that is not an address', () => {
    for (const text of ['noreply@shop.example', 'No-Reply+123@shop.example', 'do-not-reply@x.example'])
      expect(emailKey(text, {})).toBeNull();
    for (const text of [
      'a b@example.com',
      'ada@',
      '@example.com',
      'ada@exa mple.com',
      'ada@[::1]',
      'ada@1.2.3.4',
    ])
      expect(emailKey(text, {})).toBeNull();
  });
});
