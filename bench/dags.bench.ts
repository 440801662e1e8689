// DAG validation speed on 500 generated DAG files, against Airflow's own
// `airflow dags list-import-errors -l` on the same folder, in the same run:
//   dags_static_vs_list_import_errors  `validate` (static layer) with an empty cache vs the reference
//   dags_static_warm_vs_list_import_errors  the same again, every file's static facts in the cache
//   dags_import_vs_list_import_errors  `validate --import` with an empty cache vs the reference
//   dags_warm_vs_cold                  `validate --import` after changing one file vs the cold run
//   dags_watch_one_file_s              `validate --watch`: from the write of one small DAG file to its
//                                      finding on stdout (median of rounds), vs the 0.3 s budget
// Every figure is the wall-clock time of a whole command, as a user runs it:
// the bundled CLI (dist/cli.js, the package's bin), so run `npm run build` first.
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchResult } from './run.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const workFolder = join(root, 'bench', 'work');
const dagsFolder = join(workFolder, 'dags-500');
const fileCount = 500;
const airflow = join(root, '.venv', 'airflow', 'bin', 'airflow');

const cli = join(root, 'dist', 'cli.js');
const watchBudgetSeconds = 0.3;
const watchRounds = 5;

const names = ['dags_static_vs_list_import_errors', 'dags_import_vs_list_import_errors', 'dags_warm_vs_cold', 'dags_static_warm_vs_list_import_errors', 'dags_watch_one_file_s'];

export default async function bench(only: string[]): Promise<Record<string, BenchResult>> {
  const wanted = names.filter((name) => only.length === 0 || only.includes(name));
  if (wanted.length === 0) return {};
  generateDags();
  const results: Record<string, BenchResult> = {};
  const home = mkdtempSync(join(tmpdir(), 'bench-airflow-home-'));
  const cache = mkdtempSync(join(tmpdir(), 'bench-validate-cache-'));
  const staticCache = mkdtempSync(join(tmpdir(), 'bench-validate-static-cache-'));
  try {
    const reference = needsReference(wanted) ? referenceSeconds(home) : 0;
    if (wanted.includes(names[0] as string) || wanted.includes(names[3] as string)) {
      // Each run gets its own cache folder, so the first one is cold whatever ran before.
      const cold = timed(() => validate(['--cache-dir', staticCache]));
      if (wanted.includes(names[0] as string)) results[names[0] as string] = ratio(cold, reference);
      if (wanted.includes(names[3] as string)) results[names[3] as string] = ratio(timed(() => validate(['--cache-dir', staticCache])), reference);
    }
    if (wanted.includes(names[1] as string) || wanted.includes(names[2] as string)) {
      const cold = timed(() => validate(['--import', '--cache-dir', cache]));
      if (wanted.includes(names[1] as string)) results[names[1] as string] = ratio(cold, reference);
      if (wanted.includes(names[2] as string)) {
        appendFileSync(join(dagsFolder, 'dag_0007.py'), '\n# changed\n');
        const warm = timed(() => validate(['--import', '--cache-dir', cache]));
        results[names[2] as string] = ratio(warm, cold);
      }
    }
    if (wanted.includes(names[4] as string)) results[names[4] as string] = await watchSeconds();
  } finally {
    rmSync(home, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
    rmSync(staticCache, { recursive: true, force: true });
  }
  return results;
}

function needsReference(wanted: string[]): boolean {
  return wanted.some((name) => name.endsWith('_vs_list_import_errors'));
}

function ratio(ours: number, reference: number): BenchResult {
  return { ours_s: ours, reference_s: reference, ratio: ours / reference };
}

function timed(run: () => void): number {
  const started = performance.now();
  run();
  return (performance.now() - started) / 1000;
}

/** `airflow-gitops validate` as a command; it must find all 500 files and no error. */
function validate(args: string[]): void {
  const result = spawnSync(process.execPath, [cli, 'validate', dagsFolder, '--format', 'json', ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
  check(result, 'airflow-gitops validate');
  const report = JSON.parse(result.stdout) as { files: number; findings: unknown[] };
  if (report.files !== fileCount || report.findings.length > 0) {
    throw new Error(`validate checked ${report.files} files with ${report.findings.length} findings: ${JSON.stringify(report.findings.slice(0, 3))}`);
  }
}

/**
 * `validate --watch` on the 500 files: once it watches, one file is saved
 * with an import error and then restored, several times; each round times the
 * write to the line that reports the error. The median goes in the results.
 */
async function watchSeconds(): Promise<BenchResult> {
  const child = spawn(process.execPath, [cli, 'validate', dagsFolder, '--watch'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  const waiters: (() => void)[] = [];
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk;
    for (const waiter of waiters.splice(0)) waiter();
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const printed = async (text: string, from: number): Promise<void> => {
    while (!output.slice(from).includes(text)) {
      if (child.exitCode !== null) throw new Error(`validate --watch exited with ${child.exitCode}:\n${output.slice(-2000)}`);
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  };
  const file = join(dagsFolder, 'dag_0011.py');
  const original = readFileSync(file, 'utf8');
  const seconds: number[] = [];
  try {
    await printed('for changes', 0);
    for (let round = 0; round < watchRounds; round++) {
      const mark = output.length;
      const started = performance.now();
      writeFileSync(file, `${original}\nraise ValueError("round ${round}")\n`);
      await printed(`ValueError: round ${round}`, mark);
      seconds.push((performance.now() - started) / 1000);
      const restored = output.length;
      writeFileSync(file, original);
      await printed('dag_0011.py: no findings', restored);
    }
  } finally {
    child.kill('SIGINT');
    await exited;
  }
  seconds.sort((a, b) => a - b);
  const median = seconds[Math.floor(seconds.length / 2)] as number;
  console.log(`dags_watch_one_file_s rounds: ${seconds.map((value) => value.toFixed(3)).join(', ')} s`);
  return { ours_s: median, reference_s: watchBudgetSeconds, ratio: median / watchBudgetSeconds };
}

/**
 * The reference: `airflow dags list-import-errors -l` imports every file with
 * a DagBag. It still insists on a migrated database, so a SQLite one is made
 * first (not timed) in a private AIRFLOW_HOME; nothing leaves the machine.
 */
function referenceSeconds(home: string): number {
  const env = {
    ...process.env,
    AIRFLOW_HOME: home,
    AIRFLOW__CORE__DAGS_FOLDER: dagsFolder,
    AIRFLOW__CORE__LOAD_EXAMPLES: 'False',
    AIRFLOW__USAGE_DATA_COLLECTION__ENABLED: 'False',
    SCARF_ANALYTICS: 'false',
    DO_NOT_TRACK: 'true',
  };
  check(spawnSync(airflow, ['db', 'migrate'], { env, encoding: 'utf8' }), 'airflow db migrate');
  let output: SpawnSyncReturns<string> | undefined;
  const seconds = timed(() => {
    output = spawnSync(airflow, ['dags', 'list-import-errors', '-l', '-o', 'json'], { env, encoding: 'utf8', maxBuffer: 64 << 20 });
  });
  check(output as SpawnSyncReturns<string>, 'airflow dags list-import-errors');
  if (!/^\s*\[\s*\]\s*$/m.test((output as SpawnSyncReturns<string>).stdout)) {
    throw new Error(`the reference found import errors in the generated DAGs:\n${(output as SpawnSyncReturns<string>).stdout.slice(0, 2000)}`);
  }
  return seconds;
}

function check(result: SpawnSyncReturns<string>, what: string): void {
  if (result.error) throw result.error;
  // validate exits 1 on findings, which validate() reports with more detail.
  if (result.status !== 0 && !(what === 'airflow-gitops validate' && result.status === 1)) {
    throw new Error(`${what} exited with ${result.status}:\n${result.stderr.slice(-2000)}`);
  }
}

/** 500 small, valid DAG files in three styles: TaskFlow, classic operators, TaskGroups. */
function generateDags(): void {
  rmSync(dagsFolder, { recursive: true, force: true });
  mkdirSync(dagsFolder, { recursive: true });
  const styles = [taskflowDag, classicDag, groupedDag];
  for (let i = 0; i < fileCount; i++) {
    const id = `dag_${String(i).padStart(4, '0')}`;
    writeFileSync(join(dagsFolder, `${id}.py`), (styles[i % styles.length] as (id: string) => string)(id));
  }
}

const header = (doc: string) => `"""${doc}"""\n\nimport pendulum\n`;
const start = 'pendulum.datetime(2024, 1, 1, tz="UTC")';

function taskflowDag(id: string): string {
  return `${header('A generated TaskFlow pipeline.')}from airflow.sdk import dag, task


@dag(dag_id="${id}", schedule="@daily", start_date=${start}, catchup=False, tags=["bench"])
def pipeline():
    @task
    def extract() -> list[int]:
        return [1, 2, 3]

    @task
    def transform(values: list[int]) -> int:
        return sum(values)

    @task
    def load(total: int) -> None:
        print(total)

    load(transform(extract()))


pipeline()
`;
}

function classicDag(id: string): string {
  return `${header('A generated pipeline of classic operators.')}from airflow.sdk import DAG, chain
from airflow.providers.standard.operators.bash import BashOperator
from airflow.providers.standard.operators.empty import EmptyOperator
from airflow.providers.standard.operators.python import PythonOperator


def report(**context):
    print(context["ds"])


with DAG(dag_id="${id}", schedule="0 3 * * *", start_date=${start}, catchup=False):
    begin = EmptyOperator(task_id="begin")
    fetch = BashOperator(task_id="fetch", bash_command="echo fetch {{ run_id }}")
    summarize = PythonOperator(task_id="summarize", python_callable=report)
    end = EmptyOperator(task_id="end")
    chain(begin, fetch, summarize, end)
`;
}

function groupedDag(id: string): string {
  return `${header('A generated pipeline with task groups.')}from airflow.sdk import DAG, TaskGroup
from airflow.providers.standard.operators.empty import EmptyOperator

with DAG(dag_id="${id}", schedule="@hourly", start_date=${start}, catchup=False):
    begin = EmptyOperator(task_id="begin")
    groups = []
    for name in ["orders", "customers", "payments"]:
        with TaskGroup(group_id=name) as group:
            EmptyOperator(task_id="load") >> EmptyOperator(task_id="check")
        groups.append(group)
    begin >> groups
`;
}
