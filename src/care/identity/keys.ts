import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js';
import { invalidArgument } from '../../errors/validation.js';

/**
 * How identity values are folded into comparable keys (see {@link emailKey}, {@link phoneKey}).
 * @example `const options: IdentityKeyOptions = { defaultRegion: 'IT' };`
 */
export interface IdentityKeyOptions {
  /**
   * The region a phone number without an international prefix belongs to, as an ISO 3166-1 alpha-2 code
   * (`IT`, `GB`, `US`). Without it only numbers written with `+` or `00` and a country code can be read.
   * @default undefined
   */
  defaultRegion?: string;
  /**
   * Whether `ada+orders@example.com` is the same person as `ada@example.com`. Off by default: on some
   * domains the `+` part belongs to the address.
   * @default false
   */
  foldPlusAddressing?: boolean;
}

/**
 * Local parts that are never a person: an address a system sends from, which many customers' records may carry
 * (a web form that fills in its own sender, a bounce). Compared after `+tag` is dropped, in lower case.
 */
const PLACEHOLDER_LOCAL_PARTS = new Set([
  'noreply',
  'no-reply',
  'no_reply',
  'donotreply',
  'do-not-reply',
  'do_not_reply',
  'mailer-daemon',
]);
/** Characters that cannot be in a domain (nor be read by the URL parser as something else: `%41`, `a@b`, `:80`). */
const NOT_IN_DOMAIN = /[\s@/\\?#%:[\]<>"^|]/u;
/** A domain in its ASCII form: letters, digits and hyphens in dot-separated labels, the last one not all digits. */
const ASCII_DOMAIN = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
/** Letters, digits, dots and hyphens only: a domain that needs no IDNA mapping, only lower case. */
const PLAIN_DOMAIN = /^[A-Za-z0-9.-]+$/;

/**
 * A domain in its canonical form: lower case ASCII, an internationalised label as its punycode A-label
 * (`bücher.example` → `xn--bcher-kva.example`, full-width letters folded as UTS #46 says); null when it is not a
 * domain name. The WHATWG URL parser does the mapping, so this runs the same in Node and in browsers.
 */
export function canonicalDomain(domain: string): string | null {
  if (domain === '' || domain.length > 253) return null;
  if (PLAIN_DOMAIN.test(domain)) {
    const lower = domain.toLowerCase();
    return ASCII_DOMAIN.test(lower) ? lower : null;
  }
  if (NOT_IN_DOMAIN.test(domain)) return null;
  let ascii: string;
  try {
    ascii = new URL(`http://${domain}/`).hostname;
  } catch {
    return null; // a forbidden code point or an empty label
  }
  return ASCII_DOMAIN.test(ascii) ? ascii : null;
}

/**
 * An e-mail address in its canonical form: trimmed, the local part as written (Unicode NFC: UTF-8 local parts
 * are accepted), the domain lower case ASCII with internationalised labels in punycode ({@link canonicalDomain});
 * null when the text is not shaped like an address (no `@`, a space or a control character inside, a local part
 * over 64 characters, a domain that is not one).
 * @example `canonicalEmail('  José@Bücher.Example ') // 'José@xn--bcher-kva.example'`
 */
export function canonicalEmail(value: string): string | null {
  const trimmed = value.trim();
  const address = /^[\x21-\x7e]*$/.test(trimmed) ? trimmed : trimmed.normalize('NFC');
  const at = address.lastIndexOf('@');
  if (at <= 0 || at > 64) return null;
  const local = address.slice(0, at);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (/[\s\u0000-\u001f\u007f-\u009f]/u.test(local)) return null;
  const domain = canonicalDomain(address.slice(at + 1));
  return domain === null ? null : `${local}@${domain}`;
}

/**
 * The identity key of an e-mail address: its {@link canonicalEmail} form in lower case, with `+tag` dropped from
 * the local part when `foldPlusAddressing` is on; null when the text is not shaped like an address or is a
 * system sender that names nobody (`noreply@`, `no-reply@`, `donotreply@`, `mailer-daemon@`, …).
 * @example `emailKey(' Ada.Rossi@Example.COM ', {}) // 'email:ada.rossi@example.com'`
 */
export function emailKey(value: string, options: IdentityKeyOptions): string | null {
  const canonical = canonicalEmail(value);
  if (canonical === null) return null;
  const address = canonical.toLowerCase();
  const at = address.lastIndexOf('@');
  const local = address.slice(0, at);
  const plus = local.indexOf('+');
  const base = plus > 0 ? local.slice(0, plus) : local;
  if (PLACEHOLDER_LOCAL_PARTS.has(base)) return null;
  return options.foldPlusAddressing && plus > 0 ? `email:${base}${address.slice(at)}` : `email:${address}`;
}

/** The longest extension kept (digits); a longer one is not read as an extension. */
const MAX_EXTENSION_DIGITS = 15;

/** A phone text as libphonenumber-js reads it, or null when it is not a possible number. */
function readPhone(value: string, defaultRegion: string | undefined) {
  const region = defaultRegion?.toUpperCase() as CountryCode | undefined;
  let parsed: ReturnType<typeof parsePhoneNumberFromString>;
  try {
    parsed = parsePhoneNumberFromString(value, region ? { defaultCountry: region } : undefined);
  } catch {
    return null; // an unknown region code: the number cannot be read
  }
  return parsed?.isPossible() ? parsed : null;
}

function checkPhoneArgs(fn: string, value: unknown, defaultRegion: unknown): void {
  if (typeof value !== 'string') throw invalidArgument(fn, 'value', 'expected a string');
  if (defaultRegion !== undefined && typeof defaultRegion !== 'string') {
    throw invalidArgument(fn, 'defaultRegion', 'expected a region code such as IT');
  }
}

/**
 * A phone number in E.164 form, read with libphonenumber-js: `+39 347 123 4567`, `0039 3471234567` and (with
 * region `IT`) `347 1234567` are all `+393471234567`. Null when the text is not a possible phone number. An
 * extension is not part of E.164 and is left out here; {@link toPhoneIdentity} keeps it.
 * @example `toE164('347 1234567', 'IT') // '+393471234567'`
 */
export function toE164(value: string, defaultRegion?: string): string | null {
  checkPhoneArgs('toE164()', value, defaultRegion);
  return readPhone(value, defaultRegion)?.number ?? null;
}

/**
 * A phone number as a customer identity: its E.164 form, followed by `;ext=<digits>` (RFC 3966) when the text
 * names an extension (`ext. 12`, `x12`, `#12`, `;ext=12`), so each extension of a switchboard is its own
 * identity. Null when the text is not a possible phone number or its extension is over 15 digits.
 * @example `toPhoneIdentity('+39 06 1234 5678 ext. 12') // '+390612345678;ext=12'`
 */
export function toPhoneIdentity(value: string, defaultRegion?: string): string | null {
  checkPhoneArgs('toPhoneIdentity()', value, defaultRegion);
  const parsed = readPhone(value, defaultRegion);
  if (!parsed) return null;
  if (!parsed.ext) return parsed.number;
  return parsed.ext.length <= MAX_EXTENSION_DIGITS ? `${parsed.number};ext=${parsed.ext}` : null;
}

/**
 * Whether a phone number names nobody: a number no numbering plan assigns (libphonenumber-js calls it invalid:
 * `0000000000`, `+1 555 555 5555`) or one digit repeated (`+39 333 3333333`). Such numbers are typed into
 * forms to get past them, so many customers share them.
 */
function isPlaceholderPhone(parsed: NonNullable<ReturnType<typeof readPhone>>): boolean {
  const digits = parsed.nationalNumber;
  return !parsed.isValid() || /^(\d)\1*$/.test(digits);
}

/** A phone text's identity value and key (null for a placeholder), read once. */
interface PhoneReading {
  identity: string | null;
  key: string | null;
}

function readPhoneIdentity(value: string, defaultRegion: string | undefined): PhoneReading {
  const parsed = readPhone(value, defaultRegion);
  if (!parsed) return { identity: null, key: null };
  const identity =
    parsed.ext === undefined
      ? parsed.number
      : parsed.ext.length <= MAX_EXTENSION_DIGITS
        ? `${parsed.number};ext=${parsed.ext}`
        : null;
  return { identity, key: identity === null || isPlaceholderPhone(parsed) ? null : `phone:${identity}` };
}

/**
 * The identity key of a phone number (its {@link toPhoneIdentity} form, extension included), or null when it
 * cannot be read or is a placeholder that names nobody (an invalid number, one digit repeated).
 * @example `phoneKey('0039 3471234567', {}) // 'phone:+393471234567'`
 */
export function phoneKey(value: string, options: IdentityKeyOptions): string | null {
  if (typeof value !== 'string') throw invalidArgument('phoneKey()', 'value', 'expected a string');
  return readPhoneIdentity(value, options.defaultRegion).key;
}

/**
 * A memoised phone reader for one default region: each distinct text is read by libphonenumber-js once (some
 * 20 µs a number, most of a customer record's indexing; the same number recurs across helpdesks, records and
 * lookups). `key` gives {@link phoneKey}, `identity` {@link toPhoneIdentity}. Each index has its own, holding
 * only the texts of its records (lookups pass `remember: false`).
 * @example `const phones = phoneKeyReader('IT'); phones.key('347 1234567') // 'phone:+393471234567'`
 */
export function phoneKeyReader(defaultRegion: string | undefined): {
  key: (value: string, remember?: boolean) => string | null;
  identity: (value: string) => string | null;
} {
  const cache = new Map<string, PhoneReading>();
  // `remember: false` (a lookup) reads the cache but never grows it: callers' numbers would otherwise pile up
  // for as long as the index lives.
  const read = (value: string, remember = true): PhoneReading => {
    let reading = cache.get(value);
    if (reading === undefined) {
      reading = readPhoneIdentity(value, defaultRegion);
      if (remember) cache.set(value, reading);
    }
    return reading;
  };
  return { key: (value, remember) => read(value, remember).key, identity: (value) => read(value).identity };
}

/**
 * A part of a key that other parts follow: `%` and `:` percent-encoded, so the first `:` after it always ends it
 * and no two different part lists give one key (`twitter:x` / `ada` against `twitter` / `x:ada`). A name without
 * `%` or `:` (every adapter and network supportkit knows) is unchanged, and so are the keys and card ids made of it.
 */
const keyPart = (text: string) => (/[%:]/.test(text) ? text.replace(/[%:]/g, escapeKeyChar) : text);
const escapeKeyChar = (c: string) => (c === '%' ? '%25' : '%3A');
/**
 * The text of a part written by {@link keyPart}.
 * @example `unescapeKeyPart('zendesk%3Aeu') // 'zendesk:eu'`
 */
export const unescapeKeyPart = (part: string) =>
  part.includes('%') ? part.replace(/%3A|%25/g, (c) => (c === '%3A' ? ':' : '%')) : part;

/**
 * The identity key of a handle on a network: both lower case, a leading `@` dropped; the network escaped so the
 * key names one pair.
 * @example `handleKey('Twitter', '@AdaR') // 'handle:twitter:adar'`
 */
export function handleKey(network: string, handle: string): string | null {
  const name = handle.trim().replace(/^@/, '').toLowerCase();
  const on = network.trim().toLowerCase();
  return name === '' || on === '' ? null : `handle:${keyPart(on)}:${name}`;
}

/**
 * The identity key of a customer's id inside one helpdesk: ids are compared exactly (they are opaque); the
 * adapter escaped so the key names one pair.
 * @example `customerIdKey('zendesk', '381726') // 'customer:zendesk:381726'`
 */
export function customerIdKey(adapter: string, id: string): string {
  return `${CUSTOMER_KEY_PREFIX}${keyPart(adapter)}:${id}`;
}

/** What every {@link customerIdKey} begins with. @example `key.startsWith(CUSTOMER_KEY_PREFIX)` */
export const CUSTOMER_KEY_PREFIX = 'customer:';

/**
 * A short deterministic id from a key: FNV-1a over the UTF-16 code units, 64 bits, as 16 hex digits. Not a
 * security hash; it only needs to spread keys evenly and read the same on every machine and run.
 * @example `stableHash('customer:zendesk:1').length // 16`
 */
export function stableHash(key: string): string {
  // 64-bit FNV-1a in four 16-bit limbs (v0 lowest), so every product fits a 32-bit integer and no BigInt or float
  // division is needed (this runs once per lookup). The prime is 2^40 + 435: h·prime = h·435 + (h << 40), and
  // h << 40 moves limb 0 to bit 8 of limb 2 and limb 1 to bit 8 of limb 3. A UTF-16 code unit fits limb 0.
  let v0 = 0x2325;
  let v1 = 0x8422;
  let v2 = 0x9ce4;
  let v3 = 0xcbf2;
  for (let i = 0; i < key.length; i++) {
    v0 ^= key.charCodeAt(i);
    const t0 = v0 * 435;
    const t1 = v1 * 435 + (t0 >>> 16);
    const t2 = v2 * 435 + (v0 << 8) + (t1 >>> 16);
    const t3 = v3 * 435 + (v1 << 8) + (t2 >>> 16);
    v0 = t0 & 0xffff;
    v1 = t1 & 0xffff;
    v2 = t2 & 0xffff;
    v3 = t3 & 0xffff;
  }
  return hex4(v3) + hex4(v2) + hex4(v1) + hex4(v0);
}

/** Every byte as two hex digits. */
const HEX2: readonly string[] = Array.from({ length: 256 }, (_, n) => n.toString(16).padStart(2, '0'));
const hex4 = (limb: number) => HEX2[limb >>> 8]! + HEX2[limb & 0xff]!;
