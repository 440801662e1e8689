// The wait state machine on recorded object states, as a watch delivers them.
import { describe, expect, it } from 'vitest';
import { evaluate, podProblem, readyFromStatus, unschedulableGraceMs } from '../../src/deploy/readiness.ts';
import type { KubeObject } from '../../src/objects.ts';

const now = Date.parse('2026-01-01T00:10:00Z');

function deployment(status: Record<string, unknown>, generation = 2): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'ns', uid: 'dep-uid', generation, annotations: { 'deployment.kubernetes.io/revision': '2' } },
    spec: { replicas: 2 },
    status,
  };
}
const rs = (uid: string, revision: string): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: { name: `web-${uid}`, uid, annotations: { 'deployment.kubernetes.io/revision': revision }, ownerReferences: [{ uid: 'dep-uid' }] },
});
function pod(name: string, owner: string, status: Record<string, unknown>, labels: Record<string, string> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'ns', labels, ownerReferences: [{ uid: owner }] }, spec: { restartPolicy: 'Always' }, status };
}
const crashLoop = {
  phase: 'Running',
  containerStatuses: [{ name: 'web', restartCount: 3, state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 40s restarting failed container' } }, lastState: { terminated: { exitCode: 1 } } }],
};
const running = { phase: 'Running', containerStatuses: [{ name: 'web', restartCount: 0, state: { running: {} } }] };

describe('Deployment', () => {
  it('waits while the controller has not seen the new generation', () => {
    const v = evaluate({ workload: deployment({ observedGeneration: 1, updatedReplicas: 2, replicas: 2, availableReplicas: 2 }), pods: [], replicaSets: [] }, 2, now);
    expect(v).toMatchObject({ state: 'waiting', message: expect.stringContaining('controller') });
  });

  it('waits while old replicas remain, then is ready', () => {
    const rolling = deployment({ observedGeneration: 2, updatedReplicas: 2, replicas: 3, availableReplicas: 2 });
    expect(evaluate({ workload: rolling, pods: [], replicaSets: [] }, 2, now).state).toBe('waiting');
    const done = deployment({ observedGeneration: 2, updatedReplicas: 2, replicas: 2, availableReplicas: 2 });
    expect(evaluate({ workload: done, pods: [], replicaSets: [] }, 2, now).state).toBe('ready');
    expect(readyFromStatus(done, 2)).toBe(true);
  });

  it('fails on a crash-looping pod of the current ReplicaSet, naming pod, container and exit code', () => {
    const v = evaluate(
      { workload: deployment({ observedGeneration: 2, updatedReplicas: 1, replicas: 2 }), pods: [pod('web-new-1', 'rs-new', crashLoop)], replicaSets: [rs('rs-new', '2')] },
      2,
      now,
    );
    expect(v.state).toBe('failed');
    expect(v.message).toBe('pod web-new-1, container web: CrashLoopBackOff (last exit code 1, 3 restarts): back-off 40s restarting failed container');
    expect(v.pods.map((p) => p.metadata.name)).toEqual(['web-new-1']);
  });

  it('ignores crash-looping pods of the previous revision that the rollout replaces', () => {
    const v = evaluate(
      {
        workload: deployment({ observedGeneration: 2, updatedReplicas: 1, replicas: 2, availableReplicas: 1 }),
        pods: [pod('web-old-1', 'rs-old', crashLoop), pod('web-new-1', 'rs-new', running)],
        replicaSets: [rs('rs-old', '1'), rs('rs-new', '2')],
      },
      2,
      now,
    );
    expect(v.state).toBe('waiting');
  });

  it('fails when the progress deadline passed', () => {
    const w = deployment({ observedGeneration: 2, conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: 'ReplicaSet "web-x" has timed out progressing.' }] });
    expect(evaluate({ workload: w, pods: [], replicaSets: [] }, 2, now)).toMatchObject({ state: 'failed', message: expect.stringContaining('timed out progressing') });
  });
});

describe('StatefulSet', () => {
  const sts = (status: Record<string, unknown>): KubeObject => ({
    apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'db', namespace: 'ns', uid: 'sts', generation: 1 }, spec: { replicas: 1 }, status,
  });
  it('is ready only when the update revision is current and replicas are ready', () => {
    expect(evaluate({ workload: sts({ observedGeneration: 1, updatedReplicas: 1, readyReplicas: 1, availableReplicas: 1, currentRevision: 'a', updateRevision: 'b' }), pods: [], replicaSets: [] }, 1, now).state).toBe('waiting');
    expect(evaluate({ workload: sts({ observedGeneration: 1, updatedReplicas: 1, readyReplicas: 1, availableReplicas: 1, currentRevision: 'b', updateRevision: 'b' }), pods: [], replicaSets: [] }, 1, now).state).toBe('ready');
  });
  it('fails on an image pull back-off of a pod at the update revision (where rollout status would hang)', () => {
    const p = pod('db-0', 'sts', { phase: 'Pending', containerStatuses: [{ name: 'db', state: { waiting: { reason: 'ImagePullBackOff' } } }] }, { 'controller-revision-hash': 'b' });
    const v = evaluate({ workload: sts({ observedGeneration: 1, updateRevision: 'b', currentRevision: 'a' }), pods: [p], replicaSets: [] }, 1, now);
    expect(v).toMatchObject({ state: 'failed', message: 'pod db-0, container db: ImagePullBackOff' });
  });
});

describe('Job', () => {
  const job = (status: Record<string, unknown>): KubeObject => ({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'migrate', uid: 'job' }, spec: {}, status });
  it('is ready when Complete, even if a pod failed on the way', () => {
    expect(evaluate({ workload: job({ failed: 1, conditions: [{ type: 'Complete', status: 'True' }] }), pods: [], replicaSets: [] }, 0, now).state).toBe('ready');
  });
  it('fails as soon as one of its pods failed', () => {
    expect(evaluate({ workload: job({ active: 1, failed: 1 }), pods: [], replicaSets: [] }, 0, now)).toMatchObject({ state: 'failed', message: '1 pod(s) of the Job failed' });
  });
  it('fails on the Failed condition with its reason', () => {
    const v = evaluate({ workload: job({ conditions: [{ type: 'Failed', status: 'True', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' }] }), pods: [], replicaSets: [] }, 0, now);
    expect(v).toMatchObject({ state: 'failed', message: 'Job failed: BackoffLimitExceeded Job has reached the specified backoff limit' });
  });
  it('waits while running', () => {
    expect(evaluate({ workload: job({ active: 1 }), pods: [], replicaSets: [] }, 0, now)).toMatchObject({ state: 'waiting', message: '1 active, 0 succeeded' });
  });
});

describe('podProblem', () => {
  const unschedulable = (since: number) =>
    pod('p', 'x', { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: '0/2 nodes are available: 2 Insufficient memory.', lastTransitionTime: new Date(since).toISOString() }] });
  it('tolerates an unschedulable pod for a grace period, then reports the scheduler message', () => {
    expect(podProblem(unschedulable(now - 1000), now)).toBeUndefined();
    expect(podProblem(unschedulable(now - unschedulableGraceMs), now)).toBe('pod p cannot be scheduled: 0/2 nodes are available: 2 Insufficient memory.');
  });
  it('looks at init containers too (the git-sync sidecar)', () => {
    const p = pod('s', 'x', { phase: 'Pending', initContainerStatuses: [{ name: 'git-sync', restartCount: 2, state: { waiting: { reason: 'CrashLoopBackOff' } } }] });
    expect(podProblem(p, now)).toBe('pod s, container git-sync: CrashLoopBackOff (2 restarts)');
  });
  it('does not flag a healthy pod', () => {
    expect(podProblem(pod('ok', 'x', running), now)).toBeUndefined();
  });
});
