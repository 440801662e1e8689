// The local control plane behaves like a real cluster where the product
// relies on it: nodes, versions, StatefulSet volumes, API validation and Pod
// Security admission.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { kubectl, testNamespace } from '../../support/cluster.ts';
import { repoRoot } from '../../support/paths.ts';
import { waitFor } from '../../support/wait.ts';

const pinnedKubernetes = /^KUBERNETES_VERSION=(\S+)$/m.exec(
  readFileSync(join(repoRoot, 'hack', 'cluster', 'versions.env'), 'utf8'),
)?.[1];

async function kubectlJson(args: string[]) {
  const result = await kubectl([...args, '-o', 'json']);
  if (result.exitCode !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout);
}

describe('local control plane', () => {
  it('has Ready fake nodes and serves the pinned Kubernetes version', async () => {
    // The process runtime (hack/runtime) may have registered a node of its own beside kwok's: kwok's are these.
    const nodes = await kubectlJson(['get', 'nodes', '-l', '!airflow-gitops.dev/process-runtime']);
    expect(nodes.items.length).toBeGreaterThanOrEqual(2);
    for (const node of nodes.items) {
      const ready = node.status.conditions.find((c: { type: string }) => c.type === 'Ready');
      expect(ready?.status, `node ${node.metadata.name}`).toBe('True');
      expect(node.metadata.annotations['kwok.x-k8s.io/node']).toBe('fake');
    }
    const version = await kubectlJson(['version']);
    expect(pinnedKubernetes).toMatch(/^v1\.\d+\.\d+$/);
    expect(version.serverVersion.gitVersion).toBe(pinnedKubernetes);
    expect(version.clientVersion.gitVersion).toBe(pinnedKubernetes);
  });

  describe('StatefulSet volumes', () => {
    let namespace: string;
    beforeAll(async () => {
      namespace = await testNamespace('cp-sts');
    });

    const statefulSet = (replicas: number) => ({
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'worker' },
      spec: {
        replicas,
        serviceName: 'worker',
        selector: { matchLabels: { app: 'worker' } },
        persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
        template: {
          metadata: { labels: { app: 'worker' } },
          spec: { containers: [{ name: 'worker', image: 'example.invalid/worker:1', volumeMounts: [{ name: 'logs', mountPath: '/logs' }] }] },
        },
        volumeClaimTemplates: [
          { metadata: { name: 'logs' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } },
        ],
      },
    });

    async function claimPhases(): Promise<Record<string, string>> {
      const claims = await kubectlJson(['get', 'pvc', '-n', namespace]);
      return Object.fromEntries(claims.items.map((c: { metadata: { name: string }; status: { phase: string } }) => [c.metadata.name, c.status.phase]));
    }

    it('reaches 2/2 Ready with one Bound claim per replica, and keeps both claims when scaled to 1', async () => {
      const applied = await kubectl(['apply', '--server-side', '-n', namespace, '-f', '-'], JSON.stringify(statefulSet(2)));
      expect(applied.stderr).toBe('');

      await waitFor('2 ready replicas', async () => {
        const sts = await kubectlJson(['get', 'statefulset', 'worker', '-n', namespace]);
        return sts.status.readyReplicas === 2 ? true : undefined;
      });
      expect(await claimPhases()).toEqual({ 'logs-worker-0': 'Bound', 'logs-worker-1': 'Bound' });

      const scaled = await kubectl(['scale', 'statefulset', 'worker', '-n', namespace, '--replicas=1']);
      expect(scaled.exitCode).toBe(0);
      await waitFor('pod worker-1 to go away', async () => {
        const pods = await kubectlJson(['get', 'pods', '-n', namespace]);
        return pods.items.length === 1 ? true : undefined;
      });
      expect(await claimPhases()).toEqual({ 'logs-worker-0': 'Bound', 'logs-worker-1': 'Bound' });
    });
  });

  describe('server-side dry-run uses the API server validation', () => {
    let namespace: string;
    beforeAll(async () => {
      namespace = await testNamespace('cp-dry');
    });

    it('rejects a Deployment without a selector with the API server message', async () => {
      const deployment = {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'no-selector' },
        spec: { template: { metadata: { labels: { app: 'x' } }, spec: { containers: [{ name: 'x', image: 'x' }] } } },
      };
      const result = await kubectl(['apply', '--server-side', '--dry-run=server', '-n', namespace, '-f', '-'], JSON.stringify(deployment));
      expect(result.exitCode).not.toBe(0);
      expect(result.stderr).toContain('spec.selector: Required value');
      expect((await kubectl(['get', 'deployment', 'no-selector', '-n', namespace])).exitCode).not.toBe(0);
    });

    it('rejects a Certificate without spec.secretName through the real cert-manager CRD', async () => {
      const certificate = {
        apiVersion: 'cert-manager.io/v1',
        kind: 'Certificate',
        metadata: { name: 'no-secret' },
        spec: { dnsNames: ['airflow.example.com'], issuerRef: { name: 'letsencrypt', kind: 'ClusterIssuer' } },
      };
      const result = await kubectl(['apply', '--server-side', '--dry-run=server', '-n', namespace, '-f', '-'], JSON.stringify(certificate));
      expect(result.exitCode).not.toBe(0);
      expect(result.stderr).toContain('spec.secretName: Required value');
    });

    it('accepts a valid HTTPRoute through the real Gateway API CRD', async () => {
      const route = {
        apiVersion: 'gateway.networking.k8s.io/v1',
        kind: 'HTTPRoute',
        metadata: { name: 'airflow' },
        spec: {
          parentRefs: [{ name: 'public' }],
          hostnames: ['airflow.example.com'],
          rules: [{ backendRefs: [{ name: 'airflow-api-server', port: 8080 }] }],
        },
      };
      const result = await kubectl(['apply', '--server-side', '--dry-run=server', '-n', namespace, '-f', '-'], JSON.stringify(route));
      expect(result.stderr).toBe('');
      expect(result.stdout).toContain('httproute.gateway.networking.k8s.io/airflow serverside-applied (server dry run)');
    });
  });

  describe('Pod Security admission', () => {
    let namespace: string;
    beforeAll(async () => {
      namespace = await testNamespace('cp-psa', { 'pod-security.kubernetes.io/enforce': 'restricted' });
      await waitFor('default ServiceAccount', async () =>
        (await kubectl(['get', 'serviceaccount', 'default', '-n', namespace])).exitCode === 0 ? true : undefined,
      );
    });

    const pod = (name: string, securityContext: object, containerSecurity: object) => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name },
      spec: { securityContext, containers: [{ name: 'main', image: 'example.invalid/app:1', securityContext: containerSecurity }] },
    });

    it('rejects a privileged pod in a restricted namespace', async () => {
      const privileged = pod('privileged', {}, { privileged: true });
      const result = await kubectl(['create', '-n', namespace, '-f', '-'], JSON.stringify(privileged));
      expect(result.exitCode).not.toBe(0);
      expect(result.stderr).toContain('violates PodSecurity "restricted:latest"');
      expect(result.stderr).toContain('privileged');
    });

    it('admits a compliant pod in a restricted namespace', async () => {
      const compliant = pod(
        'compliant',
        { runAsNonRoot: true, runAsUser: 50000, seccompProfile: { type: 'RuntimeDefault' } },
        { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
      );
      const result = await kubectl(['create', '-n', namespace, '-f', '-'], JSON.stringify(compliant));
      expect(result.stderr).toBe('');
      expect(result.stdout).toContain('pod/compliant created');
    });
  });
});
