// Starting and stopping a second, independent cluster (its own state folder
// and name, the same binaries) proves up/down without disturbing the cluster
// the other tests share.
import { execa } from 'execa';
import { mkdtempSync, readdirSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kubectlBinary } from '../../support/cluster.ts';
import { repoRoot } from '../../support/paths.ts';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw error;
  }
}

function recordedPids(stateDir: string, name: string): Record<string, number> {
  const pidDir = join(stateDir, 'kwok', 'clusters', name, 'pids');
  const pids: Record<string, number> = {};
  for (const file of readdirSync(pidDir)) pids[file.replace(/\.pid$/, '')] = Number(readFileSync(join(pidDir, file), 'utf8'));
  pids['local-provisioner'] = Number(readFileSync(join(stateDir, 'local-provisioner.pid'), 'utf8'));
  return pids;
}

describe('cluster up and down', () => {
  it('starts a cluster whose API answers, then stops every process it started', async () => {
    const stateDir = mkdtempSync(join(tmpdir(), 'cluster-'));
    const name = `lifecycle-${process.pid}`;
    const env = { ...process.env, AIRFLOW_GITOPS_CLUSTER_DIR: stateDir, AIRFLOW_GITOPS_CLUSTER_NAME: name, AIRFLOW_GITOPS_NODES: '1' };

    const up = await execa('bash', [join(repoRoot, 'hack', 'cluster', 'up.sh')], { env, reject: false });
    expect(up.exitCode, up.stderr).toBe(0);
    expect(up.stdout).toContain('local cluster ready');

    const pids = recordedPids(stateDir, name);
    expect(Object.keys(pids).sort()).toEqual(
      ['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'kwok-controller', 'local-provisioner'].sort(),
    );
    for (const [component, pid] of Object.entries(pids)) expect(isAlive(pid), `${component} (pid ${pid}) running`).toBe(true);

    const kubeconfig = join(stateDir, 'kubeconfig');
    const nodes = await execa(kubectlBinary, ['--kubeconfig', kubeconfig, 'get', 'nodes', '-o', 'name']);
    expect(nodes.stdout.trim().split('\n')).toHaveLength(1);

    const down = await execa('bash', [join(repoRoot, 'hack', 'cluster', 'down.sh')], { env, reject: false });
    expect(down.exitCode, down.stderr).toBe(0);
    for (const [component, pid] of Object.entries(pids)) expect(isAlive(pid), `${component} (pid ${pid}) stopped`).toBe(false);
    expect(existsSync(kubeconfig)).toBe(false);
    expect(existsSync(join(stateDir, 'kwok'))).toBe(false);
  });
});
