// Secrets made by hand the documented way (`kubectl create secret`) are taken
// over by a deploy given new values, without a field-manager conflict; the
// `secrets` command says where each value came from and when, never the value.
import { afterAll, describe, expect, it } from 'vitest';
import { run as secretsRun } from '../../src/commands/secrets.ts';
import { clusterEnv, kubectl, testNamespace } from '../support/cluster.ts';
import { deleteNamespaces, deploy, expectNoSecretInOutput, getJson, overlay } from '../support/deploy-harness.ts';

const namespaces: string[] = [];
const byHand = 'made-by-hand-password-31c9';
const given = 'given-later-password-77ab';
afterAll(async () => {
  await expectNoSecretInOutput(namespaces, [byHand, given]);
  await deleteNamespaces(namespaces);
});

async function secrets(environment: string, dir: string): Promise<{ code: number; out: string }> {
  const chunks: string[] = [];
  const code = await secretsRun([environment, '--overlay', dir], { stdout: (t) => chunks.push(t), stderr: (t) => chunks.push(t), env: clusterEnv(), cwd: dir });
  return { code, out: chunks.join('') };
}

describe('hand-made Secrets', () => {
  it('are taken over by a deploy without a conflict, and listed with their origin', async () => {
    const ns = await testNamespace('handmade', { 'pod-security.kubernetes.io/enforce': 'restricted' });
    namespaces.push(ns);
    const made = await kubectl(['-n', ns, 'create', 'secret', 'generic', 'airflow-redis', `--from-literal=password=${byHand}`]);
    expect(made.exitCode, made.stderr).toBe(0);
    const dir = overlay(ns, 'secrets');

    const kept = await deploy('handmade', dir);
    expect(kept.code, kept.out).toBe(0);
    const listed = await secrets('handmade', dir);
    expect(listed.code, listed.out).toBe(0);
    expect(listed.out).toMatch(/airflow-redis\s+password\s+by hand\s+\d{4}-\d\d-\d\dT[\d:]+Z\s+Deployment .*\/scheduler, StatefulSet .*\/redis/);
    expect(listed.out).toMatch(/airflow-secrets\s+fernet-key\s+generated\s+\d{4}-/);

    const taken = await deploy('handmade', dir, [], { AIRFLOW_GITOPS_REDIS_PASSWORD: given });
    expect(taken.code, taken.out).toBe(0);
    expect(taken.out).not.toContain('conflict');
    const secret = await getJson(['get', 'secret', 'airflow-redis', '-n', ns]);
    expect(Buffer.from(secret.data.password, 'base64').toString()).toBe(given);
    const relisted = await secrets('handmade', dir);
    expect(relisted.out).toMatch(/airflow-redis\s+password\s+given\s+\d{4}-/);
    expect(relisted.out).not.toContain(given);
  });
});
