// The `local` overlay on the local control plane: with its Secrets in place,
// every workload becomes Ready, the migration Job completes and every volume
// claim is bound through the cluster's storage class.
import { describe, expect, it } from 'vitest';
import { testNamespace } from '../support/cluster.ts';
import { workloads } from '../support/template/model.ts';
import { airflowSecrets, apply, createSecrets, getJson, renderInto, waitUntil } from '../support/template/apply.ts';

interface Controller {
  kind: string;
  metadata: { name: string };
  spec: { replicas?: number };
  status?: { readyReplicas?: number; succeeded?: number; conditions?: { type: string; status: string }[] };
}
interface ClaimList {
  items: { metadata: { name: string }; spec: { storageClassName?: string }; status: { phase: string } }[];
}

describe('overlay local on the local cluster', () => {
  it('makes every workload Ready, completes the migration and binds every volume', async () => {
    const namespace = await testNamespace('tpl-local', { 'pod-security.kubernetes.io/enforce': 'restricted' });
    await createSecrets(namespace, airflowSecrets);
    const objects = await renderInto('local', namespace);
    const applied = await apply(objects, { dryRun: false });
    expect(applied.exitCode, applied.stderr).toBe(0);

    const expected = workloads(objects).map((w) => `${w.kind.toLowerCase()}/${w.metadata.name}`);
    expect(expected).toHaveLength(8);
    await waitUntil(
      'local workloads',
      async () => {
        const pending: string[] = [];
        for (const ref of expected) {
          const c = await getJson<Controller>(['-n', namespace, 'get', ref]);
          if (c.kind === 'Job') {
            if (!c.status?.conditions?.some((x) => x.type === 'Complete' && x.status === 'True')) pending.push(ref);
          } else if ((c.status?.readyReplicas ?? 0) < (c.spec.replicas ?? 1)) {
            pending.push(ref);
          }
        }
        return pending;
      },
      150_000,
    );

    // One claim per StatefulSet volume claim template (and replica).
    const templates = workloads(objects).flatMap((w) =>
      (w.spec.volumeClaimTemplates ?? []).flatMap((t) =>
        Array.from({ length: w.spec.replicas ?? 1 }, (_, i) => `${t.metadata.name}-${w.metadata.name}-${i}`),
      ),
    );
    expect(templates.sort()).toEqual(['data-airflow-postgresql-0', 'data-airflow-redis-0', 'logs-airflow-triggerer-0', 'logs-airflow-worker-0']);
    await waitUntil(
      'local volume claims',
      async () => {
        const claims = await getJson<ClaimList>(['-n', namespace, 'get', 'pvc']);
        const bound = new Set(claims.items.filter((c) => c.status.phase === 'Bound').map((c) => c.metadata.name));
        for (const c of claims.items) expect(c.spec.storageClassName, c.metadata.name).toBe('local-path');
        return templates.filter((t) => !bound.has(t));
      },
      60_000,
    );
  }, 300_000);
});
