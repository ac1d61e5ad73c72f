/** Read `notice convert` output: one .json file, or every document .json in a folder. */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { NoticeError } from '../errors.ts';
import { NoticeDocument } from '../schema.ts';

export interface LoadedDoc {
  /** path of the .json */
  path: string;
  /** short display name: the .json's base name without extension */
  name: string;
  doc: NoticeDocument;
}

export async function readDocument(path: string): Promise<LoadedDoc> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new NoticeError('NOT_FOUND', `cannot read (${(e as Error).message})`, { file: path, cause: e });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new NoticeError('UNSUPPORTED_INPUT', `invalid JSON (${(e as Error).message})`, { file: path });
  }
  const r = NoticeDocument.safeParse(raw);
  if (!r.success) {
    throw new NoticeError('UNSUPPORTED_INPUT', `not a notice document: ${z.prettifyError(r.error).split('\n').slice(0, 4).join('; ')}`, { file: path });
  }
  return { path, name: basename(path).replace(/\.json$/i, ''), doc: r.data };
}

/** A file, or the document .json files of a folder (run-report.json and non-documents skipped). */
export async function loadDocuments(target: string): Promise<LoadedDoc[]> {
  let st;
  try {
    st = await stat(target);
  } catch (e) {
    throw new NoticeError('NOT_FOUND', 'no such file or folder', { file: target, cause: e });
  }
  if (!st.isDirectory()) return [await readDocument(target)];
  const names = (await readdir(target)).filter((n) => n.endsWith('.json') && n !== 'run-report.json').sort();
  const docs: LoadedDoc[] = [];
  for (const n of names) {
    try {
      docs.push(await readDocument(join(target, n)));
    } catch (e) {
      if (!(e instanceof NoticeError && e.code === 'UNSUPPORTED_INPUT')) throw e;
    }
  }
  if (docs.length === 0) throw new NoticeError('NOT_FOUND', 'no notice documents (.json from notice convert) in this folder', { file: target });
  return docs;
}
