import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemorySeenStore } from '../../src/webhooks/index.js';

/** #28: the memory replay store bounds what it keeps per id (a long id is kept as its SHA-256). */
describe('createMemorySeenStore with long delivery ids', () => {
  afterEach(() => vi.restoreAllMocks());

  it('keeps no key longer than a hash, and still recognises a replay of a long id', async () => {
    const set = vi.spyOn(Map.prototype, 'set');
    const store = createMemorySeenStore();
    const long = `${'x'.repeat(100_000)}-1`;
    const other = `${'x'.repeat(100_000)}-2`; // the same first 100,000 characters
    expect(await store.claim(long, 60_000)).toBe(true);
    expect(await store.claim(other, 60_000)).toBe(true);
    expect(await store.claim(long, 60_000)).toBe(false);
    const keys = set.mock.calls.map(([key]) => key).filter((key) => typeof key === 'string') as string[];
    expect(keys.length).toBeGreaterThan(0);
    expect(Math.max(...keys.map((key) => key.length))).toBeLessThanOrEqual(257);
    await store.release(long);
    expect(await store.claim(long, 60_000)).toBe(true);
  });

  it('keeps a short id apart from a long one whose hash it spells', async () => {
    const store = createMemorySeenStore();
    const long = 'y'.repeat(300);
    const digest = Buffer.from(
      await crypto.subtle.digest('SHA-256', new TextEncoder().encode(long)),
    ).toString('hex');
    expect(await store.claim(`#${digest}`, 60_000)).toBe(true);
    expect(await store.claim(long, 60_000)).toBe(true);
    expect(await store.claim('a'.repeat(256), 60_000)).toBe(true);
    expect(await store.claim('a'.repeat(256), 60_000)).toBe(false);
  });
});
