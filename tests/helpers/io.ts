import { Readable } from 'node:stream';
import { main } from '../../pipeline/cli/main.ts';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run the CLI in-process with captured streams (stderr is not a TTY, so no progress bar). */
export async function runCli(args: string[], stdin = ''): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const out = { write: (s: string) => ((stdout += s), true), isTTY: false } as unknown as NodeJS.WriteStream;
  const err = { write: (s: string) => ((stderr += s), true), isTTY: false } as unknown as NodeJS.WriteStream;
  const code = await main(args, { stdin: Readable.from([Buffer.from(stdin)]), stdout: out, stderr: err });
  return { code, stdout, stderr };
}
