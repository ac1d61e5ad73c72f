import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { NoticeDocument } from '../../pipeline/schema.ts';
import { textBeforeCorrections } from '../../pipeline/review/text-model.ts';
import { requireSystem, SYSTEM } from '../helpers/system.ts';
import { HENGYANG, convert, run, tempDir } from './helpers.ts';

let out: string;
let doc: NoticeDocument;
const ESC = '\u001b[';

beforeAll(async () => {
  out = tempDir('review');
  doc = await convert(HENGYANG, out);
  expect(doc.corrections.length).toBeGreaterThan(10);
  expect(doc.suggestions.length).toBeGreaterThan(0);
});

/** ids listed by `notice review` (the second word of each heading line) */
const idsOf = (s: string) => [...s.matchAll(/^(?:correction|suggestion) {2}([cs][0-9a-f]+) /gm)].map((m) => m[1]);

describe('notice review (terminal)', () => {
  it('lists every correction and suggestion with plain markers when not a TTY', async () => {
    const r = await run(['review', join(out, 'input.ocr.json')]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain(ESC);
    const ids = idsOf(r.stdout);
    expect(new Set(ids)).toEqual(new Set([...doc.corrections, ...doc.suggestions].map((c) => c.id)));
    const c = doc.corrections.find((x) => x.kind === 'character')!;
    expect(r.stdout).toContain(`[-${c.before}-]{+${c.after}+}`);
    // context: the 12 characters of text before the change, on the same line
    const left = doc.text.slice(Math.max(0, c.text.start - 12), c.text.start).split('\n').pop()!;
    expect(r.stdout).toContain(`${left}[-${c.before}-]{+${c.after}+}`);
  });

  it('colours only on a TTY (or --color)', async () => {
    const tty = await run(['review', join(out, 'input.ocr.json')], { tty: true });
    expect(tty.stdout).toContain(ESC);
    expect(tty.stdout).not.toMatch(/\[-.+?-\]\{\+/);
    const forced = await run(['review', join(out, 'input.ocr.json'), '--no-color'], { tty: true });
    expect(forced.stdout).not.toContain(ESC);
  });

  const filters: [string, string[], (c: { kind: string; rule: string; confidence: number; id: string }) => boolean][] = [
    ['--rule prefix', ['--rule', 'confusion'], (c) => c.rule.split('+').some((r) => r.startsWith('confusion:'))],
    ['--rule exact', ['--rule', 'punct:quotes'], (c) => c.rule.split('+').includes('punct:quotes')],
    ['--kind punctuation', ['--kind', 'punctuation'], (c) => c.kind === 'punctuation'],
    ['--kind suggestion', ['--kind', 'suggestion'], (c) => c.id.startsWith('s')],
    ['--min-confidence', ['--min-confidence', '0.9'], (c) => c.confidence >= 0.9],
    ['--max-confidence', ['--max-confidence', '0.5'], (c) => c.confidence <= 0.5],
    ['combined', ['--kind', 'character', '--min-confidence', '0.8', '--max-confidence', '0.95'], (c) => c.kind === 'character' && c.confidence >= 0.8 && c.confidence <= 0.95],
  ];
  it.each(filters)('filter %s shows exactly the matching changes', async (_n, args, pred) => {
    const r = await run(['review', out, ...args]);
    expect(r.code).toBe(0);
    const want = [...doc.corrections, ...doc.suggestions].filter(pred).map((c) => c.id);
    expect(want.length).toBeGreaterThan(0);
    expect(idsOf(r.stdout).sort()).toEqual(want.sort());
  });

  it.each([
    [['--min-confidence', '2']],
    [['--kind', 'nonsense']],
    [['--format', 'xml']],
    [[]],
  ])('bad usage %j exits 64', async (args) => {
    const r = await run(['review', ...(args.length ? [out, ...args] : [])]);
    expect(r.code).toBe(64);
  });
});

describe('notice review --format diff', () => {
  it('is a unified diff that patch and git apply turn from the uncorrected text into text', async () => {
    requireSystem(SYSTEM.patch, SYSTEM.git);
    const r = await run(['review', join(out, 'input.ocr.json'), '--format', 'diff']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^--- a\/input\.ocr\.txt\n\+\+\+ b\/input\.ocr\.txt\n@@ /);
    const before = textBeforeCorrections(doc);
    expect(before).not.toBe(doc.text);
    // removed and added lines are exactly the paragraphs some correction touched
    const touched = new Set(doc.corrections.map((c) => doc.text.slice(0, c.text.start).split('\n').length));
    expect(r.stdout.split('\n').filter((l) => l.startsWith('+') && !l.startsWith('+++')).length).toBe(touched.size);

    const dir = tempDir('patch');
    writeFileSync(join(dir, 'input.ocr.txt'), before);
    writeFileSync(join(dir, 'fix.patch'), r.stdout);
    execFileSync('git', ['apply', '--check', 'fix.patch'], { cwd: dir });
    execFileSync('patch', ['-p1', '-s', '-i', 'fix.patch'], { cwd: dir });
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(join(dir, 'input.ocr.txt'), 'utf8')).toBe(doc.text);
    expect(readFileSync(join(dir, 'input.ocr.txt'), 'utf8')).toBe(readFileSync(join(out, 'input.ocr.txt'), 'utf8'));
  });
});
