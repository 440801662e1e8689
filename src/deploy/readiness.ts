/**
 * Is a workload done rolling out, still going, or failed? Pure functions over
 * object states (as a watch delivers them), so the rules are testable on
 * recorded states. A failure is reported as soon as one pod of the current
 * revision shows it: there is no point waiting out the timeout for a
 * CrashLoopBackOff or an image that cannot be pulled.
 */
import { conditionsOf, containerStatusesOf, count as num, isRecord, specOf as spec, statusOf as status, text, type KubeObject } from '../objects.ts';

export type Verdict = { state: 'ready' | 'waiting' | 'failed'; message: string; pods: KubeObject[] };

export type Snapshot = {
  /** The workload itself as last seen, or undefined if not (yet) seen. */
  workload: KubeObject | undefined;
  pods: KubeObject[];
  replicaSets: KubeObject[];
};

/** Waiting reasons that do not resolve by waiting. */
export const fatalWaitingReasons = new Set(['CrashLoopBackOff', 'ImagePullBackOff', 'ErrImagePull', 'InvalidImageName', 'CreateContainerConfigError']);
/** Unschedulable pods often are transient (a PVC binding, a node coming up): fail after this long. */
export const unschedulableGraceMs = 15_000;

const condition = (o: KubeObject, type: string) => conditionsOf(o).find((c) => c.type === type);
const field = (record: unknown, key: string): Record<string, unknown> => (isRecord(record) && isRecord(record[key]) ? record[key] : {});
const ownedBy = (o: KubeObject, owner: KubeObject) => {
  const uid = text(owner.metadata.uid);
  return uid !== undefined && Array.isArray(o.metadata.ownerReferences) && o.metadata.ownerReferences.some((r: unknown) => isRecord(r) && r.uid === uid);
};

/** What is wrong with a pod, if it is something waiting will not fix. */
export function podProblem(pod: KubeObject, now: number): string | undefined {
  const s = status(pod);
  for (const c of containerStatusesOf(pod)) {
    const waiting = field(c.state, 'waiting');
    const reason = text(waiting.reason);
    if (reason && fatalWaitingReasons.has(reason)) {
      const exit = field(c.lastState, 'terminated').exitCode;
      const restarts = num(c.restartCount);
      const detail = [typeof exit === 'number' ? `last exit code ${exit}` : '', restarts ? `${restarts} restarts` : ''].filter(Boolean).join(', ');
      const message = text(waiting.message);
      return `pod ${pod.metadata.name}, container ${String(c.name)}: ${reason}${detail ? ` (${detail})` : ''}${message ? `: ${message}` : ''}`;
    }
  }
  const scheduled = condition(pod, 'PodScheduled');
  if (scheduled?.status === 'False' && scheduled.reason === 'Unschedulable') {
    const since = Date.parse(scheduled.lastTransitionTime ?? '') || now;
    if (now - since >= unschedulableGraceMs) return `pod ${pod.metadata.name} cannot be scheduled: ${scheduled.message ?? 'Unschedulable'}`;
  }
  if (s.phase === 'Failed' && spec(pod).restartPolicy !== 'Never') return `pod ${pod.metadata.name} failed: ${String(s.reason ?? s.message ?? '')}`;
  return undefined;
}

function currentPods(workload: KubeObject, snapshot: Snapshot): KubeObject[] {
  const owned = (owner: KubeObject) => snapshot.pods.filter((p) => ownedBy(p, owner));
  if (workload.kind === 'Deployment') {
    const revision = workload.metadata.annotations?.['deployment.kubernetes.io/revision'];
    const current = snapshot.replicaSets.find((rs) => ownedBy(rs, workload) && rs.metadata.annotations?.['deployment.kubernetes.io/revision'] === revision);
    return current ? owned(current) : [];
  }
  if (workload.kind === 'StatefulSet') {
    const revision = status(workload).updateRevision;
    return owned(workload).filter((p) => revision === undefined || p.metadata.labels?.['controller-revision-hash'] === revision);
  }
  return owned(workload);
}

function observed(workload: KubeObject, generation: number): boolean {
  return num(status(workload).observedGeneration) >= generation;
}

function rolloutState(workload: KubeObject, generation: number): { done: boolean; message: string; failed?: string } {
  const s = status(workload);
  const replicas = spec(workload).replicas;
  const wanted = typeof replicas === 'number' ? replicas : 1;
  // Jobs report no observedGeneration: their spec cannot change in place anyway.
  if (workload.kind !== 'Job' && !observed(workload, generation)) return { done: false, message: 'waiting for the controller to see the new spec' };
  switch (workload.kind) {
    case 'Deployment': {
      const progressing = condition(workload, 'Progressing');
      if (progressing?.reason === 'ProgressDeadlineExceeded') return { done: false, message: '', failed: `progress deadline exceeded: ${progressing.message ?? ''}` };
      // Pods refused at creation (Pod Security, quota, a missing service account) never appear: nothing to wait for.
      const replicaFailure = condition(workload, 'ReplicaFailure');
      if (replicaFailure?.status === 'True') return { done: false, message: '', failed: `its pods cannot be created (${replicaFailure.reason ?? 'ReplicaFailure'}): ${replicaFailure.message ?? ''}` };
      const done = num(s.updatedReplicas) >= wanted && num(s.replicas) <= num(s.updatedReplicas) && num(s.availableReplicas) >= wanted;
      return { done, message: `${num(s.updatedReplicas)}/${wanted} updated, ${num(s.availableReplicas)} available` };
    }
    case 'StatefulSet': {
      const strategy = field(spec(workload), 'updateStrategy').type;
      const updated = strategy === 'OnDelete' || (num(s.updatedReplicas) >= wanted && s.currentRevision === s.updateRevision);
      const done = updated && num(s.readyReplicas) >= wanted && num(s.availableReplicas ?? s.readyReplicas) >= wanted;
      return { done, message: `${num(s.updatedReplicas)}/${wanted} updated, ${num(s.readyReplicas)} ready` };
    }
    case 'DaemonSet': {
      const desired = num(s.desiredNumberScheduled);
      const done = num(s.updatedNumberScheduled) >= desired && num(s.numberAvailable) >= desired;
      return { done, message: `${num(s.updatedNumberScheduled)}/${desired} updated, ${num(s.numberAvailable)} available` };
    }
    case 'Job': {
      if (condition(workload, 'Complete')?.status === 'True') return { done: true, message: 'complete' };
      const failedCondition = condition(workload, 'Failed');
      if (failedCondition?.status === 'True') return { done: false, message: '', failed: `Job failed: ${failedCondition.reason ?? ''} ${failedCondition.message ?? ''}`.trim() };
      // A migration that failed once will fail again: report it now instead of after every retry's back-off.
      if (num(s.failed) > 0) return { done: false, message: '', failed: `${num(s.failed)} pod(s) of the Job failed` };
      return { done: false, message: `${num(s.active)} active, ${num(s.succeeded)} succeeded` };
    }
    default:
      return { done: true, message: 'not a workload' };
  }
}

/** The verdict for one workload; `generation` is the one this deploy produced (0 when it did not write it). */
export function evaluate(snapshot: Snapshot, generation: number, now: number): Verdict {
  const workload = snapshot.workload;
  if (workload === undefined) return { state: 'waiting', message: 'not seen yet', pods: [] };
  // Until the controller has seen this deploy's spec, the revision it points at is the one before: its pods
  // (stuck, perhaps, which is why this deploy fixes them) are not this deploy's to judge.
  if (workload.kind !== 'Job' && !observed(workload, generation)) return { state: 'waiting', message: 'waiting for the controller to see the new spec', pods: [] };
  const pods = currentPods(workload, snapshot);
  const rollout = rolloutState(workload, generation);
  if (rollout.failed) return { state: 'failed', message: rollout.failed, pods };
  const broken = pods.map((p) => ({ pod: p, problem: podProblem(p, now) })).filter((x) => x.problem !== undefined);
  if (broken.length > 0) return { state: 'failed', message: broken.map((b) => b.problem).join('; '), pods: broken.map((b) => b.pod) };
  return { state: rollout.done ? 'ready' : 'waiting', message: rollout.message, pods };
}

/** Readiness from the workload's status alone, used to skip watching when everything is already there. */
export function readyFromStatus(workload: KubeObject, generation: number): boolean {
  const rollout = rolloutState(workload, generation);
  return rollout.done && rollout.failed === undefined;
}
