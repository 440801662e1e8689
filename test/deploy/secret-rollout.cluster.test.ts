// A changed Secret rolls exactly the workloads whose pods read it: Redis and
// the scheduler (its Redis client) for the Redis password; nothing that reads
// other Secrets or none, and no Job.
import { afterAll, describe, expect, it } from 'vitest';
import { deleteNamespaces, deploy, expectNoSecretInOutput, freshNamespace, getJson } from '../support/deploy-harness.ts';
import { overlay } from '../support/deploy-harness.ts';

const namespaces: string[] = [];
const first = 'redis-password-one-8f2c1d';
const second = 'redis-password-two-5b7e9a';
afterAll(async () => {
  await expectNoSecretInOutput(namespaces, [first, second]);
  await deleteNamespaces(namespaces);
});

async function state(ns: string): Promise<Record<string, { generation: number; uid: string; hash?: string }>> {
  const out: Record<string, { generation: number; uid: string; hash?: string }> = {};
  for (const name of ['statefulset/redis', 'deployment/scheduler', 'deployment/api-server', 'deployment/statsd', 'job/airflow-migrate-db']) {
    const o = await getJson(['get', name, '-n', ns]);
    out[name] = { generation: o.metadata.generation, uid: o.metadata.uid, hash: o.spec.template.metadata?.annotations?.['airflow-gitops/secrets-hash'] };
  }
  return out;
}

describe('a changed Secret', () => {
  it('rolls Redis and its client, and nothing else', async () => {
    const ns = await freshNamespace('rollout', false);
    namespaces.push(ns);
    const dir = overlay(ns, 'secrets');
    const created = await deploy('rollout', dir, [], { AIRFLOW_GITOPS_REDIS_PASSWORD: first });
    expect(created.code, created.out).toBe(0);
    const before = await state(ns);
    expect(before['deployment/statsd']?.hash).toBeUndefined();
    expect(before['job/airflow-migrate-db']?.hash).toBeUndefined();

    const again = await deploy('rollout', dir, [], { AIRFLOW_GITOPS_REDIS_PASSWORD: first });
    expect(again.code, again.out).toBe(0);
    expect(await state(ns)).toEqual(before);

    const changed = await deploy('rollout', dir, [], { AIRFLOW_GITOPS_REDIS_PASSWORD: second });
    expect(changed.code, changed.out).toBe(0);
    const after = await state(ns);
    for (const rolled of ['statefulset/redis', 'deployment/scheduler']) {
      expect(after[rolled]?.generation, rolled).toBe((before[rolled]?.generation ?? 0) + 1);
      expect(after[rolled]?.hash, rolled).not.toBe(before[rolled]?.hash);
    }
    for (const kept of ['deployment/api-server', 'deployment/statsd', 'job/airflow-migrate-db']) expect(after[kept], kept).toEqual(before[kept]);
    expect(changed.out).toContain(`changed StatefulSet ${ns}/redis`);
    expect(changed.out).toContain(`changed Deployment ${ns}/scheduler`);
    expect(changed.out).not.toContain(`Deployment ${ns}/api-server`);
  });
});
