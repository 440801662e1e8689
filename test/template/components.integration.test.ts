// What each optional component promises, read from its render in every
// overlay: PgBouncer carries every Airflow connection (sessions only for the
// migration), KEDA drives the workers alone, the ServiceMonitor finds the
// exporter, ExternalSecrets cover every Secret the pods read (so the deploy
// generates and requires none of them), and the git DAG bundle replaces
// git-sync everywhere.
import { describe, expect, it } from 'vitest';
import { phaseOf, phaseOrder } from '../../src/deploy/phases.ts';
import { desiredSecrets } from '../../src/secrets/desired.ts';
import { SecretMask } from '../../src/secrets/mask.ts';
import { secretCatalog } from '../../src/secrets/catalog.ts';
import type { KubeObject } from '../../src/objects.ts';
import { allContainers, container, envValue, find, generatedConfigMap, workload, workloads } from '../support/template/model.ts';
import { type K8sObject } from '../support/template/render.ts';
import { componentVariants, renderVariant, type ComponentVariant } from '../support/template/variants.ts';

const withComponent = (c: string) => componentVariants.filter((v) => v.components.includes(c)).map((v) => [v.title, v] as const);

/** Every (Secret, key) pair the rendered pods read. */
function secretKeysRead(objects: K8sObject[]): Map<string, Set<string>> {
  const read = new Map<string, Set<string>>();
  const add = (name: string, key: string) => read.set(name, new Set([...(read.get(name) ?? []), key]));
  for (const w of workloads(objects)) {
    for (const c of allContainers(w.spec.template.spec)) for (const e of c.env ?? []) if (e.valueFrom?.secretKeyRef) add(e.valueFrom.secretKeyRef.name, e.valueFrom.secretKeyRef.key);
    for (const v of w.spec.template.spec.volumes ?? []) for (const item of v.secret?.items ?? []) add(v.secret?.secretName ?? '', item.key);
  }
  return read;
}

describe.each(withComponent('pgbouncer'))('PgBouncer in %s', (_title, v: ComponentVariant) => {
  it('carries every Airflow connection: transaction pooling, session pooling for the migration alone', async () => {
    const objects = await renderVariant(v);
    const config = generatedConfigMap(objects, 'airflow-config').data;
    expect(config.AIRFLOW__DATABASE__SQL_ALCHEMY_CONN).toMatch(/@airflow-pgbouncer:6432\/airflow\?/);
    expect(config.AIRFLOW__CELERY__RESULT_BACKEND).toMatch(/^db\+postgresql\+psycopg2:\/\/.*@airflow-pgbouncer:6432\/airflow\?/);
    const migrate = container(workload(objects, 'Job', 'airflow-migrate-db').spec.template.spec, 'airflow');
    expect(envValue(migrate, 'AIRFLOW__DATABASE__SQL_ALCHEMY_CONN')).toMatch(/@airflow-pgbouncer:6432\/airflow-session\?/);
    const ini = generatedConfigMap(objects, 'airflow-pgbouncer-config').data['pgbouncer.ini'] ?? '';
    expect(ini).toMatch(/^pool_mode = transaction$/m);
    const init = container(workload(objects, 'Deployment', 'airflow-pgbouncer').spec.template.spec, 'pgbouncer-config');
    expect(init.args?.[0]).toMatch(/'airflow = %s pool_mode=transaction\\n'/);
    expect(init.args?.[0]).toMatch(/'airflow-session = %s pool_mode=session\\n'/);
    for (const w of workloads(objects).filter((x) => x.metadata.labels?.['app.kubernetes.io/name'] === 'airflow')) {
      const read = allContainers(w.spec.template.spec).flatMap((c) => (c.env ?? []).map((e) => e.valueFrom?.secretKeyRef?.name));
      expect(read, w.metadata.name).toContain('airflow-pgbouncer');
      expect(read, w.metadata.name).not.toContain('airflow-postgresql');
    }
  });

  it('is applied before the migration Job that connects through it, and after PostgreSQL', async () => {
    const objects = (await renderVariant(v)) as KubeObject[];
    const phase = (kind: string, name: string) => {
      const found = objects.find((o) => o.kind === kind && o.metadata.name === name);
      if (!found) throw new Error(`no ${kind}/${name} in the render`);
      return phaseOrder.indexOf(phaseOf(found));
    };
    expect(phase('Deployment', 'airflow-pgbouncer')).toBeLessThan(phase('Job', 'airflow-migrate-db'));
    expect(phase('Deployment', 'airflow-pgbouncer')).toBeGreaterThanOrEqual(phase('StatefulSet', 'airflow-postgresql'));
  });
});

describe.each(withComponent('worker-autoscaling'))('KEDA in %s', (_title, v: ComponentVariant) => {
  it('scales the worker StatefulSet alone, on queued and running tasks, with the database password by reference', async () => {
    const objects = await renderVariant(v);
    const scaled = find<K8sObject & { spec: { scaleTargetRef: { kind: string; name: string }; minReplicaCount: number; maxReplicaCount: number; triggers: { type: string; authenticationRef: { name: string }; metadata: Record<string, string> }[] } }>(objects, 'ScaledObject', 'airflow-worker');
    expect(scaled.spec.scaleTargetRef).toMatchObject({ kind: 'StatefulSet', name: 'airflow-worker' });
    expect(scaled.spec.minReplicaCount).toBeLessThanOrEqual(scaled.spec.maxReplicaCount);
    const [trigger] = scaled.spec.triggers;
    expect(trigger?.type).toBe('postgresql');
    expect(trigger?.metadata.query).toMatch(/FROM task_instance\s+WHERE state IN \('queued', 'running'\)/);
    expect(Number(trigger?.metadata.targetQueryValue)).toBeGreaterThan(0);
    expect(trigger?.metadata.host).toMatch(/\.svc$/);
    const auth = find<K8sObject & { spec: { secretTargetRef: { parameter: string; name: string; key: string }[] } }>(objects, 'TriggerAuthentication', trigger?.authenticationRef.name ?? '');
    expect(auth.spec.secretTargetRef).toEqual([{ parameter: 'password', name: 'airflow-postgresql', key: 'password' }]);
    expect(workload(objects, 'StatefulSet', 'airflow-worker').spec.replicas).toBeUndefined();
  });
});

describe.each(withComponent('metrics-servicemonitor'))('the ServiceMonitor in %s', (_title, v: ComponentVariant) => {
  it('selects the exporter\'s Service by its labels and scrapes a port the Service has', async () => {
    const objects = await renderVariant(v);
    const monitor = find<K8sObject & { spec: { selector: { matchLabels: Record<string, string> }; endpoints: { port: string }[] } }>(objects, 'ServiceMonitor', 'airflow-statsd');
    const services = objects.filter((o) => o.kind === 'Service' && Object.entries(monitor.spec.selector.matchLabels).every(([k, val]) => o.metadata.labels?.[k] === val));
    expect(services.map((s) => s.metadata.name)).toEqual(['airflow-statsd']);
    const ports = (services[0] as K8sObject & { spec: { ports: { name: string }[] } }).spec.ports.map((p) => p.name);
    for (const e of monitor.spec.endpoints) expect(ports).toContain(e.port);
  });
});

describe.each(withComponent('external-secrets'))('ExternalSecrets in %s', (_title, v: ComponentVariant) => {
  it('cover every catalog Secret the pods read, with every key, so the deploy generates and requires none', async () => {
    const objects = await renderVariant(v);
    const targets = new Map(
      objects.filter((o) => o.kind === 'ExternalSecret').map((o) => {
        const spec = o.spec as { target: { name: string }; data: { secretKey: string }[] };
        return [spec.target.name, new Set(spec.data.map((d) => d.secretKey))] as const;
      }),
    );
    for (const [name, keys] of secretKeysRead(objects)) {
      const spec = secretCatalog.find((s) => s.name === name);
      expect(spec, `${name} is a catalog Secret`).toBeDefined();
      expect([...(targets.get(name) ?? [])].sort(), name).toEqual(Object.keys(spec?.keys ?? {}).sort());
      for (const key of keys) expect(targets.get(name)?.has(key), `${name}/${key}`).toBe(true);
    }
    const namespace = objects.find((o) => o.kind === 'Namespace')?.metadata.name ?? '';
    const plan = await desiredSecrets({ rendered: objects as KubeObject[], namespace, env: {}, labels: {}, readLive: async () => undefined, mask: new SecretMask() });
    expect(plan).toEqual({ secrets: [], generated: [], problems: [], atDeploy: [], droppedFernetKeys: 0 });
  });
});

describe.each(withComponent('git-dag-bundle'))('the git DAG bundle in %s', (_title, v: ComponentVariant) => {
  it('replaces git-sync: the DAG readers clone with the deploy key, tracking the pinned ref', async () => {
    const objects = await renderVariant(v);
    for (const w of workloads(objects)) expect(allContainers(w.spec.template.spec).map((c) => c.name), w.metadata.name).not.toContain('git-sync');
    const config = generatedConfigMap(objects, 'airflow-config').data;
    const bundles = JSON.parse(config.AIRFLOW__DAG_PROCESSOR__DAG_BUNDLE_CONFIG_LIST ?? '[]') as { name: string; classpath: string; kwargs: Record<string, unknown> }[];
    expect(bundles).toHaveLength(1);
    expect(bundles[0]?.classpath).toBe('airflow.providers.git.bundles.git.GitDagBundle');
    expect(bundles[0]?.kwargs).toMatchObject({ git_conn_id: 'dags_git', tracking_ref: '${AIRFLOW_DAG_BUNDLE_REF}' });
    expect(config.AIRFLOW_DAG_BUNDLE_REF).toMatch(/^[0-9a-f]{40}$/);
    const connection = JSON.parse(config.AIRFLOW_CONN_DAGS_GIT ?? '{}') as { extra: Record<string, string> };
    expect(connection.extra.strict_host_key_checking).toBe('yes');
    for (const [kind, name] of [['Deployment', 'airflow-dag-processor'], ['StatefulSet', 'airflow-triggerer'], ['StatefulSet', 'airflow-worker']] as const) {
      const spec = workload(objects, kind, name).spec.template.spec;
      const mount = container(spec, 'airflow').volumeMounts?.find((m) => m.name === 'git-ssh');
      expect(mount?.readOnly, name).toBe(true);
      expect(connection.extra.key_file?.startsWith(`${mount?.mountPath}/`), name).toBe(true);
      expect(spec.volumes?.find((x) => x.name === 'git-ssh')?.secret?.secretName, name).toBe('airflow-git-ssh');
    }
  });
});
