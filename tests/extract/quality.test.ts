import { describe, expect, it } from 'vitest';
import { linesFromItems, multiply } from '../../pipeline/extract/pdf.ts';
import { judgeTextLayer } from '../../pipeline/extract/quality.ts';

const prose = '根据市委统一部署，市委第三巡察组对市住房和城乡建设局党组开展了常规巡察，并反馈了巡察意见。按照党务政务公开和巡察工作有关要求，现将巡察整改进展情况予以公布。';

function shuffle(s: string, seed = 7): string {
  const a = [...s];
  let x = seed;
  for (let i = a.length - 1; i > 0; i--) {
    x = (x * 1103515245 + 12345) % 2147483648;
    const j = x % (i + 1);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a.join('');
}

describe('text layer quality', () => {
  it.each([
    ['notice prose', prose, true, /passed|Han/],
    ['short page number', '— 3 —', true, /not judged/],
    ['spaced Han (OCR layer)', [...prose].join(' '), false, /spaces between most Han characters/],
    ['shuffled characters', shuffle(prose), false, /implausible words/],
    ['Latin gibberish from a broken font map', 'Ð¹Ø½Ñ²ìÕû¸Ä½øÕ¹Çé¿öµÄÍ¨±¨ Ð¹Ø½Ñ²ìÕû¸Ä½øÕ¹Çé¿ö', false, /too few Han characters/],
    ['private-use glyphs', '\ue001\ue002\ue003巡察整改\ue004\ue005\ue006\ue007\ue008\ue009\ue00a进展情况\ue00b\ue00c\ue00d\ue00e', false, /unmapped/],
  ])('%s', (_name, text, ok, reason) => {
    const v = judgeTextLayer(text);
    expect(v.ok).toBe(ok);
    expect(v.reason).toMatch(reason);
  });
});

describe('reading order from text items', () => {
  const id = [1, 0, 0, 1, 0, 0];
  const flip = [1, 0, 0, -1, 0, 842]; // PDF space (y up) to top-down
  const mul = multiply;
  const item = (str: string, x: number, y: number, size = 12) => ({ str, transform: [size, 0, 0, size, x, y], width: [...str].length * size * (/[\x00-\x7f]/.test(str) ? 0.5 : 1), height: size });

  it('sorts by baseline then x, joins a baseline into one line, no spaces between Han runs', () => {
    const items = [
      item('进展情况', 120, 700),
      item('关于巡察', 72, 750),
      item('整改', 120, 750), // same line, after a gap: no space between Han
      item('的通报', 72, 700.8), // slightly off baseline: same line
      item('Word', 72, 650),
      item('2024', 110, 650), // Latin after a gap: a space
      item('', 200, 650),
    ];
    // 的通报 (x=72) comes before 进展情况 (x=120) on the second line.
    expect(linesFromItems(items, flip, mul)).toEqual(['关于巡察整改', '的通报进展情况', 'Word 2024']);
    expect(linesFromItems([...items].reverse(), flip, mul)).toEqual(['关于巡察整改', '的通报进展情况', 'Word 2024']);
    expect(linesFromItems([], id, mul)).toEqual([]);
  });
});
