import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emailKey, phoneKey, phoneKeyReader, stableHash } from '../../../src/care/identity/keys.js';

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
          const keyOf = phoneKeyReader(region);
          for (const text of [...list, ...list])
            expect(keyOf(text)).toBe(phoneKey(text, { defaultRegion: region }));
        },
      ),
      { numRuns: 200 },
    );
  }, 30_000); // property runs: seconds on a busy two-core machine
});
