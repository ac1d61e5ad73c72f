/**
 * Stage: a mark Chinese prose never prints between two Han characters (· • ．: none occurs so in
 * the genre corpus or any gold text), where the OCR engine itself offers Chinese punctuation
 * among its alternatives — PP-OCR reads 。 and 、 on 1-bit fax pages as ·. The printed mark is
 * wrong; the engine's alternatives say what it was: each Chinese mark it offers gets its share of
 * their probability as posterior. Applied from PARAMS.decoderApply when the mark is also the
 * engine's best alternative overall, else suggested with the ranked readings (internal to pipeline/correct).
 */
import { PARAMS } from './params.ts';
import { isHan, round } from './text-units.ts';
import type { Paragraph } from './types.ts';

const NEVER_BETWEEN_HAN = new Set(['·', '•', '．']);
const CHINESE_MARKS = new Set(['。', '，', '、', '；', '：']);

/** The Chinese marks the engine offered for the character at q, with their posterior over one another; best first. */
export function offeredMarks(alternatives: readonly { text: string; confidence: number }[]): { after: string; score: number }[] {
  const marks = alternatives.filter((a) => CHINESE_MARKS.has(a.text) && a.confidence > 0);
  const total = marks.reduce((s, a) => s + a.confidence, 0);
  return marks.map((a) => ({ after: a.text, score: a.confidence / total })).sort((a, b) => b.score - a.score);
}

const topAlternative = (alternatives: readonly { text: string; confidence: number }[]): string | undefined =>
  alternatives.reduce<{ text: string; confidence: number } | undefined>((best, a) => (!best || a.confidence > best.confidence ? a : best), undefined)?.text;

export function engineMarks(p: Paragraph): void {
  const { text, mask, input } = p;
  if (!input.evidenceAt) return;
  for (let q = 1; q + 1 < text.length; q++) {
    if (!NEVER_BETWEEN_HAN.has(text[q]) || mask[q] || !isHan(text, q - 1) || !isHan(text, q + 1)) continue;
    if (p.edits.some((e) => e.start <= q && q < e.end)) continue;
    const alternatives = input.evidenceAt(q)?.alternatives ?? [];
    const marks = offeredMarks(alternatives);
    if (!marks.length) continue;
    // applied only when the engine's own next reading is that mark (a speck's next readings are - . ' rather)
    const apply = marks[0].score >= PARAMS.decoderApply && topAlternative(alternatives) === marks[0].after;
    const edit = {
      start: q,
      end: q + 1,
      replacement: marks[0].after,
      meta: {
        type: 'correction' as const,
        kind: 'punctuation' as const,
        rule: 'punct:engine-alternative',
        confidence: round(marks[0].score),
        note: `${text[q]} between two characters is no Chinese mark; the OCR engine offered ${marks.map((m) => `${m.after} ${round(m.score)}`).join(', ')}`,
        ...(marks.length > 1 ? { alternatives: marks.map((m) => ({ after: m.after, score: round(m.score) })) } : {}),
      },
    };
    if (apply) {
      p.edits.push(edit);
      mask[q] = 1;
    } else p.suggestions.push(edit);
  }
}
