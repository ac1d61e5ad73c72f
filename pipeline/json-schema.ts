import { z } from 'zod';
import { NoticeDocument, SCHEMA_VERSION } from './schema.ts';

/** JSON Schema (draft 2020-12) generated from the zod schema: never written by hand. */
export function noticeJsonSchema(): Record<string, unknown> {
  return {
    $id: `urn:notice-pipeline:schema:${SCHEMA_VERSION}`,
    title: 'notice-pipeline output document',
    ...z.toJSONSchema(NoticeDocument, { target: 'draft-2020-12' }),
  };
}
