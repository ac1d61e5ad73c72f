/**
 * Extraction: input file → `original` text + per-page info + OCR evidence.
 * Text files are decoded; PDFs use the text layer where it is good and OCR
 * elsewhere; images are OCR'd. See README.md for the decisions and figures.
 */
import { open, readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { NoticeErrorCode } from '../errors.ts';
import { NoticeError } from '../errors.ts';
import type { BBox, PageInfo } from '../schema.ts';
import { extractImage } from './image.ts';
import { DEFAULT_ENGINE, TesseractEngine } from './ocr.ts';
import type { EngineName, OcrEngine, OcrModel } from './ocr.ts';
import { PpocrEngine } from './ppocr/engine.ts';
import type { ExtractWarning, PageFailureResult, PageResult } from './pages.ts';
import { checkAbort, errorMessage } from './pages.ts';
import { extractPdf } from './pdf.ts';
import { decodeText, textPages } from './text.ts';
import type { DetectUpsideDown } from './page-image/upside-down.ts';

export interface CharEvidence {
  start: number;
  end: number;
  page: number;
  confidence: number /* 0..1 */;
  bbox?: BBox;
  alternatives?: { text: string; confidence: number }[];
}
export interface ExtractedPage extends PageInfo {}
export interface PageFailure {
  page: number;
  code: NoticeErrorCode;
  message: string;
}
export interface Extraction {
  kind: 'text' | 'pdf' | 'image';
  encoding: string | null;
  original: string;
  pages: ExtractedPage[];
  evidence: CharEvidence[];
  failures: PageFailure[];
  warnings: { code: string; message: string; page?: number }[];
}
export interface ExtractOptions {
  ocr: 'auto' | 'always' | 'never';
  maxImagePixels?: number;
  signal?: AbortSignal;
  /**
   * Called when the extractor has handed the OCR workers all the pages they can take and waits
   * for them (every time; it must be cheap after the first): the caller's chance to do its own
   * setup on this thread meanwhile (the pipeline builds its corrector there).
   */
  whileOcrBusy?: () => void;
}
export interface Extractor {
  extract(file: string, opts: ExtractOptions): Promise<Extraction>;
  close(): Promise<void>;
}

export const IMAGE_EXTENSIONS = ['.png', '.jpg', '.jpeg', '.tif', '.tiff'];

/** Join page texts with '\n' (each non-empty page text already ends with '\n'); shift evidence to absolute offsets. */
export function assemble(kind: Extraction['kind'], encoding: string | null, results: PageResult[], failures: PageFailureResult[], warnings: ExtractWarning[]): Extraction {
  let original = '';
  const pages: ExtractedPage[] = [];
  const evidence: CharEvidence[] = [];
  results.forEach((r, i) => {
    if (i > 0) original += '\n';
    const start = original.length;
    original += r.text;
    const page: ExtractedPage = { number: r.number, method: r.method, reason: r.reason, original: { start, end: original.length } };
    if (r.confidence !== undefined) page.confidence = r.confidence;
    if (r.engine !== undefined) page.engine = r.engine;
    if (r.width !== undefined) page.width = r.width;
    if (r.height !== undefined) page.height = r.height;
    if (r.rotation !== undefined) page.rotation = r.rotation;
    if (r.skew !== undefined) page.skew = r.skew;
    if (r.seals?.length) page.seals = r.seals;
    pages.push(page);
    for (const s of r.symbols ?? []) {
      const ev: CharEvidence = { start: start + s.start, end: start + s.end, page: r.number, confidence: s.confidence, bbox: s.bbox };
      if (s.alternatives?.length) ev.alternatives = s.alternatives;
      evidence.push(ev);
    }
  });
  return { kind, encoding, original, pages, evidence, failures, warnings };
}

async function sniff(file: string): Promise<Buffer> {
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.alloc(8);
    const { bytesRead } = await fh.read(buf, 0, 8, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

function kindOf(file: string, head: Buffer): 'pdf' | 'image' | 'text' {
  const ext = extname(file).toLowerCase();
  if (ext === '.pdf') return 'pdf';
  if (IMAGE_EXTENSIONS.includes(ext)) return 'image';
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  const png = head[0] === 0x89 && head.subarray(1, 4).toString('latin1') === 'PNG';
  const jpg = head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff;
  const tif = (head[0] === 0x49 && head[1] === 0x49 && head[2] === 0x2a && head[3] === 0) || (head[0] === 0x4d && head[1] === 0x4d && head[2] === 0 && head[3] === 0x2a);
  if (png || jpg || tif) return 'image';
  return 'text';
}

export interface ExtractorConfig {
  /** OCR engine for scanned pages (default `ppocr`; `tesseract` = tesseract.js). */
  engine?: EngineName;
  /** Pages OCR'd at the same time (threads or tesseract workers). */
  workers?: number;
  /** tesseract only: language packages and model. */
  langs?: string[];
  model?: OcrModel;
  renderDpi?: number;
  /** How an upside-down page is told (default: the page-image layout rule). */
  detectUpsideDown?: DetectUpsideDown;
}

/** The engine named in the config, not started: models load on the first page that needs OCR. */
export function createEngine(config: ExtractorConfig): OcrEngine {
  const name = config.engine ?? DEFAULT_ENGINE;
  if (name === 'tesseract') return new TesseractEngine(config);
  if (name === 'ppocr') return new PpocrEngine({ workers: config.workers });
  throw new Error(`unknown OCR engine "${String(name)}" (ppocr or tesseract)`);
}

export function createExtractor(config: ExtractorConfig = {}): Extractor {
  let engine: OcrEngine | null = null;
  const ocr = () => (engine ??= createEngine(config));

  return {
    async extract(file: string, opts: ExtractOptions): Promise<Extraction> {
      checkAbort(opts.signal, file);
      let st;
      try {
        st = await stat(file);
      } catch (e) {
        throw new NoticeError('NOT_FOUND', `cannot read the input (${(e as NodeJS.ErrnoException).code ?? errorMessage(e)})`, { file, cause: e });
      }
      if (!st.isFile()) throw new NoticeError('UNSUPPORTED_INPUT', 'not a regular file', { file });
      if (st.size === 0) throw new NoticeError('EMPTY_FILE', 'the file is empty (0 bytes)', { file });
      const kind = kindOf(file, await sniff(file));

      if (kind === 'image') {
        const r = await extractImage(file, { ...opts, detectUpsideDown: config.detectUpsideDown }, ocr);
        return assemble('image', null, r.pages, r.failures, r.warnings);
      }
      const bytes = await readFile(file);
      if (kind === 'pdf') {
        if (bytes.subarray(0, 1024).indexOf('%PDF-') < 0) throw new NoticeError('PDF_CORRUPT', 'the file has a .pdf name but no %PDF- header', { file });
        const r = await extractPdf(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), file, { ocr: opts.ocr, signal: opts.signal, whileOcrBusy: opts.whileOcrBusy, renderDpi: config.renderDpi, detectUpsideDown: config.detectUpsideDown }, ocr);
        return assemble('pdf', null, r.pages, r.failures, r.warnings);
      }
      const { encoding, text } = decodeText(bytes, file);
      const spans = textPages(text);
      const pages: ExtractedPage[] = spans.map((original, i) => ({ number: i + 1, method: 'text', reason: `plain text input (${encoding})${spans.length > 1 ? `, page ${i + 1} of ${spans.length} (form feeds)` : ''}`, original }));
      return { kind: 'text', encoding, original: text, pages, evidence: [], failures: [], warnings: [] };
    },
    async close(): Promise<void> {
      const e = engine;
      engine = null;
      await e?.close();
    },
  };
}
