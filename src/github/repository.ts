/**
 * Which repository and API a pull request goes to: GITHUB_REPOSITORY and
 * GITHUB_API_URL in a workflow run (GitHub Enterprise sets its own API URL),
 * else the owner/name read from the git remote's URL.
 */
import { UsageError } from '../errors.ts';

export type Repository = { owner: string; name: string; apiUrl: string; serverUrl: string };

const part = /^[A-Za-z0-9_.-]+$/;

export function parseRepositoryName(value: string, source: string): { owner: string; name: string } {
  const [owner, name, ...rest] = value.split('/');
  if (owner === undefined || name === undefined || rest.length > 0 || !part.test(owner) || !part.test(name)) {
    throw new UsageError(`${source} ${JSON.stringify(value)} is not a repository name like owner/name`);
  }
  return { owner, name };
}

/** owner/name from an https or ssh remote URL of github.com, e.g. git@github.com:o/r.git. */
export function repositoryFromRemoteUrl(url: string): string | undefined {
  const match = /^(?:https:\/\/(?:[^@/]+@)?github\.com\/|git@github\.com:|ssh:\/\/git@github\.com\/)([^/]+\/[^/]+?)(?:\.git)?\/?$/.exec(url.trim());
  return match?.[1];
}

function checkUrl(value: string, source: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`${source} ${JSON.stringify(value)} is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new UsageError(`${source} ${JSON.stringify(value)} is not an http(s) URL`);
  return value.replace(/\/+$/, '');
}

export function resolveRepository(env: NodeJS.ProcessEnv, remoteUrl: string | undefined): Repository {
  const fromEnv = env.GITHUB_REPOSITORY;
  const fromRemote = remoteUrl === undefined ? undefined : repositoryFromRemoteUrl(remoteUrl);
  const value = fromEnv || fromRemote;
  if (value === undefined) {
    throw new UsageError(`cannot tell which GitHub repository to open the pull request in: set GITHUB_REPOSITORY=owner/name (the remote URL ${JSON.stringify(remoteUrl ?? '')} is not a github.com URL)`);
  }
  const { owner, name } = parseRepositoryName(value, fromEnv ? 'GITHUB_REPOSITORY' : 'the remote URL');
  return {
    owner,
    name,
    apiUrl: checkUrl(env.GITHUB_API_URL || 'https://api.github.com', 'GITHUB_API_URL'),
    serverUrl: checkUrl(env.GITHUB_SERVER_URL || 'https://github.com', 'GITHUB_SERVER_URL'),
  };
}
