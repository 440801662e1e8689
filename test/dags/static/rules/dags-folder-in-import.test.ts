/** The dags-folder-in-import rule on its fixture folder, test/fixtures/dags/rules/dags-folder-in-import/. */
import { expect, it } from 'vitest';
import { fixtureFindings } from '../../../support/dags.ts';

it('reports an import through the dags folder name with the import that works, not a working import, and no skipped-file warning on the helper it meant', async () => {
  expect(await fixtureFindings('dags-folder-in-import')).toEqual([
    { file: 'reports.py', line: 2, rule: 'dags-folder-in-import', severity: 'error',
      message: "`dags.lib.notify` cannot be imported: Airflow puts the dags folder itself on sys.path, not its parent, so the import fails with \"No module named 'dags'\"; write `import lib.notify`" },
    { file: 'reports.py', line: 6, rule: 'dags-folder-in-import', severity: 'error',
      message: "`dags.lib.notify` cannot be imported: Airflow puts the dags folder itself on sys.path, not its parent, so the import fails with \"No module named 'dags'\"; write `from lib.notify import send`" },
  ]);
}, 30_000);
