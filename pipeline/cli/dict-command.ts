/** `notice dict learn <decisions.json…> [--out DIR]` */
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { NoticeError } from '../errors.ts';
import { writeFileAtomic } from '../io/write-atomic.ts';
import { mergeDecisions, readDecisionsFile } from '../review/decisions.ts';
import { formatProtectedTsv, learn, parseProtectedTsv, type LearnedRule } from '../review/learn.ts';
import { UsageError } from './usage-error.ts';

export const dictHelp = `Usage: notice dict learn <decisions.json…> [--out DIR]

Turns reviewer decisions (from "notice review --html", Export decisions) into user
dictionaries for "notice convert --dict FILE":
  DIR/learned-protected.tsv   rejected changes: context + before becomes a protected
                              term (the corrector changes nothing inside it)
  DIR/learned-rules.json      accepted changes: a literal rule context+before → context+after
Entries already in DIR are kept; a later decision on the same context replaces an earlier one.
Punctuation and script changes (punct:*, opencc:*) are made before the corrector and
cannot be learned; they are listed as skipped.

Options:
  -o, --out DIR   where to write (default: learned-dict)
`;

type Io = { stdin: NodeJS.ReadableStream; stdout: NodeJS.WriteStream; stderr: NodeJS.WriteStream };

export async function dictCommand(argv: string[], io: Io): Promise<number> {
  const [sub, ...rest] = argv;
  if (!sub || sub === '--help' || sub === '-h') {
    io.stdout.write(dictHelp);
    return sub ? 0 : 64;
  }
  if (sub !== 'learn') throw new UsageError(`unknown dict subcommand "${sub}" (expected: learn)`);
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { out: { type: 'string', short: 'o', default: 'learned-dict' }, help: { type: 'boolean', short: 'h', default: false } },
  });
  if (values.help) {
    io.stdout.write(dictHelp);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('dict learn needs at least one decisions .json file');
  const files = [];
  for (const f of positionals) files.push(await readDecisionsFile(f));
  const decisions = [...mergeDecisions(files).values()].flatMap((m) => [...m.values()]);

  const tsvPath = join(values.out, 'learned-protected.tsv');
  const rulesPath = join(values.out, 'learned-rules.json');
  const priorTerms = existsSync(tsvPath) ? parseProtectedTsv(await readFile(tsvPath, 'utf8')) : [];
  let priorRules: LearnedRule[] = [];
  if (existsSync(rulesPath)) {
    try {
      priorRules = JSON.parse(await readFile(rulesPath, 'utf8')) as LearnedRule[];
    } catch (e) {
      throw new NoticeError('DICTIONARY_INVALID', `cannot read learned rules (${(e as Error).message})`, { file: rulesPath });
    }
  }
  const out = learn(decisions, { protectedTerms: priorTerms, rules: priorRules });
  await mkdir(values.out, { recursive: true });
  await writeFileAtomic(tsvPath, formatProtectedTsv(out.protectedTerms));
  await writeFileAtomic(rulesPath, `${JSON.stringify(out.rules, null, 2)}\n`);
  for (const s of out.skipped) io.stderr.write(`skipped ${s.decision.id} (${s.decision.before}→${s.decision.after}): ${s.reason}\n`);
  io.stdout.write(
    `${out.protectedTerms.length} protected term(s) in ${tsvPath}\n${out.rules.length} rule(s) in ${rulesPath}\n` +
      `use: notice convert … --dict ${tsvPath} --dict ${rulesPath}\n`,
  );
  return 0;
}
