// docs/template.md states the interfaces others build on: the ref file and the
// Secrets. These checks keep it in line with what the template renders.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allContainers, workloads } from '../support/template/model.ts';
import { addComponent, build, environments, renderOverlay, repoRoot, swapComponent, variant, type K8sObject } from '../support/template/render.ts';

async function doc(): Promise<string> {
  return readFile(join(repoRoot, 'docs', 'template.md'), 'utf8');
}

function section(text: string, heading: string): string {
  const start = text.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`docs/template.md has no "## ${heading}" section`);
  const end = text.indexOf('\n## ', start + 1);
  return text.slice(start, end < 0 ? undefined : end);
}

/** Every (Secret, key) pair the rendered pods read. */
function secretReferences(objects: K8sObject[]): Set<string> {
  const refs = new Set<string>();
  for (const w of workloads(objects)) {
    const spec = w.spec.template.spec;
    for (const c of allContainers(spec)) {
      for (const e of c.env ?? []) if (e.valueFrom?.secretKeyRef) refs.add(`${e.valueFrom.secretKeyRef.name}/${e.valueFrom.secretKeyRef.key}`);
    }
    for (const v of spec.volumes ?? []) for (const item of v.secret?.items ?? []) refs.add(`${v.secret?.secretName}/${item.key}`);
  }
  return refs;
}

describe('docs/template.md', () => {
  it('opens with the pinned ref file: its path and its one-line format', async () => {
    const text = await doc();
    const first = text.indexOf('\n## ');
    expect(text.slice(first, first + 20)).toContain('## Pinned ref file');
    const ref = section(text, 'Pinned ref file');
    expect(ref).toContain('`overlays/<env>/git-sync-ref.env`');
    expect(ref).toContain('`GITSYNC_REF=<commit>`');
    const example = /\n\s*(GITSYNC_REF=[0-9a-f]{40})\n/.exec(ref)?.[1];
    expect(example).toBeDefined();
    for (const env of environments) {
      expect(await readFile(join(repoRoot, 'overlays', env, 'git-sync-ref.env'), 'utf8')).toMatch(/^GITSYNC_REF=[0-9a-f]{40}\n$/);
    }
  });

  it('lists exactly the Secrets and keys the template reads, in every variant', async () => {
    const table = section(await doc(), 'Secrets');
    const documented = new Set<string>();
    for (const row of table.split('\n').filter((l) => /^\| `airflow-/.test(l))) {
      const cells = row.split('|').map((c) => c.trim());
      const name = /`([^`]+)`/.exec(cells[1] ?? '')?.[1];
      for (const key of (cells[2] ?? '').matchAll(/`([^`]+)`/g)) documented.add(`${name}/${key[1]}`);
    }
    const rendered = new Set<string>();
    const builds = [
      ...environments.map((env) => renderOverlay(env)),
      variant('prod', { kustomization: (t) => swapComponent(t, 'git-sync-ssh', 'git-sync-https-token') }).then(build),
      variant('staging', {
        kustomization: (t) => addComponent(t, 'external-database'),
        environment: { databaseHost: 'db', databasePort: '5432', databaseName: 'airflow', databaseUser: 'airflow', databaseSslmode: 'require' },
      }).then(build),
    ];
    for (const objects of await Promise.all(builds)) for (const ref of secretReferences(objects)) rendered.add(ref);
    expect([...documented].sort()).toEqual([...rendered].sort());
    expect(rendered.size).toBe(10);
  });
});
