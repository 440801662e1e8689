// The validate job of dag-repository.yml as it runs: the engine's
// setup-airflow-venv.sh (from the engine's checkout) reads the Airflow pin of
// the platform repository's base/kustomization.yaml, and the engine's CLI
// imports the DAG repository's files with that Airflow. The venv is the one
// the tests share; the script sees it through a scratch folder (its python
// and install stamp) so it never writes to it, as a cache hit of
// actions/cache gives the job an installed venv.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { airflowPython, requireAirflowPython } from '../support/dags.ts';
import { repoRoot } from '../support/paths.ts';

const folder = mkdtempSync(join(tmpdir(), 'dag-repository-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const script = join(repoRoot, 'scripts', 'setup-airflow-venv.sh');
const stamp = join(dirname(dirname(airflowPython)), '.airflow-gitops-installed');

/** A venv folder whose python is the shared one, with its install stamp. */
function scratchVenv(name: string): string {
  requireAirflowPython();
  const venv = join(folder, name);
  mkdirSync(join(venv, 'bin'), { recursive: true });
  symlinkSync(airflowPython, join(venv, 'bin', 'python'));
  copyFileSync(stamp, join(venv, '.airflow-gitops-installed'));
  return venv;
}

function platformPinning(version: string): string {
  const file = join(folder, `platform-${version}`, 'base', 'kustomization.yaml');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, readFileSync(join(repoRoot, 'base', 'kustomization.yaml'), 'utf8').replace(/(name: apache\/airflow\n\s+newTag: )"[^"]+"/, `$1"${version}"`));
  return file;
}

const pinned = execFileSync('bash', [join(repoRoot, 'python', 'requirements', 'airflow-pin.sh'), join(repoRoot, 'base', 'kustomization.yaml')], { encoding: 'utf8' }).trim();

function setup(kustomization: string, venv: string) {
  return spawnSync('bash', [script], { encoding: 'utf8', env: { PATH: process.env.PATH, AIRFLOW_VENV: venv, AIRFLOW_KUSTOMIZATION: kustomization } });
}

describe('validating a DAG repository against the platform\'s Airflow', () => {
  it('takes the Airflow version from the platform repository\'s base/kustomization.yaml', () => {
    const same = setup(platformPinning(pinned), scratchVenv('same'));
    expect(same.stdout).toBe(`Airflow ${pinned} already installed in ${join(folder, 'same')}\n`);
    expect(same.status).toBe(0);
    // A platform pinning another Airflow than the engine's lock is refused, not validated against the wrong one.
    const other = setup(platformPinning('3.0.9'), scratchVenv('other'));
    expect(other.stderr).toContain(`pins apache-airflow==${pinned} but ${join(folder, 'platform-3.0.9', 'base', 'kustomization.yaml')} pins apache/airflow:3.0.9`);
    expect(other.status).toBe(2);
  });

  it('imports the DAG repository\'s files with that Airflow, from a repository holding only dags/', () => {
    const dags = join(folder, 'dag-repo');
    mkdirSync(join(dags, 'dags'), { recursive: true });
    writeFileSync(join(dags, 'dags', 'report.py'), 'from airflow.sdk import DAG\nimport pendulum\nimport not_installed_anywhere\nwith DAG("report", schedule="@daily", start_date=pendulum.datetime(2024, 1, 1)):\n    pass\n');
    execFileSync('git', ['init', '--quiet', dags]);
    // The engine as the workflow checks it out into .airflow-gitops: dist/ and the Python side of the import check.
    const engine = join(folder, 'engine');
    for (const part of ['dist', 'python']) cpSync(join(repoRoot, part), join(engine, part), { recursive: true });
    const run = spawnSync(process.execPath, [join(engine, 'dist', 'cli.js'), 'validate', 'dags', '--import', '--python', requireAirflowPython(), '--format', 'json', '--no-cache'], {
      cwd: dags,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: process.env.HOME },
    });
    expect(run.status, run.stderr).toBe(1);
    const report = JSON.parse(run.stdout) as { findings: { file: string; rule: string; message: string }[] };
    expect(report.findings).toContainEqual(expect.objectContaining({ file: 'report.py', message: expect.stringContaining('not_installed_anywhere') }));
  });
});
