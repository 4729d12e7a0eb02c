/**
 * A request path whose interpolated values are each percent-encoded as one path segment, so an id holding `/`,
 * `?`, `#` or `..` cannot reach another endpoint. The literal parts are kept as written.
 *
 * @example
 * ```ts
 * path`/api/v2/tickets/${ticketId}/comments.json`; // '/api/v2/tickets/35436/comments.json'
 * path`/cards/${'a/b'}`; // '/cards/a%2Fb'
 * ```
 */
export function path(literals: TemplateStringsArray, ...values: readonly (string | number)[]): string {
  let out = literals[0] ?? '';
  values.forEach((value, index) => {
    out += encodeURIComponent(String(value)) + (literals[index + 1] ?? '');
  });
  return out;
}
