// The template, deployed with the deploy command, running for real: the
// process runtime (hack/runtime) runs the pods of overlays/local as local
// processes, so every probe, the DAGs git-sync brings, task runs on the
// Celery worker and the logs on the worker's volume are what a cluster would
// show. One deployment for the whole file; the tests run in order.
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KubeClient } from '../../../src/kube/client.ts';
import { AirflowApi, bumpLocal, deployLocal, kubeClient, startRuntime, templateRepo, type Runtime, type TemplateRepo } from '../../support/runtime.ts';
import { waitFor } from '../../support/wait.ts';

// overlays/local, in a namespace of this run.
const namespace = `airflow-local-${randomBytes(3).toString('hex')}`;
const exampleDags = ['example_assets_consumer', 'example_assets_producer', 'example_bash', 'example_deferrable', 'example_etl'];

interface ContainerStatus {
  name: string;
  ready: boolean;
  started?: boolean;
  containerID?: string;
}
interface PodList {
  items: {
    metadata: { name: string; uid: string; labels?: Record<string, string>; deletionTimestamp?: string };
    spec: { nodeName?: string };
    status: { phase?: string; conditions?: { type: string; status: string }[]; containerStatuses?: ContainerStatus[]; initContainerStatuses?: ContainerStatus[] };
  }[];
}
interface DagRun {
  dag_run_id: string;
  state: string;
}
interface TaskInstance {
  task_id: string;
  state: string;
  hostname: string;
  try_number: number;
}

let runtime: Runtime;
let repo: TemplateRepo;
let client: KubeClient;
let api: AirflowApi;
let deploySeconds = 0;

async function pods(): Promise<PodList['items']> {
  return (await client.request<PodList>('GET', `/api/v1/namespaces/${namespace}/pods`)).items;
}

function ready(pod: PodList['items'][number]): boolean {
  return pod.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

/** The folder of the volume bound to `claim`, as the runtime keeps it. */
async function claimFolder(claim: string): Promise<string> {
  const pvc = await client.request<{ spec: { volumeName?: string } }>('GET', `/api/v1/namespaces/${namespace}/persistentvolumeclaims/${claim}`);
  return join(runtime.stateDir, 'volumes', pvc.spec.volumeName ?? 'unbound');
}

function logFiles(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.log') && statSync(join(folder, f)).isFile());
}

async function dagIds(): Promise<string[]> {
  const dags = await api.get<{ dags: { dag_id: string }[] }>('/api/v2/dags?limit=100');
  return dags.dags.map((d) => d.dag_id).sort();
}

/** Triggers `dagId` (unpaused first) at `logicalDate` and waits until the run ends; returns the run. */
async function runDag(dagId: string, logicalDate: Date, timeoutMs = 150_000): Promise<DagRun> {
  await api.patch(`/api/v2/dags/${dagId}`, { is_paused: false });
  const run = await api.post<DagRun>(`/api/v2/dags/${dagId}/dagRuns`, { logical_date: logicalDate.toISOString(), conf: {} });
  return waitFor(
    `run ${run.dag_run_id} of ${dagId}`,
    async () => {
      const now = await api.get<DagRun>(`/api/v2/dags/${dagId}/dagRuns/${encodeURIComponent(run.dag_run_id)}`);
      return now.state === 'success' || now.state === 'failed' ? now : undefined;
    },
    timeoutMs,
    // Each poll goes through the service proxy into Airflow's API and its
    // database: once a second is plenty for runs that take seconds.
    1000,
  );
}

async function taskInstances(dagId: string, runId: string): Promise<TaskInstance[]> {
  const list = await api.get<{ task_instances: TaskInstance[] }>(`/api/v2/dags/${dagId}/dagRuns/${encodeURIComponent(runId)}/taskInstances`);
  return list.task_instances;
}

/** The logs of a run's failed tasks, to say why a run failed. */
async function failedTaskLogs(dagId: string, run: DagRun): Promise<string> {
  if (run.state === 'success') return '';
  const failed = (await taskInstances(dagId, run.dag_run_id)).filter((t) => t.state !== 'success');
  const logs = await Promise.all(failed.map(async (t) => `${t.task_id} (${t.state}):\n${(await taskLog(dagId, run.dag_run_id, t).catch(String)).slice(-3000)}`));
  return `${dagId} ${run.dag_run_id}\n${logs.join('\n')}`;
}

async function taskLog(dagId: string, runId: string, ti: TaskInstance): Promise<string> {
  return api.text(`/api/v2/dags/${dagId}/dagRuns/${encodeURIComponent(runId)}/taskInstances/${ti.task_id}/logs/${ti.try_number}?full_content=true`, 'application/json');
}

async function scaleWorkers(replicas: number): Promise<void> {
  await client.request('PATCH', `/apis/apps/v1/namespaces/${namespace}/statefulsets/airflow-worker/scale`, {
    contentType: 'application/merge-patch+json',
    body: { spec: { replicas } },
  });
}

async function podNamed(name: string): Promise<PodList['items'][number] | undefined> {
  return (await pods()).find((p) => p.metadata.name === name && !p.metadata.deletionTimestamp);
}

/** Whether the pod's `airflow` container has passed its startup probe (for a worker: it answered a Celery ping). */
function started(pod: PodList['items'][number] | undefined): boolean {
  return pod?.status.containerStatuses?.some((c) => c.name === 'airflow' && c.started === true) ?? false;
}

function byComponent(list: PodList['items']): Map<string, string> {
  return new Map(list.filter((p) => p.status.phase === 'Running').map((p) => [p.metadata.labels?.['app.kubernetes.io/component'] ?? '', p.metadata.uid]));
}

const pushedDag = `from datetime import datetime, timezone

from airflow.providers.standard.operators.empty import EmptyOperator
from airflow.sdk import DAG

with DAG(dag_id="pushed_dag", schedule=None, start_date=datetime(2026, 1, 1, tzinfo=timezone.utc), catchup=False):
    EmptyOperator(task_id="nothing")
`;

beforeAll(async () => {
  client = await kubeClient();
  runtime = await startRuntime([namespace]);
  repo = await templateRepo(namespace);
  await bumpLocal(repo, await repo.commit({}, 'DAGs'));
  const start = performance.now();
  const deployed = await deployLocal(repo);
  deploySeconds = (performance.now() - start) / 1000;
  expect(deployed.code, deployed.out).toBe(0);
  api = new AirflowApi(client, namespace);
  await api.login();
}, 600_000);

afterAll(async () => {
  await runtime?.stop();
  // Without a kubelet no pod of the namespace would finish terminating.
  await client?.request('DELETE', `/api/v1/namespaces/${namespace}/pods`, { query: { gracePeriodSeconds: 0 } }).catch(() => undefined);
  await client?.request('DELETE', `/api/v1/namespaces/${namespace}`).catch(() => undefined);
  repo?.cleanup();
  client?.close();
}, 120_000);

describe('overlays/local on the process runtime', () => {
  it('passes every startup, liveness and readiness probe of every component', async () => {
    console.log(`deploy of overlays/local until every probe passed: ${deploySeconds.toFixed(1)} s`);
    const running = (await pods()).filter((p) => p.status.phase === 'Running');
    const components = running.map((p) => p.metadata.labels?.['app.kubernetes.io/component']).sort();
    expect(components).toEqual(['api-server', 'celery-broker', 'dag-processor', 'metadata-database', 'scheduler', 'triggerer', 'worker']);
    for (const pod of running) {
      expect(pod.spec.nodeName, pod.metadata.name).toBe(runtime.node);
      expect(ready(pod), pod.metadata.name).toBe(true);
      const sidecars = (pod.status.initContainerStatuses ?? []).filter((c) => c.name === 'git-sync' || c.name === 'log-groomer');
      for (const c of [...(pod.status.containerStatuses ?? []), ...sidecars]) {
        expect([c.name, c.started, c.ready], pod.metadata.name).toEqual([c.name, true, true]);
      }
    }
    const migration = (await pods()).find((p) => p.metadata.labels?.['app.kubernetes.io/component'] === 'migrate-db');
    expect(migration?.status.phase).toBe('Succeeded');
  });

  it('lists the example DAGs through /api/v2/dags with no import errors', async () => {
    const start = performance.now();
    await waitFor('the example DAGs', async () => ((await dagIds()).join() === exampleDags.join() ? true : undefined), 120_000);
    console.log(`example DAGs listed ${((performance.now() - start) / 1000).toFixed(1)} s after the deploy returned`);
    const errors = await api.get<{ total_entries: number }>('/api/v2/importErrors');
    expect(errors.total_entries).toBe(0);
  });

  it('runs every example DAG to success on the Celery worker; the log is on the worker volume and served by the API', async () => {
    const now = Date.now();
    // The deferrable sensor waits until the run's data interval end plus
    // five minutes: a logical date 4m45s ago makes that 15 s from now.
    const at = (dag: string) => new Date(dag === 'example_deferrable' ? now - 285_000 : now);
    const runs = await Promise.all(exampleDags.map(async (dag) => [dag, await runDag(dag, at(dag))] as const));
    for (const [dag, run] of runs) expect([dag, run.state], await failedTaskLogs(dag, run)).toEqual([dag, 'success']);

    const [, bashRun] = runs.find(([dag]) => dag === 'example_bash') ?? [];
    if (!bashRun) throw new Error('no run of example_bash');
    const report = (await taskInstances('example_bash', bashRun.dag_run_id)).find((t) => t.task_id === 'report');
    if (!report) throw new Error('no task report in example_bash');
    expect(report.hostname).toMatch(/^airflow-worker-0\.airflow-worker\./);
    const onVolume = logFiles(await claimFolder('logs-airflow-worker-0')).filter(
      (f) => f.includes('dag_id=example_bash') && f.includes(`run_id=${bashRun.dag_run_id}`) && f.includes('task_id=report'),
    );
    expect(onVolume).toHaveLength(1);
    const folder = await claimFolder('logs-airflow-worker-0');
    expect(readFileSync(join(folder, onVolume[0] ?? ''), 'utf8')).toContain('report for');
    expect(await taskLog('example_bash', bashRun.dag_run_id, report)).toContain('report for');
  }, 240_000);
  it('reports a failing probe when the scheduler stops answering', async () => {
    const scheduler = (await pods()).find((p) => p.metadata.labels?.['app.kubernetes.io/component'] === 'scheduler' && p.status.phase === 'Running');
    const id = scheduler?.status.containerStatuses?.find((c) => c.name === 'airflow')?.containerID ?? '';
    const pid = Number(/^process:\/\/(\d+)$/.exec(id)?.[1]);
    expect(pid).toBeGreaterThan(0);
    const stoppedAt = Date.now();
    // The whole container (its process group): the health server too.
    process.kill(-pid, 'SIGSTOP');
    try {
      const failure = await waitFor(
        'an Unhealthy event of the scheduler',
        async () => {
          const events = await client.request<{ items: { message: string; lastTimestamp: string }[] }>('GET', `/api/v1/namespaces/${namespace}/events`, {
            query: { fieldSelector: `involvedObject.name=${scheduler?.metadata.name},reason=Unhealthy` },
          });
          return events.items.find((e) => new Date(e.lastTimestamp).getTime() >= stoppedAt - 1000 && /(Liveness|Readiness) probe failed/.test(e.message));
        },
        90_000,
      );
      expect(failure.message).toMatch(/probe failed: .*(deadline|timeout|timed out)/i);
    } finally {
      process.kill(-pid, 'SIGCONT');
    }
  }, 120_000);

  it('lists a pushed DAG: commit, bump local, deploy local; the pods that read DAGs restart', async () => {
    const before = byComponent(await pods());
    const start = performance.now();
    const commit = await repo.commit({ 'dags/pushed_dag.py': pushedDag }, 'a new DAG');
    await bumpLocal(repo, commit);
    const deployed = await deployLocal(repo);
    expect(deployed.code, deployed.out).toBe(0);
    const returned = performance.now();
    await waitFor('pushed_dag in /api/v2/dags', async () => ((await dagIds()).includes('pushed_dag') ? true : undefined), 120_000);
    const listed = performance.now();
    console.log(`push_to_dag_listed: ${((listed - start) / 1000).toFixed(1)} s from commit, ${((listed - returned) / 1000).toFixed(1)} s after the deploy returned`);
    const after = byComponent(await pods());
    for (const component of ['scheduler', 'dag-processor', 'triggerer', 'worker']) expect(after.get(component), component).not.toBe(before.get(component));
    for (const component of ['api-server', 'metadata-database', 'celery-broker']) expect(after.get(component), component).toBe(before.get(component));
  }, 480_000);

  it('keeps the logs of a worker scaled away and serves them again when it is back', async () => {
    await scaleWorkers(2);
    // Started, not Ready: the startup probe passed once the worker answers a
    // Celery ping, i.e. it takes tasks from the queue.
    const first = await waitFor('airflow-worker-1 answering Celery pings', async () => {
      const pod = await podNamed('airflow-worker-1');
      return started(pod) ? pod : undefined;
    }, 240_000, 1000);
    let found: { run: DagRun; ti: TaskInstance } | undefined;
    for (let attempt = 0; attempt < 6 && !found; attempt++) {
      const run = await runDag('example_etl', new Date(Date.now() + attempt));
      const ti = (await taskInstances('example_etl', run.dag_run_id)).find((t) => t.hostname.startsWith('airflow-worker-1.'));
      if (ti) found = { run, ti };
    }
    if (!found) throw new Error('no task of example_etl ran on airflow-worker-1');
    const folder = await claimFolder('logs-airflow-worker-1');
    const files = logFiles(folder);
    const own = files.find((f) => f.includes(`run_id=${found.run.dag_run_id}`) && f.includes(`task_id=${found.ti.task_id}`));
    expect(own).toBeDefined();
    // The task's last line on worker-1's volume, by its timestamp: only that
    // file has it, so a log that shows it was served from there.
    const done = readFileSync(join(folder, own ?? ''), 'utf8')
      .split('\n')
      .map((line) => (line.startsWith('{') ? (JSON.parse(line) as { timestamp?: string; event?: string }) : {}))
      .find((line) => line.event?.startsWith('Done. Returned value was'));
    expect(done?.timestamp).toMatch(/^\d{4}-/);

    await scaleWorkers(1);
    await waitFor('airflow-worker-1 gone', async () => ((await podNamed('airflow-worker-1')) ? undefined : true), 240_000, 1000);
    await client.request('GET', `/api/v1/namespaces/${namespace}/persistentvolumeclaims/logs-airflow-worker-1`);
    expect(logFiles(folder)).toEqual(files);

    // Back: a new pod on the same claim, whose log server (it starts with
    // the worker, before the Celery ping answers; the Service publishes
    // addresses that are not ready) serves the old file again.
    await scaleWorkers(2);
    const served = await waitFor(
      'the old log served by the new airflow-worker-1',
      async () => {
        const text = await taskLog('example_etl', found.run.dag_run_id, found.ti);
        return text.includes(done?.timestamp ?? '-') ? text : undefined;
      },
      240_000,
      1000,
    );
    expect(served).toContain('Done. Returned value was');
    expect((await podNamed('airflow-worker-1'))?.metadata.uid).not.toBe(first.metadata.uid);
  }, 600_000);

  it('fails a deploy whose DAGs do not import, naming the file, line and message, and rolls back', async () => {
    const broken = 'from airflow.sdk import DAG\n\nraise RuntimeError("the warehouse is away")\n';
    const commit = await repo.commit({ 'dags/broken_dag.py': broken }, 'a broken DAG');
    await bumpLocal(repo, commit);
    // --force-conflicts: the workers were scaled by hand above, and the
    // deploy takes the replica count back.
    const deployed = await deployLocal(repo, 400, ['--rollback', '--force-conflicts']);
    expect(deployed.code, deployed.out).not.toBe(0);
    expect(deployed.out).toMatch(/broken_dag\.py:3: RuntimeError: the warehouse is away/);
    expect(deployed.out).toMatch(/rolled back to the last healthy pod template: .*airflow-dag-processor/);
  }, 480_000);
});
