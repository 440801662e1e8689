/**
 * explainMissingModules on import findings, with the committed module map: a
 * ModuleNotFoundError of a module outside the lock becomes missing-dependency
 * at the same place, keeping where it was raised; one the lock provides says
 * the venv was not installed from the lock; the dags folder's own modules and
 * other errors stay as they are.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explainMissingModules } from '../../src/dags/dependencies.ts';
import type { Finding } from '../../src/dags/report.ts';
import { readModuleMap } from '../../src/requirements/index.ts';
import { repoRoot } from '../support/paths.ts';

const locked = readModuleMap(join(repoRoot, 'requirements.modules.json'));
const local = new Set(['dags', 'lib']);
const importError = (message: string): Finding => ({ file: 'a.py', line: 4, column: null, severity: 'error', rule: 'import-error', message, layer: 'import' });

describe('explainMissingModules', () => {
  it('turns a module outside the lock into missing-dependency, keeping the place and where it was raised', () => {
    const [finding] = explainMissingModules([importError("ModuleNotFoundError: No module named 'snowflake' (while importing b.py)")], locked, local);
    expect(finding).toMatchObject({ file: 'a.py', line: 4, rule: 'missing-dependency', layer: 'import' });
    expect(finding?.message).toMatch(/^`snowflake` is provided by no package in requirements\.lock, .* then run `npx airflow-gitops lock` \(while importing b\.py\)$/);
  });

  it('says to rebuild the venv when the lock has the module', () => {
    const [finding] = explainMissingModules([importError("ModuleNotFoundError: No module named 'airflow.providers.http'")], locked, local);
    expect(finding?.rule).toBe('import-error');
    expect(finding?.message).toBe("ModuleNotFoundError: No module named 'airflow.providers.http'. requirements.lock has it (apache-airflow-providers-http), " +
      'but the Python of the import check was not installed from it: run `bash scripts/setup-airflow-venv.sh`');
  });

  it('leaves the dags folder\'s modules, other errors, and everything without a lock alone', () => {
    const findings = [importError("ModuleNotFoundError: No module named 'lib.gone'"), importError("ImportError: cannot import name 'x' from 'json'")];
    expect(explainMissingModules(findings, locked, local)).toEqual(findings);
    const outside = [importError("ModuleNotFoundError: No module named 'snowflake'")];
    expect(explainMissingModules(outside, null, local)).toEqual(outside);
  });
});
