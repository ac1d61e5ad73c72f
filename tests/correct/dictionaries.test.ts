/**
 * The dictionaries validate themselves when loaded: a broken entry anywhere makes
 * loading throw DICTIONARY_INVALID naming the file and the entry or line.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCorrector, loadDictionaries } from '../../pipeline/correct/index.ts';
import { DEFAULT_DICT_DIR, dictionaryVersion, observedWeight } from '../../pipeline/correct/dictionaries.ts';
import { NoticeError } from '../../pipeline/errors.ts';
import { GlyphRow, ObservedRowSchema, plainObservedRow, plainSimilarityRow } from '../../pipeline/correct/confusion-files.ts';
import { CharfreqRow, plainCharfreqRow } from '../../pipeline/correct/word-files.ts';

const temps: string[] = [];
afterEach(() => {
  for (const t of temps.splice(0)) rmSync(t, { recursive: true, force: true });
});

/** A copy of the repo's dictionaries in a temp dir, with `edit` applied to one file. */
function brokenCopy(file: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'dict-'));
  temps.push(dir);
  cpSync(DEFAULT_DICT_DIR, dir, { recursive: true });
  const p = join(dir, file);
  writeFileSync(p, edit(readFileSync(p, 'utf8')));
  return dir;
}

/** Edit one rule of rules.json by id. */
function editRule(id: string, change: (r: Record<string, unknown>) => void): (t: string) => string {
  return (t) => {
    const rules = JSON.parse(t) as Record<string, unknown>[];
    const r = rules.find((x) => x.id === id);
    if (!r) throw new Error(`no rule ${id}`);
    change(r);
    return JSON.stringify(rules, null, 2);
  };
}

function loadError(opts: Parameters<typeof loadDictionaries>[0]): NoticeError {
  try {
    loadDictionaries(opts);
  } catch (e) {
    expect(e).toBeInstanceOf(NoticeError);
    return e as NoticeError;
  }
  throw new Error('loading did not fail');
}

describe('dictionaries', () => {
  it('load, with every rule example passing', () => {
    const d = loadDictionaries();
    expect(d.lexicon.size).toBeGreaterThan(300);
    expect(d.rules.length).toBeGreaterThan(5);
    expect(d.protectedTerms).toContain('巡视');
    expect(d.surnames.has('覃')).toBe(true);
    expect(d.surnames.has('帝')).toBe(false);
    expect(d.confusions.some((c) => c.source === 'manual')).toBe(true);
    expect(d.version).toMatch(/^[0-9a-f]{12}$/);
  });

  const broken: { name: string; file: string; edit: (t: string) => string; message: RegExp }[] = [
    {
      name: 'a rule whose example fails',
      file: 'rules.json',
      edit: editRule('xuncha-cha-damaged', (r) => ((r.examples as { to: string }[])[0].to = '市委第三巡视组进驻')),
      message: /rules\.json.*rule xuncha-cha-damaged.*example/,
    },
    {
      name: 'a rule whose counter-example is changed',
      file: 'rules.json',
      edit: editRule('xuncha-cha-damaged', (r) => (r.counterExamples = ['巡穴组进驻'])),
      message: /rule xuncha-cha-damaged.*counter-example/,
    },
    {
      name: 'a rule with a bad regular expression',
      file: 'rules.json',
      edit: editRule('baxiang-guiding', (r) => (r.pattern = '八项[观现视定')),
      message: /rule baxiang-guiding.*bad pattern/,
    },
    {
      name: 'a rule without examples',
      file: 'rules.json',
      edit: editRule('wenti-xiansuo', (r) => (r.examples = [])),
      message: /rule wenti-xiansuo/,
    },
    {
      name: 'a lexicon line with a bad weight',
      file: 'lexicon.tsv',
      edit: (t) => t.replace(/^巡察\t5000/m, '巡察\tmany'),
      message: /lexicon\.tsv.*line \d+/,
    },
    {
      name: 'a lexicon term that is one character',
      file: 'lexicon.tsv',
      edit: (t) => t + '察\t100\t\n',
      message: /lexicon\.tsv.*line \d+.*two or more Han/,
    },
    {
      name: 'a protected pattern that does not match its example',
      file: 'protected.tsv',
      edit: (t) => t.replace('〔2024〕12号\tbare document number', '（2024）12号\tbare document number'),
      message: /protected\.tsv.*line \d+.*example/,
    },
    {
      name: 'a manual confusion with two characters in a column',
      file: 'confusions/manual.tsv',
      edit: (t) => t + '治冶\t冶\t\n',
      message: /manual\.tsv.*line \d+/,
    },
    {
      name: 'glyph features that are not 100 bytes of base64',
      file: 'confusions/glyph-features.tsv',
      edit: (t) => t + '冶\tAAAA\n',
      message: /glyph-features\.tsv.*line \d+.*base64/,
    },
    {
      name: 'glyph features of something that is not one Han character',
      file: 'confusions/glyph-features.tsv',
      edit: (t) => t + 'ab\t' + t.split('\n')[1]!.split('\t')[1] + '\n',
      message: /glyph-features\.tsv.*line \d+.*Han character/,
    },
    {
      name: 'a surname that is two characters',
      file: 'surnames.tsv',
      edit: (t) => t + '欧阳\n',
      message: /surnames\.tsv.*line \d+.*one Han character/,
    },
    {
      name: 'a surname listed twice',
      file: 'surnames.tsv',
      edit: (t) => t + '王\n',
      message: /surnames\.tsv.*line \d+.*listed twice/,
    },
    {
      name: 'a TSV with a wrong header',
      file: 'protected.tsv',
      edit: (t) => t.replace('kind\tvalue\tnote', 'type\tvalue\tnote'),
      message: /protected\.tsv.*line 1.*header/,
    },
  ];

  it.each(broken)('fail naming the entry: $name', ({ file, edit, message }) => {
    const err = loadError({ dir: brokenCopy(file, edit) });
    expect(err.code).toBe('DICTIONARY_INVALID');
    expect(err.message).toMatch(message);
  });

  it('load with any subset of the confusion files (none at all too)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dict-'));
    temps.push(dir);
    cpSync(DEFAULT_DICT_DIR, dir, { recursive: true });
    rmSync(join(dir, 'confusions'), { recursive: true });
    rmSync(join(dir, 'charfreq.tsv'), { force: true });
    const d = loadDictionaries({ dir });
    expect(d.confusions).toHaveLength(0);
    expect(d.charfreq).toBeNull();
    const c = createCorrector(d);
    // rules still apply without any confusion set
    const text = '县委巡穴组进驻。';
    expect(c.correct({ text }).edits.map((e) => e.replacement)).toEqual(['察']);
  });

  it('take user files into account (version, protected terms)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dict-user-'));
    temps.push(dir);
    const user = join(dir, 'my-protected.tsv');
    writeFileSync(user, 'kind\tvalue\tnote\nterm\t政冶\ta (fictional) place name\n');
    const base = loadDictionaries();
    const withUser = loadDictionaries({ userFiles: [user] });
    expect(withUser.version).not.toBe(base.version);
    // the version from the files alone (no parsing) is the loaded one's, with and without the user file
    expect([dictionaryVersion(), dictionaryVersion({ userFiles: [user] })]).toEqual([base.version, withUser.version]);
    const text = '前往政冶乡开展调研。';
    expect(createCorrector(withUser).correct({ text }).edits).toHaveLength(0);
  });

  it('reject a user file of unknown kind or missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dict-user-'));
    temps.push(dir);
    const odd = join(dir, 'words.txt');
    writeFileSync(odd, 'x');
    expect(loadError({ userFiles: [odd] }).code).toBe('DICTIONARY_INVALID');
    expect(loadError({ userFiles: [join(dir, 'nope-lexicon.tsv')] }).message).toMatch(/not found/);
  });
});

describe('observed confusion weights', () => {
  it('grow with the error rate count/source_count and stay in (0, 1]', () => {
    const cases: [number, number][] = [[2, 5000], [2, 500], [10, 500], [50, 500], [200, 500], [3, 13]];
    for (const [c, n] of cases) {
      const w = observedWeight(c, n);
      expect(w).toBeGreaterThan(0);
      expect(w).toBeLessThanOrEqual(1);
    }
    expect(observedWeight(2, 5000)).toBeLessThan(observedWeight(2, 500));
    expect(observedWeight(2, 500)).toBeLessThan(observedWeight(10, 500));
    expect(observedWeight(10, 500)).toBeLessThan(observedWeight(50, 500));
  });

  it('do not trust a pair seen twice among a handful of occurrences like a systematic one', () => {
    expect(observedWeight(2, 20)).toBeLessThan(observedWeight(20, 200));
    expect(observedWeight(2, 3)).toBeLessThanOrEqual(observedWeight(20, 30));
  });

  it('are read in the right direction: the ocr column is the misreading, truth the candidate', () => {
    const d = loadDictionaries();
    const obs = d.confusions.filter((c) => c.source === 'observed');
    expect(obs.length).toBeGreaterThan(1000);
    const line = readFileSync(join(DEFAULT_DICT_DIR, 'confusions', 'ocr-observed.tsv'), 'utf8').split('\n')[1].split('\t');
    expect(obs.some((c) => c.truth === line[0] && c.ocr === line[1])).toBe(true);
  });
});

describe('component look-alikes', () => {
  it('are loaded as their own source, so the corrector can weigh them apart from whole-glyph look-alikes', () => {
    const d = loadDictionaries();
    const comp = d.confusions.filter((c) => c.source === 'component');
    expect(comp.length).toBeGreaterThan(10_000);
    const glyph = new Set(d.confusions.filter((c) => c.source === 'glyph').map((c) => c.ocr + c.truth));
    expect(comp.filter((c) => glyph.has(c.ocr + c.truth))).toHaveLength(0);
  });
});

describe('similarity rows read without zod when plainly valid', () => {
  const rows: string[][] = [
    ['一', '二', '0.5180'], [' 一', '二 ', ' 0.5 '], ['一', '二', '1'], ['一', '二', '0'], ['一', '二', '-0'], ['一', '二', '1e-3'],
    ['一', '二', ''], ['一', '二', '1.0001'], ['一', '二', '-0.1'], ['一', '二', 'abc'], ['一', '二', 'Infinity'], ['一', '二', 'NaN'],
    ['a', '二', '0.5'], ['一二', '二', '0.5'], ['一', '', '0.5'], ['一', '二', '0.5', 'note'], ['一', '二'], ['𠀀', '二', '0.5'],
  ];
  it.each(rows)('%j: the same reading as the zod schema, or left to it', (...cols) => {
    const plain = plainSimilarityRow(cols);
    const zod = GlyphRow.safeParse(cols.map((c) => c.trim()));
    if (plain) expect(zod.success && zod.data.slice(0, 3)).toEqual(plain);
    else expect(cols.length !== 3 || !zod.success).toBe(true);
  });
});

describe('observed and charfreq rows read without zod when plainly valid', () => {
  const observed: string[][] = [
    ['一', '二', '6', '3440'], [' 一', '二 ', ' 6 ', '0'], ['一', '二', '007', '12'], ['一', '二', '0', '5'], ['一', '二', '-1', '5'],
    ['一', '二', '1.5', '5'], ['一', '二', '1e3', '5'], ['一', '二', '', '5'], ['一', '二', '6', ''], ['一', '二', '6', '-0'],
    ['一', '二', '6', '3440', 'note'], ['一', '二', '6'], ['a', '二', '6', '9'], ['一二', '二', '6', '9'], ['一', '二', '1234567890123456', '9'],
  ];
  it.each(observed)('observed %j: the same reading as the zod schema, or left to it', (...cols) => {
    const plain = plainObservedRow(cols);
    const zod = ObservedRowSchema.safeParse(cols.map((c) => c.trim()));
    if (plain) expect(zod.success && zod.data.slice(0, 4)).toEqual(plain);
    else expect(cols.length !== 4 || !zod.success || cols.some((c) => /[.e-]|^\s*$|\d{16}/.test(c.trim()))).toBe(true);
  });
  const charfreq: string[][] = [
    ['一', '1250246', '217830'], [' 一 ', ' 0 ', '0'], ['一', '12', ''], ['一', '1.5', '2'], ['一', '-3', '2'], ['a', '1', '2'],
    ['一', '1', '2', 'x'], ['一', '1'], ['𠀀', '1', '2'],
  ];
  it.each(charfreq)('charfreq %j: the same reading as the zod schema, or left to it', (...cols) => {
    const plain = plainCharfreqRow(cols);
    const zod = CharfreqRow.safeParse(cols.map((c) => c.trim()));
    if (plain) expect(zod.success && zod.data.slice(0, 3)).toEqual(plain);
    else expect(cols.length !== 3 || !zod.success || cols.some((c) => /[.e-]|^\s*$/.test(c.trim()))).toBe(true);
  });
  it.each([
    ['charfreq.tsv', (t: string) => t.replace(/\n(\S+)\t(\d+)\t/, '\n$1\t-$2\t')],
    ['confusions/ocr-observed.tsv', (t: string) => t.replace(/\n(\S+\t\S+)\t\d+\t/, '\n$1\t0\t')],
  ])('a bad row of %s, left to zod, is named by file and line', (file, edit) => {
    const e = loadError({ dir: brokenCopy(file, edit) });
    expect(e.code).toBe('DICTIONARY_INVALID');
    expect(e.message).toMatch(/: line 2: /);
    expect(e.file).toMatch(file.split('/').pop()!);
  });
});
