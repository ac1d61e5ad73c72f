/**
 * A PDF page's pixels for OCR: the embedded scan itself when the page is one axis-aligned
 * image covering it (downsampled above MAX_NATIVE_DPI), else a render at the given dpi; colour
 * only when the page has red ink (seals, mastheads) to separate.
 */
import { loadCanvas, loadSharp } from './native-modules.ts';
import { toGray } from './ocr.ts';
import type { Rgb } from './page-image/types.ts';
import { MIN_RED_SHARE, redShareOf } from './page-image/red.ts';
import type { PageScan, openPdf } from './pdf.ts';

/** Above this effective resolution an embedded scan is downsampled to the render resolution (200 dpi read better than 300, see README.md). */
export const MAX_NATIVE_DPI = 250;

/** Not a pdfjs ImageKind (those are 1–3): 8-bit grey pixels, from decodeJpeg only. */
const GRAY_8BPP = 8;

interface ImageObj {
  width: number;
  height: number;
  kind?: number;
  data?: Uint8Array | Uint8ClampedArray;
}

function imageToGray(img: ImageObj): Uint8Array | null {
  const { width: w, height: h, kind, data } = img;
  if (!data) return null;
  if (kind === GRAY_8BPP) return data instanceof Uint8Array ? data : new Uint8Array(data.buffer, data.byteOffset, data.length);
  if (kind === 2) return toGray(data, w, h, 3);
  if (kind === 3) return toGray(data, w, h, 4);
  if (kind === 1) {
    const rowBytes = (w + 7) >> 3;
    const out = new Uint8Array(w * h);
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) out[y * w + x] = data[y * rowBytes + (x >> 3)] & (0x80 >> (x & 7)) ? 255 : 0;
    return out;
  }
  return null;
}

/** The decoded image object; pdfjs sends it from its worker shortly after the operator list. */
function getObj(page: { objs: { get(id: string, cb?: (v: unknown) => void): unknown }; commonObjs: { get(id: string, cb?: (v: unknown) => void): unknown } }, id: string, timeoutMs = 10_000): Promise<ImageObj | null> {
  const store = id.startsWith('g_') ? page.commonObjs : page.objs;
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), timeoutMs);
    try {
      store.get(id, (v) => {
        clearTimeout(timer);
        resolve((v as ImageObj) ?? null);
      });
    } catch {
      clearTimeout(timer);
      resolve(null);
    }
  });
}

/** The embedded JPEG of a one-image page (pdf-embedded-jpeg.ts), as pdfjs would have given it: grey, or RGB (kind 2). */
async function decodeJpeg(jpeg: Uint8Array): Promise<ImageObj | null> {
  const sharp = await loadSharp();
  const decoded = await sharp(jpeg).raw().toBuffer({ resolveWithObject: true }).catch(() => null);
  if (!decoded) return null; // a JPEG libjpeg refuses: the page is rendered by pdfjs instead
  const { data, info } = decoded;
  const px = new Uint8Array(data.buffer, data.byteOffset, data.length);
  if (info.channels === 3) return { width: info.width, height: info.height, kind: 2, data: px };
  if (info.channels === 1) return { width: info.width, height: info.height, kind: GRAY_8BPP, data: px };
  return null;
}

type PdfPage = Awaited<ReturnType<Awaited<ReturnType<typeof openPdf>>['doc']['getPage']>>;

/**
 * Grayscale pixels of a page for OCR: the embedded scan at its own resolution when the
 * page is one axis-aligned image covering it (and `native`), else a render at `dpi`.
 */
export async function pageGray(page: PdfPage, scan: PageScan | null, dpi: number, native: boolean, jpeg?: Uint8Array): Promise<PagePixelsRead> {
  if (native && scan?.single && page.rotate % 360 === 0) {
    const obj = jpeg ? await decodeJpeg(jpeg) : await getObj(page as never, scan.single.id);
    const gray = obj ? imageToGray(obj) : null;
    if (obj && gray) {
      const nativeDpi = (obj.width / scan.single.ctm[0]) * 72;
      const how = `embedded image ${obj.width}x${obj.height} (${Math.round(nativeDpi)} dpi)`;
      const rgb = colourOf(obj);
      if (nativeDpi <= MAX_NATIVE_DPI) return { gray, width: obj.width, height: obj.height, how, dpi: nativeDpi, ...(rgb ? { rgb: { rgb, width: obj.width, height: obj.height } } : {}) };
      const width = Math.round((obj.width * dpi) / nativeDpi);
      const src = rgb ?? gray;
      const channels = rgb ? 3 : 1;
      const sharp = await loadSharp();
      const { data, info } = await sharp(Buffer.from(src.buffer, src.byteOffset, src.length), { raw: { width: obj.width, height: obj.height, channels } })
        .resize({ width, kernel: 'lanczos3' })
        .toColourspace(rgb ? 'srgb' : 'b-w')
        .raw()
        .toBuffer({ resolveWithObject: true });
      const px = new Uint8Array(data.buffer, data.byteOffset, info.width * info.height * channels);
      const small = { width: info.width, height: info.height, how: `${how} downsampled to ${dpi} dpi`, dpi };
      return rgb ? { ...small, gray: toGray(px, info.width, info.height, 3), rgb: { rgb: px, width: info.width, height: info.height } } : { ...small, gray: px };
    }
  }
  const vp = page.getViewport({ scale: dpi / 72 });
  const w = Math.ceil(vp.width);
  const h = Math.ceil(vp.height);
  const { createCanvas } = await loadCanvas();
  const canvas = createCanvas(w, h);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, w, h);
  await page.render({ canvasContext: ctx as never, canvas: canvas as never, viewport: vp }).promise;
  const data = ctx.getImageData(0, 0, w, h).data;
  const base = { gray: toGray(data, w, h, 4), width: w, height: h, how: `rendered at ${dpi} dpi`, dpi };
  if (redShareOf(data, 4) < MIN_RED_SHARE) return base;
  const rgb = new Uint8Array(w * h * 3);
  for (let i = 0, j = 0; j < data.length; i += 3, j += 4) {
    rgb[i] = data[j];
    rgb[i + 1] = data[j + 1];
    rgb[i + 2] = data[j + 2];
  }
  return { ...base, rgb: { rgb, width: w, height: h } };
}

export interface PagePixelsRead {
  gray: Uint8Array;
  width: number;
  height: number;
  how: string;
  dpi: number;
  /** Colour pixels, only when the page has red ink (seals, mastheads) to separate. */
  rgb?: Rgb;
}

/** RGB pixels of an embedded RGB image with red ink in it, else null (grey pages stay grey). */
function colourOf(img: ImageObj): Uint8Array | null {
  if (!img.data || img.kind !== 2 || redShareOf(img.data, 3) < MIN_RED_SHARE) return null;
  const d = img.data;
  return d instanceof Uint8Array ? d : new Uint8Array(d.buffer, d.byteOffset, d.length);
}
