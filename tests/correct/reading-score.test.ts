/**
 * The one-character reading score's cascade (singleLogOdds): each reading it keeps
 * gets exactly the weighted log-odds of its full feature vector (readingFeatures),
 * and the only readings it rules out are ones whose log-odds cannot reach the floor
 * (seeded corpus lines with a misread character, random priors and floors).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDictionaries } from '../../pipeline/correct/dictionaries.ts';
import { decoderModels } from '../../pipeline/correct/models.ts';
import { DocumentPairs, logOdds, readingFeatures, singleLogOdds } from '../../pipeline/correct/reading-score.ts';
import { rng } from '../../scripts/lib/rng.ts';

const dicts = loadDictionaries();
const m = decoderModels(dicts);
const lines = readFileSync(join(dicts.dir, 'corpus', 'xuncha-02.txt'), 'utf8').split('\n').filter((l) => l.length > 12).slice(0, 20);

describe('singleLogOdds', () => {
  it('scores what it keeps as readingFeatures does and rules out only what cannot pass the floor', () => {
    const next = rng(20261207);
    const doc = new DocumentPairs(lines.join('\n'));
    let kept = 0;
    let passed = 0;
    let ruledOut = 0;
    for (let t = 0; t < 150; t++) {
      // a corpus line with one character misread as a look-alike: its truth is among the readings
      const line = lines[Math.floor(next() * lines.length)]!;
      const i = Math.floor(next() * line.length);
      const looks = m.candidates.of(line[i]!);
      const s = looks.length ? line.slice(0, i) + looks[Math.floor(next() * looks.length)]! + line.slice(i + 1) : line;
      const cands = [...new Set([...m.candidates.of(s[i]!), line[i]!, '的', '干'])].filter((c) => c !== s[i]);
      const llrs = cands.map(() => (next() - 0.5) * 8);
      const features = cands.map((c) => readingFeatures(m.models, s, [{ at: i, to: c }], doc));
      // a word bound that holds for these readings: what the cascade assumes of it
      const wordBound = Math.max(...features.map((f) => m.weights.word * f.word)) + 1e-9;
      // a floor among the readings' own log-odds, so that some pass and some do not
      const fulls = features.map((f, k) => logOdds(m.weights, f) + llrs[k]!).sort((a, b) => a - b);
      const floor = fulls[Math.floor(next() * fulls.length)]!;
      const got = singleLogOdds(m.models, m.weights, s, i, cands, llrs, doc, floor, wordBound);
      cands.forEach((c, k) => {
        const full = logOdds(m.weights, features[k]!) + llrs[k]!;
        if (got[k] === -Infinity) {
          ruledOut++;
          expect(full).toBeLessThanOrEqual(floor + 1e-9);
        } else {
          kept++;
          expect(got[k]).toBeCloseTo(full, 9);
          if (full > floor) passed++;
        }
      });
    }
    // both sides of the cascade were exercised
    expect(kept).toBeGreaterThan(100);
    expect(ruledOut).toBeGreaterThan(500);
    expect(passed).toBeGreaterThan(1000);
  });
});
