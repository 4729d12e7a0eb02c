/**
 * Disjoint sets over string keys with union by size and path halving, that also keep each set's members and
 * its smallest key (the key a card id is derived from), so both are O(1) to read.
 * @example `const sets = new KeySets(); sets.add('a'); sets.add('b'); sets.union('a', 'b'); sets.smallestOf('b') // 'a'`
 */
export class KeySets {
  private readonly parent = new Map<string, string>();
  private readonly members = new Map<string, string[]>();
  private readonly smallest = new Map<string, string>();

  /** Adds `key` as a set of its own, unless it is already known. */
  add(key: string): void {
    if (this.parent.has(key)) return;
    this.parent.set(key, key);
    this.members.set(key, [key]);
    this.smallest.set(key, key);
  }

  /** The representative of the set holding `key` (the key itself when unknown). */
  find(key: string): string {
    let current = key;
    for (;;) {
      const up = this.parent.get(current);
      if (up === undefined || up === current) return current;
      const grand = this.parent.get(up) ?? up;
      this.parent.set(current, grand);
      current = grand;
    }
  }

  /** Joins the sets of `a` and `b`; returns false when they were already one. */
  union(a: string, b: string): boolean {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return false;
    let ma = this.members.get(ra)!;
    let mb = this.members.get(rb)!;
    if (ma.length < mb.length) {
      [ra, rb] = [rb, ra];
      [ma, mb] = [mb, ma];
    }
    this.parent.set(rb, ra);
    for (const key of mb) ma.push(key);
    this.members.delete(rb);
    const sa = this.smallest.get(ra)!;
    const sb = this.smallest.get(rb)!;
    this.smallest.set(ra, sb < sa ? sb : sa);
    this.smallest.delete(rb);
    return true;
  }

  /** The keys in the set of `key`. */
  membersOf(key: string): readonly string[] {
    return this.members.get(this.find(key)) ?? [];
  }

  /** The smallest key (by code units) in the set of `key`. */
  smallestOf(key: string): string {
    return this.smallest.get(this.find(key)) ?? key;
  }

  /** The representatives of every set. */
  roots(): IterableIterator<string> {
    return this.members.keys();
  }

  /** Forgets every set. */
  clear(): void {
    this.parent.clear();
    this.members.clear();
    this.smallest.clear();
  }
}
