/**
 * Disjoint sets over string keys with union by size and path halving, that also keep each set's members and
 * its smallest key (the key a card id is derived from), so both are O(1) to read. Sparse: a key that was never
 * joined to another is a set of its own and costs nothing here (most customers are alone on their card), so the
 * caller keeps the list of keys.
 * @example `const sets = new KeySets(); sets.union('a', 'b'); sets.smallestOf('b') // 'a'`
 */
export class KeySets {
  /** Key → its parent, for keys that are not the representative of their set. */
  private readonly parent = new Map<string, string>();
  /** Representative → the keys of its set, for sets of two keys or more. */
  private readonly members = new Map<string, string[]>();
  /** Representative → the smallest key of its set, for sets of two keys or more. */
  private readonly smallest = new Map<string, string>();

  /** The representative of the set holding `key` (the key itself when it was never joined). */
  find(key: string): string {
    let current = key;
    for (;;) {
      const up = this.parent.get(current);
      if (up === undefined) return current;
      const grand = this.parent.get(up);
      if (grand === undefined) return up;
      this.parent.set(current, grand);
      current = grand;
    }
  }

  /** Joins the sets of `a` and `b`; returns false when they were already one. */
  union(a: string, b: string): boolean {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return false;
    let ma = this.members.get(ra) ?? [ra];
    let mb = this.members.get(rb) ?? [rb];
    if (ma.length < mb.length) {
      [ra, rb] = [rb, ra];
      [ma, mb] = [mb, ma];
    }
    this.parent.set(rb, ra);
    for (const key of mb) ma.push(key);
    this.members.set(ra, ma);
    this.members.delete(rb);
    const sa = this.smallest.get(ra) ?? ra;
    const sb = this.smallest.get(rb) ?? rb;
    this.smallest.set(ra, sb < sa ? sb : sa);
    this.smallest.delete(rb);
    return true;
  }

  /** The keys in the set of `key`. */
  membersOf(key: string): readonly string[] {
    const root = this.find(key);
    return this.members.get(root) ?? [root];
  }

  /** The smallest key (by code units) in the set of `key`. */
  smallestOf(key: string): string {
    const root = this.find(key);
    return this.smallest.get(root) ?? root;
  }

  /** Whether `key` represents its set (true for a key never joined). */
  isRoot(key: string): boolean {
    return !this.parent.has(key);
  }

  /** How many keys are not representatives: the number of sets is the number of keys minus this. */
  get joined(): number {
    return this.parent.size;
  }

  /**
   * Makes every key of `keys` a set of its own again. `keys` must be whole sets (every member of each set it
   * touches), so no other set keeps a parent among them.
   * @example `sets.split(new Set(sets.membersOf('a')))`
   */
  split(keys: ReadonlySet<string>): void {
    for (const key of keys) {
      this.parent.delete(key);
      this.members.delete(key);
      this.smallest.delete(key);
    }
  }

  /** Forgets every set. */
  clear(): void {
    this.parent.clear();
    this.members.clear();
    this.smallest.clear();
  }
}
