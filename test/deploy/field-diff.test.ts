/* eslint-disable @typescript-eslint/no-explicit-any -- live objects are untyped JSON, read as kubectl prints them */
import { describe, expect, it } from 'vitest';
import { diffFields, formatChanges } from '../../src/deploy/field-diff.ts';
import type { KubeObject } from '../../src/objects.ts';

const live: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {
    name: 'scheduler', namespace: 'airflow', uid: 'u', resourceVersion: '12', generation: 3, creationTimestamp: '2026-01-01T00:00:00Z',
    managedFields: [{ manager: 'airflow-gitops' }],
    annotations: { 'deployment.kubernetes.io/revision': '3' },
  },
  spec: { replicas: 1, template: { spec: { initContainers: [{ name: 'git-sync', env: [{ name: 'GITSYNC_REF', value: 'aaa' }, { name: 'GITSYNC_ROOT', value: '/git' }] }] } } },
  status: { readyReplicas: 1 },
};

describe('diffFields', () => {
  it('names list items by name, ignores server-managed fields and status', () => {
    const desired = structuredClone(live);
    (desired.spec as { replicas: number }).replicas = 2;
    ((desired.spec as any).template.spec.initContainers[0].env[0] as { value: string }).value = 'bbb';
    desired.metadata.resourceVersion = '13';
    desired.status = { readyReplicas: 0 };
    expect(formatChanges(diffFields(live, desired), '')).toEqual([
      '~ spec.replicas: 1 -> 2',
      '~ spec.template.spec.initContainers[name=git-sync].env[name=GITSYNC_REF].value: "aaa" -> "bbb"',
    ]);
  });

  it('shows multi-line values as a line diff', () => {
    const before: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { 'app.cfg': '[core]\nworkers = 2\ntimeout = 30\n' } };
    const after = structuredClone(before);
    (after.data as Record<string, string>)['app.cfg'] = '[core]\nworkers = 4\ntimeout = 30\n';
    expect(formatChanges(diffFields(before, after), '')).toEqual(['data.app.cfg:', '  - workers = 2', '  + workers = 4']);
  });

  it('never shows Secret values, only that they changed', () => {
    const before: KubeObject = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { password: Buffer.from('hunter2-old').toString('base64'), gone: 'eA==' } };
    const after: KubeObject = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { password: Buffer.from('hunter2-new').toString('base64'), added: 'eQ==' } };
    const text = formatChanges(diffFields(before, after), '').join('\n');
    expect(text).toBe(['~ data.password: "(redacted)" -> "(redacted)"', '- data.gone: "(redacted)"', '+ data.added: "(redacted)"'].join('\n'));
    // A new Secret is one change at the root: its keys show, its values do not.
    const created = diffFields(undefined, after);
    expect(created).toEqual([{ path: '', op: 'add', after: { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { password: '(redacted)', added: '(redacted)' } } }]);
    expect(JSON.stringify(created)).not.toContain(Buffer.from('hunter2-new').toString('base64'));
    // A whole data map added or removed at once is redacted key by key too.
    const emptied: KubeObject = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' } };
    expect(diffFields(before, emptied)).toEqual([{ path: 'data', op: 'remove', before: { password: '(redacted)', gone: '(redacted)' } }]);
  });

  it('lists a new object field by field', () => {
    const created: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'n' }, data: { a: '1' } };
    expect(formatChanges(diffFields(undefined, created), '')).toEqual(['+ : {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","namespace":"n"},"data":{"a":"1"}}']);
  });
});
