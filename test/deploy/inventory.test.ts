import { describe, expect, it } from 'vitest';
import { applysetId, checkParentTooling, inventoryFor, primaryNamespace, readRecord, recordOf, parentObject, unionRecord } from '../../src/deploy/applyset.ts';
import type { LiveMember } from '../../src/deploy/inventory.ts';
import type { ResourceInfo } from '../../src/kube/discovery.ts';
import { objectKey, type KubeObject } from '../../src/objects.ts';
import { planPrune } from '../../src/deploy/prune.ts';
import { phaseOf } from '../../src/deploy/phases.ts';

const obj = (apiVersion: string, kind: string, name: string, namespace?: string, extra: Partial<KubeObject> = {}): KubeObject => ({ apiVersion, kind, metadata: { name, ...(namespace ? { namespace } : {}) }, ...extra });
const info: ResourceInfo = { group: '', version: 'v1', plural: 'x', namespaced: true, kind: 'X' };
const members = (objects: KubeObject[]) => new Map<string, LiveMember>(objects.map((o) => [objectKey(o), { object: o, info }]));

describe('ApplySet inventory', () => {
  it('has an id that is a valid label value and differs per namespace and environment', () => {
    const id = applysetId('airflow-gitops-dev', 'airflow');
    expect(id).toMatch(/^applyset-[A-Za-z0-9_-]{43}-v1$/);
    expect(id.length).toBeLessThanOrEqual(63);
    expect(applysetId('airflow-gitops-dev', 'other')).not.toBe(id);
    expect(inventoryFor('prod', 'airflow').id).not.toBe(inventoryFor('dev', 'airflow').id);
  });

  it('records group-kinds and extra namespaces, and reads them back from the parent', () => {
    const objects = [obj('apps/v1', 'Deployment', 'a', 'airflow'), obj('v1', 'ConfigMap', 'b', 'airflow'), obj('v1', 'ConfigMap', 'c', 'monitoring'), obj('v1', 'Namespace', 'airflow')];
    const record = recordOf(objects, 'airflow');
    expect(record).toEqual({ groupKinds: ['ConfigMap', 'Deployment.apps', 'Namespace'], namespaces: ['monitoring'] });
    const parent = parentObject(inventoryFor('dev', 'airflow'), record, {});
    expect(readRecord(parent)).toEqual(record);
    expect(unionRecord(record, { groupKinds: ['Job.batch'], namespaces: [] }).groupKinds).toEqual(['ConfigMap', 'Deployment.apps', 'Job.batch', 'Namespace']);
  });

  it('finds the primary namespace: given, the rendered Namespace, or the most used one', () => {
    const objects = [obj('v1', 'ConfigMap', 'a', 'x'), obj('v1', 'ConfigMap', 'b', 'y'), obj('v1', 'ConfigMap', 'c', 'y')];
    expect(primaryNamespace(objects, 'given')).toBe('given');
    expect(primaryNamespace(objects, undefined)).toBe('y');
    expect(primaryNamespace([...objects, obj('v1', 'Namespace', 'x')], undefined)).toBe('x');
    expect(() => primaryNamespace([obj('v1', 'Namespace', 'a'), obj('v1', 'Namespace', 'b')], undefined)).toThrow(/no namespaced object/);
  });

  it("refuses a parent that belongs to another tool's ApplySet", () => {
    const inventory = inventoryFor('dev', 'airflow');
    const foreign = obj('v1', 'ConfigMap', inventory.parentName, 'airflow', {});
    foreign.metadata.annotations = { 'applyset.kubernetes.io/tooling': 'kubectl/v1.35.4' };
    expect(() => checkParentTooling(foreign, inventory)).toThrow("is an ApplySet parent of 'kubectl/v1.35.4'");
    expect(() => checkParentTooling(undefined, inventory)).not.toThrow();
  });
});

describe('prune plan', () => {
  const live = [
    obj('v1', 'ConfigMap', 'keep-me', 'a'),
    obj('v1', 'ConfigMap', 'old', 'a'),
    obj('networking.k8s.io/v1', 'Ingress', 'old', 'a'),
    obj('apps/v1', 'Deployment', 'old', 'a'),
    obj('v1', 'Secret', 'old', 'a'),
    obj('v1', 'PersistentVolumeClaim', 'old', 'a'),
    obj('v1', 'Namespace', 'a'),
    obj('apiextensions.k8s.io/v1', 'CustomResourceDefinition', 'x.example.com'),
    obj('v1', 'ConfigMap', 'going', 'a', {}),
  ];
  (live[8] as KubeObject).metadata.deletionTimestamp = '2026-01-01T00:00:00Z';
  const wanted = new Set([objectKey(live[0] as KubeObject)]);

  it('removes what is no longer rendered, routes first, and keeps data and containers', () => {
    const plan = planPrune(members(live), wanted, { pruneSecrets: false, prunePvcs: false });
    expect(plan.remove.map((m) => `${m.object.kind}/${m.object.metadata.name}`)).toEqual(['Ingress/old', 'Deployment/old', 'ConfigMap/old']);
    expect(plan.keep.map((k) => [k.member.object.kind, k.reason])).toEqual([
      ['Secret', 'Secrets are kept unless --prune-secrets is given'],
      ['PersistentVolumeClaim', 'PVCs are kept unless --prune-pvcs is given'],
      ['Namespace', 'Namespaces are never pruned'],
      ['CustomResourceDefinition', 'CRDs are never pruned'],
    ]);
  });

  it('prunes Secrets and PVCs only when asked', () => {
    const plan = planPrune(members(live), wanted, { pruneSecrets: true, prunePvcs: true });
    expect(plan.remove.map((m) => m.object.kind)).toEqual(expect.arrayContaining(['Secret', 'PersistentVolumeClaim']));
    expect(plan.keep.map((k) => k.member.object.kind)).toEqual(['Namespace', 'CustomResourceDefinition']);
  });
});

describe('phases', () => {
  const sts = (name: string, labels: Record<string, string> = {}) => ({ ...obj('apps/v1', 'StatefulSet', name, 'a'), metadata: { name, namespace: 'a', labels } });
  it.each([
    [obj('v1', 'Namespace', 'a'), 'cluster'],
    [obj('apiextensions.k8s.io/v1', 'CustomResourceDefinition', 'x'), 'cluster'],
    [obj('v1', 'Secret', 's', 'a'), 'config'],
    [obj('rbac.authorization.k8s.io/v1', 'RoleBinding', 'r', 'a'), 'config'],
    [sts('airflow-postgresql'), 'databases'],
    [sts('cache', { 'app.kubernetes.io/component': 'redis' }), 'databases'],
    [obj('batch/v1', 'Job', 'airflow-migrate-db', 'a'), 'migration'],
    [sts('airflow-worker'), 'workloads'],
    [obj('networking.k8s.io/v1', 'Ingress', 'i', 'a'), 'routes'],
    [obj('gateway.networking.k8s.io/v1', 'HTTPRoute', 'h', 'a'), 'routes'],
  ] as [KubeObject, string][])('%o goes to %s', (object, phase) => {
    expect(phaseOf(object)).toBe(phase);
  });
  it('follows an explicit phase annotation', () => {
    const o = obj('apps/v1', 'Deployment', 'proxy', 'a');
    o.metadata.annotations = { 'airflow-gitops/phase': 'databases' };
    expect(phaseOf(o)).toBe('databases');
  });
});
