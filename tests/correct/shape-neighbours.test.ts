/**
 * The precomputed shape neighbours (dictionaries/shape-neighbours.tsv): the shipped file is
 * made from the shipped features and parameters (else: run scripts/confusions/shape-neighbours.ts),
 * its rows are what the search computes, a file for other inputs is ignored, and a malformed
 * file is refused naming its line.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CANDIDATE_DEFAULTS, CandidateIndex } from '../../pipeline/correct/candidates.ts';
import { loadDictionaries } from '../../pipeline/correct/dictionaries.ts';
import { formatShapeNeighbours, readShapeNeighbours, SHAPE_NEIGHBOURS_FILE } from '../../pipeline/correct/shape-neighbours.ts';
import { jiebaCharFrequencies } from '../../pipeline/correct/word-frequencies.ts';
import { rng } from '../../scripts/lib/rng.ts';

const dicts = loadDictionaries();
const charFreq = dicts.charfreq ?? jiebaCharFrequencies(dicts.jiebaText);
const shipped = readShapeNeighbours(dicts.dir)!;
const computed = new CandidateIndex(dicts.confusions, dicts.glyphFeatures, charFreq, CANDIDATE_DEFAULTS);

describe('shape neighbours file', () => {
  it('is made from the shipped features and parameters, for every character with features', () => {
    expect(shipped.digest).toBe(computed.inputsDigest());
    expect(shipped.rows.size).toBe(8545);
  });

  it('holds what the search computes (seeded sample of characters)', () => {
    const next = rng(20261207);
    const chars = [...shipped.rows.keys()];
    for (let t = 0; t < 40; t++) {
      const ch = chars[Math.floor(next() * chars.length)]!;
      const withFile = new CandidateIndex(dicts.confusions, dicts.glyphFeatures, charFreq, CANDIDATE_DEFAULTS, shipped);
      expect(withFile.of(ch)).toEqual(computed.of(ch));
    }
  });

  it('is ignored when made for other inputs', () => {
    const wrong = { digest: shipped.digest, rows: new Map([['是', ['桌']]]) };
    const other = { ...CANDIDATE_DEFAULTS, shapeNeighbours: 3 };
    const index = new CandidateIndex(dicts.confusions, dicts.glyphFeatures, charFreq, other, wrong);
    expect(index.of('是')).not.toContain('桌');
    expect(new CandidateIndex(dicts.confusions, dicts.glyphFeatures, charFreq, CANDIDATE_DEFAULTS, wrong).of('是')).toContain('桌');
  });

  it('is refused when malformed, naming the line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shape-neighbours-'));
    writeFileSync(join(dir, SHAPE_NEIGHBOURS_FILE), formatShapeNeighbours('abc', [['一', ['十']]]) + 'xy\t十\n');
    expect(() => readShapeNeighbours(dir)).toThrow(/line 3/);
    writeFileSync(join(dir, SHAPE_NEIGHBOURS_FILE), '一\t十\n');
    expect(() => readShapeNeighbours(dir)).toThrow(/line 1/);
    expect(readShapeNeighbours(mkdtempSync(join(tmpdir(), 'none-')))).toBeNull();
  });
});
