/**
 * The kubeconfig input holds the file's content (a secret), while the engine
 * reads a path: write it to a private file for the run and remove it after.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type KubeconfigFile = { path: string; remove: () => void };

export function writeKubeconfig(content: string, tempDir: string): KubeconfigFile {
  const dir = mkdtempSync(join(tempDir, 'airflow-gitops-kube-'));
  const path = join(dir, 'kubeconfig');
  writeFileSync(path, content.endsWith('\n') ? content : `${content}\n`, { mode: 0o600 });
  return { path, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
