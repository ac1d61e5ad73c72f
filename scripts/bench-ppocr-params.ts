/**
 * PP-OCR settings by measurement: detection size (longer side the DB model sees),
 * recognition batch size and line-crop width scale, on the page images of TUNE scans only
 * (the heavy tune scans and the GB/T tune scan; holdout and unseen scans are never used to
 * choose settings), in one process with one thread. Reports raw CER against gold
 * (whitespace removed) and CPU seconds per page (CPU time, not wall time: the figure stays
 * meaningful on a shared machine).
 *
 *   npx tsx scripts/bench-ppocr-params.ts [side:batch:scale …]   (default: the sweep below)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import type { GrayImage } from '../pipeline/extract/ppocr/gray.ts';
import { createSession } from '../pipeline/extract/ppocr/models.ts';
import { readPage } from '../pipeline/extract/ppocr/page.ts';
import { cer } from './fixtures/cer.ts';

const tune = (pdf: string, id: string) => ({ pdf, gold: `fixtures/notices/${id}/gold.txt` });
const docs = [
  tune('fixtures/pdf/heavy-tune/scan-n01-lanxi-county.pdf', 'n01-lanxi-county'),
  tune('fixtures/pdf/heavy-tune/scan-n03-linjiang-district.pdf', 'n03-linjiang-district'),
  tune('fixtures/pdf/heavy-tune/scan-n05-shimenkan-township.pdf', 'n05-shimenkan-township'),
  tune('fixtures/pdf/scan-n34-gbt-shiwan-district.pdf', 'n34-gbt-shiwan-district'),
];
const SWEEP = ['1280:1:1', '960:1:1', '1280:1:0.85', '1280:1:0.7', '1280:1:0.55', '960:1:0.7'];
const configs = (process.argv.length > 2 ? process.argv.slice(2) : SWEEP).map((c) => {
  const [limitSide, batchSize, widthScale] = c.split(':').map(Number);
  return { limitSide, batchSize, widthScale };
});

const tmp = mkdtempSync(join(tmpdir(), 'bench-ppocr-'));
try {
  const pages: { doc: number; img: GrayImage }[] = [];
  for (const [i, d] of docs.entries()) {
    execFileSync('pdfimages', ['-all', d.pdf, join(tmp, `d${i}`)]);
    for (const f of readdirSync(tmp).filter((n) => n.startsWith(`d${i}-`)).sort()) {
      const { data, info } = await sharp(join(tmp, f)).greyscale().raw().toBuffer({ resolveWithObject: true });
      pages.push({ doc: i, img: { gray: new Uint8Array(data.buffer, data.byteOffset, info.width * info.height), width: info.width, height: info.height } });
    }
  }
  const det = await createSession('det', { threads: 1 });
  const rec = await createSession('rec', { threads: 1 });
  console.log(`## PP-OCR settings (${pages.length} pages: ${docs.map((d) => d.pdf).join(', ')}; 1 thread)\n`);
  console.log(`| det. longer side | rec. batch | rec. width scale | ${docs.map((d) => `raw CER ${d.pdf.split('/').pop()}`).join(' | ')} | all | CPU s/page |`);
  console.log(`|---:|---:|---:|${docs.map(() => '---:|').join('')}---:|---:|`);
  for (const c of configs) {
    const texts = docs.map(() => '');
    const before = process.cpuUsage();
    for (const p of pages) texts[p.doc] += (await readPage({ det, rec }, p.img, { detect: { limitSide: c.limitSide }, batchSize: c.batchSize, widthScale: c.widthScale })).text;
    const used = process.cpuUsage(before);
    const cpu = (used.user + used.system) / 1e6 / pages.length;
    const golds = docs.map((d) => readFileSync(d.gold, 'utf8'));
    const cers = docs.map((_, i) => `${(cer(texts[i], golds[i]) * 100).toFixed(2)}%`);
    const all = cer(texts.join('\n'), golds.join('\n'));
    console.log(`| ${c.limitSide} | ${c.batchSize} | ${c.widthScale} | ${cers.join(' | ')} | ${(all * 100).toFixed(2)}% | ${cpu.toFixed(2)} |`);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
