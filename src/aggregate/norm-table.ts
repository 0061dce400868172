import { hashRange } from './packed-norms.js';

/**
 * Numbers the strings it is shown, looked up straight from a range of a larger string: no substring
 * is made for a string already seen (a map keyed by strings would need one per lookup). Open
 * addressing over typed arrays; each new string is given `firstValue(text)` once, which later lookups
 * return.
 */
export class NormTable {
  private keys: string[] = [];
  private values: number[] = [];
  private hashes = new Int32Array(1024);
  /** Slot -> entry index + 1 (0: empty). */
  private slots = new Int32Array(2048);
  private mask = 2047;

  constructor(private readonly firstValue: (text: string) => number) {}

  get size(): number {
    return this.keys.length;
  }

  /** The value of `s.slice(start, end)`, computed on first sight; `h` is its `hashRange`. */
  lookup(s: string, start: number, end: number, h: number = hashRange(s, start, end)): number {
    const len = end - start;
    let slot = h & this.mask;
    for (;;) {
      const entry = this.slots[slot] as number;
      if (entry === 0) break;
      const e = entry - 1;
      if (this.hashes[e] === h) {
        const key = this.keys[e] as string;
        if (key.length === len && sameText(key, s, start)) return this.values[e] as number;
      }
      slot = (slot + 1) & this.mask;
    }
    const text = s.slice(start, end);
    const value = this.firstValue(text);
    const e = this.keys.length;
    this.keys.push(text);
    this.values.push(value);
    if (e >= this.hashes.length) {
      const grown = new Int32Array(this.hashes.length * 2);
      grown.set(this.hashes);
      this.hashes = grown;
    }
    this.hashes[e] = h;
    this.slots[slot] = e + 1;
    if ((e + 1) * 2 > this.slots.length) this.rehash();
    return value;
  }

  private rehash(): void {
    const size = this.slots.length * 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    for (let e = 0; e < this.keys.length; e++) {
      let slot = (this.hashes[e] as number) & this.mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot] = e + 1;
    }
  }
}

function sameText(key: string, s: string, start: number): boolean {
  for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) !== s.charCodeAt(start + i)) return false;
  return true;
}
