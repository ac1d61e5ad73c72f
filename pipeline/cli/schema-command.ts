/** `notice schema`: print the output JSON Schema (the contract for other tools). */
import { noticeJsonSchema } from '../json-schema.ts';

export async function schemaCommand(_argv: string[], io: { stdout: NodeJS.WriteStream }): Promise<number> {
  io.stdout.write(`${JSON.stringify(noticeJsonSchema(), null, 2)}\n`);
  return 0;
}
