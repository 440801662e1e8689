/* eslint-disable @typescript-eslint/no-explicit-any -- recorded API objects are untyped JSON */
// Status answers as the API server sends them (recorded from kube-apiserver 1.35).
import { describe, expect, it } from 'vitest';
import { conflictMessage, fieldConflicts } from '../../src/deploy/conflicts.ts';
import { KubeApiError } from '../../src/kube/errors.ts';
import { claimTemplateChanges, judgeImmutable } from '../../src/deploy/immutable.ts';
import type { KubeObject } from '../../src/objects.ts';

const cm: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'web-config', namespace: 'ns' } };

describe('field-manager conflicts', () => {
  it('names every other manager with its fields', () => {
    const error = new KubeApiError(409, 'Conflict', 'Apply failed with 2 conflicts: conflict with "ops-person": .data.LOG_LEVEL', [
      { reason: 'FieldManagerConflict', message: 'conflict with "ops-person" using v1', field: '.data.LOG_LEVEL' },
      { reason: 'FieldManagerConflict', message: 'conflict with "ops-person" using v1', field: '.data.MODE' },
      { reason: 'FieldManagerConflict', message: 'conflict with "helm" using v1', field: '.metadata.labels.app' },
    ]);
    const conflicts = fieldConflicts(error);
    expect(conflicts).toHaveLength(3);
    expect(conflictMessage(cm, conflicts ?? [])).toBe(
      'ConfigMap ns/web-config: field manager "ops-person" owns .data.LOG_LEVEL, .data.MODE; field manager "helm" owns .metadata.labels.app. Another tool or a person changed these fields; rerun with --force-conflicts to take them over',
    );
  });
  it('is not a conflict when the 409 is something else', () => {
    expect(fieldConflicts(new KubeApiError(409, 'AlreadyExists', 'already exists', []))).toBeUndefined();
    expect(fieldConflicts(new Error('x'))).toBeUndefined();
  });
});

describe('immutable fields', () => {
  const job: KubeObject = { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'migrate', namespace: 'ns' } };
  const jobError = new KubeApiError(422, 'Invalid', 'Job.batch "migrate" is invalid: spec.template: Invalid value: ...: field is immutable', [
    { reason: 'FieldValueInvalid', message: 'Invalid value: ...: field is immutable', field: 'spec.template' },
  ]);
  it('recreates a Job whose template changed', () => {
    expect(judgeImmutable(jobError, job, job, false)).toEqual({ recreate: { strategy: 'delete-and-create', reason: "Job ns/migrate: a Job's pod template cannot change in place, so the Job is deleted and created again" } });
  });

  const claims = (size: string): KubeObject => ({
    apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'worker', namespace: 'ns' },
    spec: { volumeClaimTemplates: [{ metadata: { name: 'logs' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: size } } } }] },
  });
  const liveClaims = claims('1Gi');
  ((liveClaims.spec as any).volumeClaimTemplates[0]).spec.volumeMode = 'Filesystem';
  ((liveClaims.spec as any).volumeClaimTemplates[0]).status = { phase: 'Pending' };
  const stsError = new KubeApiError(422, 'Invalid', "StatefulSet.apps \"worker\" is invalid: spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden", [
    { reason: 'FieldValueForbidden', message: "Forbidden: updates to statefulset spec for fields other than ... are forbidden", field: 'spec' },
  ]);

  it('describes a changed claim template, ignoring server defaults', () => {
    expect(claimTemplateChanges(liveClaims, claims('1Gi'))).toBeUndefined();
    expect(claimTemplateChanges(liveClaims, claims('5Gi'))).toEqual(["claim template 'logs': storage 1Gi -> 5Gi"]);
  });
  it('explains it, and offers the orphan recreate only when asked', () => {
    const refused = judgeImmutable(stsError, liveClaims, claims('5Gi'), false);
    expect(refused && 'problem' in refused && refused.problem).toMatch(/^StatefulSet ns\/worker: claim template 'logs': storage 1Gi -> 5Gi\. Kubernetes does not allow .* --recreate-statefulsets .*\(orphan propagation\)/);
    const allowed = judgeImmutable(stsError, liveClaims, claims('5Gi'), true);
    expect(allowed && 'recreate' in allowed && allowed.recreate.strategy).toBe('orphan-and-create');
  });
  it('leaves other forbidden StatefulSet changes to the plain rejection', () => {
    expect(judgeImmutable(stsError, liveClaims, claims('1Gi'), true)).toBeUndefined();
  });
});
