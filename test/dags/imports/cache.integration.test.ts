/**
 * The content-hash cache of the import layer: an unchanged file is not
 * imported again; a changed file, or a changed helper module it imports, is.
 */
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateDags } from '../../../src/dags/index.ts';
import { corpus, places, requireAirflowPython, temporaryFolder } from '../../support/dags.ts';

describe('import cache', () => {
  it('re-imports only what changed', async () => {
    const folder = join(temporaryFolder('cache'), 'dags');
    cpSync(join(corpus, 'good'), join(folder, 'good'), { recursive: true });
    cpSync(join(corpus, 'common'), join(folder, 'common'), { recursive: true });
    // A budget no import here comes near, however loaded the machine: this test is about the cache.
    const configFile = join(folder, '..', 'validate.yaml');
    writeFileSync(configFile, 'import:\n  parse_budget_seconds: 600\n');
    const options = { dagsFolder: folder, import: true, python: requireAirflowPython(), cacheFolder: join(folder, '..', 'cache'), configFile };
    const imported = async () => {
      const report = await validateDags(options);
      return { report, fresh: report.imports?.filter((file) => !file.cached).map((file) => file.file).sort() };
    };

    const cold = await imported();
    expect(cold.fresh).toEqual(cold.report.imports?.map((file) => file.file).sort());
    expect(cold.fresh?.length).toBeGreaterThan(5);

    expect((await imported()).fresh).toEqual([]);

    writeFileSync(join(folder, 'good', 'taskflow_etl.py'), 'from airflow.sdk import DAG\nraise RuntimeError("changed")\n');
    const changed = await imported();
    expect(changed.fresh).toEqual(['good/taskflow_etl.py']);
    expect(places(changed.report.findings)).toEqual(['good/taskflow_etl.py:2 import-error']);

    // uses_helpers.py imports common/defaults.py (and through the factory, common/factory.py).
    writeFileSync(join(folder, 'common', 'defaults.py'), 'raise ImportError("defaults are gone")\n');
    const helperChanged = await imported();
    expect(helperChanged.fresh).toEqual(['common/factory.py', 'good/uses_helpers.py']);
    // The helper's own line, and each file that imported it at its import line.
    expect(places(helperChanged.report.findings.filter((f) => f.layer === 'import'))).toEqual([
      'common/defaults.py:1 import-error',
      'common/factory.py:6 import-error',
      'good/taskflow_etl.py:2 import-error',
      'good/uses_helpers.py:6 import-error',
    ]);
    expect(helperChanged.report.findings[0]?.message).toBe('ImportError: defaults are gone (while importing common/factory.py, good/uses_helpers.py)');
  }, 120_000);
});
