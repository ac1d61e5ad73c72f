/** `notice diff <a.json> <b.json>`: exit 0 when identical, 1 when different. */
import { parseArgs } from 'node:util';
import { diffDocuments } from '../review/doc-diff.ts';
import { formatDocDiff } from '../review/format-doc-diff.ts';
import { readDocument } from '../review/load-docs.ts';
import { UsageError } from './usage-error.ts';

export const diffHelp = `Usage: notice diff <a.json> <b.json> [--json]

What changed between two outputs of "notice convert": corrections and suggestions
added, removed or changed (matched by id, then by position and before/after),
notice fields, problems added/removed/changed, headings, and changed paragraphs.
Exit code 0 when identical, 1 when different.

Options:
      --json   machine-readable output
`;

type Io = { stdin: NodeJS.ReadableStream; stdout: NodeJS.WriteStream; stderr: NodeJS.WriteStream };

export async function diffCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
  });
  if (values.help) {
    io.stdout.write(diffHelp);
    return 0;
  }
  if (positionals.length !== 2) throw new UsageError('diff needs two output .json files');
  const [a, b] = await Promise.all(positionals.map(readDocument));
  const d = diffDocuments(a.doc, b.doc);
  io.stdout.write(values.json ? `${JSON.stringify(d, null, 2)}\n` : formatDocDiff(d, { a: positionals[0], b: positionals[1] }));
  return d.identical ? 0 : 1;
}
