/**
 * The typed-array map behind the character model and the corrector's pair
 * tables must answer exactly like a Map, for keys of any size below 2^53.
 */
import { describe, expect, it } from 'vitest';
import { NumMap, NumSet } from '../../pipeline/correct/num-map.ts';
import { rng } from '../../scripts/lib/rng.ts';

describe('NumMap', () => {
  it('agrees with Map on seeded random keys (small, above 2^31, up to 2^48), through growth', () => {
    const rnd = rng(7);
    const ref = new Map<number, number>();
    const m = new NumMap();
    for (let t = 0; t < 20000; t++) {
      const scale = [100, 2 ** 33, 2 ** 48][t % 3];
      const k = Math.floor(rnd() * scale);
      const v = Math.floor(rnd() * 1000);
      ref.set(k, v);
      m.set(k, v);
    }
    expect(m.size).toBe(ref.size);
    for (const [k, v] of ref) expect(m.get(k)).toBe(v);
    for (let t = 0; t < 2000; t++) {
      const k = Math.floor(rnd() * 2 ** 40);
      expect(m.get(k)).toBe(ref.get(k));
      expect(m.has(k)).toBe(ref.has(k));
    }
  });

  it('counts with increment (returning the count before) and visits every entry once with forEach', () => {
    const rnd = rng(11);
    const ref = new Map<number, number>();
    const m = new NumMap();
    for (let t = 0; t < 5000; t++) {
      const k = Math.floor(rnd() * 300) * 2 ** 33 + Math.floor(rnd() * 3);
      expect(m.increment(k)).toBe(ref.get(k) ?? 0);
      ref.set(k, (ref.get(k) ?? 0) + 1);
    }
    const seen = new Map<number, number>();
    m.forEach((k, v) => {
      expect(seen.has(k)).toBe(false);
      seen.set(k, v);
    });
    expect(new Map([...seen].sort((a, b) => a[0] - b[0]))).toEqual(new Map([...ref].sort((a, b) => a[0] - b[0])));
  });

  it('builds from entries and works as a set', () => {
    const m = new NumMap([[0, 1], [2 ** 40 + 3, 5]]);
    expect([m.get(0), m.get(2 ** 40 + 3), m.get(3)]).toEqual([1, 5, undefined]);
    const s = new NumSet().add(0x4e00 * 0x10000 + 0x9fff);
    expect(s.has(0x4e00 * 0x10000 + 0x9fff)).toBe(true);
    expect(s.has(0x9fff)).toBe(false);
  });
});
