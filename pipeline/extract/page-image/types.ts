/** Pixel buffers shared by the page-image functions (8-bit, row-major, no padding). */
export interface Gray {
  gray: Uint8Array;
  width: number;
  height: number;
}

/** Interleaved RGB pixels (3 bytes a pixel). */
export interface Rgb {
  rgb: Uint8Array;
  width: number;
  height: number;
}

/** Box in pixels of the page image it was measured on. */
export interface PixelBox {
  x: number;
  y: number;
  width: number;
  height: number;
}
