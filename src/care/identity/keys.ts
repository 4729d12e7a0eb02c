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
 * The identity key of an e-mail address: lower case, trimmed, and with `+tag` dropped from the local part when
 * `foldPlusAddressing` is on; null when the text is not shaped like an address.
 * @example `emailKey(' Ada.Rossi@Example.COM ', {}) // 'email:ada.rossi@example.com'`
 */
export function emailKey(value: string, options: IdentityKeyOptions): string | null {
  const address = value.trim().toLowerCase();
  const at = address.lastIndexOf('@');
  if (at <= 0 || at === address.length - 1 || /\s/.test(address)) return null;
  if (!options.foldPlusAddressing) return `email:${address}`;
  const local = address.slice(0, at);
  const plus = local.indexOf('+');
  return plus > 0 ? `email:${local.slice(0, plus)}${address.slice(at)}` : `email:${address}`;
}

/**
 * A phone number in E.164 form, read with libphonenumber-js: `+39 347 123 4567`, `0039 3471234567` and (with
 * region `IT`) `347 1234567` are all `+393471234567`. Null when the text is not a possible phone number.
 * @example `toE164('347 1234567', 'IT') // '+393471234567'`
 */
export function toE164(value: string, defaultRegion?: string): string | null {
  if (typeof value !== 'string') throw invalidArgument('toE164()', 'value', 'expected a string');
  if (defaultRegion !== undefined && typeof defaultRegion !== 'string') {
    throw invalidArgument('toE164()', 'defaultRegion', 'expected a region code such as IT');
  }
  const region = defaultRegion?.toUpperCase() as CountryCode | undefined;
  let parsed: ReturnType<typeof parsePhoneNumberFromString>;
  try {
    parsed = parsePhoneNumberFromString(value, region ? { defaultCountry: region } : undefined);
  } catch {
    return null; // an unknown region code: the number cannot be read
  }
  return parsed?.isPossible() ? parsed.number : null;
}

/**
 * The identity key of a phone number (its E.164 form), or null when it cannot be read.
 * @example `phoneKey('0039 3471234567', {}) // 'phone:+393471234567'`
 */
export function phoneKey(value: string, options: IdentityKeyOptions): string | null {
  const e164 = toE164(value, options.defaultRegion);
  return e164 === null ? null : `phone:${e164}`;
}

/**
 * A memoised {@link phoneKey} for one default region: each distinct text is read by libphonenumber-js once (some
 * 20 µs a number, most of a customer record's indexing; the same number recurs across helpdesks, records and
 * lookups). Each index has its own, holding only the texts of its records (lookups pass `remember: false`).
 * @example `const keyOf = phoneKeyReader('IT'); keyOf('347 1234567') // 'phone:+393471234567'`
 */
export function phoneKeyReader(
  defaultRegion: string | undefined,
): (value: string, remember?: boolean) => string | null {
  const cache = new Map<string, string | null>();
  const options = { defaultRegion };
  // `remember: false` (a lookup) reads the cache but never grows it: callers' numbers would otherwise pile up
  // for as long as the index lives.
  return (value, remember = true) => {
    let key = cache.get(value);
    if (key === undefined) {
      key = phoneKey(value, options);
      if (remember) cache.set(value, key);
    }
    return key;
  };
}

/**
 * The identity key of a handle on a network: both lower case, a leading `@` dropped.
 * @example `handleKey('Twitter', '@AdaR') // 'handle:twitter:adar'`
 */
export function handleKey(network: string, handle: string): string | null {
  const name = handle.trim().replace(/^@/, '').toLowerCase();
  const on = network.trim().toLowerCase();
  return name === '' || on === '' ? null : `handle:${on}:${name}`;
}

/**
 * The identity key of a customer's id inside one helpdesk: ids are compared exactly (they are opaque).
 * @example `customerIdKey('zendesk', '381726') // 'customer:zendesk:381726'`
 */
export function customerIdKey(adapter: string, id: string): string {
  return `customer:${adapter}:${id}`;
}

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
