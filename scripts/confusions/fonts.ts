// Font helpers for the confusion scripts: pick a face out of a .ttc collection
// by family name (canvas only opens face 0 of a collection), write it as a
// standalone sfnt into the OS temp dir and register it with @napi-rs/canvas.
import { GlobalFonts } from '@napi-rs/canvas';
import { readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface FontSpec {
  /** alias used in ctx.font */
  alias: string;
  /** file path (.ttf/.otf/.ttc) */
  path: string;
  /** family name of the wanted face inside a collection (nameID 1 or 16) */
  family: string;
  /** short style label */
  style: 'song' | 'hei' | 'kai';
}

/** Fonts Chinese notices are typically printed in that exist on this machine. */
export const NOTICE_FONTS: FontSpec[] = [
  { alias: 'CfNotoSerifSC', path: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', family: 'Noto Serif CJK SC', style: 'song' },
  { alias: 'CfUMingCN', path: '/usr/share/fonts/truetype/arphic/uming.ttc', family: 'AR PL UMing CN', style: 'song' },
  { alias: 'CfZenHei', path: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', family: 'WenQuanYi Zen Hei', style: 'hei' },
  { alias: 'CfNotoSansSC', path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'Noto Sans CJK SC', style: 'hei' },
];

/**
 * Kai faces (GB/T 9704 sets second-level headings in 楷体; 仿宋, the body face
 * of notices, has Kai-like strokes and no simplified-Chinese free font here):
 * opt-in for the OCR statistics (`--styles song,hei,kai`), not used by the
 * glyph tables. Debian packages fonts-arphic-gkai00mp and fonts-lxgw-wenkai.
 */
export const KAI_FONTS: FontSpec[] = [
  { alias: 'CfKaitiGB', path: '/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf', family: 'AR PL KaitiM GB', style: 'kai' },
  { alias: 'CfWenKai', path: '/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf', family: 'LXGW WenKai', style: 'kai' },
];

/**
 * Faces none of the other tables was made from (`--styles extra`, for extra.ocr-observed.tsv):
 * other weights of Noto CJK SC (the light serif weights have the thin strokes of 仿宋), another
 * Hei, a Kai and a fallback face. Debian packages fonts-noto-cjk-extra, fonts-wqy-microhei,
 * fonts-arphic-ukai, fonts-droid-fallback. Never the evaluation faces of fixtures/unseen/
 * (cwTeX FangSong, AR PL SungtiL GB, AR PL KaitiM GB).
 */
const noto = (kind: 'Serif' | 'Sans', weight: string, style: FontSpec['style']): FontSpec => ({
  alias: `CfNoto${kind}SC${weight}`,
  path: `/usr/share/fonts/opentype/noto/Noto${kind}CJK-${weight}.ttc`,
  family: weight === 'Bold' ? `Noto ${kind} CJK SC` : `Noto ${kind} CJK SC ${weight}`, // Bold is a standard style: no weight in the family name
  style,
});
const EXTRA_FONTS: FontSpec[] = [
  noto('Serif', 'ExtraLight', 'song'),
  noto('Serif', 'Light', 'song'),
  noto('Serif', 'Medium', 'song'),
  noto('Serif', 'Bold', 'song'),
  noto('Sans', 'Light', 'hei'),
  noto('Sans', 'Medium', 'hei'),
  { alias: 'CfMicroHei', path: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', family: 'WenQuanYi Micro Hei', style: 'hei' },
  { alias: 'CfUKaiCN', path: '/usr/share/fonts/truetype/arphic/ukai.ttc', family: 'AR PL UKai CN', style: 'kai' },
  { alias: 'CfDroidFallback', path: '/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf', family: 'Droid Sans Fallback', style: 'hei' },
];

function tag(buf: Buffer, off: number): string {
  return buf.toString('latin1', off, off + 4);
}

/** Family names (nameID 1 and 16) of the face whose table directory starts at dirOff. */
function faceFamilies(buf: Buffer, dirOff: number): string[] {
  const numTables = buf.readUInt16BE(dirOff + 4);
  for (let i = 0; i < numTables; i++) {
    const rec = dirOff + 12 + i * 16;
    if (tag(buf, rec) !== 'name') continue;
    const off = buf.readUInt32BE(rec + 8);
    const count = buf.readUInt16BE(off + 2);
    const strOff = off + buf.readUInt16BE(off + 4);
    const out: string[] = [];
    for (let j = 0; j < count; j++) {
      const r = off + 6 + j * 12;
      const platform = buf.readUInt16BE(r);
      const nameId = buf.readUInt16BE(r + 6);
      const len = buf.readUInt16BE(r + 8);
      const so = buf.readUInt16BE(r + 10);
      if (nameId !== 1 && nameId !== 16) continue;
      const raw = buf.subarray(strOff + so, strOff + so + len);
      if (platform === 3 || platform === 0) {
        const sw = Buffer.from(raw);
        sw.swap16();
        out.push(sw.toString('utf16le'));
      } else {
        out.push(raw.toString('latin1'));
      }
    }
    return out;
  }
  return [];
}

/** Extract face `index` of a TrueType Collection as a standalone .ttf (pdf-lib cannot embed a .ttc). */
export function ttcFace(ttc: Buffer, index: number): Buffer {
  if (ttc.toString('latin1', 0, 4) !== 'ttcf') return ttc;
  const off = ttc.readUInt32BE(12 + 4 * index);
  const numTables = ttc.readUInt16BE(off + 4);
  const tables: { tag: string; checksum: number; data: Buffer }[] = [];
  for (let i = 0; i < numTables; i++) {
    const r = off + 12 + 16 * i;
    const o = ttc.readUInt32BE(r + 8);
    const len = ttc.readUInt32BE(r + 12);
    tables.push({ tag: ttc.toString('latin1', r, r + 4), checksum: ttc.readUInt32BE(r + 4), data: ttc.subarray(o, o + len) });
  }
  const headerLen = 12 + 16 * numTables;
  let total = headerLen;
  for (const t of tables) total += (t.data.length + 3) & ~3;
  const out = Buffer.alloc(total);
  ttc.copy(out, 0, off, off + 12);
  let pos = headerLen;
  tables.forEach((t, i) => {
    const r = 12 + 16 * i;
    out.write(t.tag, r, 'latin1');
    out.writeUInt32BE(t.checksum, r + 4);
    out.writeUInt32BE(pos, r + 8);
    out.writeUInt32BE(t.data.length, r + 12);
    t.data.copy(out, pos);
    pos += (t.data.length + 3) & ~3;
  });
  return out;
}

/** Register a font face with canvas under spec.alias. Returns false if unavailable. */
export function registerFont(spec: FontSpec): boolean {
  if (!existsSync(spec.path)) return false;
  const buf = readFileSync(spec.path);
  if (tag(buf, 0) !== 'ttcf') {
    return !!GlobalFonts.registerFromPath(spec.path, spec.alias);
  }
  const n = buf.readUInt32BE(8);
  for (let i = 0; i < n; i++) {
    const dirOff = buf.readUInt32BE(12 + i * 4);
    const fams = faceFamilies(buf, dirOff);
    if (!fams.includes(spec.family)) continue;
    const dir = join(tmpdir(), 'notice-confusion-fonts');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${spec.alias}.${tag(buf, dirOff) === 'OTTO' ? 'otf' : 'ttf'}`);
    if (!existsSync(file)) writeFileSync(file, ttcFace(buf, i));
    return !!GlobalFonts.registerFromPath(file, spec.alias);
  }
  return false;
}

/**
 * Register the notice fonts of the given styles (default Song and Hei: the glyph tables' four faces);
 * 'extra' registers EXTRA_FONTS instead.
 */
export function registerNoticeFonts(styles: (FontSpec['style'] | 'extra')[] = ['song', 'hei']): FontSpec[] {
  if (styles.includes('extra')) return EXTRA_FONTS.filter((f) => registerFont(f));
  return [...NOTICE_FONTS, ...KAI_FONTS].filter((f) => styles.includes(f.style) && registerFont(f));
}
