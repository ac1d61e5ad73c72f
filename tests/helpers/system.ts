/**
 * Tests that need a system (Debian) package go through here, so a missing one says
 * which package to install. On CI (`CI` set; .ci/run sets it) such a test fails with
 * "needs <package> (apt-get install <package>)"; a local run skips it with that message.
 */
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { beforeEach, TestRunner } from 'vitest';

export interface SystemNeed {
  /** the Debian package that provides it */
  pkg: string;
  /** a program on PATH or an absolute file path */
  what: string;
  present(): boolean;
}

function onPath(name: string): boolean {
  for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
    try {
      accessSync(join(dir, name), constants.X_OK);
      return true;
    } catch {
      // not in this folder
    }
  }
  return false;
}
/** NOTICE_TEST_HIDE="patch fonts-wqy-zenhei" makes those count as missing (to see the messages without uninstalling). */
const hidden = (pkg: string): boolean => (process.env.NOTICE_TEST_HIDE ?? '').split(/[\s,]+/).includes(pkg);
const program = (name: string, pkg: string): SystemNeed => ({ pkg, what: name, present: () => !hidden(pkg) && onPath(name) });
const file = (path: string, pkg: string): SystemNeed => ({ pkg, what: path, present: () => !hidden(pkg) && existsSync(path) });

/** Every system package a test uses (the same list .ci/run installs). */
export const SYSTEM = {
  patch: program('patch', 'patch'),
  git: program('git', 'git'),
  qpdf: program('qpdf', 'qpdf'),
  redisServer: program('redis-server', 'redis-server'),
  chromium: file('/usr/bin/chromium', 'chromium'),
  wqyZenHei: file('/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', 'fonts-wqy-zenhei'),
  umingCN: file('/usr/share/fonts/truetype/arphic/uming.ttc', 'fonts-arphic-uming'),
  notoCjk: file('/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', 'fonts-noto-cjk'),
  fangSong: file('/usr/share/fonts/truetype/cwtex/cwfs.ttf', 'fonts-cwtex-fs'),
  sungtiGB: file('/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf', 'fonts-arphic-gbsn00lp'),
  kaitiGB: file('/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf', 'fonts-arphic-gkai00mp'),
} satisfies Record<string, SystemNeed>;

/** "needs <pkg> (apt-get install <pkg>)" for the missing ones, or null when all are there. */
export function missingMessage(needs: readonly SystemNeed[]): string | null {
  const missing = needs.filter((n) => !n.present());
  if (!missing.length) return null;
  const pkgs = [...new Set(missing.map((n) => n.pkg))].join(' ');
  return `needs ${pkgs} (apt-get install ${pkgs}): ${missing.map((n) => n.what).join(', ')} not found`;
}

const warned = new Set<string>();
function refuse(message: string, skip: (note: string) => void): void {
  if (process.env.CI) throw new Error(message);
  if (!warned.has(message)) console.warn(`SKIPPED: ${message}`);
  warned.add(message);
  skip(message);
}

/**
 * At the top of a test file or describe: every test in it needs these. Returns false
 * when one is missing; then each test fails (CI) or is skipped (local run), and the
 * scope's own beforeAll hooks must return at once (`if (!have) return;`).
 */
export function needsSystem(...needs: SystemNeed[]): boolean {
  const message = missingMessage(needs);
  if (message) beforeEach((ctx) => refuse(message, (note) => ctx.skip(note)));
  return message === null;
}

/** Inside a running test (or a helper it calls): fail (CI) or skip (local) when one is missing. */
export function requireSystem(...needs: SystemNeed[]): void {
  const message = missingMessage(needs);
  if (!message) return;
  const test = TestRunner.getCurrentTest();
  refuse(message, (note) => {
    if (test) test.context.skip(note);
    throw new Error(message); // outside a test (a hook) a run cannot be skipped
  });
}
