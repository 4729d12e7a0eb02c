import { invalidOption, ValidationError } from '../errors/validation.js';

/**
 * Reads a URL option: an absolute http(s) URL without user-info. A wrong one is refused at construction —
 * a malformed URL or credentials in it (`https://id:secret@…`) with a
 * ValidationError naming the option — and neither message echoes the value, which may hold a secret.
 * Credentials go through `auth`, where they are kept out of URLs, logs and errors.
 *
 * @example
 * ```ts
 * urlOption('oauthAuth', 'tokenUrl', 'https://acme.zendesk.com/oauth/tokens'); // URL
 * urlOption('oauthAuth', 'tokenUrl', 'https://id:secret@acme.zendesk.com/oauth/tokens'); // throws ValidationError
 * ```
 */
export function urlOption(owner: string, option: string, value: unknown): URL {
  let url: URL;
  try {
    url = new URL(String(value));
  } catch {
    throw invalidOption(owner, option, `must be an absolute http(s) URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw invalidOption(owner, option, `must be an absolute http(s) URL`);
  if (url.username || url.password)
    throw new ValidationError(`${owner} options`, [
      {
        path: [option],
        code: 'custom',
        message: 'must not carry credentials (user:password@); pass them through the auth option',
      },
    ]);
  return url;
}
