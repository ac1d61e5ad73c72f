/** Shared test helpers: run the CLI in-process with fake streams; temp dirs. */
import { mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { main } from '../../pipeline/cli/main.ts';
import type { NoticeDocument } from '../../pipeline/schema.ts';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function sink(isTTY: boolean): NodeJS.WriteStream & { text: string } {
  const s = { text: '', isTTY, write(chunk: string | Uint8Array) { s.text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'); return true; } };
  return s as unknown as NodeJS.WriteStream & { text: string };
}

export async function run(argv: string[], opts: { tty?: boolean } = {}): Promise<Run> {
  const stdout = sink(opts.tty ?? false);
  const stderr = sink(false);
  const code = await main(argv, { stdin: Readable.from([]), stdout, stderr });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

export function tempDir(tag: string): string {
  return mkdtempSync(join(tmpdir(), `h6-${tag}-`));
}

export async function readDoc(path: string): Promise<NoticeDocument> {
  return JSON.parse(await readFile(path, 'utf8')) as NoticeDocument;
}

/** Convert one input to `out`/<name>.json and return the document. */
export async function convert(input: string, out: string, extra: string[] = []): Promise<NoticeDocument> {
  const r = await run(['convert', input, '--out', out, '-q', ...extra]);
  if (r.code !== 0) throw new Error(`convert failed (${r.code}): ${r.stderr}`);
  const name = input.split('/').pop()!.replace(/\.[^.]+$/, '');
  return readDoc(join(out, `${name}.json`));
}

export const HENGYANG = 'fixtures/sample/hengyang/input.ocr.txt';

/**
 * A small notice with markup in it and two confusions the corrector fixes (币→市, 冶→治: a lone one
 * would be held as a suggestion, lone-change.ts).
 */
export const EVIL_TEXT =
  '关于巡察整改进展情况的通报\n根据市委统一部署，<script>alert(1)</script>现将巡察整改进展情况予以公布。\n' +
  '一、组织整改落实情况\n衡阳县委巡察机构对币委提级巡察反馈意见高度重视，提高政冶站位。<img src=x onerror=alert(2)>\n';
