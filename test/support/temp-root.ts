// Vitest global setup of every project: one temporary folder per run, which
// every test's mkdtemp(tmpdir()) lands in (TMPDIR is read at each call), and
// which is removed when the run ends. A test that forgets to clean up leaves
// nothing behind on the machine.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const previous = process.env.TMPDIR;
  const root = mkdtempSync(join(tmpdir(), 'airflow-gitops-test-'));
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(root, { recursive: true, force: true });
  };
}
