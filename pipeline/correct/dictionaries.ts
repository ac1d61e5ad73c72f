/**
 * Loading and validating the corrector's dictionaries (internal to pipeline/correct).
 * Every file is parsed line by line and validated with zod; any problem throws
 * NoticeError('DICTIONARY_INVALID') naming the file and the line or entry. This
 * file finds the files and says what they hold; each kind is read by its own
 * reader (word-files.ts, confusion-files.ts, rule-file.ts).
 */
import { createHash, type Hash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NoticeError } from '../errors.ts';
import { observedConfusions, readGlyphFeatures, readManualPairs, readObserved, readSimilarities, type ObservedRow } from './confusion-files.ts';
import { ENGINE_RATES_FILE, readEngineRates, type ChannelShifts } from './engine-rates.ts';
import { readRules } from './rule-file.ts';
import { checkCorpus, readCharFreq, readLexicon, readProtected, readSurnames } from './word-files.ts';

export { observedWeight } from './confusion-files.ts';

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
  /** common surnames (surnames.tsv): where a personal name may start after a title; empty when absent */
  surnames: Set<string>;
  /** raw text of the jieba word-frequency list (parsed by createCorrector) */
  jiebaText: string;
  /** clean genre text (corpus/*.txt and *corpus.txt user files), one paragraph a line: trains the character model */
  corpusText: string;
  /** char -> glyph shape features (glyph-features.tsv): the likeness of any two characters */
  glyphFeatures: Map<string, Int8Array>;
  /** per OCR engine, ln(its misreading rate / the reference text's) (engine-misreading-rates.json); empty when absent */
  channelShifts: ChannelShifts;
}

const here = dirname(fileURLToPath(import.meta.url));
export const DEFAULT_DICT_DIR = resolve(here, '..', '..', 'dictionaries');

export function jiebaPath(): string {
  const req = createRequire(import.meta.url);
  return join(dirname(req.resolve('@node-rs/jieba/package.json')), 'dict.txt');
}

type Kind = 'engineRates' | 'lexicon' | 'manual' | 'glyph' | 'component' | 'features' | 'observed' | 'charfreq' | 'rules' | 'protected' | 'surnames' | 'corpus';

function kindOf(path: string): Kind | null {
  const b = basename(path);
  if (b === ENGINE_RATES_FILE) return 'engineRates';
  if (b.endsWith('lexicon.tsv')) return 'lexicon';
  if (b.endsWith('manual.tsv')) return 'manual';
  if (b.endsWith('glyph.tsv')) return 'glyph';
  if (b.endsWith('component.tsv')) return 'component';
  if (b.endsWith('glyph-features.tsv')) return 'features';
  if (b.endsWith('ocr-observed.tsv')) return 'observed';
  if (b.endsWith('charfreq.tsv')) return 'charfreq';
  if (b.endsWith('rules.json')) return 'rules';
  if (b.endsWith('protected.tsv')) return 'protected';
  if (b.endsWith('surnames.tsv')) return 'surnames';
  if (b.endsWith('.txt') && (b.endsWith('corpus.txt') || basename(dirname(path)) === 'corpus')) return 'corpus';
  return null;
}

/**
 * Load and validate the dictionaries in `dir` (default: the repo's dictionaries/)
 * plus `userFiles` (kind taken from the name: *lexicon.tsv, *manual.tsv,
 * *glyph.tsv, *ocr-observed.tsv, *charfreq.tsv, *rules.json, *protected.tsv, *surnames.tsv).
 * Any subset of the confusion files may be present. `knownVersion`: the version
 * dictionaryVersion(opts) gave for these files unchanged (shared-corrector.ts: the same paths,
 * sizes and times), so the files are not hashed again.
 */
export function loadDictionaries(opts: { dir?: string; userFiles?: string[]; jiebaDict?: string; knownVersion?: string } = {}): Dictionaries {
  const dir = opts.dir ?? DEFAULT_DICT_DIR;
  const files = dictionaryFiles(dir, opts.userFiles ?? []);
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
    surnames: new Set(),
    jiebaText: '',
    corpusText: '',
    glyphFeatures: new Map(),
    channelShifts: new Map(),
  };
  const reading: Reading = { corpusParts: [], ruleIds: new Set(), observed: [] };
  const hash = opts.knownVersion ? null : createHash('sha256');
  for (const file of files) {
    const kind = kindOf(file);
    if (!kind) continue;
    const text = readFileSync(file, 'utf8');
    if (hash) hashDictionaryFile(hash, file, text);
    readDictionaryFile(kind, file, text, dicts, reading);
  }
  observedConfusions(reading.observed, dicts.confusions);
  dicts.jiebaText = readJieba(opts.jiebaDict ?? jiebaPath());
  dicts.version = hash ? versionOf(hash.update('jieba\0').update(dicts.jiebaText), dir) : opts.knownVersion!;
  dicts.corpusText = reading.corpusParts.join('\n');
  return dicts;
}

/**
 * The version loadDictionaries(opts) would give, from the files alone (read and hashed, not
 * parsed): for up-to-date checks before the corrector is built. Missing or unknown user files
 * fail here as they would there; a file that does not parse fails only when loaded.
 */
export function dictionaryVersion(opts: { dir?: string; userFiles?: string[]; jiebaDict?: string } = {}): string {
  const dir = opts.dir ?? DEFAULT_DICT_DIR;
  const hash = createHash('sha256');
  for (const file of dictionaryFiles(dir, opts.userFiles ?? [])) if (kindOf(file)) hashDictionaryFile(hash, file, readFileSync(file, 'utf8'));
  hash.update('jieba\0').update(readJieba(opts.jiebaDict ?? jiebaPath()));
  return versionOf(hash, dir);
}

function hashDictionaryFile(hash: Hash, file: string, text: string): void {
  hash.update(basename(file)).update('\0').update(text).update('\0');
}

function readJieba(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new NoticeError('DICTIONARY_INVALID', 'cannot read the jieba word list', { file: path, cause: e });
  }
}

/** The dictionary folder's files (confusions/ and corpus/ in name order), then the user's. */
export function dictionaryFiles(dir: string, userFiles: readonly string[]): string[] {
  const listed = (sub: string, ext: string): string[] =>
    existsSync(join(dir, sub))
      ? readdirSync(join(dir, sub))
          .filter((f) => f.endsWith(ext))
          .sort()
          .map((f) => join(sub, f))
      : [];
  const candidates = ['lexicon.tsv', 'rules.json', 'protected.tsv', 'surnames.tsv', 'charfreq.tsv', ENGINE_RATES_FILE, ...listed('confusions', '.tsv'), ...listed('corpus', '.txt')];
  const files = candidates.map((f) => join(dir, f)).filter((f) => existsSync(f));
  for (const u of userFiles) {
    if (!existsSync(u)) throw new NoticeError('DICTIONARY_INVALID', 'user dictionary not found', { file: u });
    if (!kindOf(u)) throw new NoticeError('DICTIONARY_INVALID', 'unknown dictionary kind (name must end in lexicon.tsv, manual.tsv, glyph.tsv, component.tsv, glyph-features.tsv, ocr-observed.tsv, charfreq.tsv, rules.json, protected.tsv, surnames.tsv or corpus.txt)', { file: u });
    files.push(resolve(u));
  }
  return files;
}

/** What is gathered over all files before it goes into the dictionaries. */
interface Reading {
  corpusParts: string[];
  ruleIds: Set<string>;
  observed: ObservedRow[];
}

function readDictionaryFile(kind: Kind, file: string, text: string, dicts: Dictionaries, reading: Reading): void {
  switch (kind) {
    case 'engineRates':
      dicts.channelShifts = readEngineRates(file, text);
      break;
    case 'corpus':
      reading.corpusParts.push(checkCorpus(file, text));
      break;
    case 'lexicon':
      readLexicon(file, text, dicts.lexicon);
      break;
    case 'manual':
      readManualPairs(file, text, dicts.confusions);
      break;
    case 'glyph':
    case 'component':
      readSimilarities(file, text, kind, dicts.confusions);
      break;
    case 'features':
      readGlyphFeatures(file, text, dicts.glyphFeatures);
      break;
    case 'observed':
      readObserved(file, text, reading.observed);
      break;
    case 'charfreq': {
      const m = dicts.charfreq ?? new Map<string, number>();
      readCharFreq(file, text, m);
      dicts.charfreq = m;
      break;
    }
    case 'rules':
      readRules(file, text, reading.ruleIds, dicts.rules);
      break;
    case 'protected':
      readProtected(file, text, dicts.protectedTerms, dicts.protectedPatterns);
      break;
    case 'surnames':
      readSurnames(file, text, dicts.surnames);
      break;
  }
}

/** Model files of the dictionary folder outside the dictionary kinds (the word model, the decoder's weights): part of the version. */
export const MODEL_FILES = ['word-lm/words.tsv', 'word-lm/bigrams.bin.gz', 'word-lm/examples.tsv', 'decoder-weights.json'] as const;

/** The dictionaries' version: the files read so far, then the decoder's models (read by models.ts), whose bytes make part of it too. */
function versionOf(hash: Hash, dir: string): string {
  for (const f of MODEL_FILES)
    if (existsSync(join(dir, f))) hash.update(f).update('\0').update(readFileSync(join(dir, f))).update('\0');
  return hash.digest('hex').slice(0, 12);
}
