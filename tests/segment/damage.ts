/**
 * Seeded OCR-like damage of clean notice text, aimed at what segmentation keys on: marker and label characters
 * (问题, 整改进展情况 / 整改情况 / …, 一二三, 是, digits, brackets, dots, colons), the first characters of
 * paragraphs, dropped or duplicated punctuation, merged and split paragraphs.
 *
 * Han substitutions are drawn from real OCR statistics (dictionaries/confusions/ocr-observed.tsv, truth→ocr
 * with counts); that table has Han rows only, so digits, brackets and punctuation use the look-alikes the
 * tune OCR shows (l/I for 1, 《〈( for （, ASCII colon/semicolon, comma for a dot).
 *
 *   npx tsx tests/segment/damage.ts [rate] [seeds]   # survival of tune-fixture problems under damage
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { rng } from './generate.ts';

export type Confusions = Map<string, { ocr: string; w: number }[]>;

const ROOT = join(import.meta.dirname, '..', '..');

let cached: Confusions | null = null;
export function loadConfusions(): Confusions {
  if (cached) return cached;
  const out: Confusions = new Map();
  for (const line of readFileSync(join(ROOT, 'dictionaries', 'confusions', 'ocr-observed.tsv'), 'utf8').split('\n').slice(1)) {
    const [truth, ocr, count] = line.split('\t');
    if (!truth || !ocr || truth.length !== 1) continue;
    const list = out.get(truth) ?? [];
    list.push({ ocr, w: Number(count) });
    out.set(truth, list);
  }
  cached = out;
  return out;
}

/** Non-Han look-alikes (the observed table has none). */
const FALLBACK: Record<string, string[]> = {
  '1': ['l', 'I', '|', 'i'], '0': ['O', 'o'], '2': ['Z', '7'], '3': ['8'], '5': ['S'], '6': ['b'], '7': ['1'], '8': ['3', 'B'], '9': ['g'],
  '（': ['(', '〈', '《', '[', ''], '）': [')', '〉', '》', ']', ''], '.': [',', '，', '、', '·', ''], '．': ['.', ',', '，', '、', ''],
  '：': [':', ';', '；', '，', ''], '、': ['，', ',', '.', ''], '。': ['，', '.', ''], '；': [';', '，', ''],
  '是': ['足', '星', '走', '见'], '况': ['祝', '兄', '洗'], '题': ['是', '愿', '颜'], '问': ['间', '门', '向'],
};

export interface Damaged { text: string; ops: string[] }

const MARKER = /^(问题\s*\d{1,2}[.．]|\d{1,2}[.．、]|（[一二三四五六七八九十]{1,3}）|[一二三四五六七八九十]{1,3}、)/;
const LABEL = /(整改进展情况|整改落实情况|整改措施及成效|整改情况)：/g;
const ENUM = /[一二三四五六七八九十]是/g;

/**
 * Damage `gold` (one paragraph a line). `rate` is the chance that each targeted character is damaged
 * (substituted, lost, or — punctuation — doubled); paragraphs merge / split with chance rate/4 each.
 */
export function damageText(gold: string, rand: () => number, rate: number, conf: Confusions = loadConfusions()): Damaged {
  const ops: string[] = [];
  const pickW = (xs: { ocr: string; w: number }[]) => {
    let t = rand() * xs.reduce((a, x) => a + x.w, 0);
    for (const x of xs) if ((t -= x.w) < 0) return x.ocr;
    return xs[xs.length - 1].ocr;
  };
  const hurt = (c: string): string => {
    const r = rand();
    if (/[。：；，.．、]/.test(c) && r < 0.2) return c + c;
    if (r < 0.3 && !/[\u4e00-\u9fff]/.test(c)) return '';
    if (r < 0.12) return '';
    const fb = FALLBACK[c];
    const seen = conf.get(c);
    if (seen && (!fb || rand() < 0.5)) return pickW(seen);
    if (fb) return fb[Math.floor(rand() * fb.length)];
    return c;
  };
  const lines = gold.replace(/\n$/, '').split('\n');
  const out: string[] = [];
  lines.forEach((line, li) => {
    const target = new Set<number>();
    const m = MARKER.exec(line);
    const head = m ? m[0].length + 1 : 2; // marker (+ the first character after it), else the first two characters
    for (let i = 0; i < Math.min(head, line.length); i++) target.add(i);
    for (const x of line.matchAll(LABEL)) for (let i = 0; i < x[0].length; i++) target.add(x.index + i);
    for (const x of line.matchAll(ENUM)) for (let i = 0; i < 2; i++) target.add(x.index + i);
    for (let i = 0; i < line.length; i++) if (line[i] === '。' && rand() < rate / 3) target.add(i);
    let s = '';
    for (let i = 0; i < line.length; i++) {
      if (target.has(i) && rand() < rate && li > 1 && li < lines.length - 2) {
        const c = hurt(line[i]);
        if (c !== line[i]) ops.push(`L${li}:${i}:${line[i]}→${c || '∅'}`);
        s += c;
      } else s += line[i];
    }
    // split a long paragraph after a sentence end
    const cut = s.indexOf('。', 20);
    if (li > 1 && cut > 0 && cut < s.length - 10 && rand() < rate / 4) {
      ops.push(`L${li}:split@${cut + 1}`);
      out.push(s.slice(0, cut + 1), s.slice(cut + 1));
      return;
    }
    if (li > 2 && li < lines.length - 2 && out.length && rand() < rate / 4) {
      ops.push(`L${li}:merge`);
      out[out.length - 1] += s;
      return;
    }
    out.push(s);
  });
  return { text: out.join('\n') + '\n', ops };
}

export interface TuneGold { id: string; gold: string; structure: unknown }

/** Gold text and structure of every tune notice (split "tune" in meta.json) and the sample. */
export function tuneGolds(): TuneGold[] {
  const out: TuneGold[] = [];
  const dirs = [join(ROOT, 'fixtures', 'sample', 'hengyang')];
  const nd = join(ROOT, 'fixtures', 'notices');
  for (const d of readdirSync(nd).sort()) dirs.push(join(nd, d));
  for (const dir of dirs) {
    if (!existsSync(join(dir, 'meta.json')) || !existsSync(join(dir, 'gold.structure.json'))) continue;
    const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as { id: string; split: string };
    if (meta.split !== 'tune') continue;
    out.push({ id: meta.id, gold: readFileSync(join(dir, 'gold.txt'), 'utf8'), structure: JSON.parse(readFileSync(join(dir, 'gold.structure.json'), 'utf8')) });
  }
  return out;
}

async function main(): Promise<void> {
  const { segment } = await import('../../pipeline/segment/index.ts');
  const { GoldStructure, scoreStructure } = await import('../../pipeline/eval/structure.ts');
  const rate = Number(process.argv[2] ?? 0.15);
  const seeds = Number(process.argv[3] ?? 20);
  const verbose = process.argv.includes('-v');
  let gold = 0;
  let found = 0;
  let extra = 0;
  for (const t of tuneGolds()) {
    const gs = GoldStructure.parse(t.structure);
    let g = 0;
    let f = 0;
    let x = 0;
    for (let seed = 1; seed <= seeds; seed++) {
      const d = damageText(t.gold, rng(seed * 7919 + t.id.length), rate);
      const r = segment(d.text);
      const s = scoreStructure(r.notice, gs);
      g += s.problemsGold;
      f += s.problemsFound;
      x += Math.max(0, r.notice.problemCount - s.problemsGold);
      if (verbose && s.problemsMissed.length) console.log(t.id, seed, s.problemsMissed.join(' '), d.ops.join(' '));
    }
    console.log(`${t.id}\t${f}/${g}\textra ${x}`);
    gold += g;
    found += f;
    extra += x;
  }
  console.log(`all\t${found}/${gold}\t${((100 * found) / gold).toFixed(1)}%\textra problems ${extra}`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
