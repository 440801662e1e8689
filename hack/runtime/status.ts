// The pod status a kubelet reports: phase, conditions, addresses and one
// status per container (state, last state, ready, started, restarts).
import type { ContainerRunner } from './container.ts';

interface PodView {
  init: ContainerRunner[];
  main: ContainerRunner[];
  initialized: boolean;
  volumesReady: boolean;
  pod: { spec: { restartPolicy?: string; containers: unknown[]; initContainers?: { name: string; image: string; restartPolicy?: string }[] } };
}

function containerStatus(c: ContainerRunner) {
  return {
    name: c.spec.name,
    image: c.spec.image,
    imageID: `process-runtime://${c.spec.image}`,
    containerID: c.pid ? `process://${c.pid}` : undefined,
    state: c.state,
    lastState: c.lastState,
    ready: c.ready,
    started: c.started,
    restartCount: c.restartCount,
  };
}

function waitingStatus(spec: { name: string; image: string }, reason: string) {
  return { name: spec.name, image: spec.image, imageID: '', state: { waiting: { reason } }, lastState: {}, ready: false, started: false, restartCount: 0 };
}

function phase(view: PodView): string {
  const policy = view.pod.spec.restartPolicy ?? 'Always';
  const main = view.main;
  if (main.length < view.pod.spec.containers.length || main.some((c) => c.state.waiting?.reason === 'ContainerCreating')) {
    const failedInit = view.init.find((c) => c.finished && (c.state.terminated?.exitCode ?? 0) !== 0);
    return failedInit && policy === 'Never' ? 'Failed' : 'Pending';
  }
  if (policy === 'Always' || main.some((c) => !c.finished)) return 'Running';
  return main.every((c) => c.state.terminated?.exitCode === 0) ? 'Succeeded' : 'Failed';
}

export function podStatus(view: PodView, hostIP: string, podIP: string, startTime: string) {
  const now = new Date().toISOString();
  const sidecars = view.init.filter((c) => c.spec.restartPolicy === 'Always');
  const containersReady = view.main.length === view.pod.spec.containers.length && view.main.every((c) => c.ready);
  const ready = containersReady && sidecars.every((c) => c.ready);
  const condition = (type: string, status: boolean) => ({ type, status: status ? 'True' : 'False', lastProbeTime: null, lastTransitionTime: now });
  const reported = podIP;
  const initSpecs = view.pod.spec.initContainers ?? [];
  const mainSpecs = view.pod.spec.containers as { name: string; image: string }[];
  return {
    phase: phase(view),
    hostIP,
    hostIPs: [{ ip: hostIP }],
    podIP: reported,
    podIPs: [{ ip: reported }],
    startTime,
    qosClass: 'Burstable',
    conditions: [
      condition('PodReadyToStartContainers', view.volumesReady),
      condition('Initialized', view.initialized),
      condition('ContainersReady', containersReady),
      condition('Ready', ready),
      condition('PodScheduled', true),
    ],
    initContainerStatuses: initSpecs.map((s, i) => (view.init[i] ? containerStatus(view.init[i]) : waitingStatus(s, 'PodInitializing'))),
    containerStatuses: mainSpecs.map((s, i) => (view.main[i] ? containerStatus(view.main[i]) : waitingStatus(s, view.initialized ? 'ContainerCreating' : 'PodInitializing'))),
  };
}
