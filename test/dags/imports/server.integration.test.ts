/**
 * The import server: Airflow kept loaded between runs of `validate --import`.
 * A later run with the same inputs reuses it; a run whose environment
 * differs, or after a module the server loaded changed, never gets its
 * answers; a server killed between runs is replaced; asked to stop, it goes.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateDags } from '../../../src/dags/index.ts';
import { stopImportServers } from '../../../src/dags/imports/server.ts';
import { places, requireAirflowPython, temporaryFolder } from '../../support/dags.ts';

const dag = (id: string, extra = '') => `import os
import pendulum
from airflow.sdk import DAG
${extra}
with DAG(dag_id="${id}", schedule=None, start_date=pendulum.datetime(2024, 1, 1, tz="UTC")):
    pass
`;
// Fails its import when the environment says so: a server started with another environment would answer wrongly.
const envSensitive = (note: string) => dag('env_sensitive', `if os.environ.get("BREAK_ME") == "1":\n    raise RuntimeError("BREAK_ME is set")\n# ${note}\n`);

const cacheFolders: string[] = [];
afterAll(async () => {
  await Promise.all(cacheFolders.map((folder) => stopImportServers(join(folder, 'imports'))));
  for (const folder of cacheFolders) expect(sockets(folder)).toEqual([]);
});

function setUp(name: string): { dags: string; cache: string } {
  const root = temporaryFolder(name);
  const dags = join(root, 'dags');
  mkdirSync(dags);
  const cache = join(root, 'cache');
  cacheFolders.push(cache);
  return { dags, cache };
}

function sockets(cache: string): string[] {
  try {
    return readdirSync(join(cache, 'imports')).filter((name) => name.endsWith('.sock'));
  } catch {
    return [];
  }
}

/**
 * The process ids of the import servers of a cache folder (its path is on
 * their command line), without the children they fork for a run: those have
 * the same command line and may still be exiting when the run has its replies.
 */
function servers(cache: string): number[] {
  const matching = new Map<number, number>(); // pid -> parent pid
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const commandLine = readFileSync(join('/proc', pid, 'cmdline'), 'utf8');
      if (!commandLine.includes('import_server.py') || !commandLine.includes(`${cache}/`)) continue;
      const stat = readFileSync(join('/proc', pid, 'stat'), 'utf8');
      matching.set(Number(pid), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      continue; // a process that ended meanwhile
    }
  }
  return [...matching].filter(([, parent]) => !matching.has(parent)).map(([pid]) => pid).sort((a, b) => a - b);
}

async function validate(dags: string, cache: string, env: NodeJS.ProcessEnv = {}) {
  return validateDags({ dagsFolder: dags, import: true, python: requireAirflowPython(), cacheFolder: cache, importServer: true, env: { ...process.env, ...env } });
}

describe('import server', () => {
  it('answers later runs with the same inputs from the same process', async () => {
    const { dags, cache } = setUp('server-reuse');
    writeFileSync(join(dags, 'first.py'), dag('first'));
    expect((await validate(dags, cache)).findings).toEqual([]);
    const started = servers(cache);
    expect(started).toHaveLength(1);

    writeFileSync(join(dags, 'second.py'), dag('second', 'raise ValueError("broken on purpose")'));
    const report = await validate(dags, cache);
    expect(places(report.findings)).toEqual(['second.py:4 import-error']);
    expect(report.imports?.find((file) => file.file === 'second.py')?.cached).toBe(false);
    expect(servers(cache)).toEqual(started);
  }, 240_000);

  it('does not answer a run whose environment differs from the one it started with', async () => {
    const { dags, cache } = setUp('server-env');
    writeFileSync(join(dags, 'env_sensitive.py'), envSensitive('one'));
    expect((await validate(dags, cache, { BREAK_ME: '0' })).findings).toEqual([]);
    // The file changes too, so that the import cache does not answer either.
    writeFileSync(join(dags, 'env_sensitive.py'), envSensitive('two'));
    const report = await validate(dags, cache, { BREAK_ME: '1' });
    expect(places(report.findings)).toEqual(['env_sensitive.py:5 import-error']);
    expect(report.findings[0]?.message).toMatch(/BREAK_ME is set/);
  }, 240_000);

  it('serves runs whose shell bookkeeping variables differ, giving their children the run\'s values', async () => {
    const { dags, cache } = setUp('server-shell');
    const readsOldPwd = (note: string) => dag('reads_oldpwd', `if os.environ.get("OLDPWD") == "/second":\n    raise RuntimeError("OLDPWD is /second")\n# ${note}\n`);
    writeFileSync(join(dags, 'reads_oldpwd.py'), readsOldPwd('one'));
    expect((await validate(dags, cache, { OLDPWD: '/first', _: '/usr/bin/time' })).findings).toEqual([]);
    const started = servers(cache);
    expect(started).toHaveLength(1);

    writeFileSync(join(dags, 'reads_oldpwd.py'), readsOldPwd('two'));
    const report = await validate(dags, cache, { OLDPWD: '/second', _: '/usr/bin/node' });
    expect(places(report.findings)).toEqual(['reads_oldpwd.py:5 import-error']);
    expect(servers(cache)).toEqual(started);
  }, 240_000);

  it('ends when a module it loaded changes, and a new one answers', async () => {
    const { dags, cache } = setUp('server-module');
    const modules = join(cache, '..', 'modules');
    mkdirSync(modules);
    // Airflow imports airflow_local_settings from the import path when it starts.
    writeFileSync(join(modules, 'airflow_local_settings.py'), 'LIMIT = 1\n');
    const env = { PYTHONPATH: modules };
    writeFileSync(join(dags, 'reads_settings.py'), dag('reads_settings', 'import airflow_local_settings\nassert airflow_local_settings.LIMIT == 1, "LIMIT changed"'));
    expect((await validate(dags, cache, env)).findings).toEqual([]);
    const first = servers(cache);
    expect(first).toHaveLength(1);

    writeFileSync(join(modules, 'airflow_local_settings.py'), 'LIMIT = 2\n');
    writeFileSync(join(dags, 'reads_settings.py'), dag('reads_settings', 'import airflow_local_settings\nassert airflow_local_settings.LIMIT == 1, "LIMIT changed"\n# again'));
    const report = await validate(dags, cache, env);
    expect(places(report.findings)).toEqual(['reads_settings.py:5 import-error']);
    const second = servers(cache);
    expect(second).toHaveLength(1);
    expect(second).not.toEqual(first);
  }, 240_000);

  it('reports a file that exits or hangs in a later run, alone, and answers the next run', async () => {
    const { dags, cache } = setUp('server-hostile');
    writeFileSync(join(dags, '.airflow-gitops-validate.yaml'), 'import:\n  timeout_seconds: 3\n');
    writeFileSync(join(dags, 'fine.py'), dag('fine'));
    expect((await validate(dags, cache)).findings).toEqual([]);
    const started = servers(cache);
    expect(started).toHaveLength(1);

    // One new file per run: the first file of a run is the one a child forked before the run takes.
    writeFileSync(join(dags, 'dies.py'), dag('dies', 'os._exit(0)'));
    expect(places((await validate(dags, cache)).findings)).toEqual(['dies.py:1 import-crashed']);
    writeFileSync(join(dags, 'hangs.py'), dag('hangs', 'import time\ntime.sleep(3600)'));
    expect(places((await validate(dags, cache)).findings)).toEqual(['dies.py:1 import-crashed', 'hangs.py:5 import-timeout']);
    writeFileSync(join(dags, 'later.py'), dag('later', 'raise KeyError("later")'));
    expect(places((await validate(dags, cache)).findings)).toEqual(['dies.py:1 import-crashed', 'hangs.py:5 import-timeout', 'later.py:4 import-error']);
    expect(servers(cache)).toEqual(started);
  }, 240_000);

  it('is replaced when it was killed between runs, and stops when asked', async () => {
    const { dags, cache } = setUp('server-killed');
    writeFileSync(join(dags, 'one.py'), dag('one'));
    const firstReport = await validate(dags, cache);
    const first = servers(cache);
    expect(first, `servers after the first run; sockets ${sockets(cache).join(', ')}; findings ${JSON.stringify(firstReport.findings)}`).toHaveLength(1);
    for (const pid of first) process.kill(pid, 'SIGKILL');

    writeFileSync(join(dags, 'two.py'), dag('two', 'raise KeyError("two")'));
    const report = await validate(dags, cache);
    expect(places(report.findings)).toEqual(['two.py:4 import-error']);
    const second = servers(cache);
    expect(second, `servers after the second run; sockets ${sockets(cache).join(', ')}`).toHaveLength(1);
    expect(second).not.toEqual(first);

    await stopImportServers(join(cache, 'imports'));
    expect(sockets(cache)).toEqual([]);
  }, 240_000);
});
