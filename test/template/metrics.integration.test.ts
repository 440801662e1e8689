// Does components/metrics, as rendered for prod, turn a DAG run into
// Prometheus metrics? The Prometheus statsd exporter (built from its Go
// module at the image's version) runs with the rendered arguments and
// mapping file; Airflow 3.3 runs a DAG (`airflow dags test`, SQLite) with the
// rendered [metrics] settings; the test then reads the labelled metrics the
// run produced from /metrics. Only addresses and the mapping file's path move
// to loopback and the test's folder.
import { execa, type ResultPromise } from 'execa';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { container, generatedConfigMap, workload } from '../support/template/model.ts';
import { renderOverlay } from '../support/template/render.ts';
import { airflowBin, airflowExtras, freePort, requireFile, statsdExporter, waitForPort } from '../support/template/processes.ts';

const dag = `
import pendulum
from airflow.sdk import dag, task

@dag(schedule=None, start_date=pendulum.datetime(2026, 1, 1), catchup=False)
def metrics_probe():
    @task
    def hello():
        return 1
    hello()

metrics_probe()
`;

describe('StatsD metrics as components/metrics renders them (prod)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'metrics-'));
  let exporter: ResultPromise | undefined;
  let web = 0;
  let udp = 0;
  let config: Record<string, string> = {};

  beforeAll(async () => {
    requireFile(statsdExporter, 'scripts/test.sh builds it (go install github.com/prometheus/statsd_exporter)');
    requireFile(join(airflowExtras, 'statsd'), 'scripts/test.sh installs test/support/template/airflow-extras.txt into .venv/airflow-extras');
    const objects = await renderOverlay('prod');
    config = generatedConfigMap(objects, 'airflow-config').data;
    const mappings = generatedConfigMap(objects, 'airflow-statsd-mappings').data['statsd-mappings.yaml'] ?? '';
    const c = container(workload(objects, 'Deployment', 'airflow-statsd').spec.template.spec, 'statsd-exporter');
    const mount = c.volumeMounts?.find((m) => m.name === 'mappings')?.mountPath ?? '';
    writeFileSync(join(dir, 'statsd-mappings.yaml'), mappings);
    [udp, web] = [await freePort(), await freePort()];
    expect(c.args).toContain(`--statsd.listen-udp=:${config.AIRFLOW__METRICS__STATSD_PORT}`);
    const args = (c.args ?? []).map((a) =>
      a.replace(/^--statsd\.listen-udp=:\d+$/, `--statsd.listen-udp=127.0.0.1:${udp}`).replace(/^--web\.listen-address=:\d+$/, `--web.listen-address=127.0.0.1:${web}`).replace(mount, dir),
    );
    exporter = execa(statsdExporter, args, { reject: false });
    await waitForPort(web, exporter, 'statsd_exporter');
  });

  afterAll(() => {
    exporter?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('exports the task instance of a DAG run with its DAG, task and state as labels', async () => {
    expect(config.AIRFLOW__METRICS__STATSD_HOST).toBe('airflow-statsd');
    const home = mkdtempSync(join(dir, 'airflow-home-'));
    mkdirSync(join(home, 'dags'));
    writeFileSync(join(home, 'dags', 'metrics_probe.py'), dag);
    const metricsSettings = Object.fromEntries(Object.entries(config).filter(([k]) => k.startsWith('AIRFLOW__METRICS__')));
    const env = {
      ...metricsSettings,
      AIRFLOW__METRICS__STATSD_HOST: '127.0.0.1',
      AIRFLOW__METRICS__STATSD_PORT: String(udp),
      PATH: process.env.PATH,
      AIRFLOW_HOME: home,
      PYTHONPATH: airflowExtras,
      AIRFLOW__CORE__LOAD_EXAMPLES: 'False',
      AIRFLOW__CORE__DAGS_FOLDER: join(home, 'dags'),
    };
    const migrated = await execa(airflowBin, ['db', 'migrate'], { env, extendEnv: false, reject: false });
    expect(migrated.exitCode, migrated.stderr.slice(-2000)).toBe(0);
    const run = await execa(airflowBin, ['dags', 'test', 'metrics_probe'], { env, extendEnv: false, reject: false });
    expect(run.exitCode, run.stderr.slice(-2000)).toBe(0);
    const metrics = await (await fetch(`http://127.0.0.1:${web}/metrics`)).text();
    expect(metrics).toMatch(/^airflow_ti_finish_total\{dag_id="metrics_probe",state="success",task_id="hello"\} 1$/m);
    expect(metrics).toMatch(/^airflow_task_duration_seconds_count\{dag_id="metrics_probe",task_id="hello"\} 1$/m);
    expect(metrics).toMatch(/^airflow_ti_start_total\{dag_id="metrics_probe",task_id="hello"\} 1$/m);
  }, 400_000);
});
