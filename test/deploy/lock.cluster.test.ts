/* eslint-disable @typescript-eslint/no-explicit-any -- live objects are untyped JSON, read as kubectl prints them */
// One deploy per environment at a time, through a Lease named for the
// environment: simultaneous deploys run one after the other (so generated keys
// are generated once and the inventory lists what the last one applied), a
// lock held by someone else is waited for and then refused by name, and
// --steal-lock takes it over.
import { afterAll, describe, expect, it } from 'vitest';
import { clusterEnv, kubeconfigPath, kubectl } from '../support/cluster.ts';
import { KubeClient } from '../../src/kube/client.ts';
import { loadClusterAuth } from '../../src/kube/kubeconfig.ts';
import { EnvironmentLock } from '../../src/deploy/lock.ts';
import { deleteNamespaces, deploy, expectNoSecretInOutput, freshNamespace, getJson, overlay } from '../support/deploy-harness.ts';

const namespaces: string[] = [];
afterAll(async () => {
  await expectNoSecretInOutput(namespaces);
  await deleteNamespaces(namespaces);
});

// The web pods read generated keys, so the deploy generates them when missing.
const readsKeys =
  'patches:\n  - target: {kind: Deployment, name: web}\n    patch: |\n' +
  '      - {op: add, path: /spec/template/spec/containers/0/env, value: [' +
  '{name: FERNET, valueFrom: {secretKeyRef: {name: airflow-secrets, key: fernet-key}}}, ' +
  '{name: PGPASSWORD, valueFrom: {secretKeyRef: {name: airflow-postgresql, key: password}}}]}\n';

const hpa = `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
  minReplicas: 2
  maxReplicas: 3
  metrics:
    - type: Resource
      resource: {name: cpu, target: {type: Utilization, averageUtilization: 80}}
`;

const count = (texts: string[], part: string) => texts.filter((t) => t.includes(part)).length;

describe('the deploy lock', () => {
  it('runs two simultaneous first deploys one after the other: the keys are generated once', async () => {
    const ns = await freshNamespace('lk', false);
    namespaces.push(ns);
    const dir = overlay(ns, 'basic', readsKeys);
    const results = await Promise.all([deploy('lock', dir), deploy('lock', dir)]);
    expect(results.map((r) => r.code), results.map((r) => r.out).join('\n----\n')).toEqual([0, 0]);
    const outs = results.map((r) => r.out);
    expect(count(outs, 'generated once (kept from now on): airflow-secrets/fernet-key, airflow-secrets/jwt-secret, airflow-secrets/api-secret-key, airflow-postgresql/password')).toBe(1);
    expect(count(outs, 'waiting for the deploy lock of lock: held by ')).toBe(1);
    // Released at the end: nothing left in the namespace nor in the first-deploy place.
    expect((await kubectl(['get', 'lease', 'airflow-gitops-lock', '-n', ns])).stderr).toContain('NotFound');
    expect((await kubectl(['get', 'lease', 'airflow-gitops-lock', '-n', 'default'])).stderr).toContain('NotFound');
  });

  it('keeps the inventory complete when two deploys of one environment overlap', async () => {
    const ns = await freshNamespace('lo', true);
    namespaces.push(ns);
    const withHpa = overlay(ns, 'basic', '', { 'hpa.yaml': hpa });
    // The kustomization already lists the fixture: add the HPA to its resources.
    const { readFileSync, writeFileSync } = await import('node:fs');
    const file = `${withHpa}/kustomization.yaml`;
    writeFileSync(file, readFileSync(file, 'utf8').replace('resources:\n', 'resources:\n  - hpa.yaml\n'));
    const without = overlay(ns);
    const results = await Promise.all([deploy('overlap', withHpa), deploy('overlap', without)]);
    expect(results.map((r) => r.code), results.map((r) => r.out).join('\n----\n')).toEqual([0, 0]);
    const parent = await getJson(['get', 'configmap', 'airflow-gitops-overlap', '-n', ns]);
    const recorded = String(parent.metadata.annotations['applyset.kubernetes.io/contains-group-kinds']).split(',');
    const hpas = await getJson<{ items: any[] }>(['get', 'hpa', '-n', ns]);
    // Whichever ran last decides whether the HPA is there; if it is, the record lists it, so a later deploy can prune it.
    if (hpas.items.length > 0) expect(recorded).toContain('HorizontalPodAutoscaler.autoscaling');
    const again = await deploy('overlap', without);
    expect(again.code, again.out).toBe(0);
    expect((await getJson<{ items: any[] }>(['get', 'hpa', '-n', ns])).items).toEqual([]);
  });

  it('waits for a lock held by someone else, then refuses naming the holder; --steal-lock takes it over', async () => {
    const ns = await freshNamespace('lh', true);
    namespaces.push(ns);
    const now = new Date().toISOString().replace('Z', '000Z').replace(/\.(\d{3})000Z$/, '.$1000Z');
    const lease = {
      apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name: 'airflow-gitops-held', namespace: ns },
      spec: { holderIdentity: 'someone@elsewhere pid 1', leaseDurationSeconds: 600, acquireTime: now, renewTime: now },
    };
    const created = await kubectl(['create', '-f', '-'], JSON.stringify(lease));
    expect(created.exitCode, created.stderr).toBe(0);
    const dir = overlay(ns);
    const refused = await deploy('held', dir, ['--timeout', '3s']);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain(`waiting for the deploy lock of held: held by someone@elsewhere pid 1 (Lease ${ns}/airflow-gitops-held, taken ${now}`);
    expect(refused.out).toContain("airflow-gitops deploy: environment 'held' is being deployed by someone else: held by someone@elsewhere pid 1");
    expect(refused.out).toContain('--steal-lock');
    expect((await getJson<{ items: any[] }>(['get', 'deployments', '-n', ns])).items).toEqual([]);

    const stolen = await deploy('held', dir, ['--steal-lock']);
    expect(stolen.code, stolen.out).toBe(0);
    expect(stolen.out).toContain('took over the deploy lock of held: it was held by someone@elsewhere pid 1');
    expect((await kubectl(['get', 'lease', 'airflow-gitops-held', '-n', ns])).stderr).toContain('NotFound');
  });

  it('takes the lock in default when told the namespace is missing, deleting the Lease its concurrent create made there', async () => {
    // The namespace exists, but the lock is told it does not: as when the namespace appears between the look and the create.
    const ns = await freshNamespace('ls', true);
    namespaces.push(ns);
    const client = new KubeClient(await loadClusterAuth({ kubeconfig: kubeconfigPath, env: clusterEnv() }));
    try {
      const options = { environment: 'stray', namespace: ns, namespaceExists: Promise.resolve(false), steal: false, waitMs: 5000, durationSeconds: 60, log: () => undefined };
      const lock = await EnvironmentLock.acquire(client, options);
      expect(lock.namespace).toBe('default');
      const held = await getJson(['get', 'lease', 'airflow-gitops-stray', '-n', 'default']);
      expect(held.spec.holderIdentity).toBe(lock.holder);
      await lock.release();
      expect((await kubectl(['get', 'lease', 'airflow-gitops-stray', '-n', ns])).stderr).toContain('NotFound');
      expect((await kubectl(['get', 'lease', 'airflow-gitops-stray', '-n', 'default'])).stderr).toContain('NotFound');
    } finally {
      client.close();
    }
  });
});
