/**
 * TrackedText: the current text of a document as a piece table over the frozen
 * original. Stages propose edits against the *current* text; `apply` records them
 * so that every change keeps a half-open range into `original` (UTF-16 units).
 * Overlapping changes from different stages merge into one recorded change, so
 * applying all recorded changes to `original` always reproduces `text`.
 */
import type { CorrectionKind, LayoutRule } from './schema.ts';
import type { z } from 'zod';

export type ChangeMeta =
  | { type: 'layout'; rule: LayoutRule }
  | {
      type: 'correction';
      kind: z.infer<typeof CorrectionKind>;
      rule: string;
      confidence: number;
      note?: string;
      alternatives?: { after: string; score: number }[];
      /** the corrector's score (log-likelihood units); internal, not emitted */
      score?: number;
    };

/** An edit against the current text: replace [start, end) with `replacement`. */
export interface StageEdit {
  start: number;
  end: number;
  replacement: string;
  meta: ChangeMeta;
}

interface Piece {
  oStart: number;
  oEnd: number;
  text: string;
  /** null for an unchanged span of the original */
  metas: ChangeMeta[] | null;
}

export interface RecordedChange {
  original: { start: number; end: number };
  text: { start: number; end: number };
  before: string;
  after: string;
  metas: ChangeMeta[];
}

export class TrackedText {
  readonly original: string;
  private pieces: Piece[];
  private cachedText: string | null = null;
  private cachedStarts: number[] | null = null;

  constructor(original: string) {
    this.original = original;
    this.pieces = original.length ? [{ oStart: 0, oEnd: original.length, text: original, metas: null }] : [];
  }

  get text(): string {
    if (this.cachedText === null) this.cachedText = this.pieces.map((p) => p.text).join('');
    return this.cachedText;
  }

  /** Text offset where each piece starts. */
  private starts(): number[] {
    if (this.cachedStarts === null) {
      const s: number[] = new Array(this.pieces.length);
      let pos = 0;
      for (let i = 0; i < this.pieces.length; i++) {
        s[i] = pos;
        pos += this.pieces[i].text.length;
      }
      this.cachedStarts = s;
    }
    return this.cachedStarts;
  }

  /** Index of the last piece whose start is <= pos (binary search). */
  private pieceAt(pos: number): number {
    const s = this.starts();
    let lo = 0;
    let hi = s.length - 1;
    let ans = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (s[mid] <= pos) {
        ans = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return ans;
  }

  /**
   * Apply edits given against the current text. Edits must be sorted by start and
   * must not overlap (two insertions at one point are rejected too).
   */
  apply(edits: readonly StageEdit[]): void {
    if (edits.length === 0) return;
    const text = this.text;
    for (let i = 0; i < edits.length; i++) {
      const e = edits[i];
      if (e.start < 0 || e.end < e.start || e.end > text.length) {
        throw new RangeError(`edit ${i} [${e.start}, ${e.end}) is outside the text (length ${text.length})`);
      }
      if (i > 0 && (e.start < edits[i - 1].end || (e.start === edits[i - 1].start && e.start === e.end))) {
        throw new RangeError(`edit ${i} [${e.start}, ${e.end}) overlaps the previous edit`);
      }
    }
    const pieces = this.pieces;
    const starts = this.starts();
    const out: Piece[] = [];
    let pi = 0; // next piece (possibly partly consumed) to emit
    let cut = 0; // units of pieces[pi] already emitted (unchanged pieces only)

    const origAtCursor = (): number => {
      if (pi >= pieces.length) return this.original.length;
      return pieces[pi].oStart + cut;
    };
    /**
     * Move the cursor to text position t, handing each piece passed to `sink`.
     * t is never strictly inside a changed piece. Zero-length pieces sitting at t
     * are passed only when `takeEmptyAtT` (they stay before an edit, not inside it).
     */
    const walk = (t: number, sink: (p: Piece) => void, takeEmptyAtT: boolean): void => {
      while (pi < pieces.length) {
        const p = pieces[pi];
        const pStart = starts[pi];
        const pEnd = pStart + p.text.length;
        if (pEnd < t || (pEnd === t && (p.text.length > 0 || takeEmptyAtT))) {
          sink(cut ? { oStart: p.oStart + cut, oEnd: p.oEnd, text: p.text.slice(cut), metas: null } : p);
          pi++;
          cut = 0;
          continue;
        }
        if (pStart + cut < t) {
          const upto = t - pStart;
          sink({ oStart: p.oStart + cut, oEnd: p.oStart + upto, text: p.text.slice(cut, upto), metas: null });
          cut = upto;
        }
        break;
      }
    };
    const emit = (p: Piece): void => {
      out.push(p);
    };

    for (const g of this.group(edits, text)) {
      walk(g.start, emit, true);
      const oStart = origAtCursor();
      const metas: ChangeMeta[] = [];
      let oEnd = oStart;
      walk(
        g.end,
        (p) => {
          oEnd = p.oEnd;
          if (p.metas) metas.push(...p.metas);
        },
        false,
      );
      metas.push(...g.metas);
      // a group that gives back the original is an unchanged piece again
      emit({ oStart, oEnd, text: g.replacement, metas: g.replacement === this.original.slice(oStart, oEnd) ? null : metas });
    }
    walk(text.length, emit, true); // the rest, with the empty pieces at the end of the text
    this.pieces = coalesce(out);
    this.cachedText = null;
    this.cachedStarts = null;
  }

  /**
   * Widen each edit to whole changed pieces it cuts into (a recorded change is never
   * split), then merge edits whose widened ranges meet, so groups never overlap.
   */
  private group(edits: readonly StageEdit[], text: string): { start: number; end: number; replacement: string; metas: ChangeMeta[] }[] {
    const starts = this.starts();
    const widen = (pos: number, side: 'start' | 'end'): number => {
      const k = this.pieceAt(pos);
      if (k < 0) return pos;
      const p = this.pieces[k];
      if (!p.metas || pos <= starts[k] || pos >= starts[k] + p.text.length) return pos;
      return side === 'start' ? starts[k] : starts[k] + p.text.length;
    };
    const groups: { start: number; end: number; replacement: string; metas: ChangeMeta[] }[] = [];
    let lastEditEnd = 0;
    for (const e of edits) {
      const s = widen(e.start, 'start');
      const t = widen(e.end, 'end');
      const prev = groups[groups.length - 1];
      if (prev && s < prev.end) {
        prev.replacement = prev.replacement.slice(0, prev.replacement.length - (prev.end - lastEditEnd));
        prev.replacement += text.slice(lastEditEnd, e.start) + e.replacement + text.slice(e.end, Math.max(t, prev.end));
        prev.end = Math.max(t, prev.end);
        prev.metas.push(e.meta);
      } else {
        groups.push({ start: s, end: t, replacement: text.slice(s, e.start) + e.replacement + text.slice(e.end, t), metas: [e.meta] });
      }
      lastEditEnd = e.end;
    }
    return groups;
  }

  /**
   * Original offset of a position in the current text (start of a changed piece for positions inside it).
   * With bias 'end' the position is a span's end: it maps to just after the span's last character (the end
   * of a changed piece for positions inside one), so material removed right after the span — a space, a
   * line break — is not taken into it.
   */
  toOriginal(pos: number, bias: 'start' | 'end' = 'start'): number {
    if (bias === 'end' && pos > 0) return this.endToOriginal(pos);
    const k = this.pieceAt(pos);
    if (k < 0) return 0;
    const p = this.pieces[k];
    const off = pos - this.starts()[k];
    if (!p.metas) return p.oStart + Math.min(off, p.oEnd - p.oStart);
    if (off === 0) return p.oStart;
    return bias === 'start' ? p.oStart : p.oEnd;
  }

  /**
   * The original span of a span of the current text: its characters, nothing removed around them. An
   * empty span stays empty at its position, or stands for the whole changed piece it sits inside.
   */
  originalOf(span: { start: number; end: number }): { start: number; end: number } {
    const start = this.toOriginal(span.start);
    if (span.end > span.start) return { start, end: this.toOriginal(span.end, 'end') };
    const k = this.pieceAt(span.start);
    const p = k < 0 ? undefined : this.pieces[k];
    return { start, end: p?.metas && span.start > this.starts()[k] ? p.oEnd : start };
  }

  /** toOriginal(pos, 'end') for pos > 0: read from the piece holding the character before pos. */
  private endToOriginal(pos: number): number {
    const k = this.pieceAt(pos - 1);
    if (k < 0) return 0;
    const p = this.pieces[k];
    if (!p.metas) return p.oStart + Math.min(pos - this.starts()[k], p.oEnd - p.oStart);
    return p.oEnd;
  }

  /** Current-text offset of an original position (start or end of a changed piece for positions inside it). */
  fromOriginal(opos: number, bias: 'start' | 'end' = 'start'): number {
    const starts = this.starts();
    let lo = 0;
    let hi = this.pieces.length - 1;
    let k = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.pieces[mid].oStart <= opos) {
        k = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (k < 0) return 0;
    // prefer the first piece starting at opos when several (zero-length) share it
    while (k > 0 && this.pieces[k - 1].oStart === opos && bias === 'start') k--;
    const p = this.pieces[k];
    if (!p.metas) return starts[k] + Math.min(opos - p.oStart, p.text.length);
    if (opos === p.oStart) return starts[k];
    return bias === 'start' ? starts[k] : starts[k] + p.text.length;
  }

  /** All changes so far, sorted, in original and current-text coordinates. */
  changes(): RecordedChange[] {
    const starts = this.starts();
    const result: RecordedChange[] = [];
    for (let i = 0; i < this.pieces.length; i++) {
      const p = this.pieces[i];
      if (!p.metas) continue;
      result.push({
        original: { start: p.oStart, end: p.oEnd },
        text: { start: starts[i], end: starts[i] + p.text.length },
        before: this.original.slice(p.oStart, p.oEnd),
        after: p.text,
        metas: p.metas,
      });
    }
    return result;
  }
}

/**
 * Drop empty unchanged pieces (an empty edit, an insertion deleted again) and join
 * neighbouring unchanged ones (pieces are contiguous in the original). Joining only
 * keeps the table small: an unchanged span maps the same whole or split.
 */
function coalesce(pieces: Piece[]): Piece[] {
  const out: Piece[] = [];
  for (const p of pieces) {
    if (!p.metas && p.text.length === 0) continue;
    const last = out.at(-1);
    if (last && !last.metas && !p.metas) {
      out[out.length - 1] = { oStart: last.oStart, oEnd: p.oEnd, text: last.text + p.text, metas: null };
    } else out.push(p);
  }
  return out;
}

/** Apply recorded changes (original coordinates, sorted, non-overlapping) to the original. */
export function applyChanges(original: string, changes: readonly { original: { start: number; end: number }; after: string }[]): string {
  const sorted = [...changes].sort((a, b) => a.original.start - b.original.start || a.original.end - b.original.end);
  let out = '';
  let pos = 0;
  for (const c of sorted) {
    if (c.original.start < pos) throw new RangeError(`changes overlap at ${c.original.start}`);
    out += original.slice(pos, c.original.start) + c.after;
    pos = c.original.end;
  }
  return out + original.slice(pos);
}
