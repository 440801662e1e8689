// Every overlay renders, the same way with every kustomize at hand, uses no
// deprecated Kustomize fields, and produces well-formed, labelled objects
// without a single secret value.
import { execa } from 'execa';
import { cp, mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { generatedConfigMap, workloads } from '../support/template/model.ts';
import { componentVariants, missingComponents, renderVariant } from '../support/template/variants.ts';
import {
  build,
  environments,
  environmentValues,
  overlayDir,
  parseObjects,
  renderers,
  renderOverlay,
  repoRoot,
  variant,
  buildRaw,
  type K8sObject,
} from '../support/template/render.ts';

const clusterScoped = new Set(['Namespace', 'ClusterIssuer', 'ClusterRole', 'ClusterRoleBinding', 'StorageClass']);
const deprecatedFields = ['bases', 'patchesStrategicMerge', 'patchesJson6902', 'commonLabels', 'vars', 'imageTags'];

async function kustomizationFiles(): Promise<string[]> {
  const roots = ['base', 'components', 'overlays', 'cluster'];
  const found: string[] = [];
  for (const root of roots) {
    const entries = await readdir(join(repoRoot, root), { recursive: true });
    for (const entry of entries) if (entry.endsWith('kustomization.yaml')) found.push(join(root, entry));
  }
  return found;
}

function expectLabelled(objects: K8sObject[]): void {
  for (const o of objects) {
    const labels = o.metadata.labels ?? {};
    expect(labels['app.kubernetes.io/part-of'], `${o.kind}/${o.metadata.name}`).toBe('airflow');
    expect(labels['app.kubernetes.io/managed-by'], `${o.kind}/${o.metadata.name}`).toBeUndefined();
    if (o.kind === 'Namespace' || o.kind === 'ConfigMap') continue;
    expect(labels['app.kubernetes.io/name'], `${o.kind}/${o.metadata.name}`).toBeTruthy();
    // The namespace-wide default-deny policy belongs to no single component.
    if (o.metadata.name === 'airflow-default-deny-ingress') continue;
    expect(labels['app.kubernetes.io/component'], `${o.kind}/${o.metadata.name}`).toBeTruthy();
  }
  for (const w of workloads(objects)) {
    const podLabels = w.spec.template.metadata.labels;
    expect(podLabels['app.kubernetes.io/part-of'], w.metadata.name).toBe('airflow');
    expect(podLabels['app.kubernetes.io/component'], w.metadata.name).toBe(w.metadata.labels?.['app.kubernetes.io/component']);
  }
}

function expectNoSecretValues(objects: K8sObject[]): void {
  expect(objects.filter((o) => o.kind === 'Secret')).toEqual([]);
  for (const o of objects) {
    expect(o.metadata.annotations?.['config.kubernetes.io/local-config'], `${o.kind}/${o.metadata.name}`).toBeUndefined();
  }
  // Configuration carries references and file paths only: no key material, no
  // password inside a connection URL, no password field in a connection.
  for (const o of objects.filter((x) => x.kind === 'ConfigMap')) {
    for (const [key, value] of Object.entries((o as K8sObject & { data?: Record<string, string> }).data ?? {})) {
      expect(value, `${o.metadata.name} ${key}`).not.toMatch(/PRIVATE KEY|"(password|private_key|token)"\s*:/);
      expect(value, `${o.metadata.name} ${key}`).not.toMatch(/:\/\/[^/@\s]*:(?!\$\{)[^@/\s]+@/);
    }
  }
  // Every secret reaches a container by reference; no env var carries a literal that looks like one.
  for (const w of workloads(objects)) {
    for (const c of [...(w.spec.template.spec.initContainers ?? []), ...w.spec.template.spec.containers]) {
      for (const e of c.env ?? []) {
        if (/PASSWORD$|SECRET|FERNET|TOKEN|_KEY$/.test(e.name) && !e.name.endsWith('_FILE')) {
          expect(e.valueFrom?.secretKeyRef, `${w.metadata.name}/${c.name} ${e.name}`).toBeDefined();
        }
      }
    }
  }
}

function expectKnownConfigMaps(objects: K8sObject[]): void {
  const configMaps = new Set(objects.filter((o) => o.kind === 'ConfigMap').map((o) => o.metadata.name));
  const referenced: string[] = [];
  for (const w of workloads(objects)) {
    const spec = w.spec.template.spec;
    for (const c of [...(spec.initContainers ?? []), ...spec.containers]) {
      for (const from of c.envFrom ?? []) if (from.configMapRef) referenced.push(from.configMapRef.name);
    }
    for (const v of spec.volumes ?? []) if (v.configMap) referenced.push(v.configMap.name);
  }
  expect(referenced.length).toBeGreaterThan(5);
  for (const name of referenced) expect(configMaps.has(name), name).toBe(true);
  expect(generatedConfigMap(objects, 'airflow-config').name).toMatch(/^airflow-config-/);
}

describe.each(environments)('overlay %s', (env) => {
  it('renders with kustomize', async () => {
    const objects = await renderOverlay(env);
    expect(objects.length).toBeGreaterThan(30);
    expect(objects.map((o) => o.kind)).toEqual(expect.arrayContaining(['Namespace', 'Deployment', 'StatefulSet', 'Job', 'Service']));
  });

  it('renders the same with every kustomize on the machine (the pinned one and kubectl\'s)', async () => {
    const available = await renderers();
    expect(available.map((r) => r.name), 'both the pinned kustomize and kubectl are needed for this check').toHaveLength(2);
    const outputs = await Promise.all(available.map((r) => build(overlayDir(env), r)));
    const [first, ...rest] = outputs;
    for (const other of rest) expect(other).toEqual(first);
  });

  it('puts every namespaced object in the overlay namespace and renames the Namespace to it', async () => {
    const objects = await renderOverlay(env);
    const text = await readFile(join(overlayDir(env), 'kustomization.yaml'), 'utf8');
    const namespace = (parse(text) as { namespace: string }).namespace;
    expect(namespace).toBe(`airflow-${env}`);
    for (const o of objects) {
      if (clusterScoped.has(o.kind)) continue;
      expect(o.metadata.namespace, `${o.kind}/${o.metadata.name}`).toBe(namespace);
    }
    const ns = objects.filter((o) => o.kind === 'Namespace');
    expect(ns.map((o) => o.metadata.name)).toEqual([namespace]);
    expect(ns[0]?.metadata.labels?.['pod-security.kubernetes.io/enforce']).toBe('restricted');
  });

  it('labels every object with app.kubernetes.io/* and leaves managed-by to the deploy command', async () => {
    expectLabelled(await renderOverlay(env));
  });

  it('contains no Secret and no secret value, and no build-local object', async () => {
    expectNoSecretValues(await renderOverlay(env));
  });

  it('refers only to ConfigMaps it renders (generated names with their hash)', async () => {
    expectKnownConfigMaps(await renderOverlay(env));
  });

  it('uses no deprecated Kustomize field, and `kustomize edit fix` leaves it unchanged', async () => {
    const text = await readFile(join(overlayDir(env), 'kustomization.yaml'), 'utf8');
    const fields = Object.keys(parse(text) as Record<string, unknown>);
    for (const field of deprecatedFields) expect(fields).not.toContain(field);
    const pinned = (await renderers()).find((r) => r.name.startsWith('kustomize'));
    expect(pinned, 'the pinned kustomize (npm run cluster:build) is needed for edit fix').toBeDefined();
    const copy = await variant(env, {});
    const before = await readFile(join(copy, 'kustomization.yaml'), 'utf8');
    const fixed = await execa(pinned?.command ?? 'kustomize', ['edit', 'fix'], { cwd: copy, reject: false });
    expect(fixed.exitCode, fixed.stderr).toBe(0);
    const after = await readFile(join(copy, 'kustomization.yaml'), 'utf8');
    expect(parse(after)).toEqual(parse(before));
  });

  it('holds every value the components read in environment.yaml, and nothing secret', async () => {
    const values = await environmentValues(env);
    for (const key of ['dagRepo', 'dagSubdir', 'host', 'ingressClass', 'storageClass', 'postgresqlStorage', 'redisStorage', 'workerLogsStorage', 'triggererLogsStorage']) {
      expect(values[key], key).toBeTypeOf('string');
    }
    for (const [key, value] of Object.entries(values)) {
      expect(key).not.toMatch(/password|token|private/i);
      expect(value, key).not.toMatch(/PRIVATE KEY|^ghp_|^github_pat_/);
    }
  });
});

describe.each(componentVariants.map((v) => [v.title, v] as const))('%s', (_title, v) => {
  it('renders the components it names', async () => {
    expect(missingComponents(v, await renderVariant(v))).toEqual([]);
  });

  it('labels every object with app.kubernetes.io/* and leaves managed-by to the deploy command', async () => {
    expectLabelled(await renderVariant(v));
  });

  it('contains no Secret and no secret value (ExternalSecrets name store entries only), and no build-local object', async () => {
    const objects = await renderVariant(v);
    expectNoSecretValues(objects);
    for (const es of objects.filter((o) => o.kind === 'ExternalSecret')) {
      const spec = es.spec as { data: { secretKey: string; remoteRef: Record<string, string> }[]; target: { template?: unknown } };
      expect(spec.target.template, es.metadata.name).toBeUndefined();
      for (const d of spec.data) expect(Object.keys(d.remoteRef).sort(), `${es.metadata.name} ${d.secretKey}`).toEqual(['key', 'property']);
    }
  });

  it('refers only to ConfigMaps it renders (generated names with their hash)', async () => {
    expectKnownConfigMaps(await renderVariant(v));
  });
});

describe('kustomization files', () => {
  it('use no deprecated field anywhere in the template', async () => {
    const files = await kustomizationFiles();
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const fields = Object.keys(parse(await readFile(join(repoRoot, file), 'utf8')) as Record<string, unknown>);
      for (const field of deprecatedFields) expect(fields, file).not.toContain(field);
    }
  });

  it('are left unchanged by `kustomize edit fix`, every one of them', async () => {
    const pinned = (await renderers()).find((r) => r.name.startsWith('kustomize'));
    expect(pinned, 'the pinned kustomize (npm run cluster:build) is needed for edit fix').toBeDefined();
    const copy = await mkdtemp(join(tmpdir(), 'template-fix-'));
    for (const root of ['base', 'components', 'overlays', 'cluster']) await cp(join(repoRoot, root), join(copy, root), { recursive: true });
    const files = await kustomizationFiles();
    for (const file of files) {
      const dir = join(copy, dirname(file));
      const fixed = await execa(pinned?.command ?? 'kustomize', ['edit', 'fix'], { cwd: dir, reject: false });
      expect(fixed.exitCode, `${file}: ${fixed.stderr}`).toBe(0);
      const after = parse(await readFile(join(copy, file), 'utf8')) as unknown;
      expect(after, file).toEqual(parse(await readFile(join(repoRoot, file), 'utf8')));
    }
  });

  it('make every component a kind: Component', async () => {
    const files = (await kustomizationFiles()).filter((f) => f.includes('components/'));
    expect(files.length).toBeGreaterThanOrEqual(9);
    for (const file of files) {
      expect((parse(await readFile(join(repoRoot, file), 'utf8')) as { kind: string }).kind, file).toBe('Component');
    }
  });

  it('list base resources one kind per file', async () => {
    const base = parse(await readFile(join(repoRoot, 'base', 'kustomization.yaml'), 'utf8')) as { resources: string[] };
    expect(base.resources.length).toBeGreaterThan(25);
    for (const file of base.resources) {
      const docs = parseAllDocuments(await readFile(join(repoRoot, 'base', file), 'utf8')).map((d) => d.toJS() as K8sObject);
      expect(new Set(docs.map((d) => d.kind)).size, file).toBe(1);
    }
  });
});

describe('base on its own', () => {
  it('renders, so it can be reused by other overlays', async () => {
    const result = await buildRaw(join(repoRoot, 'base'));
    expect(result.exitCode, result.stderr).toBe(0);
    expect(parseObjects(result.stdout).filter((o) => o.kind === 'Deployment')).toHaveLength(3);
  });
});
