import type { NoticeDocument } from '../schema.ts';

/** Byte-stable JSON: key order fixed by the schema-built object, two-space indent, final newline. */
export function serialiseDocument(doc: NoticeDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** The corrected text for `diff`: one paragraph a line. */
export function paragraphText(doc: NoticeDocument): string {
  return doc.text.endsWith('\n') || doc.text === '' ? doc.text : `${doc.text}\n`;
}
