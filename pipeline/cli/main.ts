/**
 * The `notice` command line. Thin: each command parses its arguments and calls
 * library functions; only this file sets the exit code.
 */
import { isNoticeError } from '../errors.ts';
import { convertCommand } from './convert-command.ts';
import { UsageError } from './usage-error.ts';

const HELP = `notice — scanned Chinese government notices to corrected, structured JSON

Commands:
  notice convert <files or folders…> --out DIR   convert .txt/.pdf/.png/.jpg/.tif inputs
  notice submit <files or folders…> --redis URL --out DIR   the same, on queue workers
  notice worker --redis URL [--concurrency N]    convert jobs from the queue
  notice schema                                  print the output JSON Schema
  notice review <output.json|dir> [--html FILE | --format diff]
  notice diff <a.json> <b.json>                  what changed between two runs
  notice dict learn <decisions.json…> [--out FILE]

Run "notice <command> --help" for a command's options.
`;

type Io = { stdin: NodeJS.ReadableStream; stdout: NodeJS.WriteStream; stderr: NodeJS.WriteStream };
type Command = (argv: string[], io: Io) => Promise<number>;

const commands: Record<string, () => Promise<Command>> = {
  convert: async () => convertCommand,
  submit: async () => (await import('./submit-command.ts')).submitCommand,
  worker: async () => (await import('./worker-command.ts')).workerCommand,
  schema: async () => (await import('./schema-command.ts')).schemaCommand,
  review: async () => (await import('./review-command.ts')).reviewCommand,
  diff: async () => (await import('./diff-command.ts')).diffCommand,
  dict: async () => (await import('./dict-command.ts')).dictCommand,
};

export async function main(argv: string[], io: Io = process): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(HELP);
    return name ? 0 : 64;
  }
  const load = commands[name];
  if (!load) {
    io.stderr.write(`notice: unknown command "${name}"\n\n${HELP}`);
    return 64;
  }
  try {
    return await (await load())(rest, io);
  } catch (e) {
    if (e instanceof UsageError || (e instanceof TypeError && (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS'))) {
      io.stderr.write(`notice ${name}: ${e.message}\nRun "notice ${name} --help" for usage.\n`);
      return 64;
    }
    if (isNoticeError(e)) {
      io.stderr.write(`notice ${name}: ${e.message}\n`);
      return 1;
    }
    io.stderr.write(`notice ${name}: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 70;
  }
}
