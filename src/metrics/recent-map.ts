import { invalidOption } from '../errors/validation.js';

/**
 * A map that remembers only its most recent keys: past `limit` keys, adding a new one forgets the oldest.
 *
 * It behaves like a `Map` trimmed with `map.delete(map.keys().next().value)` after each new key, without that
 * idiom's cost: V8 leaves a deleted entry as a hole at the front of a Map until the table is rebuilt, and
 * `keys().next()` walks every hole, so trimming the front costs time in proportion to the Map's capacity, on
 * every add. Here a ring of the keys, in the order they were added, names the oldest directly.
 *
 * Setting a key already present updates its value in place and keeps its age (as `Map.set` keeps its position).
 *
 * @example
 * ```ts
 * const recent = new RecentMap<string, number>(2);
 * recent.set('a', 1).set('b', 2).set('a', 3).set('c', 4); // 'a' is the oldest key: forgotten
 * recent.get('a'); // undefined
 * recent.get('b'); // 2
 * ```
 */
export class RecentMap<K, V> {
  private readonly values = new Map<K, V>();
  /** Keys in the order they were added; once full, `oldest` is where the next one goes. */
  private readonly ring: K[] = [];
  private oldest = 0;
  /** Most keys kept: a whole number, or Infinity to keep every key. */
  private readonly capacity: number;

  /** `limit` ≥ 1 keys are kept (a fraction keeps its whole part); Infinity keeps every key. */
  constructor(limit: number) {
    if (!(limit >= 1)) throw invalidOption('RecentMap', 'limit', 'must be ≥ 1');
    this.capacity = Math.floor(limit);
  }

  /** How many keys are remembered. */
  get size(): number {
    return this.values.size;
  }

  /** The value of `key`, undefined when it was never set or has been forgotten. */
  get(key: K): V | undefined {
    return this.values.get(key);
  }

  /** Sets `key`: a new key becomes the most recent and may push out the oldest. */
  set(key: K, value: V): this {
    const size = this.values.size;
    this.values.set(key, value); // one lookup: a key already present leaves the size as it was
    if (this.values.size === size || this.capacity === Number.POSITIVE_INFINITY) return this;
    if (this.ring.length < this.capacity) {
      this.ring.push(key);
      return this;
    }
    this.values.delete(this.ring[this.oldest]!);
    this.ring[this.oldest] = key;
    this.oldest = (this.oldest + 1) % this.capacity;
    return this;
  }

  /** The remembered keys, oldest first. */
  *keys(): IterableIterator<K> {
    yield* this.values.keys();
  }
}
