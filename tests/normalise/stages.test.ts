import { describe, expect, it } from 'vitest';
import { dropFurniture } from '../../pipeline/normalise/drop-furniture.ts';
import { joinLines } from '../../pipeline/normalise/join-lines.ts';
import { normalisePunctuation } from '../../pipeline/normalise/punctuation.ts';
import { removeSpaces } from '../../pipeline/normalise/remove-spaces.ts';
import { toSimplified } from '../../pipeline/normalise/to-simplified.ts';
import { applyEdits } from './helpers.ts';

const run = (stage: (t: string) => { start: number; end: number; replacement: string }[] | any, input: string) =>
  applyEdits(input, Array.isArray(stage(input)) ? stage(input) : stage(input).edits);

describe('removeSpaces', () => {
  it.each([
    ['spaces between Han characters', '巡 察 整 改', '巡察整改'],
    ['space between Han and digits', '根据市委统一部署， 2023 年 9 月', '根据市委统一部署，2023年9月'],
    ['percent after a number', '完成率 19 % ，', '完成率19%，'],
    ['full-width space', '整改\u3000进展', '整改进展'],
    ['line ends are trimmed', '  一是加强领导  \n二是', '一是加强领导\n二是'],
    ['Latin words keep one space', '操作系统 Windows 10 版本', '操作系统Windows 10版本'],
    ['broken e-mail is repaired', '电子邮箱 ： hyxwxcb2017@163 . com 。', '电子邮箱：hyxwxcb2017@163.com。'],
    ['intact e-mail untouched', 'lq_xcb@qq.com', 'lq_xcb@qq.com'],
    ['version numbers untouched', '系统 v2.0, 巡察', '系统v2.0,巡察'],
    ['a letter between spaced Chinese characters stays (engines that space every character)', '重 点 企 业 91 家 D 类 企 业', '重点企业91家D类企业'],
    ['a class letter after punctuation stays', '景区评定，A 级景区3个', '景区评定，A级景区3个'],
    ['a lone letter after punctuation is a speck', '参加巡察 ,j 已巡的村', '参加巡察,已巡的村'],
    ['a lone capital after an enumeration comma', '数据信息、 U 县委组织部', '数据信息、县委组织部'],
    ['a letter inside Chinese text with no space stays', '行政中心B座6楼', '行政中心B座6楼'],
    ['a Latin word stays', '使用 WPS 软件', '使用WPS软件'],
    ['a letter beside a number stays', '乙类 3 A 级景区', '乙类3 A级景区'],
  ])('%s', (_name, input, expected) => {
    expect(run(removeSpaces, input)).toBe(expected);
  });
});

describe('dropFurniture', () => {
  it.each([
    ['bare page number', '前一行文字没有结束\n16\n后一行文字', '前一行文字没有结束\n后一行文字'],
    ['dashed page number', '第一页最后一行\n— 3 —\n第二页', '第一页最后一行\n第二页'],
    ['roman numeral debris', '县委巡察机构选定等3个巡察\nII \n整改试点课题', '县委巡察机构选定等3个巡察\n整改试点课题'],
    ['lone fragment inside a sentence', '一是收到湘巡发〔2023〕\n 一言\n45号后，在十三届县委', '一是收到湘巡发〔2023〕\n45号后，在十三届县委'],
    ['a numbered heading stays', '（一）加强领导\n1.完善制度', '（一）加强领导\n1.完善制度'],
    ['a short last line with a full stop stays', '请各单位认真贯彻落\n实。\n二、下一步', '请各单位认真贯彻落\n实。\n二、下一步'],
  ])('%s', (_name, input, expected) => {
    expect(run(dropFurniture, input)).toBe(expected);
  });

  it('drops a running header printed on every page but keeps its first occurrence', () => {
    const page = (n: number) => `兰溪县委巡察办文件\n第${n}页的正文内容在这里继续写下去\n`;
    const out = run(dropFurniture, page(1) + page(2) + page(3));
    expect(out.match(/兰溪县委巡察办文件/g)).toHaveLength(1);
    expect(out).toContain('第3页的正文内容');
  });
});

describe('joinLines', () => {
  const W = '一二三四五六七八九十一二三四五六七八九十一二三四'; // a full 24-character line
  it.each([
    ['wrapped lines are joined', `${W}\n\n${W}\n\n结束了。\n`, `${W}${W}结束了。\n`],
    ['short line ending a sentence ends the paragraph', `${W}\n短句结束。\n${W}\n`, `${W}短句结束。\n${W}\n`],
    ['a heading stands alone', `一、组织整改落实情况\n${W}\n`, `一、组织整改落实情况\n${W}\n`],
    ['a problem marker after a full stop starts a paragraph', `${W.slice(0, 20)}完成整改。\n问题2.${W}\n`, `${W.slice(0, 20)}完成整改。\n问题2.${W}\n`],
    ['a full line without punctuation continues', `${W}\n问题线索${W}\n`, `${W}问题线索${W}\n`],
    ['a subsection heading alone after a paragraph whose full stop OCR lost', `${W}\n${W.slice(0, 22)}41%\n（二）关于全面从严治党方面\n1.${W}\n`, `${W}${W.slice(0, 22)}41%\n（二）关于全面从严治党方面\n1.${W}\n`],
    ['a marker line not followed by a new paragraph is joined to the text before it', `${W}\n${W}\n${W}\n（二）整改措施落实不到位\n的问题还有${W}\n${W}\n`, `${W}${W}${W}（二）整改措施落实不到位\n的问题还有${W}${W}\n`],
    ['a progress label with debris before it and a comma for its colon starts a paragraph', `${W}\n${W.slice(0, 19)}依然存在。\n〔整改情况，${W.slice(0, 18)}\n${W}\n`, `${W}${W.slice(0, 19)}依然存在。\n〔整改情况，${W.slice(0, 18)}${W}\n`],
    ['an item whose number OCR lost starts a paragraph after a sentence end', `${W}\n${W.slice(0, 21)}万元。\n.国有平台${W.slice(0, 20)}\n${W}\n`, `${W}${W.slice(0, 21)}万元。\n.国有平台${W.slice(0, 20)}${W}\n`],
    ['an item number whose dot OCR lost starts a paragraph after a sentence end where the numbering expects it', `1.${W}\n${W.slice(0, 21)}万元。\n2农村公路${W.slice(0, 19)}\n${W}\n`, `1.${W}${W.slice(0, 21)}万元。\n2农村公路${W.slice(0, 19)}${W}\n`],
    ['… with a space after the number', `1.${W}\n${W.slice(0, 21)}万元。\n2 农村公路${W.slice(0, 19)}\n${W}\n`, `1.${W}${W.slice(0, 21)}万元。\n2 农村公路${W.slice(0, 19)}${W}\n`],
    ['… not where no item before it numbers one less', `1.${W}\n${W.slice(0, 21)}万元。\n3农村公路${W.slice(0, 19)}\n${W}\n`, `1.${W}${W.slice(0, 21)}万元。3农村公路${W.slice(0, 19)}${W}\n`],
    ['… nor where a unit makes the number a quantity', `1.${W}\n${W.slice(0, 21)}万元。\n2人${W.slice(0, 22)}\n${W}\n`, `1.${W}${W.slice(0, 21)}万元。2人${W.slice(0, 22)}${W}\n`],
    ['a progress label with its colon at a line start opens a paragraph after a full line with no sentence end', `${W}\n${W}\n整改温实情况：${W.slice(0, 17)}\n${W}\n`, `${W}${W}\n整改温实情况：${W.slice(0, 17)}${W}\n`],
    ['a stray dot at the start of a wrapped line does not break it', `${W}\n${W.slice(0, 20)}接待没\n.有公函${W.slice(0, 20)}\n${W}\n`, `${W}${W.slice(0, 20)}接待没.有公函${W.slice(0, 20)}${W}\n`],
    ['leading blank lines and trailing space go', `\n\n${W}\n\n\n`, `${W}\n`],
    ['CRLF line breaks', `标题\r\n${W}\r\n${W}\r\n尾。\r\n`, `标题\n${W}${W}尾。\n`],
    [
      'text already one paragraph a line keeps its breaks',
      '中共某某县委巡察工作领导小组\n关于巡察整改进展情况的通报\n各乡镇党委、县直各单位：\n根据县委统一部署，现将整改情况通报如下，请各单位认真对照检查并抓好落实\n一、整改情况\n',
      '中共某某县委巡察工作领导小组\n关于巡察整改进展情况的通报\n各乡镇党委、县直各单位：\n根据县委统一部署，现将整改情况通报如下，请各单位认真对照检查并抓好落实\n一、整改情况\n',
    ],
  ])('%s', (_name, input, expected) => {
    expect(run(joinLines, input)).toBe(expected);
  });
});

describe('normalisePunctuation', () => {
  it.each([
    ['comma next to Han', '整改,落实', '整改，落实'],
    ['colon after a label', '整改进展情况:一是', '整改进展情况：一是'],
    ['time keeps its colon', '上午10:30召开', '上午10:30召开'],
    ['parentheses around Han', '(试行)', '（试行）'],
    ['parentheses in Latin stay', 'f(x) = 1', 'f(x) = 1'],
    ['straight quotes paired', '做到"两个维护"的', '做到“两个维护”的'],
    ['mismatched curly quotes paired', '聚焦”一把手”和“关键少数”', '聚焦“一把手”和“关键少数”'],
    ['a dash opening a quotation is the stroke 一', '采取“－托二”和“-岗双责”方式', '采取“一托二”和“一岗双责”方式'],
    ['a dash after a quote that closes nothing nearby is debris, not 一', '问题已全部完“-成阶段性整改目标，其余正在推进', '问题已全部完“-成阶段性整改目标，其余正在推进'],
    ['an em dash pair inside a sentence stays', '这项工作——巡察整改——已完成', '这项工作——巡察整改——已完成'],
    ['odd count: a straight mark shortly before a closing one opens', '形成”合力，班子成员特别是"一把手”的画像', '形成”合力，班子成员特别是“一把手”的画像'],
    ['odd count: a straight mark far from the next closing one is left alone', '时间“四个清单”一一对应"党组书记认真履行职责，形成“一级抓一级”', '时间“四个清单”一一对应"党组书记认真履行职责，形成“一级抓一级”'],
    ['document number brackets', '湘巡发[ 2023 J 45号', '湘巡发〔2023〕45号'],
    ['document number with parenthesis', '衡巡发(2024J2号', '衡巡发〔2024〕2号'],
    ['document number, closing bracket read twice', '枫市监党[2024]〕19号', '枫市监党〔2024〕19号'],
    ['document number, two different closers', '乔农党[2024〕】27号', '乔农党〔2024〕27号'],
    ['document number: a digit after the closer is the number, not a second closer', '湘巡发[2023]19号', '湘巡发〔2023〕19号'],
    ['full-width digits', '２０２４年', '2024年'],
    ['a progress label takes a colon', '问题。\n整改进展情况;一是', '问题。\n整改进展情况：一是'],
    ['a doubled colon after a label', '整改情况：:对照', '整改情况：对照'],
    ['the words inside a sentence keep their comma', '了解整改进展情况,听取汇报', '了解整改进展情况，听取汇报'],
    ['a year in brackets that is no document number stays', '[2023]年度', '[2023]年度'],
    ['a problem marker that lost its dot gets it back', '整改函。\n问题2县委巡察工作领导小组', '整改函。\n问题2.县委巡察工作领导小组'],
    ['an item marker that lost its dot, where items are dotted', '1.加强领导。\n2深化成果运用，做实整改', '1.加强领导。\n2.深化成果运用，做实整改'],
    ['the inserted dot follows the document (full-width)', '1．加强领导。\n2深化成果运用，做实整改', '1．加强领导。\n2．深化成果运用，做实整改'],
    ['a section heading glued after a stop is no clause to close', '整改工作取得成效。三、下一步工作措施\n1.持续抓好整改。', '整改工作取得成效。三、下一步工作措施\n1.持续抓好整改。'],
    ['a bare number is no marker where no item is dotted', '全年开展巡察。\n2深化成果运用', '全年开展巡察。\n2深化成果运用'],
    ['a quantity at a paragraph start stays', '1.加强领导。\n2人受到党纪处分。', '1.加强领导。\n2人受到党纪处分。'],
    ['a body paragraph that lost its full stop before the next problem gets it back', '整改情况：已召开会议。县委组织部均派员参加\n问题10.巡察成果运用不够', '整改情况：已召开会议。县委组织部均派员参加。\n问题10.巡察成果运用不够'],
    ['a heading keeps its bare end', '（一）关于党的领导弱化方面的问题\n1.学习不深入。', '（一）关于党的领导弱化方面的问题\n1.学习不深入。'],
    ['a closing line before the sign-off keeps its bare end', '欢迎广大干部群众监督。特此通报\n中共某某县委巡察工作领导小组', '欢迎广大干部群众监督。特此通报\n中共某某县委巡察工作领导小组'],
    ['a comma at a paragraph start is debris: removed', '按期完成。\n,局党组先后召开会议', '按期完成。\n局党组先后召开会议'],
    ['a mark right after a full stop is debris: removed', '明确完成时限。,局党组召开会议。.个别案件。。问题2.', '明确完成时限。局党组召开会议。个别案件。问题2.'],
    ['an ASCII hyphen in Chinese text is debris: removed', '正在按计划推进。-集团党委紧盯不放，-确保按时完成', '正在按计划推进。集团党委紧盯不放，确保按时完成'],
    ['a bar in Chinese text is debris', '对下属单位|开展专项督查，考核结果在全市|统计系统通报', '对下属单位开展专项督查，考核结果在全市统计系统通报'],
    ['an enumeration comma right after a comma is debris', '上党课2堂，、观看教育片7个', '上党课2堂，观看教育片7个'],
    ['a dot after a character or after a colon is debris', '轮岗实施方案，对.在同一岗位任职满5年，年吞吐量.4860万吨，邮政信箱：.白水县人民路', '轮岗实施方案，对在同一岗位任职满5年，年吞吐量4860万吨，邮政信箱：白水县人民路'],
    ['a mark after the paragraph\'s last full stop, and a run of commas opening a paragraph', '进行约谈并扣减信用分。，\n，，中共桐江市教育局委员会', '进行约谈并扣减信用分。\n中共桐江市教育局委员会'],
    ['a hyphen opening a paragraph is debris', '课开课不足问题。\n-同时，建立思政课', '课开课不足问题。\n同时，建立思政课'],
    ['a dot opening a paragraph before a progress label is debris', '倾向仍然存在。\n.整改进展情况：一是', '倾向仍然存在。\n整改进展情况：一是'],
    ['a dot opening a paragraph before a section numeral or a date is debris', '通报如下。\n.一、加强组织领导\n.2025年9月1日', '通报如下。\n一、加强组织领导\n2025年9月1日'],
    ['decimals, e-mail addresses and item numbers keep their dots', '增长2.5%，邮箱xyz@163.com，\n1.加强领导', '增长2.5%，邮箱xyz@163.com，\n1.加强领导'],
    ['a comma before 二是 in an enumeration is a semicolon', '一是查处案件6件，二是对检查发现的问题整改，三是建章立制。', '一是查处案件6件；二是对检查发现的问题整改；三是建章立制。'],
    ['… or the full stop the paragraph uses', '一是查处案件6件。二是整改问题，三是建章立制。', '一是查处案件6件。二是整改问题。三是建章立制。'],
    ['no 一是 before it: no enumeration', '这次检查发现，二是非问题较多。', '这次检查发现，二是非问题较多。'],
    ['a zero after a percent sign is the sign read twice', '同比下降26%0；参与率达到96%0。', '同比下降26%；参与率达到96%。'],
    ['a mark after a comma or a colon after a full stop is debris', '紧盯不放，:把巡察整改。:整改落实情况：开展', '紧盯不放，把巡察整改。整改落实情况：开展'],
    ['a speck before a progress label or a problem marker', '未达预期。人整改进展情况：一是\n片纳入档案管理。一问题6.违反', '未达预期。整改进展情况：一是\n片纳入档案管理。问题6.违反'],
    ['a character that opens the sentence before a label stays', '经研究，整改情况：已完成。对整改情况：', '经研究，整改情况：已完成。对整改情况：'],
    ['a progress label that lost its colon', '配置不匹配。整改情况对照开发区管理体制\n整改进展情况一是建立作业公示', '配置不匹配。整改情况：对照开发区管理体制\n整改进展情况：一是建立作业公示'],
    ['a label that is the subject of its sentence keeps no colon', '整改情况报告按时报送。整改落实情况请于月底前报送', '整改情况报告按时报送。整改落实情况请于月底前报送'],
    ['a subsection marker that lost its opening bracket gets it back', '兑现奖补资金4280万元。\n二)关于落实全面从严治党责任方面', '兑现奖补资金4280万元。\n（二）关于落实全面从严治党责任方面'],
    ['a numeral with a bracket inside a sentence is left alone', '分为一二）类', '分为一二）类'],
    ['《 for the opening bracket of a subsection marker', '发生规模性返贫。\n《二）落实全面从严治党', '发生规模性返贫。\n（二）落实全面从严治党'],
    ['一 between two years is a dash', '人才发展规划（2024一2028年）', '人才发展规划（2024—2028年）'],
    ['the dot stroke 丶 between items is the enumeration comma', '实行“周调度丶月通报”，党委丶纪委和2024年丶2025年', '实行“周调度、月通报”，党委、纪委和2024年、2025年'],
    ['a dot stroke at a line end or doubled stays (not between two items)', '见图丶\n丶丶记号', '见图丶\n丶丶记号'],
    ['a degree sign ending a sentence is a full stop', '未按时办理超时°整改进展。达到8.7%°\n邮箱abc@x.gov.cn°\n中共', '未按时办理超时。整改进展。达到8.7%。\n邮箱abc@x.gov.cn。\n中共'],
    ['a degree sign after a number stays', '最高气温30°，夜间20°\n', '最高气温30°，夜间20°\n'],
    ['hyphens in numbers and Latin words stay', '联系电话：0596-3186620，GB/T-9704，2024-2026年', '联系电话：0596-3186620，GB/T-9704，2024-2026年'],
    ['a dot opening a paragraph may be an item whose number was lost: kept', '按期完成。\n.学习贯彻不深入', '按期完成。\n.学习贯彻不深入'],
    ['a comma after a comma is debris: removed', '二，,下一步工作打算', '二，下一步工作打算'],
    ['a stray quote that breaks the alternation leaves the paragraph alone', '形成“”用制度管权管事的长效机制', '形成“”用制度管权管事的长效机制'],
    ['a quote before a comma cannot open: no re-pairing', '区委组“，织部对“整改”情况，形成”合力“', '区委组“，织部对“整改”情况，形成”合力“'],
    ['a digit ending a line before a line of digits is a split number, not a stop', '中共东浦街道工作委员会和各社区党组织2\n024年12月20日', '中共东浦街道工作委员会和各社区党组织2\n024年12月20日'],
    ['a stray letter ending a body paragraph is a full stop', '平均每个村巡察时间较短，很难巡深巡透a\n整改进展情况：', '平均每个村巡察时间较短，很难巡深巡透。\n整改进展情况：'],
    ['a stray digit before 三是 is a full stop', '未按要求落实《中国共产党巡视工作条例》3三是提请', '未按要求落实《中国共产党巡视工作条例》。三是提请'],
    ['an empty bracket pair ending a paragraph is a full stop', '部分党员的学习笔记和工作手册内容不全（）\n二是', '部分党员的学习笔记和工作手册内容不全。\n二是'],
    ['a bracket and comma before 二是 is a full stop', '开展了两轮专项巡察和机动巡察（，二是精准分类', '开展了两轮专项巡察和机动巡察。二是精准分类'],
    ['a short heading may end with a number', '附件3\n（一）关于附件2', '附件3\n（一）关于附件2'],
    ['a U盘 inside a sentence stays', '对涉密计算机和U盘进行检查，发现问题3个', '对涉密计算机和U盘进行检查，发现问题3个'],
    ['a counted item at a paragraph end stays', '本年度全县共计查处违纪违法案件数量为12', '本年度全县共计查处违纪违法案件数量为12'],
    ['an appendix number at a paragraph end stays', '具体任务分工和完成时限请见本通知所附的附件2', '具体任务分工和完成时限请见本通知所附的附件2'],
  ])('%s', (_name, input, expected) => {
    expect(run(normalisePunctuation, input)).toBe(expected);
  });

  it('records punctuation fixes as corrections', () => {
    const [e] = normalisePunctuation('整改,落实');
    expect(e.meta).toMatchObject({ type: 'correction', kind: 'punctuation' });
  });

  it.each([
    ['a document number printed right', '宁二医党〔2025〕23号'],
    ['correct prose', '根据县委统一部署，现将巡察整改进展情况予以公布。'],
  ])('makes no edit that changes nothing (%s): a repair is a sign of OCR to the corrector', (_name, input) => {
    expect(normalisePunctuation(input).filter((e) => input.slice(e.start, e.end) === e.replacement)).toEqual([]);
  });
});

describe('toSimplified', () => {
  it.each([
    ['traditional characters in a simplified notice', '巡察整改工作領導小組', '巡察整改工作领导小组'],
    ['simplified text untouched', '干部群众监督', '干部群众监督'],
    ['valid simplified look-alikes untouched', '著名的显著成效', '著名的显著成效'],
  ])('%s', (_name, input, expected) => {
    expect(applyEdits(input, toSimplified(input).edits)).toBe(expected);
  });

  it('reports the share of traditional characters', () => {
    expect(toSimplified('這個縣級領導').traditionalShare).toBeGreaterThan(0.5);
    expect(toSimplified('这个县级领导').traditionalShare).toBe(0);
  });
});
