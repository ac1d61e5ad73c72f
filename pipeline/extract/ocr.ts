/**
 * OCR engines behind one interface (`OcrEngine`: PGM P5 bytes in, `OcrPage` out),
 * and the tesseract.js engine. The PP-OCR engine (the default) is in ./ppocr/.
 *
 * tesseract.js runs fully offline: language data is read from the
 * @tesseract.js-data packages in node_modules (never the network, never a cache
 * in the working directory). One scheduler with N workers per extractor,
 * started on first need and reused for every page of every file.
 */
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Tesseract from 'tesseract.js';
import type { BBox } from '../schema.ts';
import { rgbToGrey } from './page-image/rgb-to-grey.ts';

export type OcrModel = '4.0.0' | '4.0.0_best_int';

export interface OcrConfig {
  workers?: number;
  langs?: string[];
  model?: OcrModel;
  /** Extra tesseract parameters set on every worker (e.g. `{ tessedit_pageseg_mode: '6' }`). */
  parameters?: Record<string, string>;
}

/** Choice recorded in README.md: best_int (LSTM only) — see the measurements there. */
export const DEFAULT_MODEL: OcrModel = '4.0.0_best_int';
export const DEFAULT_LANGS = ['chi_sim'];
/** Tesseract parameters set on every worker (choice and measurements: README.md). */
export const DEFAULT_PARAMETERS: Record<string, string> = {};

export interface OcrSymbol {
  start: number;
  end: number;
  confidence: number;
  bbox: BBox;
  alternatives?: { text: string; confidence: number }[];
}

export interface OcrPage {
  /** Raw OCR text: words joined by tesseract's spaces, each line ends with '\n', blank line between paragraphs. */
  text: string;
  /** Offsets relative to `text`. */
  symbols: OcrSymbol[];
  /** Mean word confidence, 0..1 (0 when nothing was read). */
  confidence: number;
  words: number;
}

export type EngineName = 'ppocr' | 'tesseract';
export const ENGINE_NAMES: readonly EngineName[] = ['ppocr', 'tesseract'];
/** The default engine (measurements: README.md, "OCR engines"). */
export const DEFAULT_ENGINE: EngineName = 'ppocr';

/** What the extractor needs from an OCR engine. One instance per extractor, reused for every page. */
export interface OcrEngine {
  readonly name: EngineName;
  /** Pages recognised at the same time (the extractor keeps at most workers + 1 page images). */
  readonly workers: number;
  readonly started: boolean;
  /** Recognise one page image: grayscale PGM (P5) bytes. */
  recognize(image: Buffer): Promise<OcrPage>;
  close(): Promise<void>;
}

export function langDataDir(lang: string, model: OcrModel): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve(`@tesseract.js-data/${lang}/package.json`)), model);
}

interface TBox { x0: number; y0: number; x1: number; y1: number }
interface TSymbol { text: string; confidence: number; bbox: TBox; choices?: { text: string; confidence: number }[] }
interface TWord { text: string; confidence: number; bbox: TBox; symbols: TSymbol[]; choices?: { text: string; confidence: number }[] }
interface TLine { words: TWord[] }
interface TParagraph { lines: TLine[] }
interface TBlock { paragraphs: TParagraph[] }

const toBox = (b: TBox): BBox => ({ x: b.x0, y: b.y0, width: b.x1 - b.x0, height: b.y1 - b.y0 });

/** Flatten tesseract's block tree into text + per-symbol evidence. */
export function pageFromBlocks(blocks: TBlock[] | null | undefined): OcrPage {
  let text = '';
  const symbols: OcrSymbol[] = [];
  let confSum = 0;
  let words = 0;
  for (const block of blocks ?? []) {
    for (const para of block.paragraphs ?? []) {
      let wrote = false;
      for (const line of para.lines ?? []) {
        const ws = (line.words ?? []).filter((w) => w.text.length > 0);
        if (ws.length === 0) continue;
        ws.forEach((w, wi) => {
          if (wi > 0) text += ' ';
          confSum += w.confidence;
          words++;
          const wordStart = text.length;
          const syms = w.symbols ?? [];
          if (syms.length > 0 && syms.map((s) => s.text).join('') === w.text) {
            for (const s of syms) {
              const start = text.length;
              text += s.text;
              const ev: OcrSymbol = { start, end: text.length, confidence: clamp01(s.confidence / 100), bbox: toBox(s.bbox) };
              const alts = (s.choices ?? []).filter((c) => c.text !== s.text);
              if (alts.length) ev.alternatives = alts.map((c) => ({ text: c.text, confidence: clamp01(c.confidence / 100) }));
              symbols.push(ev);
            }
          } else {
            text += w.text;
            symbols.push({ start: wordStart, end: text.length, confidence: clamp01(w.confidence / 100), bbox: toBox(w.bbox) });
          }
          // Word-level alternatives (tesseract gives them per word): attach to a single-symbol word.
          const wordAlts = (w.choices ?? []).filter((c) => c.text !== w.text);
          if (wordAlts.length && symbols.length && symbols[symbols.length - 1].start === wordStart) {
            const last = symbols[symbols.length - 1];
            last.alternatives = [...(last.alternatives ?? []), ...wordAlts.map((c) => ({ text: c.text, confidence: clamp01(c.confidence / 100) }))];
          }
        });
        text += '\n';
        wrote = true;
      }
      if (wrote) text += '\n';
    }
  }
  // Drop the final paragraph break: the page text ends with exactly one '\n'.
  if (text.endsWith('\n\n')) text = text.slice(0, -1);
  return { text, symbols, confidence: words ? confSum / words / 100 : 0, words };
}

function clamp01(x: number): number {
  return Math.max(0, Math.min(1, x));
}

export class TesseractEngine implements OcrEngine {
  readonly name = 'tesseract' as const;
  readonly workers: number;
  readonly langs: string[];
  readonly model: OcrModel;
  readonly parameters: Record<string, string>;
  private scheduler: Tesseract.Scheduler | null = null;
  private starting: Promise<Tesseract.Scheduler> | null = null;
  private tmpLangDir: string | null = null;

  constructor(config: OcrConfig = {}) {
    this.workers = Math.max(1, config.workers ?? availableParallelism());
    this.langs = config.langs?.length ? config.langs : DEFAULT_LANGS;
    this.model = config.model ?? DEFAULT_MODEL;
    this.parameters = { ...DEFAULT_PARAMETERS, ...config.parameters };
  }

  get started(): boolean {
    return this.scheduler !== null || this.starting !== null;
  }

  private langPath(): string {
    if (this.langs.length === 1) return langDataDir(this.langs[0], this.model);
    // Several packages: one temp folder of symlinks, removed on close().
    this.tmpLangDir = mkdtempSync(join(tmpdir(), 'notice-tessdata-'));
    for (const l of this.langs) symlinkSync(join(langDataDir(l, this.model), `${l}.traineddata.gz`), join(this.tmpLangDir, `${l}.traineddata.gz`));
    return this.tmpLangDir;
  }

  private start(): Promise<Tesseract.Scheduler> {
    if (this.scheduler) return Promise.resolve(this.scheduler);
    if (!this.starting) {
      this.starting = (async () => {
        const langPath = this.langPath();
        const scheduler = Tesseract.createScheduler();
        const made = await Promise.all(
          Array.from({ length: this.workers }, () =>
            Tesseract.createWorker(this.langs.join('+'), Tesseract.OEM.LSTM_ONLY, {
              langPath,
              cacheMethod: 'none',
              gzip: true,
            } as Partial<Tesseract.WorkerOptions>),
          ),
        );
        if (Object.keys(this.parameters).length) await Promise.all(made.map((w) => w.setParameters(this.parameters as Partial<Tesseract.WorkerParams>)));
        for (const w of made) scheduler.addWorker(w);
        this.scheduler = scheduler;
        return scheduler;
      })();
    }
    return this.starting;
  }

  /** Recognise one encoded image (PGM/PNG/JPEG/TIFF bytes). */
  async recognize(image: Buffer): Promise<OcrPage> {
    const scheduler = await this.start();
    const res = (await scheduler.addJob('recognize', image, {}, { blocks: true, text: false })) as Tesseract.RecognizeResult;
    return pageFromBlocks(res.data.blocks as unknown as TBlock[]);
  }

  async close(): Promise<void> {
    const starting = this.starting;
    this.starting = null;
    if (starting) {
      try {
        const s = await starting;
        await s.terminate();
      } catch {
        /* start failed: nothing to terminate */
      }
    }
    this.scheduler = null;
    if (this.tmpLangDir) {
      rmSync(this.tmpLangDir, { recursive: true, force: true });
      this.tmpLangDir = null;
    }
  }
}

/** Grayscale PGM (P5) bytes — Leptonica reads them much faster than PNG. */
export function toPgm(gray: Uint8Array, width: number, height: number): Buffer {
  const header = Buffer.from(`P5\n${width} ${height}\n255\n`, 'ascii');
  return Buffer.concat([header, Buffer.from(gray.buffer, gray.byteOffset, width * height)]);
}

/** RGBA (or RGB / gray) pixels to 8-bit gray (Rec. 601 luma). */
export function toGray(data: Uint8Array | Uint8ClampedArray, width: number, height: number, channels: number): Uint8Array {
  const n = width * height;
  if (channels === 1) return data instanceof Uint8Array ? data : new Uint8Array(data.buffer, data.byteOffset, n);
  if (channels === 3) return rgbToGrey(data, n);
  const out = new Uint8Array(n);
  for (let i = 0, j = 0; i < n; i++, j += channels) {
    let v = (data[j] * 299 + data[j + 1] * 587 + data[j + 2] * 114) / 1000;
    if (channels === 4) {
      const a = data[j + 3] / 255; // composite on white
      v = v * a + 255 * (1 - a);
    }
    out[i] = v;
  }
  return out;
}
