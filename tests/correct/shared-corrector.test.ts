/**
 * Pipelines over the same dictionary files share one corrector (built once per
 * process); an edited, added or different file gives a new one, built from what the
 * files hold now. Small dictionary folders of one lexicon keep each build cheap.
 */
import { appendFileSync, mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPipeline } from '../../pipeline/convert.ts';
import { loadDictionaries } from '../../pipeline/correct/dictionaries.ts';
import { dictionarySignature, sharedCorrector, sharedDictionaryVersion, SNAPSHOT_CORRECTOR, type SnapshotCorrector } from '../../pipeline/correct/shared-corrector.ts';

function dictionaryFolder(terms: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'notice-shared-dict-'));
  writeFileSync(join(dir, 'lexicon.tsv'), ['term\tweight\tnote', ...terms.map((t) => `${t}\t5000\t`)].join('\n') + '\n');
  return dir;
}

describe('sharedCorrector', () => {
  it('gives the same corrector for the same files, and pipelines over them share it', () => {
    const dir = dictionaryFolder(['巡察整改']);
    const first = sharedCorrector({ dir });
    expect(sharedCorrector({ dir })).toBe(first);
    expect(createPipeline({ dictionaryDir: dir }).dictionaryVersion).toBe(first.dictionaryVersion);
  });

  it.each([
    ['a line appended to a file', (dir: string) => appendFileSync(join(dir, 'lexicon.tsv'), '整改台账\t5000\t\n')],
    ['a file rewritten at the same size', (dir: string) => {
      writeFileSync(join(dir, 'lexicon.tsv'), 'term\tweight\tnote\n巡视整改\t5000\t\n');
      utimesSync(join(dir, 'lexicon.tsv'), new Date(), new Date(Date.now() + 5000));
    }],
    ['a file added to the folder', (dir: string) => writeFileSync(join(dir, 'protected.tsv'), 'kind\tvalue\tnote\nterm\t巡察整改\t\n')],
  ])('builds a new corrector from the files as they are now: %s', (_name, edit) => {
    const dir = dictionaryFolder(['巡察整改']);
    const before = sharedCorrector({ dir });
    edit(dir);
    const after = sharedCorrector({ dir });
    expect(after).not.toBe(before);
    expect(after.dictionaryVersion).not.toBe(before.dictionaryVersion);
    expect(sharedCorrector({ dir })).toBe(after);
  });

  it('a version known before the build (not hashed again) is the one loading hashes, and an edit in between is hashed anew', () => {
    const dir = dictionaryFolder(['巡察整改']);
    const known = sharedDictionaryVersion({ dir });
    expect(sharedCorrector({ dir }).dictionaryVersion).toBe(known);
    expect(loadDictionaries({ dir }).version).toBe(known);
    const other = dictionaryFolder(['巡察整改']);
    const stale = sharedDictionaryVersion({ dir: other });
    appendFileSync(join(other, 'lexicon.tsv'), '整改台账\t5000\t\n');
    const built = sharedCorrector({ dir: other });
    expect(built.dictionaryVersion).not.toBe(stale);
    expect(built.dictionaryVersion).toBe(loadDictionaries({ dir: other }).version);
  });

  it('keeps a corrector per set of user dictionaries', () => {
    const dir = dictionaryFolder(['巡察整改']);
    const user = join(dictionaryFolder([]), 'my-lexicon.tsv');
    writeFileSync(user, 'term\tweight\tnote\n整改台账\t5000\t\n');
    const plain = sharedCorrector({ dir });
    const withUser = sharedCorrector({ dir, userFiles: [user] });
    expect(withUser).not.toBe(plain);
    expect(withUser.dictionaryVersion).not.toBe(plain.dictionaryVersion);
    expect(sharedCorrector({ dir })).toBe(plain);
    expect(sharedCorrector({ dir, userFiles: [user] })).toBe(withUser);
  });

  it('keeps the two most recently used sets: a third set pushes out the oldest', () => {
    const [a, b, c] = [dictionaryFolder(['甲方']), dictionaryFolder(['乙方']), dictionaryFolder(['丙方'])];
    const first = sharedCorrector({ dir: a });
    sharedCorrector({ dir: b });
    sharedCorrector({ dir: c });
    const again = sharedCorrector({ dir: a });
    expect(again).not.toBe(first);
    expect(again.dictionaryVersion).toBe(first.dictionaryVersion); // rebuilt from the same files
  });

  it('reports a missing user dictionary as loading does, naming the file', () => {
    const dir = dictionaryFolder(['巡察整改']);
    expect(() => sharedCorrector({ dir, userFiles: ['/nonexistent/my-lexicon.tsv'] })).toThrow(/user dictionary not found/);
  });
});

describe('sharedCorrector and the folder\'s model files', () => {
  it('builds a new corrector when the word model\'s list changes (it is part of the dictionaries)', () => {
    const dir = dictionaryFolder(['巡察整改']);
    mkdirSync(join(dir, 'word-lm'));
    writeFileSync(join(dir, 'word-lm', 'words.tsv'), 'word\tlogp\tbackoff\n实训\t-9\t0\n');
    const before = sharedCorrector({ dir });
    appendFileSync(join(dir, 'word-lm', 'words.tsv'), '巡河\t-9\t0\n');
    const after = sharedCorrector({ dir });
    expect(after).not.toBe(before);
    expect(after.dictionaryVersion).not.toBe(before.dictionaryVersion);
  });
});

describe('sharedCorrector in a process started from the start-up snapshot', () => {
  const holder = globalThis as { [SNAPSHOT_CORRECTOR]?: SnapshotCorrector };
  const held = (signature: string, version: string): SnapshotCorrector => ({
    signature,
    corrector: { correct: () => ({ edits: [], suggestions: [], warnings: [] }), correctDocument: () => ({ edits: [], suggestions: [], warnings: [] }), loadModels: () => {}, dictionaryVersion: version },
  });

  it('takes the snapshot’s corrector for the files it was built from, and only for them', () => {
    const dir = dictionaryFolder(['整改落实']);
    const other = dictionaryFolder(['整改落实']);
    try {
      holder[SNAPSHOT_CORRECTOR] = held(dictionarySignature(dir, [])!, 'from-snapshot');
      expect(sharedDictionaryVersion({ dir })).toBe('from-snapshot');
      expect(sharedCorrector({ dir }).dictionaryVersion).toBe('from-snapshot');
      expect(sharedCorrector({ dir: other }).dictionaryVersion).toBe(loadDictionaries({ dir: other }).version);
    } finally {
      delete holder[SNAPSHOT_CORRECTOR];
    }
  });

  it('reads the files again once one of them changed after the snapshot was made', () => {
    const dir = dictionaryFolder(['整改台账']);
    try {
      holder[SNAPSHOT_CORRECTOR] = held(dictionarySignature(dir, [])!, 'from-snapshot');
      appendFileSync(join(dir, 'lexicon.tsv'), '巡察反馈\t5000\t\n');
      const corrector = sharedCorrector({ dir });
      expect(corrector.dictionaryVersion).toBe(loadDictionaries({ dir }).version);
      expect(corrector.dictionaryVersion).not.toBe('from-snapshot');
    } finally {
      delete holder[SNAPSHOT_CORRECTOR];
    }
  });
});
