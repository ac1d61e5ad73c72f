/**
 * npm start — convert the bundled fixtures into output/ (committed, so reviewers
 * can diff the effect of a dictionary change): every OCR text fixture, and every
 * PDF and page image in fixtures/pdf (the deliberately bad inputs in
 * fixtures/pdf/bad are left to the tests).
 */
import { existsSync, readdirSync } from 'node:fs';
import { extname, join } from 'node:path';
import { INPUT_EXTENSIONS, type BatchInput } from '../pipeline/batch/collect-inputs.ts';
import { runBatch } from '../pipeline/batch/run-batch.ts';
import { formatSummary } from '../pipeline/batch/summary.ts';
import { createPipeline } from '../pipeline/convert.ts';

const inputs: BatchInput[] = [];
for (const root of ['fixtures/sample', 'fixtures/notices']) {
  for (const id of readdirSync(root).sort()) {
    const p = join(root, id, 'input.ocr.txt');
    if (existsSync(p)) inputs.push({ path: p, outName: id });
  }
}
for (const f of readdirSync('fixtures/pdf').sort()) {
  const ext = extname(f).toLowerCase();
  if (INPUT_EXTENSIONS.has(ext) && ext !== '.txt') inputs.push({ path: join('fixtures/pdf', f), outName: `pdf/${f.replace(/\./g, '-')}` });
}

const pipeline = createPipeline();
try {
  const results = await runBatch(pipeline, inputs, { out: 'output', jobs: 2, force: process.argv.includes('--force'), ocr: 'auto' });
  console.error(formatSummary(results));
  process.exitCode = results.some((r) => r.status === 'failed') ? 1 : 0;
} finally {
  await pipeline.close();
}
