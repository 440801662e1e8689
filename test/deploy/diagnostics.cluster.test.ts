// What a failing deploy says: the API server's warnings from the dry-run (Pod
// Security among them) are shown with the plan and counted in the summary,
// pods refused at creation fail the deploy at once with the reason, and a
// namespace deleted while the deploy waits fails it at once.
import { afterAll, describe, expect, it } from 'vitest';
import { kubectl, testNamespace } from '../support/cluster.ts';
import { waitFor } from '../support/wait.ts';
import { deleteNamespaces, deploy, freshNamespace, overlay } from '../support/deploy-harness.ts';
import { sleep } from '../../src/poll.ts';

const namespaces: string[] = [];
afterAll(async () => {
  await deleteNamespaces(namespaces);
});

async function settledWithin<T>(promise: Promise<T>, ms: number): Promise<T | 'still waiting'> {
  return Promise.race([promise, sleep(ms).then(() => 'still waiting' as const)]);
}

const privileged =
  'patches:\n  - target: {kind: Deployment, name: web}\n    patch: |\n' +
  '      - {op: replace, path: /spec/template/spec/containers/0/securityContext, value: {privileged: true}}\n';

describe('diagnostics', () => {
  it('shows the Pod Security warning of the dry-run, and fails at once when the pods are refused', async () => {
    const ns = await testNamespace('psa', { 'pod-security.kubernetes.io/enforce': 'restricted' });
    namespaces.push(ns);
    const result = await settledWithin(deploy('psa', overlay(ns, 'basic', privileged), ['--timeout', '600']), 120_000);
    expect(result).not.toBe('still waiting');
    if (result === 'still waiting') return;
    expect(result.code).toBe(1);
    expect(result.out).toMatch(new RegExp(`\\+ create {4}Deployment ${ns}/web\\n {6}warning from the API server: would violate PodSecurity "restricted:latest": privileged`));
    expect(result.out).toMatch(new RegExp(`Deployment ${ns}/web failed: its pods cannot be created \\(FailedCreate\\): pods "web-[a-z0-9]+-[a-z0-9]+" is forbidden: violates PodSecurity`));
    expect(result.out).not.toContain('timed out');
  });

  it('fails at once when the namespace is deleted while the deploy waits', async () => {
    const ns = await freshNamespace('gone', true);
    namespaces.push(ns);
    // minReadySeconds keeps the rollout waiting long after the namespace is gone.
    const slow = 'patches:\n  - target: {kind: Deployment, name: web}\n    patch: |\n      - {op: add, path: /spec/minReadySeconds, value: 300}\n';
    const run = deploy('gone', overlay(ns, 'basic', slow), ['--timeout', '600']);
    await waitFor('the Deployment to be written', async () => ((await kubectl(['get', 'deployment', 'web', '-n', ns])).exitCode === 0 ? true : undefined), 120_000);
    await kubectl(['delete', 'namespace', ns, '--wait=false']);
    const result = await settledWithin(run, 120_000);
    expect(result).not.toBe('still waiting');
    if (result === 'still waiting') return;
    expect(result.code).toBe(1);
    expect(result.out).toMatch(new RegExp(`Deployment ${ns}/web failed: it (was deleted while the deploy waited for it|is being deleted)`));
    expect(result.out).not.toContain('timed out');
  });
});
