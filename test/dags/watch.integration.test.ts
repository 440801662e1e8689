/**
 * `validate --watch` on a real folder with the real Airflow: after an edit, a
 * rename, a deletion and a change to a helper module, it prints the findings
 * of the files the change touched, from both layers.
 */
import { cpSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { watchDags } from '../../src/dags/index.ts';
import { corpus, requireAirflowPython, temporaryFolder } from '../support/dags.ts';
import { waitFor } from '../support/wait.ts';

const folder = join(temporaryFolder('watch'), 'dags');
const stop = new AbortController();
let output = '';
let session: Promise<void>;

/** The output printed after `mark`, once it contains `text`. */
async function printed(mark: number, text: string): Promise<string> {
  return waitFor(`'${text}' in the output of validate --watch:\n${output.slice(mark)}`, async () => (output.slice(mark).includes(text) ? output.slice(mark) : undefined), 120_000, 50);
}

beforeAll(async () => {
  cpSync(join(corpus, 'good'), join(folder, 'good'), { recursive: true });
  cpSync(join(corpus, 'common'), join(folder, 'common'), { recursive: true });
  session = watchDags({ dagsFolder: folder, python: requireAirflowPython(), label: 'dags', out: (text) => (output += text), signal: stop.signal });
  session.catch(() => undefined);
  await printed(0, 'watching dags for changes');
}, 180_000);

afterAll(async () => {
  stop.abort();
  await session;
});

// No schedule (a static warning) and an error raised at import (an import error).
const brokenDag = 'import pendulum\nfrom airflow.sdk import DAG\n\nwith DAG(dag_id="edited", start_date=pendulum.datetime(2024, 1, 1, tz="UTC")):\n    raise ValueError("edited")\n';

describe('validate --watch', () => {
  it('starts with the report of the whole folder', () => {
    expect(output).toContain('13 files checked: 0 error(s), 0 warning(s), 0 notice(s)');
  });

  it('reports an edited file with the findings of both layers', async () => {
    const mark = output.length;
    writeFileSync(join(folder, 'good', 'taskflow_etl.py'), brokenDag);
    const seen = await printed(mark, 'dags/good/taskflow_etl.py:5: error [import-error] ValueError: edited');
    expect(seen).toContain('dags/good/taskflow_etl.py:4:6: warning [missing-schedule]');
    expect(seen).not.toContain('dags/good/task_groups.py');
  }, 150_000);

  it('follows a rename: the old name is gone, the new one is checked', async () => {
    const mark = output.length;
    renameSync(join(folder, 'good', 'taskflow_etl.py'), join(folder, 'good', 'renamed.py'));
    const seen = await printed(mark, 'dags/good/renamed.py:5: error [import-error] ValueError: edited');
    expect(seen).toContain('dags/good/taskflow_etl.py: removed');
  }, 150_000);

  it('reports a deleted file as removed', async () => {
    const mark = output.length;
    rmSync(join(folder, 'good', 'renamed.py'));
    const seen = await printed(mark, 'dags/good/renamed.py: removed');
    expect(seen).not.toContain('error [');
  }, 150_000);

  it('checks the importers of a changed helper module again', async () => {
    const mark = output.length;
    // good/uses_helpers.py imports common/defaults.py, directly and through common/factory.py.
    writeFileSync(join(folder, 'common', 'defaults.py'), 'raise ImportError("defaults are gone")\n');
    const seen = await printed(mark, 'dags/common/defaults.py:1: error [import-error] ImportError: defaults are gone (while importing common/factory.py, good/uses_helpers.py)');
    // The importers were checked again: each reports the failure at its own import line.
    expect(seen).toContain('dags/good/uses_helpers.py:6: error [import-error] ImportError: defaults are gone (raised in common/defaults.py:1');
    expect(seen).toContain('dags/common/factory.py:6: error [import-error] ImportError: defaults are gone (raised in common/defaults.py:1');
    expect(seen).toContain('3 files checked: 3 error(s)');
  }, 150_000);
});
