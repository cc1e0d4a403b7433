/**
 * A memo from a key to a value computed once. It only saves work, so when it reaches its limit
 * it starts afresh instead of growing without bound.
 */
export class BoundedMemo<K, V> {
  private entries = new Map<K, V>();

  constructor(private readonly limit: number) {}

  /** Returns the value of `key`, computing it with `compute` on first use. */
  get(key: K, compute: (key: K) => V): V {
    let value = this.entries.get(key);
    if (value === undefined) {
      if (this.entries.size >= this.limit) this.entries = new Map();
      value = compute(key);
      this.entries.set(key, value);
    }
    return value;
  }
}
