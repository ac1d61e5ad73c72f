// Sanity recall of the confusion tables against the known notice confusions
// (scripts/confusions/sanity.ts). Usage: npx tsx scripts/confusions/recall.ts
import { readFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SANITY_PAIRS } from './sanity.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function readTsv(file: string): string[][] {
  const p = join(root, file);
  if (!existsSync(p)) return [];
  return readFileSync(p, 'utf8').split('\n').slice(1).filter(Boolean).map((l) => l.split('\t'));
}

const glyph = new Set(readTsv('dictionaries/confusions/glyph.tsv').map((r) => `${r[0]}\t${r[1]}`));
const ocr = new Set(readTsv('dictionaries/confusions/ocr-observed.tsv').map((r) => `${r[0]}\t${r[1]}`));
const has = (s: Set<string>, a: string, b: string): boolean => s.has(`${a}\t${b}`) || s.has(`${b}\t${a}`);

let g = 0;
let o = 0;
let u = 0;
const missed: string[] = [];
for (const [t, x] of SANITY_PAIRS) {
  const ig = has(glyph, t, x);
  const io = has(ocr, t, x);
  if (ig) g++;
  if (io) o++;
  if (ig || io) u++;
  else missed.push(`${t}/${x}`);
}
const n = SANITY_PAIRS.length;
console.log(`sanity pairs ${n} (either direction): glyph.tsv ${g}/${n}, ocr-observed.tsv ${o}/${n}, union ${u}/${n}`);
console.log(`missed by both: ${missed.join(' ')}`);
