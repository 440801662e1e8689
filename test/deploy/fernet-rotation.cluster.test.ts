/* eslint-disable @typescript-eslint/no-explicit-any -- live objects are untyped JSON */
// The Fernet key of a running installation: a new key alone is refused before
// anything is written; with --rotate-fernet-key the new key goes first in the
// list, a Job runs `airflow rotate-fernet-key`, and the next deploy drops the
// old key. A real Airflow (the project's venv, on its sqlite database)
// stores a connection with the old key, rotates with the list the deploy
// wrote, and reads the connection back with the new key alone. The rotation
// Job's pods run on kwok's fake nodes (no container runs there), so the test
// runs the Job's command itself, with the Job's key list.
import { execa } from 'execa';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fernetKey } from '../../src/secrets/generate.ts';
import { repoRoot } from '../support/paths.ts';
import { deleteNamespaces, deploy, expectNoSecretInOutput, freshNamespace, getJson, overlay, versions } from '../support/deploy-harness.ts';

const namespaces: string[] = [];
const oldKey = fernetKey();
const newKey = fernetKey();
const connectionPassword = 'stored-with-the-old-key-4711';
const airflowHome = mkdtempSync(join(tmpdir(), 'airflow-home-'));

afterAll(async () => {
  await expectNoSecretInOutput(namespaces, [oldKey, newKey, connectionPassword]);
  await deleteNamespaces(namespaces);
});

async function airflow(args: string[], fernet: string) {
  const env = { AIRFLOW_HOME: airflowHome, AIRFLOW__CORE__LOAD_EXAMPLES: 'False', AIRFLOW__CORE__FERNET_KEY: fernet, AIRFLOW__DATABASE__SQL_ALCHEMY_CONN: `sqlite:///${join(airflowHome, 'airflow.db')}` };
  return execa(join(repoRoot, '.venv', 'airflow', 'bin', 'airflow'), args, { env, reject: false });
}

async function storedPassword(fernet: string): Promise<string | undefined> {
  const got = await airflow(['connections', 'get', 'warehouse', '-o', 'json'], fernet);
  if (got.exitCode !== 0) return undefined;
  const parsed = JSON.parse(got.stdout) as any[];
  return parsed[0]?.password;
}

const fernetOf = async (ns: string) => Buffer.from((await getJson(['get', 'secret', 'airflow-secrets', '-n', ns])).data['fernet-key'], 'base64').toString();

beforeAll(async () => {
  expect((await airflow(['db', 'migrate'], oldKey)).exitCode).toBe(0);
  const added = await airflow(['connections', 'add', 'warehouse', '--conn-uri', `postgres://etl:${connectionPassword}@db.example:5432/dw`], oldKey);
  expect(added.exitCode, added.stderr).toBe(0);
});

describe('the Fernet key of a running installation', () => {
  it('refuses a new key without the rotation option, writing nothing', async () => {
    const ns = await freshNamespace('fernet-refuse', false);
    namespaces.push(ns);
    const dir = overlay(ns, 'secrets');
    expect((await deploy('fernet', dir, [], { AIRFLOW_GITOPS_FERNET_KEY: oldKey })).code).toBe(0);
    const before = await versions(ns);
    const refused = await deploy('fernet', dir, [], { AIRFLOW_GITOPS_FERNET_KEY: newKey });
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('nothing was written: airflow-gitops refused 1 problem(s) before asking the API server');
    expect(refused.out).toContain(`Secret ${ns}/airflow-secrets: AIRFLOW_GITOPS_FERNET_KEY differs from the Fernet key this installation runs with`);
    expect(refused.out).toContain('--rotate-fernet-key');
    expect(await versions(ns)).toEqual(before);
    expect(await fernetOf(ns)).toBe(oldKey);
  });

  it('rotates with the new key first, runs airflow rotate-fernet-key in a Job, and drops the old key on the next deploy', async () => {
    const ns = await freshNamespace('fernet-rotate', false);
    namespaces.push(ns);
    const dir = overlay(ns, 'secrets');
    expect((await deploy('fernet', dir, [], { AIRFLOW_GITOPS_FERNET_KEY: oldKey })).code).toBe(0);
    const scheduler = await getJson(['get', 'deployment', 'scheduler', '-n', ns]);

    const rotated = await deploy('fernet', dir, ['--rotate-fernet-key'], { AIRFLOW_GITOPS_FERNET_KEY: newKey });
    expect(rotated.code, rotated.out).toBe(0);
    expect(await fernetOf(ns)).toBe(`${newKey},${oldKey}`);
    const rolled = await getJson(['get', 'deployment', 'scheduler', '-n', ns]);
    expect(rolled.spec.template.metadata.annotations['airflow-gitops/secrets-hash']).not.toBe(scheduler.spec.template.metadata.annotations['airflow-gitops/secrets-hash']);
    const job = await getJson(['get', 'job', 'airflow-rotate-fernet-key', '-n', ns]);
    expect(job.spec.template.spec.containers[0].args).toEqual(['rotate-fernet-key']);
    expect(job.spec.template.spec.containers[0].env).toContainEqual({ name: 'AIRFLOW__CORE__FERNET_KEY', valueFrom: { secretKeyRef: { name: 'airflow-secrets', key: 'fernet-key' } } });
    expect(job.status.succeeded).toBe(1);
    expect(rotated.out).toContain(`ready Job ${ns}/airflow-rotate-fernet-key`);

    // What the Job's container does, with the key list the deploy wrote.
    const rotation = await airflow(['rotate-fernet-key'], await fernetOf(ns));
    expect(rotation.exitCode, rotation.stderr).toBe(0);

    const dropped = await deploy('fernet', dir, [], { AIRFLOW_GITOPS_FERNET_KEY: newKey });
    expect(dropped.code, dropped.out).toBe(0);
    expect(dropped.out).toContain('the Fernet key rotation completed: dropped 1 old key(s)');
    expect(dropped.out).toContain(`pruning Job ${ns}/airflow-rotate-fernet-key`);
    expect(await fernetOf(ns)).toBe(newKey);
    expect(await storedPassword(newKey)).toBe(connectionPassword);
    // Re-encrypted: the old key alone no longer reads it.
    expect(await storedPassword(oldKey)).not.toBe(connectionPassword);
  });
});
