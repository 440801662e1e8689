// Push to DAG listed, on the process runtime (hack/runtime): overlays/local is
// deployed to the local control plane, then a new DAG is committed, the
// overlay bumped to that commit and deployed again; measured from the commit
// until /api/v2/dags lists the DAG. The reference is the goal: listed at most
// 30 s after that second deploy returned (a ratio below 1 meets it).
import { execa } from 'execa';
import { randomBytes } from 'node:crypto';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AirflowApi, bumpLocal, deployLocal, kubeClient, startRuntime, templateRepo } from '../test/support/runtime.ts';
import { waitFor } from '../test/support/wait.ts';
import type { BenchResult } from './run.ts';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const goalSeconds = 30;

const pushedDag = `from datetime import datetime, timezone

from airflow.providers.standard.operators.empty import EmptyOperator
from airflow.sdk import DAG

with DAG(dag_id="bench_pushed", schedule=None, start_date=datetime(2026, 1, 1, tzinfo=timezone.utc), catchup=False):
    EmptyOperator(task_id="nothing")
`;

export default async function bench(only: string[]): Promise<Record<string, BenchResult>> {
  const name = 'push_to_dag_listed';
  if (only.length > 0 && !only.some((o) => name.includes(o))) return {};
  await execa('bash', [join(repoRoot, 'scripts', 'setup-airflow-venv.sh')]);
  await execa('bash', [join(repoRoot, 'hack', 'cluster', 'up.sh')]);
  const namespace = `airflow-bench-${randomBytes(3).toString('hex')}`;
  const client = await kubeClient();
  const runtime = await startRuntime([namespace], `bench-${process.pid}`);
  const repo = await templateRepo(namespace);
  try {
    await bumpLocal(repo, await repo.commit({}, 'DAGs'));
    const first = await deployLocal(repo, 900);
    if (first.code !== 0) throw new Error(`first deploy failed:\n${first.out}`);
    const api = new AirflowApi(client, namespace);
    await api.login();
    const start = performance.now();
    await bumpLocal(repo, await repo.commit({ 'dags/bench_pushed.py': pushedDag }, 'a new DAG'));
    const second = await deployLocal(repo, 900);
    if (second.code !== 0) throw new Error(`second deploy failed:\n${second.out}`);
    const returned = performance.now();
    await waitFor(
      'bench_pushed in /api/v2/dags',
      async () => ((await api.get<{ dags: { dag_id: string }[] }>('/api/v2/dags?limit=100')).dags.some((d) => d.dag_id === 'bench_pushed') ? true : undefined),
      300_000,
    );
    const listed = performance.now();
    const ours = (listed - start) / 1000;
    const reference = (returned - start) / 1000 + goalSeconds;
    return { [name]: { ours_s: ours, reference_s: reference, ratio: ours / reference } };
  } finally {
    await runtime.stop();
    repo.cleanup();
    await client.request('DELETE', `/api/v1/namespaces/${namespace}/pods`, { query: { gracePeriodSeconds: 0 } }).catch(() => undefined);
    await client.request('DELETE', `/api/v1/namespaces/${namespace}`).catch(() => undefined);
    client.close();
  }
}
