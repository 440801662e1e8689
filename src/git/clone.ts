/**
 * A throwaway clone of another repository (the platform repository a DAG
 * repository pins itself in): one branch, no tags, shallow. An https token
 * travels as an HTTP header set through git's environment (GIT_CONFIG_*), so
 * it is neither in argv (visible to `ps`), nor in the remote URL, nor in any
 * file of the clone.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Git } from './git.ts';

export type CloneSpec = { url: string; branch: string; token?: string; env: NodeJS.ProcessEnv };
export type Clone = { git: Git; dir: string; remove: () => void };

function tokenHeader(url: string, token: string | undefined): NodeJS.ProcessEnv {
  if (token === undefined || !url.startsWith('https://')) return {};
  const basic = Buffer.from(`x-access-token:${token}`).toString('base64');
  return { GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'http.extraHeader', GIT_CONFIG_VALUE_0: `AUTHORIZATION: basic ${basic}` };
}

export async function cloneBranch(spec: CloneSpec): Promise<Clone> {
  const root = mkdtempSync(join(tmpdir(), 'airflow-gitops-clone-'));
  const dir = join(root, 'repo');
  const env = { ...spec.env, ...tokenHeader(spec.url, spec.token) };
  const remove = () => rmSync(root, { recursive: true, force: true });
  try {
    await new Git(root, env).run(['clone', '--quiet', '--no-tags', '--single-branch', '--branch', spec.branch, '--depth', '1', '--', spec.url, dir]);
  } catch (error) {
    remove();
    throw error;
  }
  return { git: new Git(dir, env), dir, remove };
}
