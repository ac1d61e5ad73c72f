/**
 * Stage: the noisy-channel decoder (decoder.ts) in place of the look-alike
 * passes, when PARAMS.decoder is on (internal to pipeline/correct). Its
 * models are built on first use; while a whole document is corrected, the
 * document's own cache model (DocumentPairs) is shared by its paragraphs.
 */
import { decodeLine } from './decoder.ts';
import { decisions } from './decision-policy.ts';
import { decoderModels, type DecoderModels } from './models.ts';
import { PARAMS } from './params.ts';
import { DocumentPairs } from './reading-score.ts';
import type { CorrectorTables } from './tables.ts';
import type { Paragraph } from './types.ts';

export interface DecoderPass {
  /** the paragraph stage */
  decode(p: Paragraph): void;
  /** run `correct` with the document's cache model (when the decoder is on) */
  withDocument<T>(text: string, correct: () => T): T;
}

export function decoderPass(t: CorrectorTables): DecoderPass {
  let parts: DecoderModels | null = null;
  let documentPairs: DocumentPairs | undefined;
  return {
    decode(p) {
      parts ??= decoderModels(t.dicts, t.clm);
      const evidenceAt = p.input.evidenceAt;
      const alternatives = evidenceAt
        ? (i: number): { ch: string; llr: number }[] => {
            const ev = evidenceAt(i);
            if (!ev?.alternatives) return [];
            const own = Math.max(0.01, ev.confidence);
            return ev.alternatives.map((a) => ({ ch: a.text, llr: Math.log(Math.max(0.01, a.confidence) / own) }));
          }
        : undefined;
      const mask = p.mask;
      const sites = decodeLine(p.input.text, { ...parts, document: documentPairs ?? new DocumentPairs(p.input.text), isProtected: (i) => mask[i] === 1, alternatives });
      for (const d of decisions(sites, { apply: PARAMS.decoderApply, suggest: PARAMS.decoderSuggest })) (d.applied ? p.edits : p.suggestions).push(d.edit);
    },
    withDocument(text, correct) {
      if (PARAMS.decoder) documentPairs = new DocumentPairs(text);
      try {
        return correct();
      } finally {
        documentPairs = undefined;
      }
    },
  };
}
