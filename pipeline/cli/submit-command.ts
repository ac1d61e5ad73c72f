/** `notice submit <files or folders…> --redis URL --out DIR` */
import { DEFAULT_ENGINE, ENGINE_NAMES, type EngineName } from '../extract/ocr.ts';
import { parseArgs } from 'node:util';
import { assignUniqueNames, collectInputs } from '../batch/collect-inputs.ts';
import { batchExitCode, writeRunReport } from '../batch/outputs.ts';
import { progressReporter } from '../batch/progress.ts';
import { formatSummary } from '../batch/summary.ts';
import { DEFAULT_MAX_INPUT_BYTES, MB } from '../queue/job.ts';
import { submitInputs } from '../queue/submit.ts';
import { UsageError } from './usage-error.ts';

export const submitHelp = `Usage: notice submit <files or folders…> --redis URL --out DIR [options]

Like "notice convert", but the conversions run on "notice worker" processes (on any
machine) that take jobs from a Redis queue. Inputs travel through Redis, outputs come
back and are written to DIR with the same names and bytes as convert writes.

Options:
      --redis URL        redis://[user:password@]host:port[/db] (required)
  -o, --out DIR          output folder (required)
      --ocr MODE         auto | always | never (default: auto)
      --engine NAME      OCR engine for scanned pages: ppocr | tesseract (default: ppocr)
      --force            redo inputs whose output is up to date
      --decisions FILE   apply a reviewer's decisions file (repeatable)
      --dict FILE        add a user dictionary (repeatable; sent to the workers)
      --max-input-mb N   refuse inputs larger than N MB (default: ${DEFAULT_MAX_INPUT_BYTES / MB})
      --window N         jobs outstanding at once (default: 256)
      --queue NAME       queue name (default: one per pipeline version)
      --strict           exit non-zero on warnings too
  -q, --quiet            no progress bar, no summary
`;

const positive = (v: string | undefined, flag: string): number | undefined => {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!(n > 0)) throw new UsageError(`${flag} must be a positive number (got "${v}")`);
  return n;
};

export async function submitCommand(argv: string[], io: { stdout: NodeJS.WriteStream; stderr: NodeJS.WriteStream }): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      redis: { type: 'string' },
      out: { type: 'string', short: 'o' },
      ocr: { type: 'string', default: 'auto' },
      engine: { type: 'string', default: DEFAULT_ENGINE },
      force: { type: 'boolean', default: false },
      decisions: { type: 'string', multiple: true, default: [] },
      dict: { type: 'string', multiple: true, default: [] },
      'max-input-mb': { type: 'string' },
      window: { type: 'string' },
      queue: { type: 'string' },
      strict: { type: 'boolean', default: false },
      quiet: { type: 'boolean', short: 'q', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.stdout.write(submitHelp);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('submit needs at least one file or folder');
  if (positionals.includes('-')) throw new UsageError('submit reads files, not stdin ("-")');
  if (!values.redis) throw new UsageError('submit needs --redis URL');
  if (!values.out) throw new UsageError('submit needs --out DIR');
  const ocr = values.ocr as 'auto' | 'always' | 'never';
  if (!['auto', 'always', 'never'].includes(ocr)) throw new UsageError(`--ocr must be auto, always or never (got "${values.ocr}")`);
  const engine = values.engine as EngineName;
  if (!ENGINE_NAMES.includes(engine)) throw new UsageError(`--engine must be ${ENGINE_NAMES.join(' or ')} (got "${values.engine}")`);
  const maxInputMb = positive(values['max-input-mb'], '--max-input-mb');
  const window = positive(values.window, '--window');

  const inputs = await collectInputs(positionals);
  assignUniqueNames(inputs);
  const decisions = values.decisions.length
    ? await (await import('../review/decisions.ts')).loadDecisions(values.decisions)
    : undefined;
  const { results, dictionaryVersion } = await submitInputs(inputs, {
    redis: values.redis,
    out: values.out,
    force: values.force || decisions !== undefined,
    ocr,
    engine,
    userDictionaries: values.dict,
    decisions,
    queue: values.queue,
    ...(maxInputMb ? { maxInputBytes: Math.round(maxInputMb * MB) } : {}),
    ...(window ? { window: Math.ceil(window) } : {}),
    onEvent: !values.quiet && io.stderr.isTTY === true ? progressReporter(io.stderr) : undefined,
  });
  await writeRunReport(values.out, dictionaryVersion, results);
  if (!values.quiet) io.stderr.write(`${formatSummary(results)}\n`);
  return batchExitCode(results, values.strict);
}
