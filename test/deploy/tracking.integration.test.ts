/* eslint-disable @typescript-eslint/no-explicit-any -- live objects are untyped JSON, read as kubectl prints them */
// render on a real kustomize: tracking labels, config hash, revision stamps, redaction.
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { renderOverlay, toYaml } from '../../src/deploy/render.ts';
import { configHash, configHashAnnotation } from '../../src/deploy/tracking.ts';
import { applysetId } from '../../src/deploy/applyset.ts';
import { clusterBin, repoRoot } from '../support/paths.ts';

const env = { ...process.env, PATH: `${clusterBin}:${process.env.PATH}` };
const fixture = join(repoRoot, 'test/fixtures/overlays/basic');

function overlay(extra = ''): string {
  const dir = mkdtempSync(join(tmpdir(), 'render-'));
  writeFileSync(join(dir, 'kustomization.yaml'), `namespace: team-a\nresources:\n  - ${relative(dir, fixture)}\n${extra}`);
  return dir;
}

describe('render', () => {
  it('labels every object for the inventory but leaves pod templates alone', async () => {
    const rendered = await renderOverlay({ overlayDir: overlay(), environment: 'dev', revision: {}, env });
    expect(rendered.inventory).toEqual({ id: applysetId('airflow-gitops-dev', 'team-a'), parentName: 'airflow-gitops-dev', namespace: 'team-a' });
    for (const o of rendered.objects) {
      expect(o.metadata.labels).toMatchObject({ 'app.kubernetes.io/managed-by': 'airflow-gitops', 'airflow-gitops/environment': 'dev', 'applyset.kubernetes.io/part-of': rendered.inventory.id });
      expect(o.metadata.annotations?.[configHashAnnotation]).toBe(configHash(o));
    }
    const web = rendered.objects.find((o) => o.kind === 'Deployment');
    expect((web?.spec as any).template.metadata.labels).toEqual({ app: 'web' });
  });

  it('keeps the config hash when only the commit changes, and changes it with the content', async () => {
    const a = await renderOverlay({ overlayDir: overlay(), environment: 'dev', revision: { commit: 'a'.repeat(40) }, env });
    const b = await renderOverlay({ overlayDir: overlay(), environment: 'dev', revision: { commit: 'b'.repeat(40) }, env });
    const c = await renderOverlay({ overlayDir: overlay('patches:\n  - target: {kind: Deployment}\n    patch: \'[{"op":"replace","path":"/spec/replicas","value":3}]\'\n'), environment: 'dev', revision: {}, env });
    const hash = (r: typeof a, kind: string) => r.objects.find((o) => o.kind === kind)?.metadata.annotations?.[configHashAnnotation];
    expect(hash(a, 'Deployment')).toBe(hash(b, 'Deployment'));
    expect(hash(c, 'Deployment')).not.toBe(hash(a, 'Deployment'));
    expect(hash(c, 'Service')).toBe(hash(a, 'Service'));
  });

  it('writes an artefact with the commit and run URL, and no Secret values', async () => {
    const dir = overlay('secretGenerator:\n  - name: extra\n    literals: [token=s3cr3t-value-in-overlay]\n');
    const rendered = await renderOverlay({ overlayDir: dir, environment: 'dev', revision: {}, env });
    const yaml = toYaml(rendered, { commit: 'c'.repeat(40), runUrl: 'https://github.com/o/r/actions/runs/1' });
    expect(yaml).not.toContain('s3cr3t');
    expect(yaml).not.toContain(Buffer.from('s3cr3t-value-in-overlay').toString('base64'));
    const docs = parseAllDocuments(yaml).map((d) => d.toJS()).filter(Boolean);
    expect(docs).toHaveLength(rendered.objects.length);
    const secret = docs.find((d) => d.kind === 'Secret');
    expect(secret.data).toEqual({ token: '(redacted)' });
    expect(docs[0].metadata.annotations).toMatchObject({ 'airflow-gitops/commit': 'c'.repeat(40), 'airflow-gitops/run-url': 'https://github.com/o/r/actions/runs/1' });
  });

  it("fails with kustomize's message and the overlay path", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'render-bad-'));
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'kustomization.yaml'), 'resources:\n  - missing.yaml\n');
    await expect(renderOverlay({ overlayDir: dir, environment: 'dev', revision: {}, env })).rejects.toThrow(new RegExp(`kustomize could not render ${dir}:\\n.*missing.yaml`));
  });

  it('says when the folder has no kustomization', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'render-empty-'));
    await expect(renderOverlay({ overlayDir: dir, environment: 'dev', revision: {}, env })).rejects.toThrow(`${dir}: no kustomization.yaml in this overlay directory`);
  });
});
