/**
 * Reading a dictionary file line by line (internal to pipeline/correct): TSV
 * rows under a required header, each validated with zod; any problem is a
 * NoticeError('DICTIONARY_INVALID') naming the file and the line or entry.
 */
import { z } from 'zod';
import { NoticeError } from '../errors.ts';

export const HAN1 = /^\p{Script=Han}$/u;
export const HANS = /^\p{Script=Han}{2,}$/u;
export const num = z.coerce.number().finite();

const DIGITS = /^\d{1,15}$/;

/**
 * A count written as a plain decimal integer (at most 15 digits, so exact as a number), else
 * null: the plain-row readers' test, a subset of what `num.int().nonnegative()` accepts.
 */
export function plainCount(s: string): number | null {
  return DIGITS.test(s) ? Number(s) : null;
}

export function invalid(file: string, where: string, msg: string): NoticeError {
  return new NoticeError('DICTIONARY_INVALID', `${where}: ${msg}`, { file });
}

export function zodMsg(err: z.ZodError): string {
  return z.prettifyError(err).replace(/\s*\n\s*/g, '; ');
}

/** Rows of a TSV file with a required header; '#' lines and blank lines are skipped. */
export function tsvRows(file: string, text: string, header: string[]): { line: number; cols: string[] }[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const rows: { line: number; cols: string[] }[] = [];
  let sawHeader = false;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    if (!raw.trim() || raw.startsWith('#')) continue;
    const cols = raw.split('\t');
    if (!sawHeader) {
      sawHeader = true;
      if (header.some((h, k) => cols[k]?.trim() !== h)) {
        throw invalid(file, `line ${i + 1}`, `header must be "${header.join('\\t')}"`);
      }
      continue;
    }
    rows.push({ line: i + 1, cols });
  }
  return rows;
}

export function parseRow<T>(file: string, line: number, schema: z.ZodType<T>, cols: string[]): T {
  const r = schema.safeParse(cols.map((c) => c.trim()));
  if (!r.success) throw invalid(file, `line ${line}`, zodMsg(r.error));
  return r.data;
}
