/** Grayscale page images for PP-OCR: PGM parsing, crops and bilinear resizing (all in page pixels). */

export interface GrayImage {
  gray: Uint8Array;
  width: number;
  height: number;
}

/** Parse binary PGM (P5, maxval ≤ 255), the format every extractor hands to an engine. */
export function parsePgm(bytes: Buffer): GrayImage {
  let pos = 0;
  const token = (): string => {
    for (;;) {
      while (pos < bytes.length && /\s/.test(String.fromCharCode(bytes[pos]))) pos++;
      if (bytes[pos] !== 0x23) break; // '#' comment line
      while (pos < bytes.length && bytes[pos] !== 0x0a) pos++;
    }
    const start = pos;
    while (pos < bytes.length && !/\s/.test(String.fromCharCode(bytes[pos]))) pos++;
    return bytes.subarray(start, pos).toString('latin1');
  };
  const magic = token();
  const width = Number(token());
  const height = Number(token());
  const maxval = Number(token());
  pos++; // the single whitespace byte before the pixels
  if (magic !== 'P5' || !(width > 0) || !(height > 0) || maxval !== 255 || bytes.length - pos < width * height)
    throw new Error(`not an 8-bit binary PGM (P5) image (${magic} ${width}x${height} max ${maxval}, ${bytes.length} bytes)`);
  return { gray: new Uint8Array(bytes.buffer, bytes.byteOffset + pos, width * height), width, height };
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Bilinear resample of the `box` region of `img` to `outW`×`outH`, written through `put(index, value)`
 * (the caller normalises into its tensor layout).
 */
export function resampleInto(img: GrayImage, box: Box, outW: number, outH: number, put: (i: number, v: number) => void): void {
  const sx = box.width / outW;
  const sy = box.height / outH;
  const maxX = img.width - 1;
  const maxY = img.height - 1;
  for (let y = 0; y < outH; y++) {
    const fy = Math.min(maxY, Math.max(0, box.y + (y + 0.5) * sy - 0.5));
    const y0 = Math.floor(fy);
    const y1 = Math.min(maxY, y0 + 1);
    const wy = fy - y0;
    const r0 = y0 * img.width;
    const r1 = y1 * img.width;
    for (let x = 0; x < outW; x++) {
      const fx = Math.min(maxX, Math.max(0, box.x + (x + 0.5) * sx - 0.5));
      const x0 = Math.floor(fx);
      const x1 = Math.min(maxX, x0 + 1);
      const wx = fx - x0;
      const top = img.gray[r0 + x0] * (1 - wx) + img.gray[r0 + x1] * wx;
      const bottom = img.gray[r1 + x0] * (1 - wx) + img.gray[r1 + x1] * wx;
      put(y * outW + x, top * (1 - wy) + bottom * wy);
    }
  }
}
