/**
 * The entry of the corrector's V8 start-up snapshot. scripts/bundle-snapshot-entry.ts bundles
 * it (one CommonJS file, as `node --build-snapshot` requires) into
 * dist/correct/corrector-snapshot.cjs; cli/snapshot-blob.ts builds the blob from that and
 * finds it again.
 *
 * While the blob is built: the default dictionaries are read and the corrector built (about
 * a second of CPU in every process otherwise), the models it would load on first use are
 * loaded, and one short document is corrected so that nothing is left to build lazily; V8
 * then writes the heap. A process started from the blob finds the corrector where
 * sharedCorrector looks, with the signature (paths, sizes, times) of the files it read, and
 * runs the CLI of dist/ (cli/snapshot-child.ts). sharedCorrector takes it only while those
 * files are unchanged.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startupSnapshot } from 'node:v8';
import { DEFAULT_DICT_DIR } from './dictionaries.ts';
import { dictionarySignature, sharedCorrector, SNAPSHOT_CORRECTOR, type SnapshotCorrector } from './shared-corrector.ts';

/** A few lines of a notice, with misreadings, that take every stage of the corrector once. */
const WARM_UP = [
  '关于巡察整改进展情况的通报',
  '一、关于政冶建设方面的问题',
  '1.民主生店会质量不高。整改情况：巳召开专题会议，机关于部学习制度巳建立。',
  '联系人：张某某，电话：0734-1234567。',
].join('\n');

if (!startupSnapshot.isBuildingSnapshot()) throw new Error('snapshot-entry is run by `node --build-snapshot` only (cli/snapshot-blob.ts)');

const signature = dictionarySignature(DEFAULT_DICT_DIR, []);
if (signature === null) throw new Error(`the dictionaries in ${DEFAULT_DICT_DIR} cannot be listed`);
const corrector = sharedCorrector();
corrector.loadModels();
corrector.correctDocument({ text: WARM_UP, ocrSigns: 1 });
(globalThis as { [SNAPSHOT_CORRECTOR]?: SnapshotCorrector })[SNAPSHOT_CORRECTOR] = { signature, corrector };

const here = dirname(fileURLToPath(import.meta.url));
startupSnapshot.setDeserializeMainFunction(() => {
  const child = createRequire(join(here, 'x.cjs'))(join(here, '..', 'cli', 'snapshot-child.js')) as { runSnapshotChild(): void };
  child.runSnapshotChild();
});
