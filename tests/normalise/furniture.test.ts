/** Page furniture read differently on each page, and text files paged by form feeds. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { textPages } from '../../pipeline/extract/text.ts';
import { dropFurniture } from '../../pipeline/normalise/drop-furniture.ts';
import { countsPages, similarHeaders } from '../../pipeline/normalise/running-headers.ts';
import { createPipeline } from '../../pipeline/convert.ts';
import { cer } from '../../pipeline/eval/metrics.ts';
import { applyEdits } from './helpers.ts';

const drop = (t: string) => applyEdits(t, dropFurniture(t));
const BODY = ['各单位要把巡察整改作为重要政治任务，', '切实抓好问题整改，一抓到底。'];

describe('page numbers in damaged forms', () => {
  it.each(['— 3 —', '-3-', '一 3 一', '一3一', '二 2 一', '二2二', '·3·', '第3页', '3', '- 12 -'])('"%s" between pages is dropped', (pn) => {
    expect(drop(`${BODY[0]}\n${pn}\n${BODY[1]}\n`)).toBe(`${BODY[0]}\n${BODY[1]}\n`);
  });
  it.each(['一是加强领导', '第三条', '3个问题已整改', '二 2', '一2家'])('"%s" is text, kept', (line) => {
    const t = `${BODY[0]}\n${line}\n${BODY[1]}\n`;
    expect(drop(t)).toBe(t);
  });
});

describe('lines printed many times', () => {
  const repeated = (line: string, keepFirstOnly = false) =>
    [1, 2, 3, 4].map((k) => `问题${k}.第${k}个问题的表述，共${k * 7}处。\n${keepFirstOnly && k > 1 ? '' : `${line}\n`}第${k}项整改措施已经落实${k}次。\n`).join('');
  it('a running header printed on every page goes after its first copy', () => {
    expect(drop(repeated('青石县2024年巡察整改进展情况通报'))).toBe(repeated('青石县2024年巡察整改进展情况通报', true));
  });
  it.each(['整 改 落 实 情 况 :', '整改进展情况：', '问题表现：'])('a label line before every problem ("%s") is the text\'s own, kept', (line) => {
    expect(drop(repeated(line))).toBe(repeated(line));
  });
});

describe('running headers read differently on each page', () => {
  it.each([
    ['青石县2024年巡察整改进展情况通报', '〈2024年巡察整改进展情况通报', true],
    ['青石县2024年巡察整改进展情况通报', '育石县2024年巡察整改进展倩况通报', true],
    ['青石县2024年巡察整改进展情况通报', '各单位要把巡察整改作为重要政治任务', false],
    ['整改进展情况：', '整改落实情况：', false],
  ])('"%s" ~ "%s": %s', (a, b, same) => {
    expect(similarHeaders(a, b)).toBe(same);
  });

  const bodies = [
    ['各单位要把巡察整改作为重要政治任务，', '切实抓好问题整改，一抓到底。'],
    ['区委巡察办加强统筹协调，', '区纪委监委履行整改日常监督职责。'],
    ['对尚未完成的问题，', '督促相关党组织紧盯时间节点。'],
    ['欢迎广大干部群众进行监督，', '如有意见建议请及时反映。'],
  ].map((b) => b.join('\n'));
  const pages = [
    `${bodies[0]}\n— 1 —\n`,
    `青石县2024年巡察整改进展情况通报\n${bodies[1]}\n-2-\n`,
    `〈2024年巡察整改进展情况通报\n${bodies[2]}\n一 3 一\n`,
    `育石县2024年巡察整改进展倩况通报\n${bodies[3]}\n第4页\n`,
  ];
  it('a header at the top of pages 2–4, read three ways, is dropped with the page numbers (pages joined by newlines)', () => {
    expect(drop(pages.join(''))).toBe(`${bodies.join('\n')}\n`);
  });
  it('the same with form feeds and no newline before them', () => {
    const t = pages.map((p) => p.replace(/\n$/, '')).join('\f') + '\n';
    const out = drop(t);
    expect(out).not.toMatch(/通报|—|第4页/);
    expect(out.replace(/[\n\f]/g, '')).toBe(bodies.join('').replace(/\n/g, ''));
  });
  it('a line like the header in the middle of a page (not at a page edge) stays', () => {
    const t = pages.join('').replace('区委巡察办加强统筹协调，\n', '区委巡察办加强统筹协调，\n青石县2024年巡察整改进展情况通报\n');
    expect(drop(t).match(/青石县2024年巡察整改进展情况通报/g)).toHaveLength(1);
  });
  it('the document title is not furniture even when the header repeats it', () => {
    const t = `青石县2024年巡察整改进展情况通报\n${pages.join('')}`;
    expect(drop(t).startsWith('青石县2024年巡察整改进展情况通报\n')).toBe(true);
  });
});

describe('page stamps (a fax identification line, page x of n)', () => {
  const tti = (page: number, minute: number) => `2024-06-18 09:${minute} FROM:青石县巡察办 TO:0731-8821XXXX P.00${page}/004`;
  const bodies = [
    ['青石县2024年巡察整改进展情况通报', '各单位要把巡察整改作为重要政治任务，'],
    ['区委巡察办加强统筹协调，', '区纪委监委履行整改日常监督职责。'],
    ['对尚未完成的问题，', '督促相关党组织紧盯时间节点。'],
    ['欢迎广大干部群众进行监督，', '如有意见建议请及时反映。'],
  ].map((b) => b.join('\n'));

  it.each([
    [[tti(1, 41), tti(2, 42), tti(3, 44)], true],
    [[tti(1, 41), tti(3, 43)], true],
    [['青石县2024年巡察整改进展情况通报', '青石县2024年巡察整改进展情况通报', '青石县2024年巡察整改进展情况通报'], false],
    [['青石县2024年巡察整改进展情况通报', '青石县2O24年巡察整改进展情况通报'], false],
    [[tti(2, 41), tti(1, 42)], true],
    [[tti(2, 45), tti(1, 42)], false],
    [[tti(1, 41)], false],
  ])('%j counts pages: %s', (readings, want) => {
    expect(countsPages(readings)).toBe(want);
  });

  /** a page's body: its two lines, then filler lines enough to fill a page */
  const page = (k: number) => [bodies[k], ...Array.from({ length: 8 }, (_, j) => `第${k + 1}页正文第${j + 1}行，整改措施落实到位。`)].join('\n');
  it('is dropped on every page, the first page too, even where no page number shows the break', () => {
    // page 1 ends without a page number, so page 2's stamp is not at a known page edge
    const t = `${tti(1, 41)}\n${page(0)}\n${tti(2, 42)}\n${page(1)}\n-2-\n${tti(3, 43)}\n${page(2)}\n-3-\n${tti(4, 45)}\n${page(3)}\n`;
    expect(drop(t)).toBe(`${[0, 1, 2, 3].map(page).join('\n')}\n`);
  });
  it('similar lines close together whose numbers count up (a numbered list) are text', () => {
    const list = ['问题1：已完成整改，销号归档。', '问题2：已完成整改，销号归档。', '问题3：已完成整改，销号归档。'];
    const t = `${list[0]}\n${bodies[1]}\n${list[1]}\n${bodies[2]}\n${list[2]}\n${bodies[3]}\n`;
    expect(drop(t)).toBe(t);
  });

  it('a title repeated as the running header stays the title (its numbers do not count pages)', () => {
    const head = '青石县2024年巡察整改进展情况通报';
    const t = `${head}\n${bodies[1]}\n-1-\n${head}\n${bodies[2]}\n-2-\n${head}\n${bodies[3]}\n-3-\n${head}\n${bodies[1]}\n`;
    expect(drop(t).startsWith(`${head}\n区委`)).toBe(true);
    expect(drop(t).match(/通报/g)).toHaveLength(1);
  });
});

describe('page numbers at the page breaks the extraction knows', () => {
  const pageText = (k: number, foot: string) => `第${k}页第一行正文，整改措施落实到位\n第${k}页最后一行正文，整改措施落实到位\n${foot}\n`;
  /** the pages joined as the extraction joins them, with each page's start and number */
  function doc(feet: string[]): { text: string; pages: { number: number; start: number }[] } {
    let text = '';
    const pages = feet.map((foot, k) => {
      const start = text.length;
      text += (k ? '\n' : '') + pageText(k + 1, foot);
      return { number: k + 1, start: k ? start + 1 : 0 };
    });
    return { text, pages };
  }
  it.each([
    ['the page\'s own number among marks', ['', '-2--', '3 .'], ['-2--', '3 .']],
    ['a number that is not the page\'s is text', ['', '', '2 .'], []],
  ])('%s', (_n, feet, dropped) => {
    const { text, pages } = doc(feet);
    const out = applyEdits(text, dropFurniture(text, pages));
    for (const f of feet.filter(Boolean)) expect(out.includes(`\n${f}\n`), f).toBe(!dropped.includes(f));
  });
  it('without the page breaks a lone "3 ." stays (it may be a list marker)', () => {
    const { text } = doc(['', '', '3 .']);
    expect(applyEdits(text, dropFurniture(text))).toContain('\n3 .\n');
  });
});

describe('text files paged by form feeds', () => {
  it.each([
    ['no form feed', '甲\n乙\n', [[0, 4]]],
    ['form feed with no newline before it', '一抓到底。\f青石县\n', [[0, 6], [6, 10]]],
    ['newline before and after', '甲\n\f\n乙\n', [[0, 3], [3, 6]]],
    ['trailing form feed', '甲\n\f', [[0, 3]]],
  ])('%s', (_n, text, spans) => {
    expect(textPages(text).map((p) => [p.start, p.end])).toEqual(spans);
  });

  it('the damaged running-header fixture converts to its gold text, pages recorded', async () => {
    const p = createPipeline({ workers: 1 });
    try {
      const input = 'fixtures/scans/running-header-damaged/input.ocr.txt';
      const doc = await p.convertFile(input);
      expect(doc.source.pages.length).toBeGreaterThan(3);
      expect(doc.original).toBe(readFileSync(input, 'utf8'));
      expect(cer(doc.text, readFileSync('fixtures/scans/running-header-damaged/gold.txt', 'utf8'))).toBeLessThan(0.002);
    } finally {
      await p.close();
    }
  });
});
