/**
 * Waits for workloads by watching them (and their pods and ReplicaSets), all
 * at once, until each is Ready/Complete, one fails, or the timeout passes.
 */
import type { KubeClient } from '../kube/client.ts';
import type { Discovery, ResourceInfo } from '../kube/discovery.ts';
import { describeObject, type KubeObject } from '../objects.ts';
import { evaluate, readyFromStatus, type Verdict } from './readiness.ts';
import { WatchStore } from '../kube/watch-store.ts';

export type WaitTarget = { object: KubeObject; info: ResourceInfo; generation: number };

export type WaitOutcome =
  | { state: 'ready'; ready: string[] }
  | { state: 'failed'; object: string; target: WaitTarget; message: string; pods: KubeObject[]; ready: string[] }
  | { state: 'timeout'; pending: { object: string; message: string; pods: KubeObject[] }[]; ready: string[] };

type Stores = { workloads: Map<string, WatchStore>; pods: WatchStore; replicaSets?: WatchStore };

function storeKey(info: ResourceInfo): string {
  return `${info.group}/${info.kind}`;
}

const asError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));

/** One wait: the watches it opened, what is ready so far, and how it ends (once). */
class Rollouts {
  private readonly all: WatchStore[] = [];
  private readonly stores = new Map<string, Stores>();
  private readonly ready: Set<string>;
  private started = false;
  private finished = false;
  private ticker: NodeJS.Timeout | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly pending: WaitTarget[];
  private readonly onReady: (name: string) => void;
  private readonly settle: (outcome: WaitOutcome | Error) => void;

  constructor(pending: WaitTarget[], readyAtStart: string[], onReady: (name: string) => void, settle: (outcome: WaitOutcome | Error) => void) {
    this.pending = pending;
    this.ready = new Set(readyAtStart);
    this.onReady = onReady;
    this.settle = settle;
  }

  /** Opens a pod watch per namespace, a watch per workload kind, and ReplicaSets where Deployments need them. */
  open(client: KubeClient, podInfo: ResourceInfo, rsInfo: ResourceInfo): void {
    const make = (info: ResourceInfo, namespace: string) => {
      const store = new WatchStore(client, info, namespace, () => this.check(), (error) => this.finish(asError(error)));
      this.all.push(store);
      return store;
    };
    for (const namespace of new Set(this.pending.map((t) => t.object.metadata.namespace ?? ''))) {
      const mine = this.pending.filter((t) => (t.object.metadata.namespace ?? '') === namespace);
      const workloads = new Map<string, WatchStore>();
      for (const t of mine) if (!workloads.has(storeKey(t.info))) workloads.set(storeKey(t.info), make(t.info, namespace));
      const needsReplicaSets = mine.some((t) => t.object.kind === 'Deployment');
      this.stores.set(namespace, { workloads, pods: make(podInfo, namespace), replicaSets: needsReplicaSets ? make(rsInfo, namespace) : undefined });
    }
  }

  run(timeoutMs: number): void {
    this.ticker = setInterval(() => this.check(), 1000);
    this.timer = setTimeout(() => this.timeOut(), timeoutMs);
    Promise.all(this.all.map((s) => s.start())).then(
      () => {
        this.started = true;
        this.check();
      },
      (error: unknown) => this.finish(asError(error)),
    );
  }

  private verdictOf(t: WaitTarget): Verdict {
    const s = this.stores.get(t.object.metadata.namespace ?? '');
    const workloads = s?.workloads.get(storeKey(t.info));
    const workload = workloads?.objects.get(`${t.object.metadata.namespace ?? ''}/${t.object.metadata.name}`);
    // Listed after it was written, so absent means deleted since: waiting cannot bring it back.
    if (workload === undefined) return { state: 'failed', message: 'it was deleted while the deploy waited for it (was its namespace deleted?)', pods: [] };
    if (workload.metadata.deletionTimestamp !== undefined) return { state: 'failed', message: 'it is being deleted (its namespace, or someone, deleted it during the deploy)', pods: [] };
    const snapshot = { workload, pods: [...(s?.pods.objects.values() ?? [])], replicaSets: [...(s?.replicaSets?.objects.values() ?? [])] };
    return evaluate(snapshot, t.generation, Date.now());
  }

  private check(): void {
    if (!this.started || this.finished) return;
    let pending = 0;
    for (const t of this.pending) {
      const name = describeObject(t.object);
      if (this.ready.has(name)) continue;
      const verdict = this.verdictOf(t);
      if (verdict.state === 'failed') return this.finish({ state: 'failed', object: name, target: t, message: verdict.message, pods: verdict.pods, ready: [...this.ready] });
      if (verdict.state === 'ready') {
        this.ready.add(name);
        this.onReady(name);
      } else pending++;
    }
    if (pending === 0) this.finish({ state: 'ready', ready: [...this.ready] });
  }

  private timeOut(): void {
    const pending = this.pending
      .filter((t) => !this.ready.has(describeObject(t.object)))
      .map((t) => {
        const verdict = this.verdictOf(t);
        return { object: describeObject(t.object), message: verdict.message, pods: verdict.pods };
      });
    this.finish({ state: 'timeout', pending, ready: [...this.ready] });
  }

  private finish(outcome: WaitOutcome | Error): void {
    if (this.finished) return;
    this.finished = true;
    clearInterval(this.ticker);
    clearTimeout(this.timer);
    for (const s of this.all) s.stop();
    this.settle(outcome);
  }
}

export async function waitForWorkloads(
  client: KubeClient,
  discovery: Discovery,
  targets: WaitTarget[],
  timeoutMs: number,
  onReady: (name: string) => void,
): Promise<WaitOutcome> {
  // Already there: nothing to watch (the common case of a deploy that changed no workload).
  const pendingAtStart = targets.filter((t) => !readyFromStatus(t.object, t.generation));
  const readyAtStart = targets.filter((t) => !pendingAtStart.includes(t)).map((t) => describeObject(t.object));
  if (pendingAtStart.length === 0) return { state: 'ready', ready: readyAtStart };

  const podInfo = discovery.find({ apiVersion: 'v1', kind: 'Pod' });
  const rsInfo = discovery.find({ apiVersion: 'apps/v1', kind: 'ReplicaSet' });
  if (!podInfo || !rsInfo) throw new Error('the cluster serves no Pods or ReplicaSets');
  return new Promise<WaitOutcome>((resolve, reject) => {
    const rollouts = new Rollouts(pendingAtStart, readyAtStart, onReady, (outcome) => (outcome instanceof Error ? reject(outcome) : resolve(outcome)));
    rollouts.open(client, podInfo, rsInfo);
    rollouts.run(timeoutMs);
  });
}
