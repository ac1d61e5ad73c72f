import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DecisionsFile } from '../../pipeline/review/decisions.ts';
import { diffDocuments } from '../../pipeline/review/doc-diff.ts';
import { changesOf, hanContext } from '../../pipeline/review/text-model.ts';
import type { NoticeDocument } from '../../pipeline/schema.ts';
import { HENGYANG, convert, run, tempDir } from './helpers.ts';

let out: string;
let doc: NoticeDocument;

beforeAll(async () => {
  out = tempDir('learn');
  doc = await convert(HENGYANG, out);
});

function decisionsFor(d: NoticeDocument, picks: [string, 'accept' | 'reject'][]): DecisionsFile {
  const ch = changesOf(d);
  return {
    version: 1,
    documents: [{
      file: d.source.file,
      sha256: d.source.sha256,
      decisions: picks.map(([id, decision]) => {
        const c = ch.find((x) => x.c.id === id)!;
        return { id, decision, before: c.c.before, after: c.c.after, rule: c.c.rule, context: hanContext(d, c) };
      }),
    }],
  };
}

describe('notice dict learn', () => {
  it('a rejected correction is not made again when its learned dictionary is used', async () => {
    const target = doc.corrections.find((c) => c.kind === 'character' && c.rule.startsWith('confusion:'))!;
    const punct = doc.corrections.find((c) => c.kind === 'punctuation')!;
    const decPath = join(out, 'decisions.json');
    await writeFile(decPath, JSON.stringify(decisionsFor(doc, [[target.id, 'reject'], [punct.id, 'reject']])));
    const dictDir = join(out, 'dict');
    const r = await run(['dict', 'learn', decPath, '--out', dictDir]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`skipped ${punct.id}`); // normaliser changes cannot be learned
    const tsv = await readFile(join(dictDir, 'learned-protected.tsv'), 'utf8');
    expect(tsv).toMatch(new RegExp(`^term\\t[^\\t]*${target.before}[^\\t]*\\t`, 'm'));

    const again = await convert(HENGYANG, tempDir('learn2'), ['--dict', join(dictDir, 'learned-protected.tsv'), '--dict', join(dictDir, 'learned-rules.json')]);
    expect(again.corrections.map((c) => c.id)).not.toContain(target.id);
    expect(again.text.slice(target.text.start, target.text.start + target.before.length)).toBe(target.before);
    expect(again.corrections.map((c) => c.id)).toContain(punct.id);
  });

  it('an accepted suggestion becomes a rule and is applied without a decisions file', async () => {
    const sug = doc.suggestions.find((s) => s.before.length === 1 && /\p{Script=Han}/u.test(s.before))!;
    const decPath = join(out, 'accept.json');
    await writeFile(decPath, JSON.stringify(decisionsFor(doc, [[sug.id, 'accept']])));
    const dictDir = join(out, 'dict-accept');
    expect((await run(['dict', 'learn', decPath, '-o', dictDir])).code).toBe(0);
    const rules = JSON.parse(await readFile(join(dictDir, 'learned-rules.json'), 'utf8')) as { pattern: string; replacement: string }[];
    expect(rules).toHaveLength(1);
    const again = await convert(HENGYANG, tempDir('learn3'), ['--dict', join(dictDir, 'learned-rules.json')]);
    const made = again.corrections.find((c) => c.text.start === sug.text.start);
    expect(made?.after).toBe(sug.after);
    expect(made?.rule).toMatch(/^rule:learned-/);
  });

  it('bad usage exits 64', async () => {
    expect((await run(['dict', 'forget', 'x.json'])).code).toBe(64);
    expect((await run(['dict', 'learn'])).code).toBe(64);
  });
});

describe('notice diff', () => {
  const path = (n: string) => join(out, n);
  const save = async (n: string, d: NoticeDocument) => writeFile(path(n), JSON.stringify(d));

  it('identical documents: exit 0', async () => {
    const r = await run(['diff', path('input.ocr.json'), path('input.ocr.json')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('no differences');
  });

  const mutations: [string, (d: NoticeDocument) => void, (x: ReturnType<typeof diffDocuments>) => void][] = [
    ['correction removed', (d) => void d.corrections.splice(0, 1), (x) => expect(x.corrections.removed.map((c) => c.id)).toEqual([doc.corrections[0].id])],
    ['correction rule changed', (d) => void (d.corrections[1].rule = 'other'), (x) => expect(x.corrections.changed[0].fields).toEqual(['rule'])],
    ['correction re-identified', (d) => void (d.corrections[2].id = 'cffffffffff'), (x) => expect(x.corrections.changed[0].fields).toEqual(['id'])],
    ['suggestion added', (d) => void d.suggestions.push({ ...d.corrections[0], id: 's0000000000' }), (x) => expect(x.suggestions.added.map((c) => c.id)).toEqual(['s0000000000'])],
    ['title changed', (d) => void (d.notice.title = 'X'), (x) => expect(x.structure.fields.map((f) => f.field)).toEqual(['title'])],
    ['problem statement changed', (d) => void (d.notice.sections.find((s) => s.problems.length || s.subsections.some((u) => u.problems.length))!.subsections[0].problems[0].statement += '。'), (x) => expect(x.structure.problemsChanged[0].parts).toEqual(['statement'])],
    ['heading changed', (d) => void (d.notice.sections[0].heading = '一、改'), (x) => expect(x.structure.headings.map((h) => h.b)).toEqual(['一、改'])],
    ['paragraph changed', (d) => void (d.text = d.text.replace(/^(.*)\n/, '$1改\n')), (x) => expect([x.paragraphs.removed.length, x.paragraphs.added.map((p) => p.line)]).toEqual([1, [1]])],
  ];
  it.each(mutations)('%s is reported and exits 1', async (name, mutate, check) => {
    const b = structuredClone(doc);
    mutate(b);
    const x = diffDocuments(doc, b);
    expect(x.identical).toBe(false);
    check(x);
    const file = `${name.replace(/ /g, '-')}.json`;
    await save(file, b);
    const r = await run(['diff', path('input.ocr.json'), path(file)]);
    expect(r.code).toBe(1);
    const j = await run(['diff', path('input.ocr.json'), path(file), '--json']);
    expect(JSON.parse(j.stdout)).toEqual(JSON.parse(JSON.stringify(x)));
  });
});
