/**
 * GB/T 9704 element fields scored against gold.structure.json: each field the gold records (null included:
 * "the notice has none") is right or wrong. Strings: whitespace ignored, CER ≤ FIELD_TOLERANCE (as titles);
 * lists: same length and every item right, in order; dates: equal.
 */
import { z } from 'zod';
import type { Notice } from '../schema.ts';
import { cer } from './metrics.ts';

export const FIELD_TOLERANCE = 0.1;

const S = z.string().nullable().optional();
export const GoldGbtFields = z.object({
  copyNumber: S,
  secrecy: S,
  urgency: S,
  issuerMark: S,
  signer: S,
  addressee: S,
  attachments: z.array(z.object({ number: z.number().int().nullable(), title: z.string() })).optional(),
  signoff: z.object({ issuers: z.array(z.string()), date: z.string().nullable() }).nullable().optional(),
  note: S,
  copyTo: z.array(z.string()).optional(),
  printedBy: S,
  printDate: S,
});
export type GoldGbtFields = z.infer<typeof GoldGbtFields>;

export const GBT_FIELDS = ['copyNumber', 'secrecy', 'urgency', 'issuerMark', 'signer', 'addressee', 'attachments', 'signoff', 'note', 'copyTo', 'printedBy', 'printDate'] as const;

const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, '');
const same = (a: string | null | undefined, b: string | null | undefined) =>
  a == null || b == null ? (a ?? null) === (b ?? null) : squash(a) === squash(b) || (squash(b) !== '' && cer(squash(a), squash(b)) <= FIELD_TOLERANCE);
const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => same(x, b[i]));

/** What the pipeline printed for one field, in gold's shape. */
function ours(n: Notice, f: (typeof GBT_FIELDS)[number]): unknown {
  switch (f) {
    case 'addressee':
      return n.addressee;
    case 'attachments':
      return n.attachments.map((a) => ({ number: a.number, title: a.title }));
    case 'signoff':
      return n.signoff && { issuers: n.signoff.issuers, date: n.signoff.date };
    case 'copyTo':
      return n.copyTo.map((c) => c.value);
    default:
      return n[f]?.value ?? null;
  }
}

function right(f: (typeof GBT_FIELDS)[number], mine: unknown, gold: unknown): boolean {
  if (f === 'attachments') {
    type Item = { number: number | null; title: string };
    const [a, b] = [mine as Item[], gold as Item[]];
    return a.length === b.length && a.every((x, i) => x.number === b[i].number && same(x.title, b[i].title));
  }
  if (f === 'signoff') {
    type Sign = { issuers: string[]; date: string | null } | null;
    const [a, b] = [mine as Sign, gold as Sign];
    return a === null || b === null ? a === b : a.date === b.date && sameList(a.issuers, b.issuers);
  }
  if (f === 'copyTo') return sameList(mine as string[], gold as string[]);
  if (f === 'printDate') return (mine ?? null) === (gold ?? null);
  return same(mine as string | null, gold as string | null);
}

export interface GbtScore {
  scored: number;
  right: number;
  wrong: string[];
}

/** Score the fields gold records; null when gold records none of them. */
export function scoreGbtFields(n: Notice, gold: GoldGbtFields): GbtScore | null {
  const fields = GBT_FIELDS.filter((f) => gold[f] !== undefined && (f !== 'addressee' || GBT_FIELDS.some((g) => g !== 'addressee' && gold[g] !== undefined)));
  if (fields.length === 0) return null;
  const wrong = fields.filter((f) => !right(f, ours(n, f), gold[f]));
  return { scored: fields.length, right: fields.length - wrong.length, wrong: wrong.map((f) => `${f}: ${JSON.stringify(ours(n, f))}`) };
}
