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
  const namespaces = [...new Set(pendingAtStart.map((t) => t.object.metadata.namespace ?? ''))];
  const ready = new Set(readyAtStart);

  return new Promise<WaitOutcome>((resolve, reject) => {
    const all: WatchStore[] = [];
    const stores = new Map<string, Stores>();
    let finished = false;
    const finish = (outcome: WaitOutcome | Error) => {
      if (finished) return;
      finished = true;
      clearInterval(ticker);
      clearTimeout(timer);
      for (const s of all) s.stop();
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };
    const verdictOf = (t: WaitTarget): Verdict => {
      const s = stores.get(t.object.metadata.namespace ?? '');
      const workloads = s?.workloads.get(storeKey(t.info));
      const workload = workloads?.objects.get(`${t.object.metadata.namespace ?? ''}/${t.object.metadata.name}`);
      const snapshot = { workload, pods: [...(s?.pods.objects.values() ?? [])], replicaSets: [...(s?.replicaSets?.objects.values() ?? [])] };
      return evaluate(snapshot, t.generation, Date.now());
    };
    let started = false;
    const check = () => {
      if (!started || finished) return;
      let pending = 0;
      for (const t of pendingAtStart) {
        const name = describeObject(t.object);
        if (ready.has(name)) continue;
        const verdict = verdictOf(t);
        if (verdict.state === 'failed') return finish({ state: 'failed', object: name, target: t, message: verdict.message, pods: verdict.pods, ready: [...ready] });
        if (verdict.state === 'ready') {
          ready.add(name);
          onReady(name);
        } else pending++;
      }
      if (pending === 0) finish({ state: 'ready', ready: [...ready] });
    };
    const ticker = setInterval(check, 1000);
    const timer = setTimeout(() => {
      const pending = pendingAtStart
        .filter((t) => !ready.has(describeObject(t.object)))
        .map((t) => ({ object: describeObject(t.object), ...verdictOf(t) }));
      finish({ state: 'timeout', pending: pending.map((p) => ({ object: p.object, message: p.message, pods: p.pods })), ready: [...ready] });
    }, timeoutMs);
    const make = (info: ResourceInfo, namespace: string) => {
      const store = new WatchStore(client, info, namespace, check, (error) => finish(error instanceof Error ? error : new Error(String(error))));
      all.push(store);
      return store;
    };
    for (const namespace of namespaces) {
      const mine = pendingAtStart.filter((t) => (t.object.metadata.namespace ?? '') === namespace);
      const workloads = new Map<string, WatchStore>();
      for (const t of mine) if (!workloads.has(storeKey(t.info))) workloads.set(storeKey(t.info), make(t.info, namespace));
      const needsReplicaSets = mine.some((t) => t.object.kind === 'Deployment');
      stores.set(namespace, { workloads, pods: make(podInfo, namespace), replicaSets: needsReplicaSets ? make(rsInfo, namespace) : undefined });
    }
    Promise.all(all.map((s) => s.start())).then(
      () => {
        started = true;
        check();
      },
      (error: unknown) => finish(error instanceof Error ? error : new Error(String(error))),
    );
  });
}
