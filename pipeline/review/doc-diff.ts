/** What changed between two outputs of the same (or a similar) input. Pure. */
import { diffArrays } from 'diff';
import type { Correction, NoticeDocument, Problem } from '../schema.ts';

export interface ChangeDelta {
  added: Correction[];
  removed: Correction[];
  /** same id, or same position and before/after under a new id */
  changed: { a: Correction; b: Correction; fields: string[] }[];
}

export interface DocDiff {
  identical: boolean;
  corrections: ChangeDelta;
  suggestions: ChangeDelta;
  structure: {
    fields: { field: string; a: unknown; b: unknown }[];
    problemsAdded: string[];
    problemsRemoved: string[];
    problemsChanged: { problem: string; parts: ('statement' | 'progress' | 'progressLabel')[] }[];
    headings: { where: string; a: string | null; b: string | null }[];
  };
  paragraphs: { removed: { line: number; text: string }[]; added: { line: number; text: string }[] };
}

const FIELDS = ['kind', 'before', 'after', 'rule', 'confidence', 'page'] as const;

function deltaOf(as: Correction[], bs: Correction[]): ChangeDelta {
  const bById = new Map(bs.map((c) => [c.id, c]));
  const aById = new Map(as.map((c) => [c.id, c]));
  const changed: ChangeDelta['changed'] = [];
  let removed = as.filter((c) => !bById.has(c.id));
  let added = bs.filter((c) => !aById.has(c.id));
  for (const a of as) {
    const b = bById.get(a.id);
    if (!b) continue;
    const fields = FIELDS.filter((f) => a[f] !== b[f]);
    if (a.text.start !== b.text.start || a.text.end !== b.text.end) fields.push('text' as never);
    if (fields.length) changed.push({ a, b, fields: [...fields] });
  }
  // pair leftovers by position and before/after (an id changes when the original offsets move)
  const key = (c: Correction) => `${c.text.start}:${c.before}\u0000${c.after}`;
  const addedByKey = new Map(added.map((c) => [key(c), c]));
  for (const a of removed) {
    const b = addedByKey.get(key(a));
    if (!b) continue;
    changed.push({ a, b, fields: ['id', ...FIELDS.filter((f) => a[f] !== b[f])] });
    addedByKey.delete(key(a));
  }
  const paired = new Set(changed.map((c) => c.a));
  const pairedB = new Set(changed.map((c) => c.b));
  removed = removed.filter((c) => !paired.has(c));
  added = added.filter((c) => !pairedB.has(c));
  return { added, removed, changed };
}

function problemsOf(d: NoticeDocument): Map<string, Problem> {
  const m = new Map<string, Problem>();
  for (const s of d.notice.sections) {
    const all = [...s.problems.map((p) => ({ p, where: `${s.number}` })), ...s.subsections.flatMap((u) => u.problems.map((p) => ({ p, where: `${s.number}.${u.number}` })))];
    for (const { p, where } of all) m.set(`section ${where} problem ${p.number} (${p.marker})`, p);
  }
  return m;
}

function headingsOf(d: NoticeDocument): Map<string, string> {
  const m = new Map<string, string>();
  for (const s of d.notice.sections) {
    m.set(`section ${s.number}`, s.heading);
    for (const u of s.subsections) m.set(`section ${s.number}.${u.number}`, u.heading);
  }
  return m;
}

export function diffDocuments(a: NoticeDocument, b: NoticeDocument): DocDiff {
  const fields: DocDiff['structure']['fields'] = [];
  for (const f of ['title', 'documentNumber', 'issuer', 'date', 'problemCount'] as const) {
    if (a.notice[f] !== b.notice[f]) fields.push({ field: f, a: a.notice[f], b: b.notice[f] });
  }
  if (a.source.sha256 !== b.source.sha256) fields.push({ field: 'source.sha256', a: a.source.sha256, b: b.source.sha256 });
  const pa = problemsOf(a);
  const pb = problemsOf(b);
  const problemsChanged: DocDiff['structure']['problemsChanged'] = [];
  for (const [k, p] of pa) {
    const q = pb.get(k);
    if (!q) continue;
    const parts = (['statement', 'progress', 'progressLabel'] as const).filter((f) => p[f] !== q[f]);
    if (parts.length) problemsChanged.push({ problem: k, parts: [...parts] });
  }
  const ha = headingsOf(a);
  const hb = headingsOf(b);
  const headings = [...new Set([...ha.keys(), ...hb.keys()])]
    .filter((k) => ha.get(k) !== hb.get(k))
    .map((k) => ({ where: k, a: ha.get(k) ?? null, b: hb.get(k) ?? null }));

  const paragraphs: DocDiff['paragraphs'] = { removed: [], added: [] };
  let la = 1;
  let lb = 1;
  for (const part of diffArrays(a.text.split('\n'), b.text.split('\n'))) {
    for (const t of part.value) {
      if (part.removed) paragraphs.removed.push({ line: la++, text: t });
      else if (part.added) paragraphs.added.push({ line: lb++, text: t });
      else (la++, lb++);
    }
  }
  const d: DocDiff = {
    identical: false,
    corrections: deltaOf(a.corrections, b.corrections),
    suggestions: deltaOf(a.suggestions, b.suggestions),
    structure: {
      fields,
      problemsAdded: [...pb.keys()].filter((k) => !pa.has(k)),
      problemsRemoved: [...pa.keys()].filter((k) => !pb.has(k)),
      problemsChanged,
      headings,
    },
    paragraphs,
  };
  const counts = [d.corrections, d.suggestions].flatMap((x) => [x.added, x.removed, x.changed]).map((l) => l.length);
  const s = d.structure;
  counts.push(s.fields.length, s.problemsAdded.length, s.problemsRemoved.length, s.problemsChanged.length, s.headings.length, paragraphs.added.length, paragraphs.removed.length);
  d.identical = counts.every((n) => n === 0);
  return d;
}
