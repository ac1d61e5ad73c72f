/**
 * Read one prepared page with the OCR engine: a blank page is reported and not read; a red
 * masthead is read from the red layer and becomes the page's first line; a page whose OCR
 * confidence is implausibly low is reported and its text withheld (never merged silently).
 */
import { headerDistance } from '../normalise/running-headers.ts';
import type { Seal } from '../schema.ts';
import type { EngineName, OcrPage, OcrSymbol } from './ocr.ts';
import { toPgm } from './ocr.ts';
import type { ExtractWarning, PageFailureResult, PageResult } from './pages.ts';
import { errorMessage } from './pages.ts';
import type { PreparedPage } from './prepare-page.ts';

/**
 * Page confidence below which a page's text is garbage rather than a hard page, per engine: the
 * midpoint between the most confident garbage page and the least confident good page, measured
 * on TUNE pages only (garbage: upside-down and sideways pages read unturned, near-empty and blank
 * pages after the former level stretch, seeded noise — scripts/fixtures/measure-confidence.ts
 * --engine E; good: every page of fixtures/scans/ — measure-scan-cases.ts).
 * - tesseract (mean word confidence, tesseract.js best_int): garbage 0.04–0.18, good 0.56–0.92 → 0.35
 * - ppocr (mean character probability): garbage 0.00–0.47, good 0.989–1.000 → 0.73
 */
const MIN_PAGE_CONFIDENCE: Record<EngineName, number> = { tesseract: 0.35, ppocr: 0.73 };

export const pageConfidenceFloor = (engine?: EngineName): number => MIN_PAGE_CONFIDENCE[engine ?? 'tesseract'];

export interface Recognizer {
  readonly name?: EngineName;
  recognize(pgm: Buffer): Promise<OcrPage>;
}

export interface PageContext {
  file: string;
  page: number;
  /** What was read and why, before the clean-up note. */
  reason: string;
}

export function blankPage(p: PreparedPage, ctx: PageContext): { page: PageResult; warnings: ExtractWarning[] } {
  return {
    page: { number: ctx.page, method: 'blank', reason: `${ctx.reason}; ${p.note}: not read`, text: '', width: p.image.width, height: p.image.height, ...sealsOf(p, ctx.page) },
    warnings: [{ code: 'BLANK_PAGE', message: `${ctx.file}, page ${ctx.page}: blank page (no ink), not read`, page: ctx.page }],
  };
}

function sealsOf(p: PreparedPage, page: number): { seals?: Seal[] } {
  return p.seals.length ? { seals: p.seals.map((bbox) => ({ page, bbox })) } : {};
}

/** The masthead's text (one line) put into the page text (at the top, or where the engine read its remains); masthead symbols keep boxes on the page image. */
export function withMasthead(head: OcrPage, page: OcrPage, box: { x: number; y: number; width: number; height: number }): OcrPage {
  const line = head.text.replace(/\s+/gu, '');
  let body = page;
  if (!line) return body;
  // An engine that reads faint remains of the removed red ink (PP-OCR does) has the masthead in its text
  // already: as its first line (one reading of it, not two: kept), or over two or three lines, or its names
  // alone, or under the 份号/密级/紧急程度 lines printed above it — the same reading of the same ink, which
  // the red layer's reading replaces, in their place (page order: 份号 and 密级 stay above it).
  const repeat = repeatedMasthead(body.text, line);
  if (repeat && repeat.start === 0 && repeat.lines === 1) return body;
  if (repeat) body = withoutRange(body, repeat.start, repeat.end);
  const at0 = repeat?.start ?? 0;
  const prefix = `${line}\n`;
  const symbols: OcrSymbol[] = [];
  // Masthead symbols: their characters with spaces removed, so map in order.
  let k = 0;
  for (const s of head.symbols) {
    const ch = head.text.slice(s.start, s.end).replace(/\s+/gu, '');
    if (!ch) continue;
    const at = line.indexOf(ch, k);
    if (at < 0) continue;
    // The masthead was read from a scaled crop: its characters carry the masthead's box on the page.
    symbols.push({ ...s, start: at0 + at, end: at0 + at + ch.length, bbox: { ...box } });
    k = at + ch.length;
  }
  for (const s of body.symbols) symbols.push(s.start >= at0 ? { ...s, start: s.start + prefix.length, end: s.end + prefix.length } : s);
  symbols.sort((a, b) => a.start - b.start);
  return { text: body.text.slice(0, at0) + prefix + body.text.slice(at0), symbols, confidence: body.confidence, words: body.words + head.words };
}

/** Lines GB/T 9704 prints above the masthead (份号, 密级和保密期限, 紧急程度): short, no sentence marks. */
const ABOVE_MASTHEAD_MAX = 3;
const aboveMasthead = (l: string) => l.length <= 12 && !/[。，；：:、]/u.test(l);

/**
 * Where the page text repeats the masthead line: one to three non-blank lines that, joined, read like it
 * (two or more also like its names without 文件), starting at the first line or after at most three short
 * lines that print above a masthead. Of several such runs, the closest reading (then the earliest, then the
 * most lines); a first line that alone reads like it is taken at once. Null when none.
 */
export function repeatedMasthead(text: string, masthead: string): { start: number; end: number; lines: number } | null {
  const lines = [...text.matchAll(/[^\n]*(?:\n|$)/gu)]
    .filter((m) => (m.index ?? 0) < text.length && m[0].trim())
    .slice(0, ABOVE_MASTHEAD_MAX + 3)
    .map((m) => ({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, squeezed: m[0].replace(/\s+/gu, '') }));
  const names = masthead.replace(/文件$/u, '');
  let best: { start: number; end: number; lines: number; distance: number } | null = null;
  for (let from = 0; from <= ABOVE_MASTHEAD_MAX && from < lines.length; from++) {
    if (from > 0 && !aboveMasthead(lines[from - 1].squeezed)) break;
    let joined = '';
    for (let n = 1; n <= 3 && from + n <= lines.length; n++) {
      joined += lines[from + n - 1].squeezed;
      const targets = n === 1 ? [masthead] : [masthead, names];
      const ds = targets.filter((t) => t.length >= 4).map((t) => headerDistance(joined, t)).filter((d): d is number => d !== null);
      const d = ds.length ? Math.min(...ds) : Infinity;
      // closer, or as close from the same line with more lines
      const held: { start: number; distance: number } = best ?? { start: -1, distance: Infinity };
      if (d < held.distance || (d === held.distance && held.start === lines[from].start)) best = { start: lines[from].start, end: lines[from + n - 1].end, lines: n, distance: d };
      if (from === 0 && n === 1 && best) return { start: best.start, end: best.end, lines: 1 }; // the page's own first line
      if (joined.length > masthead.length + 4) break;
    }
  }
  return best && { start: best.start, end: best.end, lines: best.lines };
}

/** The page reading without the characters in [start, end) (symbols after it moved back with the text). */
function withoutRange(r: OcrPage, start: number, end: number): OcrPage {
  const cut = end - start;
  const symbols = r.symbols
    .filter((s) => s.end <= start || s.start >= end)
    .map((s) => (s.start >= end ? { ...s, start: s.start - cut, end: s.end - cut } : s));
  return { ...r, text: r.text.slice(0, start) + r.text.slice(end), symbols };
}

/** Expected number of correctly read characters: the sum of the symbols' confidences. */
const expectedCorrect = (r: OcrPage): number => r.symbols.reduce((n, s) => n + s.confidence, 0);

/** The page image turned a half turn (the pixel order reversed). */
function halfTurn(g: { gray: Uint8Array; width: number; height: number }) {
  return { gray: g.gray.slice().reverse(), width: g.width, height: g.height };
}

async function readImage(p: PreparedPage, engine: Recognizer, turned: boolean): Promise<OcrPage> {
  const img = turned ? halfTurn(p.image) : p.image;
  const r = await engine.recognize(toPgm(img.gray, img.width, img.height));
  if (!p.masthead || !p.mastheadBox) return r;
  const head = turned ? halfTurn(p.masthead) : p.masthead;
  return withMasthead(await engine.recognize(toPgm(head.gray, head.width, head.height)), r, p.mastheadBox);
}

/**
 * The page read in the orientation the clean-up chose; when that choice is doubtful — the
 * layout rule turned the page upside down, or the reading is too poor to keep — it is read a
 * half turn the other way too, and the reading with more expected correct characters is kept.
 */
async function readOriented(p: PreparedPage, engine: Recognizer): Promise<{ r: OcrPage; halfTurned: boolean; note: string }> {
  const first = await readImage(p, engine, false);
  const doubtful = p.rotation === 180 || p.rotation === 270 || first.confidence < pageConfidenceFloor(engine.name);
  if (!doubtful) return { r: first, halfTurned: false, note: '' };
  const other = await readImage(p, engine, true);
  const [a, b] = [expectedCorrect(first), expectedCorrect(other)];
  const halfTurned = b > a;
  const note = `; orientation checked by reading both ways (${a.toFixed(0)} vs ${b.toFixed(0)} expected correct characters a half turn further): ${halfTurned ? 'turned 180° more' : 'kept'}`;
  return { r: halfTurned ? other : first, halfTurned, note };
}

export async function readPage(p: PreparedPage, engine: Recognizer, ctx: PageContext): Promise<{ page: PageResult; warnings: ExtractWarning[] }> {
  if (p.blank) return blankPage(p, ctx);
  const { r, halfTurned, note } = await readOriented(p, engine);
  const rotation = ((p.rotation + (halfTurned ? 180 : 0)) % 360) as PreparedPage['rotation'];
  const warnings: ExtractWarning[] = [];
  const base = { number: ctx.page, method: 'ocr' as const, confidence: r.confidence, width: p.image.width, height: p.image.height, ...(engine.name ? { engine: engine.name } : {}), rotation, skew: p.skew, ...sealsOf(p, ctx.page) };
  const reason = `${ctx.reason}; ${p.note}${note}`;
  if (r.text.trim().length === 0) {
    warnings.push({ code: 'EMPTY_PAGE', message: `${ctx.file}, page ${ctx.page}: OCR found no text`, page: ctx.page });
    return { page: { ...base, reason, text: '' }, warnings };
  }
  const floor = pageConfidenceFloor(engine.name);
  if (r.confidence < floor) {
    warnings.push({ code: 'LOW_CONFIDENCE_PAGE', message: `${ctx.file}, page ${ctx.page}: OCR confidence ${r.confidence.toFixed(2)} is below ${floor} (unreadable page); its text is left out`, page: ctx.page });
    return { page: { ...base, reason: `${reason}; OCR confidence ${r.confidence.toFixed(2)} < ${floor}: text withheld`, text: '' }, warnings };
  }
  return { page: { ...base, reason, text: r.text, symbols: r.symbols }, warnings };
}

/** Where a document's page readings are collected. */
export interface PageSink {
  pages: PageResult[];
  warnings: ExtractWarning[];
  failures: PageFailureResult[];
}

/** Read a prepared page into the sink (an OCR failure becomes that page's failure), then release its slot. */
export function readPageInto(p: PreparedPage, engine: Recognizer, ctx: PageContext, sink: PageSink, release: () => void): Promise<void> {
  return readPage(p, engine, ctx)
    .then((r) => {
      sink.pages.push(r.page);
      sink.warnings.push(...r.warnings);
    })
    .catch((e) => {
      sink.failures.push({ page: ctx.page, code: 'OCR_FAILED', message: `${ctx.file}, page ${ctx.page}: OCR failed (${errorMessage(e)})` });
    })
    .finally(release);
}
