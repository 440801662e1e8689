// Vitest global setup of every project: one temporary folder per run, which
// every test's mkdtemp(tmpdir()) lands in (TMPDIR is read at each call), and
// which is removed when the run ends. A test that forgets to clean up leaves
// nothing behind on the machine.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  // Each project runs this setup; the first one's folder serves them all.
  if (process.env.AIRFLOW_GITOPS_TEST_TMPDIR !== undefined) return () => {};
  const previous = process.env.TMPDIR;
  const root = mkdtempSync(join(tmpdir(), 'airflow-gitops-test-'));
  // Traversable by other uids (the git-sync access test runs ssh as uid 65533
  // in a folder below this one); the folders tests make inside stay 0700.
  chmodSync(root, 0o711);
  process.env.TMPDIR = root;
  process.env.AIRFLOW_GITOPS_TEST_TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    delete process.env.AIRFLOW_GITOPS_TEST_TMPDIR;
    rmSync(root, { recursive: true, force: true });
  };
}
