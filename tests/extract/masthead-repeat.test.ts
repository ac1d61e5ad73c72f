/**
 * A red masthead read twice: from the red layer, and from the faint remains the page reading keeps (PP-OCR
 * reads them) — for a joint masthead over two or three lines, or its names alone, at the top of the page or
 * under the 份号/密级/紧急程度 lines GB/T 9704 prints above it. Made-up strings.
 */
import { describe, expect, it } from 'vitest';
import { repeatedMasthead } from '../../pipeline/extract/read-page.ts';

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
