// Builds dictionaries/word-lm-libime/ from Debian's libime-data-language-model
// (fcitx libime's Chinese word trigram, LGPL-2.1+), in the format of
// dictionaries/word-lm/ (see scripts/build-word-lm.ts and
// pipeline/correct/word-lm.ts), so the two models can be compared.
//
// Input (Debian package libime-data-language-model, needed only here):
//   zh_CN.lm      KenLM binary, trie with quantisation and array-compressed
//                 pointers, log10 probabilities; read by scripts/lib/kenlm-trie.ts
// Output:
//   words.tsv     word \t ln P(word) \t ln backoff(word); line k = id k.
//                 id 0 is the boundary / non-word token <s>: the model has no
//                 <s> or </s> (libime loads it with sentence markers "missing,
//                 silently"), so id 0 is KenLM's <unk> (its probability and its
//                 zero backoff: what libime gives any token outside the
//                 vocabulary, before libime's own unknown penalty, and a
//                 context-free start, as libime's begin state). The other
//                 words follow by falling probability.
//   bigrams.bin.gz  the bigrams whose probability differs from the back-off
//                 estimate by at least --lift nats (either way), as build-word-lm.ts
//   README.md     source, licence, counts
// Trigrams are not kept (the format is a bigram model).
//
// Usage: npx tsx scripts/build-libime-word-lm.ts [--lift 1.0] [--lm /usr/lib/x86_64-linux-gnu/libime/zh_CN.lm]
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { encodeBigrams, QUANT_STEP, WORD_LM_HEADER, WORD_LM_MAX_LEN, BOUNDARY, type BigramRow } from '../pipeline/correct/word-lm.ts';
import { flag } from './lib/flag.ts';
import { KenlmTrie } from './lib/kenlm-trie.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'dictionaries', 'word-lm-libime');
const PACKAGE = 'libime-data-language-model';

/** The installed version of a Debian package, from dpkg's status file ("unknown" when not found). */
function debianVersion(pkg: string): string {
  const status = existsSync('/var/lib/dpkg/status') ? readFileSync('/var/lib/dpkg/status', 'utf8') : '';
  const stanza = status.split('\n\n').find((s) => s.startsWith(`Package: ${pkg}\n`));
  return /^Version: (.+)$/m.exec(stanza ?? '')?.[1] ?? 'unknown';
}

/**
 * Dense ids: 0 for the boundary (KenLM's <unk>, index 0), then every other
 * KenLM word by falling unigram probability, ties by text. Returns the KenLM
 * index of each id and the id of each KenLM index.
 */
function denseIds(lm: KenlmTrie): { order: number[]; dense: Int32Array } {
  const rest: number[] = [];
  for (let i = 0; i < lm.words.length; i++) if (i !== lm.unk && i !== lm.bos && i !== lm.eos) rest.push(i);
  rest.sort((a, b) => lm.unigramProb[b]! - lm.unigramProb[a]! || (lm.words[a]! < lm.words[b]! ? -1 : 1));
  const order = [lm.unk, ...rest];
  const dense = new Int32Array(lm.words.length).fill(-1);
  order.forEach((k, id) => (dense[k] = id));
  // a model with sentence markers: they are boundaries too
  for (const k of [lm.bos, lm.eos]) dense[k] = 0;
  return { order, dense };
}

/** words.tsv: header, then one line per dense id (natural logs, 3 decimals). */
function wordsTsv(lm: KenlmTrie, order: number[]): string {
  const lines = [WORD_LM_HEADER];
  order.forEach((k, id) => {
    const w = id === 0 ? BOUNDARY : lm.words[k]!;
    if (!w || /[\t\n\r]/.test(w)) throw new Error(`KenLM word ${k} has no usable text`);
    lines.push(`${w}\t${(lm.unigramProb[k]! * Math.LN10).toFixed(3)}\t${(lm.unigramBackoff[k]! * Math.LN10).toFixed(3)}`);
  });
  return lines.join('\n') + '\n';
}

/** The bigrams whose ln probability differs from ln backoff(h) + ln P(w) by at least liftMin, quantised. */
function selectBigrams(lm: KenlmTrie, dense: Int32Array, liftMin: number): { rows: BigramRow[]; read: number; withBoundary: number } {
  const rows: BigramRow[] = [];
  const seen = new Set<number>();
  let read = 0;
  let withBoundary = 0;
  for (const { words, prob } of lm.bigrams()) {
    read++;
    const [h, w] = words as [number, number];
    const lp = prob * Math.LN10;
    const estimate = (lm.unigramBackoff[h]! + lm.unigramProb[w]!) * Math.LN10;
    if (Math.abs(lp - estimate) < liftMin) continue;
    const row = { h: dense[h]!, w: dense[w]!, q: Math.min(255, Math.max(0, Math.round(-lp / QUANT_STEP))) };
    if (row.h === 0 || row.w === 0) {
      // sentence markers (if any) and <unk> share id 0: keep the first bigram of a merged pair
      const key = row.h * lm.words.length + row.w;
      if (seen.has(key)) continue;
      seen.add(key);
      withBoundary++;
    }
    rows.push(row);
  }
  return { rows, read, withBoundary };
}

/** Share of the vocabulary (without <unk>) by kind, for the README. */
function vocabularyShape(lm: KenlmTrie): { single: number; multi: number; nonHan: number; longest: number; tooLong: number } {
  let single = 0;
  let multi = 0;
  let nonHan = 0;
  let longest = 0;
  let tooLong = 0;
  for (let k = 1; k < lm.words.length; k++) {
    const w = lm.words[k]!;
    const n = [...w].length;
    longest = Math.max(longest, n);
    if (w.length > WORD_LM_MAX_LEN) tooLong++;
    if (!/^\p{Script=Han}+$/u.test(w)) nonHan++;
    else if (n === 1) single++;
    else multi++;
  }
  return { single, multi, nonHan, longest, tooLong };
}

function readme(p: {
  version: string;
  lmFile: string;
  lmBytes: number;
  counts: number[];
  words: number;
  kept: number;
  liftArg: string;
  shape: ReturnType<typeof vocabularyShape>;
  unkLogP: number;
  markers: boolean;
  withBoundary: number;
  quantBits: { prob: number; backoff: number };
}): string {
  const n = (x: number): string => x.toLocaleString('en-US');
  const { single, multi, nonHan, longest, tooLong } = p.shape;
  return `# Word language model (from libime-data-language-model)

A back-off word bigram over ${n(p.words)} words (${n(p.kept)} bigrams kept) taken from
fcitx libime's Chinese word trigram, in the format of \`dictionaries/word-lm/\`
(read by \`pipeline/correct/word-lm.ts\`), for comparison with that model.

| file | content |
|---|---|
| \`words.tsv\` | \`word\\tlogp\\tbackoff\`: line k (after the header) is word id k; natural-log unigram probability and back-off weight |
| \`bigrams.bin.gz\` | the bigrams whose −ln P differs from the back-off estimate by at least ${p.liftArg} nat, −ln P quantised to 1/8 nat, grouped by history (layout in \`pipeline/correct/word-lm.ts\`) |

## Source

Debian package \`libime-data-language-model\` ${p.version} (source package
\`libime\`, upstream <https://github.com/fcitx/libime>, data from
<https://download.fcitx-im.org/data>), file \`${p.lmFile}\` (${n(p.lmBytes)} bytes): a KenLM
binary (format 5, trie with quantisation (${p.quantBits.prob}-bit probabilities, ${p.quantBits.backoff}-bit
backoffs) and array-compressed pointers),
order ${p.counts.length}, ${p.counts.map((c, i) => `${n(c)} ${i + 1}-grams`).join(', ')}.

Vocabulary: <unk> and ${n(p.counts[0]! - 1)} words: ${n(single)} single Han characters,
${n(multi)} multi-character Han words (longest ${longest} characters), ${n(nonHan)} other
tokens${nonHan === 0 ? ' (no punctuation, digit or Latin token)' : ' (kept as words)'}; ${p.markers ? 'with' : 'no'} sentence markers
(<s>, </s>). The ${n(tooLong)} words longer than the segmentation's WORD_LM_MAX_LEN
(${WORD_LM_MAX_LEN} UTF-16 units) are listed but never matched.

## How it was made

\`npx tsx scripts/build-libime-word-lm.ts --lift ${p.liftArg}\`, which decodes the KenLM file
with \`scripts/lib/kenlm-trie.ts\` (written from the KenLM sources' layout; no KenLM
code is used) and converts log10 to natural logs. Only the build needs the package.

- \`<s>\` (id 0, the format's boundary / non-word token) is KenLM's \`<unk>\`:
  ln P = ${p.unkLogP.toFixed(3)} (the model's floor, shared with its rarest words) and
  backoff 0, i.e. a non-Han character costs what libime's model gives any token
  outside its vocabulary (libime adds its own unknown penalty on top, not kept
  here), and the word after it is scored without context, as from libime's
  begin state (which, without <s>, is the <unk> context). libime's default
  unknown penalty is log10(1/60,000,000) ≈ −17.9 nats.${p.markers ? ' The sentence markers are merged into id 0 as well.' : ''}
  Bigrams kept with id 0 on either side: ${n(p.withBoundary)}.
- The other words are ordered by falling probability (ties by text).
- A bigram is kept when |ln P(w | h) − (ln backoff(h) + ln P(w))| ≥ ${p.liftArg} (as
  \`scripts/build-word-lm.ts\`). The source's bigrams include KenLM's filler
  entries for contexts of pruned bigrams, whose probability is the back-off
  estimate (up to KenLM's quantisation); a threshold above that error drops them.
- Trigrams (${n(p.counts[2] ?? 0)}) are not kept. KenLM's values are already
  quantised (${n(2 ** p.quantBits.prob)} levels per probability table); the format quantises −ln P again to 1/8 nat.

## Licence and attribution

Derived from the libime language model, copyright (c) 2015-2022 CSSlayer
<wengxt@gmail.com>, licensed under the GNU Lesser General Public License,
version 2.1 or (at your option) any later version (LGPL-2.1+,
<https://www.gnu.org/licenses/old-licenses/lgpl-2.1.html>; on Debian
\`/usr/share/common-licenses/LGPL-2.1\`). The files in this folder are a
modification of that data (format conversion: natural-log probabilities,
re-quantised and thresholded bigrams, trigrams dropped) and are distributed
under the same licence, LGPL-2.1+. The rest of the project is not affected by
this licence.
`;
}

function main(): void {
  const lmFile = flag('lm', '/usr/lib/x86_64-linux-gnu/libime/zh_CN.lm');
  const liftArg = flag('lift', '1.0');
  const liftMin = Number(liftArg);
  if (!(liftMin >= 0)) throw new Error('--lift must be a number ≥ 0');
  if (!existsSync(lmFile)) throw new Error(`${lmFile} missing: apt-get install ${PACKAGE}`);
  const t0 = performance.now();
  const lm = KenlmTrie.fromFile(lmFile);
  const { order, dense } = denseIds(lm);
  const tsv = wordsTsv(lm, order);
  const { rows, read, withBoundary } = selectBigrams(lm, dense, liftMin);
  const decodeMs = performance.now() - t0;
  const gz = gzipSync(encodeBigrams(order.length, rows), { level: 9 });
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'words.tsv'), tsv);
  writeFileSync(join(outDir, 'bigrams.bin.gz'), gz);
  const info = {
    version: debianVersion(PACKAGE),
    lmFile,
    lmBytes: statSync(lmFile).size,
    counts: lm.header.counts,
    words: order.length,
    kept: rows.length,
    liftArg,
    shape: vocabularyShape(lm),
    unkLogP: lm.unigramProb[lm.unk]! * Math.LN10,
    markers: lm.bos !== lm.unk || lm.eos !== lm.unk,
    withBoundary,
    quantBits: lm.quantBits,
  };
  writeFileSync(join(outDir, 'README.md'), readme(info));
  console.log(
    `words ${order.length}; bigrams read ${read}, kept ${rows.length} (|lift| >= ${liftMin} nats); trigrams ${lm.header.counts[2] ?? 0} (not kept); ` +
      `decode ${(decodeMs / 1000).toFixed(1)} s; words.tsv ${(Buffer.byteLength(tsv) / 1e6).toFixed(2)} MB, bigrams.bin.gz ${(gz.length / 1e6).toFixed(2)} MB`,
  );
}

main();
