/**
 * Is a PDF text layer worth trusting? Cheap tests, each with a name that goes
 * into the page `reason` when it fails.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const HAN = /\p{Script=Han}/u;

let bigrams: Set<string> | null = null;

/** Han character bigrams inside words of the jieba dictionary (loaded once, ~0.2 s). */
export function jiebaBigrams(): Set<string> {
  if (bigrams) return bigrams;
  const require = createRequire(import.meta.url);
  const dictPath = join(dirname(require.resolve('@node-rs/jieba/package.json')), 'dict.txt');
  const set = new Set<string>();
  const text = readFileSync(dictPath, 'utf8');
  let pos = 0;
  while (pos < text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    const sp = text.indexOf(' ', pos);
    const word = text.slice(pos, sp > pos && sp < nl ? sp : nl);
    for (let i = 0; i + 1 < word.length; i++) {
      const a = word[i];
      const b = word[i + 1];
      if (HAN.test(a) && HAN.test(b)) set.add(a + b);
    }
    pos = nl + 1;
  }
  bigrams = set;
  return set;
}

/** Share of adjacent Han pairs (whitespace removed) found in jieba words; null below `minPairs` pairs. */
export function hanBigramHitShare(text: string, minPairs = 15): number | null {
  const s = [...text.replace(/\s+/gu, '')];
  let pairs = 0;
  let hits = 0;
  let set: Set<string> | null = null;
  for (let i = 0; i + 1 < s.length; i++) {
    if (!HAN.test(s[i]) || !HAN.test(s[i + 1])) continue;
    pairs++;
    set ??= jiebaBigrams();
    if (set.has(s[i] + s[i + 1])) hits++;
  }
  return pairs >= minPairs ? hits / pairs : null;
}

export interface QualityVerdict {
  ok: boolean;
  /** Name of the failed test and its figure, or a summary of the passed ones. */
  reason: string;
  stats: { chars: number; han: number; hanShare: number; spacedHanShare: number; bigramHitShare: number | null; oddShare: number };
}

export const QUALITY_THRESHOLDS = {
  /** Below this many non-space characters a page is not judged (page numbers, blank pages). */
  minChars: 20,
  /** Han characters among non-space characters (a Chinese notice page is mostly Han). */
  minHanShare: 0.3,
  /** Han–Han neighbours separated by a space, among all Han–Han neighbours. */
  maxSpacedHanShare: 0.5,
  /** Adjacent Han pairs found inside jieba words (real prose ~0.5, shuffled ~0.2). */
  minBigramHitShare: 0.3,
  /** Minimum Han bigrams before the bigram test is applied. */
  minBigrams: 15,
  /** Replacement, private-use and C0 control characters (broken ToUnicode maps). */
  maxOddShare: 0.05,
};

export function judgeTextLayer(text: string): QualityVerdict {
  const T = QUALITY_THRESHOLDS;
  const cps = [...text];
  const nonSpace = cps.filter((c) => !/\s/u.test(c));
  const han = nonSpace.filter((c) => HAN.test(c)).length;
  const odd = nonSpace.filter((c) => /[\ufffd\ue000-\uf8ff\u0000-\u001f]/u.test(c)).length;

  // Han neighbours: directly adjacent vs separated by exactly one space.
  let adjacent = 0;
  let spaced = 0;
  for (let i = 0; i + 1 < cps.length; i++) {
    if (!HAN.test(cps[i])) continue;
    if (HAN.test(cps[i + 1])) adjacent++;
    else if ((cps[i + 1] === ' ' || cps[i + 1] === '\u3000') && i + 2 < cps.length && HAN.test(cps[i + 2])) spaced++;
  }
  const spacedHanShare = adjacent + spaced === 0 ? 0 : spaced / (adjacent + spaced);

  // Bigram plausibility on the text with whitespace removed.
  const hanSeq = nonSpace.join('');
  let pairs = 0;
  let hits = 0;
  const set = han >= T.minBigrams ? jiebaBigrams() : null;
  if (set) {
    const s = [...hanSeq];
    for (let i = 0; i + 1 < s.length; i++) {
      if (!HAN.test(s[i]) || !HAN.test(s[i + 1])) continue;
      pairs++;
      if (set.has(s[i] + s[i + 1])) hits++;
    }
  }
  const bigramHitShare = pairs >= T.minBigrams ? hits / pairs : null;
  const hanShare = nonSpace.length === 0 ? 0 : han / nonSpace.length;
  const stats = { chars: nonSpace.length, han, hanShare, spacedHanShare, bigramHitShare, oddShare: nonSpace.length ? odd / nonSpace.length : 0 };
  const pct = (x: number) => `${(x * 100).toFixed(0)}%`;

  if (nonSpace.length < T.minChars) return { ok: true, reason: `short text layer (${nonSpace.length} characters), not judged`, stats };
  if (stats.oddShare > T.maxOddShare)
    return { ok: false, reason: `text layer has ${pct(stats.oddShare)} unmapped/replacement characters (limit ${pct(T.maxOddShare)})`, stats };
  if (hanShare < T.minHanShare)
    return { ok: false, reason: `too few Han characters in text layer: ${pct(hanShare)} of characters (minimum ${pct(T.minHanShare)})`, stats };
  if (spacedHanShare > T.maxSpacedHanShare)
    return { ok: false, reason: `spaces between most Han characters in text layer: ${pct(spacedHanShare)} of Han neighbours (limit ${pct(T.maxSpacedHanShare)})`, stats };
  if (bigramHitShare !== null && bigramHitShare < T.minBigramHitShare)
    return {
      ok: false,
      reason: `implausible words in text layer: only ${pct(bigramHitShare)} of Han character pairs occur in jieba dictionary words (minimum ${pct(T.minBigramHitShare)})`,
      stats,
    };
  return {
    ok: true,
    reason: `Han ${pct(hanShare)}, spaced Han ${pct(spacedHanShare)}, dictionary bigrams ${bigramHitShare === null ? 'n/a' : pct(bigramHitShare)}`,
    stats,
  };
}
