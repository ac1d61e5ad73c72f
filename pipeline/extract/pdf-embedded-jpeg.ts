/**
 * The usual scanned page, read without pdfjs's operator list: a page whose content is one
 * JPEG image drawn over it (`q … cm /Im0 Do Q`, nothing else) hands the image's JPEG bytes
 * to sharp (libjpeg-turbo). pdfjs decodes such an image in JavaScript while it builds the
 * operator list (about 0.14 s of a page's 2 s, README.md "Speed"; 16 ms with sharp). Any other
 * content — text, a path, a second image, an inline image, a form — and any other image —
 * another filter, a mask, a Decode array, a colour space other than DeviceGray or DeviceRGB,
 * more than 8 bits — gives null, and the page takes the pdfjs path as before.
 */
import { createRequire } from 'node:module';
import type { PDFDict, PDFDocument, PDFPage } from 'pdf-lib';
import { multiply } from './pdf.ts';

/** pdf-lib, loaded on the first page without text (loading it costs start-up time a text notice need not pay). */
type PdfLib = typeof import('pdf-lib');

/**
 * pdf-lib's one-file build, by require: the same library as `import('pdf-lib')`, which loads its ~100
 * CommonJS files through the ESM loader (0.22 s of CPU on this machine, against 0.03 s for this file).
 */
const loadPdfLib = (): PdfLib => createRequire(import.meta.url)('pdf-lib/dist/pdf-lib.min.js') as PdfLib;

export interface EmbeddedJpeg {
  /** The image's transformation in page space (what `cm` made of the unit square). */
  ctm: number[];
  jpeg: Uint8Array;
}

/** A reader of the PDF's pages by index (0-based), or null when pdf-lib cannot parse the file (pdfjs alone then). */
export async function embeddedJpegReader(bytes: Uint8Array): Promise<((pageIndex: number) => EmbeddedJpeg | null) | null> {
  const lib = loadPdfLib();
  let doc: PDFDocument;
  try {
    doc = await lib.PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: false, throwOnInvalidObject: false });
  } catch {
    return null;
  }
  return (index) => {
    try {
      return index < doc.getPageCount() ? pageJpeg(lib, doc, doc.getPage(index)) : null;
    } catch {
      return null;
    }
  };
}

function pageJpeg(lib: PdfLib, doc: PDFDocument, page: PDFPage): EmbeddedJpeg | null {
  const drawn = onlyImageDrawn(contentText(lib, doc, page));
  if (!drawn) return null;
  const xobjects = page.node.Resources()?.lookupMaybe(lib.PDFName.of('XObject'), lib.PDFDict);
  const image = xobjects?.lookup(lib.PDFName.of(drawn.name));
  return image instanceof lib.PDFRawStream && isPlainJpeg(lib, image.dict) ? { ctm: drawn.ctm, jpeg: image.contents } : null;
}

function contentText(lib: PdfLib, doc: PDFDocument, page: PDFPage): string {
  const contents = page.node.Contents();
  const streams = contents instanceof lib.PDFArray ? contents.asArray().map((r) => doc.context.lookup(r)) : [contents];
  return streams
    .map((s) => {
      if (!(s instanceof lib.PDFRawStream)) throw new Error('content is not a stream');
      return Buffer.from(lib.decodePDFRawStream(s).decode()).toString('latin1');
    })
    .join('\n');
}

/**
 * The one image XObject a content stream of only `q`, `Q`, `cm` and one `Do` draws, with
 * the transformation it is drawn with; null for anything else.
 */
export function onlyImageDrawn(content: string): { name: string; ctm: number[] } | null {
  const tokens = content.split(/[\s\0]+|(?=\/)/).filter(Boolean);
  let ctm = [1, 0, 0, 1, 0, 0];
  const stack: number[][] = [];
  const operands: string[] = [];
  let drawn: { name: string; ctm: number[] } | null = null;
  for (const t of tokens) {
    if (/^[-+]?(\d+\.?\d*|\.\d+)$/.test(t) || /^\/[^/[\]()<>{}%]+$/.test(t)) {
      operands.push(t);
      continue;
    }
    if (t === 'q' && operands.length === 0) stack.push(ctm);
    else if (t === 'Q' && operands.length === 0 && stack.length > 0) ctm = stack.pop()!;
    else if (t === 'cm' && operands.length === 6 && operands.every((o) => !o.startsWith('/'))) ctm = multiply(ctm, operands.map(Number));
    else if (t === 'Do' && operands.length === 1 && operands[0].startsWith('/') && !drawn) drawn = { name: operands[0].slice(1), ctm };
    else return null;
    operands.length = 0;
  }
  return operands.length === 0 ? drawn : null;
}

/** A name entry of the dictionary, or a one-name array's name (`/Filter [/DCTDecode]`). */
function nameOf(lib: PdfLib, d: PDFDict, key: string): string | undefined {
  const v = d.get(lib.PDFName.of(key));
  const one = v instanceof lib.PDFArray && v.size() === 1 ? v.get(0) : v;
  return one instanceof lib.PDFName ? one.decodeText() : undefined;
}

function isPlainJpeg(lib: PdfLib, d: PDFDict): boolean {
  const bits = d.get(lib.PDFName.of('BitsPerComponent'));
  return (
    nameOf(lib, d, 'Subtype') === 'Image' &&
    nameOf(lib, d, 'Filter') === 'DCTDecode' &&
    ['DeviceGray', 'DeviceRGB'].includes(nameOf(lib, d, 'ColorSpace') ?? '') &&
    bits instanceof lib.PDFNumber && bits.asNumber() === 8 &&
    !['SMask', 'Mask', 'Decode', 'ImageMask', 'DecodeParms'].some((k) => d.has(lib.PDFName.of(k)))
  );
}
