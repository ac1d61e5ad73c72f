/** Regenerate schema/notice.schema.json from the zod schema (npm run schema). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { noticeJsonSchema } from '../pipeline/json-schema.ts';

mkdirSync(new URL('../schema/', import.meta.url), { recursive: true });
writeFileSync(new URL('../schema/notice.schema.json', import.meta.url), `${JSON.stringify(noticeJsonSchema(), null, 2)}\n`);
console.log('wrote schema/notice.schema.json');
