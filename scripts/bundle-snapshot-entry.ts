/**
 * Bundles pipeline/correct/snapshot-entry.ts and everything it imports into one CommonJS file,
 * dist/correct/corrector-snapshot.cjs: `node --build-snapshot` runs a single script that may
 * require built-in modules only. Part of `npm run build` (after tsc, so the bundle is never older
 * than dist/cli/main.js: cli/snapshot-blob.ts uses it only then).
 *
 *   npx tsx scripts/bundle-snapshot-entry.ts
 *
 * `import.meta.url` (dictionaries.ts finds the dictionaries and jieba's list from it) becomes the
 * bundle's own URL, which sits where dist/correct/dictionaries.js does.
 */
import { build } from 'esbuild';

await build({
  entryPoints: ['pipeline/correct/snapshot-entry.ts'],
  outfile: 'dist/correct/corrector-snapshot.cjs',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  legalComments: 'none',
  logLevel: 'warning',
});
