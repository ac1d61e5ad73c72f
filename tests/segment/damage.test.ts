/**
 * Heavy OCR damage (tests/segment/damage.ts: observed confusions on markers, labels, paragraph starts,
 * punctuation, merged/split paragraphs) on the tune gold texts: most problems survive, none is invented,
 * the partition holds; plus a table for each new tolerance with the case it must not split.
 */
import { describe, expect, it } from 'vitest';
import { GoldStructure, scoreStructure } from '../../pipeline/eval/structure.ts';
import { segment } from '../../pipeline/segment/index.ts';
import { fuzzyLabelAtStart, labelDistance, matchLabel, matchQuestion } from '../../pipeline/segment/markers.ts';
import { expectPartition, expectSlices } from './check.ts';
import { damageText, tuneGolds } from './damage.ts';
import { rng } from './generate.ts';

const golds = tuneGolds();

describe('tune gold texts under seeded OCR damage', () => {
  it('undamaged: every problem found', () => {
    for (const t of golds) {
      const s = scoreStructure(segment(t.gold).notice, GoldStructure.parse(t.structure));
      expect(s.problemsFound, t.id).toBe(s.problemsGold);
    }
  });
  it.each([
    [0.05, 0.85],
    [0.15, 0.6],
  ])('rate %s: at least %s of problems survive, no problem invented, partition holds', (rate, floor) => {
    let found = 0;
    let total = 0;
    for (const t of golds) {
      const gs = GoldStructure.parse(t.structure);
      for (let seed = 1; seed <= 6; seed++) {
        const d = damageText(t.gold, rng(seed * 104729 + t.id.length), rate);
        const r = segment(d.text);
        expectPartition(d.text, r.blocks);
        expectSlices(d.text, r);
        const s = scoreStructure(r.notice, gs);
        // no problem invented: never more problems than gold (a damaged marker may still be read under another number)
        expect(r.notice.problemCount, `${t.id} seed ${seed}: ${d.ops.join(' ')}`).toBeLessThanOrEqual(s.problemsGold);
        found += s.problemsFound;
        total += s.problemsGold;
      }
    }
    expect(found / total).toBeGreaterThanOrEqual(floor);
  });
  it('the damage is deterministic and touches markers and labels', () => {
    const t = golds.find((g) => g.id.startsWith('n13')) ?? golds[0];
    const a = damageText(t.gold, rng(5), 0.3);
    expect(damageText(t.gold, rng(5), 0.3)).toEqual(a);
    expect(a.text).not.toBe(t.gold);
    expect(a.ops.length).toBeGreaterThan(5);
  });
});

const Q = (n: number, body: string) => `问题${n}.${body}`;
const doc = (lines: string[]) =>
  ['关于县委巡察反馈意见整改进展情况的通报', '一、反馈问题整改进展情况', ...lines, '中共某某县委', '2024年10月8日', ''].join('\n');

describe('heavily damaged 问题 markers: kept only where the sequence expects them', () => {
  const base = [Q(1, '学习不深入。'), '整改进展情况：开展学习9次。', Q(2, '资金管理不规范。'), '整改进展情况：追回资金3万元。'];
  it.each([
    ['both characters misread', '癌生3.台账不完整。', 3],
    ['dot read as a comma', '间是3，台账不完整。', 3],
    ['number lost', '问题.台账不完整。', 3],
  ])('%s', (_name, marker, n) => {
    const r = segment(doc([...base, marker, '整改进展情况：补齐台账。']));
    const ps = r.notice.sections[0].problems;
    expect(ps.map((p) => p.number)).toEqual([1, 2, n]);
    expect(ps[2].statement).toBe('台账不完整。');
  });
  it.each([
    ['inside a statement (previous problem has no progress yet)', [Q(1, '学习不深入。'), '癌生2.台账不完整。', '整改进展情况：开展学习。'], 1],
    ['number out of sequence', [...base, '癌生7.台账不完整。', '整改进展情况：补齐。'], 2],
    ['prose with a number', [...base, '全年3.5万元用于培训。', '整改进展情况：补齐。'], 2],
  ])('must not split: %s', (_name, lines, n) => {
    const r = segment(doc(lines as string[]));
    expect(r.notice.sections[0].problems.length).toBe(n);
  });
  it('matchQuestion reports the sequence-only forms', () => {
    expect(matchQuestion('癌生5.台账')).toMatchObject({ number: 5, sequenceOnly: true });
    expect(matchQuestion('问题.台账')).toMatchObject({ number: 0, sequenceOnly: true });
    expect(matchQuestion('间题5.台账')?.sequenceOnly).toBeUndefined();
  });
});

describe('colon-less damaged label at a line start', () => {
  it.each([
    ['束改进展情况局党组制定计划', '束改进展情况'],
    ['整改进展情兄局党组制定计划', '整改进展情兄'],
    ['整改落实情况对全县排查', '整改落实情况'],
    ['区改落实情况对全县排查', '区改落实情况'],
  ])('%s is a label', (s, label) => {
    expect(matchLabel(s)?.label).toBe(label);
  });
  it.each([
    '整改进展情况的通报',
    '区改落实情兄对全县排查', // both ends damaged
    '整改工作推进情况良好',
    '落实整改责任',
  ])('%s is not a label', (s) => {
    expect(matchLabel(s)).toBeNull();
  });
  it('observed confusions cost half an edit', () => {
    expect(labelDistance('束改进展情况', '整改进展情况')).toBe(0.5);
    expect(labelDistance('丁改进展情况', '整改进展情况')).toBe(1);
    expect(fuzzyLabelAtStart('整改进展情况的')).toBeNull();
  });
});

describe('progress label lost entirely', () => {
  it.each([
    ['一是', '一是建立台账；二是开展检查。'],
    ['一 + misread 是', '一足建立台账；二是开展检查。'],
    ['label word left', '区改进展倩况局党组建立台账。'],
  ])('progress from the next paragraph opening with %s', (_name, opening) => {
    const text = doc([Q(1, '学习不深入。'), '整改进展情况：开展学习。', Q(2, '台账不完整。'), opening, Q(3, '资金不规范。'), '整改进展情况：追回。']);
    const ps = segment(text).notice.sections[0].problems;
    expect(ps.map((p) => p.number)).toEqual([1, 2, 3]);
    expect(ps[1].statement).toBe('台账不完整。');
    expect(ps[1].progress).toBe(opening);
  });
  it.each([
    ['如…', '如2023年某镇大棚闲置。'],
    ['同时…', '同时，个别村未公示。'],
  ])('must not split a statement paragraph opening with %s', (_name, para) => {
    const text = doc([Q(1, '学习不深入。'), '整改进展情况：开展学习。', Q(2, '台账不完整。'), para]);
    const ps = segment(text).notice.sections[0].problems;
    expect(ps[1].statement).toBe(`台账不完整。\n${para}`);
    expect(ps[1].progress).toBe('');
  });
});

describe('a stray character before 问题N. and a misread problem number', () => {
  const base = [Q(1, '学习不深入。'), '整改进展情况：开展学习9次。', Q(2, '资金管理不规范。'), '整改进展情况：追回资金3万元。'];
  it('keeps "和问题3." where the sequence expects 问题3', () => {
    const r = segment(doc([...base, '和问题3.台账不完整。', '整改进展情况：补齐台账。', Q(4, '制度不健全。'), '整改进展情况：修订制度。']));
    const ps = r.notice.sections[0].problems;
    expect(ps.map((p) => p.number)).toEqual([1, 2, 3, 4]);
    expect(ps[2].statement).toBe('台账不完整。');
  });
  it('does not take "和问题7." out of sequence', () => {
    const r = segment(doc([...base, '和问题7.台账不完整。', '整改进展情况：补齐台账。']));
    expect(r.notice.sections[0].problems.map((p) => p.number)).toEqual([1, 2]);
  });
  it('reads 问题2 between 问题2 and 问题4 as 问题3, and says so', () => {
    const r = segment(doc([...base, Q(2, '台账不完整。'), '整改进展情况：补齐台账。', Q(4, '制度不健全。'), '整改进展情况：修订制度。']));
    expect(r.notice.sections[0].problems.map((p) => p.number)).toEqual([1, 2, 3, 4]);
    expect(r.warnings.map((w) => w.code)).toContain('numbering-repaired');
  });
});

describe('a problem heading whose numeral was lost: kept only where the subsection numbering expects it', () => {
  const head = ['关于巡察反馈意见整改进展情况的通报', '一、总体情况', '已召开专题会议。', '二、问题整改情况'];
  const sub = (m: string, t: string) => [`${m}关于${t}的问题`, `整改措施及成效：已完成${t}整改。`];
  const tail = ['中共某某公司委员会', '2025年8月1日', ''];
  it.each([
    ['（全）', 2],
    ['(CN）', 2],
    ['二四）', 2],
    ['）', 2],
  ])('"%s" between （一） and （三） is （二）', (marker, n) => {
    const r = segment([...head, ...sub('（一）', '学习'), ...sub(marker, '资金'), ...sub('（三）', '采购'), ...tail].join('\n'));
    const ps = r.notice.sections[1].problems.length ? r.notice.sections[1].problems : r.notice.sections[1].subsections.flatMap((s) => s.problems);
    expect(ps.map((p) => p.number)).toEqual([1, n, 3]);
  });
  it('a "方面" subsection heading reduced to its closing bracket, between （一） and （三）, is （二） with its problems', () => {
    const item = (n: number, t: string) => [`${n}.${t}不到位。`, `整改情况：已完成${t}整改。`];
    const r = segment([...head, '（一）关于学习方面', ...item(1, '学习'), '）关于资金管理方面', ...item(1, '资金'), ...item(2, '票据'), '（三）关于采购方面', ...item(1, '采购'), ...tail].join('\n'));
    const subs = r.notice.sections[1].subsections;
    expect(subs.map((x) => [x.number, x.heading, x.problems.map((p) => p.statement)])).toEqual([
      [1, '关于学习方面', ['学习不到位。']],
      [2, '关于资金管理方面', ['资金不到位。', '票据不到位。']],
      [3, '关于采购方面', ['采购不到位。']],
    ]);
  });
  it('is not taken before any exact heading of its section', () => {
    const r = segment([...head, ...sub('（全）', '学习'), ...sub('（二）', '资金'), ...tail].join('\n'));
    const s = r.notice.sections[1];
    const ps = s.problems.length ? s.problems : s.subsections.flatMap((x) => x.problems);
    expect(ps.map((p) => p.number)).toEqual([2]);
  });
});

describe('an item marker OCR destroyed altogether: the line before the second progress label opens it', () => {
  const head = ['关于巡察反馈意见整改情况的通报', '一、总体情况', '已召开专题会议。', '二、问题整改情况', '（一）关于制度建设方面'];
  const tail = ['中共某某公司委员会', '2025年8月1日', ''];
  const item = (m: string, t: string) => [`${m}${t}不到位。`, `整改情况：已完成${t}整改。`];
  const problems = (lines: string[]) => {
    const r = segment([...head, ...lines, ...tail].join('\n'));
    return { ps: r.notice.sections[1].subsections.flatMap((x) => x.problems).map((p) => [p.number, p.statement]), warnings: r.warnings.map((w) => w.code) };
  };
  it('between 1. and 3.', () => {
    const { ps, warnings } = problems([...item('1.', '台账'), ...item('国有', '监管').map((l, i) => (i === 0 ? l.replace('国有', '') : l)), ...item('3.', '作风')]);
    expect(ps).toEqual([[1, '台账不到位。'], [2, '监管不到位。'], [3, '作风不到位。']]);
    expect(warnings).toContain('marker-lost');
  });
  it('the last of its subsection, before the next heading', () => {
    const { ps } = problems([...item('1.', '台账'), ...item('2.', '票据'), '资金不到位。', '整改情况：已完成资金整改。', '（二）关于作风建设方面', ...item('1.', '作风')]);
    expect(ps).toEqual([[1, '台账不到位。'], [2, '票据不到位。'], [3, '资金不到位。'], [1, '作风不到位。']]);
  });
  it('the last 问题N before the next section, not before the document\'s end', () => {
    const qs = ['问题1.台账不到位。', '整改情况：已建立台账。', '问题2.票据不规范。', '整改情况：已清理票据。', '资金管理不严。', '整改情况：已追回资金。'];
    const doc = (after: string[]) => segment(['关于巡察反馈意见整改情况的通报', '一、问题整改情况', ...qs, ...after, '中共某某公司委员会', '2025年8月1日', ''].join('\n'));
    expect(doc(['二、下一步工作', '持续抓好整改。']).notice.sections[0].problems.map((p) => [p.number, p.statement])).toEqual([[1, '台账不到位。'], [2, '票据不规范。'], [3, '资金管理不严。']]);
    expect(doc([]).notice.sections[0].problems.map((p) => p.number)).toEqual([1, 2]);
  });
  it('not where two different labels are one problem\'s parts', () => {
    const { ps } = problems(['1.台账不到位。', '整改措施：建立台账。', '成效明显。', '整改成效：台账齐全。', ...item('2.', '票据')]);
    expect(ps).toEqual([[1, '台账不到位。'], [2, '票据不到位。']]);
  });
});

describe('more heavy damage: each tolerance with the case it must not take', () => {
  const head = ['关于巡察反馈意见整改情况的通报', '一、总体情况', '已召开专题会议。', '二、问题整改情况'];
  const tail = ['中共某某街道工作委员会', '2025年8月1日', ''];
  const probs = (doc: string) => {
    const r = segment(doc);
    return r.notice.sections.flatMap((s) => [...s.problems, ...s.subsections.flatMap((x) => x.problems)]).map((p) => `${p.number}:${p.statement.slice(0, 4)}`);
  };
  it('"（一政治…" (closing bracket lost) is subsection 1 where the numbering expects it', () => {
    const r = segment([...head, '（一政治建设方面', '1.学习不深入。', '整改情况：开展学习。', '（二）作风建设方面', '1.作风不实。', '整改情况：开展整治。', ...tail].join('\n'));
    expect(r.notice.sections[1].subsections.map((s) => s.heading)).toEqual(['政治建设方面', '作风建设方面']);
  });
  it('".学习…" (number lost) is item 1 when "2." follows', () => {
    expect(probs([...head, '（一）政治建设方面', '.学习不深入。', '整改情况：开展学习。', '2.制度不健全。', '整改情况：修订制度。', ...tail].join('\n'))).toEqual(['1:学习不深', '2:制度不健']);
  });
  it('a line starting with "." is prose when no "2." follows', () => {
    expect(probs([...head, '（一）政治建设方面', '1.学习不深入。', '整改情况：开展学习。', '.今后继续加强学习。', ...tail].join('\n'))).toEqual(['1:学习不深']);
  });
  it('"|1社区…" (a bar before the number, dot lost) is item 1 of a new list', () => {
    expect(probs([...head, '（一）组织建设方面', '|1社区书记队伍有短板。', '整改情况：实施育苗计划。', '2.党员管理不严。', '整改情况：开展排查。', ...tail].join('\n'))).toEqual(['1:社区书记', '2:党员管理']);
  });
  it('unlabelled items restarting the count after labelled problems are not problems', () => {
    const doc = [...head, '（一）组织建设方面', '1.党员管理不严。', '整改情况：开展排查。', '2.制度不全。', '整改情况：修订制度。', '1.持续抓好整改。', '2.健全长效机制。', '3.强化成果运用。', ...tail].join('\n');
    expect(probs(doc)).toEqual(['1:党员管理', '2:制度不全']);
  });
  it('a 问题 marker destroyed altogether between 问题1 and 问题3 is recovered before its progress label', () => {
    const doc = ['关于巡察反馈意见整改进展情况的通报', '一、问题整改情况', Q(1, '学习不深入。'), '整改进展情况：开展学习9次。', '团颅t资金管理不规范。', '整改进展情况：追回资金3万元。', Q(3, '台账不完整。'), '整改进展情况：补齐台账。', '中共某某县委', '2024年10月8日', ''].join('\n');
    const r = segment(doc);
    expect(r.notice.sections[0].problems.map((p) => p.number)).toEqual([1, 2, 3]);
    expect(r.notice.sections[0].problems[1].statement).toBe('团颅t资金管理不规范。');
    expect(r.warnings.map((w) => w.code)).toContain('marker-lost');
  });
  it('no problem is invented where the numbering has no gap', () => {
    const doc = ['关于巡察反馈意见整改进展情况的通报', '一、问题整改情况', Q(1, '学习不深入。'), '整改进展情况：开展学习9次。', '此外还开展了专项检查。', '整改进展情况：追回资金3万元。', Q(2, '台账不完整。'), '整改进展情况：补齐台账。', '中共某某县委', '2024年10月8日', ''].join('\n');
    expect(segment(doc).notice.sections[0].problems.map((p) => p.number)).toEqual([1, 2]);
  });
});

describe('damage seen under tesseract.js on a Ming face', () => {
  const head = ['关于巡察反馈意见整改情况的通报', '一、总体情况', '已召开专题会议。', '二、问题整改情况'];
  const tail = ['中共某某开发区工作委员会', '2025年10月13日', ''];
  const probs = (lines: string[]) =>
    segment([...head, ...lines, ...tail].join('\n'))
      .notice.sections.flatMap((s) => s.subsections.map((x) => `${x.number}:` + x.problems.map((p) => p.number).join(',')));
  it.each([
    ['debris before an item (", 2.")', ['（一）关于发展方面', '1.招商质量不高。', '整改情况：绘制图谱。', ', 2.用地处置缓慢。', '整改情况：开展清查。'], ['1:1,2']],
    ['a subsection that lost its opening bracket ("二）")', ['（一）关于发展方面', '1.招商质量不高。', '整改情况：绘制图谱。', '二）关于从严治党方面', '1.监管薄弱。', '整改情况：修订制度。', '（三）关于队伍建设方面', '1.分工不清。', '整改情况：重新制定。'], ['1:1', '2:1', '3:1']],
    ['"1：" (colon for the dot) right under a heading', ['（一）关于发展方面', '1：招商质量不高。', '整改情况：绘制图谱。', '（二）关于从严治党方面', '1.监管薄弱。', '整改情况：修订制度。'], ['1:1', '2:1']],
  ])('%s', (_name, lines, want) => {
    expect(probs(lines as string[])).toEqual(want);
  });
  it.each([
    ['a sentence starting with a quantity and a colon is no item', ['（一）关于发展方面', '1.招商质量不高。', '整改情况：绘制图谱。', '3：1的配比已落实到位。'], ['1:1']],
    ['"二）" out of sequence stays text', ['（一）关于发展方面', '1.招商质量不高。', '整改情况：绘制图谱。', '（二）关于从严治党方面', '1.监管薄弱。', '整改情况：修订制度。', '二）其余事项已完成。'], ['1:1', '2:1']],
  ])('must not take: %s', (_name, lines, want) => {
    expect(probs(lines as string[])).toEqual(want);
  });
});
