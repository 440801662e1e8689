/**
 * Where the Airflow interpreter and the Python helper live. The project
 * creates `.venv/airflow` with scripts/setup-airflow-venv.sh, at the Airflow
 * version the cluster image pins; `--python` points elsewhere.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EnvironmentError } from '../../errors.ts';

/** The repository root: two levels above src/dags/imports, or one above dist/. */
function projectRoot(): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    if (existsSync(join(folder, 'python', 'import_worker.py'))) return folder;
    folder = dirname(folder);
  }
  throw new EnvironmentError(`cannot find python/import_worker.py above ${fileURLToPath(import.meta.url)}`);
}

export type AirflowEnvironment = {
  python: string;
  workerScript: string;
  /** Changes when the interpreter, its Airflow install or the helper changes: part of the cache key. */
  fingerprint: string;
};

export function airflowEnvironment(python: string | undefined): AirflowEnvironment {
  const root = projectRoot();
  const venv = join(root, '.venv', 'airflow');
  const interpreter = python ? resolve(python) : join(venv, 'bin', 'python');
  if (!existsSync(interpreter)) {
    const advice = python
      ? `no Python interpreter at ${interpreter} (from --python)`
      : `no Airflow venv at ${venv}: create it with 'bash scripts/setup-airflow-venv.sh' (it installs the Airflow version pinned in base/kustomization.yaml), or pass --python <interpreter with apache-airflow installed>`;
    throw new EnvironmentError(`--import needs a Python with Airflow 3: ${advice}`);
  }
  const stamp = join(dirname(dirname(interpreter)), '.airflow-gitops-installed');
  const hash = createHash('sha256').update(interpreter).update(String(statSync(interpreter).mtimeMs));
  if (existsSync(stamp)) hash.update(readFileSync(stamp));
  for (const helper of ['import_worker.py', 'import_server.py', 'parse_file.py', 'process_state.py']) hash.update(readFileSync(join(root, 'python', helper)));
  return { python: interpreter, workerScript: join(root, 'python', 'import_worker.py'), fingerprint: hash.digest('hex') };
}
