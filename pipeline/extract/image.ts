/** Image input (PNG, JPEG, TIFF incl. multi-page) via sharp, OCR'd page by page. */
import sharp from 'sharp';
import type { Metadata } from 'sharp';
import { NoticeError } from '../errors.ts';
import type { OcrEngine } from './ocr.ts';
import { toPgm } from './ocr.ts';
import { prepareForOcr } from './preprocess.ts';
import type { ExtractWarning, PageFailureResult, PageResult } from './pages.ts';
import { Semaphore, checkAbort, errorMessage } from './pages.ts';

export const DEFAULT_MAX_IMAGE_PIXELS = 100_000_000;

export interface ImageOptions {
  ocr: 'auto' | 'always' | 'never';
  maxImagePixels?: number;
  signal?: AbortSignal;
}

export async function extractImage(file: string, opts: ImageOptions, ocr: () => OcrEngine): Promise<{ pages: PageResult[]; failures: PageFailureResult[]; warnings: ExtractWarning[] }> {
  const max = opts.maxImagePixels ?? DEFAULT_MAX_IMAGE_PIXELS;
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
      await slots.acquire();
      let pgm: Buffer;
      let size: { width: number; height: number };
      let note: string;
      try {
        const { data, info } = await sharp(file, { page: n - 1, limitInputPixels: max })
          .rotate()
          .flatten({ background: '#ffffff' })
          .greyscale()
          .raw()
          .toBuffer({ resolveWithObject: true });
        const gray = info.channels === 1 ? data : extractChannel(data, info.width, info.height, info.channels);
        const prepared = await prepareForOcr({ gray, width: info.width, height: info.height });
        note = prepared.note;
        pgm = toPgm(prepared.image.gray, prepared.image.width, prepared.image.height);
        size = { width: prepared.image.width, height: prepared.image.height };
      } catch (e) {
        slots.release();
        const message = `${file}, page ${n}: the image cannot be decoded (${errorMessage(e)})`;
        if (nPages === 1) throw new NoticeError('IMAGE_CORRUPT', `the image cannot be decoded (${errorMessage(e)})`, { file, page: n, cause: e });
        failures.push({ page: n, code: 'PAGE_FAILED', message });
        continue;
      }
      const pageNo = n;
      const dpi = meta.density ? `, ${Math.round(meta.density)} dpi` : '';
      pending.push(
        engine
          .recognize(pgm)
          .then((r) => {
            if (r.text.trim().length === 0) warnings.push({ code: 'EMPTY_PAGE', message: `${file}, page ${pageNo}: OCR found no text`, page: pageNo });
            pages.push({ number: pageNo, method: 'ocr', reason: `image input (${format}${nPages > 1 ? `, page ${pageNo} of ${nPages}` : ''}${dpi}): OCR at native resolution; ${note}`, text: r.text, confidence: r.confidence, engine: engine.name, symbols: r.symbols, ...size });
          })
          .catch((e) => {
            failures.push({ page: pageNo, code: 'OCR_FAILED', message: `${file}, page ${pageNo}: OCR failed (${errorMessage(e)})` });
          })
          .finally(() => slots.release()),
      );
    }
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

/** First channel of interleaved pixels (sharp keeps alpha with greyscale()). */
function extractChannel(data: Buffer, w: number, h: number, channels: number): Uint8Array {
  const out = new Uint8Array(w * h);
  for (let i = 0, j = 0; i < out.length; i++, j += channels) out[i] = data[j];
  return out;
}
