/** `notice review <output.json|dir> [--html FILE | --format diff]` */
import { parseArgs } from 'node:util';
import { writeFileAtomic } from '../io/write-atomic.ts';
import { formatUnifiedDiff } from '../review/format-diff.ts';
import { formatReview } from '../review/format-terminal.ts';
import { loadDocuments } from '../review/load-docs.ts';
import type { ChangeFilter } from '../review/text-model.ts';
import { UsageError } from './usage-error.ts';

export const reviewHelp = `Usage: notice review <output.json|dir> [options]

Shows every correction and suggestion of "notice convert" output in context.

Options:
      --format F            text (default) or diff (unified diff: text before
                            corrections vs corrected text, one paragraph a line;
                            applies with patch -p1 to the .txt before corrections)
      --html FILE           write a self-contained HTML review page with
                            accept/reject and "Export decisions"
      --no-crops            (with --html) do not embed page-image crops
      --rule R              only this rule (e.g. confusion:glyph, or prefix confusion); repeatable
      --kind K              character | punctuation | script | rule | correction | suggestion; repeatable
      --min-confidence X    only changes with confidence >= X
      --max-confidence X    only changes with confidence <= X
      --color / --no-color  force ANSI colour on or off (default: on for a terminal)
`;

type Io = { stdin: NodeJS.ReadableStream; stdout: NodeJS.WriteStream; stderr: NodeJS.WriteStream };

function confidence(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) throw new UsageError(`${name} must be a number from 0 to 1 (got "${v}")`);
  return n;
}

export async function reviewCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    allowNegative: true,
    options: {
      format: { type: 'string', default: 'text' },
      html: { type: 'string' },
      crops: { type: 'boolean', default: true },
      rule: { type: 'string', multiple: true, default: [] },
      kind: { type: 'string', multiple: true, default: [] },
      'min-confidence': { type: 'string' },
      'max-confidence': { type: 'string' },
      color: { type: 'boolean' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.stdout.write(reviewHelp);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('review needs exactly one output .json file or folder');
  if (!['text', 'diff'].includes(values.format)) throw new UsageError(`--format must be text or diff (got "${values.format}")`);
  if (values.html && values.format !== 'text') throw new UsageError('--html and --format diff cannot be combined');
  const kinds = ['character', 'punctuation', 'script', 'rule', 'correction', 'suggestion'];
  for (const k of values.kind) if (!kinds.includes(k)) throw new UsageError(`--kind must be one of ${kinds.join(', ')} (got "${k}")`);
  const filter: ChangeFilter = {
    rules: values.rule,
    kinds: values.kind,
    minConfidence: confidence('--min-confidence', values['min-confidence']),
    maxConfidence: confidence('--max-confidence', values['max-confidence']),
  };
  const docs = await loadDocuments(positionals[0]);

  if (values.html) {
    const { buildReviewPage } = await import('../review/html-page.ts');
    const { cropsFor } = await import('../review/crops.ts');
    const pages = [];
    for (const d of docs) pages.push({ ...d, crops: values.crops ? await cropsFor(d.doc, d.path) : { available: false, reason: 'crops disabled (--no-crops)', images: {} } });
    await writeFileAtomic(values.html, buildReviewPage(pages, filter));
    io.stderr.write(`notice review: wrote ${values.html} (${docs.length} document(s))\n`);
    return 0;
  }
  if (values.format === 'diff') {
    io.stdout.write(docs.map((d) => formatUnifiedDiff(d.doc, `${d.name}.txt`)).filter(Boolean).join(''));
    return 0;
  }
  const colour = values.color ?? io.stdout.isTTY === true;
  io.stdout.write(formatReview(docs, { colour, filter }));
  return 0;
}
