/** The OCR-text fixtures with gold (fixtures/notices, fixtures/sample) of one split, for the corrector's scripts. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function textFixtureDirs(root: string, split: string): string[] {
  const out: string[] = [];
  for (const base of ['fixtures/notices', 'fixtures/sample']) {
    const d = join(root, base);
    if (!existsSync(d)) continue;
    for (const f of readdirSync(d).sort()) {
      const dir = join(d, f);
      if (!existsSync(join(dir, 'gold.txt')) || !existsSync(join(dir, 'input.ocr.txt')) || !existsSync(join(dir, 'meta.json'))) continue;
      const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8'));
      if (meta.split === split) out.push(dir);
    }
  }
  return out;
}
