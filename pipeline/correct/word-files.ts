/**
 * The domain lexicon, character frequencies, protected terms and patterns,
 * and the genre corpus (internal to pipeline/correct).
 */
import { basename } from 'node:path';
import { z } from 'zod';
import type { ProtectedPattern } from './dictionaries.ts';
import { HAN1, HANS, invalid, num, parseRow, plainCount, tsvRows } from './dictionary-rows.ts';

const LexiconRow = z.tuple([
  z.string().regex(HANS, 'term must be two or more Han characters'),
  num.positive('weight must be > 0'),
]).rest(z.string());

export const CharfreqRow = z.tuple([z.string().regex(HAN1), num.nonnegative(), num.nonnegative()]).rest(z.string());

const ProtectedRow = z.tuple([z.enum(['term', 'pattern']), z.string().min(1)]).rest(z.string());

const SurnameRow = z.tuple([z.string().regex(HAN1, 'a surname is one Han character')]).rest(z.string());

/** surnames.tsv: one surname (a Han character) a line; listing one twice is a mistake. */
export function readSurnames(file: string, text: string, into: Set<string>): void {
  const here = new Set<string>();
  for (const { line, cols } of tsvRows(file, text, ['surname'])) {
    const [c] = parseRow(file, line, SurnameRow, cols);
    if (here.has(c)) throw invalid(file, `line ${line}`, `${c} is listed twice`);
    here.add(c);
    into.add(c);
  }
}

/** lexicon.tsv: a term and its weight (the highest over files). */
export function readLexicon(file: string, text: string, into: Map<string, number>): void {
  for (const { line, cols } of tsvRows(file, text, ['term', 'weight'])) {
    const [term, w] = parseRow(file, line, LexiconRow, cols);
    into.set(term, Math.max(w, into.get(term) ?? 0));
  }
}

/**
 * A charfreq row as CharfreqRow reads it when plainly valid (one Han character and two plain
 * decimal integers), else null: 8,000 rows, where zod per row cost ~45 ms of each start-up.
 * Every other row goes to CharfreqRow, which accepts or names the problem.
 */
export function plainCharfreqRow(cols: readonly string[]): [string, number, number] | null {
  if (cols.length !== 3) return null;
  const c = cols[0]!.trim();
  const freq = plainCount(cols[1]!.trim());
  const solo = plainCount(cols[2]!.trim());
  return HAN1.test(c) && freq !== null && solo !== null ? [c, freq, solo] : null;
}

/** charfreq.tsv: a character and its frequency. */
export function readCharFreq(file: string, text: string, into: Map<string, number>): void {
  for (const { line, cols } of tsvRows(file, text, ['char', 'freq', 'solo'])) {
    const [c, f] = plainCharfreqRow(cols) ?? parseRow(file, line, CharfreqRow, cols);
    into.set(c, f);
  }
}

/** protected.tsv: a term, or a pattern with an example it must match whole. */
export function readProtected(file: string, text: string, terms: string[], patterns: ProtectedPattern[]): void {
  for (const { line, cols } of tsvRows(file, text, ['kind', 'value'])) {
    const [kindCol, value, example] = parseRow(file, line, ProtectedRow, cols);
    if (kindCol === 'term') {
      terms.push(value);
      continue;
    }
    let re: RegExp;
    try {
      re = new RegExp(value, 'gu');
    } catch (e) {
      throw invalid(file, `line ${line}`, `bad pattern: ${(e as Error).message}`);
    }
    if (!example) throw invalid(file, `line ${line}`, 'a pattern needs an example (third column) it must match');
    re.lastIndex = 0;
    const m = re.exec(example);
    if (!m || m[0] !== example) throw invalid(file, `line ${line}`, `pattern does not match its whole example "${example}"`);
    patterns.push({ id: `protected:${basename(file)}:${line}`, re });
  }
}

const CORPUS_BAD = /[\uFFFD\u0000-\u0008\u000B\u000C\u000E-\u001F]/;
const HAN_G = /\p{Script=Han}/gu;

/**
 * A corpus file is clean text of the genre, one paragraph a line: no
 * replacement or control characters, and mostly Han (a stray binary or
 * English file would teach the model nonsense).
 */
export function checkCorpus(file: string, text: string): string {
  const body = text.replace(/^\uFEFF/, '');
  const lines = body.split(/\r?\n/);
  let han = 0;
  let all = 0;
  for (let k = 0; k < lines.length; k++) {
    if (CORPUS_BAD.test(lines[k])) throw invalid(file, `line ${k + 1}`, 'replacement or control character in corpus text');
    const t = lines[k].replace(/\s+/g, '');
    all += t.length;
    han += t.match(HAN_G)?.length ?? 0;
  }
  if (all === 0) throw invalid(file, 'file', 'corpus file is empty');
  if (han < 0.6 * all) throw invalid(file, 'file', `corpus text must be mostly Chinese (${Math.round((100 * han) / all)}% Han characters)`);
  return lines.join('\n');
}
