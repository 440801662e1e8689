/**
 * Ruff kept running between runs: later runs get their findings from the
 * same process, the same findings as a run with a child of its own; the
 * server goes when its socket file does, and when asked to stop. It keeps
 * ruff's WebAssembly build loaded (where the native ruff runs there is none,
 * see ruff-native.integration.test.ts).
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateDags } from '../../../src/dags/index.ts';
import { ruffVariable } from '../../../src/dags/static/ruff-binary.ts';
import { stopRuffServers } from '../../../src/dags/static/ruff-server.ts';
import { temporaryFolder } from '../../support/dags.ts';

const oldDag = `from airflow import DAG
from airflow.operators.dummy import DummyOperator

with DAG(dag_id="old", schedule_interval="@daily"):
    DummyOperator(task_id="x")
`;

const caches: string[] = [];
afterAll(async () => {
  await Promise.all(caches.map((cache) => stopRuffServers(cache)));
});

/** The process ids of the ruff servers of a cache folder (its path is on their command line). */
function servers(cache: string): number[] {
  return readdirSync('/proc').filter((name) => /^\d+$/.test(name)).filter((pid) => {
    try {
      const commandLine = readFileSync(join('/proc', pid, 'cmdline'), 'utf8');
      return commandLine.includes('--serve') && commandLine.includes(`${cache}/ruff-`);
    } catch {
      return false; // a process that ended meanwhile
    }
  }).map(Number);
}

async function exited(pid: number): Promise<void> {
  for (;;) {
    try {
      if (readFileSync(join('/proc', String(pid), 'cmdline'), 'utf8') === '') return; // a zombie
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('ruff server', () => {
  it('answers later runs from the same process, with the findings of a child of their own', async () => {
    const root = temporaryFolder('ruff-server');
    const dags = join(root, 'dags');
    mkdirSync(dags);
    writeFileSync(join(dags, 'old.py'), oldDag);
    const cache = join(root, 'cache');
    caches.push(cache);

    const alone = await validateDags({ dagsFolder: dags, cacheFolder: null });
    expect(alone.findings.filter((finding) => finding.rule.startsWith('airflow3')).length).toBeGreaterThan(1);

    // The server keeps the WebAssembly build loaded; the native ruff needs none (below).
    const wasm = { ...process.env, [ruffVariable]: 'wasm' };
    const first = await validateDags({ dagsFolder: dags, cacheFolder: cache, ruffServer: true, env: wasm });
    expect(first.findings).toEqual(alone.findings);
    const started = servers(cache);
    expect(started).toHaveLength(1);

    // Without the static cache, the file is linted again, by the same server.
    rmSync(join(cache, 'static.json'));
    const second = await validateDags({ dagsFolder: dags, cacheFolder: cache, ruffServer: true, env: wasm });
    expect(second.findings).toEqual(alone.findings);
    expect(servers(cache)).toEqual(started);

    // A server whose socket file is gone exits.
    const socket = readdirSync(cache).find((name) => name.endsWith('.sock')) as string;
    rmSync(join(cache, socket));
    await exited(started[0] as number);
    expect(servers(cache)).toEqual([]);

    await validateDags({ dagsFolder: dags, cacheFolder: join(cache, 'again'), ruffServer: true, env: wasm });
    expect(servers(join(cache, 'again'))).toHaveLength(1);
    await stopRuffServers(join(cache, 'again'));
    expect(readdirSync(join(cache, 'again')).filter((name) => name.endsWith('.sock'))).toEqual([]);
  }, 120_000);
});
