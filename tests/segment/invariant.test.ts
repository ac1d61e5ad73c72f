/** Seeded random notices: the partition invariant always holds; undamaged notices come back exactly. */
import { describe, expect, it } from 'vitest';
import { segment } from '../../pipeline/segment/index.ts';
import { expectPartition, expectSlices } from './check.ts';
import { generate, rng } from './generate.ts';

function problemsOf(r: ReturnType<typeof segment>) {
  return r.notice.sections.flatMap((s) => [...s.problems, ...s.subsections.flatMap((x) => x.problems)])
    .map((p) => ({ number: p.number, statement: p.statement, progress: p.progress }));
}

describe('random notices', () => {
  it('undamaged: problems found exactly, no warnings', () => {
    const rand = rng(20240703);
    for (let k = 0; k < 400; k++) {
      const g = generate(rand, false);
      const r = segment(g.text);
      expectPartition(g.text, r.blocks);
      expectSlices(g.text, r);
      expect(problemsOf(r), `case ${k} (${g.style})\n${g.text}`).toEqual(g.problems);
      expect(r.notice.date).toBe('2024-07-03');
      expect(r.notice.contact?.phone).toEqual(['0734-6880072']);
      expect(r.warnings.map((w) => w.code)).toEqual([]);
    }
  });
  it('damaged: invariants hold and no text is lost', () => {
    const rand = rng(7);
    for (let k = 0; k < 1000; k++) {
      const g = generate(rand, 'any');
      const r = segment(g.text);
      expectPartition(g.text, r.blocks);
      expectSlices(g.text, r);
    }
  });
  it('recoverable damage: problems still found exactly', () => {
    const rand = rng(31337);
    for (let k = 0; k < 400; k++) {
      const g = generate(rand, 'recoverable');
      const r = segment(g.text);
      expectPartition(g.text, r.blocks);
      expectSlices(g.text, r);
      expect(problemsOf(r), `case ${k} (${g.style})\n${g.text}`).toEqual(g.problems);
    }
  });
  it('random character soup keeps the invariants', () => {
    const rand = rng(99);
    const alphabet = '一二三四五六十、，。：:（）()问题整改进展情况是见0123456789.\n \u3000年月日欢迎邮编电话@a';
    for (let k = 0; k < 500; k++) {
      const len = Math.floor(rand() * 200);
      let text = '';
      for (let i = 0; i < len; i++) text += alphabet[Math.floor(rand() * alphabet.length)];
      const r = segment(text);
      expectPartition(text, r.blocks);
      expectSlices(text, r);
    }
  });
});
