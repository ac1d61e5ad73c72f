/** vitest setup file: this test process's temporary files go under the run's folder (tests/helpers/temp-root.ts). */
import { inject } from 'vitest';

process.env.TMPDIR = inject('tempRoot');
