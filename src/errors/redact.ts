/**
 * Keys whose values are secrets, wherever they sit in a URL: query, fragment (`#access_token=` from an OAuth
 * implicit grant) or `;matrix` parameters. Matched anywhere in the key, case-insensitively, so `access_token`,
 * `X-Amz-Credential`, `X-Amz-Signature`, `client_secret`, `JSESSIONID` and `apiKey` are all caught; a few
 * harmless keys are redacted too, which costs nothing in an error message.
 */
const SECRET_KEY =
  /key|token|secret|signature|sig|password|passwd|pwd|pass|auth|code|session|sid|jwt|bearer|credential|cred|assertion|otp/i;

const REDACTED = '[redacted]';

/** Redacts the value of every secret-looking `key=value` in an `&`- or `;`-separated list. */
function redactPairs(text: string, separator: '&' | ';'): string {
  return text
    .split(separator)
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq < 0) return pair;
      let key = pair.slice(0, eq);
      try {
        key = decodeURIComponent(key.replace(/\+/g, ' '));
      } catch {
        // a malformed escape: test the raw key
      }
      return SECRET_KEY.test(key) ? `${pair.slice(0, eq)}=${REDACTED}` : pair;
    })
    .join(separator);
}

/** `/a;jsessionid=x/b;token=y` → each path segment's matrix parameters with secret values redacted. */
function redactPath(path: string): string {
  return path
    .split('/')
    .map((segment) => {
      const semi = segment.indexOf(';');
      return semi < 0 ? segment : `${segment.slice(0, semi)};${redactPairs(segment.slice(semi + 1), ';')}`;
    })
    .join('/');
}

/**
 * Returns the URL fit for an error or a log: user-info (`user:pass@`) removed, and the value of every
 * secret-looking parameter — in the query, in `;matrix` parameters, or in the fragment — replaced by
 * `[redacted]`. A fragment that is not a list of parameters is dropped (fragments are never sent to a server, so
 * nothing is lost). A relative URL keeps only its path, with matrix parameters redacted.
 *
 * @example
 * ```ts
 * redactUrl('https://api.trello.com/1/cards?key=abc&token=def&limit=10');
 * // 'https://api.trello.com/1/cards?key=[redacted]&token=[redacted]&limit=10'
 * redactUrl('https://app.example.com/cb#access_token=abc&state=1');
 * // 'https://app.example.com/cb#access_token=[redacted]&state=1'
 * ```
 */
export function redactUrl(url: string): string {
  if (typeof url !== 'string') return '';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // Not absolute: keep only the path, which never carries secrets in the APIs we call, minus matrix secrets.
    return redactPath(url.split(/[?#]/)[0] ?? '');
  }
  const search = parsed.search.slice(1);
  const hash = parsed.hash.slice(1);
  const origin =
    parsed.protocol === 'http:' || parsed.protocol === 'https:'
      ? `${parsed.protocol}//${parsed.host}`
      : `${parsed.protocol}${parsed.host ? `//${parsed.host}` : ''}`;
  const path = redactPath(parsed.pathname);
  const query = search ? `?${redactPairs(search, '&')}` : '';
  const fragment = hash.includes('=') ? `#${redactPairs(hash, '&')}` : '';
  return `${origin}${path}${query}${fragment}`;
}
