/**
 * A red masthead read twice: from the red layer, and from the faint remains the page reading keeps (PP-OCR
 * reads them) — for a joint masthead over two or three lines, or its names alone. Made-up strings.
 */
import { describe, expect, it } from 'vitest';
import { repeatedMastheadLines } from '../../pipeline/extract/read-page.ts';

const MARK = '中共某某县委组织部某某县人力资源和社会保障局文件';

describe('repeatedMastheadLines', () => {
  it.each([
    // page text as read, how many leading characters repeat the masthead (0: none)
    ['中共某某县委组织部\n某某县人力资源和社会保障局\n文件\n某组通〔2024〕3号\n', '中共某某县委组织部\n某某县人力资源和社会保障局\n文件\n'.length],
    ['中共某某县委组织部\n某某县人力资源和社会保障局\n某组通〔2024〕3号\n', '中共某某县委组织部\n某某县人力资源和社会保障局\n'.length], // names only
    ['\n中共某某县委组织部\n某某县人力资源和社会保障局\n', '\n中共某某县委组织部\n某某县人力资源和社会保障局\n'.length],
    ['中共某某县委组织音\n某某县人力资源和社会保障局\n关于某某的通报\n', '中共某某县委组织音\n某某县人力资源和社会保障局\n'.length], // one character misread
    ['000123\n特急\n关于某某的通报\n', 0],
    ['中共某某县委组织部\n关于某某的通报\n', 0], // one name only: not the masthead read again
  ])('%j → %i', (text, cut) => expect(repeatedMastheadLines(text, MARK)).toBe(cut));
});
