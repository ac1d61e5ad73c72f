/** Grayscale page images for PP-OCR: PGM parsing, crops and bilinear resizing (all in page pixels). */

export interface GrayImage {
  gray: Uint8Array;
  width: number;
  height: number;
}

/**
 * Parse binary PGM (P5, maxval ≤ 255), the format every extractor hands to an engine. `view`
 * may be any byte view (a SharedArrayBuffer's page reaches every PP-OCR thread); the pixels are
 * not copied.
 */
export function parsePgm(view: Uint8Array): GrayImage {
  const bytes = Buffer.isBuffer(view) ? view : Buffer.from(view.buffer, view.byteOffset, view.byteLength);
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

/** Source columns and weights of each output column of a bilinear resample (the same per row). */
function columnTaps(img: GrayImage, box: Box, outW: number): { left: Int32Array; right: Int32Array; weight: Float64Array } {
  const sx = box.width / outW;
  const maxX = img.width - 1;
  const left = new Int32Array(outW);
  const right = new Int32Array(outW);
  const weight = new Float64Array(outW);
  for (let x = 0; x < outW; x++) {
    const fx = Math.min(maxX, Math.max(0, box.x + (x + 0.5) * sx - 0.5));
    left[x] = Math.floor(fx);
    right[x] = Math.min(maxX, left[x] + 1);
    weight[x] = fx - left[x];
  }
  return { left, right, weight };
}

/**
 * Bilinear resample of the `box` region of `img` to `outW`×`outH`, handed over one output row at
 * a time (`values` is reused between rows; the caller normalises into its tensor layout).
 */
export function resampleRows(img: GrayImage, box: Box, outW: number, outH: number, row: (y: number, values: Float64Array) => void): void {
  const { left, right, weight } = columnTaps(img, box, outW);
  const sy = box.height / outH;
  const maxY = img.height - 1;
  const g = img.gray;
  const values = new Float64Array(outW);
  for (let y = 0; y < outH; y++) {
    const fy = Math.min(maxY, Math.max(0, box.y + (y + 0.5) * sy - 0.5));
    const y0 = Math.floor(fy);
    const wy = fy - y0;
    const r0 = y0 * img.width;
    const r1 = Math.min(maxY, y0 + 1) * img.width;
    for (let x = 0; x < outW; x++) {
      const wx = weight[x];
      const a = left[x];
      const b = right[x];
      const top = g[r0 + a] * (1 - wx) + g[r0 + b] * wx;
      const bottom = g[r1 + a] * (1 - wx) + g[r1 + b] * wx;
      values[x] = top * (1 - wy) + bottom * wy;
    }
    row(y, values);
  }
}

/**
 * A grey crop for the recogniser and the direction classifier: `box` resampled to `outW`×`outH`,
 * scaled to [-1, 1] and written into all three colour planes of `input` (rows `rowStride` apart,
 * starting at `at`, planes `plane` apart).
 */
export function writeGreyCrop(img: GrayImage, box: Box, outW: number, outH: number, input: Float32Array, at: number, rowStride: number, plane: number): void {
  resampleRows(img, box, outW, outH, (y, values) => {
    const row = at + y * rowStride;
    for (let x = 0; x < outW; x++) {
      const u = values[x] / 127.5 - 1;
      input[row + x] = u;
      input[row + x + plane] = u;
      input[row + x + 2 * plane] = u;
    }
  });
}
