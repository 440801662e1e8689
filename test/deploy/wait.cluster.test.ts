/* eslint-disable @typescript-eslint/no-explicit-any -- live objects are untyped JSON, read as kubectl prints them */
// A crash-looping pod fails the deploy as soon as it shows, with its events and logs,
// and --rollback restores the previous pod template.
//
// Simulated: kwok's fake nodes run no containers, so this test writes the
// container status a kubelet would report for a crashing container
// (waiting: CrashLoopBackOff, restartCount, last exit code 1) through the pod's
// status subresource, as soon as the new pod appears. Everything else is real.
import { afterAll, describe, expect, it } from 'vitest';
import { kubectl } from '../support/cluster.ts';
import { deleteNamespaces, deploy, expectNoSecretInOutput, freshNamespace, getJson, overlay, rewrite } from '../support/deploy-harness.ts';

const namespaces: string[] = [];
afterAll(async () => {
  await expectNoSecretInOutput(namespaces);
  await deleteNamespaces(namespaces);
});

// minReadySeconds keeps the rollout from finishing before the simulated crash is written.
const broken = (tag: string) =>
  'patches:\n  - target: {kind: Deployment, name: web}\n    patch: |\n' +
  `      - {op: replace, path: /spec/template/spec/containers/0/image, value: "registry.k8s.io/pause:${tag}"}\n` +
  '      - {op: add, path: /spec/minReadySeconds, value: 120}\n';

async function crashFirstPodWithImage(ns: string, image: string): Promise<string> {
  for (let i = 0; i < 300; i++) {
    const pods = await getJson<{ items: any[] }>(['get', 'pods', '-n', ns, '-l', 'app=web']);
    const pod = pods.items.find((p) => p.spec.containers[0].image === image && p.status?.containerStatuses);
    if (pod) {
      const status = {
        status: {
          containerStatuses: [{
            name: 'web', image, imageID: '', ready: false, started: false, restartCount: 3,
            state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 40s restarting failed container=web' } },
            lastState: { terminated: { exitCode: 1, reason: 'Error', startedAt: new Date().toISOString(), finishedAt: new Date().toISOString() } },
          }],
        },
      };
      const patched = await kubectl(['patch', 'pod', pod.metadata.name, '-n', ns, '--subresource=status', '--type=strategic', '-p', JSON.stringify(status)]);
      if (patched.exitCode !== 0) throw new Error(patched.stderr);
      return pod.metadata.name as string;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('no pod with the new image appeared');
}

describe('unschedulable pods', () => {
  it('fail the deploy with the scheduler\'s reason (nothing simulated: the real scheduler finds no node)', async () => {
    const ns = await freshNamespace('us', true);
    namespaces.push(ns);
    const nowhere = 'patches:\n  - target: {kind: Deployment, name: web}\n    patch: |\n      - {op: add, path: /spec/template/spec/nodeSelector, value: {airflow-gitops.example/no-such-node: "true"}}\n';
    const result = await deploy('unschedulable', overlay(ns, 'basic', nowhere), ['--timeout', '600']);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(new RegExp(`Deployment ${ns}/web failed: pod web-[a-z0-9]+-[a-z0-9]+ cannot be scheduled: 0/\\d+ nodes are available: .*node affinity/selector`));
    expect(result.out).toMatch(/Warning FailedScheduling/);
    expect(result.out).not.toContain('timed out');
  });
});

describe('crash-looping pods', () => {
  it('fail the deploy with the pod, the reason, its events and its logs; --rollback restores the previous template', async () => {
    const ns = await freshNamespace('cl', true);
    namespaces.push(ns);
    const dir = overlay(ns);
    expect((await deploy('crash', dir)).code).toBe(0);

    rewrite(dir, ns, 'basic', broken('3.9'));
    const [result, podName] = await Promise.all([deploy('crash', dir, ['--rollback', '--timeout', '600']), crashFirstPodWithImage(ns, 'registry.k8s.io/pause:3.9')]);
    expect(result.code).toBe(1);
    expect(result.out).toContain(`Deployment ${ns}/web failed: pod ${podName}, container web: CrashLoopBackOff (last exit code 1, 3 restarts)`);
    // Failed on the crash, not on the (10 minute) timeout.
    expect(result.out).not.toContain('timed out');
    expect(result.out).toContain(`pod ${ns}/${podName}:`);
    expect(result.out).toMatch(/events:\n\s+Normal Scheduled: Successfully assigned/);
    expect(result.out).toMatch(/logs of web \(previous run\):\n\s+\(logs unavailable: .+\)/);
    expect(result.out).toContain(`rolled back to the last healthy pod template: Deployment ${ns}/web`);
    const live = await getJson(['get', 'deployment', 'web', '-n', ns]);
    expect(live.spec.template.spec.containers[0].image).toBe('registry.k8s.io/pause:3.10');
  });
});
