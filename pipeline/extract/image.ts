/** Image input (PNG, JPEG, TIFF incl. multi-page) via sharp, OCR'd page by page. */
import { loadSharp } from './native-modules.ts';
import type { Metadata } from 'sharp';
import { NoticeError } from '../errors.ts';
import type { OcrEngine } from './ocr.ts';
import { toGray } from './ocr.ts';
import { MIN_RED_SHARE, redShareOf } from './page-image/red.ts';
import type { DetectUpsideDown } from './page-image/upside-down.ts';
import { preparePage, type PreparedPage } from './prepare-page.ts';
import { readPageInto } from './read-page.ts';
import type { ExtractWarning, PageFailureResult, PageResult } from './pages.ts';
import { Semaphore, checkAbort, errorMessage } from './pages.ts';

export const DEFAULT_MAX_IMAGE_PIXELS = 100_000_000;

export interface ImageOptions {
  ocr: 'auto' | 'always' | 'never';
  maxImagePixels?: number;
  signal?: AbortSignal;
  /** Text-direction classifier for upside-down pages (default: the layout rule in page-image/). */
  detectUpsideDown?: DetectUpsideDown;
  /** See ExtractOptions.whileOcrBusy (index.ts). */
  whileOcrBusy?: () => void;
}

export async function extractImage(file: string, opts: ImageOptions, ocr: () => OcrEngine): Promise<{ pages: PageResult[]; failures: PageFailureResult[]; warnings: ExtractWarning[] }> {
  const max = opts.maxImagePixels ?? DEFAULT_MAX_IMAGE_PIXELS;
  const sharp = await loadSharp();
  let meta: Metadata;
  try {
    // Header only: nothing is decoded here, so a huge image is refused at once.
    meta = await sharp(file, { limitInputPixels: false }).metadata();
  } catch (e) {
    throw new NoticeError('IMAGE_CORRUPT', `not a readable image (${errorMessage(e)})`, { file, cause: e });
  }
  const { width, height, format } = meta;
  if (!width || !height) throw new NoticeError('IMAGE_CORRUPT', `the ${format ?? 'image'} header gives no size`, { file });
  if (width * height > max)
    throw new NoticeError('IMAGE_TOO_LARGE', `the image is ${width}x${height} = ${(width * height / 1e6).toFixed(0)} megapixels, over the limit of ${(max / 1e6).toFixed(0)} megapixels`, { file });
  const nPages = Math.max(1, meta.pages ?? 1);

  const pages: PageResult[] = [];
  const failures: PageFailureResult[] = [];
  const warnings: ExtractWarning[] = [];
  if (opts.ocr === 'never') {
    for (let n = 1; n <= nPages; n++) {
      warnings.push({ code: 'PAGE_NOT_OCRED', message: `${file}, page ${n}: an image needs OCR, but OCR is disabled (--ocr never); page left empty`, page: n });
      pages.push({ number: n, method: 'ocr', reason: 'image input; OCR disabled (--ocr never), page left empty', text: '', width, height });
    }
    return { pages, failures, warnings };
  }

  const engine = ocr();
  const slots = new Semaphore(engine.workers + 1);
  const pending: Promise<void>[] = [];
  try {
    for (let n = 1; n <= nPages; n++) {
      checkAbort(opts.signal, file, n);
      if (slots.exhausted) opts.whileOcrBusy?.();
      await slots.acquire();
      let prepared: PreparedPage;
      const dpi = meta.density ? `, ${Math.round(meta.density)} dpi` : '';
      try {
        // Colour kept (RGB) so that red seals and mastheads can be separated from black text.
        const { data, info } = await sharp(file, { page: n - 1, limitInputPixels: max })
          .rotate()
          .flatten({ background: '#ffffff' })
          .toColourspace('srgb')
          .removeAlpha()
          .raw()
          .toBuffer({ resolveWithObject: true });
        const px = new Uint8Array(data.buffer, data.byteOffset, info.width * info.height * info.channels);
        const gray = { gray: toGray(px, info.width, info.height, info.channels), width: info.width, height: info.height };
        const colour = info.channels === 3 && redShareOf(px, 3) >= MIN_RED_SHARE;
        prepared = await preparePage({ gray, dpi: meta.density ?? 200, ...(colour ? { rgb: { rgb: px, width: info.width, height: info.height } } : {}) }, { detectUpsideDown: opts.detectUpsideDown });
      } catch (e) {
        slots.release();
        const message = `${file}, page ${n}: the image cannot be decoded (${errorMessage(e)})`;
        if (nPages === 1) throw new NoticeError('IMAGE_CORRUPT', `the image cannot be decoded (${errorMessage(e)})`, { file, page: n, cause: e });
        failures.push({ page: n, code: 'PAGE_FAILED', message });
        continue;
      }
      const ctx = { file, page: n, reason: `image input (${format}${nPages > 1 ? `, page ${n} of ${nPages}` : ''}${dpi}): OCR at native resolution` };
      pending.push(readPageInto(prepared, engine, ctx, { pages, warnings, failures }, () => slots.release()));
    }
    if (pending.length) opts.whileOcrBusy?.();
    await Promise.all(pending);
  } finally {
    await Promise.allSettled(pending);
  }
  if (pages.length === 0) throw new NoticeError('IMAGE_CORRUPT', `no page of the image could be read (${failures[0]?.message ?? 'unknown error'})`, { file });
  pages.sort((a, b) => a.number - b.number);
  failures.sort((a, b) => a.page - b.page);
  warnings.sort((a, b) => (a.page ?? 0) - (b.page ?? 0));
  return { pages, failures, warnings };
}
