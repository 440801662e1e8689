/**
 * The DAGs' own packages, with the real Airflow of .venv/airflow installed
 * from requirements.lock: a DAG using the locked provider imports clean, and
 * an import of a package outside the lock is `missing-dependency` at its line,
 * from the static layer (no Python) and from the import layer (Airflow's
 * ModuleNotFoundError), including through a helper module.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateDags } from '../../src/dags/index.ts';
import { repoRoot } from '../support/paths.ts';
import { requireAirflowPython, temporaryFolder } from '../support/dags.ts';

const lock = join(repoRoot, 'requirements.lock');
const header = 'import pendulum\nfrom airflow.sdk import DAG\n';
const dag = (id: string) => `with DAG(dag_id="${id}", schedule=None, start_date=pendulum.datetime(2024, 1, 1, tz="UTC")):\n`;

function dagsFolder(files: Record<string, string>): string {
  const folder = temporaryFolder('dependencies');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(folder, path, '..'), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
  return folder;
}

/** A parse budget no import here comes near, however loaded the machine (slow-parse has its own tests). */
function budgetConfig(): string {
  const file = join(temporaryFolder('dependencies-config'), 'validate.yaml');
  writeFileSync(file, 'import:\n  parse_budget_seconds: 600\n');
  return file;
}

const summary = (findings: { file: string; line: number; rule: string; layer: string }[]) => findings.map((f) => `${f.file}:${f.line} ${f.rule} ${f.layer}`);

describe('the lock in both layers', () => {
  it('imports a DAG that uses the locked provider (apache-airflow-providers-http) clean', async () => {
    const folder = dagsFolder({
      'ping.py': `${header}from airflow.providers.http.operators.http import HttpOperator\n\n${dag('ping')}    HttpOperator(task_id="ping", http_conn_id="api", endpoint="/ping")\n`,
    });
    const report = await validateDags({ dagsFolder: folder, import: true, python: requireAirflowPython(), cacheFolder: null, lock, workers: 1, configFile: budgetConfig() });
    expect(report.findings).toEqual([]);
    expect(report.imports?.map((file) => [file.file, file.failed, file.dagIds])).toEqual([['ping.py', false, ['ping']]]);
  }, 180_000);

  it('reports an import outside the lock at its line without Python, and once with the import layer', async () => {
    const folder = dagsFolder({ 'load.py': `${header}import snowflake.connector\n\n${dag('load')}    pass\n` });
    const staticOnly = await validateDags({ dagsFolder: folder, cacheFolder: null, lock });
    expect(summary(staticOnly.findings)).toEqual(['load.py:3 missing-dependency static']);
    expect(staticOnly.findings[0]?.message).toMatch(/^`snowflake\.connector` \(`snowflake`\) is provided by no package in requirements\.lock.*add the distribution that provides it to requirements\.txt, then run `npx airflow-gitops lock`$/);
    const both = await validateDags({ dagsFolder: folder, import: true, python: requireAirflowPython(), cacheFolder: null, lock, workers: 1, configFile: budgetConfig() });
    expect(summary(both.findings)).toEqual(['load.py:3 missing-dependency static']);
    expect(both.imports?.[0]?.failed).toBe(true);
  }, 180_000);

  it('reports, from the import layer, a module outside the lock that only the import shows: at the line that imports it, and through a helper', async () => {
    const folder = dagsFolder({
      'dynamic.py': `${header}import importlib\n\nwarehouse = importlib.import_module("snowflake.connector")\n${dag('dynamic')}    pass\n`,
      'lib/__init__.py': '',
      'lib/cloud.py': 'import importlib\n\nclient = importlib.import_module("airflow.providers.amazon.aws.hooks.s3")\n',
      'uses_helper.py': `${header}from lib import cloud\n\n${dag('uses_helper')}    pass\n`,
    });
    const report = await validateDags({ dagsFolder: folder, import: true, python: requireAirflowPython(), cacheFolder: null, lock, workers: 1, configFile: budgetConfig() });
    expect(summary(report.findings)).toEqual([
      'dynamic.py:5 missing-dependency import',
      'lib/cloud.py:3 missing-dependency import',
      'uses_helper.py:3 missing-dependency import',
    ]);
    const message = (file: string) => report.findings.find((f) => f.file === file)?.message;
    // Python names the first package it could not find.
    expect(message('dynamic.py')).toMatch(/^`snowflake` is provided by no package in requirements\.lock/);
    expect(message('lib/cloud.py')).toMatch(/\(apache-airflow-providers-amazon\) to requirements\.txt, then run `npx airflow-gitops lock` \(while importing uses_helper\.py\)$/);
    expect(message('uses_helper.py')).toMatch(/^`airflow\.providers\.amazon` is provided by no package .* \(raised in lib\/cloud\.py:3; import chain: uses_helper\.py:3 -> lib\/cloud\.py:3\)$/);
  }, 180_000);

  it('leaves a missing module of the dags folder itself an import-error', async () => {
    const folder = dagsFolder({ 'lib/__init__.py': '', 'typo.py': `${header}from lib import helpres\n\n${dag('typo')}    pass\n`, 'broken.py': `${header}import lib.gone\n\n${dag('broken')}    pass\n` });
    const report = await validateDags({ dagsFolder: folder, import: true, python: requireAirflowPython(), cacheFolder: null, lock, workers: 1, configFile: budgetConfig() });
    expect(summary(report.findings).filter((line) => line.includes('broken.py'))).toEqual(['broken.py:3 import-error import']);
    expect(report.findings.some((f) => f.rule === 'missing-dependency')).toBe(false);
  }, 180_000);
});
