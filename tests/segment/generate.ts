/** Seeded random notices built from parts, with optional OCR-like damage (for the invariant tests). */

import { rng } from '../../scripts/lib/rng.ts';

export { rng };

const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
const WORDS = ['巡察', '整改', '落实', '责任', '监督', '制度', '学习', '党组织', '干部', '问题线索', '台账', '会议', '资金', '项目', '工作'];
const LABELS = ['整改进展情况', '整改情况', '整改措施及成效', '整改落实情况', '整改进展'];

export interface GenProblem { number: number; statement: string; progress: string }
export interface Generated { text: string; problems: GenProblem[]; style: 'question' | 'numbered' | 'heading' }

export function generate(rand: () => number, damage: false | 'any' | 'recoverable'): Generated {
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const sentence = () => Array.from({ length: int(2, 6) }, () => pick(WORDS)).join('') + pick(['。', '；', '，不到位。']) + (rand() < 0.3 ? `${int(1, 99)}个。` : '');
  const para = (enums: boolean) => {
    if (enums && rand() < 0.5) return Array.from({ length: int(2, 4) }, (_, k) => `${CN[k]}是${sentence()}`).join('');
    return Array.from({ length: int(1, 3) }, sentence).join('');
  };
  const style = pick(['question', 'numbered', 'heading'] as const);
  const lines: string[] = [];
  const problems: GenProblem[] = [];
  if (rand() < 0.7) lines.push('中共某某县委巡察工作领导小组');
  if (rand() < 0.5) lines.push(`某巡发〔2024〕${int(1, 30)}号`);
  lines.push('关于县委巡察整改进展情况的通报');
  if (rand() < 0.5) lines.push('各乡镇党委、县直各单位：');
  for (let k = int(0, 2); k > 0; k--) lines.push(para(true));
  let q = 0;
  const nSections = int(1, 3);
  for (let s = 0; s < nSections; s++) {
    lines.push(`${CN[s]}、${pick(WORDS)}${pick(WORDS)}情况`);
    for (let k = int(0, 1); k > 0; k--) lines.push(para(true));
    const nSubs = int(1, 3);
    for (let u = 0; u < nSubs; u++) {
      if (style === 'heading') {
        const statement = `关于${pick(WORDS)}${pick(WORDS)}不到位的问题`;
        lines.push(`（${CN[u]}）${statement}`);
        const progress = Array.from({ length: int(1, 2) }, () => para(true));
        lines.push(`${pick(LABELS)}：${progress[0]}`, ...progress.slice(1));
        problems.push({ number: u + 1, statement, progress: progress.join('\n') });
        continue;
      }
      lines.push(`（${CN[u]}）${pick(WORDS)}方面`);
      for (let p = 1, n = int(1, 3); p <= n; p++) {
        const number = style === 'question' ? ++q : p;
        const statement = Array.from({ length: int(1, 2) }, () => para(true));
        const progress = Array.from({ length: int(1, 2) }, () => para(true));
        lines.push(`${style === 'question' ? '问题' : ''}${number}.${statement[0]}`, ...statement.slice(1));
        lines.push(`${pick(LABELS)}：${progress[0]}`, ...progress.slice(1));
        problems.push({ number, statement: statement.join('\n'), progress: progress.join('\n') });
      }
    }
  }
  if (rand() < 0.6) {
    lines.push(`${CN[nSections]}、下一步工作打算`);
    for (let k = 1, n = int(1, 3); k <= n; k++) lines.push(`${k}.${sentence()}`);
  }
  lines.push('欢迎广大干部群众对巡察整改落实情况进行监督。邮政信箱：某县人民路1号；联系电话：0734-6880072；电子邮箱：ab12@163.com。');
  lines.push('中共某某县委巡察工作领导小组', pick(['2024年7月3日', '二〇二四年七月三日']));
  if (damage === 'any') damageLines(rand, lines);
  if (damage === 'recoverable') damageRecoverably(rand, lines);
  return { text: lines.join('\n') + (rand() < 0.5 ? '\n' : ''), problems, style };
}

/** Lose lines (a heading, a page), garble markers and labels, add spaces and blank lines. */
function damageLines(rand: () => number, lines: string[]): void {
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];
  const n = Math.floor(rand() * 6);
  for (let k = 0; k < n; k++) {
    const i = Math.floor(rand() * lines.length);
    const r = rand();
    if (r < 0.15) lines.splice(i, 1);
    else if (r < 0.25) lines.splice(i, Math.floor(rand() * 8));
    else if (r < 0.4) lines[i] = lines[i].replace(/^(问题)?(\d+)\./, (_, a = '', d) => `${a} ${d}`).replace('、', ' ，');
    else if (r < 0.5) lines[i] = lines[i].replace('：', rand() < 0.5 ? ':' : '').replace('改', '政');
    else if (r < 0.6) lines[i] = lines[i].replace('是', '见').replace('（', '〈');
    else if (r < 0.7) lines.splice(i, 0, '');
    else if (r < 0.8) lines[i] = '  ' + lines[i] + ' \u3000';
    else if (r < 0.9) {
      const at = Math.floor(rand() * lines[i].length);
      lines[i] = lines[i].slice(0, at) + '\n' + lines[i].slice(at);
    } else if (r < 0.95) lines[i] = lines[i].slice(0, Math.floor(rand() * lines[i].length));
    else if (r < 0.975 && i > 0) lines.splice(i - 1, 2, lines[i - 1] + lines[i]);
    else lines.splice(i, 0, pick(['- 2 -', '二', '16', 'II']));
  }
}

/** Damage the segmenter must see through: spaced or wrong marker punctuation, ASCII colons, stray spaces, blank lines, glued headings. */
function damageRecoverably(rand: () => number, lines: string[]): void {
  const n = Math.floor(rand() * 8);
  for (let k = 0; k < n; k++) {
    const i = 1 + Math.floor(rand() * (lines.length - 1));
    const r = rand();
    if (r < 0.2) lines[i] = lines[i].replace(/^问题(\d+)\./, '问题 $1');
    else if (r < 0.35) lines[i] = lines[i].replace(/^(整改[^：]{1,5})：/, '$1:');
    else if (r < 0.5 && /^(问题\d|（|[一二三四五六七八九十]+、|\d+\.)/.test(lines[i])) lines.splice(i, 0, '');
    else if (r < 0.65 && /^(问题\d|（|[一二三四五六七八九十]+、|\d+\.|整改[^：:]{1,5}[：:])/.test(lines[i])) lines[i] = " " + lines[i];
    else if (r < 0.75) lines[i] = lines[i].replace(/^（([一二三四五六七八九十]+)）/, '〈$1)');
    else if (r < 0.85) lines[i] = lines[i].replace(/^([一二三四五六七八九十]+)、/, '$1 ，');
    else if (/^（[一二三四五六七八九十]+）[^。]*方面$/.test(lines[i]) && lines[i - 1].endsWith('。')) lines.splice(i - 1, 2, lines[i - 1] + lines[i]);
  }
}

/**
 * Seeded notices in the styles OCR damage hurts most, with OCR-like damage that a careful reader still sees
 * through: "（1）" problems restarting per section, "1．" problems under subsections, and "（一）关于……的问题"
 * headings whose progress follows with no label. Statement and progress may change slightly (a lost "。"),
 * so callers compare them within a tolerance.
 */
export type OcrStyle = 'paren' | 'fullwidth' | 'bare-heading';
export interface OcrGenerated { text: string; problems: GenProblem[]; style: OcrStyle; damage: string[] }

const BRACKET_OPEN = ['〈', '(', '《', '（ ', '“（', '。（'];
const LABEL_TYPOS: [string, string][] = [['整', '区'], ['整', '政'], ['改', '政'], ['展', '屈'], ['况', '兄'], ['实', '突'], ['情', '惰']];

export function generateOcr(rand: () => number, damaged: boolean): OcrGenerated {
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const sentence = () => Array.from({ length: int(3, 7) }, () => pick(WORDS)).join('') + pick(['。', '；', '，不到位。']) + (rand() < 0.3 ? `共${int(2, 99)}个。` : '');
  const para = () => Array.from({ length: int(1, 3) }, sentence).join('');
  const style = pick(['paren', 'fullwidth', 'bare-heading'] as const);
  const label = pick(['整改进展情况', '整改落实情况', '整改措施及成效', '整改情况']);
  const lines: string[] = ['中共某某县水利局党组', '关于县委巡察反馈意见', '整改落实情况的通报', para()];
  const problems: GenProblem[] = [];
  const damage: string[] = [];
  /** Index of lines that open a problem (marker lines) and of label lines. */
  const markerAt: number[] = [];
  const labelAt: number[] = [];
  const nSections = int(1, 3);
  lines.push(`一、整改工作推进情况`, para());
  for (let s = 1; s <= nSections; s++) {
    if (style === 'bare-heading') {
      lines.push(`${CN[s]}、${pick(WORDS)}问题整改情况`);
      for (let u = 1, n = int(2, 4); u <= n; u++) {
        const statement = `关于${pick(WORDS)}${pick(WORDS)}${pick(['不够到位', '存在短板', '有待加强'])}的问题`;
        const progress = Array.from({ length: int(1, 2) }, para);
        markerAt.push(lines.length);
        lines.push(`（${CN[u - 1]}）${statement}`, ...progress);
        problems.push({ number: u, statement, progress: progress.join('\n') });
      }
      continue;
    }
    lines.push(`${CN[s]}、关于${pick(WORDS)}方面的问题`);
    const subs = style === 'fullwidth' ? int(1, 2) : 1;
    for (let u = 0; u < subs; u++) {
      if (style === 'fullwidth') lines.push(`（${CN[u]}）${pick(WORDS)}${pick(WORDS)}方面`);
      for (let p = 1, n = int(2, 4); p <= n; p++) {
        const statement = Array.from({ length: rand() < 0.2 ? 2 : 1 }, para);
        const progress = Array.from({ length: rand() < 0.2 ? 2 : 1 }, para);
        markerAt.push(lines.length);
        lines.push(`${style === 'paren' ? `（${p}）` : `${p}．`}${statement[0]}`, ...statement.slice(1));
        labelAt.push(lines.length);
        lines.push(`${label}：${progress[0]}`, ...progress.slice(1));
        problems.push({ number: p, statement: statement.join('\n'), progress: progress.join('\n') });
      }
    }
  }
  lines.push(`${CN[nSections + 1]}、下一步工作打算`, para());
  lines.push('欢迎广大干部群众对巡察整改落实情况进行监督。联系电话：0917-5521306。', '中共某某县水利局党组', '2024年9月12日');
  if (damaged) damageOcr(rand, lines, markerAt, labelAt, style, damage);
  return { text: lines.join('\n') + '\n', problems, style, damage };
}

/** Damage markers and labels the way OCR does (in place; a joined line leaves '' behind, dropped by the caller's join). */
function damageOcr(rand: () => number, lines: string[], markerAt: number[], labelAt: number[], style: OcrStyle, log: string[]): void {
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];
  const joined = new Set<number>();
  for (const i of markerAt) {
    if (rand() < 0.5) continue;
    const r = rand();
    const l = lines[i];
    if (style === 'paren') {
      if (r < 0.3) lines[i] = l.replace(/^（/, pick(BRACKET_OPEN)).replace(/^([^）]*)）/, rand() < 0.5 ? '$1)' : '$1）');
      else if (r < 0.45 && l.startsWith('（1）')) lines[i] = l.replace('（1）', pick(['《D）', '〈D）', 'GD)', '(l)', '（I）']));
      else if (r < 0.6) lines[i] = l.replace(/^（(\d+)）/, '（ $1 ）');
      else if (r < 0.8 && !l.startsWith('（1）') && !joined.has(i - 1) && !markerAt.includes(i - 1)) {
        // glued to the previous line, its sentence end lost ("…开展16《2）干部…")
        lines[i - 1] = lines[i - 1].replace(/[。；]$/, '') + l.replace(/^（/, pick(['（', '《', '(']));
        lines[i] = '\u0000';
        joined.add(i);
      } else lines[i] = '“' + l;
    } else if (style === 'fullwidth') {
      if (r < 0.35) lines[i] = l.replace(/^(\d+)．/, (_, d) => `${d}${pick(['.', '、', ' .', '．'])}`);
      else if (r < 0.55) lines[i] = l.replace(/^1．/, pick(['l.', 'I.', '1．']));
      else if (r < 0.75) lines[i] = ' ' + l + ' ';
    } else {
      if (r < 0.4) lines[i] = l.replace(/^（/, pick(['〈', '(', '《'])).replace(/）/, pick([')', '）']));
      else if (r < 0.7 && lines[i + 1] && markerAt.indexOf(i + 1) < 0) {
        // heading run on into its first progress paragraph (lost line break)
        lines[i] = l + lines[i + 1];
        lines[i + 1] = '\u0000';
        joined.add(i + 1);
      }
    }
    log.push(`marker@${i}`);
  }
  for (const i of labelAt) {
    if (rand() < 0.5 || joined.has(i)) continue;
    const r = rand();
    const l = lines[i];
    if (r < 0.35) {
      const [a, b] = pick(LABEL_TYPOS);
      const at = l.indexOf(a);
      if (at >= 0 && at < l.indexOf('：')) lines[i] = l.slice(0, at) + b + l.slice(at + 1);
    } else if (r < 0.55) lines[i] = l.replace('：', pick([':', '；', '：', ': ']));
    else if (r < 0.7) lines[i] = pick(['”', '“', '。', '，']) + l;
    else if (r < 0.85 && !joined.has(i - 1) && /[。；]$/.test(lines[i - 1])) {
      // label glued after the statement's sentence end, with a stray character between
      lines[i - 1] = rand() < 0.3 ? lines[i - 1].replace(/[。；]$/, '，') + l : lines[i - 1] + pick(['', '本，', '，', '、']) + l;
      lines[i] = '\u0000';
      joined.add(i);
    }
    log.push(`label@${i}`);
  }
  // page furniture between lines (never inside the header)
  for (let k = 0, n = Math.floor(rand() * 3); k < n; k++) {
    const i = 6 + Math.floor(rand() * (lines.length - 9));
    if (lines[i] !== '\u0000') lines[i] = lines[i] + '\n' + pick(['- 2 -', '16', '第3页']);
  }
  for (let i = lines.length - 1; i >= 0; i--) if (lines[i] === '\u0000') lines.splice(i, 1);
}
