/** `notice convert <files or folders…> --out <dir>` */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir, availableParallelism } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { assignUniqueNames, collectInputs, type BatchInput } from '../batch/collect-inputs.ts';
import { batchExitCode, writeRunReport } from '../batch/outputs.ts';
import { progressReporter } from '../batch/progress.ts';
import { runBatch, type FileResult } from '../batch/run-batch.ts';
import { formatSummary } from '../batch/summary.ts';
import { createPipeline } from '../convert.ts';
import { CONVERT_OPTIONS } from './convert-options.ts';
import { UsageError } from './usage-error.ts';
import { DEFAULT_ENGINE, ENGINE_NAMES, type EngineName } from '../extract/ocr.ts';

export const convertHelp = `Usage: notice convert <files or folders…> [--out DIR] [options]

Converts .txt (any OCR engine's text), .pdf, .png, .jpg, .tif inputs to DIR/<name>.json
and DIR/<name>.txt (corrected text, one paragraph a line). "-" reads text from stdin.

Options:
  -o, --out DIR          output folder (required unless --jsonl)
  -j, --jobs N           files converted at once and OCR workers (default: cores)
      --ocr MODE         auto | always | never (default: auto)
      --engine NAME      OCR engine for scanned pages: ppocr | tesseract (default: ppocr)
      --force            redo inputs whose output is up to date
      --jsonl            write one JSON document per line to stdout
      --decisions FILE   apply a reviewer's decisions file (repeatable)
      --dict FILE        add a user dictionary (repeatable)
      --strict           exit non-zero on warnings too
  -q, --quiet            no progress bar, no summary
`;

export async function convertCommand(argv: string[], io: { stdin: NodeJS.ReadableStream; stdout: NodeJS.WriteStream; stderr: NodeJS.WriteStream }): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: CONVERT_OPTIONS,
  });
  if (values.help) {
    io.stdout.write(convertHelp);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('convert needs at least one file or folder');
  if (!values.out && !values.jsonl) throw new UsageError('convert needs --out DIR (or --jsonl)');
  const ocr = values.ocr as 'auto' | 'always' | 'never';
  if (!['auto', 'always', 'never'].includes(ocr)) throw new UsageError(`--ocr must be auto, always or never (got "${values.ocr}")`);
  const engine = (values.engine ?? DEFAULT_ENGINE) as EngineName;
  if (!ENGINE_NAMES.includes(engine)) throw new UsageError(`--engine must be ${ENGINE_NAMES.join(' or ')} (got "${values.engine}")`);
  const jobs = values.jobs ? Number(values.jobs) : availableParallelism();
  if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError(`--jobs must be a positive integer (got "${values.jobs}")`);

  let stdinDir: string | null = null;
  const inputs: BatchInput[] = [];
  for (const arg of positionals) {
    if (arg === '-') {
      stdinDir = await mkdtemp(join(tmpdir(), 'notice-stdin-'));
      const path = join(stdinDir, 'stdin.txt');
      await writeFile(path, await readAll(io.stdin));
      inputs.push({ path, outName: 'stdin', name: '-' });
    } else inputs.push(...(await collectInputs([arg])));
  }
  assignUniqueNames(inputs);

  const decisions = values.decisions.length
    ? await (await import('../review/decisions.ts')).loadDecisions(values.decisions)
    : undefined;
  const pipeline = createPipeline({ workers: jobs, engine, userDictionaries: values.dict, decisions });
  const showProgress = !values.quiet && io.stderr.isTTY === true;
  let results: FileResult[];
  try {
    results = await runBatch(pipeline, inputs, {
      out: values.out ?? null,
      jobs,
      force: values.force,
      ocr,
      onEvent: showProgress ? progressReporter(io.stderr) : undefined,
      onDocument: values.jsonl ? (doc) => io.stdout.write(`${JSON.stringify(doc)}\n`) : undefined,
    });
  } finally {
    await pipeline.close();
    if (stdinDir) await rm(stdinDir, { recursive: true, force: true });
  }

  if (values.out) await writeRunReport(values.out, pipeline.dictionaryVersion, results);
  if (!values.quiet) io.stderr.write(`${formatSummary(results)}\n`);
  return batchExitCode(results, values.strict);
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks);
}
