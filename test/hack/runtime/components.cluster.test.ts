// The optional components running for real on the process runtime
// (hack/runtime): overlays/local with components/pgbouncer, components/metrics
// and components/git-dag-bundle in place of git-sync, deployed once with the
// deploy command. PgBouncer (Debian's) carries Airflow's connections, the
// statsd exporter (built from its Go module) receives Airflow's StatsD, and
// Airflow's own GitDagBundle clones the DAGs over SSH from a real sshd on
// 127.0.0.2 (a git host outside the cluster), with the deploy key and
// known_hosts the deploy command puts in the Secret airflow-git-ssh.
import { execa } from 'execa';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run as deployRun } from '../../../src/commands/deploy.ts';
import type { KubeClient } from '../../../src/kube/client.ts';
import { clusterEnv } from '../../support/cluster.ts';
import { AirflowApi, bumpLocal, kubeClient, startRuntime, templateRepo, type Runtime, type TemplateRepo } from '../../support/runtime.ts';
import { startSshd, type SshServer } from '../../support/template/sshd.ts';
import { componentChanges } from '../../support/template/variants.ts';
import { waitFor } from '../../support/wait.ts';

const namespace = `airflow-comp-${randomBytes(3).toString('hex')}`;
const components = ['pgbouncer', 'metrics', 'git-dag-bundle'];

// A DAG only the pinned commit has: listed, it was cloned from there.
const dagId = 'bundle_probe';
const dag = `from datetime import datetime, timezone

from airflow.sdk import DAG, task

with DAG(dag_id="${dagId}", schedule=None, start_date=datetime(2026, 1, 1, tzinfo=timezone.utc), catchup=False):
    @task
    def hello():
        print("hello from the bundle")

    hello()
`;

interface Pod {
  metadata: { name: string; labels?: Record<string, string> };
  status: { phase?: string; conditions?: { type: string; status: string }[]; containerStatuses?: { name: string; ready: boolean; containerID?: string }[] };
}
interface DagRun {
  dag_run_id: string;
  state: string;
  bundle_version?: string | null;
}

let runtime: Runtime;
let repo: TemplateRepo;
let client: KubeClient;
let api: AirflowApi;
let sshd: SshServer;
let sshDir = '';
let pinned = '';
let run: DagRun | undefined;

/** The template repository with the components on in overlays/local, DAGs from `dagRepo` over SSH. */
function enableComponents(dir: string, dagRepo: string): void {
  const kustomization = join(dir, 'overlays', 'local', 'kustomization.yaml');
  const text = components.reduce((t, c) => componentChanges[c]?.(t) ?? t, readFileSync(kustomization, 'utf8'));
  writeFileSync(kustomization, text);
  const environment = join(dir, 'overlays', 'local', 'environment.yaml');
  writeFileSync(environment, readFileSync(environment, 'utf8').replace(/dagRepo: .*/, `dagRepo: ${dagRepo}`));
}

/** `deploy local` with the SSH deploy key and known_hosts given as a CI job gives them. */
async function deploy(): Promise<{ code: number; out: string }> {
  const chunks: string[] = [];
  const env = { ...clusterEnv(), AIRFLOW_GITOPS_GIT_SSH_KEY: sshd.deployKey, AIRFLOW_GITOPS_GIT_KNOWN_HOSTS: sshd.knownHosts.right };
  const io = { stdout: (t: string) => chunks.push(t), stderr: (t: string) => chunks.push(t), env, cwd: repo.dir };
  const code = await deployRun(['local', '--timeout', '600'], io);
  return { code, out: chunks.join('') };
}

/** The last lines of every container log the runtime kept, to say why a deploy failed. */
function containerLogs(): string {
  const root = join(runtime.stateDir, 'pods');
  if (!existsSync(root)) return '';
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.log'));
  return files.map((f) => `--- ${f}\n${readFileSync(join(root, f), 'utf8').split('\n').slice(-15).join('\n')}`).join('\n');
}

async function pods(): Promise<Pod[]> {
  return (await client.request<{ items: Pod[] }>('GET', `/api/v1/namespaces/${namespace}/pods`)).items;
}

const component = (pod: Pod) => pod.metadata.labels?.['app.kubernetes.io/component'] ?? '';

/** The process (group) id of each running component's main container. */
async function containerPids(): Promise<Map<string, number>> {
  const pids = new Map<string, number>();
  for (const pod of (await pods()).filter((p) => p.status.phase === 'Running')) {
    const main = pod.status.containerStatuses?.[0]?.containerID ?? '';
    pids.set(component(pod), Number(/^process:\/\/(\d+)$/.exec(main)?.[1]));
  }
  return pids;
}

/** The address a Service's name resolves to in the namespace's pods. */
function serviceAddress(service: string): string {
  const hosts = readFileSync(join(runtime.stateDir, 'network', `hosts-${namespace}`), 'utf8');
  const line = hosts.split('\n').find((l) => l.split(/\s+/).includes(`${service}.${namespace}.svc`));
  if (!line) throw new Error(`${service} is not in the pods' hosts file`);
  return line.split(/\s+/)[0] ?? '';
}

/** The process group of a process (each container runs in a group of its own), or undefined once it is gone. */
function processGroup(pid: string): number | undefined {
  try {
    // /proc/PID/stat: "pid (comm) state ppid pgrp ...", comm may hold spaces.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
  } catch {
    return undefined;
  }
}

/** Established TCP connections of this machine: the peer (address:port) and the process group holding each. */
async function connections(): Promise<{ peer: string; group: number }[]> {
  const listed = await execa('ss', ['-Htnp', 'state', 'established']);
  const found: { peer: string; group: number }[] = [];
  for (const line of listed.stdout.split('\n')) {
    const peer = line.trim().split(/\s+/)[3] ?? '';
    for (const m of line.matchAll(/pid=(\d+)/g)) {
      const group = processGroup(m[1] ?? '');
      if (group !== undefined) found.push({ peer, group });
    }
  }
  return found;
}

/** Triggers the DAG (unpaused first) and waits until the run ends. */
async function runDag(): Promise<DagRun> {
  await api.patch(`/api/v2/dags/${dagId}`, { is_paused: false });
  const started = await api.post<DagRun>(`/api/v2/dags/${dagId}/dagRuns`, { logical_date: new Date().toISOString(), conf: {} });
  const path = `/api/v2/dags/${dagId}/dagRuns/${encodeURIComponent(started.dag_run_id)}`;
  return waitFor(`run ${started.dag_run_id}`, async () => {
    const now = await api.get<DagRun>(path);
    return now.state === 'success' || now.state === 'failed' ? now : undefined;
  }, 240_000);
}

/** The statsd exporter's /metrics, scraped through the Service as Prometheus would. */
function metrics(): Promise<string> {
  return client.requestText('GET', `/api/v1/namespaces/${namespace}/services/airflow-statsd:metrics/proxy/metrics`, { accept: 'text/plain' });
}

beforeAll(async () => {
  client = await kubeClient();
  runtime = await startRuntime([namespace]);
  repo = await templateRepo(namespace);
  sshDir = mkdtempSync(join(tmpdir(), 'components-sshd-'));
  sshd = await startSshd(sshDir, '127.0.0.2');
  enableComponents(repo.dir, sshd.url(repo.dir));
  pinned = await repo.commit({ [`dags/${dagId}.py`]: dag }, 'the components, a DAG for the bundle');
  await bumpLocal(repo, pinned);
  const start = performance.now();
  const deployed = await deploy();
  const load = loadavg().map((l) => l.toFixed(2)).join(' ');
  console.log(`deploy of overlays/local with ${components.join(', ')}: ${((performance.now() - start) / 1000).toFixed(1)} s (load average ${load})`);
  expect(deployed.code, deployed.code === 0 ? '' : `${deployed.out}\n${containerLogs()}`).toBe(0);
  api = new AirflowApi(client, namespace);
  await api.login();
}, 900_000);

afterAll(async () => {
  await runtime?.stop();
  // Without a kubelet no pod of the namespace would finish terminating.
  await client?.request('DELETE', `/api/v1/namespaces/${namespace}/pods`, { query: { gracePeriodSeconds: 0 } }).catch(() => undefined);
  await client?.request('DELETE', `/api/v1/namespaces/${namespace}`).catch(() => undefined);
  sshd?.stop();
  if (sshDir) rmSync(sshDir, { recursive: true, force: true });
  repo?.cleanup();
  client?.close();
}, 120_000);

describe('overlays/local with PgBouncer, StatsD metrics and the git DAG bundle on the process runtime', () => {
  it('runs every pod with every probe passing: PgBouncer from Debian, the statsd exporter, no git-sync', async () => {
    const running = (await pods()).filter((p) => p.status.phase === 'Running');
    expect(running.map(component).sort()).toEqual(
      ['api-server', 'celery-broker', 'dag-processor', 'database-pooler', 'metadata-database', 'metrics', 'scheduler', 'triggerer', 'worker'],
    );
    for (const pod of running) {
      expect(pod.status.conditions?.find((c) => c.type === 'Ready')?.status, pod.metadata.name).toBe('True');
      expect(pod.status.containerStatuses?.map((c) => c.name), pod.metadata.name).not.toContain('git-sync');
    }
    const pids = await containerPids();
    expect(readlinkSync(`/proc/${pids.get('database-pooler')}/exe`)).toBe('/usr/sbin/pgbouncer');
    expect(readlinkSync(`/proc/${pids.get('metrics')}/exe`)).toMatch(/\/\.cache\/bin\/statsd_exporter$/);
  });

  it('lists the DAG of the pinned commit, cloned by Airflow over SSH, with no import errors', async () => {
    await waitFor(`${dagId} in /api/v2/dags`, async () => {
      const dags = await api.get<{ dags: { dag_id: string; bundle_name?: string }[] }>('/api/v2/dags?limit=100');
      return dags.dags.find((d) => d.dag_id === dagId);
    }, 240_000);
    const versions = await api.get<{ dag_versions: { bundle_name: string; bundle_version: string | null }[] }>(`/api/v2/dags/${dagId}/dagVersions`);
    expect(versions.dag_versions.map((v) => [v.bundle_name, v.bundle_version])).toEqual([['dags', pinned]]);
    expect((await api.get<{ total_entries: number }>('/api/v2/importErrors')).total_entries).toBe(0);
  }, 300_000);

  it('runs the DAG on the Celery worker and records the pinned commit as the run\'s bundle version', async () => {
    run = await runDag();
    expect(run.state).toBe('success');
    expect(run.bundle_version).toBe(pinned);
    const log = await api.text(`/api/v2/dags/${dagId}/dagRuns/${encodeURIComponent(run.dag_run_id)}/taskInstances/hello/logs/1?full_content=true`, 'application/json');
    expect(log).toContain('hello from the bundle');
  }, 300_000);

  it('sends Airflow\'s StatsD to the statsd exporter: the run\'s task and the run itself are Prometheus metrics', async () => {
    expect(run?.state).toBe('success');
    const text = await waitFor('the run\'s metrics', async () => {
      const now = await metrics();
      return /^airflow_ti_finish_total\{/m.test(now) && /^airflow_dagrun_duration_seconds_count\{/m.test(now) ? now : undefined;
    }, 60_000);
    expect(text).toMatch(new RegExp(`^airflow_ti_finish_total\\{dag_id="${dagId}",state="success",task_id="hello"\\} 1$`, 'm'));
    expect(text).toMatch(new RegExp(`^airflow_dagrun_duration_seconds_count\\{dag_id="${dagId}",state="success"\\} 1$`, 'm'));
  }, 120_000);

  it('connects Airflow to PostgreSQL only through PgBouncer', async () => {
    const pids = await containerPids();
    const pooler = pids.get('database-pooler');
    const airflow = ['api-server', 'scheduler', 'dag-processor', 'triggerer', 'worker'].map((c) => pids.get(c));
    const database = `${serviceAddress('airflow-postgresql')}:5432`;
    const pgbouncer = `${serviceAddress('airflow-pgbouncer')}:6432`;
    const seen = await waitFor('connections to PostgreSQL and to PgBouncer', async () => {
      const now = await connections();
      const toDatabase = now.filter((c) => c.peer === database);
      const toPooler = now.filter((c) => c.peer === pgbouncer && airflow.includes(c.group));
      return toDatabase.length > 0 && toPooler.length > 0 ? now : undefined;
    }, 60_000);
    expect(new Set(seen.filter((c) => c.peer === database).map((c) => c.group))).toEqual(new Set([pooler]));
    expect(seen.filter((c) => airflow.includes(c.group) && c.peer.endsWith(':5432'))).toEqual([]);
  }, 120_000);
});
