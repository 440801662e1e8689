/**
 * Bad input never crashes the validator: each case below ends in a report
 * with a finding that names the file, not in an exception.
 *
 * The tests run as root, for whom no permission bit makes a file unreadable;
 * "unreadable" entries are made instead from a broken symlink and a FIFO
 * (opening a FIFO for reading would block forever, so it must never be read).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateDags } from '../../../src/dags/index.ts';
import { places, requireAirflowPython, temporaryFolder } from '../../support/dags.ts';

const header = 'import pendulum\nfrom airflow.sdk import DAG\n';
const goodDag = (id: string) => `${header}\nwith DAG(dag_id="${id}", schedule=None, start_date=pendulum.datetime(2024, 1, 1, tz="UTC")):\n    pass\n`;

describe('bad input', () => {
  it('accepts an empty folder', async () => {
    const folder = temporaryFolder('empty');
    const report = await validateDags({ dagsFolder: folder, import: true, python: requireAirflowPython(), cacheFolder: null });
    expect(report).toEqual({ files: 0, findings: [], imports: [] });
  });

  it('reports a broken symlink and a FIFO without opening them', async () => {
    const folder = temporaryFolder('unreadable');
    symlinkSync(join(folder, 'missing.py'), join(folder, 'dangling.py'));
    execFileSync('mkfifo', [join(folder, 'pipe.py')]);
    writeFileSync(join(folder, 'ok.py'), goodDag('ok'));
    const report = await validateDags({ dagsFolder: folder });
    expect(places(report.findings)).toEqual(['dangling.py:1 unreadable-entry', 'pipe.py:1 unreadable-entry']);
    expect(report.findings[0]?.message).toMatch(/broken symlink/);
    expect(report.findings[1]?.message).toMatch(/FIFO/);
    expect(report.files).toBe(1);
  });

  it('does not follow a symlink that leaves the dags folder, and stops at a symlink loop', async () => {
    const outside = temporaryFolder('outside');
    writeFileSync(join(outside, 'secret.py'), 'raise SystemExit("never read")\n');
    const folder = temporaryFolder('escape');
    symlinkSync(join(outside, 'secret.py'), join(folder, 'escape.py'));
    symlinkSync(outside, join(folder, 'elsewhere'));
    mkdirSync(join(folder, 'team'));
    symlinkSync(folder, join(folder, 'team', 'loop'));
    const report = await validateDags({ dagsFolder: folder });
    expect(places(report.findings)).toEqual([
      'elsewhere:1 symlink-outside-dags-folder',
      'escape.py:1 symlink-outside-dags-folder',
      'team/loop:1 symlink-loop',
    ]);
    expect(report.files).toBe(0);
  });

  it('checks a 5 MB file', async () => {
    const folder = temporaryFolder('large');
    const tasks = Array.from({ length: 65_000 }, (_, i) => `    EmptyOperator(task_id="task_${i}")  # padding the file to a few megabytes\n`).join('');
    const text = `${header}from airflow.providers.standard.operators.empty import EmptyOperator\n\nwith DAG(dag_id="large", schedule=None, start_date=pendulum.datetime(2024, 1, 1, tz="UTC")):\n${tasks}    EmptyOperator(task_id="task_7")\n`;
    expect(text.length).toBeGreaterThan(5_000_000);
    writeFileSync(join(folder, 'large.py'), text);
    const report = await validateDags({ dagsFolder: folder });
    expect(places(report.findings)).toEqual(['large.py:65006 duplicate-task-id']);
  });

  it('imports DAG files from a zip archive, as Airflow does', async () => {
    const folder = temporaryFolder('zipped');
    const staging = temporaryFolder('zip-staging');
    writeFileSync(join(staging, 'zipped_dag.py'), goodDag('zipped'));
    execFileSync('python3', ['-c', 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1], "w"); z.write(sys.argv[2], "zipped_dag.py"); z.close()', join(folder, 'bundle.zip'), join(staging, 'zipped_dag.py')]);
    const report = await validateDags({ dagsFolder: folder, import: true, python: requireAirflowPython(), cacheFolder: null });
    expect(report.findings).toEqual([]);
    expect(report.imports).toEqual([{ file: 'bundle.zip', dagIds: ['zipped'], failed: false, parseSeconds: expect.any(Number), cached: false }]);
  });

  it('kills an import that hangs, and survives sys.exit and os._exit', async () => {
    const folder = temporaryFolder('hostile');
    // Far apart, so that no machine load moves a file across a limit: the
    // other files import in milliseconds, slow.py takes twice the budget and
    // half the timeout.
    writeFileSync(join(folder, '.airflow-gitops-validate.yaml'), 'import:\n  timeout_seconds: 12\n  parse_budget_seconds: 3\n');
    writeFileSync(join(folder, 'slow.py'), `${header}import time\n\ntime.sleep(6)\n`);
    writeFileSync(join(folder, 'hangs.py'), `${header}import time\n\ntime.sleep(3600)\n`);
    writeFileSync(join(folder, 'exits.py'), `${header}import sys\n\nsys.exit(3)\n`);
    writeFileSync(join(folder, 'dies.py'), `${header}import os\n\nos._exit(0)\n`);
    writeFileSync(join(folder, 'ignores_alarm.py'), `${header}import signal, time\n\nsignal.signal(signal.SIGALRM, signal.SIG_IGN)\ntime.sleep(3600)\n`);
    writeFileSync(join(folder, 'fine.py'), goodDag('fine'));
    const report = await validateDags({ dagsFolder: folder, import: true, python: requireAirflowPython(), cacheFolder: null });
    expect(places(report.findings)).toEqual([
      'dies.py:1 import-crashed',
      'exits.py:5 import-error',
      'hangs.py:5 import-timeout',
      'ignores_alarm.py:1 import-timeout',
      'slow.py:1 slow-parse',
    ]);
    expect(report.findings.at(-1)?.message).toMatch(/^Airflow took ([6-9]|1[01])\.\d\d s to import this file \(budget 3 s\)/);
    expect(report.findings.find((f) => f.file === 'exits.py')?.message).toBe('SystemExit: 3');
    expect(report.imports?.find((file) => file.file === 'fine.py')?.dagIds).toEqual(['fine']);
  }, 120_000);
});
