// A rendered file deployed instead of the overlay: read and parsed as kustomize's output would
// be, and refused when it is a render artefact whose Secrets carry "(redacted)" for their values.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderOverlay } from '../../src/deploy/render.ts';

const folder = mkdtempSync(join(tmpdir(), 'rendered-file-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function renderedFile(name: string, text: string): string {
  const file = join(folder, name);
  writeFileSync(file, text);
  return file;
}

const configMap = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: team\ndata:\n  LOG_LEVEL: info\n';
const options = (file: string) => ({ overlayDir: join(folder, 'no-overlay-here'), renderedFile: file, environment: 'staging', revision: {}, env: process.env });

describe('renderOverlay from a rendered file', () => {
  it('takes the objects from the file, with the tracking metadata, without an overlay', async () => {
    const file = renderedFile('plain.yaml', `# a comment line\n---\n${configMap}`);
    const rendered = await renderOverlay(options(file));
    expect(rendered.objects.map((o) => o.metadata.name)).toEqual(['settings']);
    expect(rendered.inventory.namespace).toBe('team');
    expect(rendered.objects[0]?.metadata.labels?.['airflow-gitops/environment']).toBe('staging');
    expect(rendered.objects[0]?.metadata.annotations?.['airflow-gitops/config-hash']).toMatch(/^[0-9a-f]{32}$/);
  });

  it('refuses a Secret whose values were redacted, naming it and the file', async () => {
    const secret = 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: admin-login\n  namespace: team\nstringData:\n  password: (redacted)\n';
    const file = renderedFile('artefact.yaml', `${configMap}---\n${secret}`);
    await expect(renderOverlay(options(file))).rejects.toThrow(`${file}: Secret team/admin-login carries (redacted) instead of its values`);
  });
});
