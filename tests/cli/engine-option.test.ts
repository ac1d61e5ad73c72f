/** `--engine` on convert and `engine` in the library reach the extractor, and each page records the engine that read it. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { convertHelp } from '../../pipeline/cli/convert-command.ts';
import { createPipeline } from '../../pipeline/convert.ts';
import { createEngine } from '../../pipeline/extract/index.ts';
import { TesseractEngine } from '../../pipeline/extract/ocr.ts';
import { PpocrEngine } from '../../pipeline/extract/ppocr/engine.ts';
import { NoticeDocument } from '../../pipeline/schema.ts';
import { runCli } from '../helpers/io.ts';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'engine-option-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('engine selection', () => {
  it.each([
    [{}, PpocrEngine],
    [{ engine: 'ppocr' as const }, PpocrEngine],
    [{ engine: 'tesseract' as const }, TesseractEngine],
  ])('createEngine(%o) builds the engine without starting it', (config, type) => {
    const e = createEngine({ ...config, workers: 3 });
    expect(e).toBeInstanceOf(type);
    expect(e.workers).toBe(3);
    expect(e.started).toBe(false);
  });

  it('an unknown engine name is refused', () => {
    expect(() => createEngine({ engine: 'abbyy' as never })).toThrow(/unknown OCR engine "abbyy"/);
  });

  it('convert --help names the option and its default', () => {
    expect(convertHelp).toMatch(/--engine NAME .*ppocr \| tesseract \(default: ppocr\)/);
  });

  it('convert --engine with an unknown name is a usage error (exit 64)', async () => {
    const r = await runCli(['convert', 'fixtures/pdf/page.png', '--out', tmp(), '--engine', 'ocrad']);
    expect(r.code).toBe(64);
    expect(r.stderr).toMatch(/--engine must be ppocr or tesseract \(got "ocrad"\)/);
  });

  it('convert --engine tesseract reads a page image with tesseract and records it', async () => {
    const out = tmp();
    const r = await runCli(['convert', 'fixtures/pdf/page.png', '--out', out, '--engine', 'tesseract', '--jobs', '1']);
    expect(r.code, r.stderr).toBe(0);
    const doc = NoticeDocument.parse(JSON.parse(readFileSync(join(out, 'page.json'), 'utf8')));
    expect(doc.source.pages.map((p) => [p.method, p.engine])).toEqual([['ocr', 'tesseract']]);
  }, 120_000);

  it('the library default is ppocr, recorded per page', async () => {
    const p = createPipeline({ workers: 1 });
    try {
      const doc = await p.convertFile('fixtures/pdf/page.png');
      expect(doc.source.pages.map((pg) => [pg.method, pg.engine])).toEqual([['ocr', 'ppocr']]);
      expect(doc.text).toMatch(/巡视整改进展情况/);
    } finally {
      await p.close();
    }
  }, 120_000);
});
