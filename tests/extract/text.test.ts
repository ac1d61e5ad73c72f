import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { NoticeError } from '../../pipeline/errors.ts';
import { createExtractor } from '../../pipeline/extract/index.ts';
import { decodeText } from '../../pipeline/extract/text.ts';

const dir = mkdtempSync(join(tmpdir(), 'extract-text-'));
const ex = createExtractor({ workers: 1 });
afterAll(async () => {
  await ex.close();
  rmSync(dir, { recursive: true, force: true });
});

const prose = '关于巡察整改进展情况的通报\r\n各单位：\n根据市委统一部署，市委第三巡察组于2024年3月开展了常规巡察。\n';

const ok: { name: string; bytes: Buffer; encoding: string; text: string }[] = [
  { name: 'utf-8', bytes: Buffer.from(prose, 'utf8'), encoding: 'utf-8', text: prose },
  { name: 'utf-8 with BOM', bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(prose, 'utf8')]), encoding: 'utf-8', text: prose },
  { name: 'utf-16le with BOM', bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(prose, 'utf16le')]), encoding: 'utf-16le', text: prose },
  { name: 'utf-16be with BOM', bytes: Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(prose, 'utf16le').swap16()]), encoding: 'utf-16be', text: prose },
  { name: 'gb18030', bytes: iconv.encode(prose, 'gb18030'), encoding: 'gb18030', text: prose },
  { name: 'gb18030 (GBK subset, ASCII-heavy)', bytes: iconv.encode('Report 2024: 巡察 done\n', 'gbk'), encoding: 'gb18030', text: 'Report 2024: 巡察 done\n' },
  { name: 'ascii', bytes: Buffer.from('plain ascii\n'), encoding: 'utf-8', text: 'plain ascii\n' },
];

const bad: { name: string; bytes: Buffer; code: string }[] = [
  { name: 'empty', bytes: Buffer.alloc(0), code: 'EMPTY_FILE' },
  { name: 'whitespace only', bytes: Buffer.from(' \n\r\n\t'), code: 'EMPTY_FILE' },
  { name: 'BOM only', bytes: Buffer.from([0xef, 0xbb, 0xbf]), code: 'EMPTY_FILE' },
  { name: 'binary with NUL bytes', bytes: Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0x3e, 0]), code: 'BINARY_FILE' },
  { name: 'control characters', bytes: Buffer.from(Array.from({ length: 64 }, (_, i) => (i % 3 === 0 ? 0x41 : (i % 30) + 1))), code: 'BINARY_FILE' },
  // Shift-JIS Japanese decodes as GB18030 without error, into Han characters that form no words.
  { name: 'shift-jis text', bytes: iconv.encode('東京都の会議は明日午後三時から開催されます。参加者は資料を準備してください。会場は本館三階です。', 'shift_jis'), code: 'UNKNOWN_ENCODING' },
  { name: 'latin-1 text', bytes: Buffer.from('Caf\xe9 cr\xe8me br\xfbl\xe9e, \xe0 la carte\n', 'latin1'), code: 'UNKNOWN_ENCODING' },
];

describe('text files: encoding detection', () => {
  it.each(ok)('$name → $encoding, text kept exactly', async ({ name, bytes, encoding, text }) => {
    const file = join(dir, `${name.replace(/\W+/g, '_')}.txt`);
    writeFileSync(file, bytes);
    const r = await ex.extract(file, { ocr: 'auto' });
    expect(r.kind).toBe('text');
    expect(r.encoding).toBe(encoding);
    expect(r.original).toBe(text);
    expect(r.pages).toEqual([{ number: 1, method: 'text', reason: expect.stringContaining('plain text input'), original: { start: 0, end: text.length } }]);
    expect(r.evidence).toEqual([]);
    expect(r.failures).toEqual([]);
  });

  it.each(bad)('$name → $code naming the file', async ({ name, bytes, code }) => {
    const file = join(dir, `bad_${name.replace(/\W+/g, '_')}.txt`);
    writeFileSync(file, bytes);
    const err = await ex.extract(file, { ocr: 'auto' }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(NoticeError);
    expect((err as NoticeError).code).toBe(code);
    expect((err as NoticeError).message).toContain(file);
  });

  it('a missing file is NOT_FOUND', async () => {
    const file = join(dir, 'nope.txt');
    await expect(ex.extract(file, { ocr: 'auto' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('decodeText: GB18030 bytes that also decode as UTF-8 are never misread', () => {
    // Pure ASCII is valid in both: UTF-8 wins and the text is the same.
    expect(decodeText(Buffer.from('abc 123\n'), 'x.txt')).toEqual({ encoding: 'utf-8', text: 'abc 123\n' });
    // GB18030 Han text is not valid UTF-8.
    const gb = iconv.encode('整改进展情况', 'gb18030');
    expect(decodeText(gb, 'x.txt')).toEqual({ encoding: 'gb18030', text: '整改进展情况' });
  });
});
