/**
 * The HTML review page in a real headless Chromium (Debian's /usr/bin/chromium):
 * reject by click and keyboard, export, re-convert with the decisions, diff.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DecisionsFile } from '../../pipeline/review/decisions.ts';
import { changesOf, hanContext } from '../../pipeline/review/text-model.ts';
import { needsSystem, SYSTEM } from '../helpers/system.ts';
import { EVIL_TEXT, HENGYANG, convert, readDoc, run, tempDir } from './helpers.ts';

const CHROMIUM = SYSTEM.chromium.what;

describe('HTML review page in Chromium', () => {
  // on CI a missing browser is a failure, never a silent skip; a local run skips and says so
  const have = needsSystem(SYSTEM.chromium);
  let ctx: BrowserContext;
  let profile: string;
  beforeAll(async () => {
    if (!have) return;
    const { chromium } = await import('playwright-core');
    profile = mkdtempSync(join(tmpdir(), 'h6-chromium-'));
    ctx = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      acceptDownloads: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });
  afterAll(async () => {
    await ctx?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('reject by click and keyboard, export, convert --decisions: exactly those corrections are gone', async () => {
    const out = tempDir('html');
    const doc = await convert(HENGYANG, out);
    const html = join(out, 'review.html');
    expect((await run(['review', join(out, 'input.ocr.json'), '--html', html])).code).toBe(0);
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const requests: string[] = [];
    page.on('request', (r) => { if (!r.url().startsWith('file:') && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) requests.push(r.url()); });
    await page.goto(pathToFileURL(html).href);

    // first: a character correction followed by another correction (the page moves on after a decision)
    const order = changesOf(doc);
    const i = order.findIndex((c, k) => c.type === 'correction' && c.c.kind === 'character' && order[k + 1]?.type === 'correction' && order[k + 1].c.text.start >= c.c.text.end);
    const first = order[i].c;
    const second = order[i + 1].c;
    expect(await page.locator('mark.chg').count()).toBe(order.length);

    // hover shows the original and the rule
    await page.hover(`mark[data-id="${first.id}"]`);
    const tip = page.locator(`mark[data-id="${first.id}"] .tip`);
    expect(await tip.isVisible()).toBe(true);
    expect(await tip.textContent()).toContain(first.before);
    expect(await tip.textContent()).toContain(first.rule);

    await page.click(`mark[data-id="${first.id}"]`);
    expect(await page.textContent('#detail')).toContain(first.id);
    await page.click('#reject');
    expect(await page.getAttribute('mark.current', 'data-id')).toBe(second.id);
    await page.keyboard.press('r');
    const third = await page.getAttribute('mark.current', 'data-id');
    await page.keyboard.press('a');
    expect(await page.textContent('#counter')).toMatch(/^1 accepted · 2 rejected/);
    await page.keyboard.press('u'); // undo the accept
    expect(await page.getAttribute('mark.current', 'data-id')).toBe(third);
    expect(await page.textContent('#counter')).toMatch(/^0 accepted · 2 rejected/);
    await page.keyboard.press('k');
    expect(await page.getAttribute('mark.current', 'data-id')).toBe(second.id);
    expect(await page.getAttribute(`mark[data-id="${first.id}"]`, 'class')).toContain('rejected');

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
    expect(download.suggestedFilename()).toBe('decisions.json');
    const json = await page.inputValue('#decisions-json');
    expect(await readFile((await download.path())!, 'utf8')).toBe(json);
    const exported = DecisionsFile.parse(JSON.parse(json));
    const want = [first, second].map((c) => ({ id: c.id, decision: 'reject', before: c.before, after: c.after, rule: c.rule, context: hanContext(doc, { type: 'correction', c }) }));
    expect(exported).toEqual({ version: 1, documents: [{ file: doc.source.file, sha256: doc.source.sha256, decisions: want }] });
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();

    const decPath = join(out, 'decisions.json');
    await writeFile(decPath, json);
    // the page's own document is the baseline: one conversion with the decisions, compared
    // with it directly (a second baseline run would hide a nondeterministic conversion)
    const before = doc;
    const base = out;
    const out2 = tempDir('html2');
    const after = await convert(HENGYANG, out2, ['--decisions', decPath]);
    expect(after.dictionaryVersion).toBe(before.dictionaryVersion);
    expect(before.corrections.map((c) => c.id)).toEqual(expect.arrayContaining([first.id, second.id]));
    const ids = after.corrections.map((c) => c.id);
    expect(ids).not.toContain(first.id);
    expect(ids).not.toContain(second.id);
    expect(after.text.slice(first.text.start, first.text.start + first.before.length)).toBe(first.before);

    const d = await run(['diff', join(base, 'input.ocr.json'), join(out2, 'input.ocr.json'), '--json']);
    expect(d.code).toBe(1);
    const x = JSON.parse(d.stdout);
    expect(x.corrections.removed.map((c: { id: string }) => c.id).sort()).toEqual([first.id, second.id].sort());
    expect([x.corrections.added, x.corrections.changed, x.suggestions.added, x.suggestions.removed, x.suggestions.changed]).toEqual([[], [], [], [], []]);
    const lines = new Set([first, second].map((c) => doc.text.slice(0, c.text.start).split('\n').length));
    expect(x.paragraphs.added.map((p: { line: number }) => p.line).sort()).toEqual([...lines].sort());
  });

  it('filters: kind=punctuation leaves only punctuation highlighted', async () => {
    const out = tempDir('html-f');
    const doc = await convert(HENGYANG, out);
    const html = join(out, 'r.html');
    await run(['review', out, '--html', html]);
    const page = await ctx.newPage();
    await page.goto(pathToFileURL(html).href);
    await page.selectOption('#filter-kind', 'punctuation');
    const ids = await page.$$eval('mark.chg:not(.plain)', (ms) => ms.map((m) => (m as HTMLElement).dataset.id));
    expect(ids.sort()).toEqual(doc.corrections.filter((c) => c.kind === 'punctuation').map((c) => c.id).sort());
    await page.fill('#filter-min', '0.95');
    await page.dispatchEvent('#filter-min', 'change');
    const ids2 = await page.$$eval('mark.chg:not(.plain)', (ms) => ms.map((m) => (m as HTMLElement).dataset.id));
    expect(ids2.sort()).toEqual(doc.corrections.filter((c) => c.kind === 'punctuation' && c.confidence >= 0.95).map((c) => c.id).sort());
    await page.close();
  });

  it('document text is escaped: markup renders as text, no script runs; several documents get a selector', async () => {
    const dir = tempDir('html-evil');
    await writeFile(join(dir, 'evil.txt'), EVIL_TEXT);
    const out = join(dir, 'out');
    const evil = await convert(join(dir, 'evil.txt'), out);
    await convert(HENGYANG, out);
    expect(evil.text).toContain('<script>alert(1)</script>');
    const html = join(dir, 'review.html');
    expect((await run(['review', out, '--html', html])).code).toBe(0);
    const page = await ctx.newPage();
    const dialogs: string[] = [];
    page.on('dialog', async (dlg) => { dialogs.push(dlg.message()); await dlg.dismiss(); });
    await page.goto(pathToFileURL(html).href);
    const names = await page.$$eval('#doc-select option', (os) => os.map((o) => o.textContent ?? ''));
    expect(names.map((n) => n.replace(/ \(\d+\)$/, ''))).toEqual(['evil', 'input.ocr']);
    const text = await page.textContent('#text');
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).toContain('<img src=x onerror=alert(2)>');
    expect(await page.locator('#text script, #text img').count()).toBe(0);
    await page.selectOption('#doc-select', '1');
    expect(await page.textContent('#text')).toContain('衡阳县委巡察机构');
    await page.selectOption('#doc-select', '0');
    expect(await page.locator('#crops-note').textContent()).toContain('text input');
    expect(dialogs).toEqual([]);
    expect((await readDoc(join(out, 'evil.json'))).corrections.length).toBeGreaterThan(0);
    await page.close();
  });
});
