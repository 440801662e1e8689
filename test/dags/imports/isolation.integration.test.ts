/**
 * A child of the import worker imports many files one after the other: each
 * file must still find the process as a fresh one would. With one child, each
 * a_*.py file below is imported just before its b_*.py file, which fails if it
 * sees what a_*.py changed.
 */
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateDags, type Report } from '../../../src/dags/index.ts';
import { stopImportServers } from '../../../src/dags/imports/server.ts';
import { places, requireAirflowPython, temporaryFolder } from '../../support/dags.ts';

const header = 'import pendulum\nfrom airflow.sdk import DAG\n';
const dag = (id: string) => `\nwith DAG(dag_id="${id}", schedule=None, start_date=pendulum.datetime(2024, 1, 1, tz="UTC")):\n    pass\n`;

// [what the first file changes, what the second checks]
const cases: Record<string, [string, string]> = {
  environment: ['import os\nos.environ["POLLUTED"] = "1"\n', 'import os\nif "POLLUTED" in os.environ:\n    raise RuntimeError("saw the environment of another file")\n'],
  module_attribute: ['pendulum.polluted = True\n', 'if hasattr(pendulum, "polluted"):\n    raise RuntimeError("saw a module attribute another file set")\n'],
  helper_state: ['from helpers import registry\nregistry.append("a")\n', 'from helpers import registry\nif registry:\n    raise RuntimeError("saw the helper module state of another file")\n'],
  working_folder: ['import os\nos.chdir("/")\n', 'import os\nif os.getcwd() == "/":\n    raise RuntimeError("saw the working folder of another file")\n'],
};

function writeCases(folder: string): void {
  mkdirSync(join(folder, 'helpers'));
  writeFileSync(join(folder, 'helpers', '__init__.py'), 'registry = []\n');
  for (const [name, [change, check]] of Object.entries(cases)) {
    writeFileSync(join(folder, `${name}_a.py`), `${header}${change}${dag(`${name}_a`)}`);
    writeFileSync(join(folder, `${name}_b.py`), `${header}${check}${dag(`${name}_b`)}`);
  }
}

function expectIsolated(report: Report): void {
  expect(places(report.findings.filter((finding) => finding.layer === 'import'))).toEqual([]);
  expect(report.imports?.filter((file) => file.dagIds.length === 1).length).toBe(Object.keys(cases).length * 2);
}

describe('import isolation', () => {
  it('gives each file a process as it was before any other file', async () => {
    const folder = temporaryFolder('isolation');
    writeCases(folder);
    expectIsolated(await validateDags({ dagsFolder: folder, import: true, python: requireAirflowPython(), cacheFolder: null, workers: 1 }));
  }, 120_000);

  it('does the same through the import server, whose first child was forked and warmed up before the run', async () => {
    const root = temporaryFolder('isolation-server');
    const folder = join(root, 'dags');
    const cacheFolder = join(root, 'cache');
    mkdirSync(folder);
    writeCases(folder);
    try {
      const options = { dagsFolder: folder, import: true, python: requireAirflowPython(), cacheFolder, workers: 1, importServer: true };
      // The first run starts the server; the second, with nothing cached (the files changed), gets its spare child.
      expectIsolated(await validateDags(options));
      for (const name of Object.keys(cases)) appendFileSync(join(folder, `${name}_a.py`), '# again\n');
      for (const name of Object.keys(cases)) appendFileSync(join(folder, `${name}_b.py`), '# again\n');
      expectIsolated(await validateDags(options));
    } finally {
      await stopImportServers(join(cacheFolder, 'imports'));
    }
  }, 120_000);
});
