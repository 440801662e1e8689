// Every pod the template renders: Pod Security "restricted", requests and
// limits everywhere, probes on every long-running container, and the
// Airflow 3 wiring (one image, one config, the same secrets everywhere).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { allContainers, container, find, generatedConfigMap, workload, workloads, type Container, type PodSpec, type Workload } from '../support/template/model.ts';
import { environments, renderOverlay, repoRoot, type K8sObject } from '../support/template/render.ts';
import { componentVariants, renderVariant } from '../support/template/variants.ts';

/** Every overlay as committed, and every overlay with each optional component. */
const renders: [string, () => Promise<K8sObject[]>][] = [
  ...environments.map((env): [string, () => Promise<K8sObject[]>] => [`overlay ${env}`, () => renderOverlay(env)]),
  ...componentVariants.map((v): [string, () => Promise<K8sObject[]>] => [v.title, () => renderVariant(v)]),
];

const baseWorkloads = ['airflow-api-server', 'airflow-dag-processor', 'airflow-migrate-db', 'airflow-postgresql', 'airflow-redis', 'airflow-scheduler', 'airflow-triggerer', 'airflow-worker'];

/** The workloads a render should have: the base's, plus those of the components whose configuration it renders. */
function expectedWorkloads(objects: K8sObject[]): string[] {
  const has = (prefix: string) => objects.some((o) => o.kind === 'ConfigMap' && o.metadata.name.startsWith(prefix));
  return [...baseWorkloads, ...(has('airflow-pgbouncer-config-') ? ['airflow-pgbouncer'] : []), ...(has('airflow-statsd-mappings-') ? ['airflow-statsd'] : [])].sort();
}

const withPgBouncer = (objects: K8sObject[]) => objects.some((o) => o.kind === 'Deployment' && o.metadata.name === 'airflow-pgbouncer');

const restrictedVolumeTypes = new Set(['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'persistentVolumeClaim', 'projected', 'secret']);

/** The checks of Pod Security Standards "restricted" (v1.35) that apply to a pod spec; returns the violations. */
function restrictedViolations(spec: PodSpec): string[] {
  const problems: string[] = [];
  const pod = spec.securityContext ?? {};
  if (spec.hostNetwork || spec.hostPID || spec.hostIPC) problems.push('host namespaces');
  if (pod.sysctls && pod.sysctls.length > 0) problems.push('sysctls');
  for (const v of spec.volumes ?? []) {
    const types = Object.keys(v).filter((k) => k !== 'name');
    for (const t of types) if (!restrictedVolumeTypes.has(t)) problems.push(`volume ${v.name}: ${t}`);
  }
  for (const c of allContainers(spec)) {
    const sc = c.securityContext ?? {};
    const runAsNonRoot = sc.runAsNonRoot ?? pod.runAsNonRoot;
    const runAsUser = sc.runAsUser ?? pod.runAsUser;
    const seccomp = sc.seccompProfile?.type ?? pod.seccompProfile?.type;
    if (runAsNonRoot !== true) problems.push(`${c.name}: runAsNonRoot`);
    if (runAsUser === 0) problems.push(`${c.name}: runAsUser 0`);
    if (sc.privileged) problems.push(`${c.name}: privileged`);
    if (sc.allowPrivilegeEscalation !== false) problems.push(`${c.name}: allowPrivilegeEscalation`);
    if (!sc.capabilities?.drop?.includes('ALL')) problems.push(`${c.name}: capabilities not dropped`);
    for (const add of sc.capabilities?.add ?? []) if (add !== 'NET_BIND_SERVICE') problems.push(`${c.name}: adds ${add}`);
    if (seccomp !== 'RuntimeDefault' && seccomp !== 'Localhost') problems.push(`${c.name}: seccomp`);
    if (sc.procMount && sc.procMount !== 'Default') problems.push(`${c.name}: procMount`);
    for (const p of c.ports ?? []) if (p.hostPort) problems.push(`${c.name}: hostPort`);
  }
  return problems;
}

function longRunning(spec: PodSpec): Container[] {
  return [...spec.containers, ...(spec.initContainers ?? []).filter((c) => c.restartPolicy === 'Always')];
}

function airflowWorkloads(objects: K8sObject[]): Workload[] {
  return workloads(objects).filter((w) => w.metadata.labels?.['app.kubernetes.io/name'] === 'airflow');
}

describe('the restricted check itself', () => {
  it('finds what restricted forbids', () => {
    const bad: PodSpec = {
      hostNetwork: true,
      containers: [{ name: 'x', image: 'x', securityContext: { runAsUser: 0, allowPrivilegeEscalation: true, capabilities: { add: ['SYS_ADMIN'] } } }],
      volumes: [{ name: 'h', hostPath: { path: '/' } }],
    };
    expect(restrictedViolations(bad)).toEqual(
      expect.arrayContaining(['host namespaces', 'volume h: hostPath', 'x: runAsNonRoot', 'x: runAsUser 0', 'x: allowPrivilegeEscalation', 'x: capabilities not dropped', 'x: adds SYS_ADMIN', 'x: seccomp']),
    );
  });
});

describe.each(renders)('pods of %s', (_title, render) => {
  it('pass Pod Security "restricted"', async () => {
    const objects = await render();
    const all = workloads(objects);
    expect(all.map((w) => w.metadata.name).sort()).toEqual(expectedWorkloads(objects));
    for (const w of all) expect(restrictedViolations(w.spec.template.spec), `${w.kind}/${w.metadata.name}`).toEqual([]);
  });

  it('give every container, init containers and sidecars included, CPU and memory requests and limits', async () => {
    for (const w of workloads(await render())) {
      for (const c of allContainers(w.spec.template.spec)) {
        const where = `${w.metadata.name}/${c.name}`;
        for (const kind of ['requests', 'limits'] as const) {
          expect(c.resources?.[kind]?.cpu, `${where} ${kind}.cpu`).toBeTruthy();
          expect(c.resources?.[kind]?.memory, `${where} ${kind}.memory`).toBeTruthy();
        }
      }
    }
  });

  it('give every long-running container a liveness probe, and every main container and git-sync a readiness probe', async () => {
    for (const w of workloads(await render())) {
      if (w.kind === 'Job') continue;
      const spec = w.spec.template.spec;
      for (const c of longRunning(spec)) expect(c.livenessProbe, `${w.metadata.name}/${c.name}`).toBeDefined();
      for (const c of [...spec.containers, ...(spec.initContainers ?? []).filter((x) => x.name === 'git-sync')]) {
        expect(c.readinessProbe, `${w.metadata.name}/${c.name}`).toBeDefined();
      }
    }
  });

  it('check real health: heartbeats for scheduler, triggerer and dag-processor, a broker ping for workers, the API for the api-server', async () => {
    const objects = await render();
    const main = (kind: string, name: string) => container(workload(objects, kind, name).spec.template.spec, 'airflow');
    const scheduler = main('Deployment', 'airflow-scheduler');
    expect(scheduler.livenessProbe?.httpGet?.path).toBe('/health');
    expect(generatedConfigMap(objects, 'airflow-config').data.AIRFLOW__SCHEDULER__ENABLE_HEALTH_CHECK).toBe('True');
    expect(main('StatefulSet', 'airflow-triggerer').livenessProbe?.exec?.command.join(' ')).toBe('airflow jobs check --job-type TriggererJob --local');
    expect(main('Deployment', 'airflow-dag-processor').livenessProbe?.exec?.command.join(' ')).toBe('airflow jobs check --job-type DagProcessorJob --local');
    expect(main('StatefulSet', 'airflow-worker').livenessProbe?.exec?.command.join(' ')).toMatch(/celery .* inspect ping .*celery@\$\(hostname\)/);
    expect(main('Deployment', 'airflow-api-server').readinessProbe?.httpGet?.path).toBe('/api/v2/monitor/health');
  });

  it('run one Airflow image, the version pinned in base/kustomization.yaml, with pinned images elsewhere', async () => {
    const base = parse(await readFile(join(repoRoot, 'base', 'kustomization.yaml'), 'utf8')) as { images: { name: string; newTag: string }[] };
    const tag = base.images.find((i) => i.name === 'apache/airflow')?.newTag;
    expect(tag).toBe('3.3.2');
    for (const w of workloads(await render())) {
      for (const c of allContainers(w.spec.template.spec)) {
        expect(c.image, `${w.metadata.name}/${c.name}`).toMatch(/^[^:]+:[^:]+$/);
        expect(c.image).not.toMatch(/:latest$/);
        if (c.image.startsWith('apache/airflow')) expect(c.image).toBe(`apache/airflow:${tag}`);
      }
    }
  });

  it('wire Airflow 3 the same way in every Airflow container', async () => {
    const objects = await render();
    const config = generatedConfigMap(objects, 'airflow-config');
    expect(config.data.AIRFLOW__CORE__LOAD_EXAMPLES).toBe('False');
    expect(config.data.AIRFLOW__CORE__EXECUTOR).toBe('CeleryExecutor');
    expect(Number(config.data.AIRFLOW__DAG_PROCESSOR__REFRESH_INTERVAL)).toBeLessThan(300);
    // The Task Execution API is the api-server's Service, inside the cluster.
    const url = new URL(config.data.AIRFLOW__CORE__EXECUTION_API_SERVER_URL ?? '');
    const service = find<K8sObject & { spec: { ports: { name: string; port: number }[] } }>(objects, 'Service', url.hostname);
    expect(service.metadata.labels?.['app.kubernetes.io/component']).toBe('api-server');
    expect(service.spec.ports.find((p) => p.name === 'airflow-ui')?.port).toBe(Number(url.port));
    expect(url.pathname).toBe('/execution/');
    // With PgBouncer, Airflow holds PgBouncer's password instead of the database's.
    const database = withPgBouncer(objects)
      ? { AIRFLOW_PGBOUNCER_PASSWORD: { name: 'airflow-pgbouncer', key: 'password' } }
      : { AIRFLOW_POSTGRES_PASSWORD: { name: 'airflow-postgresql', key: 'password' } };
    const expectedSecrets = {
      AIRFLOW__CORE__FERNET_KEY: { name: 'airflow-secrets', key: 'fernet-key' },
      AIRFLOW__API_AUTH__JWT_SECRET: { name: 'airflow-secrets', key: 'jwt-secret' },
      AIRFLOW__API__SECRET_KEY: { name: 'airflow-secrets', key: 'api-secret-key' },
      ...database,
      AIRFLOW_REDIS_PASSWORD: { name: 'airflow-redis', key: 'password' },
    };
    const all = airflowWorkloads(objects);
    expect(all.map((w) => w.metadata.labels?.['app.kubernetes.io/component']).sort()).toEqual(
      ['api-server', 'dag-processor', 'migrate-db', 'scheduler', 'triggerer', 'worker'],
    );
    for (const w of all) {
      const c = container(w.spec.template.spec, 'airflow');
      expect(c.envFrom?.map((f) => f.configMapRef?.name), w.metadata.name).toEqual([config.name]);
      for (const [name, ref] of Object.entries(expectedSecrets)) {
        expect(c.env?.find((e) => e.name === name)?.valueFrom?.secretKeyRef, `${w.metadata.name} ${name}`).toEqual(ref);
      }
      const secretsRead = allContainers(w.spec.template.spec).flatMap((x) => (x.env ?? []).map((e) => e.valueFrom?.secretKeyRef?.name));
      if (withPgBouncer(objects)) expect(secretsRead, w.metadata.name).not.toContain('airflow-postgresql');
    }
  });

  it('hold every long-running Airflow component until the schema is migrated', async () => {
    const objects = await render();
    const job = workload(objects, 'Job', 'airflow-migrate-db');
    expect(container(job.spec.template.spec, 'airflow').args).toEqual(['db', 'migrate']);
    for (const w of airflowWorkloads(objects).filter((x) => x.kind !== 'Job')) {
      const wait = container(w.spec.template.spec, 'wait-for-migrations');
      expect(wait.restartPolicy, w.metadata.name).toBeUndefined();
      expect(wait.args?.slice(0, 2), w.metadata.name).toEqual(['db', 'check-migrations']);
    }
  });

  it('mount no service account token and have no RBAC', async () => {
    const objects = await render();
    expect(objects.filter((o) => /Role/.test(o.kind))).toEqual([]);
    for (const w of workloads(objects)) {
      expect(w.spec.template.spec.automountServiceAccountToken, w.metadata.name).toBe(false);
      const sa = find<K8sObject & { automountServiceAccountToken?: boolean }>(objects, 'ServiceAccount', w.spec.template.spec.serviceAccountName ?? '');
      expect(sa.automountServiceAccountToken).toBe(false);
    }
  });
});
