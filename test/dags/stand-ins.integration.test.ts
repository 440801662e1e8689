/**
 * Stand-in Variables and connections for the import check: without them a
 * Variable or connection missing at parse time is one finding, the static
 * warning with the hint; with them (AIRFLOW_VAR_* / AIRFLOW_CONN_* for the
 * real Airflow) the file imports and loads its DAG.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateDags } from '../../src/dags/index.ts';
import { repoRoot } from '../support/paths.ts';
import { requireAirflowPython, temporaryFolder } from '../support/dags.ts';

const dagsFolder = join(repoRoot, 'test', 'fixtures', 'dags', 'stand-ins');
const folder = temporaryFolder('stand-ins');

async function validateWith(settings: string) {
  const configFile = join(folder, `${settings.length}.yaml`);
  writeFileSync(configFile, `import:\n  parse_budget_seconds: 600\n${settings}`);
  const report = await validateDags({ dagsFolder, import: true, python: requireAirflowPython(), cacheFolder: null, configFile });
  return { findings: report.findings.map(({ line, rule, severity, message }) => ({ line, rule, severity, message })), imports: report.imports };
}

const variableWarning = 'Variable.get(...) reads or writes an Airflow Variable every time Airflow parses this file: read it inside a task, or in a template: {{ var.value.name }}';
const connectionWarning = 'BaseHook.get_connection(...) looks up a connection or a secret every time Airflow parses this file: look it up inside a task, or in a template: {{ conn.my_conn_id }}';

describe('parse-time Variables and connections in the import check', () => {
  it('without stand-ins: one finding for the missing Variable, the warning with the hint', async () => {
    const { findings, imports } = await validateWith('');
    expect(findings).toEqual([
      { line: 6, rule: 'parse-time-variable', severity: 'warning',
        message: `${variableWarning}. The import check failed here because 'sales_bucket' does not exist where it ran: Airflow reads AIRFLOW_VAR_SALES_BUCKET first, so give it a stand-in in .airflow-gitops-validate.yaml (import: variables: {sales_bucket: any})` },
      { line: 7, rule: 'parse-time-connection', severity: 'warning', message: connectionWarning },
    ]);
    expect(imports?.map((file) => file.failed)).toEqual([true]);
  }, 120_000);

  it('with a stand-in Variable only: the missing connection gets the hint', async () => {
    const { findings } = await validateWith('  variables:\n    sales_bucket: any\n');
    expect(findings).toEqual([
      { line: 6, rule: 'parse-time-variable', severity: 'warning', message: variableWarning },
      { line: 7, rule: 'parse-time-connection', severity: 'warning',
        message: `${connectionWarning}. The import check failed here because 'warehouse' does not exist where it ran: Airflow reads AIRFLOW_CONN_WAREHOUSE first, so give it a stand-in in .airflow-gitops-validate.yaml (import: connections: {warehouse: any})` },
    ]);
  }, 120_000);

  it('with both stand-ins: the file imports and loads its DAG, the warnings stay as they are', async () => {
    const { findings, imports } = await validateWith('  variables:\n    sales_bucket: s3://stand-in\n  connections:\n    warehouse: postgres://user:pass@db:5432/sales\n');
    expect(findings.map((finding) => `${finding.line} ${finding.rule} ${finding.message === variableWarning || finding.message === connectionWarning}`)).toEqual([
      '6 parse-time-variable true',
      '7 parse-time-connection true',
    ]);
    expect(imports?.map((file) => [file.failed, file.dagIds])).toEqual([[false, ['parse_time_lookups']]]);
  }, 120_000);
});
