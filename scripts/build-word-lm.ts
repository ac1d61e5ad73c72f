// Builds dictionaries/word-lm/ from Debian's sunpinyin-data (the open-gram
// back-off word model, CC BY-SA 3.0): a large-corpus word model for the corrector.
//
// Inputs (Debian packages sunpinyin-data and sunpinyin-utils, needed only here):
//   lm_sc.t3g     back-off word trigram; `tslminfo -v -p` prints it as ARPA
//                 with probabilities and word ids
//   pydict_sc.bin pinyin trie; its header holds [word count, node count,
//                 lexicon offset] and the lexicon is the words as
//                 NUL-terminated UTF-32LE strings in word-id order
// Output:
//   words.tsv     word \t ln P(word) \t ln backoff(word), one line per word id
//                 of the model (line k = id k; id 0 is the model's
//                 boundary / non-word token, written as <s>)
//   bigrams.bin.gz  the bigrams whose probability differs from the back-off
//                 estimate by more than LIFT_MIN nats (either way), grouped by
//                 history: see pipeline/correct/word-lm.ts for the layout
// Trigrams are not kept (size; the decoder's windows are short).
//
// Usage: npx tsx scripts/build-word-lm.ts [--lift 1.0] [--data /usr/lib/x86_64-linux-gnu/sunpinyin/data]
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { encodeBigrams, QUANT_STEP, WORD_LM_HEADER } from '../pipeline/correct/word-lm.ts';
import { flag } from './lib/flag.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'dictionaries', 'word-lm');

/** Node has no utf32le codec: decode by hand. */
function utf32(buf: Buffer): string {
  let s = '';
  for (let i = 0; i + 3 < buf.length; i += 4) s += String.fromCodePoint(buf.readUInt32LE(i));
  return s;
}

function readLexiconUtf32(file: string): string[] {
  const buf = readFileSync(file);
  const nWords = buf.readUInt32LE(0);
  let p = buf.readUInt32LE(8);
  const words: string[] = [];
  for (let i = 0; i < nWords; i++) {
    let e = p;
    while (buf.readUInt32LE(e) !== 0) e += 4;
    words.push(utf32(buf.subarray(p, e)));
    p = e + 4;
  }
  return words;
}

async function main(): Promise<void> {
  const dataDir = flag('data', '/usr/lib/x86_64-linux-gnu/sunpinyin/data');
  const liftMin = Number(flag('lift', '1.0'));
  const t3g = join(dataDir, 'lm_sc.t3g');
  const dict = join(dataDir, 'pydict_sc.bin');
  for (const f of [t3g, dict]) if (!existsSync(f)) throw new Error(`${f} missing: apt-get install sunpinyin-data sunpinyin-utils`);
  const lexicon = readLexiconUtf32(dict);
  const uniP = new Map<number, number>();
  const uniB = new Map<number, number>();
  const big: { h: number; w: number; lp: number }[] = [];
  let level = 0;
  let seen2 = 0;
  const child = spawn('tslminfo', ['-v', '-p', t3g], { stdio: ['ignore', 'pipe', 'inherit'] });
  const rl = createInterface({ input: child.stdout });
  for await (const line of rl) {
    if (line.startsWith('\\')) {
      level = Number(line[1]);
      if (level === 3) break;
      continue;
    }
    const f = line.trim().split(/\s+/);
    if (level === 1) {
      uniP.set(Number(f[0]), Math.log(Number(f[1])));
      uniB.set(Number(f[0]), Math.log(Number(f[2])));
    } else if (level === 2) {
      seen2++;
      const h = Number(f[0]);
      const w = Number(f[1]);
      const lp = Math.log(Number(f[2]));
      const backoff = (uniB.get(h) ?? 0) + (uniP.get(w) ?? -30);
      if (Math.abs(lp - backoff) >= liftMin) big.push({ h, w, lp });
    }
  }
  child.kill();
  // dense ids: model ids in ascending order
  const ids = [...uniP.keys()].sort((a, b) => a - b);
  const dense = new Map<number, number>(ids.map((id, k) => [id, k]));
  const lines = [WORD_LM_HEADER];
  for (const id of ids) {
    const w = id === 0 ? '<s>' : lexicon[id];
    if (!w || /[\t\n]/.test(w)) throw new Error(`word id ${id} has no usable text`);
    lines.push(`${w}\t${uniP.get(id)!.toFixed(3)}\t${uniB.get(id)!.toFixed(3)}`);
  }
  const rows = big.map((b) => ({ h: dense.get(b.h)!, w: dense.get(b.w)!, q: Math.min(255, Math.max(0, Math.round(-b.lp / QUANT_STEP))) }));
  const bin = encodeBigrams(ids.length, rows);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'words.tsv'), lines.join('\n') + '\n');
  const gz = gzipSync(bin, { level: 9 });
  writeFileSync(join(outDir, 'bigrams.bin.gz'), gz);
  console.log(`words ${ids.length}; bigrams read ${seen2}, kept ${rows.length} (|lift| >= ${liftMin} nats); bigrams.bin.gz ${(gz.length / 1e6).toFixed(2)} MB`);
}

await main();
