/**
 * Rule-table tests for the OCR character corrector (ESLint RuleTester style):
 * `valid` sentences must come out unchanged, `invalid` ones must come out as
 * `output`, every applied edit naming a rule that matches `rules`.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createCorrector, loadDictionaries, type Corrector, type CorrectResult } from '../../pipeline/correct/index.ts';
import { TrackedText, type StageEdit } from '../../pipeline/tracked-text.ts';

let corrector: Corrector;
beforeAll(() => {
  corrector = createCorrector(loadDictionaries());
}, 60_000);

function apply(text: string, edits: StageEdit[]): string {
  const t = new TrackedText(text);
  t.apply(edits);
  return t.text;
}

function ruleOf(e: StageEdit): string {
  return e.meta.type === 'correction' ? e.meta.rule : e.meta.rule;
}

function checkInvariants(text: string, r: CorrectResult): void {
  for (const list of [r.edits, r.suggestions]) {
    for (let i = 0; i < list.length; i++) {
      const e = list[i];
      expect(e.start).toBeGreaterThanOrEqual(0);
      expect(e.end).toBeLessThanOrEqual(text.length);
      // an insertion (a lost comma) is an empty span with a replacement
      expect(e.end).toBeGreaterThanOrEqual(e.start);
      expect(text.slice(e.start, e.end)).not.toBe(e.replacement);
      if (i > 0) expect(e.start).toBeGreaterThanOrEqual(list[i - 1].end);
      expect(e.meta.type).toBe('correction');
      if (e.meta.type === 'correction') {
        expect(e.meta.confidence).toBeGreaterThanOrEqual(0);
        expect(e.meta.confidence).toBeLessThanOrEqual(1);
      }
    }
  }
  // suggestions never sit on an applied edit
  for (const s of r.suggestions) for (const e of r.edits) expect(s.end <= e.start || s.start >= e.end).toBe(true);
}

const valid: { text: string; why: string }[] = [
  { text: '巡视工作和巡察工作同向发力，上下联动。', why: '巡视 / 巡察 are both right' },
  { text: '县委第三巡察组进驻桂山镇檀树村开展了巡察。', why: 'a village named after its township (檀树村 is no 植树村)' },
  { text: '巡察指出：“生活垃圾分类推进不平衡，部分小区混投混运。”', why: 'a colon and an opening quote whose partner closes the quotation' },
  { text: '各级党委（党组）要切实履行主体责任。', why: '党委 / 党组 are both right' },
  { text: '下属单位和直属单位均已完成自查。', why: 'look-alike valid phrases' },
  { text: '县委常委、组织部部长刘政冶同志主持会议。', why: 'a personal name before 同志' },
  { text: '举报邮箱：xcjd2024@hn.gov.cn，举报电话：0734-8321456。', why: 'e-mail and phone' },
  { text: '根据《关于印发〈整改工作方案〉的通知》（湘巡办发〔2024〕12号）要求。', why: 'document number' },
  { text: '2024年3月15日至5月10日，县委第二巡察组对县教育局开展常规巡察。', why: 'dates' },
  { text: '网址：https://www.example.gov.cn/xcgk/index.html，欢迎监督。', why: 'URL' },
  { text: '党员干部要以身作则，自己已经认识到问题的严重性。', why: '自己 / 已经' },
  { text: '部分单位对巡察发现的问题重视不够，整改进度滞后。', why: 'clean prose' },
  { text: '严格落实中央八项规定精神，持续纠治四风，驰而不息正风肃纪。', why: 'clean prose' },
  { text: '完善权力运行监督机制，加强对一把手和领导班子的监督。', why: 'clean prose' },
  { text: '加快城区学校建设，新建投用中小学校3所。', why: 'a look-alike (投→设) would make 建设 only by breaking 新建' },
  { text: '对反映的问题线索进行分类处置，立行立改问题12个。', why: 'clean prose with digits' },
  { text: '一是提高政治站位。二是细化整改措施。三是强化成果运用。', why: 'enumeration markers' },
  { text: '共排查出问题35个，追缴资金12.5万元，GB/T9704-2012格式。', why: 'amounts and Latin/digit runs' },
  { text: '副县长刘于军主持召开会议，组长王冶、副组长李巳明参加。', why: 'names after titles' },
  { text: '张晓晗、欧阳喆同志分别发言。', why: 'names with rare characters before 同志' },
  { text: '巡察组先后前往岘山镇、鄞州区、婺源县、嵊州市开展调研。', why: 'place names with rare characters' },
  { text: '坚持边巡边改，做到巡深巡透。', why: 'genre phrases with 巡' },
  // every candidate source (look-alikes of 及/力/村/时/同, word completions) must leave these alone
  { text: '以及有关单位要认真落实，不断提升能力、凝聚力量、激发动力。', why: '以及有关 / 能力 / 力量 / 动力' },
  { text: '准备好汇报材料，村里的同志同时到场，会议时间另行通知。', why: '材料 / 村里 / 同时 / 时间' },
  { text: '巡察组进驻岘山镇、栗江镇、樟木乡、西渡镇开展调研。', why: 'unknown place names before 镇/乡' },
  { text: '党支部书记领学党章，开展思政课教学。', why: 'genre words missing from the jieba list' },
  { text: '对有关人员进行谈话函询，并将结果抄送县纪委监委。', why: '函询 / 抄送' },
  { text: '收集汇总巡察资料，加强资金监管，盘活闲置资源。', why: '资料 / 资金 / 资源' },
  { text: '中共乔山县委员会、乔农党〔2024〕5号、桃溪镇。', why: 'unknown place names near rarer known proper nouns (香山县, 神农)' },
  // a title runs on into its sentence: no comma
  { text: '按照《巡察工作条例》要求，结合《关于加强巡察整改的意见》和《巡察工作规则》等制度执行。', why: 'titles continuing their sentence (要求, 和《, 等制度)' },
  { text: '县委办公室印发《巡察整改工作实施方案》的通知。', why: '…》的通知' },
  { text: '开展“回头看”，落实“一岗双责”，推进京-津合作。', why: 'paired quotes stay; a hyphen between characters that form no word stays' },
  { text: '在2024年工作中，国家和省里出台的政策全部落实到位。', why: 'a comma between 中 and 国 ends a clause' },
  { text: '围绕基金收、支、管、用全流程开展检查，县委第七、八轮巡察。', why: '、 lists single characters' },
];

const invalid: { text: string; output: string; rules: RegExp[] }[] = [
  { text: '将整改作为一项重要的政冶任务来抓。', output: '将整改作为一项重要的政治任务来抓。', rules: [/^confusion:/] },
  { text: '县委巡穴组进驻后，问题巳全部整改到位。', output: '县委巡察组进驻后，问题已全部整改到位。', rules: [/^rule:xuncha-cha-damaged$/, /^rule:yi-si$/] },
  { text: '会后召开专题民主生沽会，认真查摆问题。', output: '会后召开专题民主生活会，认真查摆问题。', rules: [/^confusion:/] },
  { text: '进一步压实主体贵任。', output: '进一步压实主体责任。', rules: [/^confusion:/] },
  { text: '加强年轻于部队伍建设。', output: '加强年轻干部队伍建设。', rules: [/^confusion:/] },
  { text: '深入贾彻落实党中夹决策部署。', output: '深入贯彻落实党中央决策部署。', rules: [/^confusion:/, /^confusion:/] },
  { text: '对能够立行主改的问题即知即改。', output: '对能够立行立改的问题即知即改。', rules: [/^rule:lixing-ligai$/] },
  { text: '制定整改万案，建立整改台账。', output: '制定整改方案，建立整改台账。', rules: [/^confusion:/] },
  { text: '对反映的问题线素进行了分类处置。', output: '对反映的问题线索进行了分类处置。', rules: [/^rule:wenti-xiansuo$/] },
  { text: '违反中央八项观定精神。', output: '违反中央八项规定精神。', rules: [/^rule:baxiang-guiding$/] },
  { text: '对其进行诚揭谈话并责令检查。', output: '对其进行诫勉谈话并责令检查。', rules: [/^confusion:/] },
  { text: '今年以来累汁开展专项检查16次。', output: '今年以来累计开展专项检查16次。', rules: [/^confusion:/] },
  // word completion: no look-alike pair, the neighbour and the context decide
  { text: '方案抄迖县纪委监委。', output: '方案抄送县纪委监委。', rules: [/^lexicon:completion$/] },
  { text: '加强对下属企业财务管理的监督险查。', output: '加强对下属企业财务管理的监督检查。', rules: [/^lexicon:completion$/] },
  // genre completion: a pair the clean notices print often, whose character looks like the printed one
  { text: '县委持续屎化作风建设，取得明显成效。', output: '县委持续深化作风建设，取得明显成效。', rules: [/^genre:completion$/] },
  // a look-alike that forms no word but looks nearly the same (glyph features >= 0.9): less context evidence needed
  { text: '部分村级党组织规范化建设雷加强。', output: '部分村级党组织规范化建设需加强。', rules: [/^confusion:/] },
  // a comma lost right after a title where a new clause starts
  { text: '修订《公务用车管理办法》明确派车审批程序。', output: '修订《公务用车管理办法》，明确派车审批程序。', rules: [/^punct:lost-comma-after-title$/] },
  { text: '制定《整改工作方案》严格落实整改责任。', output: '制定《整改工作方案》，严格落实整改责任。', rules: [/^punct:lost-comma-after-title$/] },
  // a common word after a title is no personal name: the character after it may be corrected
  { text: '副院长、院长分别这头，对群众反映的问题进行整改。', output: '副院长、院长分别牵头，对群众反映的问题进行整改。', rules: [/^confusion:/] },
  // a lexicon term vouches for its own rare character: 诫 next to the misread 勉 is no doubtful neighbour
  { text: '对2名干部给予诫尴处理。', output: '对2名干部给予诫勉处理。', rules: [/^lexicon:completion$/] },
  // a speck read as a mark inside a word
  { text: '在巡察工作动员部“署会上的讲话精神。', output: '在巡察工作动员部署会上的讲话精神。', rules: [/^punct:stray-mark-in-word$/] },
  { text: '今年新招录水-利专业技术人员4名。', output: '今年新招录水利专业技术人员4名。', rules: [/^punct:stray-mark-in-word$/] },
  { text: '对外办法，推。行派车单和行车记录。', output: '对外办法，推行派车单和行车记录。', rules: [/^punct:stray-mark-in-word$/] },
  { text: '逐条研究制定整，改方案。', output: '逐条研究制定整改方案。', rules: [/^punct:stray-mark-in-word$/] },
  { text: '县纪委监委、区委组”，织部对整改情况进行督导。', output: '县纪委监委、区委组织部对整改情况进行督导。', rules: [/^punct:stray-mark-in-word$/] },
];

describe('corrector: valid (unchanged)', () => {
  it.each(valid)('$why: $text', ({ text }) => {
    const r = corrector.correct({ text });
    checkInvariants(text, r);
    expect(apply(text, r.edits)).toBe(text);
  });
});

describe('corrector: invalid (corrected)', () => {
  it.each(invalid)('$text', ({ text, output, rules }) => {
    const r = corrector.correct({ text });
    checkInvariants(text, r);
    expect(apply(text, r.edits)).toBe(output);
    expect(r.edits.map(ruleOf)).toHaveLength(rules.length);
    r.edits.forEach((e, i) => expect(ruleOf(e)).toMatch(rules[i]));
  });
});

describe('corrector: behaviour', () => {
  it('turns a change inside a name context into a suggestion', () => {
    const text = '县委常委、组织部部长刘政冶同志主持会议。';
    const r = corrector.correct({ text });
    expect(r.edits).toHaveLength(0);
    expect(r.suggestions.map((s) => text.slice(s.start, s.end) + '→' + s.replacement)).toContain('冶→治');
  });

  it('uses offsets into a multi-paragraph text', () => {
    const text = '一、总体情况\n将整改作为重要的政冶任务。\n问题巳全部办结。';
    const r = corrector.correct({ text });
    expect(r.edits.map((e) => [text.slice(e.start, e.end), e.replacement])).toEqual([['冶', '治'], ['巳', '已']]);
  });

  it('is deterministic', () => {
    const text = invalid.map((c) => c.text).join('\n') + '\n' + valid.map((c) => c.text).join('\n');
    expect(corrector.correct({ text })).toEqual(corrector.correct({ text }));
  });

  it('corrects each paragraph the same alone or inside a longer text', () => {
    const paras = invalid.map((c) => c.text);
    const joined = paras.join('\n');
    const together = apply(joined, corrector.correct({ text: joined }).edits);
    expect(together).toBe(paras.map((p) => apply(p, corrector.correct({ text: p }).edits)).join('\n'));
  });

  it('never changes Latin letters, digits or whitespace; punctuation only by its few repairs', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const pool = [...'政冶巳已于干中夹贵责万方巡穴察整改问题线素ab12@.，。、（）〔〕《》明确-“* \n'];
    for (let n = 0; n < 200; n++) {
      let text = '';
      const len = 5 + Math.floor(rnd() * 30);
      for (let k = 0; k < len; k++) text += pool[Math.floor(rnd() * pool.length)];
      const r = corrector.correct({ text });
      checkInvariants(text, r);
      for (const e of [...r.edits, ...r.suggestions]) {
        if (e.meta.type === 'correction' && e.meta.kind === 'punctuation') {
          // a lost comma after a title, a mark dropped from a word, a quote closed, a full stop read as “ or *
          expect(e.end - e.start).toBeLessThanOrEqual(1);
          expect(text.slice(e.start, e.end)).not.toMatch(/[A-Za-z0-9\s]/);
          expect(['', '，', '。', '”']).toContain(e.replacement);
          continue;
        }
        for (let q = e.start; q < e.end; q++) expect(text[q]).toMatch(/\p{Script=Han}/u);
        expect(e.replacement).toMatch(/^\p{Script=Han}+$/u);
      }
    }
  });

  it('takes an OCR alternative as a candidate when the evidence is weak', () => {
    // without any look-alike table, the OCR alternative is the only way to 精
    const c = createCorrector({ ...loadDictionaries(), confusions: [], corpusText: '' });
    const text = '认真学习会议猜神。';
    const pos = text.indexOf('猜');
    expect(apply(text, c.correct({ text }).edits)).toBe(text);
    const withEv = c.correct({
      text,
      evidenceAt: (p) => (p === pos ? { confidence: 0.3, alternatives: [{ text: '精', confidence: 0.6 }] } : { confidence: 0.95 }),
    });
    expect(apply(text, withEv.edits)).toBe('认真学习会议精神。');
  });

  it('leaves an ambiguous word completion alone (资_: 资料 / 资金 / 资源)', () => {
    const text = '收集汇总巡察资棋。';
    const r = corrector.correct({ text });
    checkInvariants(text, r);
    expect(r.edits).toHaveLength(0);
  });

  it('lets a look-alike decide between completions (村 and 料 run together on poor scans)', () => {
    const text = '收集汇总巡察资村。';
    expect(apply(text, corrector.correct({ text }).edits)).toBe('收集汇总巡察资料。');
  });

  it('only suggests a look-alike that would make an unknown place name a known word', () => {
    const text = '巡察组进驻栗江镇开展调研。';
    const r = corrector.correct({ text });
    checkInvariants(text, r);
    expect(r.edits).toHaveLength(0);
    // the place name stays as read; the look-alike that makes it a known word (宋江) is offered
    expect(r.suggestions.map((s) => `${text.slice(s.start, s.end)}→${s.replacement}`)).toEqual(['栗→宋']);
    const [s] = r.suggestions;
    expect(s.meta.type === 'correction' && s.meta.note).toContain('宋江');
  });

  it('lowers the bar for a character read with low confidence, raises it for a confident one', () => {
    const text = '对情况进行检在，并在巡察中督促。';
    const pos = text.indexOf('在');
    const scoreAt = (r: ReturnType<typeof corrector.correct>): number => {
      const ch = [...r.edits, ...r.suggestions].find((e) => e.start === pos && e.replacement === '查');
      const note = ch && ch.meta.type === 'correction' ? ch.meta.note ?? '' : '';
      return Number(/score (-?[\d.]+)/.exec(note)?.[1] ?? NaN);
    };
    const plain = corrector.correct({ text });
    const weak = corrector.correct({ text, evidenceAt: (p) => ({ confidence: p === pos ? 0.3 : 0.95 }) });
    const sure = corrector.correct({ text, evidenceAt: () => ({ confidence: 0.97 }) });
    expect(apply(text, weak.edits)).toBe('对情况进行检查，并在巡察中督促。');
    expect(scoreAt(weak)).toBeGreaterThan(scoreAt(plain));
    expect(scoreAt(plain)).toBeGreaterThan(scoreAt(sure));
  });

  it('does not touch valid text read with low confidence everywhere', () => {
    for (const { text } of valid) {
      const r = corrector.correct({ text, evidenceAt: () => ({ confidence: 0.35 }) });
      expect(apply(text, r.edits)).toBe(text);
    }
  });

  it('has a short, stable dictionary version', () => {
    expect(corrector.dictionaryVersion).toMatch(/^[0-9a-f]{12}$/);
    expect(createCorrector(loadDictionaries()).dictionaryVersion).toBe(corrector.dictionaryVersion);
  });
});
