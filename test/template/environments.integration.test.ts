// What differs per environment ends up where it should: storage, web access,
// replicas; and the optional variants (Gateway API, external database,
// cluster issuers) render as documented.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { container, find, generatedConfigMap, workload, workloads } from '../support/template/model.ts';
import {
  addComponent,
  build,
  environments,
  environmentValues,
  overlayDir,
  renderers,
  renderOverlay,
  repoRoot,
  swapComponent,
  variant,
  type K8sObject,
} from '../support/template/render.ts';

interface Ingress extends K8sObject {
  spec: {
    ingressClassName: string;
    rules: { host: string; http: { paths: { path: string; backend: { service: { name: string; port: { name: string } } } }[] } }[];
    tls?: { hosts: string[]; secretName: string }[];
  };
}

interface NetworkPolicy extends K8sObject {
  spec: {
    podSelector: { matchLabels?: Record<string, string> };
    policyTypes: string[];
    ingress?: { from?: { podSelector?: { matchLabels?: Record<string, string>; matchExpressions?: { key: string; values: string[] }[] } }[]; ports: { port: number }[] }[];
  };
}

describe.each(environments)('overlay %s', (env) => {
  it('sizes and classes the log, PostgreSQL and Redis volumes from environment.yaml', async () => {
    const objects = await renderOverlay(env);
    const values = await environmentValues(env);
    const claims: [string, string, string][] = [
      ['airflow-worker', 'logs', values.workerLogsStorage ?? ''],
      ['airflow-triggerer', 'logs', values.triggererLogsStorage ?? ''],
      ['airflow-postgresql', 'data', values.postgresqlStorage ?? ''],
      ['airflow-redis', 'data', values.redisStorage ?? ''],
    ];
    for (const [name, claim, size] of claims) {
      const templates = workload(objects, 'StatefulSet', name).spec.volumeClaimTemplates ?? [];
      expect(templates.map((t) => t.metadata.name), name).toEqual([claim]);
      const spec = templates[0]?.spec;
      expect(spec?.accessModes).toEqual(['ReadWriteOnce']);
      expect(spec?.resources.requests.storage, name).toBe(size);
      expect(spec?.storageClassName, name).toBe(values.storageClass);
    }
    if (env === 'local') expect(values.storageClass).toBe('local-path');
  });

  it('keeps log volumes on delete and on scale-down, writable through the fsGroup, instead of an emptyDir', async () => {
    const objects = await renderOverlay(env);
    for (const name of ['airflow-worker', 'airflow-triggerer']) {
      const w = workload(objects, 'StatefulSet', name);
      expect(w.spec.persistentVolumeClaimRetentionPolicy).toEqual({ whenDeleted: 'Retain', whenScaled: 'Retain' });
      expect(w.spec.template.spec.volumes?.some((v) => v.name === 'logs')).toBe(false);
      expect(w.spec.template.spec.securityContext?.fsGroup).toBeGreaterThan(0);
      const mount = w.spec.template.spec.containers[0]?.volumeMounts?.find((m) => m.name === 'logs');
      expect(mount?.mountPath).toBe(generatedConfigMap(objects, 'airflow-config').data.AIRFLOW__LOGGING__BASE_LOG_FOLDER);
    }
  });

  it('serves the UI at the overlay host through the overlay ingress class', async () => {
    const objects = await renderOverlay(env);
    const values = await environmentValues(env);
    const ingresses = objects.filter((o): o is Ingress => o.kind === 'Ingress');
    expect(ingresses).toHaveLength(1);
    const ingress = ingresses[0] as Ingress;
    expect(ingress.spec.ingressClassName).toBe(values.ingressClass);
    expect(ingress.spec.rules.map((r) => r.host)).toEqual([values.host]);
    const backend = ingress.spec.rules[0]?.http.paths[0]?.backend.service;
    expect(backend).toEqual({ name: 'airflow-api-server', port: { name: 'airflow-ui' } });
    const baseUrl = generatedConfigMap(objects, 'airflow-config').data.AIRFLOW__API__BASE_URL;
    if (env === 'local') {
      expect(ingress.spec.tls).toBeUndefined();
      expect(ingress.metadata.annotations?.['cert-manager.io/cluster-issuer']).toBeUndefined();
      expect(baseUrl).toBe(`http://${values.host}`);
    } else {
      expect(ingress.spec.tls).toEqual([{ hosts: [values.host], secretName: values.tlsSecret }]);
      expect(ingress.metadata.annotations?.['cert-manager.io/cluster-issuer']).toBe(values.clusterIssuer);
      expect(baseUrl).toBe(`https://${values.host}`);
    }
  });

  it('runs the replicas its kustomization asks for, one where it says nothing', async () => {
    const objects = await renderOverlay(env);
    const kustomization = parse(await readFile(join(overlayDir(env), 'kustomization.yaml'), 'utf8')) as { replicas?: { name: string; count: number }[] };
    const asked = new Map((kustomization.replicas ?? []).map((r) => [r.name, r.count]));
    // A workload KEDA scales (components/worker-autoscaling) has no replica count of its own.
    const autoscaled = new Set(objects.filter((o) => o.kind === 'ScaledObject').map((o) => (o.spec as { scaleTargetRef: { name: string } }).scaleTargetRef.name));
    for (const w of workloads(objects).filter((x) => x.kind !== 'Job')) {
      if (autoscaled.has(w.metadata.name)) {
        expect(w.spec.replicas, w.metadata.name).toBeUndefined();
        expect(asked.has(w.metadata.name), `${w.metadata.name} in replicas:`).toBe(false);
      } else {
        expect(w.spec.replicas, w.metadata.name).toBe(asked.get(w.metadata.name) ?? 1);
      }
    }
    if (env === 'prod') expect([...autoscaled]).toEqual(['airflow-worker']);
    if (env === 'local' || env === 'dev') expect(asked.size).toBe(0);
    if (env === 'prod') expect(Math.min(...asked.values())).toBeGreaterThanOrEqual(2);
  });

  it('opens only the flows Airflow needs', async () => {
    const objects = await renderOverlay(env);
    const policies = objects.filter((o): o is NetworkPolicy => o.kind === 'NetworkPolicy');
    const deny = find<NetworkPolicy>(objects, 'NetworkPolicy', 'airflow-default-deny-ingress');
    expect(deny.spec.podSelector.matchLabels).toEqual({ 'app.kubernetes.io/part-of': 'airflow' });
    expect(deny.spec.ingress).toBeUndefined();
    // Every pod is covered by the default deny.
    for (const w of workloads(objects)) expect(w.spec.template.metadata.labels['app.kubernetes.io/part-of']).toBe('airflow');
    const allowed = (name: string) => {
      const rules = find<NetworkPolicy>(objects, 'NetworkPolicy', name).spec.ingress ?? [];
      return rules.map((r) => ({
        ports: r.ports.map((p) => p.port),
        from: (r.from ?? []).flatMap((f) => f.podSelector?.matchLabels?.['app.kubernetes.io/component'] ?? f.podSelector?.matchExpressions?.find((e) => e.key === 'app.kubernetes.io/component')?.values ?? []),
      }));
    };
    expect(allowed('airflow-api-server')).toEqual([{ ports: [8080], from: [] }]);
    expect(allowed('airflow-worker')).toEqual([{ ports: [8793], from: ['api-server'] }]);
    expect(allowed('airflow-triggerer')).toEqual([{ ports: [8794], from: ['api-server'] }]);
    expect(allowed('airflow-redis')).toEqual([{ ports: [6379], from: ['scheduler', 'worker'] }]);
    // prod adds PgBouncer (which alone then needs the database), KEDA's
    // operator (which counts tasks in it) and the statsd exporter.
    const airflowComponents = ['api-server', 'scheduler', 'dag-processor', 'triggerer', 'worker', 'migrate-db'];
    const extra = env === 'prod' ? [{ ports: [5432], from: ['database-pooler'] }, { ports: [5432], from: [] }] : [];
    expect(allowed('airflow-postgresql')).toEqual([{ ports: [5432], from: airflowComponents }, ...extra]);
    if (env === 'prod') {
      expect(allowed('airflow-pgbouncer')).toEqual([{ ports: [6432], from: airflowComponents }]);
      expect(allowed('airflow-statsd')).toEqual([{ ports: [9125], from: [] }, { ports: [9102], from: [] }]);
    }
    for (const name of ['airflow-redis', 'airflow-postgresql']) {
      expect(find<NetworkPolicy>(objects, 'NetworkPolicy', name).spec.policyTypes).toEqual(['Ingress', 'Egress']);
    }
    expect(policies).toHaveLength(env === 'prod' ? 8 : 6);
  });
});

describe.each(['dev', 'staging', 'prod'] as const)('Gateway API instead of an Ingress in %s', (env) => {
  it('puts the host, TLS Secret and issuer on a Gateway and routes to the api-server', async () => {
    const values = await environmentValues(env);
    const dir = await variant(env, { kustomization: (t) => swapComponent(t, 'ingress-tls', 'gateway-api') });
    const objects = await build(dir);
    expect(objects.filter((o) => o.kind === 'Ingress')).toEqual([]);
    const gateway = find<K8sObject & { spec: { gatewayClassName: string; listeners: { name: string; hostname: string; protocol: string; tls?: { certificateRefs: { name: string }[] } }[] } }>(objects, 'Gateway', 'airflow');
    expect(gateway.metadata.annotations?.['cert-manager.io/cluster-issuer']).toBe(values.clusterIssuer);
    expect(gateway.spec.gatewayClassName).toBe(values.gatewayClass);
    expect(gateway.spec.listeners.map((l) => [l.name, l.protocol, l.hostname])).toEqual([
      ['http', 'HTTP', values.host],
      ['https', 'HTTPS', values.host],
    ]);
    expect(gateway.spec.listeners[1]?.tls?.certificateRefs.map((r) => r.name)).toEqual([values.tlsSecret]);
    const route = find<K8sObject & { spec: { hostnames: string[]; parentRefs: { name: string; sectionName: string }[]; rules: { backendRefs: { name: string; port: number }[] }[] } }>(objects, 'HTTPRoute', 'airflow');
    expect(route.metadata.annotations?.['cert-manager.io/cluster-issuer']).toBeUndefined();
    expect(route.spec.hostnames).toEqual([values.host]);
    expect(route.spec.parentRefs).toEqual([{ name: 'airflow', sectionName: 'https' }]);
    expect(route.spec.rules[0]?.backendRefs).toEqual([{ name: 'airflow-api-server', port: 8080 }]);
    expect(find(objects, 'HTTPRoute', 'airflow-http-redirect').metadata.namespace).toBe(`airflow-${env}`);
    expect(generatedConfigMap(objects, 'airflow-config').data.AIRFLOW__API__BASE_URL).toBe(`https://${values.host}`);
  });
});

describe('an external database', () => {
  it('removes the in-cluster PostgreSQL and points Airflow at the overlay database', async () => {
    const dir = await variant('prod', {
      kustomization: (t) => addComponent(t, 'external-database').replace('  - path: postgresql-resources.yaml\n', ''),
      environment: { databaseHost: 'airflow.db.example.internal', databasePort: '6432', databaseName: 'airflow_prod', databaseUser: 'airflow_prod', databaseSslmode: 'verify-full' },
    });
    const objects = await build(dir);
    expect(objects.filter((o) => o.metadata.name === 'airflow-postgresql')).toEqual([]);
    const data = generatedConfigMap(objects, 'airflow-config').data;
    expect([data.AIRFLOW_DATABASE_HOST, data.AIRFLOW_DATABASE_PORT, data.AIRFLOW_DATABASE_NAME, data.AIRFLOW_DATABASE_USER, data.AIRFLOW_DATABASE_SSLMODE]).toEqual([
      'airflow.db.example.internal',
      '6432',
      'airflow_prod',
      'airflow_prod',
      'verify-full',
    ]);
    // prod reaches the database through PgBouncer, which reads the server from airflow-config.
    expect(data.AIRFLOW__DATABASE__SQL_ALCHEMY_CONN).toContain('@airflow-pgbouncer:6432/airflow?');
    const pgbouncer = workload(objects, 'Deployment', 'airflow-pgbouncer').spec.template.spec;
    const init = container(pgbouncer, 'pgbouncer-config');
    expect(init.envFrom?.map((f) => f.configMapRef?.name)).toEqual([generatedConfigMap(objects, 'airflow-config').name]);
    expect(init.args?.join('\n')).toContain('host=$AIRFLOW_DATABASE_HOST port=$AIRFLOW_DATABASE_PORT dbname=$AIRFLOW_DATABASE_NAME user=$AIRFLOW_DATABASE_USER');
  });

  it('fails the build, naming the key, when environment.yaml lacks the database host', async () => {
    const dir = await variant('prod', { kustomization: (t) => addComponent(t, 'external-database') });
    await expect(build(dir)).rejects.toThrow(/data\.databaseHost/);
  });
});

describe('cluster-level issuers', () => {
  interface Issuer extends K8sObject {
    spec: { acme: { server: string; privateKeySecretRef: { name: string }; solvers: { http01: { ingress?: { ingressClassName: string }; gatewayHTTPRoute?: { parentRefs: { name: string; sectionName: string }[] } } }[] } };
  }

  it('are Let\'s Encrypt staging and production, answering HTTP-01 through the ingress class', async () => {
    const issuers = (await build(join(repoRoot, 'cluster'))) as Issuer[];
    expect(issuers.map((i) => [i.kind, i.metadata.name, i.spec.acme.server]).sort()).toEqual([
      ['ClusterIssuer', 'letsencrypt-prod', 'https://acme-v02.api.letsencrypt.org/directory'],
      ['ClusterIssuer', 'letsencrypt-staging', 'https://acme-staging-v02.api.letsencrypt.org/directory'],
    ]);
    for (const i of issuers) expect(i.spec.acme.solvers).toEqual([{ http01: { ingress: { ingressClassName: 'nginx' } } }]);
    // Every issuer an overlay names exists here.
    for (const env of environments) {
      const issuer = (await environmentValues(env)).clusterIssuer;
      if (issuer !== undefined) expect(issuers.map((i) => i.metadata.name)).toContain(issuer);
    }
  });

  it('answer through the `airflow` Gateway with the gateway-http01 component', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'template-issuers-'));
    const cluster = relative(dir, join(repoRoot, 'cluster'));
    await writeFile(join(dir, 'kustomization.yaml'), `resources:\n  - ${cluster}\ncomponents:\n  - ${cluster}/components/gateway-http01\n`);
    const issuers = (await build(dir)) as Issuer[];
    expect(issuers).toHaveLength(2);
    for (const i of issuers) {
      expect(i.spec.acme.solvers).toEqual([{ http01: { gatewayHTTPRoute: { parentRefs: [{ group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'airflow', sectionName: 'http' }] } } }]);
    }
  });
});

describe('variants', () => {
  const cases: [string, string, Parameters<typeof variant>[1]][] = [
    ['gateway-api', 'prod', { kustomization: (t) => swapComponent(t, 'ingress-tls', 'gateway-api') }],
    ['git-sync-https-token', 'dev', { kustomization: (t) => swapComponent(t, 'git-sync-ssh', 'git-sync-https-token') }],
    [
      'external-database',
      'staging',
      {
        kustomization: (t) => addComponent(t, 'external-database'),
        environment: { databaseHost: 'db', databasePort: '5432', databaseName: 'airflow', databaseUser: 'airflow', databaseSslmode: 'require' },
      },
    ],
  ];

  it.each(cases)('render %s the same with the pinned kustomize and kubectl\'s', async (_name, env, changes) => {
    const available = await renderers();
    expect(available, 'both the pinned kustomize and kubectl are needed for this check').toHaveLength(2);
    const dir = await variant(env, changes);
    const [first, second] = await Promise.all(available.map((r) => build(dir, r)));
    expect(second).toEqual(first);
  });
});

