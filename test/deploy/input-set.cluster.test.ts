// A render wrong as a whole is refused before any dry-run, naming both places,
// and nothing is written: not even the namespace the render creates.
import { afterAll, describe, expect, it } from 'vitest';
import { kubectl } from '../support/cluster.ts';
import { deleteNamespaces, deploy, freshNamespace, overlay } from '../support/deploy-harness.ts';

const namespaces: string[] = [];
afterAll(async () => {
  await deleteNamespaces(namespaces);
});

const hpa = (apiVersion: string) =>
  `apiVersion: ${apiVersion}\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n  minReplicas: 2\n  maxReplicas: 3\n`;
const nodePortService = (name: string) =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  type: NodePort\n  selector: {app: web}\n  ports:\n    - {port: 80, targetPort: 8080, nodePort: 31999}\n`;
const ingress = (name: string) =>
  `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: ${name}\nspec:\n  ingressClassName: nginx\n  rules:\n    - host: airflow.example.com\n      http:\n        paths:\n          - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}\n`;

const cases: [string, Record<string, string>, (ns: string) => string[]][] = [
  [
    'the same object under two API versions',
    { 'a.yaml': hpa('autoscaling/v1'), 'b.yaml': hpa('autoscaling/v2') },
    (ns) => [`HorizontalPodAutoscaler ${ns}/web is rendered twice: as autoscaling/v1 HorizontalPodAutoscaler ${ns}/web (object `, `and as autoscaling/v2 HorizontalPodAutoscaler ${ns}/web (object `],
  ],
  [
    "a ConfigMap with the inventory record's name",
    { 'a.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: airflow-gitops-set\ndata: {a: b}\n', 'b.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: unrelated\n' },
    (ns) => [`v1 ConfigMap ${ns}/airflow-gitops-set (object `, "has the name this tool keeps for the environment's inventory record: rename it"],
  ],
  [
    'two Services with one nodePort',
    { 'a.yaml': nodePortService('web-a'), 'b.yaml': nodePortService('web-b') },
    (ns) => [`nodePort 31999/TCP is used twice in the render: by v1 Service ${ns}/web-a (object `, `and by v1 Service ${ns}/web-b (object `],
  ],
  [
    'two Ingresses with one host and path',
    { 'a.yaml': ingress('web-a'), 'b.yaml': ingress('web-b') },
    (ns) => [`Ingress host and path airflow.example.com/ (class nginx) is used twice in the render: by networking.k8s.io/v1 Ingress ${ns}/web-a (object `, `by networking.k8s.io/v1 Ingress ${ns}/web-b`],
  ],
];

describe('the render as a set', () => {
  it.each(cases)('refuses %s, naming both, and writes nothing', async (_, files, expected) => {
    const ns = await freshNamespace('set', false);
    namespaces.push(ns);
    const result = await deploy('set', overlay(ns, 'basic', '  - a.yaml\n  - b.yaml\n', files));
    expect(result.code).toBe(1);
    expect(result.out).toContain('nothing was written');
    for (const part of expected(ns)) expect(result.out).toContain(part);
    expect((await kubectl(['get', 'namespace', ns])).stderr).toContain('NotFound');
  });
});
