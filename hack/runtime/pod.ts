// One pod on the runtime's node, from admission to removal, in the kubelet's
// order: volumes, then init containers one by one (a regular one must exit 0,
// retried with back-off unless restartPolicy is Never; a native sidecar,
// restartPolicy Always, is started and counts as done once its startup probe
// passed), then every main container at once. Deletion stops main containers
// first, then sidecars in reverse order, each with the pod's grace period,
// and then removes the pod object (grace period 0), as the kubelet does.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { KubeClient } from '../../src/kube/client.ts';
import { ContainerRunner, type Report } from './container.ts';
import type { ObjectSource } from './environment.ts';
import { launchFor, type PodContext } from './launch.ts';
import { podStatus } from './status.ts';
import type { Container, Pod } from './types.ts';
import { prepareVolumes } from './volumes.ts';

export interface PodDeps {
  client: KubeClient;
  stateDir: string;
  venv: string;
  hostIP: string;
  podIP: string;
  hostsFile: string;
  source: ObjectSource;
  event: (pod: Pod, container: string | undefined, reason: string, message: string, warning: boolean) => void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class PodWorker {
  pod: Pod;
  readonly init: ContainerRunner[] = [];
  readonly main: ContainerRunner[] = [];
  initialized = false;
  volumesReady = false;
  terminating = false;
  private readonly deps: PodDeps;
  private readonly startTime = new Date().toISOString();
  private reporting: Promise<void> = Promise.resolve();
  private dirty = false;
  private gone = false;

  constructor(pod: Pod, deps: PodDeps) {
    this.pod = pod;
    this.deps = deps;
  }

  private get podDir(): string {
    return join(this.deps.stateDir, 'pods', this.pod.metadata.uid);
  }

  private report(container: string | undefined): Report {
    return ({ reason, message, warning }) => this.deps.event(this.pod, container, reason, message, warning);
  }

  async run(): Promise<void> {
    mkdirSync(this.podDir, { recursive: true });
    const volumes = await this.retry('FailedMount', () => prepareVolumes(this.pod, this.podDir, this.deps.client, this.deps.source, this.deps.stateDir));
    if (!volumes) return;
    this.volumesReady = true;
    this.changed();
    const ctx: PodContext = { pod: this.pod, podDir: this.podDir, podIP: this.deps.podIP, hostIP: this.deps.hostIP, hostsFile: this.deps.hostsFile, volumes, venv: this.deps.venv, source: this.deps.source };
    const policy = this.pod.spec.restartPolicy ?? 'Always';
    for (const spec of this.pod.spec.initContainers ?? []) {
      const sidecar = spec.restartPolicy === 'Always';
      const runner = await this.runner(spec, ctx, sidecar ? 'Always' : policy === 'Never' ? 'Never' : 'OnFailure');
      if (!runner) return;
      this.init.push(runner);
      const finished = runner.start();
      if (sidecar) {
        while (!runner.started && !this.terminating) await sleep(200);
      } else {
        await finished;
        const state = runner.state.terminated;
        if (!state || state.exitCode !== 0) return;
      }
      if (this.terminating) return;
    }
    this.initialized = true;
    this.changed();
    for (const spec of this.pod.spec.containers) {
      const runner = await this.runner(spec, ctx, policy);
      if (!runner) return;
      this.main.push(runner);
      void runner.start().then(() => this.changed());
    }
  }

  private async runner(spec: Container, ctx: PodContext, policy: string): Promise<ContainerRunner | undefined> {
    const launch = await this.retry('Failed', () => launchFor(spec, ctx), spec.name);
    // The pod may have been stopped while its container was being prepared:
    // a container started now would outlive the halt that already ran.
    if (!launch || this.terminating) return undefined;
    return new ContainerRunner(spec, launch, policy, () => this.changed(), this.report(spec.name));
  }

  /** Retries `step` every 2 s (reporting each failure as an event) until it works or the pod goes. */
  private async retry<T>(reason: string, step: () => Promise<T>, container?: string): Promise<T | undefined> {
    for (let attempt = 0; !this.terminating; attempt++) {
      try {
        return await step();
      } catch (error) {
        if (attempt % 5 === 0) this.deps.event(this.pod, container, reason, (error as Error).message, true);
        await sleep(2000);
      }
    }
    return undefined;
  }

  /** Stops every container (main first, then sidecars in reverse) and removes the pod object. */
  async terminate(): Promise<void> {
    if (this.terminating) return;
    this.terminating = true;
    const grace = (this.pod.metadata.deletionGracePeriodSeconds ?? this.pod.spec.terminationGracePeriodSeconds ?? 30) * 1000;
    const deadline = Date.now() + grace;
    await Promise.all(this.main.map((c) => c.stop(Math.max(0, deadline - Date.now()))));
    for (const c of [...this.init].reverse()) await c.stop(Math.max(2000, deadline - Date.now()));
    this.changed();
    await this.reporting;
    const { namespace, name, uid } = this.pod.metadata;
    await this.deps.client
      .request('DELETE', `/api/v1/namespaces/${namespace}/pods/${name}`, { body: { kind: 'DeleteOptions', apiVersion: 'v1', gracePeriodSeconds: 0, preconditions: { uid } } })
      .catch(() => {});
    this.gone = true;
  }

  /** Stops every process without touching the pod object (the runtime is shutting down). */
  async halt(): Promise<void> {
    this.terminating = true;
    this.gone = true;
    await Promise.all([...this.main, ...this.init].map((c) => c.stop(5000)));
  }

  /** Coalesces status reports: at most one PATCH in flight, the latest state wins. */
  changed(): void {
    if (this.gone) return;
    if (this.dirty) return;
    this.dirty = true;
    this.reporting = this.reporting.then(async () => {
      await sleep(100);
      this.dirty = false;
      const { namespace, name } = this.pod.metadata;
      const body = { status: podStatus(this, this.deps.hostIP, this.deps.podIP, this.startTime) };
      await this.deps.client
        .request('PATCH', `/api/v1/namespaces/${namespace}/pods/${name}/status`, { contentType: 'application/merge-patch+json', body })
        .catch((error: Error) => console.error(`status of ${namespace}/${name}: ${error.message}`));
    });
  }
}
