/* eslint-disable @typescript-eslint/no-explicit-any -- live objects are untyped JSON, read as kubectl prints them */
// The API server dies in the middle of a deploy: the deploy fails with a clear
// error, and once the API server is back the next deploy converges. The API
// server freezes (SIGSTOP), before a deploy or in its middle: the deploy ends
// within its connect or request timeout, naming the server.
//
// Killing the shared control plane would break the tests running beside this
// one, so this file starts its own, private control plane in a temporary
// folder (hack/cluster/up.sh with AIRFLOW_GITOPS_CLUSTER_DIR and a cluster
// name of its own), kills only that cluster's kube-apiserver by its recorded
// PID, starts it again with the same command line, and stops the whole
// private cluster (hack/cluster/down.sh) at the end.
import { execa } from 'execa';
import { spawn } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run as deployRun } from '../../src/commands/deploy.ts';
import { clusterEnv, kubectlBinary } from '../support/cluster.ts';
import { repoRoot } from '../support/paths.ts';
import { overlay, rewrite } from '../support/deploy-harness.ts';

const clusterDir = mkdtempSync(join(tmpdir(), 'restart-cluster-'));
const clusterName = `restart-${process.pid}`;
const scriptEnv = { ...process.env, AIRFLOW_GITOPS_CLUSTER_DIR: clusterDir, AIRFLOW_GITOPS_CLUSTER_NAME: clusterName, AIRFLOW_GITOPS_NODES: '1' };
const kubeconfig = join(clusterDir, 'kubeconfig');
const pidFile = join(clusterDir, 'kwok', 'clusters', clusterName, 'pids', 'kube-apiserver.pid');

const kube = (args: string[]) => execa(kubectlBinary, ['--kubeconfig', kubeconfig, ...args], { reject: false });

async function apiReady(): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if ((await kube(['get', '--raw', '/readyz'])).exitCode === 0) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the private API server did not become ready');
}

/** Kills the private kube-apiserver now; the returned function starts it again with the same command line. */
function killApiServer(): () => Promise<void> {
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter((a) => a.length > 0);
  const cwd = readlinkSync(`/proc/${pid}/cwd`);
  process.kill(pid, 'SIGKILL');
  return async () => {
    for (let i = 0; i < 100; i++) {
      try {
        process.kill(pid, 0);
        await new Promise((r) => setTimeout(r, 50));
      } catch {
        break;
      }
    }
    const log = openSync(join(clusterDir, 'kube-apiserver-restarted.log'), 'a');
    const [command, ...args] = argv as [string, ...string[]];
    const child = spawn(command, args, { cwd, detached: true, stdio: ['ignore', log, log] });
    child.unref();
    // down.sh stops the cluster by the PIDs it recorded: record the new one.
    writeFileSync(pidFile, String(child.pid));
    await apiReady();
  };
}

/** Freezes the private kube-apiserver (it keeps its sockets, answers nothing); the returned function thaws it. */
function freezeApiServer(): () => void {
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  process.kill(pid, 'SIGSTOP');
  return () => process.kill(pid, 'SIGCONT');
}

async function deploy(dir: string, onLine: (line: string) => void = () => {}, extra: string[] = []) {
  const chunks: string[] = [];
  const io = {
    stdout: (t: string) => {
      chunks.push(t);
      onLine(t);
    },
    stderr: (t: string) => chunks.push(t),
    env: { ...clusterEnv(), KUBECONFIG: kubeconfig },
    cwd: dir,
  };
  const code = await deployRun(['restart', '--overlay', dir, '--kubeconfig', kubeconfig, '--timeout', '120', ...extra], io);
  return { code, out: chunks.join('') };
}

beforeAll(async () => {
  await execa('bash', [join(repoRoot, 'hack', 'cluster', 'up.sh')], { env: scriptEnv });
}, 300_000);

afterAll(async () => {
  await execa('bash', [join(repoRoot, 'hack', 'cluster', 'down.sh')], { env: scriptEnv, reject: false });
  rmSync(clusterDir, { recursive: true, force: true });
}, 120_000);

const change =
  'patches:\n  - target: {kind: ConfigMap, name: web-config}\n    patch: |\n      - {op: replace, path: /data/LOG_LEVEL, value: debug}\n' +
  '  - target: {kind: Deployment, name: web}\n    patch: |\n      - {op: replace, path: /spec/template/spec/containers/0/image, value: "registry.k8s.io/pause:3.9"}\n';

describe('the API server dies in the middle of a deploy', () => {
  it('fails with a clear error, and the next deploy converges', async () => {
    const ns = `restart-${process.pid}`;
    const dir = overlay(ns);
    const first = await deploy(dir);
    expect(first.code, first.out).toBe(0);

    rewrite(dir, ns, 'basic', change);
    let restart: (() => Promise<void>) | undefined;
    // Killed right after the first write of the deploy, while the rest is still to come.
    const broken = await deploy(dir, (line) => {
      if (restart === undefined && /^(created|changed) /.test(line)) restart = killApiServer();
    });
    expect(restart, broken.out).toBeDefined();
    expect(broken.code).toBe(1);
    expect(broken.out).toMatch(/airflow-gitops deploy: (the API server https:\/\/127\.0\.0\.1:\d+ did not answer|watch on .* broke)/);

    await restart?.();
    const again = await deploy(dir);
    expect(again.code, again.out).toBe(0);
    expect(again.out).toContain(`ready Deployment ${ns}/web`);
    const config = JSON.parse((await kube(['get', 'configmap', 'web-config', '-n', ns, '-o', 'json'])).stdout) as any;
    expect(config.data.LOG_LEVEL).toBe('debug');
    const web = JSON.parse((await kube(['get', 'deployment', 'web', '-n', ns, '-o', 'json'])).stdout) as any;
    expect(web.spec.template.spec.containers[0].image).toBe('registry.k8s.io/pause:3.9');
    expect(web.status.updatedReplicas).toBe(2);
    const last = await deploy(dir);
    expect(last.out).toContain('no changes: nothing written');
  });
});

/** The promise's outcome, or 'still waiting' if it has none after `ms`: a hang shows as the latter. */
async function settledWithin<T>(promise: Promise<T>, ms: number): Promise<T | 'still waiting'> {
  return Promise.race([promise, new Promise<'still waiting'>((resolve) => setTimeout(() => resolve('still waiting'), ms).unref())]);
}

describe('the API server freezes', () => {
  it('before the deploy: it ends after the connect timeout, naming the server', async () => {
    const dir = overlay(`frozen-${process.pid}`);
    const thaw = freezeApiServer();
    try {
      const result = await settledWithin(deploy(dir, () => {}, ['--connect-timeout', '2s', '--request-timeout', '3s']), 60_000);
      expect(result).not.toBe('still waiting');
      if (result === 'still waiting') return;
      expect(result.code).toBe(1);
      expect(result.out).toMatch(/the API server https:\/\/127\.0\.0\.1:\d+ did not answer .*: no connection within the connect timeout \(2 s\)/);
    } finally {
      thaw();
    }
    await apiReady();
  });

  it('in the middle of the deploy: it ends after the request timeout, naming the server', async () => {
    const ns = `frozen-mid-${process.pid}`;
    const dir = overlay(ns);
    let thaw: (() => void) | undefined;
    try {
      // Frozen once the plan is printed: connected, nothing written yet, every write still to come.
      const run = deploy(dir, (line) => {
        if (thaw === undefined && line.startsWith('plan for ')) thaw = freezeApiServer();
      }, ['--request-timeout', '3s']);
      const result = await settledWithin(run, 60_000);
      expect(thaw).toBeDefined();
      expect(result).not.toBe('still waiting');
      if (result === 'still waiting') return;
      expect(result.code).toBe(1);
      expect(result.out).toMatch(/the API server https:\/\/127\.0\.0\.1:\d+ did not answer .*: no complete answer within the request timeout \(3 s\)/);
    } finally {
      thaw?.();
    }
    await apiReady();
  });
});
