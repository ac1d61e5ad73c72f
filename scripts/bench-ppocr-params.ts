/**
 * PP-OCR settings by measurement: detection size (longer side the DB model sees) and
 * recognition batch size, on the scanned fixtures' page images, in one process with one
 * thread. Reports raw CER against gold (whitespace removed) and CPU seconds per page
 * (CPU time, not wall time: the figure stays meaningful on a shared machine).
 *
 *   npx tsx scripts/bench-ppocr-params.ts
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

const docs = [
  { pdf: 'fixtures/pdf/scan-n07-yunping-health.pdf', gold: 'fixtures/notices/n07-yunping-health/gold.txt' },
  { pdf: 'fixtures/pdf/heavy/scan-n06-jiangchuan-university.pdf', gold: 'fixtures/notices/n06-jiangchuan-university/gold.txt' },
];
const configs = [
  { limitSide: 960, batchSize: 6 },
  { limitSide: 1280, batchSize: 6 },
  { limitSide: 1600, batchSize: 6 },
  { limitSide: 1280, batchSize: 1 },
  { limitSide: 1280, batchSize: 12 },
];

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
  console.log(`| det. longer side | rec. batch | ${docs.map((d) => `raw CER ${d.pdf.split('/').pop()}`).join(' | ')} | CPU s/page |`);
  console.log(`|---:|---:|${docs.map(() => '---:|').join('')}---:|`);
  for (const c of configs) {
    const texts = docs.map(() => '');
    const before = process.cpuUsage();
    for (const p of pages) texts[p.doc] += (await readPage({ det, rec }, p.img, { detect: { limitSide: c.limitSide }, batchSize: c.batchSize })).text;
    const used = process.cpuUsage(before);
    const cpu = (used.user + used.system) / 1e6 / pages.length;
    const cers = docs.map((d, i) => `${(cer(texts[i], readFileSync(d.gold, 'utf8')) * 100).toFixed(2)}%`);
    console.log(`| ${c.limitSide} | ${c.batchSize} | ${cers.join(' | ')} | ${cpu.toFixed(2)} |`);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
