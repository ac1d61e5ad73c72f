import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertText } from '../../pipeline/convert.ts';
import { expectDocumentInvariants } from '../helpers/invariants.ts';
import { rng } from '../../scripts/lib/rng.ts';

function fixtureInputs(): [string, string][] {
  const out: [string, string][] = [];
  for (const root of ['fixtures/sample', 'fixtures/notices']) {
    for (const id of readdirSync(root).sort()) {
      const p = join(root, id, 'input.ocr.txt');
      if (existsSync(p)) out.push([id, p]);
    }
  }
  return out;
}


const CONFUSE: Record<string, string> = { 治: '冶', 已: '巳', 活: '店', 贯: '贾', 央: '夹', 责: '贵', 于: '千', 为: '力', 干: '于', 察: '穴', 見: '见' };
const TRADITIONAL = ['領導', '組織', '實際', '問題', '說明'];

/** Damage a clean notice the way OCR does: wrap lines, spaces, page numbers, ASCII punctuation, confusions. */
function damage(gold: string, next: () => number): string {
  const width = 20 + Math.floor(next() * 10);
  const lines: string[] = [];
  for (const para of gold.split('\n')) {
    for (let i = 0; i < para.length; i += width) lines.push(para.slice(i, i + width));
  }
  const out: string[] = [];
  lines.forEach((line, k) => {
    let l = [...line]
      .map((ch) => {
        const r = next();
        if (r < 0.02 && CONFUSE[ch]) return CONFUSE[ch];
        if (r < 0.05 && ch === '，') return ',';
        if (r < 0.07 && ch === '：') return ':';
        if (r < 0.1) return `${ch} `;
        return ch;
      })
      .join('');
    if (next() < 0.02) l += TRADITIONAL[Math.floor(next() * TRADITIONAL.length)];
    out.push(l);
    if (next() < 0.5) out.push('');
    if (k % 28 === 27) out.push(next() < 0.5 ? String(Math.floor(k / 28) + 1) : `— ${Math.floor(k / 28) + 1} —`);
  });
  return out.join(next() < 0.2 ? '\r\n' : '\n');
}

describe('pipeline invariants', () => {
  it.each(fixtureInputs())('%s: edits reproduce text, blocks partition it, output matches the schema', (_id, path) => {
    expectDocumentInvariants(convertText(readFileSync(path, 'utf8'), { file: path }));
  });

  it('holds on 60 seeded randomly damaged notices', () => {
    const golds = fixtureInputs().map(([, p]) => readFileSync(p.replace('input.ocr.txt', 'gold.txt'), 'utf8'));
    for (let seed = 1; seed <= 60; seed++) {
      const next = rng(seed);
      const gold = golds[seed % golds.length];
      const start = Math.floor(next() * Math.max(1, gold.length - 1500));
      const input = damage(gold.slice(start, start + 300 + Math.floor(next() * 1200)), next);
      const doc = convertText(input, { file: `seed-${seed}` });
      expect(doc.original, `seed ${seed}`).toBe(input);
      expectDocumentInvariants(doc);
    }
  });

  it('is deterministic: the same input gives the same document', () => {
    const [, path] = fixtureInputs()[0];
    const text = readFileSync(path, 'utf8');
    expect(JSON.stringify(convertText(text))).toBe(JSON.stringify(convertText(text)));
  });
});
