/**
 * How often the margin-debris stage removes real text: every fragment it finds in the
 * OCR inputs of a split, judged against gold (right: none of its characters lines up with
 * a gold character in a character diff of the whitespace-free texts). The counts behind
 * MARGIN_DEBRIS_MEASURED in pipeline/normalise/margin-debris.ts (tune).
 *
 *   npx tsx scripts/measure-margin-debris.ts [--split tune] [--show]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { diffChars } from 'diff';
import { evalFixtures } from '../pipeline/eval/fixtures.ts';
import { marginFragments } from '../pipeline/normalise/margin-debris.ts';
import { splitLines } from '../pipeline/normalise/chars.ts';

const { values } = parseArgs({ options: { split: { type: 'string', default: 'tune' }, show: { type: 'boolean', default: false } } });

/** For each character of `raw`: whether it lines up with a character of gold (whitespace ignored on both sides). */
function matchedInGold(raw: string, gold: string): boolean[] {
  const at: number[] = [];
  let stripped = '';
  for (let i = 0; i < raw.length; i++) if (!/\s/.test(raw[i])) (at[i] = stripped.length), (stripped += raw[i]);
  const matched = new Uint8Array(stripped.length);
  let p = 0;
  for (const part of diffChars(stripped, gold.replace(/\s+/g, ''))) {
    if (!part.added && !part.removed) matched.fill(1, p, p + part.value.length);
    if (!part.added) p += part.value.length;
  }
  return Array.from({ length: raw.length }, (_, i) => at[i] !== undefined && matched[at[i]] === 1);
}

let right = 0;
let wrong = 0;
for (const fx of evalFixtures('.', { scans: false }).filter((f) => f.split === values.split && f.input.endsWith('.txt'))) {
  const raw = readFileSync(fx.input, 'utf8');
  const matched = matchedInGold(raw, readFileSync(`${fx.dir}/gold.txt`, 'utf8'));
  // the lines as the stage reads them (a form feed ends a line too)
  for (const line of splitLines(raw)) {
    for (const f of marginFragments(line.text)) {
      const real = matched.slice(line.start + f.start, line.start + f.end).some(Boolean);
      if (real) wrong++;
      else right++;
      if (values.show && real) console.log(`${fx.id}: ${JSON.stringify(f.text)} in ${JSON.stringify(line.text.trim())}`);
    }
  }
}
console.log(`${values.split}: ${right} fragments removed right, ${wrong} real text`);
