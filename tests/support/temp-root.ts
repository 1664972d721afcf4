// One temporary folder per test run, removed when the run ends: every office store, central data
// folder, USB stick and harness the tests make goes under it (`os.tmpdir()` reads TMPDIR, which the
// test workers, child processes and harnesses inherit), so a run leaves nothing behind in /tmp —
// not even what a test that failed half-way, or a fixture made once per worker, did not remove.
// Used as the global setup of vitest and of Playwright; both call the returned teardown.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function useRunTempRoot(): () => void {
  const previous = process.env.TMPDIR;
  const root = mkdtempSync(join(tmpdir(), 'field-office-test-run-'));
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    if (!process.env.KEEP_TEST_FILES) rmSync(root, { recursive: true, force: true, maxRetries: 3 });
  };
}
