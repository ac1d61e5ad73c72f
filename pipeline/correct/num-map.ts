/**
 * A read-mostly map from non-negative integer keys (below 2^53) to numbers, on
 * typed arrays with open addressing (internal to pipeline/correct). The
 * character model looks up millions of bigram and trigram keys per megabyte;
 * a JS Map boxes keys above 2^31 and hashes them slowly.
 */
export class NumMap {
  private keys: Float64Array;
  private vals: Float64Array;
  private full: Uint8Array;
  private mask: number;
  size = 0;

  constructor(entries?: Iterable<readonly [number, number]>, expected = 16) {
    let cap = 16;
    while (cap < expected * 2) cap *= 2;
    this.keys = new Float64Array(cap);
    this.vals = new Float64Array(cap);
    this.full = new Uint8Array(cap);
    this.mask = cap - 1;
    if (entries) for (const [k, v] of entries) this.set(k, v);
  }

  private slot(key: number): number {
    const lo = key >>> 0;
    const hi = (key / 4294967296) >>> 0;
    let h = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
    h ^= h >>> 15;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 13;
    let i = h & this.mask;
    while (this.full[i] && this.keys[i] !== key) i = (i + 1) & this.mask;
    return i;
  }

  get(key: number): number | undefined {
    const i = this.slot(key);
    return this.full[i] ? this.vals[i] : undefined;
  }

  has(key: number): boolean {
    return this.full[this.slot(key)] === 1;
  }

  set(key: number, value: number): void {
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    const i = this.slot(key);
    if (!this.full[i]) {
      this.full[i] = 1;
      this.keys[i] = key;
      this.size++;
    }
    this.vals[i] = value;
  }

  /** Adds 1 to the key's value (0 when absent); returns the value before. */
  increment(key: number): number {
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    const i = this.slot(key);
    if (!this.full[i]) {
      this.full[i] = 1;
      this.keys[i] = key;
      this.vals[i] = 0;
      this.size++;
    }
    return this.vals[i]++;
  }

  /** Every key and its value, in slot order (not insertion order). */
  forEach(visit: (key: number, value: number) => void): void {
    for (let i = 0; i < this.keys.length; i++) if (this.full[i]) visit(this.keys[i], this.vals[i]);
  }

  private grow(): void {
    const { keys, vals, full } = this;
    this.keys = new Float64Array(keys.length * 2);
    this.vals = new Float64Array(keys.length * 2);
    this.full = new Uint8Array(keys.length * 2);
    this.mask = this.keys.length - 1;
    this.size = 0;
    for (let i = 0; i < keys.length; i++) if (full[i]) this.set(keys[i], vals[i]);
  }
}

/** The same as a set of integer keys. */
export class NumSet extends NumMap {
  add(key: number): this {
    this.set(key, 1);
    return this;
  }
}
