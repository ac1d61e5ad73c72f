/**
 * PDF pages: trust a good visible text layer, OCR everything else
 * (OCRmyPDF-like per-page decision). Pages are streamed: at most
 * workers + 1 page images exist at any time.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { NoticeError } from '../errors.ts';
import type { ExtractWarning, PageFailureResult, PageResult } from './pages.ts';
import { Semaphore, checkAbort, errorMessage } from './pages.ts';
import { judgeTextLayer } from './quality.ts';
import type { OcrEngine } from './ocr.ts';
import type { DetectUpsideDown } from './page-image/upside-down.ts';
import type { EmbeddedJpeg } from './pdf-embedded-jpeg.ts';
import { embeddedJpegReader } from './pdf-embedded-jpeg.ts';
import { pageGray } from './pdf-page-pixels.ts';
import { preparePage, type PreparedPage } from './prepare-page.ts';
import { readPageInto } from './read-page.ts';

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjsPromise: Promise<Pdfjs> | null = null;
/**
 * Import pdfjs (and its in-process "fake worker") with source maps switched off: tsx turns
 * them on process-wide, and Node would then also parse pdfjs's multi-MB .map files
 * (measured: peak RSS 477 → 410 MB for a first PDF under tsx; plain node needs ~95 MB).
 */
function loadPdfjs(): Promise<Pdfjs> {
  pdfjsPromise ??= (async () => {
    const proc = process as NodeJS.Process & { sourceMapsEnabled?: boolean; setSourceMapsEnabled?: (on: boolean) => void };
    const was = proc.sourceMapsEnabled;
    if (was) proc.setSourceMapsEnabled?.(false);
    try {
      const workerModule = 'pdfjs-dist/legacy/build/pdf.worker.mjs'; // untyped: imported by name
      const worker: unknown = await import(workerModule);
      (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= worker;
      return await import('pdfjs-dist/legacy/build/pdf.mjs');
    } finally {
      if (was) proc.setSourceMapsEnabled?.(true);
    }
  })();
  return pdfjsPromise;
}

function pdfjsDir(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('pdfjs-dist/package.json'));
}

/** Rendering resolution for pages that are not a single embedded image (see README.md). */
export const RENDER_DPI = 200;

const HAN = /\p{Script=Han}/u;
const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

export interface PdfOptions {
  ocr: 'auto' | 'always' | 'never';
  signal?: AbortSignal;
  renderDpi?: number;
  /** Text-direction classifier for upside-down pages (default: the layout rule in page-image/). */
  detectUpsideDown?: DetectUpsideDown;
  /** See ExtractOptions.whileOcrBusy (index.ts). */
  whileOcrBusy?: () => void;
}

export interface PdfResult {
  pages: PageResult[];
  failures: PageFailureResult[];
  warnings: ExtractWarning[];
}

interface TextItemLike {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

/** Rebuild reading order from text items: sort by baseline then x; one output line per baseline. */
export function linesFromItems(items: TextItemLike[], viewportTransform: number[], mul: (a: number[], b: number[]) => number[]): string[] {
  const placed = items
    .filter((it) => it.str.length > 0)
    .map((it) => {
      const t = mul(viewportTransform, it.transform);
      const size = Math.hypot(t[2], t[3]) || Math.hypot(t[0], t[1]) || 1;
      const scale = Math.hypot(viewportTransform[0], viewportTransform[1]) || 1;
      return { str: it.str, x: t[4], y: t[5], size, w: it.width * scale };
    });
  placed.sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: (typeof placed)[] = [];
  let cur: typeof placed = [];
  let curY = 0;
  let curSize = 0;
  for (const p of placed) {
    if (cur.length && Math.abs(p.y - curY) <= 0.5 * Math.min(curSize, p.size)) {
      cur.push(p);
      continue;
    }
    if (cur.length) lines.push(cur);
    cur = [p];
    curY = p.y;
    curSize = p.size;
  }
  if (cur.length) lines.push(cur);
  return lines
    .map((line) => {
      line.sort((a, b) => a.x - b.x);
      let s = '';
      let prevEnd = -Infinity;
      for (const p of line) {
        if (s.length) {
          const gap = p.x - prevEnd;
          const last = s[s.length - 1];
          const first = p.str[0];
          const boundaryCjk = CJK.test(last) || CJK.test(first);
          if (gap > 0.25 * p.size && !/\s/.test(last) && !/\s/.test(first) && !boundaryCjk) s += ' ';
        }
        s += p.str;
        prevEnd = p.x + p.w;
      }
      return s.replace(/\s+$/u, '');
    })
    .filter((l) => l.length > 0);
}

export interface PageScan {
  /** Text shown visibly / invisibly (render mode 3, or fill opacity 0). */
  visibleText: boolean;
  invisibleText: boolean;
  images: number;
  /** The one image, if the page is essentially one axis-aligned image covering it. */
  single: { id: string; ctm: number[] } | null;
}

/** Product of two PDF transformation matrices [a b c d e f]. */
export function multiply(m: number[], n: number[]): number[] {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

export function scanOperators(pdfjs: Pdfjs, ops: { fnArray: number[]; argsArray: unknown[] }, pageW: number, pageH: number): PageScan {
  const O = pdfjs.OPS;
  const showOps = new Set([O.showText, O.showSpacedText, O.nextLineShowText, O.nextLineSetSpacingShowText]);
  const imageOps = new Set([O.paintImageXObject, O.paintInlineImageXObject, O.paintImageMaskXObject, O.paintImageXObjectRepeat, O.paintImageMaskXObjectRepeat, O.paintImageMaskXObjectGroup, O.paintInlineImageXObjectGroup, O.paintSolidColorImageMask]);
  let mode = 0;
  let alpha = 1;
  let ctm = [1, 0, 0, 1, 0, 0];
  const stack: { mode: number; alpha: number; ctm: number[] }[] = [];
  const scan: PageScan = { visibleText: false, invisibleText: false, images: 0, single: null };
  const xobjects: { id: string; ctm: number[] }[] = [];
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[] | null;
    if (fn === O.save) stack.push({ mode, alpha, ctm });
    else if (fn === O.restore) {
      const s = stack.pop();
      if (s) ({ mode, alpha, ctm } = s);
    } else if (fn === O.transform && args) ctm = multiply(ctm, args as number[]);
    else if (fn === O.paintFormXObjectBegin && args) {
      stack.push({ mode, alpha, ctm });
      const m = args[0] as number[] | null;
      if (m) ctm = multiply(ctm, m);
    } else if (fn === O.paintFormXObjectEnd) {
      const s = stack.pop();
      if (s) ({ mode, alpha, ctm } = s);
    } else if (fn === O.setTextRenderingMode && args) mode = args[0] as number;
    else if (fn === O.setGState && args) {
      for (const [key, value] of (args[0] as [string, unknown][]) ?? []) if (key === 'ca' && typeof value === 'number') alpha = value;
    } else if (showOps.has(fn)) {
      // Invisible: render mode 3 (OCR layers) or a fill opacity of 0.
      if ((mode & 3) === 3 || alpha === 0) scan.invisibleText = true;
      else scan.visibleText = true;
    } else if (imageOps.has(fn)) {
      scan.images++;
      if (fn === O.paintImageXObject && args) xobjects.push({ id: args[0] as string, ctm });
    }
  }
  if (scan.images === 1 && xobjects.length === 1 && coversPage(xobjects[0].ctm, pageW, pageH)) scan.single = xobjects[0];
  return scan;
}

/** An image drawn with this transformation is upright, unflipped and covers most of the page. */
export function coversPage(m: number[], pageW: number, pageH: number): boolean {
  const axisAligned = Math.abs(m[1]) < 1e-6 && Math.abs(m[2]) < 1e-6 && m[0] > 0 && m[3] > 0;
  return axisAligned && m[0] * m[3] >= 0.85 * pageW * pageH;
}

export async function openPdf(bytes: Uint8Array, file: string) {
  // A file cut short (download or copy interrupted) lacks the final %%EOF; pdfjs would
  // silently reconstruct what it can and drop the rest, so refuse it instead.
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).subarray(Math.max(0, bytes.byteLength - 2048)).toString('latin1');
  if (!tail.includes('%%EOF')) throw new NoticeError('PDF_CORRUPT', 'the PDF is truncated (no %%EOF end marker): the file is incomplete', { file });
  const pdfjs = await loadPdfjs();
  const dir = pdfjsDir();
  const task = pdfjs.getDocument({
    data: bytes,
    cMapUrl: join(dir, 'cmaps') + '/',
    cMapPacked: true,
    standardFontDataUrl: join(dir, 'standard_fonts') + '/',
    wasmUrl: join(dir, 'wasm') + '/',
    isEvalSupported: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    stopAtErrors: false,
    verbosity: 0,
  });
  try {
    const doc = await task.promise;
    return { pdfjs, doc };
  } catch (e) {
    await task.destroy().catch(() => undefined);
    const name = (e as { name?: string }).name;
    if (name === 'PasswordException') throw new NoticeError('PDF_ENCRYPTED', 'the PDF is encrypted and needs a password', { file, cause: e });
    throw new NoticeError('PDF_CORRUPT', `the PDF cannot be parsed (${errorMessage(e)})`, { file, cause: e });
  }
}

export async function extractPdf(bytes: Uint8Array, file: string, opts: PdfOptions, ocr: () => OcrEngine): Promise<PdfResult> {
  const { pdfjs, doc } = await openPdf(bytes, file);
  const dpi = opts.renderDpi ?? RENDER_DPI;
  const pages: PageResult[] = [];
  const failures: PageFailureResult[] = [];
  const warnings: ExtractWarning[] = [];
  const pending: Promise<void>[] = [];
  try {
    if (doc.numPages === 0) throw new NoticeError('PDF_NO_PAGES', 'the PDF has no pages', { file });
    let slots: Semaphore | null = null;
    let jpegs: ReturnType<typeof embeddedJpegReader> | null = null;

    for (let n = 1; n <= doc.numPages; n++) {
      checkAbort(opts.signal, file, n);
      let page: Awaited<ReturnType<typeof doc.getPage>> | null = null;
      try {
        page = await doc.getPage(n);
        const vp1 = page.getViewport({ scale: 1 });
        const content = await page.getTextContent();
        const items = content.items.filter((it): it is (typeof content.items)[number] & TextItemLike => 'str' in it);
        const lines = linesFromItems(items, vp1.transform, pdfjs.Util.transform);
        const layerText = lines.length ? lines.join('\n') + '\n' : '';
        const hasText = layerText.trim().length > 0;
        const [x0, y0, x1, y1] = page.view;
        // a page that is one JPEG and nothing else skips the operator list (pdf-embedded-jpeg.ts);
        // pdfjs took over `bytes` when it opened the file, so its copy is asked for, once, on the first page without text
        let jpeg: EmbeddedJpeg | null = null;
        if (!hasText && opts.ocr !== 'never') {
          jpegs ??= doc.getData().then(embeddedJpegReader);
          const candidate = (await jpegs)?.(n - 1) ?? null;
          if (candidate && coversPage(candidate.ctm, x1 - x0, y1 - y0)) jpeg = candidate;
        }
        const scan: PageScan = jpeg
          ? { visibleText: false, invisibleText: false, images: 1, single: { id: 'embedded-jpeg', ctm: jpeg.ctm } }
          : scanOperators(pdfjs, await page.getOperatorList(), x1 - x0, y1 - y0);
        const size = { width: vp1.width, height: vp1.height };

        // Decide.
        let ocrReason: string | null = null;
        let layerReason = '';
        if (opts.ocr === 'always') ocrReason = 'OCR forced (--ocr always)';
        else if (!hasText) {
          if (scan.images > 0) ocrReason = 'no text layer';
        } else {
          const verdict = judgeTextLayer(layerText);
          const invisibleOnly = scan.invisibleText && !scan.visibleText;
          if (!verdict.ok) ocrReason = `${invisibleOnly ? 'invisible (render mode 3 or zero opacity) ' : ''}text layer judged poor: ${verdict.reason}`;
          else layerReason = invisibleOnly ? `invisible (render mode 3 or zero opacity) OCR text layer passed quality checks (${verdict.reason})` : `text layer passed quality checks (${verdict.reason})`;
        }
        if (ocrReason !== null && opts.ocr === 'never') {
          warnings.push({ code: 'PAGE_NOT_OCRED', message: `${file}, page ${n}: ${ocrReason}, but OCR is disabled (--ocr never); ${hasText ? 'using the text layer as is' : 'page left empty'}`, page: n });
          pages.push({ number: n, method: 'text-layer', reason: `${ocrReason}; OCR disabled (--ocr never)`, text: layerText, ...size });
          continue;
        }
        if (ocrReason === null) {
          if (!hasText) {
            warnings.push({ code: 'EMPTY_PAGE', message: `${file}, page ${n}: no text and no images (blank page)`, page: n });
            pages.push({ number: n, method: 'text-layer', reason: 'blank page: no text layer and no images', text: '', ...size });
          } else pages.push({ number: n, method: 'text-layer', reason: layerReason, text: layerText, ...size });
          continue;
        }

        // OCR: get the page image (native if the page is one embedded scan), clean it up, read it.
        const engine = ocr();
        slots ??= new Semaphore(engine.workers + 1);
        if (slots.exhausted) opts.whileOcrBusy?.();
        await slots.acquire();
        let prepared: PreparedPage | null = null;
        let how = '';
        try {
          const g = await pageGray(page, scan, dpi, true, jpeg?.jpeg);
          how = g.how;
          prepared = await preparePage({ gray: g, dpi: g.dpi, ...(g.rgb ? { rgb: g.rgb } : {}) }, { detectUpsideDown: opts.detectUpsideDown });
        } catch (e) {
          slots.release();
          throw e;
        }
        const ctx = { file, page: n, reason: `${ocrReason}; OCR of ${how}` };
        const sem = slots;
        pending.push(readPageInto(prepared, engine, ctx, { pages, warnings, failures }, () => sem.release()));
        prepared = null;
      } catch (e) {
        if (e instanceof NoticeError && e.code === 'TIMEOUT') throw e;
        failures.push({ page: n, code: 'PAGE_FAILED', message: `${file}, page ${n}: the page cannot be read (${errorMessage(e)})` });
      } finally {
        page?.cleanup();
      }
    }
    if (pending.length) opts.whileOcrBusy?.();
    await Promise.all(pending);
    checkAbort(opts.signal, file);
    if (pages.length === 0 && failures.length > 0)
      throw new NoticeError('PDF_CORRUPT', `no page could be read (${failures[0].message})`, { file });
    pages.sort((a, b) => a.number - b.number);
    failures.sort((a, b) => a.page - b.page);
    warnings.sort((a, b) => (a.page ?? 0) - (b.page ?? 0));
    return { pages, failures, warnings };
  } finally {
    await Promise.allSettled(pending);
    await doc.destroy();
  }
}
