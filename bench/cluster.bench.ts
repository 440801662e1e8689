// Warm start of the local control plane (binaries built): a second, independent
// cluster in a temporary folder, from `up` to a ready API, measured against
// the 30 s budget the test bed promises (there is no reference tool for this
// here: kind and k3d need a container engine).
import { execa } from 'execa';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const budgetSeconds = 30;

export default async function bench(only: string[]) {
  const name = 'cluster_warm_up_vs_budget';
  if (only.length > 0 && !only.some((o) => name.includes(o))) return {};
  const env = {
    ...process.env,
    AIRFLOW_GITOPS_CLUSTER_DIR: mkdtempSync(join(tmpdir(), 'bench-cluster-')),
    AIRFLOW_GITOPS_CLUSTER_NAME: `bench-${process.pid}`,
  };
  await execa('bash', [join(repoRoot, 'hack', 'cluster', 'build.sh')]);
  const start = performance.now();
  await execa('bash', [join(repoRoot, 'hack', 'cluster', 'up.sh')], { env });
  const seconds = (performance.now() - start) / 1000;
  await execa('bash', [join(repoRoot, 'hack', 'cluster', 'down.sh')], { env });
  return { [name]: { ours_s: seconds, reference_s: budgetSeconds, ratio: seconds / budgetSeconds } };
}
