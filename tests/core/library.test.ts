import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('library use', () => {
  it('the built package exports convertText, its schema and types (npm run build / npm ci builds dist/)', () => {
    expect(existsSync('dist/index.js'), 'dist/ is missing: run npm run build').toBe(true);
    expect(existsSync('dist/index.d.ts')).toBe(true);
    const script = `
      import { convertText, NoticeDocument, noticeJsonSchema } from 'notice-pipeline';
      const doc = convertText('关于巡察整改进展情况的通报\\n一、整改情况\\n问题1.学习贯彻不到位。\\n整改进展情况:已全部完成整改。\\n');
      console.log(JSON.stringify({ ok: NoticeDocument.safeParse(doc).success, problems: doc.notice.problemCount, text: doc.text, schema: typeof noticeJsonSchema().properties }));
    `;
    const out = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }));
    expect(out).toMatchObject({ ok: true, problems: 1, schema: 'object' });
    expect(out.text).toContain('整改进展情况：已全部完成整改。');
  });
});
