/**
 * Read one prepared page with the OCR engine: a blank page is reported and not read; a red
 * masthead is read from the red layer and becomes the page's first line; a page whose OCR
 * confidence is implausibly low is reported and its text withheld (never merged silently).
 */
import { similarHeaders } from '../normalise/running-headers.ts';
import type { Seal } from '../schema.ts';
import type { EngineName, OcrPage, OcrSymbol } from './ocr.ts';
import { toPgm } from './ocr.ts';
import type { ExtractWarning, PageFailureResult, PageResult } from './pages.ts';
import { errorMessage } from './pages.ts';
import type { PreparedPage } from './prepare-page.ts';

/**
 * Mean word confidence below which a page's text is garbage rather than a hard page. Measured
 * with tesseract.js best_int: garbage pages (upside-down or sideways read unturned, near-empty and
 * blank pages after the former level stretch, noise) 0.04–0.18 (scripts/fixtures/measure-confidence.ts);
 * good pages 0.80–0.92 on fixtures/scans/ (measure-scan-cases.ts) and ≥ 0.56 on every page in
 * output/. The cut sits between, nearer the garbage. Another engine's scale needs its own measurement.
 */
export const MIN_PAGE_CONFIDENCE = 0.35;

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

/** Masthead text (one line) + the page text; masthead symbols keep boxes on the page image. */
function withMasthead(head: OcrPage, body: OcrPage, box: { x: number; y: number; width: number; height: number }): OcrPage {
  const line = head.text.replace(/\s+/gu, '');
  if (!line) return body;
  // An engine that reads faint remains of the removed red ink (PP-OCR does) has the masthead as
  // its first line already: one reading of it, not two.
  const first = body.text.split('\n').find((l) => l.trim()) ?? '';
  if (similarHeaders(first.replace(/\s+/gu, ''), line)) return body;
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
    symbols.push({ ...s, start: at, end: at + ch.length, bbox: { ...box } });
    k = at + ch.length;
  }
  for (const s of body.symbols) symbols.push({ ...s, start: s.start + prefix.length, end: s.end + prefix.length });
  return { text: prefix + body.text, symbols, confidence: body.confidence, words: body.words + head.words };
}

export async function readPage(p: PreparedPage, engine: Recognizer, ctx: PageContext): Promise<{ page: PageResult; warnings: ExtractWarning[] }> {
  if (p.blank) return blankPage(p, ctx);
  let r = await engine.recognize(toPgm(p.image.gray, p.image.width, p.image.height));
  if (p.masthead && p.mastheadBox) r = withMasthead(await engine.recognize(toPgm(p.masthead.gray, p.masthead.width, p.masthead.height)), r, p.mastheadBox);
  const warnings: ExtractWarning[] = [];
  const base = { number: ctx.page, method: 'ocr' as const, confidence: r.confidence, width: p.image.width, height: p.image.height, ...(engine.name ? { engine: engine.name } : {}), rotation: p.rotation, skew: p.skew, ...sealsOf(p, ctx.page) };
  const reason = `${ctx.reason}; ${p.note}`;
  if (r.text.trim().length === 0) {
    warnings.push({ code: 'EMPTY_PAGE', message: `${ctx.file}, page ${ctx.page}: OCR found no text`, page: ctx.page });
    return { page: { ...base, reason, text: '' }, warnings };
  }
  if (r.confidence < MIN_PAGE_CONFIDENCE) {
    warnings.push({ code: 'LOW_CONFIDENCE_PAGE', message: `${ctx.file}, page ${ctx.page}: OCR confidence ${r.confidence.toFixed(2)} is below ${MIN_PAGE_CONFIDENCE} (unreadable page); its text is left out`, page: ctx.page });
    return { page: { ...base, reason: `${reason}; OCR confidence ${r.confidence.toFixed(2)} < ${MIN_PAGE_CONFIDENCE}: text withheld`, text: '' }, warnings };
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
