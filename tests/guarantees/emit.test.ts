/** emitDocument validates against the published schema before anyone sees the output. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { emitDocument } from '../../pipeline/emit.ts';
import { NoticeDocument } from '../../pipeline/schema.ts';

// a real output from the repository (output/ holds the sample converted by the pipeline)
const doc = NoticeDocument.parse(JSON.parse(readFileSync('output/hengyang.json', 'utf8')));
const { schemaVersion: _v, ...parts } = structuredClone(doc);
type Parts = Parameters<typeof emitDocument>[0];

describe('emitDocument', () => {
  it('passes a valid document through unchanged', () => {
    expect(emitDocument(structuredClone(parts))).toEqual(doc);
  });

  const breaks: [string, (p: any) => void, RegExp][] = [
    ['a correction confidence above 1', (p) => (p.corrections[0].confidence = 1.5), /confidence/],
    ['a correction without its original span', (p) => delete p.corrections[0].original, /original/],
    ['original that is not a string', (p) => (p.original = null), /original/],
    ['an unknown input kind', (p) => (p.source.kind = 'docx'), /kind/],
    ['a warning without a code', (p) => (p.warnings = [{ message: 'x' }]), /code/],
    ['no notice', (p) => delete p.notice, /notice/],
  ];
  it.each(breaks)('refuses a document with %s, naming the field', (_name, breakIt, field) => {
    const p = structuredClone(parts) as Parts;
    breakIt(p);
    expect(() => emitDocument(p)).toThrow(/does not match the schema/);
    expect(() => emitDocument(p)).toThrow(field);
  });
});
