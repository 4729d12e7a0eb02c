/**
 * RT's phone fields (`MobilePhone`, `WorkPhone`, `HomePhone`, `PagerPhone`) are free text of up to 30 characters:
 * whatever an agent or an LDAP import typed. A number written with its country code reads as E.164; one without
 * (a national number) names no country, so it cannot.
 */

/** The longest text read as a phone number: RT's columns hold 30 characters; anything longer is not one. */
const MAX_LENGTH = 64;
/** What people put between the digits of a phone number. */
const SEPARATORS = new Set([' ', '-', '.', '(', ')', '/', '\u00a0']);
/** The words that open an extension, longest first: "+39 06 1234 5678 ext. 12", "… x12", "…;ext=12". */
const EXTENSION_WORDS = [';ext=', 'ext.', 'ext', 'x', '#'];

/**
 * A phone text as an E.164 customer identity (`+390612345678`, with `;ext=12` for an extension, as RFC 3966
 * writes it), or null when the text carries no country code (`06 1234 5678`) or is not a phone number. A
 * leading `00` is read as the international prefix. A linear scan, one character at a time: the text is
 * whatever RT holds.
 *
 * @example
 * ```ts
 * phoneIdentityFromRt('+39 06 1234 5678'); // '+390612345678'
 * phoneIdentityFromRt('0039 (06) 1234-5678 ext. 12'); // '+390612345678;ext=12'
 * phoneIdentityFromRt('06 1234 5678'); // null: no country code
 * ```
 */
export function phoneIdentityFromRt(text: string): string | null {
  // Measured before anything else, so a long text costs nothing.
  if (text.length > MAX_LENGTH) return null;
  const value = text.trim().toLowerCase();
  if (value.length === 0) return null;
  let plus = false;
  let digits = '';
  let extension: string | null = null;
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c >= '0' && c <= '9') {
      if (extension === null) digits += c;
      else extension += c;
    } else if (c === '+' && !plus && digits === '' && extension === null) {
      plus = true;
    } else if (SEPARATORS.has(c)) {
      // A separator inside an extension's digits ends nothing; one after them is trailing space.
    } else if (extension === null && digits !== '') {
      const word = EXTENSION_WORDS.find((w) => value.startsWith(w, i));
      if (!word) return null;
      extension = '';
      i += word.length - 1;
    } else return null;
  }
  if (!plus) {
    if (!digits.startsWith('00')) return null;
    digits = digits.slice(2);
  }
  if (!/^[1-9]\d{6,14}$/.test(digits)) return null;
  if (extension === null) return `+${digits}`;
  return /^\d{1,15}$/.test(extension) ? `+${digits};ext=${extension}` : null;
}
