// Character frequencies from the jieba word list (node_modules/@node-rs/jieba/dict.txt).
// freq = sum of freq of every word containing the character (counted once per
//        occurrence in the word), solo = freq of the single-character word.
// Output: dictionaries/charfreq.tsv, header `char\tfreq\tsolo`, top N chars by freq.
// Usage: npx tsx scripts/confusions/build-charfreq.ts [--top 8000]
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const HAN = /^\p{Script=Han}$/u;

export function charFrequencies(dictText: string): Map<string, { freq: number; solo: number }> {
  const m = new Map<string, { freq: number; solo: number }>();
  for (const line of dictText.split('\n')) {
    const parts = line.trim().split(/\s+/);
    if (parts.length < 2) continue;
    const word = parts[0]!;
    const f = Number(parts[1]);
    if (!Number.isFinite(f)) continue;
    const chars = [...word];
    for (const ch of chars) {
      if (!HAN.test(ch)) continue;
      let e = m.get(ch);
      if (!e) m.set(ch, (e = { freq: 0, solo: 0 }));
      e.freq += f;
      if (chars.length === 1) e.solo += f;
    }
  }
  return m;
}

function main(): void {
  const ti = process.argv.indexOf('--top');
  const top = ti >= 0 ? Number(process.argv[ti + 1]) : 8000;
  const dict = readFileSync(join(root, 'node_modules/@node-rs/jieba/dict.txt'), 'utf8');
  const m = charFrequencies(dict);
  const rows = [...m.entries()].sort((a, b) => b[1].freq - a[1].freq || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const kept = rows.slice(0, top);
  const out = ['char\tfreq\tsolo', ...kept.map(([c, e]) => `${c}\t${e.freq}\t${e.solo}`)].join('\n') + '\n';
  writeFileSync(join(root, 'dictionaries/charfreq.tsv'), out);
  console.log(`han chars in dict: ${m.size}, kept ${kept.length}, bytes ${Buffer.byteLength(out)}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
