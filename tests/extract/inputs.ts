/**
 * Small inputs for the extraction tests, built at test time (no large files in git):
 * PDFs with pdf-lib + WenQuanYi Zen Hei (TrueType face pulled out of the .ttc),
 * page images drawn with @napi-rs/canvas, hand-made PNG/TIFF headers.
 */
import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, PDFHexString, PDFName, PDFNumber, TextRenderingMode, setTextRenderingMode } from 'pdf-lib';
import sharp from 'sharp';
import { requireSystem, SYSTEM } from '../helpers/system.ts';

/** the test files that build inputs in a beforeAll call needsSystem(SYSTEM.wqyZenHei) at their top */
export const CJK_TTC = SYSTEM.wqyZenHei.what;

/** Face `index` of a TrueType collection as a standalone .ttf. */
export function ttfFromTtc(ttc: Buffer, index = 0): Buffer {
  if (ttc.toString('latin1', 0, 4) !== 'ttcf') return ttc;
  const off = ttc.readUInt32BE(12 + 4 * index);
  const numTables = ttc.readUInt16BE(off + 4);
  const tables: { tag: string; checksum: number; offset: number; length: number }[] = [];
  for (let i = 0; i < numTables; i++) {
    const r = off + 12 + 16 * i;
    tables.push({ tag: ttc.toString('latin1', r, r + 4), checksum: ttc.readUInt32BE(r + 4), offset: ttc.readUInt32BE(r + 8), length: ttc.readUInt32BE(r + 12) });
  }
  const headerLen = 12 + 16 * numTables;
  let pos = headerLen;
  const placed = tables.map((t) => {
    const at = pos;
    pos += (t.length + 3) & ~3;
    return { ...t, at };
  });
  const out = Buffer.alloc(pos);
  ttc.copy(out, 0, off, off + 12);
  placed.forEach((t, i) => {
    const r = 12 + 16 * i;
    out.write(t.tag, r, 'latin1');
    out.writeUInt32BE(t.checksum, r + 4);
    out.writeUInt32BE(t.at, r + 8);
    out.writeUInt32BE(t.length, r + 12);
    ttc.copy(out, t.at, t.offset, t.offset + t.length);
  });
  return out;
}

let fontBytes: Buffer | null = null;
export function cjkFont(): Buffer {
  requireSystem(SYSTEM.wqyZenHei);
  return (fontBytes ??= ttfFromTtc(readFileSync(CJK_TTC), 0));
}

/** A born-digital A4 PDF: one `drawText` per line. */
export async function bornDigitalPdf(pagesLines: string[][]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(cjkFont(), { subset: true });
  for (const lines of pagesLines) {
    const page = doc.addPage([595, 842]);
    lines.forEach((line, i) => page.drawText(line, { x: 72, y: 770 - i * 24, size: 14, font }));
  }
  return doc.save();
}

let canvasFont = false;
/** A white page image with black text lines (grayscale PNG), like a clean scan. */
export async function textImagePng(lines: string[], opts: { width?: number; height?: number; size?: number; dpi?: number } = {}): Promise<Buffer> {
  if (!canvasFont) {
    requireSystem(SYSTEM.wqyZenHei);
    GlobalFonts.registerFromPath(CJK_TTC, 'TestCJK');
    canvasFont = true;
  }
  const size = opts.size ?? 36;
  const width = opts.width ?? 1654;
  const height = opts.height ?? Math.max(200, 120 + lines.length * size * 1.8);
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#000000';
  ctx.font = `${size}px TestCJK`;
  lines.forEach((l, i) => ctx.fillText(l, 60, 80 + i * size * 1.8));
  const png = canvas.toBuffer('image/png');
  return sharp(png).greyscale().withMetadata({ density: opts.dpi ?? 200 }).png().toBuffer();
}

/** An image-only PDF page (a "scan"); with `invisibleText`, a sandwich PDF whose hidden layer says that text. */
export async function scannedPdf(png: Buffer, invisibleText?: string[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const img = await doc.embedPng(png);
  const page = doc.addPage([595, 842]);
  // The whole page is the image (stretched if need be), as in a real scan.
  page.drawImage(img, { x: 0, y: 0, width: 595, height: 842 });
  if (invisibleText) {
    doc.registerFontkit(fontkit);
    const font = await doc.embedFont(cjkFont(), { subset: true });
    page.pushOperators(setTextRenderingMode(TextRenderingMode.Invisible));
    invisibleText.forEach((l, i) => page.drawText(l, { x: 30, y: 800 - i * 20, size: 12, font }));
  }
  return doc.save();
}

/** A born-digital PDF whose page `broken` (1-based) object is missing from the file. */
export async function pdfWithMissingPage(pagesLines: string[][], broken: number): Promise<Uint8Array> {
  const doc = await PDFDocument.load(await bornDigitalPdf(pagesLines));
  doc.context.delete(doc.getPage(broken - 1).ref);
  return doc.save({ useObjectStreams: false });
}

export async function zeroPagePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  return doc.save({ addDefaultPage: false });
}

/** A PDF with a Standard security handler whose user password is not empty: unreadable without it. */
export async function encryptedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage([595, 842]);
  const ctx = doc.context;
  const hex32 = (b: number) => PDFHexString.of(b.toString(16).padStart(2, '0').repeat(32));
  const enc = ctx.obj({ Filter: PDFName.of('Standard'), V: PDFNumber.of(1), R: PDFNumber.of(2), O: hex32(0x5a), U: hex32(0xa5), P: PDFNumber.of(-4) });
  ctx.trailerInfo.Encrypt = ctx.register(enc);
  ctx.trailerInfo.ID = ctx.obj([PDFHexString.of('0123456789abcdef0123456789abcdef'), PDFHexString.of('0123456789abcdef0123456789abcdef')]);
  return doc.save({ useObjectStreams: false });
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** A PNG that declares width×height gray pixels but carries only one compressed row: decoding it would need the full size. */
export function hugePngHeader(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // grayscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(width + 1, 0xff))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A baseline multi-page TIFF of 8-bit grayscale pages, uncompressed. */
export function multiPageTiff(pages: { width: number; height: number; gray: Uint8Array }[]): Buffer {
  const parts: Buffer[] = [];
  const header = Buffer.alloc(8);
  header.write('II', 0, 'latin1');
  header.writeUInt16LE(42, 2);
  parts.push(header);
  let pos = 8;
  const ifdOffsetFields: number[] = [4];
  const all: { buf: Buffer; at: number }[] = [{ buf: header, at: 0 }];
  for (const p of pages) {
    const dataAt = pos;
    all.push({ buf: Buffer.from(p.gray), at: dataAt });
    pos += p.gray.length + (p.gray.length & 1);
    const entries: [number, number, number, number][] = [
      [256, 4, 1, p.width],
      [257, 4, 1, p.height],
      [258, 3, 1, 8],
      [259, 3, 1, 1],
      [262, 3, 1, 1],
      [273, 4, 1, dataAt],
      [277, 3, 1, 1],
      [278, 4, 1, p.height],
      [279, 4, 1, p.gray.length],
    ];
    const ifd = Buffer.alloc(2 + entries.length * 12 + 4);
    ifd.writeUInt16LE(entries.length, 0);
    entries.forEach(([tag, type, count, value], i) => {
      const r = 2 + i * 12;
      ifd.writeUInt16LE(tag, r);
      ifd.writeUInt16LE(type, r + 2);
      ifd.writeUInt32LE(count, r + 4);
      if (type === 3) ifd.writeUInt16LE(value, r + 8);
      else ifd.writeUInt32LE(value, r + 8);
    });
    const ifdAt = pos;
    const prev = ifdOffsetFields[ifdOffsetFields.length - 1];
    ifdOffsetFields.push(ifdAt + 2 + entries.length * 12);
    all.push({ buf: ifd, at: ifdAt });
    pos += ifd.length;
    // Link the previous "next IFD" field to this IFD.
    const link = Buffer.alloc(4);
    link.writeUInt32LE(ifdAt);
    all.push({ buf: link, at: prev });
  }
  const out = Buffer.alloc(pos);
  for (const { buf, at } of all) buf.copy(out, at);
  return out;
}

/** Grayscale pixels of a PNG. */
export async function grayPixels(png: Buffer): Promise<{ width: number; height: number; gray: Uint8Array }> {
  const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, gray: new Uint8Array(data.buffer, data.byteOffset, info.width * info.height) };
}
