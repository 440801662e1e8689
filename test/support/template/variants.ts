// The optional components, each added to every overlay (and all of them at
// once), as variants of the real environments: what the template tests and
// the server-side dry run check beyond the overlays as committed.
import { addComponent, build, environments, swapComponent, variant, type Environment, type K8sObject, type VariantChanges } from './render.ts';

const has = (text: string, component: string) => new RegExp(`components/${component}\\n`).test(text);
const add = (text: string, component: string) => (has(text, component) ? text : addComponent(text, component));

/** A kustomization text without the `replicas:` entry of one workload. */
export function withoutReplicas(text: string, name: string): string {
  return text.replace(new RegExp(` {2}- name: ${name}\\n {4}count: \\d+\\n`), '').replace(/^replicas:\n(?! {2}-)/m, '');
}

/** Values the optional components read from environment.yaml, for a given namespace. */
export function componentValues(namespace: string): Record<string, string> {
  return {
    workerAutoscalingDatabaseHost: `airflow-postgresql.${namespace}.svc`,
    secretStoreKind: 'ClusterSecretStore',
    secretStoreName: 'airflow-store',
    secretStorePath: `airflow/${namespace}`,
  };
}

type Change = (text: string) => string;

/** Each optional component, as the change that turns it on in a kustomization. */
export const componentChanges: Record<string, Change> = {
  pgbouncer: (t) => add(t, 'pgbouncer'),
  metrics: (t) => (has(t, 'metrics-servicemonitor') ? t : add(t, 'metrics')),
  'metrics-servicemonitor': (t) => (has(t, 'metrics') ? swapComponent(t, 'metrics', 'metrics-servicemonitor') : add(t, 'metrics-servicemonitor')),
  'worker-autoscaling': (t) => add(withoutReplicas(t, 'airflow-worker'), 'worker-autoscaling'),
  'git-dag-bundle': (t) => {
    for (const from of ['git-sync-ssh', 'git-sync-https-token', 'git-sync']) if (has(t, from)) return swapComponent(t, from, 'git-dag-bundle');
    return add(t, 'git-dag-bundle');
  },
  // Last: an ExternalSecret for every Secret the other components read.
  'external-secrets': (t) => {
    let out = add(t, 'external-secrets');
    if (has(out, 'git-sync-ssh') || has(out, 'git-dag-bundle')) out = add(out, 'external-secrets-git-ssh');
    if (has(out, 'git-sync-https-token')) out = add(out, 'external-secrets-git-https');
    if (has(out, 'pgbouncer')) out = add(out, 'external-secrets-pgbouncer');
    return out;
  },
};

export const optionalComponents = Object.keys(componentChanges);

export interface ComponentVariant {
  title: string;
  env: Environment;
  components: string[];
}

/** Every overlay with each optional component, and with all of them. */
export const componentVariants: ComponentVariant[] = environments.flatMap((env) => [
  ...optionalComponents.map((c) => ({ title: `${env} with ${c}`, env, components: [c] })),
  { title: `${env} with every optional component`, env, components: optionalComponents },
]);

/** The changes that make a variant, for `variant` or `renderInto`. */
export function variantChanges(v: ComponentVariant, namespace = `airflow-${v.env}`): VariantChanges {
  const ordered = optionalComponents.filter((c) => v.components.includes(c));
  return {
    kustomization: (text) => ordered.reduce((t, c) => componentChanges[c]?.(t) ?? t, text),
    environment: componentValues(namespace),
  };
}

const cache = new Map<string, Promise<K8sObject[]>>();

/** The rendered variant (built once per test file). */
export function renderVariant(v: ComponentVariant): Promise<K8sObject[]> {
  let rendered = cache.get(v.title);
  if (rendered === undefined) {
    rendered = variant(v.env, variantChanges(v)).then(build);
    cache.set(v.title, rendered);
  }
  return rendered;
}

/** An object only each component renders, so a test can tell the component is really in. */
export const componentMarkers: Record<string, [kind: string, name: string]> = {
  pgbouncer: ['Deployment', 'airflow-pgbouncer'],
  metrics: ['Deployment', 'airflow-statsd'],
  'metrics-servicemonitor': ['ServiceMonitor', 'airflow-statsd'],
  'worker-autoscaling': ['ScaledObject', 'airflow-worker'],
  'git-dag-bundle': ['ConfigMap', 'airflow-config'],
  'external-secrets': ['ExternalSecret', 'airflow-secrets'],
};

/** The components of the variant whose marker object is missing from `objects`. */
export function missingComponents(v: ComponentVariant, objects: K8sObject[]): string[] {
  return v.components.filter((c) => {
    const [kind, name] = componentMarkers[c] ?? ['', ''];
    if (c === 'git-dag-bundle') {
      return !objects.some((o) => o.kind === 'ConfigMap' && o.metadata.name.startsWith('airflow-config-') && JSON.stringify(o).includes('DAG_BUNDLE_CONFIG_LIST'));
    }
    return !objects.some((o) => o.kind === kind && o.metadata.name === name);
  });
}
