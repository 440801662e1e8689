// Preflight: a StorageClass, IngressClass and ClusterIssuer the overlay names
// but the cluster lacks stop diff and deploy before any write, each named with
// the overlay file that names it. A claim that stays Pending for another
// reason shows its own events in the failed wait.
import { afterAll, describe, expect, it } from 'vitest';
import { kubectl } from '../support/cluster.ts';
import { deleteNamespaces, deploy, diff, expectNoSecretInOutput, freshNamespace, overlay } from '../support/deploy-harness.ts';

const namespaces: string[] = [];
const classes: string[] = [];
afterAll(async () => {
  await expectNoSecretInOutput(namespaces);
  await deleteNamespaces(namespaces);
  if (classes.length > 0) await kubectl(['delete', 'storageclass', '--ignore-not-found', ...classes]);
});

const claims = `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: logs
spec:
  accessModes: [ReadWriteOnce]
  storageClassName: standard
  resources:
    requests:
      storage: 1Gi
`;
const ingress = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
  annotations:
    cert-manager.io/cluster-issuer: letsencrypt-prod
spec:
  ingressClassName: traefik
  rules:
    - host: airflow.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: web
                port:
                  number: 8080
`;
const storagePatch = (cls: string) =>
  `patches:\n  - target: {kind: StatefulSet, name: postgresql}\n    patch: |\n      - {op: add, path: /spec/volumeClaimTemplates/0/spec/storageClassName, value: ${cls}}\n`;

describe('preflight', () => {
  it('names a missing StorageClass, IngressClass and ClusterIssuer with their files, in diff and deploy, writing nothing', async () => {
    const ns = await freshNamespace('preflight', false);
    namespaces.push(ns);
    const dir = overlay(ns, 'basic', '  - claims.yaml\n  - ingress.yaml\n', { 'claims.yaml': claims, 'ingress.yaml': ingress });
    // Paths are shown from the folder above the overlays' folder, as in overlays/dev/environment.yaml.
    const overlayName = dir.split('/').slice(-2).join('/');
    for (const run of [await diff('preflight', dir), await deploy('preflight', dir)]) {
      expect(run.code, run.out).toBe(1);
      expect(run.out).toContain('nothing was written: airflow-gitops refused 3 problem(s) before asking the API server');
      expect(run.out).toContain(`the cluster has no StorageClass 'standard': named by PersistentVolumeClaim ${ns}/logs, set in ${overlayName}/claims.yaml:7`);
      expect(run.out).toContain(`the cluster has no IngressClass 'traefik': named by Ingress ${ns}/web, set in ${overlayName}/ingress.yaml:8`);
      expect(run.out).toContain(`the cluster has no ClusterIssuer 'letsencrypt-prod': named by Ingress ${ns}/web, set in ${overlayName}/ingress.yaml:6`);
    }
    const namespace = await kubectl(['get', 'namespace', ns]);
    expect(namespace.exitCode).not.toBe(0);
  });

  it('names a missing GatewayClass and a kind no installed CRD serves', async () => {
    const ns = await freshNamespace('preflight-gw', false);
    namespaces.push(ns);
    const gateway = 'apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: airflow\nspec:\n  gatewayClassName: envoy\n  listeners:\n    - name: http\n      protocol: HTTP\n      port: 80\n';
    const widget = 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: first\nspec:\n  size: 1\n';
    const dir = overlay(ns, 'basic', '  - gateway.yaml\n  - widget.yaml\n', { 'gateway.yaml': gateway, 'widget.yaml': widget });
    const shown = dir.split('/').slice(-2).join('/');
    const run = await diff('preflight-gw', dir);
    expect(run.code, run.out).toBe(1);
    expect(run.out).toContain('airflow-gitops refused 2 problem(s) before asking the API server');
    expect(run.out).toContain(`the cluster has no GatewayClass 'envoy': named by Gateway ${ns}/airflow, set in ${shown}/gateway.yaml:6`);
    expect(run.out).toContain(`the cluster does not serve example.com/v1 Widget (its CRD is not installed): needed by Widget ${ns}/first, from ${shown}/widget.yaml:2`);
    expect((await kubectl(['get', 'namespace', ns])).exitCode).not.toBe(0);
  });

  it('shows the events of a claim left Pending', async () => {
    const ns = await freshNamespace('pending', false);
    namespaces.push(ns);
    const cls = `nowhere-${ns}`;
    classes.push(cls);
    const made = await kubectl(['apply', '-f', '-'], `apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: ${cls}\nprovisioner: example.com/nowhere\nvolumeBindingMode: Immediate\n`);
    expect(made.exitCode, String(made.stderr)).toBe(0);
    const dir = overlay(ns, 'basic', storagePatch(cls));
    const result = await deploy('pending', dir, ['--timeout', '60']);
    expect(result.code).toBe(1);
    expect(result.out).toContain(`PersistentVolumeClaim ${ns}/data-postgresql-0 is Pending (StorageClass ${cls}):`);
    expect(result.out).toMatch(/Normal ExternalProvisioning.*: Waiting for a volume to be created .*example\.com\/nowhere/);
  });
});
