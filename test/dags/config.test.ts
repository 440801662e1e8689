/** The settings file (severities, ignore syntax, import limits) and inline suppressions. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/dags/config.ts';
import { validateDags } from '../../src/dags/index.ts';
import { suppressionsOf } from '../../src/dags/suppressions.ts';
import { UsageError } from '../../src/errors.ts';
import { places, temporaryFolder } from '../support/dags.ts';

const noSchedule = (id: string, comment = '') => `import pendulum\nfrom airflow.sdk import DAG\n\nwith DAG(dag_id="${id}", start_date=pendulum.datetime(2024, 1, 1, tz="UTC")):${comment}\n    pass\n`;

describe('config file', () => {
  it('reads severities, the ignore syntax and the import limits', () => {
    const config = parseConfig('rules:\n  missing-schedule: error\n  parse-time-variable: off\nairflowignore_syntax: regexp\nimport:\n  timeout_seconds: 5\n  parse_budget_seconds: 0.5\n', 'c.yaml');
    expect([...config.severities]).toEqual([['missing-schedule', 'error'], ['parse-time-variable', 'off']]);
    expect(config.ignoreSyntax).toBe('regexp');
    expect(config.timeoutSeconds).toBe(5);
    expect(config.parseBudgetSeconds).toBe(0.5);
  });

  it('reads stand-in Variables and connections for the import check', () => {
    const config = parseConfig('import:\n  variables:\n    sales_bucket: any\n    limit: 5\n  connections:\n    warehouse: postgres://u:p@db/sales\n', 'c.yaml');
    expect([...config.standIns.variables]).toEqual([['sales_bucket', 'any'], ['limit', '5']]);
    expect([...config.standIns.connections]).toEqual([['warehouse', 'postgres://u:p@db/sales']]);
  });

  it.each([
    ['rules: [a]\n', 'c.yaml:1: rules: expected a mapping'],
    ['rules:\n  ok-rule: error\n  Bad Rule: error\n', "c.yaml:3: rules: 'Bad Rule' is not a rule id"],
    ['airflowignore_syntax: fnmatch\n', "c.yaml:1: airflowignore_syntax: 'fnmatch' is not glob or regexp"],
    ['import:\n  timeout_seconds: -1\n', 'c.yaml:2: import: timeout_seconds: expected a positive number of seconds'],
    ['import:\n  retries: 3\n', "c.yaml:2: import: unknown setting 'retries'"],
    ['import:\n  variables: [a]\n', 'c.yaml:2: import: variables: expected a mapping of name to a stand-in value'],
    ['import:\n  connections:\n    warehouse:\n', 'c.yaml:3: import: connections: warehouse: expected a value'],
    ['import:\n  variables:\n    "a=b": x\n', "c.yaml:3: import: variables: 'a=b' is not a usable name"],
    ['\nseverity: {}\n', "c.yaml:2: unknown setting 'severity'"],
    ['rules: {a: [\n', 'c.yaml:2: invalid YAML'],
  ])('rejects %j with its line', (text, message) => {
    expect(() => parseConfig(text, 'c.yaml')).toThrow(UsageError);
    expect(() => parseConfig(text, 'c.yaml')).toThrow(message);
  });

  it('changes severities and turns rules off for a validation run', async () => {
    const folder = temporaryFolder('config');
    writeFileSync(join(folder, 'a.py'), noSchedule('a'));
    expect(places((await validateDags({ dagsFolder: folder })).findings)).toEqual(['a.py:4 missing-schedule']);
    writeFileSync(join(folder, '.airflow-gitops-validate.yaml'), 'rules:\n  missing-schedule: error\n');
    expect((await validateDags({ dagsFolder: folder })).findings[0]?.severity).toBe('error');
    const other = join(folder, 'elsewhere');
    mkdirSync(other);
    writeFileSync(join(other, 'quiet.yaml'), 'rules:\n  missing-schedule: off\n');
    expect((await validateDags({ dagsFolder: folder, configFile: join(other, 'quiet.yaml') })).findings).toEqual([]);
  });
});

describe('inline suppressions', () => {
  it('parse one or several rule ids on a line', () => {
    const map = suppressionsOf('x = 1\ny = f()  # airflow-gitops: ignore[parse-time-network, parse-time-database]\n#airflow-gitops:ignore[a]\n');
    expect([...map]).toEqual([[2, new Set(['parse-time-network', 'parse-time-database'])], [3, new Set(['a'])]]);
  });

  it('silence only the named rule on that line', async () => {
    const folder = temporaryFolder('suppress');
    writeFileSync(join(folder, 'named.py'), noSchedule('named', '  # airflow-gitops: ignore[missing-schedule]'));
    writeFileSync(join(folder, 'other_rule.py'), noSchedule('other_rule', '  # airflow-gitops: ignore[dynamic-start-date]'));
    expect(places((await validateDags({ dagsFolder: folder })).findings)).toEqual(['other_rule.py:4 missing-schedule']);
  });
});
