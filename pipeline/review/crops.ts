/**
 * Page-image crops for the HTML review page: the piece of the scanned page where
 * each OCR'd correction sits (`page` + `bbox` of the JSON), re-rendered from
 * `source.file` and embedded as small JPEG data: URIs. Never fails the review:
 * when the source is missing or changed, `reason` says so.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { loadCanvas, loadSharp } from '../extract/native-modules.ts';
import type { Sharp } from 'sharp';
import { openPdf } from '../extract/pdf.ts';
import type { BBox, NoticeDocument } from '../schema.ts';

export interface Crops {
  available: boolean;
  /** why there are no crops (source missing, changed, not scanned…) */
  reason?: string;
  /** change id -> data: URI */
  images: Record<string, string>;
}

/** Where the source is now: as given (relative to the cwd), else relative to the .json's folder. */
export function findSource(doc: NoticeDocument, jsonPath: string): string | null {
  const f = doc.source.file;
  for (const p of [resolve(f), resolve(dirname(jsonPath), f)]) if (existsSync(p)) return p;
  return null;
}

/** The bbox widened to show its line: a margin of one box height, at least 120 px wide each side. */
export function cropBox(b: BBox, pageW: number, pageH: number): { left: number; top: number; width: number; height: number } {
  const padY = Math.max(8, Math.round(b.height * 0.6));
  const padX = Math.max(120, b.height * 4);
  const left = Math.max(0, Math.floor(b.x - padX));
  const top = Math.max(0, Math.floor(b.y - padY));
  const right = Math.min(pageW, Math.ceil(b.x + b.width + padX));
  const bottom = Math.min(pageH, Math.ceil(b.y + b.height + padY));
  return { left, top, width: Math.max(1, right - left), height: Math.max(1, bottom - top) };
}

async function toDataUri(page: Sharp, box: ReturnType<typeof cropBox>, b: BBox): Promise<string> {
  // outline the box itself so the reader sees which glyph was changed
  const rx = Math.round(b.x - box.left);
  const ry = Math.round(b.y - box.top);
  const svg = `<svg width="${box.width}" height="${box.height}" xmlns="http://www.w3.org/2000/svg"><rect x="${rx - 2}" y="${ry - 2}" width="${Math.round(b.width) + 4}" height="${Math.round(b.height) + 4}" fill="none" stroke="#e0218a" stroke-width="3"/></svg>`;
  const cut = await page.clone().extract(box).png().toBuffer();
  const sharp = await loadSharp();
  // sharp resizes before compositing, so outline first, then shrink in a second pass
  const outlined = await sharp(cut).composite([{ input: Buffer.from(svg) }]).png().toBuffer();
  const jpg = await sharp(outlined)
    .resize({ height: Math.min(box.height, 90), withoutEnlargement: true })
    .jpeg({ quality: 70 })
    .toBuffer();
  return `data:image/jpeg;base64,${jpg.toString('base64')}`;
}

async function pdfPageImage(bytes: Uint8Array, file: string, pageNo: number, width: number): Promise<Sharp> {
  const { doc } = await openPdf(new Uint8Array(bytes), file);
  const [sharp, { createCanvas }] = await Promise.all([loadSharp(), loadCanvas()]);
  try {
    const page = await doc.getPage(pageNo);
    const vp1 = page.getViewport({ scale: 1 });
    const vp = page.getViewport({ scale: width / vp1.width });
    const canvas = createCanvas(Math.ceil(vp.width), Math.ceil(vp.height));
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    await page.render({ canvasContext: ctx as never, canvas: canvas as never, viewport: vp }).promise;
    return sharp(await canvas.encode('png'));
  } finally {
    await doc.destroy();
  }
}

export async function cropsFor(doc: NoticeDocument, jsonPath: string): Promise<Crops> {
  const wanted = [...doc.corrections, ...doc.suggestions].filter((c) => c.page !== undefined && c.bbox);
  if (doc.source.kind === 'text') return { available: false, reason: 'text input: no page images', images: {} };
  if (wanted.length === 0) return { available: false, reason: 'no change has a page position (bbox)', images: {} };
  const path = findSource(doc, jsonPath);
  if (!path) return { available: false, reason: `source file ${doc.source.file} not found: page crops not shown`, images: {} };
  const bytes = await readFile(path);
  const sha = createHash('sha256').update(bytes).digest('hex');
  if (sha !== doc.source.sha256) return { available: false, reason: `source file ${doc.source.file} has changed since conversion (sha256 differs): page crops not shown`, images: {} };

  const images: Record<string, string> = {};
  const sharp = await loadSharp();
  const byPage = new Map<number, typeof wanted>();
  for (const c of wanted) byPage.set(c.page!, [...(byPage.get(c.page!) ?? []), c]);
  try {
    for (const [n, cs] of byPage) {
      const info = doc.source.pages.find((p) => p.number === n);
      if (!info?.width || !info.height) continue;
      const img = doc.source.kind === 'pdf'
        ? await pdfPageImage(bytes, path, n, info.width)
        : sharp(path, { page: n - 1, limitInputPixels: false }).rotate().flatten({ background: '#ffffff' });
      const meta = await sharp(await img.clone().png().toBuffer()).metadata();
      const w = meta.width ?? info.width;
      const h = meta.height ?? info.height;
      for (const c of cs) images[c.id] = await toDataUri(img, cropBox(c.bbox!, w, h), c.bbox!);
    }
  } catch (e) {
    return { available: Object.keys(images).length > 0, reason: `page images could not be rendered: ${(e as Error).message}`, images };
  }
  return { available: true, images };
}
