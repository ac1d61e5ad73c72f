import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTRA_FONT_FILES, FALLBACK, FONTS, fallbackChars, fontRuns } from '../../scripts/fixtures/render.ts';
import { inputFile } from '../../scripts/fixtures/unseen-engines.ts';
import { readUnseenMeta } from '../../scripts/fixtures/unseen-meta.ts';
import { needsSystem, SYSTEM } from '../helpers/system.ts';

const ROOT = 'fixtures/unseen';
describe('unseen set faces', () => {
  needsSystem(SYSTEM.fangSong, SYSTEM.sungtiGB, SYSTEM.kaitiGB);
  it('the faces named here are the files the helper checks', () => {
    expect(Object.values(EXTRA_FONT_FILES).sort()).toEqual([SYSTEM.fangSong, SYSTEM.sungtiGB, SYSTEM.kaitiGB].map((n) => n.what).sort());
  });

  it('FangSong lacks simplified forms; they are drawn in the fallback face, run by run', () => {
    expect(FALLBACK[FONTS.fangSong]).toBe(FONTS.kaitiGB);
    expect(fallbackChars('为巡察工作', FONTS.fangSong)).toEqual(['为']);
    expect(fontRuns('为巡察工作为', FONTS.fangSong)).toEqual([
      { text: '为', family: FONTS.kaitiGB },
      { text: '巡察工作', family: FONTS.fangSong },
      { text: '为', family: FONTS.kaitiGB },
    ]);
    expect(fontRuns('为巡察', FONTS.sungtiGB)).toEqual([{ text: '为巡察', family: FONTS.sungtiGB }]); // no fallback declared: one run
  });

  it.each(readdirSync(ROOT).sort())('%s: meta.json validates and records its fallback characters and every engine input', (id) => {
    const dir = join(ROOT, id);
    const meta = readUnseenMeta(dir);
    const gold = readFileSync(join(dir, 'gold.txt'), 'utf8');
    expect(meta.id).toBe(id);
    expect(meta.fallbackChars ?? '').toBe(FALLBACK[meta.font] ? fallbackChars(gold, meta.font).join('') : '');
    expect(Object.keys(meta.engines ?? {}).length).toBeGreaterThanOrEqual(4);
    for (const engine of Object.keys(meta.engines ?? {})) expect(existsSync(join(dir, inputFile(engine))), `${id}: ${inputFile(engine)}`).toBe(true);
    expect(meta.degradation.pages?.length).toBeGreaterThan(0);
  });
});
