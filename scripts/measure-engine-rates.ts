// Measures how often each OCR engine misreads a Han character, on TUNE fixtures
// only, and writes dictionaries/engine-misreading-rates.json.
//
// A misreading is a one-for-one Han misreading of the raw OCR text against gold
// (pipeline/eval/han.ts: one Han character, a different one, for one gold Han
// character); the rate is misreadings per gold Han character. Rows:
//   reference — the tune OCR-text fixtures (fixtures/sample, fixtures/notices with
//               input.ocr.txt): the text the corrector's thresholds were set on;
//   <engine>  — every tune scanned PDF (fixtures/pdf, fixtures/scans) read by that engine.
// The corrector shifts its misreading prior by ln(rate_engine / rate_reference)
// for characters an engine read (pipeline/correct/engine-rates.ts).
//
// Usage: npx tsx scripts/measure-engine-rates.ts [--out dictionaries/engine-misreading-rates.json]
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPipeline, type Pipeline } from '../pipeline/convert.ts';
import { ENGINE_NAMES, type EngineName } from '../pipeline/extract/ocr.ts';
import { evalFixtures } from '../pipeline/eval/fixtures.ts';
import { scoreHanMisreadings } from '../pipeline/eval/han.ts';
import { strip } from '../pipeline/eval/metrics.ts';
import type { EngineRatesFile } from '../pipeline/correct/engine-rates.ts';
import { flag } from './lib/flag.ts';

const root = join(import.meta.dirname, '..');
const out = flag('out', join(root, 'dictionaries/engine-misreading-rates.json'));
const HAN = /\p{Script=Han}/gu;

interface Count {
  misreadings: number;
  hanCharacters: number;
  inputs: string[];
}
const empty = (): Count => ({ misreadings: 0, hanCharacters: 0, inputs: [] });

function add(count: Count, raw: string, gold: string, input: string): void {
  count.misreadings += scoreHanMisreadings(raw, raw, gold).misreadings;
  count.hanCharacters += (strip(gold).text.match(HAN) ?? []).length;
  count.inputs.push(input.slice(root.length + 1));
}

const tune = evalFixtures(root, { scans: true }).filter((f) => f.split === 'tune');
const reference = empty();
for (const fx of tune.filter((f) => !f.ocrEngine && f.input.endsWith('.ocr.txt'))) {
  add(reference, readFileSync(fx.input, 'utf8'), readFileSync(join(fx.dir, 'gold.txt'), 'utf8'), fx.input);
}

const engines = Object.fromEntries(ENGINE_NAMES.map((e) => [e, empty()])) as Record<EngineName, Count>;
for (const engine of ENGINE_NAMES) {
  const pipeline: Pipeline = createPipeline({ engine, workers: 1 });
  try {
    for (const fx of tune.filter((f) => f.ocrEngine === engine)) {
      const doc = await pipeline.convertFile(fx.input, { name: fx.input });
      add(engines[engine], doc.original, readFileSync(join(fx.dir, 'gold.txt'), 'utf8'), fx.input);
      console.error(`${engine} ${fx.id}: ${engines[engine].misreadings} misreadings so far`);
    }
  } finally {
    await pipeline.close();
  }
}

// (Jeffreys estimate: an engine with no misreading on the tune pages still gets a rate above 0)
const rate = (c: Count) => ({ ...c, rate: Number(((c.misreadings + 0.5) / (c.hanCharacters + 1)).toPrecision(4)) });
const file: EngineRatesFile = {
  note: 'One-for-one Han misreadings per gold Han character in raw OCR text, tune fixtures only (scripts/measure-engine-rates.ts).',
  reference: rate(reference),
  engines: Object.fromEntries(ENGINE_NAMES.map((e) => [e, rate(engines[e])])),
};
writeFileSync(out, `${JSON.stringify(file, null, 2)}\n`);
console.log(`${out}: reference ${file.reference.rate}; ${ENGINE_NAMES.map((e) => `${e} ${file.engines[e].rate}`).join(', ')}`);
