/**
 * Precomputed shape neighbours (dictionaries/shape-neighbours.tsv, internal to
 * pipeline/correct): for every character with glyph features, its closest common
 * characters by shape as CandidateIndex computes them — a scan of 5,000 feature
 * rows per character (about a millisecond each), which made a one-file conversion
 * spend ~0.2 s finding the neighbours of the characters it met. Written by
 * scripts/confusions/shape-neighbours.ts from the same code.
 *
 * The file is derived data and never decides anything: its first line is the
 * digest of what the neighbours are computed from (features, vocabulary,
 * parameters), and a file whose digest does not match is ignored (the index
 * computes them as before). A test keeps the shipped file current.
 *
 *   # inputs <digest>
 *   char\tneighbours      (the neighbours' characters, closest first)
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NoticeError } from '../errors.ts';

export const SHAPE_NEIGHBOURS_FILE = 'shape-neighbours.tsv';
const HEADER = '# inputs ';

/** Digest of the inputs of the neighbour search: parameters, the vocabulary in order, every feature row. */
export function neighbourDigest(params: object, vocabulary: readonly string[], features: ReadonlyMap<string, Int8Array>): string {
  const h = createHash('sha256').update(JSON.stringify(params)).update('\0').update(vocabulary.join('')).update('\0');
  for (const [ch, v] of features) h.update(ch).update(v);
  return h.digest('hex').slice(0, 16);
}

export function formatShapeNeighbours(digest: string, rows: Iterable<readonly [string, readonly string[]]>): string {
  const lines = [HEADER + digest];
  for (const [ch, near] of rows) lines.push(`${ch}\t${near.join('')}`);
  return lines.join('\n') + '\n';
}

/** The file's digest and rows, or null when `dir` has none; a malformed file is an error naming its line. */
export function readShapeNeighbours(dir: string): { digest: string; rows: Map<string, string[]> } | null {
  const file = join(dir, SHAPE_NEIGHBOURS_FILE);
  if (!existsSync(file)) return null;
  const bad = (line: number, msg: string): never => {
    throw new NoticeError('DICTIONARY_INVALID', `${file} line ${line}: ${msg}`, { file });
  };
  const lines = readFileSync(file, 'utf8').split('\n');
  if (!lines[0]!.startsWith(HEADER)) bad(1, `expected "${HEADER}<digest>"`);
  const rows = new Map<string, string[]>();
  for (let k = 1; k < lines.length; k++) {
    const line = lines[k]!;
    if (!line) continue;
    const tab = line.indexOf('\t');
    const ch = tab > 0 ? line.slice(0, tab) : '';
    if ([...ch].length !== 1) bad(k + 1, 'expected char\\tneighbours');
    if (rows.has(ch)) bad(k + 1, `duplicate character ${ch}`);
    rows.set(ch, [...line.slice(tab + 1)]);
  }
  return { digest: lines[0]!.slice(HEADER.length).trim(), rows };
}
