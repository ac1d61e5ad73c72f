/**
 * A red masthead read twice: from the red layer, and from the faint remains the page reading keeps (PP-OCR
 * reads them) — for a joint masthead over two or three lines, or its names alone, at the top of the page or
 * under the 份号/密级/紧急程度 lines GB/T 9704 prints above it. Made-up strings.
 */
import { describe, expect, it } from 'vitest';
import { repeatedMasthead, withMasthead } from '../../pipeline/extract/read-page.ts';

const MARK = '中共某某县委组织部某某县人力资源和社会保障局文件';

/** [page text as read, the lines that repeat the masthead as printed in it (null: none), how many] */
describe('repeatedMasthead', () => {
  it.each([
    ['中共某某县委组织部\n某某县人力资源和社会保障局\n文件\n某组通〔2024〕3号\n', '中共某某县委组织部\n某某县人力资源和社会保障局\n文件\n', 3],
    ['中共某某县委组织部\n某某县人力资源和社会保障局\n某组通〔2024〕3号\n', '中共某某县委组织部\n某某县人力资源和社会保障局\n', 2], // names only
    ['\n中共某某县委组织部\n某某县人力资源和社会保障局\n', '中共某某县委组织部\n某某县人力资源和社会保障局\n', 2],
    ['中共某某县委组织音\n某某县人力资源和社会保障局\n关于某某的通报\n', '中共某某县委组织音\n某某县人力资源和社会保障局\n', 2], // one character misread
    ['中共某某县委组织部某某县人力资源和社会保障局文件\n某组通〔2024〕3号\n', '中共某某县委组织部某某县人力资源和社会保障局文件\n', 1], // the whole line: kept by the caller
    // under the lines printed above a masthead
    ['000123\n秘密★2年\n中共某某县委组织部某某县人力资源和社会保障局文件\n某组通〔2024〕3号\n', '中共某某县委组织部某某县人力资源和社会保障局文件\n', 1],
    ['000123\n机密★1年\n特急\n中共某某县委组织部\n某某县人力资源和社会保障局\n关于某某的通报\n', '中共某某县委组织部\n某某县人力资源和社会保障局\n', 2],
    // not the masthead
    ['000123\n特急\n关于某某的通报\n', null, 0],
    ['中共某某县委组织部\n关于某某的通报\n', null, 0], // one name only: not the masthead read again
    ['各单位要认真落实整改，现将情况通报如下：\n中共某某县委组织部某某县人力资源和社会保障局文件\n', null, 0], // below a body line: not above-masthead furniture
  ])('%j', (text, printed, lines) => {
    const r = repeatedMasthead(text, MARK);
    expect(r && text.slice(r.start, r.end)).toBe(printed);
    expect(r?.lines ?? 0).toBe(lines);
  });
});

describe('withMasthead: the red layer\'s reading in the page text', () => {
  const box = { x: 10, y: 20, width: 300, height: 40 };
  const bbox = { x: 0, y: 0, width: 1, height: 1 };
  /** an OCR page whose every non-space character is one symbol */
  const page = (text: string) => ({
    text,
    symbols: [...text].flatMap((c, i) => (/\s/.test(c) ? [] : [{ start: i, end: i + 1, confidence: 0.9, bbox }])),
    confidence: 0.9,
    words: 1,
  });
  const textOfSymbols = (p: { text: string; symbols: { start: number; end: number }[] }) => p.symbols.map((s) => p.text.slice(s.start, s.end)).join('');
  it.each([
    // [page text as read, the page text with the masthead]
    ['000123\n秘密★2年\n中共某某县委组织部某某县人力资源和社会保障局文什\n某组通〔2024〕3号\n', `000123\n秘密★2年\n${MARK}\n某组通〔2024〕3号\n`], // remains under 份号/密级: replaced in place
    ['中共某某县委组织部\n某某县人力资源和社会保障局\n某组通〔2024〕3号\n', `${MARK}\n某组通〔2024〕3号\n`], // remains at the top: replaced
    ['000123\n某组通〔2024〕3号\n', `${MARK}\n000123\n某组通〔2024〕3号\n`], // no remains: at the top
  ])('%j', (read, expected) => {
    const r = withMasthead(page(MARK), page(read), box);
    expect(r.text).toBe(expected);
    // every symbol still on its own character, in text order; the masthead's carry its box on the page
    expect(textOfSymbols(r)).toBe(expected.replace(/\s+/g, ''));
    expect(r.symbols.filter((s) => s.bbox.x === box.x && s.bbox.y === box.y).length).toBe(MARK.length);
  });
});
