// Every overlay, and each optional variant, is accepted object by object by a
// real API server (with the real cert-manager, Gateway API, KEDA, External
// Secrets and Prometheus Operator CRDs).
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testNamespace } from '../support/cluster.ts';
import { addComponent, build, environments, repoRoot, swapComponent, type K8sObject, type VariantChanges } from '../support/template/render.ts';
import { apply, renderInto } from '../support/template/apply.ts';
import { componentVariants, missingComponents, variantChanges } from '../support/template/variants.ts';

function expectEveryObjectAccepted(objects: K8sObject[], result: { exitCode: number; stdout: string; stderr: string }): void {
  expect(result.exitCode, result.stderr).toBe(0);
  const lines = result.stdout.split('\n').filter((l) => l.includes('(server dry run)'));
  expect(lines).toHaveLength(objects.length);
  for (const o of objects) {
    expect(lines.some((l) => l.includes(`/${o.metadata.name} `)), `${o.kind}/${o.metadata.name}`).toBe(true);
  }
}

const variants: [string, string, VariantChanges][] = [
  ['prod with the Gateway API', 'prod', { kustomization: (t) => swapComponent(t, 'ingress-tls', 'gateway-api') }],
  ['dev with git-sync over HTTPS', 'dev', { kustomization: (t) => swapComponent(t, 'git-sync-ssh', 'git-sync-https-token') }],
  [
    'staging with PgBouncer in front of an external database',
    'staging',
    {
      kustomization: (t) => addComponent(addComponent(t, 'external-database'), 'pgbouncer'),
      environment: { databaseHost: 'db.example.internal', databasePort: '5432', databaseName: 'airflow', databaseUser: 'airflow', databaseSslmode: 'require' },
    },
  ],
  [
    'staging with an external database',
    'staging',
    {
      kustomization: (t) => addComponent(t, 'external-database'),
      environment: { databaseHost: 'db.example.internal', databasePort: '5432', databaseName: 'airflow', databaseUser: 'airflow', databaseSslmode: 'require' },
    },
  ],
];

describe('server-side dry run', () => {
  it.each(environments)('accepts every object of overlay %s', async (env) => {
    const namespace = await testNamespace(`tpl-dry-${env}`);
    const objects = await renderInto(env, namespace);
    expectEveryObjectAccepted(objects, await apply(objects, { dryRun: true }));
  });

  it.each(variants)('accepts every object of %s', async (_title, env, changes) => {
    const namespace = await testNamespace(`tpl-dry-${env}`);
    const objects = await renderInto(env, namespace, changes);
    expect(objects.some((o) => o.kind === 'Gateway' || o.kind === 'Ingress')).toBe(true);
    expectEveryObjectAccepted(objects, await apply(objects, { dryRun: true }));
  });

  it.each(componentVariants.map((v) => [v.title, v] as const))('accepts every object of %s', async (_title, v) => {
    const namespace = await testNamespace(`tpl-dry-${v.env}`);
    const changes = variantChanges(v, namespace);
    const objects = await renderInto(v.env, namespace, changes);
    expect(missingComponents(v, objects)).toEqual([]);
    expectEveryObjectAccepted(objects, await apply(objects, { dryRun: true }));
  });

  it.each([
    ['ingress', []],
    ['gateway', ['components/gateway-http01']],
  ] as const)('accepts the cluster issuers (%s HTTP-01)', async (_solver, components) => {
    const dir = await mkdtemp(join(tmpdir(), 'template-issuers-'));
    const cluster = relative(dir, join(repoRoot, 'cluster'));
    const list = components.map((c) => `  - ${cluster}/${c}\n`).join('');
    await writeFile(join(dir, 'kustomization.yaml'), `resources:\n  - ${cluster}\n${list ? `components:\n${list}` : ''}`);
    const objects = await build(dir);
    expect(objects.map((o) => o.kind)).toEqual(['ClusterIssuer', 'ClusterIssuer']);
    expectEveryObjectAccepted(objects, await apply(objects, { dryRun: true }));
  });
});
