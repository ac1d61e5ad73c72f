/**
 * Page clean-up before OCR, as scanners deliver pages: red ink separated (colour scans), blank
 * pages found, sideways and upside-down pages turned, skew corrected, then the grey/uneven
 * paper clean-up of preprocess.ts. Each step is a function of page-image/; `note` says what was
 * found, for the page's `reason`.
 */
import { loadSharp } from './native-modules.ts';
import { detectBlank } from './page-image/blank.ts';
import { MIN_INK_CONTRAST } from './page-image/levels.ts';
import { inkMask, type Mask } from './page-image/mask.ts';
import { MIN_RED_SHARE, separateRed } from './page-image/red.ts';
import { findRedRegions } from './page-image/seals.ts';
import { detectSideways } from './page-image/sideways.ts';
import { estimateSkew } from './page-image/skew.ts';
import type { Gray, PixelBox, Rgb } from './page-image/types.ts';
import { layoutUpsideDown, type DetectUpsideDown } from './page-image/upside-down.ts';
import { median3, prepareForOcr, resample } from './preprocess.ts';

/** Masthead characters are scaled to about this height in pixels (OCR engines read 30–60 px text best). */
export const MASTHEAD_TEXT_HEIGHT = 56;
const MASTHEAD_PAD = 24;

/** The masthead crop scaled to MASTHEAD_TEXT_HEIGHT and framed with paper. */
/** The red masthead of an upright red layer: its box and its image to read, or nulls. */
async function mastheadOf(red: Gray, dpi: number): Promise<{ masthead: Gray | null; mastheadBox: PixelBox | null }> {
  const box = findRedRegions(red, dpi).masthead;
  return box ? { masthead: await mastheadImage(crop(red, box)), mastheadBox: box } : { masthead: null, mastheadBox: null };
}

async function mastheadImage(img: Gray): Promise<Gray> {
  const scaled = img.height > MASTHEAD_TEXT_HEIGHT ? await resample(img, MASTHEAD_TEXT_HEIGHT / img.height) : img;
  const w = scaled.width + 2 * MASTHEAD_PAD;
  const h = scaled.height + 2 * MASTHEAD_PAD;
  const out = new Uint8Array(w * h).fill(255);
  for (let y = 0; y < scaled.height; y++) out.set(scaled.gray.subarray(y * scaled.width, (y + 1) * scaled.width), (y + MASTHEAD_PAD) * w + MASTHEAD_PAD);
  return { gray: out, width: w, height: h };
}

/**
 * Sideways detection compares empty rows with empty columns across strips several lines tall, so
 * it needs a page-sized image: short side at least this (A4 at 110 dpi). Smaller images
 * (crops, single lines) are taken as upright.
 */
export const MIN_SIDEWAYS_SIDE = 900;
/**
 * ...and enough text: at least this share of ink (full pages measure 2–9.5 %, scripts/fixtures/
 * measure-ink.ts). A page with a few lines (a last page, 0.18 % ink) showed more empty columns
 * than rows while upright; it is taken as upright (if it was not, its low confidence reports it).
 */
export const MIN_SIDEWAYS_INK = 0.01;
/** Skews smaller than this are left alone (resampling costs more than it gains). */
export const MIN_SKEW_CORRECTED = 0.2;

export interface PagePixels {
  gray: Gray;
  /** Colour pixels when the page has red ink worth separating. */
  rgb?: Rgb;
  dpi: number;
}

export interface PreparedPage {
  blank: boolean;
  image: Gray;
  note: string;
  rotation: 0 | 90 | 180 | 270;
  skew: number;
  /** Boxes on the page image as delivered (before any turn). */
  seals: PixelBox[];
  /** The red masthead alone (dark on white), upright, to be read separately; null when none. */
  masthead: Gray | null;
  /** The masthead's box on the page image as read (after any quarter or half turn). */
  mastheadBox: PixelBox | null;
}

export interface PrepareOptions {
  /** Text-direction classifier; default: the layout rule of page-image/upside-down.ts. */
  detectUpsideDown?: DetectUpsideDown;
}

async function turn(img: Gray, deg: number, background = 255): Promise<Gray> {
  const sharp = await loadSharp();
  const { data, info } = await sharp(Buffer.from(img.gray.buffer, img.gray.byteOffset, img.gray.length), { raw: { width: img.width, height: img.height, channels: 1 } })
    .rotate(deg, { background: { r: background, g: background, b: background } })
    .toColourspace('b-w')
    .raw()
    .toBuffer({ resolveWithObject: true });
  let out: Gray = { gray: new Uint8Array(data.buffer, data.byteOffset, info.width * info.height), width: info.width, height: info.height };
  if (deg % 90 !== 0) out = crop(out, { x: Math.floor((out.width - img.width) / 2), y: Math.floor((out.height - img.height) / 2), width: img.width, height: img.height });
  return out;
}

function crop(img: Gray, b: PixelBox): Gray {
  const x0 = Math.max(0, b.x);
  const y0 = Math.max(0, b.y);
  const w = Math.min(img.width - x0, b.width);
  const h = Math.min(img.height - y0, b.height);
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) out.set(img.gray.subarray((y0 + y) * img.width + x0, (y0 + y) * img.width + x0 + w), y * w);
  return { gray: out, width: w, height: h };
}

/** The ink mask skew and the layout rule for upside-down pages read: cells of about 1/800 of the page width. */
const fineMask = (img: Gray, cut: number) => inkMask(img, cut, Math.max(2, Math.round(img.width / 800)));

export async function preparePage(px: PagePixels, opts: PrepareOptions = {}): Promise<PreparedPage> {
  const notes: string[] = [];
  let img = px.gray;
  let seals: PixelBox[] = [];
  let mastheadBox: PixelBox | null = null;
  let masthead: Gray | null = null;
  let red: Gray | null = null;
  if (px.rgb) {
    const sep = separateRed(px.rgb);
    if (sep.redShare >= MIN_RED_SHARE) {
      img = sep.cleaned;
      red = sep.red;
      const regions = findRedRegions(sep.red, px.dpi);
      seals = regions.seals;
      mastheadBox = regions.masthead;
      if (mastheadBox) masthead = await mastheadImage(crop(sep.red, mastheadBox));
      notes.push(`red ink removed (${(sep.redShare * 100).toFixed(2)} % of the page; ${seals.length} seal(s)${mastheadBox ? ', a red masthead read separately' : ''})`);
    }
  }
  const smooth = median3(img);
  const { blank, levels } = detectBlank(smooth);
  const inkPct = `${(levels.inkShare * 100).toFixed(3)} % ink`;
  if (blank && !masthead) return { blank: true, image: img, note: `blank page (${inkPct})`, rotation: 0, skew: 0, seals, masthead: null, mastheadBox: null };

  const cut = Math.min(levels.threshold, levels.paper - MIN_INK_CONTRAST);
  let rotation: 0 | 90 | 180 | 270 = 0;
  const pageSized = Math.min(smooth.width, smooth.height) >= MIN_SIDEWAYS_SIDE && levels.inkShare >= MIN_SIDEWAYS_INK;
  const side = pageSized ? detectSideways(inkMask(smooth, cut, Math.max(2, Math.round(smooth.width / 400)))) : { sideways: false, rowGaps: 0, columnGaps: 0 };
  let work = smooth;
  /** median3(img) while img has only been turned by quarter turns (which commute with the median), else null */
  let smoothOfImg: Gray | null = smooth;
  if (side.sideways) {
    rotation = 90;
    img = await turn(img, 90, levels.paper);
    work = await turn(work, 90, levels.paper);
    smoothOfImg = work;
    notes.push(`sideways (empty rows ${side.rowGaps.toFixed(2)} < columns ${side.columnGaps.toFixed(2)}): turned 90°`);
  }
  /** fineMask(work) until the skew correction turns work */
  let workMask: Mask | null = fineMask(work, cut);
  const skew = estimateSkew(workMask);
  if (Math.abs(skew) >= MIN_SKEW_CORRECTED) {
    img = await turn(img, -skew, levels.paper);
    // the smoothed page for the upside-down test: the median of the turned page (one WebAssembly pass)
    // costs a fraction of turning the smoothed page too, and only the coarse ink layout is read from it
    work = median3(img);
    smoothOfImg = work;
    workMask = null;
    notes.push(`skew ${skew.toFixed(2)}° corrected`);
  }
  const dir = opts.detectUpsideDown ? await opts.detectUpsideDown(work.gray, work.width, work.height) : layoutUpsideDown(workMask ?? fineMask(work, cut));
  if (dir.rotation === 180) {
    rotation = rotation === 90 ? 270 : 180;
    img = await turn(img, 180, levels.paper);
    smoothOfImg = smoothOfImg && (await turn(smoothOfImg, 180, levels.paper));
    notes.push(`upside down (confidence ${dir.confidence.toFixed(2)}): turned 180°`);
  }
  // A masthead is red text in the top third of the page as read: on a turned page, look again in the turned red layer.
  if (red && rotation !== 0) ({ masthead, mastheadBox } = await mastheadOf(await turn(red, rotation), px.dpi));
  const cleaned = await prepareForOcr(img, smoothOfImg ?? undefined);
  notes.push(cleaned.note);
  return { blank: false, image: cleaned.image, note: `${inkPct}; ${notes.join('; ')}`, rotation, skew: Math.abs(skew) >= MIN_SKEW_CORRECTED ? skew : 0, seals, masthead, mastheadBox };
}
