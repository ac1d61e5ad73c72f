/** Shared bits: per-page results, a small semaphore, and abort checks. */
import { NoticeError } from '../errors.ts';
import type { NoticeErrorCode } from '../errors.ts';
import type { Seal } from '../schema.ts';
import type { EngineName, OcrSymbol } from './ocr.ts';

export interface PageResult {
  number: number;
  method: 'text' | 'text-layer' | 'ocr' | 'blank';
  reason: string;
  /** Page text; non-empty text ends with '\n'. */
  text: string;
  confidence?: number;
  /** OCR pages: the engine that read the page. */
  engine?: EngineName;
  width?: number;
  height?: number;
  /** OCR evidence, offsets relative to `text`. */
  symbols?: OcrSymbol[];
  rotation?: 0 | 90 | 180 | 270;
  skew?: number;
  seals?: Seal[];
}

export interface PageFailureResult {
  page: number;
  code: NoticeErrorCode;
  message: string;
}

export interface ExtractWarning {
  code: string;
  message: string;
  page?: number;
}

/** Limits how many rendered page images exist at once. */
export class Semaphore {
  private waiters: (() => void)[] = [];
  constructor(private free: number) {}
  /** acquire() would wait now (every permit taken) */
  get exhausted(): boolean {
    return this.free === 0;
  }
  async acquire(): Promise<void> {
    if (this.free > 0) {
      this.free--;
      return;
    }
    await new Promise<void>((resolve) => this.waiters.push(resolve));
  }
  release(): void {
    const next = this.waiters.shift();
    if (next) next();
    else this.free++;
  }
}

export function checkAbort(signal: AbortSignal | undefined, file: string, page?: number): void {
  if (!signal?.aborted) return;
  const r: unknown = signal.reason;
  if (r instanceof NoticeError) throw r;
  throw new NoticeError('TIMEOUT', `extraction aborted${r instanceof Error && r.message ? ` (${r.message})` : ''}`, { file, page, cause: r });
}

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
