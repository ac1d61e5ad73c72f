// Precomputed shape neighbours: dictionaries/shape-neighbours.tsv (see pipeline/correct/shape-neighbours.ts),
// from the candidate index's own search over the bundled glyph features and character frequencies.
// Run again after glyph-features.tsv, charfreq.tsv or the candidate parameters change (a test says when).
// Usage: npx tsx scripts/confusions/shape-neighbours.ts
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CANDIDATE_DEFAULTS, CandidateIndex } from '../../pipeline/correct/candidates.ts';
import { loadDictionaries } from '../../pipeline/correct/dictionaries.ts';
import { formatShapeNeighbours, SHAPE_NEIGHBOURS_FILE } from '../../pipeline/correct/shape-neighbours.ts';
import { jiebaCharFrequencies } from '../../pipeline/correct/word-frequencies.ts';

const dicts = loadDictionaries();
const index = new CandidateIndex(dicts.confusions, dicts.glyphFeatures, dicts.charfreq ?? jiebaCharFrequencies(dicts.jiebaText), CANDIDATE_DEFAULTS);
const out = join(dicts.dir, SHAPE_NEIGHBOURS_FILE);
const rows = [...index.allNeighbours()];
writeFileSync(out, formatShapeNeighbours(index.inputsDigest(), rows));
console.log(`${out}: ${rows.length} characters, digest ${index.inputsDigest()}`);
