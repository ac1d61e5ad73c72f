/**
 * Loading and validating the corrector's dictionaries (internal to pipeline/correct).
 * Every file is parsed line by line and validated with zod; any problem throws
 * NoticeError('DICTIONARY_INVALID') naming the file and the line or entry.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { NoticeError } from '../errors.ts';
import { decodeFeatures, FEATURE_SIDE } from './glyph-features.ts';

export type ConfusionSource = 'glyph' | 'component' | 'observed' | 'manual';

/** "OCR printed `ocr`; the truth may be `truth`" with a weight in (0, 1]. */
export interface Confusion {
  ocr: string;
  truth: string;
  weight: number;
  source: ConfusionSource;
}

export interface Rule {
  id: string;
  pattern: string;
  regex: boolean;
  replacement: string;
  confidence: number;
  note?: string;
  examples: { from: string; to: string }[];
  counterExamples: string[];
  re: RegExp;
  /** the same pattern, sticky: replacement of one match with its context */
  sticky: RegExp;
}

export interface ProtectedPattern {
  id: string;
  re: RegExp;
}

export interface Dictionaries {
  /** short sha256 of every loaded file's name and content */
  version: string;
  /** the dictionary folder (word-lm/ and decoder-weights.json are read from it) */
  dir: string;
  files: string[];
  lexicon: Map<string, number>;
  confusions: Confusion[];
  /** char -> frequency (charfreq.tsv); null when the file is absent */
  charfreq: Map<string, number> | null;
  rules: Rule[];
  protectedTerms: string[];
  protectedPatterns: ProtectedPattern[];
  /** raw text of the jieba word-frequency list (parsed by createCorrector) */
  jiebaText: string;
  /** clean genre text (corpus/*.txt and *corpus.txt user files), one paragraph a line: trains the character model */
  corpusText: string;
  /** char -> glyph shape features (glyph-features.tsv): the likeness of any two characters */
  glyphFeatures: Map<string, Int8Array>;
}

const HAN1 = /^\p{Script=Han}$/u;
const HANS = /^\p{Script=Han}{2,}$/u;

const here = dirname(fileURLToPath(import.meta.url));
export const DEFAULT_DICT_DIR = resolve(here, '..', '..', 'dictionaries');

function jiebaPath(): string {
  const req = createRequire(import.meta.url);
  return join(dirname(req.resolve('@node-rs/jieba/package.json')), 'dict.txt');
}

function invalid(file: string, where: string, msg: string): NoticeError {
  return new NoticeError('DICTIONARY_INVALID', `${where}: ${msg}`, { file });
}

function zodMsg(err: z.ZodError): string {
  return z.prettifyError(err).replace(/\s*\n\s*/g, '; ');
}

/** Rows of a TSV file with a required header; '#' lines and blank lines are skipped. */
function tsvRows(file: string, text: string, header: string[]): { line: number; cols: string[] }[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const rows: { line: number; cols: string[] }[] = [];
  let sawHeader = false;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    if (!raw.trim() || raw.startsWith('#')) continue;
    const cols = raw.split('\t');
    if (!sawHeader) {
      sawHeader = true;
      if (header.some((h, k) => cols[k]?.trim() !== h)) {
        throw invalid(file, `line ${i + 1}`, `header must be "${header.join('\\t')}"`);
      }
      continue;
    }
    rows.push({ line: i + 1, cols });
  }
  return rows;
}

const num = z.coerce.number().finite();

const LexiconRow = z.tuple([
  z.string().regex(HANS, 'term must be two or more Han characters'),
  num.positive('weight must be > 0'),
]).rest(z.string());

const GlyphRow = z.tuple([
  z.string().regex(HAN1, 'char must be one Han character'),
  z.string().regex(HAN1, 'candidate must be one Han character'),
  num.min(0).max(1),
]).rest(z.string());

const ObservedRow = z.tuple([
  z.string().regex(HAN1, 'truth must be one Han character'),
  z.string().regex(HAN1, 'ocr must be one Han character'),
  num.int().positive(),
  num.int().nonnegative(),
]).rest(z.string());

const CharfreqRow = z.tuple([z.string().regex(HAN1), num.nonnegative(), num.nonnegative()]).rest(z.string());

const ManualRow = z.tuple([
  z.string().regex(HAN1, 'a must be one Han character'),
  z.string().regex(HAN1, 'b must be one Han character'),
]).rest(z.string());

const ProtectedRow = z.tuple([z.enum(['term', 'pattern']), z.string().min(1)]).rest(z.string());

const RuleSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'id: lower-case letters, digits, dashes'),
  pattern: z.string().min(1),
  regex: z.boolean().default(false),
  replacement: z.string(),
  confidence: z.number().min(0).max(1),
  note: z.string().optional(),
  examples: z.array(z.object({ from: z.string(), to: z.string() })).min(1, 'a rule needs at least one example'),
  counterExamples: z.array(z.string()).default([]),
});
const RulesFile = z.array(RuleSchema);

function parseRow<T>(file: string, line: number, schema: z.ZodType<T>, cols: string[]): T {
  const r = schema.safeParse(cols.map((c) => c.trim()));
  if (!r.success) throw invalid(file, `line ${line}`, zodMsg(r.error));
  return r.data;
}

/** Prior weight in (0, 1] of an observed substitution seen `count` times among `sourceCount` occurrences of the truth. */
export function observedWeight(count: number, sourceCount: number): number {
  const rate = count / (Math.max(sourceCount, count) + OBSERVED_SMOOTHING);
  return Math.min(1, Math.max(OBS[3], OBS[0] + OBS[1] * Math.log(rate / 0.02)));
}
// base weight at a 2% error rate, slope per log unit, smoothing, floor (tuning: OBSERVED_WEIGHT='0.9,0.05,10,0.6')
const OBS = (process.env.OBSERVED_WEIGHT ?? '0.9,0.05,10,0.6').split(',').map(Number);
const OBSERVED_SMOOTHING = OBS[2];
/**
 * Statistics from poor scans (files named heavy.*ocr-observed.tsv) count for less: their error
 * rates are twice those of ordinary scans, and a pair seen only there must not crowd out the
 * look-alikes of an ordinary page (tuning: HEAVY_SCALE=0.8).
 */
const HEAVY_SCALE = Number(process.env.HEAVY_SCALE ?? 0.9);

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Apply one rule to a string (used for its examples). */
export function applyRule(rule: Rule, s: string): string {
  return s.replace(new RegExp(rule.re.source, 'gu'), rule.replacement);
}

/** Replacement for the match of `rule` at `index` of `text` (with its context). */
export function replacementAt(rule: Rule, fullText: string, fullIndex: number, matchLength: number): string {
  // a window around the match is enough context for the rules' look-arounds
  const ws = Math.max(0, fullIndex - 16);
  const text = fullText.slice(ws, fullIndex + matchLength + 16);
  const index = fullIndex - ws;
  rule.sticky.lastIndex = index;
  const out = text.replace(rule.sticky, rule.replacement);
  return out.slice(index, out.length - (text.length - index - matchLength));
}

function compileRule(file: string, raw: unknown, index: number): Rule {
  const r = RuleSchema.safeParse(raw);
  const name = typeof raw === 'object' && raw && 'id' in raw ? String((raw as { id: unknown }).id) : `#${index + 1}`;
  if (!r.success) throw invalid(file, `rule ${name}`, zodMsg(r.error));
  let re: RegExp;
  try {
    re = new RegExp(r.data.regex ? r.data.pattern : escapeRe(r.data.pattern), 'gu');
  } catch (e) {
    throw invalid(file, `rule ${name}`, `bad pattern: ${(e as Error).message}`);
  }
  const rule: Rule = { ...r.data, re, sticky: new RegExp(re.source, 'uy') };
  for (const ex of rule.examples) {
    const got = applyRule(rule, ex.from);
    if (got !== ex.to) throw invalid(file, `rule ${name}`, `example "${ex.from}" gives "${got}", expected "${ex.to}"`);
  }
  for (const ce of rule.counterExamples) {
    const got = applyRule(rule, ce);
    if (got !== ce) throw invalid(file, `rule ${name}`, `counter-example "${ce}" was changed to "${got}"`);
  }
  return rule;
}

type Kind = 'lexicon' | 'manual' | 'glyph' | 'component' | 'features' | 'observed' | 'charfreq' | 'rules' | 'protected' | 'corpus';

function kindOf(path: string): Kind | null {
  const b = basename(path);
  if (b.endsWith('lexicon.tsv')) return 'lexicon';
  if (b.endsWith('manual.tsv')) return 'manual';
  if (b.endsWith('glyph.tsv')) return 'glyph';
  if (b.endsWith('component.tsv')) return 'component';
  if (b.endsWith('glyph-features.tsv')) return 'features';
  if (b.endsWith('ocr-observed.tsv')) return 'observed';
  if (b.endsWith('charfreq.tsv')) return 'charfreq';
  if (b.endsWith('rules.json')) return 'rules';
  if (b.endsWith('protected.tsv')) return 'protected';
  if (b.endsWith('.txt') && (b.endsWith('corpus.txt') || basename(dirname(path)) === 'corpus')) return 'corpus';
  return null;
}

/**
 * Load and validate the dictionaries in `dir` (default: the repo's dictionaries/)
 * plus `userFiles` (kind taken from the name: *lexicon.tsv, *manual.tsv,
 * *glyph.tsv, *ocr-observed.tsv, *charfreq.tsv, *rules.json, *protected.tsv).
 * Any subset of the confusion files may be present.
 */
export function loadDictionaries(opts: { dir?: string; userFiles?: string[]; jiebaDict?: string } = {}): Dictionaries {
  const dir = opts.dir ?? DEFAULT_DICT_DIR;
  const candidates = [
    'lexicon.tsv',
    'rules.json',
    'protected.tsv',
    'charfreq.tsv',
    ...(existsSync(join(dir, 'confusions'))
      ? readdirSync(join(dir, 'confusions'))
          .filter((f) => f.endsWith('.tsv'))
          .sort()
          .map((f) => join('confusions', f))
      : []),
    ...(existsSync(join(dir, 'corpus'))
      ? readdirSync(join(dir, 'corpus'))
          .filter((f) => f.endsWith('.txt'))
          .sort()
          .map((f) => join('corpus', f))
      : []),
  ];
  const files = candidates.map((f) => join(dir, f)).filter((f) => existsSync(f));
  for (const u of opts.userFiles ?? []) {
    if (!existsSync(u)) throw new NoticeError('DICTIONARY_INVALID', 'user dictionary not found', { file: u });
    if (!kindOf(u)) throw new NoticeError('DICTIONARY_INVALID', 'unknown dictionary kind (name must end in lexicon.tsv, manual.tsv, glyph.tsv, component.tsv, glyph-features.tsv, ocr-observed.tsv, charfreq.tsv, rules.json, protected.tsv or corpus.txt)', { file: u });
    files.push(resolve(u));
  }

  const dicts: Dictionaries = {
    version: '',
    dir,
    files,
    lexicon: new Map(),
    confusions: [],
    charfreq: null,
    rules: [],
    protectedTerms: [],
    protectedPatterns: [],
    jiebaText: '',
    corpusText: '',
    glyphFeatures: new Map(),
  };
  const corpusParts: string[] = [];
  const hash = createHash('sha256');
  const ruleIds = new Set<string>();
  const observedRaw: { truth: string; ocr: string; count: number; sourceCount: number; scale: number }[] = [];

  for (const file of files) {
    const kind = kindOf(file);
    if (!kind) continue;
    const text = readFileSync(file, 'utf8');
    hash.update(basename(file)).update('\0').update(text).update('\0');
    switch (kind) {
      case 'corpus':
        corpusParts.push(checkCorpus(file, text));
        break;
      case 'lexicon':
        for (const { line, cols } of tsvRows(file, text, ['term', 'weight'])) {
          const [term, w] = parseRow(file, line, LexiconRow, cols);
          dicts.lexicon.set(term, Math.max(w, dicts.lexicon.get(term) ?? 0));
        }
        break;
      case 'manual':
        for (const { line, cols } of tsvRows(file, text, ['a', 'b'])) {
          const [a, b] = parseRow(file, line, ManualRow, cols);
          if (a === b) throw invalid(file, `line ${line}`, 'a and b are the same character');
          dicts.confusions.push({ ocr: a, truth: b, weight: 0.8, source: 'manual' });
          dicts.confusions.push({ ocr: b, truth: a, weight: 0.8, source: 'manual' });
        }
        break;
      case 'glyph':
      case 'component':
        for (const { line, cols } of tsvRows(file, text, ['char', 'candidate', 'similarity'])) {
          const [a, b, sim] = parseRow(file, line, GlyphRow, cols);
          if (a !== b) dicts.confusions.push({ ocr: a, truth: b, weight: sim, source: kind });
        }
        break;
      case 'features':
        for (const { line, cols } of tsvRows(file, text, ['char', 'features'])) {
          if (cols.length !== 2 || !HAN1.test(cols[0]!)) throw invalid(file, `line ${line}`, 'expected a Han character and its features');
          const v = decodeFeatures(cols[1]!);
          if (!v) throw invalid(file, `line ${line}`, `features must be base64 of ${FEATURE_SIDE * FEATURE_SIDE} bytes`);
          dicts.glyphFeatures.set(cols[0]!, v);
        }
        break;
      case 'observed':
        for (const { line, cols } of tsvRows(file, text, ['truth', 'ocr', 'count', 'source_count'])) {
          const [truth, ocr, count, sourceCount] = parseRow(file, line, ObservedRow, cols);
          if (truth !== ocr) observedRaw.push({ truth, ocr, count, sourceCount, scale: basename(file).startsWith('heavy.') ? HEAVY_SCALE : 1 });
        }
        break;
      case 'charfreq': {
        const m = dicts.charfreq ?? new Map<string, number>();
        for (const { line, cols } of tsvRows(file, text, ['char', 'freq', 'solo'])) {
          const [c, f] = parseRow(file, line, CharfreqRow, cols);
          m.set(c, f);
        }
        dicts.charfreq = m;
        break;
      }
      case 'rules': {
        let raw: unknown;
        try {
          raw = JSON.parse(text);
        } catch (e) {
          throw invalid(file, 'JSON', (e as Error).message);
        }
        if (!Array.isArray(raw)) {
          const r = RulesFile.safeParse(raw);
          throw invalid(file, 'file', r.success ? 'expected an array of rules' : zodMsg(r.error));
        }
        raw.forEach((entry, i) => {
          const rule = compileRule(file, entry, i);
          if (ruleIds.has(rule.id)) throw invalid(file, `rule ${rule.id}`, 'duplicate id');
          ruleIds.add(rule.id);
          dicts.rules.push(rule);
        });
        break;
      }
      case 'protected':
        for (const { line, cols } of tsvRows(file, text, ['kind', 'value'])) {
          const [kindCol, value, example] = parseRow(file, line, ProtectedRow, cols);
          if (kindCol === 'term') {
            dicts.protectedTerms.push(value);
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
          dicts.protectedPatterns.push({ id: `protected:${basename(file)}:${line}`, re });
        }
        break;
    }
  }

  // observed confusions: weight from the error rate count/source_count (smoothed
  // so that a pair seen twice among a handful of occurrences is not trusted
  // like a systematic one), on a log scale: rate 2% -> 0.9, 20% -> 1, floor 0.6
  for (const o of observedRaw) {
    dicts.confusions.push({ ocr: o.ocr, truth: o.truth, weight: o.scale * observedWeight(o.count, o.sourceCount), source: 'observed' });
  }

  const jp = opts.jiebaDict ?? jiebaPath();
  try {
    dicts.jiebaText = readFileSync(jp, 'utf8');
  } catch (e) {
    throw new NoticeError('DICTIONARY_INVALID', 'cannot read the jieba word list', { file: jp, cause: e });
  }
  hash.update('jieba\0').update(dicts.jiebaText);
  // the decoder's models (read by models.ts): their bytes make part of the version too
  for (const f of ['word-lm/words.tsv', 'word-lm/bigrams.bin.gz', 'word-lm/examples.tsv', 'decoder-weights.json'])
    if (existsSync(join(dir, f))) hash.update(f).update('\0').update(readFileSync(join(dir, f))).update('\0');
  dicts.version = hash.digest('hex').slice(0, 12);
  dicts.corpusText = corpusParts.join('\n');
  return dicts;
}

const CORPUS_BAD = /[\uFFFD\u0000-\u0008\u000B\u000C\u000E-\u001F]/;
const HAN_G = /\p{Script=Han}/gu;

/**
 * A corpus file is clean text of the genre, one paragraph a line: no
 * replacement or control characters, and mostly Han (a stray binary or
 * English file would teach the model nonsense).
 */
function checkCorpus(file: string, text: string): string {
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
