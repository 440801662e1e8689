/**
 * .airflow-gitops.json in a team's repository: which engine and version its
 * vendored files (base/, components/, cluster/) come from, and the SHA-256 of
 * each, so `upgrade` can tell a file edited by hand (which it will not
 * overwrite) from one it wrote, and remove the files a new version dropped.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../errors.ts';

export const manifestFile = '.airflow-gitops.json';

export type Manifest = { engine: string; version: string; files: Record<string, string> };

const enginePattern = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;
const versionPattern = /^v\d+(\.\d+){0,2}$/;

export function sha256(content: Buffer | string): string {
  return createHash('sha256').update(content).digest('hex');
}

export function checkEngineName(value: string, source: string): string {
  if (!enginePattern.test(value)) throw new UsageError(`${source} ${JSON.stringify(value)} is not a repository like owner/airflow-gitops`);
  return value;
}

export function checkVersion(value: string, source: string): string {
  if (!versionPattern.test(value)) throw new UsageError(`${source} ${JSON.stringify(value)} is not a release tag like v1.2.0`);
  return value;
}

export function manifestFor(engine: string, version: string, files: Map<string, Buffer>): Manifest {
  return { engine, version, files: Object.fromEntries([...files].map(([path, content]) => [path, sha256(content)])) };
}

export function manifestText(manifest: Manifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

export function readManifest(repoRoot: string): Manifest {
  const file = join(repoRoot, manifestFile);
  if (!existsSync(file)) throw new UsageError(`${file} not found: upgrade works in a repository made with 'airflow-gitops init'`);
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`${file}: not JSON: ${(error as Error).message}`);
  }
  const m = value as Partial<Manifest> | null;
  if (m === null || typeof m !== 'object' || typeof m.engine !== 'string' || typeof m.version !== 'string' || typeof m.files !== 'object' || m.files === null) {
    throw new UsageError(`${file}: expected {"engine": "owner/name", "version": "vX.Y.Z", "files": {path: sha256}}`);
  }
  for (const [path, hash] of Object.entries(m.files)) {
    if (typeof hash !== 'string' || !/^[0-9a-f]{64}$/.test(hash) || path.startsWith('/') || path.split('/').includes('..')) throw new UsageError(`${file}: files[${JSON.stringify(path)}] is not a vendored file with its sha256`);
  }
  return { engine: checkEngineName(m.engine, `${file}: engine`), version: checkVersion(m.version, `${file}: version`), files: m.files };
}
