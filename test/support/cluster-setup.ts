// Vitest global setup of the `cluster` project: starts the local control plane
// once per run, or reuses one that is already up (then leaves it running).
import { execa } from 'execa';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { kubectlBinary } from './cluster.ts';
import { kubeconfigPath, repoRoot } from './paths.ts';

async function clusterIsUp(): Promise<boolean> {
  if (!existsSync(kubeconfigPath)) return false;
  const ready = await execa(kubectlBinary, ['--kubeconfig', kubeconfigPath, 'get', '--raw', '/readyz'], {
    reject: false,
    timeout: 5_000,
  });
  return ready.exitCode === 0;
}

export default async function setup(): Promise<() => Promise<void>> {
  if (await clusterIsUp()) return async () => {};
  await execa('bash', [join(repoRoot, 'hack', 'cluster', 'up.sh')], { stdio: 'inherit' });
  return async () => {
    await execa('bash', [join(repoRoot, 'hack', 'cluster', 'down.sh')], { stdio: 'inherit' });
  };
}
