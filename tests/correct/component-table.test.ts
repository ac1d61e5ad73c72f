/**
 * dictionaries/confusions/component.tsv (component-level look-alikes, made by
 * scripts/confusions/component-similarity.ts) must be a well-formed table that
 * only ADDS to glyph.tsv: header, 3 columns, similarity in (0,1], no self pairs,
 * no duplicates, no pair that glyph.tsv already has in either direction, and
 * rows grouped by char with candidates sorted by similarity.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { combineParts, partFactor, quantileMap } from '../../scripts/confusions/component-similarity.ts';

const dir = join(import.meta.dirname, '..', '..', 'dictionaries', 'confusions');
const read = (f: string): string[] => readFileSync(join(dir, f), 'utf8').split('\n');
const lines = read('component.tsv');
const rows = lines.slice(1).filter((l) => l !== '').map((l) => l.split('\t'));
const glyph = new Set(
  read('glyph.tsv')
    .slice(1)
    .filter(Boolean)
    .map((l) => l.split('\t').slice(0, 2).join('\t')),
);
const isHan = (s: string): boolean => /^\p{Script=Han}$/u.test(s);

describe('component.tsv', () => {
  it('has the header and a few thousand chars worth of rows', () => {
    expect(lines[0]).toBe('char\tcandidate\tsimilarity');
    expect(lines.at(-1)).toBe(''); // ends with a newline
    expect(rows.length).toBeGreaterThan(10_000);
  });

  it('has 3 columns: one Han char, one Han char, similarity in (0,1] with 4 decimals', () => {
    const bad = rows.filter(
      (r) => r.length !== 3 || !isHan(r[0]!) || !isHan(r[1]!) || !/^[01]\.\d{4}$/.test(r[2]!) || !(Number(r[2]) > 0 && Number(r[2]) <= 1),
    );
    expect(bad.slice(0, 5)).toEqual([]);
  });

  it('has no self pairs and no duplicate pairs', () => {
    expect(rows.filter((r) => r[0] === r[1])).toEqual([]);
    const seen = new Set<string>();
    const dup: string[] = [];
    for (const [a, b] of rows) {
      const k = `${a}\t${b}`;
      if (seen.has(k)) dup.push(k);
      seen.add(k);
    }
    expect(dup).toEqual([]);
  });

  it('contains no pair that glyph.tsv already has, in either direction', () => {
    const overlap = rows.filter(([a, b]) => glyph.has(`${a}\t${b}`) || glyph.has(`${b}\t${a}`));
    expect(overlap.slice(0, 5)).toEqual([]);
  });

  it('groups rows by char (contiguous), at most 8 candidates each, similarity descending', () => {
    const done = new Set<string>();
    let prev: string[] | undefined;
    let count = 0;
    const problems: string[] = [];
    for (const r of rows) {
      if (!prev || prev[0] !== r[0]) {
        if (done.has(r[0]!)) problems.push(`${r[0]} not contiguous`);
        done.add(r[0]!);
        count = 0;
      } else if (Number(r[2]) > Number(prev[2])) problems.push(`${r.join(' ')} after ${prev.join(' ')}`);
      if (++count > 8) problems.push(`${r[0]} has more than 8 candidates`);
      prev = r;
    }
    expect(problems.slice(0, 5)).toEqual([]);
  });
});

describe('component score helpers', () => {
  it.each([
    [0.9, 0.3, 0.7],
    [0.3, 0.9, 0.7],
    [0.5, 0.5, 0.6],
    [-0.2, 0.95, 0.7],
  ])('combineParts(%f, %f, wmax %f) is symmetric and lies between the two parts, nearer the larger', (p, q, w) => {
    const v = combineParts(p, q, w);
    expect(v).toBeCloseTo(combineParts(q, p, w), 12);
    expect(v).toBeGreaterThanOrEqual(Math.min(p, q) - 1e-12);
    expect(v).toBeLessThanOrEqual(Math.max(p, q) + 1e-12);
    expect(Math.abs(v - Math.max(p, q))).toBeLessThanOrEqual(Math.abs(v - Math.min(p, q)) + 1e-12);
  });

  it('partFactor discounts near-empty and unequal parts and never exceeds 1', () => {
    expect(partFactor(0.5, 1, 0.2, 0.5)).toBe(1);
    expect(partFactor(0.05, 1, 0.2, 0.5)).toBeCloseTo(0.25, 12);
    expect(partFactor(0.5, 0.25, 0.2, 0.5)).toBeCloseTo(0.5, 12);
    expect(partFactor(0.5, 0.25, 0.2, 0)).toBe(1);
  });

  it('quantileMap is monotone and maps the ends of one distribution onto the ends of the other', () => {
    const from = [0.1, 0.2, 0.3, 0.4, 0.5];
    const to = [0.5, 0.6, 0.7, 0.8, 0.9];
    expect(quantileMap(0.1, from, to)).toBeCloseTo(0.5, 12);
    expect(quantileMap(0.5, from, to)).toBeCloseTo(0.9, 12);
    expect(quantileMap(0.3, from, to)).toBeCloseTo(0.7, 12);
    const xs = [0, 0.15, 0.22, 0.3, 0.41, 0.5, 0.8].map((x) => quantileMap(x, from, to));
    for (let i = 1; i < xs.length; i++) expect(xs[i]!).toBeGreaterThanOrEqual(xs[i - 1]!);
  });
});
