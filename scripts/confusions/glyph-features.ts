// Glyph shape features: a coarse picture of every common character, so that
// the corrector can tell how alike ANY two characters look (glyph.tsv keeps
// only each character's eight closest look-alikes).
//
// Each character of GB 2312 (levels 1 and 2, the set Chinese OCR engines
// mostly read into), of dictionaries/charfreq.tsv, of the confusion tables and
// of the genre corpus is drawn in the notice fonts
// (Noto Serif CJK SC, AR PL UMing CN, WenQuanYi Zen Hei, Noto Sans CJK SC)
// centred in a fixed em box, blurred, pooled to 10x10 per font, summed over
// the fonts and standardised (mean 0, variance 1: standardise() gives unit norm, × √100). The shape similarity of
// two characters is the Pearson correlation of their maps.
//
// Output: dictionaries/confusions/glyph-features.tsv   char\tfeatures
//   features: base64 of 100 signed bytes (value x 40, clamped to ±127), row by row.
//
// Usage: npx tsx scripts/confusions/glyph-features.ts
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { glyphCanvas, glyphBitmap, blur, pool, standardise, gaussKernel, loadCharFreq, BOX, PX } from './glyph-similarity.ts';
import { registerNoticeFonts } from './fonts.ts';
import { FEATURE_SIDE, FEATURE_SCALE } from '../../pipeline/correct/glyph-features.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function main(): void {
  const han = (text: string): string[] => [...new Set([...text].filter((ch) => /\p{Script=Han}/u.test(ch)))].sort();
  const gb2312: string[] = [];
  const gbk = new TextDecoder('gb18030');
  for (let hi = 0xb0; hi <= 0xf7; hi++) for (let lo = 0xa1; lo <= 0xfe; lo++) gb2312.push(gbk.decode(Uint8Array.of(hi, lo)));
  const fileText = (sub: string): string =>
    readdirSync(join(root, 'dictionaries', sub))
      .filter((x) => x.endsWith('.txt') || (x.endsWith('.tsv') && x !== 'glyph-features.tsv'))
      .sort()
      .map((f) => readFileSync(join(root, 'dictionaries', sub, f), 'utf8'))
      .join('\n');
  const chars = [...new Set([...loadCharFreq(), ...han(gb2312.join('')), ...han(fileText('confusions')), ...han(fileText('corpus'))])];
  const fonts = registerNoticeFonts();
  const g = glyphCanvas();
  const k = gaussKernel(1);
  const D = FEATURE_SIDE * FEATURE_SIDE;
  const rows: string[] = ['char\tfeatures'];
  let skipped = 0;
  for (const ch of chars) {
    const acc = new Float32Array(D);
    let ink = 0;
    for (const f of fonts) {
      g.font = `${PX}px "${f.alias}"`;
      const bm = glyphBitmap(g, ch);
      ink += bm.ink;
      const p = pool(blur(bm.bin, BOX, BOX, k), BOX, BOX / FEATURE_SIDE);
      for (let i = 0; i < D; i++) acc[i]! += p[i]!;
    }
    if (ink === 0 || !standardise(acc)) {
      skipped++;
      continue;
    }
    const bytes = Buffer.alloc(D);
    for (let i = 0; i < D; i++) bytes.writeInt8(Math.max(-127, Math.min(127, Math.round(acc[i]! * Math.sqrt(D) * FEATURE_SCALE))), i);
    rows.push(`${ch}\t${bytes.toString('base64')}`);
  }
  writeFileSync(join(root, 'dictionaries/confusions/glyph-features.tsv'), rows.join('\n') + '\n');
  console.log(`${rows.length - 1} characters (${skipped} without a glyph in the fonts) from ${fonts.length} fonts`);
}

main();
