/**
 * A mark Chinese prose never prints between two characters (· • ．), read by an OCR engine that
 * offered Chinese punctuation as its alternatives, becomes the engine's best Chinese mark:
 * applied when that reading is near certain among the offered marks, suggested otherwise, left
 * alone without the engine's evidence or where the mark is legitimate (1．, a word split by a
 * speck, which the stray-mark stage removes).
 */
import { describe, expect, it } from 'vitest';
import { engineMarks, offeredMarks } from '../../pipeline/correct/engine-marks.ts';
import { createCorrector, loadDictionaries } from '../../pipeline/correct/index.ts';
import type { CharEvidence, Paragraph } from '../../pipeline/correct/types.ts';

type Alts = { text: string; confidence: number }[];

function run(text: string, alts: Alts | null): Paragraph {
  const at = [...text].findIndex((c) => '·•．'.includes(c));
  const evidenceAt = alts === null ? undefined : (pos: number): CharEvidence | undefined => (pos === at ? { confidence: 0.4, engine: 'ppocr', alternatives: alts } : { confidence: 0.99 });
  const p: Paragraph = { input: { text, evidenceAt }, text, mask: new Uint8Array(text.length), edits: [], suggestions: [], warnings: [] };
  engineMarks(p);
  return p;
}

describe('marks read for Chinese punctuation (engine alternatives)', () => {
  it.each([
    ['a likely full stop: suggested, readings ranked', '反馈了巡察意见·局党组高度重视', [{ text: '。', confidence: 0.3 }, { text: '，', confidence: 0.074 }, { text: '-', confidence: 0.1 }], 'suggested', '。'],
    ['a near-certain 、: applied', '明确责任领导·责任科室', [{ text: '、', confidence: 0.62 }, { text: '。', confidence: 0.004 }], 'applied', '、'],
    ['the only Chinese mark offered, but below a speck\'s readings: suggested', '反馈了巡察意见·局党组', [{ text: '-', confidence: 0.3 }, { text: '.', confidence: 0.1 }, { text: '：', confidence: 0.01 }], 'suggested', '：'],
    ['alternatives with no Chinese mark: left', '反馈了巡察意见·局党组', [{ text: '-', confidence: 0.3 }, { text: '.', confidence: 0.1 }], 'none', ''],
    ['no engine evidence (a text file): left', '反馈了巡察意见·局党组', null, 'none', ''],
    ['after a numeral (1．): left', '1．学习贯彻', [{ text: '。', confidence: 0.5 }], 'none', ''],
  ] as [string, string, Alts | null, 'applied' | 'suggested' | 'none', string][])('%s', (_name, text, alts, want, mark) => {
    const p = run(text, alts);
    const got = p.edits.length ? 'applied' : p.suggestions.length ? 'suggested' : 'none';
    expect(got).toBe(want);
    const change = [...p.edits, ...p.suggestions][0];
    if (change) {
      expect(change.replacement).toBe(mark);
      expect(text.slice(change.start, change.end)).toMatch(/[·•．]/u);
    }
  });

  it('gives each offered mark its share of their probability', () => {
    const marks = offeredMarks([{ text: '，', confidence: 0.2 }, { text: '。', confidence: 0.6 }, { text: 'x', confidence: 0.5 }]);
    expect(marks.map((m) => m.after)).toEqual(['。', '，']);
    expect(marks[0].score).toBeCloseTo(0.75, 9);
    expect(marks[1].score).toBeCloseTo(0.25, 9);
  });

  it('leaves a speck inside a word to the stray-mark stage (one change, a removal)', () => {
    const c = createCorrector(loadDictionaries());
    const text = '认真部·署整改工作。';
    const at = text.indexOf('·');
    const r = c.correct({ text, evidenceAt: (pos) => (pos === at ? { confidence: 0.3, alternatives: [{ text: '。', confidence: 0.9 }] } : { confidence: 0.99 }) });
    expect(r.edits.filter((e) => e.start <= at && at < e.end).map((e) => e.replacement)).toEqual(['']);
    expect(r.suggestions.filter((s) => s.start === at)).toEqual([]);
  });
});
