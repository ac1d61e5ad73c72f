/**
 * `notice convert`'s options (node:util parseArgs), shared by the command and by the launcher,
 * which reads a command line before the CLI loads (cli/snapshot-blob.ts). The engine's default
 * (DEFAULT_ENGINE) is applied by the command: naming it here would load the OCR engines into the launcher.
 */
import type { ParseArgsConfig } from 'node:util';

export const CONVERT_OPTIONS = {
  out: { type: 'string', short: 'o' },
  jobs: { type: 'string', short: 'j' },
  ocr: { type: 'string', default: 'auto' },
  engine: { type: 'string' },
  force: { type: 'boolean', default: false },
  jsonl: { type: 'boolean', default: false },
  decisions: { type: 'string', multiple: true, default: [] as string[] },
  dict: { type: 'string', multiple: true, default: [] as string[] },
  strict: { type: 'boolean', default: false },
  quiet: { type: 'boolean', short: 'q', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} satisfies NonNullable<ParseArgsConfig['options']>;
