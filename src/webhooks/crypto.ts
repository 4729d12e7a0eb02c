/**
 * HMAC and constant-time comparison for webhook verification. Web Crypto (`globalThis.crypto.subtle`) runs on
 * Node, Deno, Bun and edge workers; on Node the synchronous `node:crypto` path is used when the caller wants a
 * synchronous answer (it is also faster for small bodies). `node:crypto` is reached through
 * `process.getBuiltinModule`, so bundles for other runtimes never import it.
 */

export type HmacAlgorithm = 'SHA-1' | 'SHA-256';

const encoder = new TextEncoder();

/** Bytes of a string (UTF-8) or a copy-free view of binary input. */
export function toBytes(data: string | Uint8Array | ArrayBuffer): Uint8Array {
  if (typeof data === 'string') return encoder.encode(data);
  if (data instanceof Uint8Array) return data;
  return new Uint8Array(data);
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

interface NodeCrypto {
  createHmac(algorithm: string, key: Uint8Array): { update(data: Uint8Array): { digest(): Uint8Array } };
  timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean;
}

/** node:crypto when running on Node (20.16+ has process.getBuiltinModule), else undefined. */
export function nodeCrypto(): NodeCrypto | undefined {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  return proc?.getBuiltinModule?.('node:crypto') as NodeCrypto | undefined;
}

/** HMAC synchronously through node:crypto; throws when not on Node. */
export function hmacSync(algorithm: HmacAlgorithm, key: Uint8Array, data: Uint8Array): Uint8Array {
  const crypto = nodeCrypto();
  if (!crypto)
    throw new Error('synchronous HMAC needs node:crypto; use the async verifyWebhook on this runtime');
  return crypto
    .createHmac(algorithm === 'SHA-1' ? 'sha1' : 'sha256', key)
    .update(data)
    .digest();
}

/** HMAC through Web Crypto. */
export async function hmac(algorithm: HmacAlgorithm, key: Uint8Array, data: Uint8Array): Promise<Uint8Array> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return hmacSync(algorithm, key, data);
  const cryptoKey = await subtle.importKey('raw', key, { name: 'HMAC', hash: algorithm }, false, ['sign']);
  return new Uint8Array(await subtle.sign('HMAC', cryptoKey, data));
}

/**
 * Compares two byte strings in time that depends only on their lengths, never on where they differ, so an
 * attacker cannot find a valid signature byte by byte.
 */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  const crypto = nodeCrypto();
  if (crypto) return crypto.timingSafeEqual(a, b);
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/** SHA-256 of `data`, through Web Crypto (or node:crypto where Web Crypto is missing). */
export async function sha256(data: Uint8Array): Promise<Uint8Array> {
  const subtle = globalThis.crypto?.subtle;
  if (subtle) return new Uint8Array(await subtle.digest('SHA-256', data));
  const crypto = nodeCrypto() as unknown as
    | { createHash(algorithm: string): { update(data: Uint8Array): { digest(): Uint8Array } } }
    | undefined;
  if (!crypto) throw new Error('SHA-256 needs Web Crypto or node:crypto');
  return crypto.createHash('sha256').update(data).digest();
}
