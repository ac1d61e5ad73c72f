/**
 * Layouts with no progress label at all, a third numbering level, paragraphs about the 巡察's other handovers
 * after the last problem, and section headings whose numeral OCR lost (the fifth fresh fixture round's kinds).
 */
import { describe, expect, it } from 'vitest';
import { joinLines } from '../../pipeline/normalise/join-lines.ts';
import { segment } from '../../pipeline/segment/index.ts';
import { applyEdits } from '../normalise/helpers.ts';
import { expectPartition, expectSlices } from './check.ts';

const segmented = (text: string) => {
  const r = segment(text);
  expectPartition(text, r.blocks);
  expectSlices(text, r);
  return r;
};
const problemsOf = (text: string) =>
  segmented(text).notice.sections.flatMap((s) => [...s.problems, ...s.subsections.flatMap((x) => x.problems)]);

const TITLE = '中共某某市机关事务管理局党组关于巡察整改情况的报告';

describe('a progress with no label, opened by its answer or its status', () => {
  const notice = (progress: string) =>
    [
      TITLE,
      '一、巡察反馈问题整改情况',
      '问题一：公务用车管理存在漏洞',
      '局党组对公务用车平台管理的监督不到位，车辆使用和费用管理不够严格。',
      progress,
      '问题二：办公用房管理不够规范',
      '部分单位存在超标准配置的情况。',
      '针对这一问题，局党组开展全面清查，腾退超标用房12处。',
      '二、下一步工作打算',
      '持续巩固整改成果。',
      '',
    ].join('\n');

  it.each([
    ['针对这一问题，局党组对派车记录逐条核查，收回违规补贴1.2万元。'],
    ['已完成整改。针对这一问题，局党组对派车记录逐条核查。'],
    ['基本完成，长期坚持。局党组对派车记录逐条核查。'],
    ['正在整改，已核查派车记录4.3万条。'],
    ['对此，局党组对派车记录逐条核查。'],
  ])('"%s" starts the progress after a title line and a detail paragraph', (progress) => {
    const ps = problemsOf(notice(progress));
    expect(ps.map((p) => p.number)).toEqual([1, 2]);
    expect(ps[0]).toMatchObject({ statement: '公务用车管理存在漏洞\n局党组对公务用车平台管理的监督不到位，车辆使用和费用管理不够严格。', progress });
    expect(ps[1]!.progress).toBe('针对这一问题，局党组开展全面清查，腾退超标用房12处。');
  });

  it('a statement paragraph that does not open like an answer stays statement', () => {
    const ps = problemsOf(notice('比如，2025年有3辆车未按规定停放。'));
    expect(ps[0]!.progress).toBe('');
    expect(ps[0]!.statement).toContain('比如，2025年');
  });

  it('the rectification particulars printed before the answer open the progress', () => {
    const ps = problemsOf(notice('责任单位：车辆管理科；整改时限：2026年9月底\n已完成整改。对派车记录逐条核查。'));
    expect(ps[0]!.progress).toBe('责任单位：车辆管理科；整改时限：2026年9月底\n已完成整改。对派车记录逐条核查。');
  });

  it('wrapped page text: a line opening "针对这一问题，" after a sentence end starts a paragraph', () => {
    const line = '局党组对公务用车平台管理的监督不到位，车辆使用和费用管理不够严格，制度执';
    const full = '行存在偏差，部分车辆长期未按规定停放在指定地点，车辆报销审核把关不严格。'; // a full line ending a sentence
    const text = [TITLE, '一、巡察反馈问题整改情况', line, line, full, '针对这一问题，局党组对派车记录逐条核查，收回违规补贴', '1.2万元。', ''].join('\n');
    expect(applyEdits(text, joinLines(text))).toContain('把关不严格。\n针对这一问题，');
  });
});

describe('wrapped page text: "（1）" after a line that lost its sentence end', () => {
  const line = '县委第四巡察组共反馈3个方面9个问题，截至目前已完成整改7个，正在推进2个，各';
  it.each([
    ['（1）推动文旅融合发展的谋划不够有力。', true],
    ['（2）推动文旅融合发展的谋划不够有力。', false],
  ])('"%s" opens a paragraph when it is the list\'s next item: %s', (item, opens) => {
    const text = [TITLE, line, line, item, ''].join('\n');
    expect(applyEdits(text, joinLines(text)).includes(`各\n${item}`)).toBe(opens);
  });
});

describe('three numbering levels: （一） subsections, "1." topic headings, "（1）" problems', () => {
  const text = [
    TITLE,
    '一、反馈问题的整改进展',
    '（一）履行管理职责方面',
    '1.耕地保护和用途管制',
    '（1）耕地整治不彻底。部分违法占用耕地图斑整改滞后。',
    '已完成整改。对图斑逐一复核，整改到位46宗。',
    '（2）占补平衡管理不严格。补充耕地项目验收把关不严。',
    '正在整改，已完成阶段目标。',
    '2.国土空间规划实施',
    '（3）规划刚性约束作用发挥不够。个别项目擅自变更规划条件。',
    '已完成整改。对变更事项逐件复查。',
    '二、下一步工作安排',
    '持续巩固整改成果。',
    '',
  ].join('\n');

  it('the "（1）" items are the problems, numbered through the topics', () => {
    const ps = problemsOf(text);
    expect(ps.map((p) => p.number)).toEqual([1, 2, 3]);
    expect(ps[1]).toMatchObject({ statement: '占补平衡管理不严格。补充耕地项目验收把关不严。', progress: '正在整改，已完成阶段目标。' });
  });

  it('each topic heading is a paragraph of its subsection, not part of the problem before it', () => {
    const sub = segmented(text).notice.sections[0]!.subsections[0]!;
    expect(sub.paragraphs.map((p) => p.text)).toEqual(['1.耕地保护和用途管制', '2.国土空间规划实施']);
    expect(sub.problems[1]!.progress).not.toContain('国土空间');
  });

  it('a "1." line with a sentence is a problem of its own, its "（1）" lines its sub-points', () => {
    const ps = problemsOf(text.replace('1.耕地保护和用途管制', '1.耕地保护不力。整改情况：开展专项整治。'));
    expect(ps[0]!.number).toBe(1);
    expect(ps[0]!.statement).toBe('耕地保护不力。');
  });
});

describe('a paragraph about the 巡察\'s other handovers after the last problem', () => {
  it.each([['对巡察移交的5件问题线索，局党组已督促逐件核查，已办结4件。'], ['巡察期间移交的信访件11件，已全部办结。'], ['此外，对巡察组移交的问题线索已全部办结。'], ['对巡案移交的5件问题线索，已办结4件。']])(
    '"%s" belongs to the section, not to the last progress',
    (closing) => {
      const text = [TITLE, '一、巡察反馈问题整改情况', '1.资金管理不规范。部分资金拨付滞后。', '整改情况：完成清查。', closing, '二、下一步工作打算', '持续巩固。', ''].join('\n');
      const sec = segmented(text).notice.sections[0]!;
      expect(sec.problems[0]!.progress).toBe('完成清查。');
      expect(sec.paragraphs.map((p) => p.text)).toEqual([closing]);
    },
  );
});

describe('a section heading whose numeral OCR lost', () => {
  const notice = (first: string, second: string) =>
    [TITLE, '现将整改情况报告如下。', first, '局党组召开专题会议研究部署整改工作。', second, '1.资金管理不规范。部分资金拨付滞后。', '整改情况：完成清查。', '三、下一步工作打算', '持续巩固。', ''].join('\n');

  it.each([
    ['总体情况', '二、主要问题整改情况', '总体情况'],
    ['一、总体情况', '、主要问题整改情况', '主要问题整改情况'],
    ['一、总体情况', '「二，主要问题整改情况', '主要问题整改情况'],
    ['一、总体情况', '二呈主要问题整改情况', '主要问题整改情况'],
  ])('"%s" / "%s": the unnumbered heading is the missing section', (first, second, recovered) => {
    const secs = segmented(notice(first, second)).notice.sections;
    expect(secs.map((s) => s.number)).toEqual([1, 2, 3]);
    expect(secs.map((s) => s.heading)).toContain(recovered);
    expect(secs[1]!.problems.map((p) => p.number)).toEqual([1]);
  });

  it('a short line that is not where a section is missing stays text', () => {
    const secs = segmented(notice('一、总体情况', '二、主要问题整改情况').replace('局党组召开专题会议研究部署整改工作。', '局党组召开专题会议。\n压实整改责任')).notice.sections;
    expect(secs.map((s) => s.number)).toEqual([1, 2, 3]);
    expect(secs[0]!.paragraphs.map((p) => p.text)).toContain('压实整改责任');
  });

  it('two candidates for one missing section: neither is taken', () => {
    const secs = segmented(notice('总体情况', '主要问题整改情况')).notice.sections;
    expect(secs.map((s) => s.heading)).not.toContain('总体情况');
  });
});

describe('a problem title whose marker OCR destroyed, in a list of title / 巡察指出： / 整改措施： / 整改成效： problems', () => {
  const notice = (title7: string) =>
    [
      TITLE,
      '一、各项问题整改推进情况',
      '6、党组主体责任落实不够到位',
      '巡察指出：局党组研究部署党风廉政建设“上热下冷”。',
      '整改措施：细化局党组管党治党责任清单。',
      '整改成效：今年以来专题研究党风廉政建设工作4次。',
      title7,
      '巡察指出：个别局属单位存在超标准列支会议培训费问题。',
      '整改措施：对“三公”经费进行全面自查。',
      '整改成效：清退超标准列支的会议培训费3.8万元。',
      '8、干部担当作为意识不强',
      '巡察指出：部分干部服务意识不强。',
      '整改措施：部署作风问题专项整治。',
      '二、下一步工作打算',
      '持续巩固。',
      '',
    ].join('\n');

  it('the line before the repeated 巡察指出： is problem 7\'s title', () => {
    const ps = problemsOf(notice('人亲关中央八天涝交州订玫汪生宇和'));
    expect(ps.map((p) => p.number)).toEqual([6, 7, 8]);
    expect(ps[1]!.statement).toBe('人亲关中央八天涝交州订玫汪生宇和\n巡察指出：个别局属单位存在超标准列支会议培训费问题。');
    expect(ps[0]!.progress).toBe('细化局党组管党治党责任清单。\n整改成效：今年以来专题研究党风廉政建设工作4次。');
  });

  it('with the title line missing too, nothing is invented: problem 6 keeps the text', () => {
    const ps = problemsOf(notice('').replace('\n\n', '\n'));
    expect(ps.map((p) => p.number)).toEqual([6, 8]);
  });
});

describe('other marker forms: 【问题N】, 第N项：, 第N部分', () => {
  it('【问题N】 paragraphs with the statement quoted after 巡察指出： and the progress from 对此，', () => {
    const text = [
      TITLE,
      '一、反馈问题逐项整改情况',
      '【问题 ]】巡察指出：“城市精细化管理要求落得不实。”对此，局党组把背街小巷划为23个管理网格。',
      '【问题2】巡察指出：“垃圾分类推进不平衡。”对此，局党组新建分类投放点168处。',
      '【问题3】巡察指出：“违法建设治理存在短板。”对此，局党组建立违建动态巡查机制。',
      '二、下一步打算',
      '持续巩固。',
      '',
    ].join('\n');
    const ps = problemsOf(text.replace('【问题 ]】', '【问题1】'));
    expect(ps.map((p) => p.number)).toEqual([1, 2, 3]);
    expect(ps[0]).toMatchObject({ statementLabel: '巡察指出', statement: '“城市精细化管理要求落得不实。”', progress: '对此，局党组把背街小巷划为23个管理网格。' });
    expect(problemsOf(text).map((p) => p.number)).toEqual([1, 2, 3]);
  });

  it('第N项： problems', () => {
    const text = [TITLE, '一、反馈问题的整改进展', '第一项：作业管理不规范。', '整改情况：制定作业管理办法。', '第二项：食堂采购不规范。', '整改措施：完成食堂账目专项审计。', '二、下一步工作打算', '持续巩固。', ''].join('\n');
    expect(problemsOf(text).map((p) => [p.number, p.progressLabel, p.progress])).toEqual([
      [1, '整改情况', '制定作业管理办法。'],
      [2, '整改措施', '完成食堂账目专项审计。'],
    ]);
  });

  it('第一部分 / 第=部分 sections', () => {
    const text = [TITLE, '第一部分 整改工作开展情况', '村党总支召开专题会议。', '第=部分 反馈问题整改落实情况', '1.集体资产底数不清。', '整改情况：完成资产清查。', '2.小额工程未经民主议事。', '整改情况：修订议事规则。', '第三部分 下一步工作打算', '持续巩固。', ''].join('\n');
    const r = segmented(text);
    expect(r.notice.sections.map((s) => [s.number, s.heading])).toEqual([
      [1, '整改工作开展情况'],
      [2, '反馈问题整改落实情况'],
      [3, '下一步工作打算'],
    ]);
    expect(r.notice.sections[1]!.problems.map((p) => [p.number, p.statement])).toEqual([
      [1, '集体资产底数不清。'],
      [2, '小额工程未经民主议事。'],
    ]);
  });
});

describe('problems with no printed number: 存在问题： / 整改进展： pairs', () => {
  const text = [
    TITLE,
    '一、反馈问题逐项整改情况',
    '（一）党的建设方面',
    '存在问题：党委会与院长办公会的议事范围界定不清。',
    '整改进展：医院党委重新修订两个会议的议事规则。',
    '存在问题：党支部与临床科室结合不紧。',
    '整改进展：医院按照“支部建在科室上”的思路调整支部设置。',
    '目前，各党支部已开展“党员先锋岗”创建。',
    '（二）医疗服务方面',
    '存在问题：门诊高峰时段排队时间长。',
    '整改进展：全面推行分时段预约诊疗。',
    '二、下一步工作打算',
    '持续巩固整改成果。',
    '',
  ].join('\n');

  it('each 存在问题： paragraph opens a problem, numbered through the section', () => {
    const ps = problemsOf(text);
    expect(ps.map((p) => [p.number, p.statementLabel, p.statement, p.progress])).toEqual([
      [1, '存在问题', '党委会与院长办公会的议事范围界定不清。', '医院党委重新修订两个会议的议事规则。'],
      [2, '存在问题', '党支部与临床科室结合不紧。', '医院按照“支部建在科室上”的思路调整支部设置。\n目前，各党支部已开展“党员先锋岗”创建。'],
      [3, '存在问题', '门诊高峰时段排队时间长。', '全面推行分时段预约诊疗。'],
    ]);
  });

  it('under numbered items, 存在问题： is the item\'s statement label, not a problem of its own', () => {
    const numbered = text.replace('存在问题：党委会', '1.党委议事不规范。\n存在问题：党委会').replace('存在问题：党支部', '2.支部设置不合理。\n存在问题：党支部').replace('存在问题：门诊', '3.排队时间长。\n存在问题：门诊');
    expect(problemsOf(numbered).map((p) => p.number)).toEqual([1, 2, 3]);
    expect(problemsOf(numbered)[0]!.statement).toContain('党委议事不规范。');
  });
});

describe('items that state a problem in a heading: "1.关于“……”问题的整改情况"', () => {
  it.each([
    ['the heading on its own line, the progress in the paragraphs after it', ['1.关于“投资决策不够审慎”问题的整改情况', '集团修订投资管理办法，明确论证程序。'], '关于“投资决策不够审慎”问题的整改情况'],
    ['the heading run on into the progress after 问题。', ['1.关于“投资决策不够审慎”问题。集团修订投资管理办法，明确论证程序。'], '关于“投资决策不够审慎”问题'],
  ])('%s', (_what, lines, statement) => {
    const text = [TITLE, '一、反馈问题整改进展', ...lines, '2.关于“选人用人不规范”问题的整改情况', '集团党委开展干部档案专项审核。', '二、下一步工作打算', '持续巩固。', ''].join('\n');
    const ps = problemsOf(text);
    expect(ps.map((p) => p.number)).toEqual([1, 2]);
    expect(ps[0]).toMatchObject({ statement, progress: '集团修订投资管理办法，明确论证程序。' });
    expect(ps[1]).toMatchObject({ statement: '关于“选人用人不规范”问题的整改情况', progress: '集团党委开展干部档案专项审核。' });
  });
});

describe('statement labels', () => {
  it.each([
    ['巡察指出：', '巡察指出'],
    ['巡视指出：', '巡视指出'],
    ['巡察组指出：', '巡察组指出'],
    ['巡察指出；', '巡察指出'],
    ['问题表现：', '问题表现'],
  ])('"%s" opens the statement and is kept apart', (label, kept) => {
    const text = [TITLE, '一、反馈意见的逐条整改进展', `（1）${label}课程思政建设与专业教学“两张皮”。`, '整改进展：出台课程思政建设实施细则。', `（2）${label}学生资助认定程序不够规范。`, '整改进展：重新修订认定办法。', '二、下一步工作打算', '持续巩固。', ''].join('\n');
    const ps = problemsOf(text);
    expect(ps[0]).toMatchObject({ statementLabel: kept, statement: '课程思政建设与专业教学“两张皮”。', progress: '出台课程思政建设实施细则。' });
  });
});

describe('circled numbers ①–⑳', () => {
  it('① problems directly under a section, each with its label', () => {
    const text = [TITLE, '一、反馈问题整改落实情况', '①集体资产底数不清。', '整改情况：完成资产清查。', '②小额工程未经民主议事。', '整改情况：修订议事规则。', '二、下一步工作打算', '持续巩固。', ''].join('\n');
    expect(problemsOf(text).map((p) => [p.number, p.statement, p.progress])).toEqual([
      [1, '集体资产底数不清。', '完成资产清查。'],
      [2, '小额工程未经民主议事。', '修订议事规则。'],
    ]);
  });

  it('① sub-points inside a "（1）" problem\'s progress stay in it, in the last problem too', () => {
    const text = [
      TITLE,
      '一、反馈问题整改情况',
      '（1）服务站建设不健全。',
      '整改措施：全面摸排服务站。',
      '（2）就业安置质量不高。',
      '整改措施：主要做了三方面工作：',
      '①完善安置岗位征集机制。',
      '②开展订单式技能培训。',
      '二、下一步工作打算',
      '持续巩固。',
      '',
    ].join('\n');
    const ps = problemsOf(text);
    expect(ps.map((p) => p.number)).toEqual([1, 2]);
    expect(ps[1]!.progress).toBe('主要做了三方面工作：\n①完善安置岗位征集机制。\n②开展订单式技能培训。');
  });
});
