/**
 * vitest global setup: every temporary file of a test run — the tests' own folders and those of
 * the CLIs, workers and browsers they start — goes under one fresh folder, removed when the run
 * ends, so runs leave nothing in /tmp. The folder reaches each test process as `tempRoot`, where
 * tests/helpers/use-temp-root.ts makes it TMPDIR (os.tmpdir() and child processes read it).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    tempRoot: string;
  }
}

export default function setup(project: TestProject): () => void {
  const root = mkdtempSync(join(tmpdir(), 'notice-tests-'));
  project.provide('tempRoot', root);
  return () => rmSync(root, { recursive: true, force: true });
}
