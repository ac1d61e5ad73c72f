/**
 * Page-image clean-up on rendered A4 pages (100 dpi, two body fonts, damage as render.ts makes
 * it): ink levels, blank pages, sideways and upside-down pages, skew, red ink and seals.
 */
import { readFileSync } from 'node:fs';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { detectBlank } from '../../pipeline/extract/page-image/blank.ts';
import { histogram, measureLevels, MIN_INK_CONTRAST } from '../../pipeline/extract/page-image/levels.ts';
import { inkMask } from '../../pipeline/extract/page-image/mask.ts';
import { separateRed } from '../../pipeline/extract/page-image/red.ts';
import { findRedRegions } from '../../pipeline/extract/page-image/seals.ts';
import { detectSideways } from '../../pipeline/extract/page-image/sideways.ts';
import { estimateSkew } from '../../pipeline/extract/page-image/skew.ts';
import type { Gray } from '../../pipeline/extract/page-image/types.ts';
import { layoutUpsideDown } from '../../pipeline/extract/page-image/upside-down.ts';
import { median3, prepareForOcr } from '../../pipeline/extract/preprocess.ts';
import { degradePage, drawPage, FONTS, layoutPages, pickDegradation, rng, type PageLayout } from '../../scripts/fixtures/render.ts';
import { needsSystem, SYSTEM } from '../helpers/system.ts';

const DPI = 100;
const gold = readFileSync('fixtures/notices/n05-shimenkan-township/gold.txt', 'utf8');

async function grayOf(img: Buffer): Promise<Gray> {
  const { data, info } = await sharp(img).toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
  return { gray: new Uint8Array(data.buffer, data.byteOffset, info.width * info.height), width: info.width, height: info.height };
}
async function turned(png: Buffer, deg: number): Promise<Buffer> {
  return sharp(png).rotate(deg, { background: '#ffffff' }).png().toBuffer();
}
const damaged = (png: Buffer, level: 'light' | 'heavy', seed: number) => degradePage(png, { ...pickDegradation(rng(seed), level), rotate: 0 }, seed);
const maskOf = (g: Gray, cellDiv: number) => {
  const l = measureLevels(g);
  return inkMask(g, Math.min(l.threshold, l.paper - MIN_INK_CONTRAST), Math.max(2, Math.round(g.width / cellDiv)));
};

const pages: Record<string, PageLayout> = {};
const fonts = needsSystem(SYSTEM.notoCjk, SYSTEM.umingCN, SYSTEM.wqyZenHei);
beforeAll(() => {
  if (!fonts) return;
  for (const font of [FONTS.notoSerifSC, FONTS.umingCN]) {
    const p = layoutPages(gold, { dpi: DPI, bodyFont: font })[0];
    pages[`${font} full`] = p;
    pages[`${font} one line`] = { ...p, lines: p.lines.slice(0, 1), pageNumber: { ...p.pageNumber, text: '' } };
    pages[`${font} blank`] = { ...p, lines: [], pageNumber: { ...p.pageNumber, text: '' } };
  }
});

describe('histogram', () => {
  it.each([0, 1, 2, 3, 4, 5, 7, 8, 9, 31, 1000, 4099])('counts every step-th pixel of %i (steps 1, 2, 3, 5; seeded)', (n) => {
    const next = rng(n + 1);
    const gray = Uint8Array.from({ length: n }, () => (next() < 0.7 ? 250 : Math.floor(next() * 256)));
    for (const step of [1, 2, 3, 5]) {
      const want = new Uint32Array(256);
      let total = 0;
      for (let i = 0; i < n; i += step, total++) want[gray[i]]++;
      const got = histogram(gray, step);
      expect([[...got.hist], got.total]).toEqual([[...want], total]);
    }
  });
});

describe('inkMask', () => {
  /** The definition: a cell is ink when at least 1/8 of its pixels (at least one) are darker than the cut. */
  const direct = (img: Gray, cut: number, cell: number) => {
    const mw = Math.ceil(img.width / cell);
    const count = new Uint32Array(mw * Math.ceil(img.height / cell));
    for (let y = 0; y < img.height; y++) for (let x = 0; x < img.width; x++) if (img.gray[y * img.width + x] < cut) count[Math.floor(y / cell) * mw + Math.floor(x / cell)]++;
    return Array.from(count, (c) => (c >= Math.max(1, Math.floor((cell * cell) / 8)) ? 1 : 0));
  };
  const sizes = [[1, 1], [5, 3], [15, 4], [16, 16], [17, 9], [33, 20], [64, 7], [129, 65], [200, 150]];
  it.each(sizes)('%i×%i: every cell size and cut, as the definition (seeded)', (width, height) => {
    const next = rng(width * 1000 + height);
    const img = { gray: Uint8Array.from({ length: width * height }, () => (next() < 0.6 ? 250 : Math.floor(next() * 256))), width, height };
    for (const cell of [1, 2, 3, 4, 5, 7, 8, 16, 56, 57, 64])
      for (const cut of [0, 1, 100, 100.5, 128, 255, 256, 300]) {
        const m = inkMask(img, cut, cell);
        expect([m.width, m.height, ...m.mask], `cell ${cell}, cut ${cut}`).toEqual([Math.ceil(width / cell), Math.ceil(height / cell), ...direct(img, cut, cell)]);
      }
  });
});

describe('ink levels and blank pages', () => {
  it.each([
    [FONTS.notoSerifSC, 'light'],
    [FONTS.notoSerifSC, 'heavy'],
    [FONTS.umingCN, 'heavy'],
  ] as const)('%s, %s damage: a blank page is blank, one line is not, and the ink of one line is measured from ink', async (font, level) => {
    const blank = await median3(await grayOf(await damaged(drawPage(pages[`${font} blank`]), level, 3)));
    const one = await median3(await grayOf(await damaged(drawPage(pages[`${font} one line`]), level, 4)));
    expect(detectBlank(blank).blank).toBe(true);
    expect(detectBlank(blank).levels.ink).toBeNull();
    const v = detectBlank(one);
    expect(v.blank).toBe(false);
    expect(v.levels.ink).not.toBeNull();
    expect(v.levels.ink!).toBeLessThan(v.levels.paper - MIN_INK_CONTRAST);
  });

  it('clean-up of a near-empty grey page never turns paper into ink', async () => {
    const one = await grayOf(await damaged(drawPage(pages[`${FONTS.notoSerifSC} one line`]), 'heavy', 5));
    // grey, uneven paper so that the clean-up runs
    const grey = { ...one, gray: one.gray.map((v, i) => Math.round(v * (0.8 + (0.15 * (i % one.width)) / one.width))) };
    const { image, note } = await prepareForOcr(grey);
    expect(note).not.toMatch(/ink 2\d\d/);
    // Below the one line there is only paper: it must stay paper.
    const paperPart = image.gray.subarray(Math.round(image.height * 0.3) * image.width);
    expect(paperPart.reduce((n, v) => n + (v < 160 ? 1 : 0), 0) / paperPart.length).toBeLessThan(0.0002);
    // And the line is still there, darker than paper.
    const linePart = image.gray.subarray(0, Math.round(image.height * 0.3) * image.width);
    expect(linePart.reduce((n, v) => n + (v < 128 ? 1 : 0), 0)).toBeGreaterThan(500);
  });
});

describe('orientation', () => {
  it.each([
    [FONTS.notoSerifSC, 0, false],
    [FONTS.notoSerifSC, 90, true],
    [FONTS.umingCN, 270, true],
    [FONTS.umingCN, 4, false],
  ] as const)('%s turned %s°: sideways = %s', async (font, deg, sideways) => {
    const g = await grayOf(await turned(drawPage(pages[`${font} full`]), deg));
    expect(detectSideways(maskOf(g, 400)).sideways).toBe(sideways);
  });

  it.each([FONTS.notoSerifSC, FONTS.umingCN])('%s: an upright page stays, a page turned 180° is found', async (font) => {
    const png = drawPage(pages[`${font} full`]);
    expect(layoutUpsideDown(maskOf(await grayOf(png), 800)).rotation).toBe(0);
    expect(layoutUpsideDown(maskOf(await grayOf(await turned(png, 180)), 800)).rotation).toBe(180);
  });

  it.each([0, 1.5, -3, 4.5])('skew %s° is measured within 0.15°', async (deg) => {
    const g = await grayOf(await turned(drawPage(pages[`${FONTS.notoSerifSC} full`]), deg));
    expect(Math.abs(estimateSkew(maskOf(g, 800)) - deg)).toBeLessThan(0.15);
  });
});

describe('red ink', () => {
  it('a red seal over black text: the seal is found and removed, the text under it stays black', async () => {
    const page = pages[`${FONTS.notoSerifSC} full`];
    const canvas = createCanvas(page.width, page.height);
    const ctx = canvas.getContext('2d');
    ctx.drawImage(await loadImage(drawPage(page)), 0, 0);
    const mm = DPI / 25.4;
    const line = page.lines[5];
    const cx = line.x + 40 * mm;
    const cy = line.y - line.size / 2;
    ctx.globalCompositeOperation = 'multiply';
    ctx.strokeStyle = 'rgb(214, 28, 36)';
    ctx.lineWidth = 1.2 * mm;
    ctx.beginPath();
    ctx.arc(cx, cy, 21 * mm, 0, 2 * Math.PI);
    ctx.stroke();
    ctx.fillStyle = 'rgb(214, 28, 36)';
    ctx.fillRect(cx - 5 * mm, cy - 5 * mm, 10 * mm, 10 * mm);
    const { data, info } = await sharp(canvas.toBuffer('image/png')).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const rgb = { rgb: new Uint8Array(data), width: info.width, height: info.height };
    const { cleaned, red, redShare } = separateRed(rgb);
    expect(redShare).toBeGreaterThan(0.001);
    const { seals, masthead } = findRedRegions(red, DPI);
    expect(masthead).toBeNull();
    expect(seals).toHaveLength(1);
    expect(Math.abs(seals[0].x + seals[0].width / 2 - cx)).toBeLessThan(3 * mm);
    expect(Math.abs(seals[0].width - 42 * mm)).toBeLessThan(4 * mm);
    // Black text pixels inside the seal's square stay dark; red-only pixels become paper.
    const clean = await grayOf(drawPage(page));
    let textDark = 0;
    let textAll = 0;
    let redLeft = 0;
    for (let y = Math.round(cy - 5 * mm); y < cy + 5 * mm; y++)
      for (let x = Math.round(cx - 5 * mm); x < cx + 5 * mm; x++) {
        const i = y * info.width + x;
        if (clean.gray[i] < 100) {
          textAll++;
          if (cleaned.gray[i] < 128) textDark++;
        } else if (clean.gray[i] > 230 && cleaned.gray[i] < 200) redLeft++;
      }
    expect(textAll).toBeGreaterThan(20);
    expect(textDark / textAll).toBeGreaterThan(0.9);
    expect(redLeft).toBeLessThan(textAll * 0.2);
  });
});
